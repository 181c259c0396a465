import { describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import { parseText } from '../parse/index.js';
import { nodeAllocatables } from './allocatable.js';
import { evictionHard, kubeletNodes, mapSetting, rawSetting } from './kubelet.js';
import { objectsOf } from './object.js';
import { formatQuantity } from './quantity.js';

function objects(files: Record<string, string>) {
  return Object.entries(files).flatMap(([path, text]) => parseText(path, text).documents.flatMap(objectsOf));
}

const CONFIG = 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n';

describe('kubelet nodes', () => {
  it("puts one machine's config, flag files and drop-ins into one node, flags winning", () => {
    const all = objects({
      'var/lib/kubelet/config.yaml': `${CONFIG}maxPods: 110\nkubeReserved:\n  cpu: 100m\n`,
      'var/lib/kubelet/kubeadm-flags.env': 'KUBELET_KUBEADM_ARGS="--max-pods=150"\n',
      'etc/default/kubelet': 'KUBELET_EXTRA_ARGS=--max-pods=200\n',
      'etc/kubernetes/kubelet.conf.d/10-reserved.conf': `${CONFIG}kubeReserved:\n  memory: 1Gi\n`,
    });
    const nodes = kubeletNodes(all);
    expect(nodes).toHaveLength(1);
    const node = nodes[0]!;
    expect(node.complete).toBe(true);
    // KUBELET_EXTRA_ARGS is last on the kubeadm unit's command line, whatever the file order.
    expect(rawSetting(node, 'maxPods')?.value).toBe(200);
    // Drop-ins merge map keys over the main config.
    expect(mapSetting(node, 'kubeReserved')?.entries.map((entry) => `${entry.key}=${entry.value}`)).toEqual(['cpu=100m', 'memory=1Gi']);
  });

  it('keeps separate machines apart when several main configs are linted', () => {
    const all = objects({
      'nodes/a/config.yaml': `${CONFIG}maxPods: 50\n`,
      'nodes/a/kubeadm-flags.env': 'KUBELET_KUBEADM_ARGS="--max-pods=60"\n',
      'nodes/b/config.yaml': `${CONFIG}maxPods: 70\n`,
    });
    const values = kubeletNodes(all).map((node) => rawSetting(node, 'maxPods')?.value);
    expect(values).toEqual([60, 70]);
  });

  it('applies defaults, replacement and merging of evictionHard as the kubelet does', () => {
    const defaults = kubeletNodes(objects({ 'c.yaml': CONFIG }))[0]!;
    expect(evictionHard(defaults, '1.29').effective).toEqual({ 'memory.available': '100Mi', 'nodefs.available': '10%', 'nodefs.inodesFree': '5%', 'imagefs.available': '15%' });
    expect(evictionHard(defaults, '1.30').effective['imagefs.inodesFree']).toBe('5%');
    const partial = kubeletNodes(objects({ 'c.yaml': `${CONFIG}mergeDefaultEvictionSettings: true\nevictionHard:\n  memory.available: 1Gi\n` }))[0]!;
    expect(evictionHard(partial, '1.32').effective).toEqual({ 'memory.available': '1Gi' });
    expect(evictionHard(partial, '1.33').effective['nodefs.available']).toBe('10%');
    expect(evictionHard(partial, '1.33').effective['memory.available']).toBe('1Gi');
  });

  it('feeds kubelet reservations into the declared node groups', () => {
    const all = objects({
      'kubeadm-flags.env':
        'KUBELET_KUBEADM_ARGS="--kube-reserved=cpu=1,memory=2Gi,ephemeral-storage=1Gi --system-reserved=cpu=500m,memory=1Gi,ephemeral-storage=1Gi --eviction-hard=memory.available<500Mi,nodefs.available<10%"\n',
    });
    const settings = { kubernetesVersion: '1.34', cluster: { nodes: [{ name: 'docs', count: 4, capacity: { cpu: '16', memory: '32Gi', 'ephemeral-storage': '100Gi' } }] } };
    const [node] = nodeAllocatables(settings, kubeletNodes(all));
    expect(node?.kubelet).toBeDefined();
    expect(node?.count).toBe(4);
    expect(formatQuantity(node!.allocatable.cpu!, 'cpu')).toBe('14.5');
    expect(formatQuantity(node!.allocatable.memory!, 'memory')).toBe('29196Mi');
    expect(formatQuantity(node!.allocatable['ephemeral-storage']!, 'memory')).toBe('88Gi');
    expect(formatQuantity(node!.allocatable.pods!)).toBe('110');
  });
});

describe('findings on flags', () => {
  it('point at the flag inside its line, on a continuation line too', () => {
    const dropIn = ['[Service]', 'ExecStart=', 'ExecStart=/usr/bin/kubelet \\', '    --kubeconfig=/etc/kubernetes/kubelet.conf \\', '    --cgroups-per-qos=false --enforce-node-allocatable=', ''].join('\n');
    const result = lint([{ path: 'etc/systemd/system/kubelet.service.d/10-kubelet.conf', text: dropIn }], { only: ['cgroups-per-qos-disabled'] });
    const finding = result.findings.find((entry) => entry.ruleId === 'cgroups-per-qos-disabled');
    expect(finding).toMatchObject({ start: { line: 5, column: 5 }, end: { line: 5, column: 28 } });
  });

  it('point at the value for a bad entry of a map flag', () => {
    const env = 'KUBELET_KUBEADM_ARGS="--node-ip=10.0.0.1 --eviction-hard=memory.available<5%,nodefs.available<120%"\n';
    const result = lint([{ path: 'kubeadm-flags.env', text: env }], { only: ['eviction-threshold-invalid'] });
    expect(result.findings.map((entry) => [entry.messageId, entry.start.line, entry.start.column])).toEqual([['percentRange', 1, 78]]);
  });
});
