import { describe, expect, it } from 'vitest';
import type { Path, Position } from '../types.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { ParsedFile } from './source.js';
import { SourceFile } from './source.js';
import { scanYamlSuppressionComments } from './comments.js';
import { scanYaml } from './scan-yaml.js';
import { parseYamlFile } from './yaml.js';

function parse(text: string, fast = true): ParsedFile {
  return parseYamlFile('test.yaml', text, DEFAULT_LIMITS, { fast });
}

/** Start and end of the node at `path` in document `index`, as 1-based positions. */
function where(parsed: ParsedFile, path: Path, index = 0): { start: Position; end: Position } {
  const doc = parsed.documents.find((candidate) => candidate.index === index);
  if (!doc) throw new Error(`no document ${index}`);
  const [start, end] = doc.locate(path);
  return { start: parsed.file.lines.position(start), end: parsed.file.lines.position(end) };
}

function problemAt(parsed: ParsedFile, which = 0): { ruleId: string; messageId: string; line: number; column: number; document: number } {
  const problem = parsed.problems[which];
  if (!problem) throw new Error('no problem');
  const { line, column } = parsed.file.lines.position(problem.range[0]);
  return { ruleId: problem.ruleId, messageId: problem.messageId, line, column, document: problem.document };
}

const DEPLOYMENT = [
  'apiVersion: apps/v1', // 1
  'kind: Deployment', // 2
  'metadata:', // 3
  '  name: api', // 4
  'spec:', // 5
  '  replicas: 1', // 6
  '  template:', // 7
  '    spec:', // 8
  '      containers:', // 9
  '        - name: web', // 10
  '          image: nginx:1.27', // 11
  '        - image: sidecar:1', // 12
  '',
].join('\n');

// Plain manifests take the direct scanner, anything unusual the full parser: both must give the same answers.
describe.each([
  ['fast path', true],
  ['full parser', false],
])('%s', (_name, fast) => {
  const parseWith = (text: string): ParsedFile => parse(text, fast);

  describe('positions', () => {
    const parsed = parseWith(DEPLOYMENT);

    it('points at a scalar value itself, start and end', () => {
      expect(where(parsed, ['metadata', 'name'])).toEqual({ start: { line: 4, column: 9 }, end: { line: 4, column: 12 } });
      expect(where(parsed, ['spec', 'replicas'])).toEqual({ start: { line: 6, column: 13 }, end: { line: 6, column: 14 } });
      expect(where(parsed, ['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual({
        start: { line: 11, column: 18 },
        end: { line: 11, column: 28 },
      });
    });

    it('points at the key of a collection reached by key', () => {
      expect(where(parsed, ['spec', 'template'])).toEqual({ start: { line: 7, column: 3 }, end: { line: 7, column: 11 } });
      expect(where(parsed, ['spec', 'template', 'spec', 'containers'])).toEqual({ start: { line: 9, column: 7 }, end: { line: 9, column: 17 } });
    });

    it('points at the first key of a mapping that is a list item', () => {
      expect(where(parsed, ['spec', 'template', 'spec', 'containers', 0]).start).toEqual({ line: 10, column: 11 });
      expect(where(parsed, ['spec', 'template', 'spec', 'containers', 1]).start).toEqual({ line: 12, column: 11 });
    });

    it('points at the first key of the document for the empty path', () => {
      expect(where(parsed, []).start).toEqual({ line: 1, column: 1 });
    });

    it('falls back to the nearest existing parent for a missing path', () => {
      expect(where(parsed, ['spec', 'strategy', 'type']).start).toEqual({ line: 5, column: 1 });
      expect(where(parsed, ['spec', 'template', 'spec', 'containers', 7, 'name']).start).toEqual({ line: 9, column: 7 });
      expect(where(parsed, ['spec', 'template', 'spec', 'containers', 1, 'resources', 'limits']).start).toEqual({ line: 12, column: 11 });
      // A path that goes through a scalar stops at the scalar.
      expect(where(parsed, ['spec', 'replicas', 'nested']).start).toEqual({ line: 6, column: 13 });
      // A string index into a sequence, or a number into a mapping, does not match.
      expect(where(parsed, ['spec', 'template', 'spec', 'containers', 'web']).start).toEqual({ line: 9, column: 7 });
      expect(where(parsed, ['metadata', 0]).start).toEqual({ line: 3, column: 1 });
    });

    it('locates the key that holds a node, whatever its value, and falls back to locate elsewhere', () => {
      const doc = parsed.documents[0];
      const key = (path: Path): { start: Position; end: Position } => {
        const [start, end] = doc?.locateKey?.(path) ?? [0, 0];
        return { start: parsed.file.lines.position(start), end: parsed.file.lines.position(end) };
      };
      expect(key(['spec', 'replicas'])).toEqual({ start: { line: 6, column: 3 }, end: { line: 6, column: 11 } });
      expect(key(['spec', 'template'])).toEqual(where(parsed, ['spec', 'template']));
      // A list item has no key; a missing field is shown where locate shows it.
      expect(key(['spec', 'template', 'spec', 'containers', 1])).toEqual(where(parsed, ['spec', 'template', 'spec', 'containers', 1]));
      expect(key(['spec', 'strategy', 'type'])).toEqual(where(parsed, ['spec', 'strategy', 'type']));
      const spread = parseWith(['kind: KubeletConfiguration', 'cacheTTl: |', '  2m', 'quoted:', '  "x"', ''].join('\n'));
      const [start] = spread.documents[0]?.locateKey?.(['cacheTTl']) ?? [0];
      expect(spread.file.lines.position(start)).toEqual({ line: 2, column: 1 });
      const [quoted] = spread.documents[0]?.locateKey?.(['quoted']) ?? [0];
      expect(spread.file.lines.position(quoted)).toEqual({ line: 4, column: 1 });
      const json = parseWith('{\n  "spec": {\n    "replicas":\n      1\n  }\n}\n');
      const [jsonKey, jsonEnd] = json.documents[0]?.locateKey?.(['spec', 'replicas']) ?? [0, 0];
      expect([json.file.lines.position(jsonKey), json.file.lines.position(jsonEnd)]).toEqual([
        { line: 3, column: 5 },
        { line: 3, column: 15 },
      ]);
    });

    it('locates List items at their own position', () => {
      const list = parseWith(['apiVersion: v1', 'kind: List', 'items:', '  - kind: ConfigMap', '    metadata: {name: a}', '  - kind: ConfigMap', '    metadata:', '      name: b', ''].join('\n'));
      expect(where(list, ['items', 0, 'metadata', 'name']).start).toEqual({ line: 5, column: 22 });
      expect(where(list, ['items', 1, 'metadata', 'name']).start).toEqual({ line: 8, column: 13 });
      expect(where(list, ['items', 1]).start).toEqual({ line: 6, column: 5 });
    });

    it('gives the same positions with CRLF line endings, ends before the CR', () => {
      const crlf = parseWith(DEPLOYMENT.replace(/\n/g, '\r\n'));
      expect(crlf.problems).toEqual([]);
      expect(where(crlf, ['metadata', 'name'])).toEqual({ start: { line: 4, column: 9 }, end: { line: 4, column: 12 } });
      expect(where(crlf, ['spec', 'template', 'spec', 'containers', 1, 'image'])).toEqual(where(parsed, ['spec', 'template', 'spec', 'containers', 1, 'image']));
    });

    it('strips a byte-order mark so the first line starts at column 1', () => {
      const bom = parseWith(`\uFEFF${DEPLOYMENT}`);
      expect(bom.problems).toEqual([]);
      expect(bom.file.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(where(bom, ['apiVersion'])).toEqual({ start: { line: 1, column: 13 }, end: { line: 1, column: 20 } });
      expect(where(bom, []).start).toEqual({ line: 1, column: 1 });
    });

    it('reads JSON with positions', () => {
      const json = parseWith('{\n  "kind": "Deployment",\n  "spec": {\n    "replicas": 1,\n    "selector": {"matchLabels": {"app": "x"}}\n  }\n}\n');
      expect(json.problems).toEqual([]);
      expect(json.documents[0]?.value).toEqual({ kind: 'Deployment', spec: { replicas: 1, selector: { matchLabels: { app: 'x' } } } });
      expect(where(json, ['spec', 'replicas']).start).toEqual({ line: 4, column: 17 });
      expect(where(json, ['spec', 'selector', 'matchLabels', 'app']).start).toEqual({ line: 5, column: 41 });
      expect(where(json, ['spec']).start).toEqual({ line: 3, column: 3 });
    });

    it('resolves paths through aliases to the anchored node', () => {
      const aliased = parseWith(['base: &labels', '  app: api', 'spec:', '  selector: *labels', ''].join('\n'));
      expect(where(aliased, ['spec', 'selector', 'app']).start).toEqual({ line: 2, column: 8 });
      // The alias itself, where the path was written.
      expect(where(aliased, ['spec', 'selector']).start).toEqual({ line: 4, column: 13 });
    });

    it('resolves a path into merged keys to where the merged value is written', () => {
      const merged = parseWith(['defaults: &d', '  image: nginx', 'container:', '  <<: *d', '  name: web', ''].join('\n'));
      expect(where(merged, ['container', 'name']).start).toEqual({ line: 5, column: 9 });
      expect(where(merged, ['container', 'image']).start).toEqual({ line: 2, column: 10 });
    });
  });

  describe('values', () => {
    it('decodes YAML 1.1 scalars the way Kubernetes (go-yaml v2) does', () => {
      const parsed = parseWith(['a: yes', 'b: on', 'c: off', 'd: no', 'e: Yes', 'f: 0777', 'g: 0x1F', 'h: 1_000', 'i: 2024-01-02', 'j: ~', 'k: "yes"', 'l: 1.5e9', 'm: 12:30', 'o: 1.5Gi', ''].join('\n'));
      expect(parsed.problems).toEqual([]);
      expect({ ...(parsed.documents[0]?.value as object) }).toEqual({
        a: true,
        b: true,
        c: false,
        d: false,
        e: true,
        f: 511,
        g: 31,
        h: 1000,
        i: '2024-01-02',
        j: null,
        k: 'yes',
        l: 1.5e9,
        m: '12:30',
        o: '1.5Gi',
      });
    });

    it('keeps __proto__ and constructor as data without touching prototypes', () => {
      const parsed = parseWith(['__proto__:', '  polluted: yes', 'constructor:', '  prototype:', '    polluted: yes', 'merged:', '  <<: {__proto__: {polluted: yes}}', 'toString: 1', ''].join('\n'));
      const value = parsed.documents[0]?.value as Record<string, unknown>;
      expect(Object.getPrototypeOf(Object.getPrototypeOf(value))).toBeNull();
      expect(Object.getOwnPropertyNames(Object.getPrototypeOf(value))).toEqual([]);
      expect('hasOwnProperty' in value).toBe(false);
      expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'merged', 'toString']);
      expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
      expect(value['constructor']).toEqual({ prototype: { polluted: true } });
      expect(Object.keys(value['merged'] as object)).toEqual(['__proto__']);
      expect(Object.getOwnPropertyDescriptor(value, 'toString')?.value).toBe(1);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('applies merge keys: explicit keys win, earlier sources win over later ones', () => {
      const parsed = parseWith(['a: &a {x: 1, v: 1, z: 1}', 'b: &b {v: 2, w: 2}', 'one:', '  <<: *a', '  x: 0', 'many:', '  <<: [*b, *a]', '  z: 3', 'literal:', '  <<: {k: v}', ''].join('\n'));
      const value = parsed.documents[0]?.value as Record<string, unknown>;
      expect(value['one']).toEqual({ x: 0, v: 1, z: 1 });
      expect(value['many']).toEqual({ v: 2, w: 2, x: 1, z: 3 });
      expect(value['literal']).toEqual({ k: 'v' });
      expect(Object.keys(value)).not.toContain('<<');
    });

    it('shares the value of an anchor between its aliases', () => {
      const parsed = parseWith(['labels: &l {app: api}', 'selector: *l', 'template: {labels: *l}', ''].join('\n'));
      const value = parsed.documents[0]?.value as Record<string, Record<string, unknown>>;
      expect(value['selector']).toBe(value['labels']);
      expect(value['template']?.['labels']).toBe(value['labels']);
    });

    it('uses the last anchor of a name defined before the alias', () => {
      const parsed = parseWith(['a: &x 1', 'b: *x', 'c: &x 2', 'd: *x', ''].join('\n'));
      expect({ ...(parsed.documents[0]?.value as object) }).toEqual({ a: 1, b: 1, c: 2, d: 2 });
    });
  });

  describe('documents', () => {
    it.each([
      ['an empty file', '', 0, 0],
      ['a comment-only file', '# nothing\n', 0, 0],
      ['a lone ---', '---\n', 1, 0],
      ['two ---', '---\n---\n', 2, 0],
      ['a trailing ---', 'a: 1\n---\n', 2, 1],
      ['a leading ---', '---\na: 1\n', 1, 1],
      ['an explicit end marker', 'a: 1\n...\n---\nb: 2\n', 2, 2],
      ['a null document', '~\n---\na: 1\n', 2, 1],
    ])('counts %s', (_name, text, documentCount, withValue) => {
      const parsed = parseWith(text);
      expect(parsed.problems).toEqual([]);
      expect(parsed.documentCount).toBe(documentCount);
      expect(parsed.documents.filter((doc) => doc.value !== null)).toHaveLength(withValue);
    });

    it('numbers documents by their place in the file, empty ones included', () => {
      const parsed = parseWith('---\n---\na: 1\n---\nb: 2\n');
      expect(parsed.documents.filter((doc) => doc.value !== null).map((doc) => doc.index)).toEqual([1, 2]);
      expect(where(parsed, ['b'], 2).start).toEqual({ line: 5, column: 4 });
    });
  });
});

describe('problems', () => {
  it('reports a syntax error once per document, and keeps the other documents', () => {
    const parsed = parse(['a: 1', '---', 'b: [1, 2', 'c: d: e', '---', 'e: 3', ''].join('\n'));
    expect(parsed.problems.map((problem) => problem.ruleId)).toEqual(['parse-error']);
    expect(problemAt(parsed).document).toBe(1);
    expect(parsed.documentCount).toBe(3);
    expect(parsed.documents.map((doc) => doc.index)).toEqual([0, 2]);
    expect(where(parsed, ['e'], 2).start).toEqual({ line: 6, column: 4 });
  });

  it('reports an unclosed quote where it opens and reads the documents after it', () => {
    const parsed = parse(['a: 1', '---', 'b: "open', 'c: 2', '---', "d: 'open too", '---', 'e: 3', ''].join('\n'));
    expect(parsed.problems).toHaveLength(2);
    expect(problemAt(parsed, 0)).toEqual({ ruleId: 'parse-error', messageId: 'syntax', line: 3, column: 4, document: 1 });
    expect(problemAt(parsed, 1)).toEqual({ ruleId: 'parse-error', messageId: 'syntax', line: 6, column: 4, document: 2 });
    expect(parsed.documentCount).toBe(4);
    expect(parsed.documents.map((doc) => doc.index)).toEqual([0, 3]);
    expect(where(parsed, ['e'], 3)).toEqual({ start: { line: 8, column: 4 }, end: { line: 8, column: 5 } });
  });

  it('reports an unclosed quote in the last document where it opens', () => {
    const parsed = parse('a: 1\nb: "never closed\nc: 2\n');
    expect(problemAt(parsed)).toMatchObject({ ruleId: 'parse-error', line: 2, column: 4 });
    expect(parsed.documentCount).toBe(1);
  });

  it('reports tabs used as indentation', () => {
    const parsed = parse('metadata:\n\tname: x\n');
    expect(problemAt(parsed)).toMatchObject({ ruleId: 'parse-error', line: 2 });
    expect(parsed.problems[0]?.data['detail']).toMatch(/tab/i);
  });

  it('reports each duplicate key at the repeated key and keeps the document', () => {
    const parsed = parse(['metadata:', '  name: a', '  name: b', 'spec: {x: 1, x: 2}', '"a key": 1', '"a key": 2', ''].join('\n'));
    const lines = parsed.file.lines;
    expect(parsed.problems.map((problem) => [problem.ruleId, problem.data['key'], lines.position(problem.range[0]), lines.position(problem.range[1])])).toEqual([
      ['duplicate-key', 'name', { line: 3, column: 3 }, { line: 3, column: 7 }],
      ['duplicate-key', 'x', { line: 4, column: 14 }, { line: 4, column: 15 }],
      ['duplicate-key', 'a key', { line: 6, column: 1 }, { line: 6, column: 8 }],
    ]);
    expect(parsed.documents).toHaveLength(1);
  });

  it('refuses an alias bomb at the alias that crosses the budget', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const parsed = parse(`${lines.join('\n')}\n---\nok: 1\n`);
    expect(parsed.problems).toHaveLength(1);
    expect(problemAt(parsed)).toMatchObject({ ruleId: 'input-limit', messageId: 'aliases', document: 0 });
    expect(problemAt(parsed).line).toBeGreaterThan(1);
    expect(parsed.problems[0]?.data['limit']).toBe(DEFAULT_LIMITS.maxAliasNodes);
    expect(parsed.documents.map((doc) => doc.index)).toEqual([1]);
  });

  it('accepts many aliases to a small anchor', () => {
    const text = `x: &x {a: 1}\nlist: [${Array(5000).fill('*x').join(', ')}]\n`;
    const parsed = parse(text);
    expect(parsed.problems).toEqual([]);
    expect((parsed.documents[0]?.value as { list: unknown[] }).list).toHaveLength(5000);
  });

  it('refuses nesting beyond maxDepth when converting', () => {
    const parsed = parseYamlFile('deep.yaml', `a: ${'['.repeat(30)}${']'.repeat(30)}\n`, { ...DEFAULT_LIMITS, maxDepth: 20 });
    expect(problemAt(parsed)).toMatchObject({ ruleId: 'input-limit', messageId: 'depth', line: 1 });
    expect(parsed.problems[0]?.data['limit']).toBe(20);
    expect(parsed.documents).toEqual([]);
  });

  it('refuses text nested beyond what the parser survives, before parsing it', () => {
    const flow = parse(`a: 1\n---\nb: ${'['.repeat(600)}${']'.repeat(600)}\n`);
    expect(problemAt(flow)).toEqual({ ruleId: 'input-limit', messageId: 'nesting', line: 3, column: 504, document: 0 });
    const block = parse(`${'- '.repeat(600)}x\n`);
    expect(problemAt(block)).toMatchObject({ ruleId: 'input-limit', messageId: 'nesting', line: 1, column: 1001 });
  });
});

describe('inputs that once stalled or misled the parser', () => {
  it('scans a file ending in --- itself instead of handing it to the full parser', () => {
    expect(scanYaml('a: 1\n---\n', DEFAULT_LIMITS)?.documentCount).toBe(2);
    expect(scanYaml('---\n---\n', DEFAULT_LIMITS)?.documentCount).toBe(2);
  });

  it('refuses a root flow collection nested over column-0 lines as an input limit, not a crash', () => {
    for (const text of ['[\n'.repeat(20_000) + ']\n'.repeat(20_000), '{a:\n'.repeat(20_000) + '}\n'.repeat(20_000), '[\n"x", '.repeat(20_000) + ']'.repeat(20_000)]) {
      const parsed = parse(text);
      expect(parsed.problems.map((problem) => [problem.ruleId, problem.messageId])).toEqual([['input-limit', 'nesting']]);
    }
  });

  it('reports an undefined alias where it stands', () => {
    const parsed = parse('a: 1\nb: *nowhere\n');
    expect(problemAt(parsed)).toMatchObject({ ruleId: 'parse-error', messageId: 'syntax', line: 2, column: 4 });
    expect(parsed.problems[0]?.data['detail']).toMatch(/unknown anchor 'nowhere'/);
    expect(parsed.documents).toEqual([]);
  });

  it('counts the alias budget over the whole file, not per document', () => {
    // Each document stays under the budget; together they cross it.
    const document = `x: &x [${Array(100).fill('a').join(', ')}]\nl: [${Array(100).fill('*x').join(', ')}]\n`;
    const parsed = parse(Array(20).fill(document).join('---\n'));
    const first = parsed.problems[0]?.document ?? 0;
    expect(first).toBeGreaterThan(5);
    // Every document past the budget is refused, each with its own finding; those before it are read.
    expect(parsed.problems.map((problem) => [problem.ruleId, problem.messageId, problem.document])).toEqual(Array.from({ length: 20 - first }, (_, index) => ['input-limit', 'aliases', first + index]));
    expect(parsed.documents.map((doc) => doc.index)).toEqual(Array.from({ length: first }, (_, index) => index));
  });

  it('checks the keys of a large mapping for repeats in linear time', () => {
    // `yaml`'s own unique-key check took 11.6 s on 40,000 keys once an anchor sent a file to the
    // full parser: 4× the keys cost 16× the time. Linear work costs about 4×; 8× leaves room for noise.
    const timed = (count: number): { ms: number; parsed: ParsedFile } => {
      const keys = Array.from({ length: count }, (_, index) => `k${index}: ${index}`);
      const started = performance.now();
      const parsed = parse(`a: &x 1\n${keys.join('\n')}\nk7: again\n`);
      return { ms: performance.now() - started, parsed };
    };
    timed(2_000);
    const small = timed(10_000);
    const large = timed(40_000);
    expect(large.ms / small.ms).toBeLessThan(8);
    expect(large.parsed.problems.map((problem) => [problem.ruleId, problem.data['key'], problemAt(large.parsed).line])).toEqual([['duplicate-key', 'k7', 40_002]]);
  });

  it('locates a repeated key at the occurrence whose value is used', () => {
    const parsed = parse('a: 1\nb: 2\na: 3\n', false);
    expect((parsed.documents[0]?.value as Record<string, unknown>)['a']).toBe(3);
    expect(where(parsed, ['a']).start).toEqual({ line: 3, column: 4 });
  });
});

describe('suppression comments', () => {
  function scan(text: string) {
    return scanYamlSuppressionComments(new SourceFile('test.yaml', text)).map(({ scope, rules, reason, line }) => ({ scope, rules, reason, line }));
  }

  it('reads next-line and file comments with their rules, reason and line', () => {
    expect(
      scan(
        [
          '# ballast-ignore-file replicas-min',
          'a: 1',
          '  # ballast-ignore-next-line liveness-probe-missing, readiness-probe-missing -- probes live in the mesh',
          'b: 2 # ballast-ignore-next-line *',
          '#ballast-ignore-next-line',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      { scope: 'file', rules: ['replicas-min'], reason: undefined, line: 1 },
      { scope: 'next-line', rules: ['liveness-probe-missing', 'readiness-probe-missing'], reason: 'probes live in the mesh', line: 3 },
      { scope: 'next-line', rules: [], reason: undefined, line: 4 },
      { scope: 'next-line', rules: [], reason: undefined, line: 5 },
    ]);
  });

  it('stops the rule list at a trailing comment', () => {
    expect(scan('# ballast-ignore-next-line replicas-min # reviewed in #42\n')).toEqual([{ scope: 'next-line', rules: ['replicas-min'], reason: undefined, line: 1 }]);
  });

  it('ignores look-alikes', () => {
    expect(scan('# ballast-ignore-everything\n# ballast-ignore-next-linex a\nkey: ballast-ignore-file\n')).toEqual([]);
  });

  it('takes them from real comments only, never from block scalars or quoted strings', () => {
    const text = [
      'kind: ConfigMap',
      'data:',
      '  script: |',
      '    # ballast-ignore-file',
      '    echo hi',
      '  quoted: "x # ballast-ignore-file"',
      "  single: 'y # ballast-ignore-next-line'",
      '  plain: z # ballast-ignore-next-line replicas-min',
      '',
    ].join('\n');
    expect(scan(text)).toEqual([{ scope: 'next-line', rules: ['replicas-min'], reason: undefined, line: 8 }]);
    expect(parse(text).comments.map((comment) => comment.line)).toEqual([8]);
  });

  it('counts lines with CRLF endings', () => {
    expect(scan('a: 1\r\n# ballast-ignore-next-line replicas-min\r\nb: 2\r\n')).toEqual([{ scope: 'next-line', rules: ['replicas-min'], reason: undefined, line: 2 }]);
  });
});
