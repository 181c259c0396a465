import { describe, expect, it } from 'vitest';
import { API_VERSION_REMOVALS, apiVersionStatus } from './api-versions.js';
import { compareKubeVersions } from './settings.js';

describe('apiVersionStatus', () => {
  it('reports a removed version with its replacement', () => {
    expect(apiVersionStatus('extensions/v1beta1', 'Deployment', '1.34')).toMatchObject({ status: 'removed', replacement: 'apps/v1' });
    expect(apiVersionStatus('policy/v1beta1', 'PodDisruptionBudget', '1.25')).toMatchObject({ status: 'removed', replacement: 'policy/v1' });
  });
  it('reports a deprecated version between deprecation and removal', () => {
    expect(apiVersionStatus('policy/v1beta1', 'PodDisruptionBudget', '1.21')).toMatchObject({ status: 'deprecated' });
    expect(apiVersionStatus('policy/v1beta1', 'PodDisruptionBudget', '1.20')).toBeUndefined();
  });
  it('is per kind: extensions/v1beta1 Ingress outlived extensions/v1beta1 Deployment', () => {
    expect(apiVersionStatus('extensions/v1beta1', 'Ingress', '1.21')).toMatchObject({ status: 'deprecated', replacement: 'networking.k8s.io/v1' });
    expect(apiVersionStatus('extensions/v1beta1', 'Ingress', '1.18')).toMatchObject({ status: 'deprecated', replacement: 'networking.k8s.io/v1beta1' });
    expect(apiVersionStatus('apps/v1', 'Deployment', '1.34')).toBeUndefined();
  });
  it('names the newest replacement the target serves', () => {
    expect(apiVersionStatus('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', '1.27')?.replacement).toBe('flowcontrol.apiserver.k8s.io/v1beta3');
    expect(apiVersionStatus('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', '1.29')?.replacement).toBe('flowcontrol.apiserver.k8s.io/v1');
  });
  it('has no replacement for PodSecurityPolicy', () => {
    expect(apiVersionStatus('policy/v1beta1', 'PodSecurityPolicy', '1.25')).toMatchObject({ status: 'removed', replacement: undefined });
  });
  it('keeps the table consistent', () => {
    for (const entry of API_VERSION_REMOVALS) {
      expect(compareKubeVersions(entry.deprecatedIn, entry.removedIn), `${entry.apiVersion} ${entry.kind}`).toBeLessThan(0);
      // Someone on the last release that serves the old version can migrate.
      if (entry.replacements.length > 0) expect(compareKubeVersions(entry.replacements[0]?.since ?? '', entry.removedIn)).toBeLessThan(0);
      const newest = apiVersionStatus(entry.apiVersion, entry.kind, entry.removedIn)?.replacement;
      if (newest !== undefined) expect(API_VERSION_REMOVALS.some((other) => other.apiVersion === newest && other.kind === entry.kind && compareKubeVersions(other.removedIn, entry.removedIn) <= 0)).toBe(false);
    }
  });
});
