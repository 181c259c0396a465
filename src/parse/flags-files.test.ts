import { describe, expect, it } from 'vitest';
import { parseText } from './index.js';
import { kubeletFlagFileParser } from './flags-files.js';

function flagsOf(path: string, text: string) {
  const parsed = parseText(path, text);
  const doc = parsed.documents[0];
  if (!doc) throw new Error('no document');
  const value = doc.value as { kind: string; flags: { name: string; value: string | null; origin: string }[] };
  const at = (index: number, part?: 'value' | 'name') => {
    const [start, end] = doc.locate(part ? ['flags', index, part] : ['flags', index]);
    return { ...parsed.file.lines.position(start), text: parsed.file.text.slice(start, end) };
  };
  return { value, at, parsed };
}

describe('kubelet flag files', () => {
  it('reads kubeadm-flags.env and points at a flag inside the quoted line', () => {
    const { value, at } = flagsOf('var/lib/kubelet/kubeadm-flags.env', 'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///run/containerd/containerd.sock --kube-reserved=cpu=100m,memory=1Gi"\n');
    expect(value.kind).toBe('KubeletFlags');
    expect(value.flags.map((flag) => [flag.name, flag.value])).toEqual([
      ['container-runtime-endpoint', 'unix:///run/containerd/containerd.sock'],
      ['kube-reserved', 'cpu=100m,memory=1Gi'],
    ]);
    expect(at(1)).toEqual({ line: 1, column: 91, text: '--kube-reserved=cpu=100m,memory=1Gi' });
    expect(at(1, 'value')).toEqual({ line: 1, column: 107, text: 'cpu=100m,memory=1Gi' });
  });

  it('joins systemd continuation lines and keeps positions on the physical line', () => {
    const text = [
      '[Service]',
      'Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"',
      'ExecStart=',
      'ExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS \\',
      '    --cgroups-per-qos=false \\',
      '    --max-pods 50 --fail-swap-on \\',
      '    --node-labels "a=b"',
      '',
    ].join('\n');
    const { value, at } = flagsOf('etc/systemd/system/kubelet.service.d/10-kubeadm.conf', text);
    expect(value.flags.map((flag) => [flag.name, flag.value, flag.origin])).toEqual([
      ['config', '/var/lib/kubelet/config.yaml', 'KUBELET_CONFIG_ARGS'],
      ['cgroups-per-qos', 'false', 'ExecStart'],
      ['max-pods', '50', 'ExecStart'],
      ['fail-swap-on', null, 'ExecStart'],
      ['node-labels', 'a=b', 'ExecStart'],
    ]);
    expect(at(0)).toEqual({ line: 2, column: 34, text: '--config=/var/lib/kubelet/config.yaml' });
    expect(at(1)).toEqual({ line: 5, column: 5, text: '--cgroups-per-qos=false' });
    expect(at(2)).toEqual({ line: 6, column: 5, text: '--max-pods 50' });
    expect(at(2, 'value')).toEqual({ line: 6, column: 16, text: '50' });
    expect(at(4, 'value')).toEqual({ line: 7, column: 20, text: 'a=b' });
  });

  it('reads unquoted env files and ignores other variables and comments', () => {
    const { value, at } = flagsOf('etc/default/kubelet', '# set by ops\nHOME=/root\nKUBELET_EXTRA_ARGS=--node-ip=10.0.0.5 --system-reserved=cpu=200m\n');
    expect(value.flags.map((flag) => flag.name)).toEqual(['node-ip', 'system-reserved']);
    expect(at(1)).toEqual({ line: 3, column: 39, text: '--system-reserved=cpu=200m' });
  });

  it('recognises files by name and by content, never YAML', () => {
    expect(kubeletFlagFileParser.matches('x/kubeadm-flags.env', '')).toBe(true);
    expect(kubeletFlagFileParser.matches('etc/sysconfig/kubelet', '')).toBe(true);
    expect(kubeletFlagFileParser.matches('etc/kubernetes/kubelet.env', '')).toBe(true);
    expect(kubeletFlagFileParser.matches('notes/kubelet-args.txt', 'KUBELET_EXTRA_ARGS=--v=2\n')).toBe(true);
    expect(kubeletFlagFileParser.matches('units/containerd.conf', '[Service]\nExecStart=/usr/bin/containerd\n')).toBe(false);
    expect(kubeletFlagFileParser.matches('kubelet.conf.d/10-reserved.conf', 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n')).toBe(false);
    expect(kubeletFlagFileParser.matches('k/config.yaml', 'KUBELET_EXTRA_ARGS=--v=2\n')).toBe(false);
  });
});
