import { describe, expect, it } from 'vitest';
import { toleratesTaint, tolerationSeconds, type Taint } from './tolerations.js';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

describe('toleratesTaint', () => {
  it('matches on key with Exists or an empty Equal value', () => {
    expect(toleratesTaint({ key: unreachable.key, operator: 'Exists', effect: 'NoExecute' }, unreachable)).toBe(true);
    expect(toleratesTaint({ key: unreachable.key, effect: 'NoExecute' }, unreachable)).toBe(true);
    expect(toleratesTaint({ key: unreachable.key, operator: 'Equal', value: 'x', effect: 'NoExecute' }, unreachable)).toBe(false);
  });
  it('treats an empty effect as every effect and an empty key with Exists as every key', () => {
    expect(toleratesTaint({ key: unreachable.key, operator: 'Exists' }, unreachable)).toBe(true);
    expect(toleratesTaint({ operator: 'Exists' }, unreachable)).toBe(true);
    expect(toleratesTaint({ operator: 'Exists', effect: 'NoSchedule' }, unreachable)).toBe(false);
    expect(toleratesTaint({ key: 'other', operator: 'Exists' }, unreachable)).toBe(false);
  });
  it('reads tolerationSeconds', () => {
    expect(tolerationSeconds({})).toBe('forever');
    expect(tolerationSeconds({ tolerationSeconds: 60 })).toBe(60);
    expect(tolerationSeconds({ tolerationSeconds: '60' })).toBeUndefined();
  });
});
