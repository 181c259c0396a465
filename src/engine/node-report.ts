import type { ParsedFile } from '../parse/source.js';
import { isMap } from '../model/access.js';
import { nodeAllocatables, type NodeAllocatable } from '../model/allocatable.js';
import { evictionHard, kubeletNodes, mapSetting, type KubeletNode } from '../model/kubelet.js';
import { objectsOf } from '../model/object.js';
import type { BallastConfig } from './config.js';
import { DEFAULT_KUBERNETES_VERSION, type LintSettings } from './settings.js';

/** What `ballast --explain-node` shows: the kubelet settings found and each node group's allocatable. */
export interface NodeReport {
  kubernetesVersion: string;
  kubelets: readonly KubeletSummary[];
  groups: readonly NodeAllocatable[];
}

export interface KubeletSummary {
  label: string;
  kubeReserved: string | undefined;
  systemReserved: string | undefined;
  /** The hard thresholds the kubelet applies, and whether they are its defaults. */
  evictionHard: string;
  evictionSource: 'flag' | 'config' | 'default';
}

export interface NodeReportOptions {
  config?: BallastConfig;
  kubernetesVersion?: string;
}

/** Pure: parsed files and the cluster facts of the config in, the allocatable arithmetic out. */
export function nodeReport(files: readonly ParsedFile[], options: NodeReportOptions = {}): NodeReport {
  const settings: LintSettings = {
    kubernetesVersion: options.kubernetesVersion ?? options.config?.cluster?.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    cluster: options.config?.cluster ?? {},
  };
  const objects = files.flatMap((file) => file.documents.filter((doc) => isMap(doc.value)).flatMap(objectsOf));
  const nodes = kubeletNodes(objects);
  return {
    kubernetesVersion: settings.kubernetesVersion,
    kubelets: nodes.map((node) => summarize(node, settings.kubernetesVersion)),
    groups: nodeAllocatables(settings, nodes),
  };
}

function summarize(node: KubeletNode, kubernetesVersion: string): KubeletSummary {
  const pairs = (field: string): string | undefined =>
    mapSetting(node, field)
      ?.entries.map((entry) => `${entry.key}=${entry.value ?? '?'}`)
      .join(', ');
  const hard = evictionHard(node, kubernetesVersion);
  const effective = Object.entries(hard.effective)
    .map(([signal, value]) => `${signal}<${value}`)
    .join(', ');
  return {
    label: node.label,
    kubeReserved: pairs('kubeReserved'),
    systemReserved: pairs('systemReserved'),
    evictionHard: effective === '' ? 'none' : effective,
    evictionSource: hard.source,
  };
}
