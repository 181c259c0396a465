import { missingResourceRule } from './support/missing-resource.js';

export default missingResourceRule('memory', 'limits', {
  id: 'memory-limit-missing',
  summary: 'A container has no memory limit.',
  rationale:
    'A container without a memory limit can grow until the node runs out of memory; then the kernel OOM killer and kubelet evictions hit its neighbours too, and the node may go NotReady. A limit confines a leak to the container that has it. (No rule demands CPU limits: throttling hurts latency more than it protects.)',
  fix: 'Set `resources.limits.memory` (equal to the request for a Guaranteed pod, or with headroom above it).',
  messages: {
    missing: 'Container "{{container}}" of {{object}} has no memory limit: one leak can take the whole node into OOM.',
  },
});
