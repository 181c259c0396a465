import { missingResourceRule } from './support/missing-resource.js';

export default missingResourceRule('memory', 'limits', {
  id: 'memory-limit-missing',
  summary: 'A container has no memory limit.',
  rationale:
    "A container without a memory limit can grow until the node runs out of memory; then the kernel OOM killer and kubelet evictions hit its neighbours too, and the node may go NotReady. A limit confines a leak to the container that has it. (No rule demands CPU limits: throttling hurts latency more than it protects.) A container with no memory request either is reported once, by memory-request-missing, and a BestEffort pod once, by qos-besteffort; a plain init container runs alone before the app containers and is judged when it sets the pod's effective request (it asks for more memory than the app containers and sidecars together, so the pod's peak is its unbounded run) or when nothing in the pod bounds memory; idle containers never. System-node-critical and control-plane static pods are left alone (kubeadm sets no memory limit on the control plane: an OOM kill of the API server or etcd is worse than its growth).",
  fix: 'Set `resources.limits.memory` (equal to the request for a Guaranteed pod, or with headroom above it).',
  messages: {
    missing: 'Container "{{container}}" of {{object}} has no memory limit: one leak can take the whole node into OOM.',
  },
});
