import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';

/**
 * kubeadm's own, unmodified control-plane manifests (kube-apiserver, kube-controller-manager,
 * kube-scheduler, and etcd of a member that joined a three-member cluster), as it writes them to
 * /etc/kubernetes/manifests, with every rule of the recommended preset: nothing to report.
 */
const folder = resolve(import.meta.dirname, '../fixtures/control-plane-pod-priority/kubeadm-control-plane');

describe("kubeadm's control-plane static pods", () => {
  it('produce no finding with the recommended preset', () => {
    const files = readdirSync(folder).map((name) => ({ path: `etc/kubernetes/manifests/${name}`, bytes: readFileSync(resolve(folder, name)) }));
    expect(files.length).toBe(4);
    const result = lint(files);
    expect(result.internalErrors).toEqual([]);
    expect(result.summary.documents).toBe(4);
    expect(result.findings.map((finding) => `${finding.file}:${finding.start.line} ${finding.ruleId}: ${finding.message}`)).toEqual([]);
  });
});
