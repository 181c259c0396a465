import { missingResourceRule } from './support/missing-resource.js';

export default missingResourceRule('memory', 'requests', {
  id: 'memory-request-missing',
  summary: 'A container requests no memory (and has no memory limit for the request to default from).',
  rationale:
    'Without a memory request the scheduler assumes the container needs none and packs it onto nodes whose memory is already committed. When the node runs short, the kubelet evicts pods that use more than they requested first — a pod that requested nothing is always over its request.',
  fix: 'Set `resources.requests.memory` to the working set of the container at normal load.',
  messages: {
    missing: 'Container "{{container}}" of {{object}} requests no memory: it is scheduled onto full nodes and evicted first.',
  },
});
