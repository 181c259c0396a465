import { describe, expect, it } from 'vitest';
import { asArray, asBoolean, asInteger, asMap, asNumber, asString, dig, field, isMap, stringMap } from './access.js';

const nullProto = (entries: Record<string, unknown>): Record<string, unknown> => Object.assign(Object.create(null) as Record<string, unknown>, entries);

describe('type readers', () => {
  it('isMap and asMap take plain and null-prototype objects, not arrays or null', () => {
    expect([{}, nullProto({ a: 1 }), [], null, undefined, 'x', 1].map(isMap)).toEqual([true, true, false, false, false, false, false]);
    const map = { a: 1 };
    expect(asMap(map)).toBe(map);
    expect(asMap([1])).toBeUndefined();
  });

  it('read only values of the right type', () => {
    expect(asArray([1, 2])).toEqual([1, 2]);
    expect(asArray({ 0: 'a', length: 1 })).toEqual([]);
    expect(asString('3')).toBe('3');
    expect(asString(3)).toBeUndefined();
    expect([1.5, 3, Number.NaN, Number.POSITIVE_INFINITY, '3'].map(asNumber)).toEqual([1.5, 3, undefined, undefined, undefined]);
    expect([3, -2, 0, 1.5, '3', Number.NaN].map(asInteger)).toEqual([3, -2, 0, undefined, undefined, undefined]);
    expect([true, false, 'true', 1].map(asBoolean)).toEqual([true, false, undefined, undefined]);
  });
});

describe('field and dig', () => {
  it('read own properties only, never the prototype chain', () => {
    expect(field({}, 'constructor')).toBeUndefined();
    expect(field({}, 'toString')).toBeUndefined();
    expect(field({}, '__proto__')).toBeUndefined();
    expect(field(nullProto({ constructor: 'data' }), 'constructor')).toBe('data');
    const withProtoKey = nullProto({});
    Object.defineProperty(withProtoKey, '__proto__', { value: { polluted: true }, enumerable: true });
    expect(field(withProtoKey, '__proto__')).toEqual({ polluted: true });
    expect(field([1, 2], '0')).toBeUndefined();
    expect(field('string', 'length')).toBeUndefined();
  });

  it('dig walks maps by key and lists by index, and stops at anything else', () => {
    const value = { spec: { containers: [{ name: 'a' }, { name: 'b' }], replicas: 3 } };
    expect(dig(value, 'spec', 'containers', 1, 'name')).toBe('b');
    expect(dig(value, 'spec', 'containers', 5, 'name')).toBeUndefined();
    expect(dig(value, 'spec', 'containers', '1', 'name')).toBeUndefined();
    expect(dig(value, 'spec', 'replicas', 'value')).toBeUndefined();
    expect(dig(value, 'spec', 'constructor')).toBeUndefined();
    expect(dig(value)).toBe(value);
    expect(dig({ a: null }, 'a')).toBeNull();
    expect(dig({ a: null }, 'a', 'b')).toBeUndefined();
  });
});

describe('stringMap', () => {
  it('keeps strings, writes numbers and booleans as text, skips the rest', () => {
    const labels = stringMap({ app: 'api', version: 2, canary: true, nested: { a: 1 }, list: ['x'], empty: null });
    expect({ ...labels }).toEqual({ app: 'api', version: '2', canary: 'true' });
    expect('toString' in labels).toBe(false);
  });

  it('keeps hostile keys as data', () => {
    const source = nullProto({ constructor: 'c', toString: 't' });
    Object.defineProperty(source, '__proto__', { value: 'p', enumerable: true });
    const labels = stringMap(source);
    expect(Object.keys(labels).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(labels['__proto__']).toBe('p');
    expect(({} as Record<string, unknown>)['c']).toBeUndefined();
  });

  it('is empty for anything that is not a map', () => {
    expect({ ...stringMap(['a']) }).toEqual({});
    expect({ ...stringMap('a=b') }).toEqual({});
    expect({ ...stringMap(undefined) }).toEqual({});
  });
});
