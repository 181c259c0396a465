// @ts-check
/**
 * An example ballast plugin: one rule, in the same shape as the built-in ones (rules/*.ts).
 * Load it from a config file (`plugins: ["./index.mjs"]`) or pass it to the library
 * (`lint(inputs, { rules })`). Its fixtures are in fixtures/ and run by test/plugin.test.ts.
 */

/** @type {import('ballast').ObjectRule<'missing', { label: string }>} */
const teamLabelMissing = {
  meta: {
    id: 'example/team-label-missing',
    // It judges each workload on its own: its check runs as files arrive, with no cross-document lookups.
    scope: 'object',
    category: 'workload',
    severity: 'warning',
    summary: 'A workload has no owner label (`team` by default).',
    rationale: 'When a workload pages at night, the on-call engineer needs to know which team owns it; an unlabelled workload waits for someone to find out, and the outage lasts longer.',
    fix: 'Add the owner label to `metadata.labels`, e.g. `team: payments`.',
    appliesTo: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'],
    since: '0.1.0',
    messages: { missing: '{{object}} has no `{{label}}` label: nobody knows who to call when it fails.' },
    options: { schema: { label: { type: 'string', minLength: 1 } }, defaults: { label: 'team' } },
    docs: 'https://example.com/ballast-plugin-example/team-label-missing',
  },
  checkObject(object, context) {
    // Bare pods and pod templates are owned by whatever created them.
    if (!object.podTemplate || object.kind === 'Pod' || object.kind === 'PodTemplate') return;
    const { label } = context.options;
    if (Object.hasOwn(object.labels, label) && object.labels[label] !== '') return;
    const labels = object.get('metadata', 'labels');
    context.report({
      at: labels === undefined ? object.at('metadata') : object.at('metadata', 'labels'),
      object,
      messageId: 'missing',
      data: { object: object.describe(), label },
    });
  },
};

export const rules = [teamLabelMissing];
export default rules;
