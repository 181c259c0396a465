import { reservationMissingRule } from './support/kubelet.js';

export default reservationMissingRule('systemReserved', {
  id: 'system-reserved-missing',
  summary: 'No CPU or memory reserved for the OS daemons and the kubelet: neither `systemReserved` nor `kubeReserved` (or their flags) reserves it (reported here only while kube-reserved-missing is off).',
  rationale:
    'Without system-reserved, pods may be scheduled onto the CPU and memory that sshd, journald, udev and the rest of the OS need; under pressure those daemons are starved or OOM-killed, and the node becomes unreachable or unstable (kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources, "System Reserved"; KubeletConfiguration `systemReserved`, default nil, staging/src/k8s.io/kubelet/config/v1beta1/types.go). A finding from absence is only made when the whole kubelet configuration is in the linted files.',
  fix: 'Set `systemReserved` with at least cpu and memory (for example `cpu: 100m`, `memory: 500Mi`), or `--system-reserved=cpu=100m,memory=500Mi`.',
});
