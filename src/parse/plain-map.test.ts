import { describe, expect, it } from 'vitest';
import { newPlainMap } from './plain-map.js';

describe('newPlainMap', () => {
  it('inherits nothing: no Object.prototype member reads as present', () => {
    const map = newPlainMap();
    for (const name of Object.getOwnPropertyNames(Object.prototype)) expect(map[name]).toBeUndefined();
    expect('toString' in map).toBe(false);
  });

  it('stores __proto__ as an own key and never changes a prototype', () => {
    const map = newPlainMap();
    map['__proto__'] = { polluted: true };
    expect(Object.keys(map)).toEqual(['__proto__']);
    expect(map['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.stringify(map)).toBe('{"__proto__":{"polluted":true}}');
  });
});
