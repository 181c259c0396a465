import { describe, expect, it } from 'vitest';
import { checkAgainstSchema, type SchemaNode } from './schema.js';

const schema: SchemaNode = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string' },
    maxPods: { type: 'integer' },
    ratio: { type: 'number' },
    enabled: { type: 'boolean' },
    either: { type: ['string', 'integer'] },
    kubeReserved: { type: 'object', additionalProperties: { type: 'string' } },
    tlsCipherSuites: { type: 'array', items: { type: 'string' } },
    nested: { type: 'object', additionalProperties: false, properties: { inner: { type: 'integer' } } },
    free: { type: 'object' },
  },
};

describe('checkAgainstSchema', () => {
  it('accepts a value that matches, nulls included', () => {
    const value = { kind: 'KubeletConfiguration', maxPods: 110, ratio: 0.5, enabled: false, either: 'x', kubeReserved: { cpu: '100m' }, tlsCipherSuites: ['a'], nested: { inner: 1 }, free: { anything: [1] } };
    expect(checkAgainstSchema(value, schema)).toEqual([]);
    expect(checkAgainstSchema({ ...value, maxPods: null, nested: { inner: null } }, schema)).toEqual([]);
  });

  it('reports wrong types with their path, in document order', () => {
    const issues = checkAgainstSchema({ maxPods: '110', ratio: 1, enabled: 'yes', either: 1.5, kubeReserved: { cpu: 1, memory: '1Gi' }, tlsCipherSuites: ['a', 2], nested: [] }, schema);
    expect(issues).toEqual([
      { kind: 'type', path: ['maxPods'], expected: 'integer', value: '110' },
      { kind: 'type', path: ['enabled'], expected: 'boolean', value: 'yes' },
      { kind: 'type', path: ['either'], expected: 'string or integer', value: 1.5 },
      { kind: 'type', path: ['kubeReserved', 'cpu'], expected: 'string', value: 1 },
      { kind: 'type', path: ['tlsCipherSuites', 1], expected: 'string', value: 2 },
      { kind: 'type', path: ['nested'], expected: 'mapping', value: [] },
    ]);
  });

  it('reports unknown keys, with a suggestion when one is close', () => {
    expect(checkAgainstSchema({ maxPod: 1, totallyUnknown: true, nested: { iner: 2 } }, schema)).toEqual([
      { kind: 'unknown', path: ['maxPod'], key: 'maxPod', suggestion: 'maxPods' },
      { kind: 'unknown', path: ['totallyUnknown'], key: 'totallyUnknown' },
      { kind: 'unknown', path: ['nested', 'iner'], key: 'iner', suggestion: 'inner' },
    ]);
  });

  it('never takes Object.prototype members for schema properties', () => {
    const value = Object.assign(Object.create(null) as Record<string, unknown>, { constructor: 1, toString: 2, hasOwnProperty: 3 });
    expect(checkAgainstSchema(value, schema).map((issue) => issue.kind === 'unknown' && issue.key)).toEqual(['constructor', 'toString', 'hasOwnProperty']);
  });

  it('reports a wrong type at the root', () => {
    expect(checkAgainstSchema(['a'], schema)).toEqual([{ kind: 'type', path: [], expected: 'mapping', value: ['a'] }]);
  });
});
