import { missingResourceRule } from './support/missing-resource.js';

export default missingResourceRule('cpu', 'requests', {
  id: 'cpu-request-missing',
  summary: 'A container requests no CPU (and has no CPU limit for the request to default from).',
  rationale:
    'The scheduler places pods by their requests. A container without a CPU request counts as needing nothing, so it lands on nodes whose CPU is already committed, gets the smallest share (cpu.weight) when the node is busy, and starves: probes time out and the pod is restarted or marked unready under load. A BestEffort pod is reported once, by qos-besteffort; plain init containers are judged only when nothing in the pod bounds CPU, idle containers (pause, `sleep infinity`) never.',
  fix: 'Set `resources.requests.cpu` to the CPU the container needs at normal load (no CPU limit is required).',
  messages: {
    missing: 'Container "{{container}}" of {{object}} requests no CPU: under load it gets almost no CPU time.',
  },
});
