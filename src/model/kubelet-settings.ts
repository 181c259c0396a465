/**
 * KubeletConfiguration fields that have a command-line flag, with how the flag's value is
 * written. From the kubelet's AddKubeletConfigFlags (cmd/kubelet/app/options/options.go): every
 * `fs.*Var(&c.<Field>, "<flag>", ...)` pair for the fields ballast reads or compares.
 */
export type SettingKind =
  /** cliflag.MapStringString: `k=v,k2=v2`; repeated flags merge. */
  | 'map'
  /** cliflag.LangleSeparatedMapStringString: `signal<value,...` (eviction thresholds). */
  | 'thresholds'
  /** pflag StringSlice: comma-separated; repeated flags append. */
  | 'list'
  | 'bool'
  | 'int'
  | 'string'
  | 'duration';

export interface SettingSpec {
  field: string;
  flag: string;
  kind: SettingKind;
}

const SPECS: readonly (readonly [string, string, SettingKind])[] = [
  ['address', 'address', 'string'],
  ['allowedUnsafeSysctls', 'allowed-unsafe-sysctls', 'list'],
  ['cgroupDriver', 'cgroup-driver', 'string'],
  ['cgroupRoot', 'cgroup-root', 'string'],
  ['cgroupsPerQOS', 'cgroups-per-qos', 'bool'],
  ['clusterDNS', 'cluster-dns', 'list'],
  ['clusterDomain', 'cluster-domain', 'string'],
  ['containerLogMaxFiles', 'container-log-max-files', 'int'],
  ['containerLogMaxSize', 'container-log-max-size', 'string'],
  ['cpuCFSQuota', 'cpu-cfs-quota', 'bool'],
  ['cpuCFSQuotaPeriod', 'cpu-cfs-quota-period', 'duration'],
  ['cpuManagerPolicy', 'cpu-manager-policy', 'string'],
  ['enableDebuggingHandlers', 'enable-debugging-handlers', 'bool'],
  ['enableServer', 'enable-server', 'bool'],
  ['enforceNodeAllocatable', 'enforce-node-allocatable', 'list'],
  ['eventBurst', 'event-burst', 'int'],
  ['eventRecordQPS', 'event-qps', 'int'],
  ['evictionHard', 'eviction-hard', 'thresholds'],
  ['evictionMaxPodGracePeriod', 'eviction-max-pod-grace-period', 'int'],
  ['evictionMinimumReclaim', 'eviction-minimum-reclaim', 'map'],
  ['evictionPressureTransitionPeriod', 'eviction-pressure-transition-period', 'duration'],
  ['evictionSoft', 'eviction-soft', 'thresholds'],
  ['evictionSoftGracePeriod', 'eviction-soft-grace-period', 'map'],
  ['failSwapOn', 'fail-swap-on', 'bool'],
  ['fileCheckFrequency', 'file-check-frequency', 'duration'],
  ['hairpinMode', 'hairpin-mode', 'string'],
  ['healthzBindAddress', 'healthz-bind-address', 'string'],
  ['healthzPort', 'healthz-port', 'int'],
  ['httpCheckFrequency', 'http-check-frequency', 'duration'],
  ['imageGCHighThresholdPercent', 'image-gc-high-threshold', 'int'],
  ['imageGCLowThresholdPercent', 'image-gc-low-threshold', 'int'],
  ['imageMinimumGCAge', 'minimum-image-ttl-duration', 'duration'],
  ['kubeAPIBurst', 'kube-api-burst', 'int'],
  ['kubeAPIQPS', 'kube-api-qps', 'int'],
  ['kubeReserved', 'kube-reserved', 'map'],
  ['kubeReservedCgroup', 'kube-reserved-cgroup', 'string'],
  ['kubeletCgroups', 'kubelet-cgroups', 'string'],
  ['maxPods', 'max-pods', 'int'],
  ['memoryManagerPolicy', 'memory-manager-policy', 'string'],
  ['nodeLeaseDurationSeconds', 'node-lease-duration-seconds', 'int'],
  ['nodeStatusUpdateFrequency', 'node-status-update-frequency', 'duration'],
  ['oomScoreAdj', 'oom-score-adj', 'int'],
  ['podCIDR', 'pod-cidr', 'string'],
  ['podPidsLimit', 'pod-max-pids', 'int'],
  ['podsPerCore', 'pods-per-core', 'int'],
  ['port', 'port', 'int'],
  ['protectKernelDefaults', 'protect-kernel-defaults', 'bool'],
  ['providerID', 'provider-id', 'string'],
  ['readOnlyPort', 'read-only-port', 'int'],
  ['registerNode', 'register-node', 'bool'],
  ['registryBurst', 'registry-burst', 'int'],
  ['registryPullQPS', 'registry-qps', 'int'],
  ['reservedSystemCPUs', 'reserved-cpus', 'string'],
  ['resolvConf', 'resolv-conf', 'string'],
  ['rotateCertificates', 'rotate-certificates', 'bool'],
  ['runtimeRequestTimeout', 'runtime-request-timeout', 'duration'],
  ['serializeImagePulls', 'serialize-image-pulls', 'bool'],
  ['serverTLSBootstrap', 'rotate-server-certificates', 'bool'],
  ['staticPodPath', 'pod-manifest-path', 'string'],
  ['staticPodURL', 'manifest-url', 'string'],
  ['streamingConnectionIdleTimeout', 'streaming-connection-idle-timeout', 'duration'],
  ['syncFrequency', 'sync-frequency', 'duration'],
  ['systemCgroups', 'system-cgroups', 'string'],
  ['systemReserved', 'system-reserved', 'map'],
  ['systemReservedCgroup', 'system-reserved-cgroup', 'string'],
  ['tlsCertFile', 'tls-cert-file', 'string'],
  ['tlsMinVersion', 'tls-min-version', 'string'],
  ['tlsPrivateKeyFile', 'tls-private-key-file', 'string'],
  ['topologyManagerPolicy', 'topology-manager-policy', 'string'],
  ['topologyManagerScope', 'topology-manager-scope', 'string'],
  ['volumePluginDir', 'volume-plugin-dir', 'string'],
  ['volumeStatsAggPeriod', 'volume-stats-agg-period', 'duration'],
];

export const SETTINGS: readonly SettingSpec[] = SPECS.map(([field, flag, kind]) => ({ field, flag, kind }));

const BY_FIELD = new Map(SETTINGS.map((spec) => [spec.field, spec]));

export function settingSpec(field: string): SettingSpec | undefined {
  return BY_FIELD.get(field);
}
