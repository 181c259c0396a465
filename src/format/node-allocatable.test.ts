import { describe, expect, it } from 'vitest';
import { nodeReport } from '../engine/node-report.js';
import { parseText } from '../parse/index.js';
import { formatNodeReport } from './node-allocatable.js';

describe('formatNodeReport', () => {
  it('spells out the allocatable arithmetic of the documentation example', () => {
    const files = [
      parseText(
        'config.yaml',
        'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nkubeReserved: {cpu: "1", memory: 2Gi, ephemeral-storage: 1Gi}\nsystemReserved: {cpu: 500m, memory: 1Gi, ephemeral-storage: 1Gi}\nevictionHard: {memory.available: 500Mi, nodefs.available: 10%}\n',
      ),
    ];
    const config = { cluster: { nodes: [{ name: 'docs', capacity: { cpu: '16', memory: '32Gi', 'ephemeral-storage': '100Gi' } }] } };
    const text = formatNodeReport(nodeReport(files, { config }));
    expect(text).toContain('cpu               16 − kube-reserved 1 − system-reserved 500m = 14.5');
    expect(text).toContain('memory            32Gi − kube-reserved 2Gi − system-reserved 1Gi − eviction memory.available<500Mi = 29196Mi');
    expect(text).toContain('ephemeral-storage 100Gi − kube-reserved 1Gi − system-reserved 1Gi − eviction nodefs.available<10% (10Gi) = 88Gi');
  });

  it('says what to declare when no node capacity is known', () => {
    const text = formatNodeReport(nodeReport([parseText('kubeadm-flags.env', 'KUBELET_KUBEADM_ARGS="--kube-reserved=cpu=100m"\n')]));
    expect(text).toContain('kube-reserved:   cpu=100m');
    expect(text).toContain('(kubelet defaults, Kubernetes');
    expect(text).toContain('add `cluster.nodes`');
  });
});
