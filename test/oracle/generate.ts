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
const WORDS = ['a', 'b', 'name', 'replicas', 'image', 'app', 'key', 'value', 'spec', 'x y', 'ümlaut', '\u00a0nb', '\u3000id'];
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

const anchor = fc.option(fc.constantFrom('&a ', '&b ', '&k '), { nil: undefined, freq: 4 });

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
    fc.array(fc.oneof(fc.constantFrom('', ' ', '\u00a0lead', '\u3000lead', '# not a comment', 'key: not a map', '  more', '\tt'), plain), { minLength: 1, maxLength: 4 }),
  )
  .map(([header, lines]) => ({ header, lines }));

/** A block node at `indent`, as lines; `inline` is what goes on the parent's line. */
function blockNode(indent: number, depth: number): fc.Arbitrary<{ inline: string; lines: Lines }> {
  const pad = ' '.repeat(indent + 2);
  const leaf = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(anchor, scalar).map(([a, s]) => ({ inline: `${a ?? ''}${s}`, lines: [] as Lines })) },
    { weight: 1, arbitrary: fc.constantFrom('*a', '*b', '*k', '*missing', '!!str 3', '!!int 3', '!!int x', '!!float 1', '!custom v', '!!binary aGk=').map((inline) => ({ inline, lines: [] as Lines })) },
    { weight: 1, arbitrary: flowText(2).map((inline) => ({ inline, lines: [] as Lines })) },
    { weight: 1, arbitrary: blockScalar.map(({ header, lines }) => ({ inline: header, lines: lines.map((line) => (line === '' ? '' : `${pad}${line}`)) })) },
  );
  if (depth <= 0) return leaf;
  const child = (at: number): fc.Arbitrary<{ inline: string; lines: Lines }> => blockNode(at, depth - 1);
  const mapping = fc.array(fc.tuple(mapKey, SPACE, fc.constantFrom(0, 0, 0, 0, 0, 1, -1), child(indent + 2)), { minLength: 1, maxLength: 4 }).map((entries) => {
    const lines: Lines = [];
    for (const [key, space, slip, value] of entries) {
      const column = ' '.repeat(Math.max(0, indent + 2 + slip));
      lines.push(`${column}${key}:${value.inline === '' ? '' : `${space}${value.inline}`}`, ...value.lines);
    }
    return { inline: '', lines };
  });
  const sequence = fc.array(fc.tuple(fc.constantFrom('- ', '- ', '-\t', '-  '), child(indent + 2)), { minLength: 1, maxLength: 3 }).map((items) => {
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
