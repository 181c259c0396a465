import { defineRule } from '../src/engine/rule.js';

/** Reported by the parser; the rule carries the metadata, severity and docs. */
export default defineRule({
  meta: {
    id: 'duplicate-key',
    scope: 'object',
    category: 'input',
    severity: 'error',
    summary: 'A mapping key is given twice.',
    rationale: 'Tools disagree about which of two equal keys wins: kubectl, Helm, Kustomize and GitOps controllers may each apply a different value, so what was reviewed is not what runs.',
    fix: 'Remove one of the two entries, keeping the value you mean.',
    appliesTo: ['*'],
    since: '0.1.0',
    messages: {
      duplicate: 'The key "{{key}}" appears more than once in this mapping.',
    },
  },
});
