import fc from 'fast-check';

/**
 * YAML text written the way people and templates write it, not the way a serializer does:
 * tabs and Unicode white space in every gap, comments that look like content, every spelling of
 * numbers and booleans, block scalars with indicators, flow collections with block indicators
 * inside, anchors on keys, merge keys before and after explicit keys, slips of indentation,
 * every line break YAML 1.1 knows, byte-order marks. `yaml.stringify` writes none of these.
 */
const SPELLINGS = [
  'yes',
  'Yes',
  'YES',
  'y',
  'Y',
  'n',
  'N',
  'no',
  'on',
  'On',
  'off',
  'OFF',
  'true',
  'True',
  'false',
  'FALSE',
  'null',
  'Null',
  '~',
  '0777',
  '0o17',
  '0O17',
  '0x1F',
  '0X1F',
  '0B101',
  '0b101',
  '1_000',
  '1e3',
  '1E3',
  '1e400',
  '1.5',
  '.5',
  '-.5',
  '+1',
  '-0',
  '-0.0',
  '08',
  '09.5',
  'e1',
  'E2',
  '.',
  '.e1',
  '1.',
  '0x',
  '2020-01-02',
  '2020-01-02T03:04:05Z',
  '12:30',
  '1.0e+3',
  '100Mi',
  '0.5',
  '-1',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551616',
  '3.14159265358979',
  '1000000.0',
  '1e6',
  '.inf',
  '-.Inf',
  '.nan',
  '<<',
  '-',
  '?',
  ':',
  'a:b',
  'x#y',
];
const WORDS = ['a', 'b', 'name', 'replicas', 'image', 'app', 'key', 'value', 'spec', 'x y', 'x\ty', 'ümlaut', '\u00a0nb', '\u3000id'];
const SPACE = fc.constantFrom(' ', ' ', ' ', '  ', '\t', ' \t', '\t ');
const BREAK = fc.constantFrom('\n', '\n', '\n', '\n', '\r\n', '\r', '\u0085', '\u2028', '\u2029');
const COMMENT = fc.constantFrom('# c', '# key: value', '#: x', '# ballast-ignore-file', '# - item', '#\u00a0x');

const plain = fc.oneof(fc.constantFrom(...SPELLINGS), fc.constantFrom(...WORDS));
const quoted = fc.oneof(
  plain.map((text) => `"${text.replace(/["\\]/g, '\\$&')}"`),
  plain.map((text) => `'${text.replace(/'/g, "''")}'`),
  fc.constantFrom('"a\\tb"', '"\\u00e9"', '"x\\\n  y"', "'it''s'", '""', "''"),
);
const scalar = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 2, arbitrary: quoted });

/** A text fragment plus the indentation it was written for; lines joined later. */
type Lines = string[];

const anchor = fc.option(fc.constantFrom('&a ', '&b ', '&k ', '&a\t', '&a.b ', '&a# '), { nil: undefined, freq: 4 });
/** What follows a value on its line: nothing, blanks, a comment set off by spaces or a tab. */
const TRAILER = fc.constantFrom('', '', '', ' ', '\t', '  # c', '\t# c: d', ' \t# c', '#c');

function flowText(depth: number): fc.Arbitrary<string> {
  const item: fc.Arbitrary<string> =
    depth <= 0 ? scalar : fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: fc.constant(null).chain(() => flowText(depth - 1)) }, fc.constantFrom('*a', '- a', '? a', '', '-'));
  const gap = fc.constantFrom('', ' ', '\t', '\n  ', '\n');
  const seq = fc.tuple(fc.array(fc.tuple(gap, item), { maxLength: 4 }), fc.boolean()).map(([items, trailing]) => `[${items.map(([g, v]) => `${g}${v}`).join(',')}${trailing ? ',' : ''}]`);
  const map = fc
    .array(fc.tuple(gap, fc.oneof(plain, quoted, fc.constant('')), fc.constantFrom(': ', ':', ':\t', ' : '), item), { maxLength: 4 })
    .map((pairs) => `{${pairs.map(([g, k, sep, v]) => `${g}${k}${sep}${v}`).join(', ')}}`);
  return fc.oneof(seq, map);
}

const blockScalar = fc
  .tuple(
    fc.constantFrom('|', '|-', '|+', '>', '>-', '|2', '>1', '| # c'),
    fc.array(fc.oneof(fc.constantFrom('', ' ', '\u00a0lead', '\u3000lead', '# not a comment', 'key: not a map', '  more', '\tt', 'a\tb', ' \tx', 'x\t'), plain), { minLength: 1, maxLength: 4 }),
  )
  .map(([header, lines]) => ({ header, lines }));

/** A block node at `indent`, as lines; `inline` is what goes on the parent's line. */
function blockNode(indent: number, depth: number): fc.Arbitrary<{ inline: string; lines: Lines }> {
  const pad = ' '.repeat(indent + 2);
  const leaf = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(anchor, scalar).map(([a, s]) => ({ inline: `${a ?? ''}${s}`, lines: [] as Lines })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('*a', '*b', '*k', '*a', '*b', '*missing', '*a.b', '!!str 3', '!!int 3', '!!int x', '!!float 1', '!custom v', '!!binary aGk='), TRAILER)
        .map(([inline, trailer]) => ({ inline: `${inline}${trailer}`, lines: [] as Lines })),
    },
    { weight: 1, arbitrary: flowText(2).map((inline) => ({ inline, lines: [] as Lines })) },
    { weight: 1, arbitrary: blockScalar.map(({ header, lines }) => ({ inline: header, lines: lines.map((line) => (line === '' ? '' : `${pad}${line}`)) })) },
  );
  if (depth <= 0) return leaf;
  const child = (at: number): fc.Arbitrary<{ inline: string; lines: Lines }> => blockNode(at, depth - 1);
  // Anchors on block collections too (`labels: &labels` over the lines of the mapping), as
  // hand-written manifests share labels; the alias leaves above name them.
  const anchored = (at: number): fc.Arbitrary<{ inline: string; lines: Lines }> =>
    fc.tuple(anchor, child(at), TRAILER).map(([a, value, trailer]) => (value.inline === '' && a ? { inline: `${a.trimEnd()}${trailer}`, lines: value.lines } : value));
  const mapping = fc.array(fc.tuple(mapKey, SPACE, fc.constantFrom(0, 0, 0, 0, 0, 1, -1), anchored(indent + 2)), { minLength: 1, maxLength: 4 }).map((entries) => {
    const lines: Lines = [];
    for (const [key, space, slip, value] of entries) {
      const column = ' '.repeat(Math.max(0, indent + 2 + slip));
      lines.push(`${column}${key}:${value.inline === '' ? '' : `${space}${value.inline}`}`, ...value.lines);
    }
    return { inline: '', lines };
  });
  const sequence = fc.array(fc.tuple(fc.constantFrom('- ', '- ', '-\t', '-  '), anchored(indent + 2)), { minLength: 1, maxLength: 3 }).map((items) => {
    const lines: Lines = [];
    for (const [dash, value] of items) lines.push(`${' '.repeat(indent + 2)}${dash}${value.inline}`, ...value.lines);
    return { inline: '', lines };
  });
  return fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 2, arbitrary: mapping }, { weight: 1, arbitrary: sequence });
}

const mapKey = fc.oneof(
  { weight: 6, arbitrary: plain.filter((key) => !key.includes(':') && key !== '-' && key !== '?') },
  { weight: 2, arbitrary: quoted },
  { weight: 1, arbitrary: fc.constantFrom('<<', '&k key', '*k ', 'key\t', 'key ', '? key\n  ', '[a]', '{a: b}', '"k"\t') },
);

/** A document: a root mapping or sequence written at column 0, lines joined by mixed breaks. */
const documentText = fc.tuple(blockNode(-2, 3), fc.array(fc.tuple(fc.nat(20), COMMENT, fc.constantFrom(' ', '\t', '')), { maxLength: 2 })).map(([node, comments]) => {
  const lines = node.lines.length > 0 ? [...node.lines] : [node.inline];
  for (const [at, comment, gap] of comments) {
    const index = at % (lines.length + 1);
    if (index < lines.length && gap !== '') lines[index] = `${lines[index] ?? ''}${gap}${comment}`;
    else lines.splice(index, 0, comment);
  }
  return lines;
});

/** Whole files: one or more documents with markers, mixed line breaks, perhaps a BOM. */
export const unusualYaml: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(documentText, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('---', '---', '--- # c', '--- key: 1', '...\n---'),
    fc.boolean(),
    fc.boolean(),
    fc.array(BREAK, { minLength: 1, maxLength: 60 }),
    fc.constantFrom('', '', '', '\uFEFF'),
  )
  .map(([documents, marker, leading, trailing, breaks, bom]) => {
    const lines = documents.flatMap((lines, index) => (index === 0 ? lines : [marker, ...lines]));
    if (leading) lines.unshift('---');
    if (trailing) lines.push('---');
    // Mostly LF; now and then another break where it is a line break all the same. U+2028 and
    // U+2029 only end comment lines: inside scalar text go-yaml keeps them where ballast folds
    // them (a documented difference).
    const text = lines
      .map((line, index) => {
        const other = index % 7 === 3 ? (breaks[index % breaks.length] ?? '\n') : '\n';
        return `${line}${/[\u2028\u2029]/.test(other) && !line.trimStart().startsWith('#') ? '\n' : other}`;
      })
      .join('');
    return `${bom}${text}`;
  });

/**
 * Manifests as people write them, well-formed enough for the direct scanner to take most: block
 * mappings and sequences at consistent indentation with anchors on collections and scalars,
 * aliases to them (some to names not yet anchored, or anchored inside themselves), comments set
 * off by tabs, tabs inside plain and block-scalar text. What the scanner takes must read as the
 * full parser and Kubernetes read it.
 */
type Shape =
  | { kind: 'scalar'; text: string; anchor: string | undefined; trailer: string }
  | { kind: 'alias'; name: string; trailer: string }
  | { kind: 'block'; header: string; lines: string[]; anchor: string | undefined }
  | { kind: 'map'; entries: [string, Shape][]; anchor: string | undefined; trailer: string }
  | { kind: 'seq'; items: Shape[]; anchor: string | undefined; trailer: string; compact: boolean };

const ANCHOR_NAME = fc.option(fc.constantFrom('labels', 'a', 'b', 'x-1', 'k_2'), { nil: undefined, freq: 3 });
const ALIAS_NAME = fc.constantFrom('labels', 'labels', 'labels', 'labels', 'a', 'a', 'a', 'b', 'x-1', 'k_2', 'none');
const KEY = fc.constantFrom('app', 'name', 'labels', 'image', 'replicas', 'args', 'cpu', 'x y', '"quoted"', "'single'", 'on', '0x1Fk', 'app.kubernetes.io/name');
const VALUE = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('web', 'nginx:1.25', '100m', '1', '0777', 'yes', 'x\ty', 'a b\tc', '--leader-elect=false', 'http://x/#a', '"q\\tz"', "'it''s'", '~', '1e3') },
  { weight: 1, arbitrary: plain },
);
const TRAIL = fc.constantFrom('', '', '', ' # c', '\t# c', '\t# TODO: re-enable', ' \t# c', '\t', '  ');
/** After `key:` or `-` with the node on the lines below, go-yaml refuses a tab: now and then only. */
const HEADER_TRAIL = fc.constantFrom('', '', '', '', '', ' # c', '  ', '\t# c');

const shape: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape; map: Shape; seq: Shape }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('scalar' as const), text: VALUE, anchor: ANCHOR_NAME, trailer: TRAIL }),
    fc.record({ kind: fc.constant('alias' as const), name: ALIAS_NAME, trailer: TRAIL }),
    fc.record({
      kind: fc.constant('block' as const),
      header: fc.constantFrom('|', '|-', '>', '>-', '|\t# c'),
      // A tab first on the first line is refused by go-yaml: rare here, so most texts stay readable.
      lines: fc
        .tuple(fc.constantFrom('text', 'a\tb', 'x\t', 'two words', '# no comment', 'text', '\tlead'), fc.array(fc.constantFrom('text', 'a\tb', '\tlead', 'x\t', 'two words', '', '# no comment'), { maxLength: 2 }))
        .map(([first, rest]) => [first, ...rest]),
      anchor: ANCHOR_NAME,
    }),
    tie('map'),
    tie('seq'),
  ),
  map: fc.record({
    kind: fc.constant('map' as const),
    entries: fc.uniqueArray(fc.tuple(KEY, tie('node')), { minLength: 1, maxLength: 4, selector: ([key]) => key }),
    anchor: ANCHOR_NAME,
    trailer: HEADER_TRAIL,
  }),
  seq: fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('node'), { minLength: 1, maxLength: 3 }), anchor: ANCHOR_NAME, trailer: HEADER_TRAIL, compact: fc.boolean() }),
})).node;

/** Lines for `shape` as the value after `lead` (`key:` or `-`), its own lines indented `indent`. */
function render(shape: Shape, lead: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const anchor = 'anchor' in shape && shape.anchor ? ` &${shape.anchor}` : '';
  switch (shape.kind) {
    case 'scalar':
      return [`${lead}${anchor} ${shape.text}${shape.trailer}`];
    case 'alias':
      return [`${lead} *${shape.name}${shape.trailer}`];
    case 'block':
      return [`${lead}${anchor} ${shape.header}`, ...shape.lines.map((line) => (line === '' ? '' : `${pad}${line}`))];
    case 'map': {
      const entries = shape.entries.map(([key, value]) => render(value, `${pad}${key}:`, indent + 2));
      // A mapping in a sequence usually starts on the dash's line (`- name: x`).
      const [first] = shape.entries;
      if (first && lead.endsWith('-') && !anchor && shape.trailer === '') return [...render(first[1], `${lead} ${first[0]}:`, indent + 2), ...entries.slice(1).flat()];
      return [`${lead}${anchor}${shape.trailer}`, ...entries.flat()];
    }
    case 'seq': {
      // A sequence may stand at its key's indentation (`key:\n- a`), as kubectl writes them.
      const at = shape.compact && lead.trimStart() !== '-' && lead !== '' ? indent - 2 : indent;
      return [`${lead}${anchor}${shape.trailer}`, ...shape.items.flatMap((item) => render(item, `${' '.repeat(Math.max(0, at))}-`, Math.max(0, at) + 2))];
    }
  }
}

/** Most documents first anchor what the aliases below name, as manifests share labels. */
const HEAD = fc.constantFrom('', 'base: &labels\n  app: web\n  tier: x\nshared: &a 3\n', 'base: &labels\n  app: web\n  tier: x\nshared: &a 3\n', 'base: &labels [a, b]\n', 'base:\n- &a x\n- &labels\n  - y\n');

export const manifestYaml: fc.Arbitrary<string> = fc
  .array(fc.tuple(HEAD, fc.uniqueArray(fc.tuple(KEY, shape), { minLength: 1, maxLength: 5, selector: ([key]) => key })), { minLength: 1, maxLength: 2 })
  .map((documents) => documents.map(([head, entries]) => head + entries.flatMap(([key, value]) => render(value, `${key}:`, 2)).join('\n')).join('\n---\n') + '\n');
