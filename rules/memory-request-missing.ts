import { missingResourceRule } from './support/missing-resource.js';

export default missingResourceRule('memory', 'requests', {
  id: 'memory-request-missing',
  summary: 'A container requests no memory (and has no memory limit for the request to default from).',
  rationale:
    "Without a memory request the scheduler assumes the container needs none and packs it onto nodes whose memory is already committed. When the node runs short, the kubelet evicts pods that use more than they requested first — a pod that requested nothing is always over its request. When the container has no memory limit either, this finding names both and memory-limit-missing stays silent on it (one finding per root cause); in a BestEffort pod, qos-besteffort reports every container at once. Plain init containers run alone before the app containers and are judged only when nothing in the pod bounds memory; idle containers (pause, `sleep infinity`) are not judged. Static pods are not scheduled and never evicted: a system-node-critical one is left alone, a control-plane one is control-plane-pod-priority's, and for the others the message says what is true of them (an OOM score near 1000).",
  fix: 'Set `resources.requests.memory` to the working set of the container at normal load (and `resources.limits.memory` when it has none).',
  messages: {
    missing: 'Container "{{container}}" of {{object}} requests no memory: it is scheduled onto full nodes and evicted first.',
    staticPod:
      'Container "{{container}}" of static pod {{object}} sets no memory request and the pod is not system-node-critical: its OOM score adjustment is near 1000, so the kernel kills it first when the node runs short of memory (the kubelet never evicts static pods; `priorityClassName: system-node-critical` gives them the protected score).',
    noBound: 'Container "{{container}}" of {{object}} sets no memory request and no memory limit: it is scheduled onto full nodes, evicted first, and one leak can take the node into OOM.',
  },
});
