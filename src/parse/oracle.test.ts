import { describe, expect, it } from 'vitest';
import { ballastReads, oracleReads, oracleUnavailable, runOracle } from '../../test/oracle/oracle.js';

const unavailable = oracleUnavailable();

/** Texts that ballast once read differently from Kubernetes, with what Kubernetes reads. */
const CASES: [name: string, text: string, reads: unknown[] | 'error', fullParserDiffers?: 'full parser differs'][] = [
  ['a tab before a key colon', 'replicas\t: 3\n', [{ replicas: 3 }]],
  ['a tab before a comment holding a colon', 'args:\n- --leader-elect=false\t# TODO: re-enable\n', [{ args: ['--leader-elect=false'] }]],
  ['a tab after a value colon', 'a:\tb\n', [{ a: 'b' }]],
  ['a tab after a sequence dash', '- \tx\n', 'error'],
  ['a tab after an explicit key indicator', '? \ta\n', 'error'],
  ['a literal block starting with NBSP', 'data: |\n  \u00a0x\n  y\n', [{ data: '\u00a0x\ny\n' }]],
  ['a literal block starting with U+3000', 'data: |\n  \u3000x\n', [{ data: '\u3000x\n' }]],
  ['a block sequence entry inside a flow sequence', 'args: [- a]\n', 'error'],
  ['a block sequence entry as a flow mapping value', 'a: {a: - b}\n', 'error'],
  // `yaml` refuses a lone `-` in flow where go-yaml reads it; only the scanner reads it as Kubernetes does (README).
  ['a dash alone as a flow value', '{y: -}\n', [{ true: '-' }], 'full parser differs'],
  ['an empty flow entry', '[a, , b]\n', 'error'],
  ['a document marker inside a root flow collection', '[a,\n---\n]\n', 'error'],
  ['a one-column slip in a mapping', 'key:\n  ok: 1\n wrong: 2\n', 'error'],
  ['a one-column slip after a block scalar', 'spec:\n  containers:\n  - name: a\n    args: |\n      x\n   image: b\n', 'error'],
  ['content on the --- line', '--- key: 1\n', 'error'],
  ['keys the 1.1 float pattern made NaN', 'e1: a\nE2: b\n.: c\n', [{ e1: 'a', E2: 'b', '.': 'c' }]],
  ['an anchor on a key', '? &k a\n: 1\nb: *k\n', [{ a: 1, b: 'a' }]],
  ['an alias as a key', '&a x: 1\n*a : 2\n', [{ x: 2 }]],
  ['an undefined alias', 'a: *undefined\n', 'error'],
  ['an undefined alias as a key', '*a : 1\n', 'error'],
  ['a sequence as a key', '[a]: 1\n', 'error'],
  ['an !!omap', '!!omap\n- a: 1\n- b: 2\n', [[{ a: 1 }, { b: 2 }]]],
  ['a repeated key', 'a: 1\na: 2\n', [{ a: 2 }]],
  ['a merge after an explicit key', 'base: &b {cpu: 1}\nthis:\n  cpu: 2\n  <<: *b\n', [{ base: { cpu: 1 }, this: { cpu: 1 } }]],
  ['merges and keys in document order', 'a: 1\n<<: {a: 2, b: 3}\nb: 4\n', [{ a: 2, b: 4 }]],
  ['a merged sequence, earlier first', '<<: [{a: 1}, {a: 2}]\n', [{ a: 1 }]],
  [
    'Go integer and float spellings',
    'a: 0o17\nb: 0X1F\nc: 0B101\nd: 1e400\ne: 0777\nf: 08\ng: 1_000\nh: -0\ni: .5\nj: +1\nk: 0x\n',
    [{ a: 15, b: 31, c: 5, d: '1e400', e: 511, f: 8, g: 1000, h: 0, i: 0.5, j: 1, k: '0x' }],
  ],
  ['maxUnavailable: 0X0', 'maxUnavailable: 0X0\n', [{ maxUnavailable: 0 }]],
  ['YAML 1.1 booleans', 'a: y\nb: n\nc: Yes\nd: off\n', [{ a: true, b: false, c: true, d: false }]],
  ['a lone CR ending a comment', 'a: 1\r# c\rreplicas: 1\n', [{ a: 1, replicas: 1 }]],
  ['a NEL ending a comment', 'a: 1\n# c\u0085replicas: 1\n', [{ a: 1, replicas: 1 }]],
  ['a line separator ending a comment', 'a: 1\n# c\u2028replicas: 1\n', [{ a: 1, replicas: 1 }]],
  ['a paragraph separator ending a comment', 'a: 1\n# c\u2029replicas: 1\n', [{ a: 1, replicas: 1 }]],
  ['a %YAML 1.2 document', '%YAML 1.2\n---\na: 1\n', 'error'],
  ['a %YAML 1.1 document', '%YAML 1.1\n---\na: 1\n', [{ a: 1 }]],
  ['float keys', '1.5: a\n0.1: b\n3.14159265358979: d\n1000000.0: e\n', [{ '1.5': 'a', '0.1': 'b', '3.1415927': 'd', '1e+06': 'e' }]],
  ['a null key', '~: 1\n', 'error'],
  ['a key only uint64 holds', '18446744073709551615: a\n', 'error'],
  ['a NaN value', 'a: .nan\n', 'error'],
  ['tags go-yaml resolves', 'a: !!int 3\nb: !!str 3\nc: !!float 3\nd: !foo bar\n', [{ a: 3, b: '3', c: 3, d: 'bar' }]],
  ['a tag that does not fit', 'a: !!int x\n', 'error'],
  ['a control character', 'a: \u0001\n', 'error'],
  ['DEL', 'a: \u007f\n', 'error'],
  ['an anchor containing its alias', 'x: &a [*a]\n', 'error'],
  ['an inner anchor of the same name wins', 'a: &x\n  b: &x 1\nc: *x\n', [{ a: { b: 1 }, c: 1 }]],
  ['an alias to a mapping', 'labels: &l\n  app: web\nselector: *l\n', [{ labels: { app: 'web' }, selector: { app: 'web' } }]],
  ['an alias in a sequence', 'a: &x [1]\nb:\n- *x\n- *x\t# c\n', [{ a: [1], b: [[1], [1]] }]],
  ['an anchor name with a dot', 'a: &x.y 1\nb: *x.y\n', 'error'],
  ['an anchor name ending in #', 'a: &x# c\n  b: 1\n', 'error'],
  ['a tab after an anchor', 'a: &x\t# c\n  b: 1\nc: *x\n', [{ a: { b: 1 }, c: { b: 1 } }]],
  ['a tab inside a plain scalar', 'a: x\ty\n', [{ a: 'x\ty' }]],
  ['tabs after values before comments', "a: 'x'\t# c\nb: [w]\t# c\nc: z \t# c: d\n", [{ a: 'x', b: ['w'], c: 'z' }]],
  ["a tab after a literal block's indentation", 'a: |\n  x\n  \tlead\n', [{ a: 'x\n\tlead\n' }]],
  ['a tab leading a folded line', 'a: >\n  x\n  \tlead\n', [{ a: 'x\n\tlead\n' }]],
  ["a tab before a literal block's first line", 'a: |\n  \tlead\n', 'error'],
  ['a trailing ---', 'a: 1\n---\n', [{ a: 1 }, null]],
  ['two --- in a row', 'a: 1\n---\n---\nb: 2\n', [{ a: 1 }, null, { b: 2 }]],
  ['a lone ---', '---\n', [null]],
  ['an empty file', '', []],
  ['a comment-only file', '# only\n', []],
  ['an explicit document end', 'a: 1\n...\n', [{ a: 1 }]],
  ['a stream of only ...', '...\n', 'error'],
  ['a comment, then ...', '# c\n...\n', 'error'],
  ['... before a document', '...\na: 1\n', 'error'],
  ['a second ... after a document end', 'a: 1\n...\n...\n', [{ a: 1 }]],
  ['a bare document after ...', 'a: 1\n...\nb: 2\n', 'error'],
  ['--- after ...', 'a: 1\n...\n---\nb: 2\n', [{ a: 1 }, { b: 2 }]],
  ['... after ---', '---\n...\n', [null]],
  ['a %YAML 1.2 directive with no document', '%YAML 1.2\n', 'error'],
  ['a %YAML 1.1 directive with no document', '%YAML 1.1\n', 'error'],
  ['a %YAML 1.1 directive closed by ...', '%YAML 1.1\n...\n', 'error'],
  ['a %TAG handle in its own document', '%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n', [{ a: '1' }]],
  ['a %TAG handle used past its document', '%TAG !e! tag:example.com,2000:\n--- !e!A\na: b\n--- !e!B\nc: d\n', 'error'],
];

describe('named misreads: ballast reads what Kubernetes reads', () => {
  describe.each([
    ['every tier', true],
    ['the full parser', false],
  ])('%s', (_tier, fast) => {
    it.each(CASES.filter(([, , , differs]) => fast || !differs))('%s', (_name, text, reads) => {
      expect(ballastReads(text, fast)).toEqual(reads);
    });
  });

  it.skipIf(unavailable !== undefined)(`matches Kubernetes' decoder on every case${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
    const results = runOracle(CASES.map(([, text]) => text));
    CASES.forEach(([name, , reads], index) => {
      expect(oracleReads(results[index]), name).toEqual(reads);
    });
  });
});
