import { reservationMissingRule } from './support/kubelet.js';

export default reservationMissingRule('kubeReserved', {
  id: 'kube-reserved-missing',
  summary: 'No CPU or memory reserved for the kubelet, container runtime and OS daemons: neither `kubeReserved` nor `systemReserved` (or their flags) reserves it.',
  rationale:
    'Without kube-reserved, node allocatable equals capacity minus system-reserved and the eviction threshold, so the scheduler packs pods up to the last CPU and byte the kubelet and container runtime need themselves. Under load the kubelet is starved, misses its status updates and the node goes NotReady, taking every pod on it with it (kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources, "Kube Reserved"; KubeletConfiguration `kubeReserved`, default nil, staging/src/k8s.io/kubelet/config/v1beta1/types.go). A finding from absence is only made when the whole kubelet configuration is in the linted files: a KubeletConfiguration, or a kubelet command line without `--config`.',
  fix: 'Set `kubeReserved` with at least cpu and memory (for example `cpu: 100m`, `memory: 1Gi`, scaled to the node size), or `--kube-reserved=cpu=100m,memory=1Gi`.',
});
