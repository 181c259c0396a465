import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { expectSameAsFullParser } from '../../test/oracle/tiers.js';
import { scanYaml } from './scan-yaml.js';
import { DEFAULT_LIMITS } from './limits.js';

const root = resolve(import.meta.dirname, '../..');
const corpus = resolve(root, '../shared/corpus');

function* yamlFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory).sort()) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) yield* yamlFiles(path);
    else if (/\.(ya?ml|json)$/.test(entry)) yield path;
  }
}

const paths = { scanner: scanYaml } as const;

describe.each(Object.entries(paths))('%s agrees with the full parser', (_name, parse) => {
  it('on the fixtures and examples', () => {
    let taken = 0;
    for (const directory of ['fixtures', 'examples']) {
      for (const file of yamlFiles(resolve(root, directory))) if (expectSameAsFullParser(readFileSync(file, 'utf8'), file, parse)) taken++;
    }
    expect(taken).toBeGreaterThan(20);
  });

  it.skipIf(!existsSync(corpus))('on the shared corpus (skipped when ../shared/corpus is absent)', () => {
    let taken = 0;
    let files = 0;
    for (const file of yamlFiles(corpus)) {
      files++;
      if (expectSameAsFullParser(readFileSync(file, 'utf8'), file, parse)) taken++;
    }
    // Real-world manifests are what the fast path is for: it must take nearly all of them.
    expect(taken / files).toBeGreaterThan(0.9);
  });

  it('on YAML and JSON written by a serializer from arbitrary Kubernetes-like values', () => {
    const key = fc.oneof(fc.constantFrom('apiVersion', 'kind', 'metadata', 'spec', 'replicas', 'yes', 'on', '__proto__', 'constructor', 'a b', 'x:y', '#k', '8080', '0', '01', '-1'), fc.string({ maxLength: 8 }));
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('yes', 'on', 'off', 'y', '0777', '1e3', '1.5Gi', '~', 'null', '2020-01-02', '0x1F', '-.inf', '.NaN', '12:30', ''),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    })).node;
    let taken = 0;
    fc.assert(
      fc.property(value, fc.constantFrom('block', 'flow', 'json'), (generated, style) => {
        const text = style === 'json' ? JSON.stringify(generated, null, 2) : stringify(generated, { version: '1.1', ...(style === 'flow' ? { collectionStyle: 'flow' as const } : {}) });
        if (expectSameAsFullParser(text, `generated ${style}`, parse)) taken++;
      }),
      { numRuns: 300 },
    );
    expect(taken).toBeGreaterThan(150);
  });

  it('on hand-written edge cases', () => {
    const cases = [
      'a:\n- x\n- y\nb: 1\n',
      'a:\r\n  b: 1\r\n  c: "x"\r\n',
      'k: |\n  line one\n    indented\n\n  last\n\nn: 1\n',
      'k: |-\n  x\n  y\nn: >\n  a\n  b\n\n  c\nm: >-\n  p\n',
      "a: \"esc \\\" \\\\ \\n \\t \\u00e9\"\nb: 'it''s'\n",
      'a:   # comment\nb:\n  # only a comment\nc: 1 # trailing\n',
      '- \n-   # c\n- a: 1\n  b: [1, "2", {c: d}]\n- - x\n  - y\n',
      '# head\n---\na: 1\n---\n# c\nb: 2\n',
      'yes: on\n"quoted key": off\n\'s\': y\n0777: 1e3\nnull: ~\n',
      '{"a": 1, "b": [true, null, "x"], "c": {"d": -1.5e3}}\n',
      'a: x:y\nb: http://example.com/a#b\nc: -1\nd: - not a list\n',
      'a:\n  b:\n    c:\n      d: e\n  f: g\nh: i\n',
      'spec:\n  containers:\n  - name: a\n    image: b\n  - name: c\n',
      'k: >\n  a\n\n\n  b\n',
    ];
    for (const text of cases) expectSameAsFullParser(text, JSON.stringify(text), parse);
  });

  it('takes anchors, aliases and tabs set off from values itself (bench/README.md, other styles)', () => {
    const texts = [
      'a: &x 1\nb: *x\n',
      'metadata:\n  labels: &labels # shared\n    app: web\nspec:\n  selector:\n    matchLabels: *labels\n',
      'a: &x [1, {b: c}]\nb:\n- *x\n- &y\n  - z\nc: *y\n',
      "image: x:1\t# pinned\nname: 'y'\t# c\nargs: [a]\t# c\ncommand: echo\thello\n",
      'args:\n- --leader-elect=false\t# TODO: re-enable\n',
      'a:\tb\nc: \t# c\n  d: 1\n',
      'script: |\n  if x; then\n  \techo y\n  fi\n',
    ];
    for (const text of texts) expect(expectSameAsFullParser(text, JSON.stringify(text), parse), JSON.stringify(text)).toBe(true);
  });

  it('declines what it does not handle, so the full parser reports it', () => {
    for (const text of [
      'a: &x\nb: *x\n',
      '&k a: 1\nb: *k\n',
      '- &a k: v\n',
      'a: &x.y 1\n',
      'a: *x\n',
      'a: &x [*x]\n',
      'a: !!str 1\n',
      '? a\n: b\n',
      'a: 1\na: 2\n',
      '<<: {a: 1}\n',
      'a: "unclosed\n',
      '%YAML 1.1\n---\na: 1\n',
      'a:\n\t- b\n',
    ]) {
      expect(parse(text, DEFAULT_LIMITS), JSON.stringify(text)).toBeUndefined();
    }
  });
});
