import { describe, expect, it } from 'vitest';
import { EVERYTHING, NOTHING, SelectorIndex, describeSelector, parseLabelSelector, parseMapSelector, selectorMatches, type Selector } from './selector.js';

function selector(value: unknown): Selector {
  const parsed = parseLabelSelector(value);
  if (!parsed) throw new Error('unreadable selector');
  return parsed;
}

describe('parseLabelSelector (metav1.LabelSelectorAsSelector)', () => {
  it('reads nil as nothing and an empty selector as everything', () => {
    expect(parseLabelSelector(undefined)).toBe(NOTHING);
    expect(parseLabelSelector(null)).toBe(NOTHING);
    expect(parseLabelSelector({})).toBe(EVERYTHING);
    expect(parseLabelSelector({ matchLabels: {}, matchExpressions: [] })).toBe(EVERYTHING);
    expect(selectorMatches(NOTHING, {})).toBe(false);
    expect(selectorMatches(EVERYTHING, {})).toBe(true);
  });

  it('rejects what NewRequirement rejects', () => {
    expect(parseLabelSelector('app=web')).toBeUndefined();
    expect(parseLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Equals', values: ['x'] }] })).toBeUndefined();
    expect(parseLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toBeUndefined();
    expect(parseLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] })).toBeUndefined();
    expect(parseLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toBeUndefined();
    expect(parseLabelSelector({ matchExpressions: [{ operator: 'Exists' }] })).toBeUndefined();
    expect(parseLabelSelector({ matchExpressions: { key: 'a', operator: 'Exists' } })).toBeUndefined();
    expect(parseLabelSelector({ matchLabels: { app: { nested: true } } })).toBeUndefined();
  });
});

describe('selectorMatches (labels.Requirement.Matches)', () => {
  const cases: [string, unknown, Record<string, string>, boolean][] = [
    ['matchLabels equal', { matchLabels: { app: 'web' } }, { app: 'web', tier: 'fe' }, true],
    ['matchLabels other value', { matchLabels: { app: 'web' } }, { app: 'api' }, false],
    ['matchLabels missing key', { matchLabels: { app: 'web' } }, { tier: 'fe' }, false],
    ['matchLabels are ANDed', { matchLabels: { app: 'web', tier: 'fe' } }, { app: 'web' }, false],
    ['In listed', { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }] }, { env: 'staging' }, true],
    ['In not listed', { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }, { env: 'dev' }, false],
    ['In key absent', { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }, {}, false],
    ['NotIn not listed', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, { env: 'dev' }, true],
    ['NotIn listed', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, { env: 'prod' }, false],
    ['NotIn key absent matches', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, {}, true],
    ['Exists present', { matchExpressions: [{ key: 'canary', operator: 'Exists' }] }, { canary: '' }, true],
    ['Exists absent', { matchExpressions: [{ key: 'canary', operator: 'Exists' }] }, {}, false],
    ['DoesNotExist absent', { matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] }, { app: 'x' }, true],
    ['DoesNotExist present', { matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] }, { canary: 'true' }, false],
    ['matchLabels and matchExpressions are ANDed', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] }, { app: 'web', env: 'dev' }, false],
    ['numbers are compared as their text', { matchLabels: { version: 2 } }, { version: '2' }, true],
  ];
  for (const [name, value, labels, expected] of cases) {
    it(name, () => expect(selectorMatches(selector(value), labels)).toBe(expected));
  }

  it('never reaches Object.prototype', () => {
    const labels = Object.create(null) as Record<string, string>;
    expect(selectorMatches(selector({ matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }), labels)).toBe(false);
    expect(selectorMatches(selector({ matchExpressions: [{ key: 'toString', operator: 'DoesNotExist' }] }), {})).toBe(true);
  });

  it('treats ignored keys as satisfied', () => {
    const podName = selector({ matchLabels: { app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-0' } });
    expect(selectorMatches(podName, { app: 'db' })).toBe(false);
    expect(selectorMatches(podName, { app: 'db' }, (key) => key.startsWith('statefulset.'))).toBe(true);
  });
});

describe('parseMapSelector (Service spec.selector)', () => {
  it('has no selector when empty or absent', () => {
    expect(parseMapSelector(undefined)).toBeUndefined();
    expect(parseMapSelector({})).toBeUndefined();
  });
  it('requires every pair', () => {
    const parsed = parseMapSelector({ app: 'web', tier: 'fe' });
    expect(parsed && selectorMatches(parsed, { app: 'web', tier: 'fe', extra: 'x' })).toBe(true);
    expect(parsed && selectorMatches(parsed, { app: 'web' })).toBe(false);
    expect(parsed && describeSelector(parsed)).toBe('app=web,tier=fe');
  });
});

describe('SelectorIndex', () => {
  it('finds the same items as testing every one', () => {
    const index = new SelectorIndex<string>();
    const items: [string, Record<string, string>][] = [
      ['a', { app: 'web', env: 'prod' }],
      ['b', { app: 'web', env: 'dev' }],
      ['c', { app: 'api', env: 'prod', canary: 'true' }],
      ['d', {}],
    ];
    for (const [name, labels] of items) index.add(name, labels);
    const selectors = [
      { matchLabels: { app: 'web' } },
      { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] },
      { matchExpressions: [{ key: 'canary', operator: 'Exists' }] },
      { matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] },
      { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] },
      { matchLabels: { app: 'none' } },
      {},
      null,
    ];
    for (const value of selectors) {
      const parsed = selector(value);
      const expected = items.filter(([, labels]) => selectorMatches(parsed, labels)).map(([name]) => name);
      expect(index.select(parsed)).toEqual(expected);
    }
  });

  it('verifies only the candidates of the rarest positive requirement', () => {
    const index = new SelectorIndex<number>();
    for (let i = 0; i < 1000; i++) index.add(i, { tier: 'backend', app: `app-${i}` });
    index.verified = 0;
    expect(index.select(selector({ matchLabels: { tier: 'backend', app: 'app-7' } }))).toEqual([7]);
    expect(index.verified).toBe(1);
  });
});
