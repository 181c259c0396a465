import { describe, expect, it } from 'vitest';
import { parseText } from './index.js';
import { fromWire, toWire, transferablesOf } from './wire.js';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels: {app: api, "__proto__": x}\nspec:\n  replicas: 3\n---\n---\nkind: ConfigMap\ndata: {a: "1"}\n';

describe('toWire / fromWire', () => {
  it('carries values, positions, problems and comments across as the parser made them', () => {
    const parsed = parseText('deploy.yaml', `# ballast-disable-file replicas-min\n${deployment}`);
    const wire = toWire(parsed);
    expect(wire.reparse).toBe(false);
    if (wire.reparse) return;
    expect(transferablesOf([wire])).toHaveLength(parsed.documents.length);
    const back = fromWire(structuredClone(wire));
    expect(back.documentCount).toBe(parsed.documentCount);
    expect(back.comments).toEqual(parsed.comments);
    expect(back.problems).toEqual(parsed.problems);
    expect(back.documents.map((doc) => doc.index)).toEqual(parsed.documents.map((doc) => doc.index));
    expect(back.documents.map((doc) => JSON.stringify(doc.value))).toEqual(parsed.documents.map((doc) => JSON.stringify(doc.value)));
    for (const path of [
      ['spec', 'replicas'],
      ['metadata', 'labels', '__proto__'],
      ['metadata', 'labels'],
      ['data', 'a'],
    ]) {
      expect(back.documents.map((doc) => doc.locate(path))).toEqual(parsed.documents.map((doc) => doc.locate(path)));
    }
    expect(Object.keys((back.documents[0]?.value as { metadata: { labels: object } }).metadata.labels)).toEqual(['app', '__proto__']);
  });

  it.each([
    ['negative zero', 'ratio: -0.0\n'],
    ['a merge key (full parser)', 'a: &x {b: 1}\n<<: *x\n'],
  ])('sends a file with %s as text, to be parsed again', (_, text) => {
    const wire = toWire(parseText('odd.yaml', text));
    expect(wire).toEqual({ path: 'odd.yaml', text, reparse: true });
  });

  it('carries the problems of a file that did not parse', () => {
    const parsed = parseText('broken.yaml', 'a: [\n');
    expect(parsed.problems).not.toHaveLength(0);
    const wire = toWire(parsed);
    expect(wire.reparse ? [] : fromWire(wire).problems).toEqual(parsed.problems);
  });
});
