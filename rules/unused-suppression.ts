import { defineRule } from '../src/engine/rule.js';

/** Reported by the engine after suppressions are applied. */
export default defineRule({
  meta: {
    id: 'unused-suppression',
    scope: 'object',
    category: 'input',
    severity: 'info',
    summary: 'A suppression comment or annotation matched no finding.',
    rationale: 'A stale suppression silently hides the next real problem of that rule at that place; removing it keeps the suppressions that remain meaningful.',
    fix: 'Delete the suppression, or correct the rule ID it names.',
    appliesTo: ['*'],
    since: '0.1.0',
    messages: {
      unused: 'This suppression ({{where}}) of "{{rule}}" matched no finding.',
      unknownRule: 'This suppression ({{where}}) names "{{rule}}", which is not a ballast rule.',
    },
  },
});
