import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../kubelet-settings.js';
import { kubeletConfigurationV1beta1 } from './kubelet-config-v1beta1.js';

const vendored = resolve(import.meta.dirname, '../../../scripts/vendor/kubelet-config-v1beta1.structs.go');

describe('KubeletConfiguration v1beta1 schema', () => {
  // The Go sources are fetched for regeneration, not committed (scripts/README.md).
  it.skipIf(!existsSync(vendored))('is what the generator makes of the Kubernetes Go types (skipped when scripts/vendor/ has not been fetched)', () => {
    const script = resolve(import.meta.dirname, '../../../scripts/gen-kubelet-schema.mjs');
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('covers the fields the node rules read', () => {
    const fields = Object.keys(kubeletConfigurationV1beta1.properties ?? {});
    for (const field of [
      'kubeReserved',
      'systemReserved',
      'evictionHard',
      'evictionSoft',
      'evictionSoftGracePeriod',
      'mergeDefaultEvictionSettings',
      'cgroupsPerQOS',
      'enforceNodeAllocatable',
      'kubeReservedCgroup',
      'systemReservedCgroup',
      'shutdownGracePeriod',
      'shutdownGracePeriodByPodPriority',
      'maxPods',
    ]) {
      expect(fields).toContain(field);
    }
  });

  it('knows every field that the flag table maps a kubelet flag to', () => {
    const fields = Object.keys(kubeletConfigurationV1beta1.properties ?? {});
    expect(SETTINGS.map((spec) => spec.field).filter((field) => !fields.includes(field))).toEqual([]);
  });
});
