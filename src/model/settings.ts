/** Cluster facts that manifests alone cannot tell, from `cluster:` in the config. */
export interface NodeGroup {
  name: string;
  count?: number;
  /** Resource quantities as written (`cpu: "8"`, `memory: 32Gi`). */
  capacity: Record<string, string | number>;
  kubeReserved?: Record<string, string | number>;
  systemReserved?: Record<string, string | number>;
  evictionHard?: Record<string, string>;
}

export interface ClusterFacts {
  kubernetesVersion?: string;
  controlPlaneNodes?: number;
  nodes?: NodeGroup[];
}

/** Read-only for rules: the engine replaces them (a version read from the files), never edits them. */
export interface LintSettings {
  /** `major.minor`, e.g. `1.34`: from `--kube-version`, `cluster.kubernetesVersion`, or the default. */
  readonly kubernetesVersion: string;
  readonly cluster: Readonly<ClusterFacts>;
}

/** The newest Kubernetes minor release whose removals and defaults the rules know. */
export const DEFAULT_KUBERNETES_VERSION = '1.34';

/** Compares `major.minor` versions; a leading `v` and a patch part are ignored. */
export function compareKubeVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = parseVersion(a);
  const [bMajor = 0, bMinor = 0] = parseVersion(b);
  return aMajor - bMajor || aMinor - bMinor;
}

export function parseVersion(version: string): [number, number] {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

export function isValidKubeVersion(version: string): boolean {
  return /^v?\d+\.\d+(\.\d+)?$/.test(version.trim());
}
