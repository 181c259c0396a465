import { describe, expect, it } from 'vitest';
import { toSarif } from '../format/sarif.js';
import { lintText } from './lint.js';

const kubeadm = (node: string): string => `apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
nodeRegistration:
  name: ${node}
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: v1.31.0
`;

describe('what findings point at and name', () => {
  it('control-plane-single names the kubeadm object it is about, in JSON and in SARIF fingerprints', () => {
    const results = ['cp-1', 'cp-2'].map((node) => lintText(kubeadm(node), 'kubeadm.yaml', { only: ['control-plane-single'] }));
    const findings = results.map((result) => result.findings.find((finding) => finding.ruleId === 'control-plane-single'));
    expect(findings.map((finding) => finding?.object)).toEqual([
      { apiVersion: 'kubeadm.k8s.io/v1beta4', kind: 'InitConfiguration', name: 'cp-1' },
      { apiVersion: 'kubeadm.k8s.io/v1beta4', kind: 'InitConfiguration', name: 'cp-2' },
    ]);
    const fingerprints = results.map((result) => toSarif(result).runs[0]?.results[0]?.partialFingerprints);
    expect(fingerprints[0]).toBeDefined();
    expect(fingerprints[0]).not.toEqual(fingerprints[1]);
  });
});
