import { defineRule } from '../src/engine/rule.js';
import { schemaFor } from '../src/model/kind-schemas.js';
import { checkAgainstSchema } from '../src/model/schema.js';

export default defineRule<'unknown' | 'unknownSuggest'>({
  meta: {
    id: 'unknown-field',
    scope: 'object',
    category: 'input',
    severity: 'error',
    summary: 'A field that KubeletConfiguration or the kubeadm kind does not have (often a typo).',
    rationale:
      'The kubelet and kubeadm decode their configuration leniently or strictly depending on version and path: a misspelt field such as `kubeReserve` is either ignored — so the reservation you reviewed never applies and the node runs without it — or stops the component from starting. Either way the setting you meant is not in effect.',
    fix: 'Correct the field name (see the suggestion) or remove the field.',
    appliesTo: ['KubeletConfiguration', 'InitConfiguration', 'ClusterConfiguration', 'JoinConfiguration'],
    since: '0.1.0',
    messages: {
      unknown: '{{kind}} has no field `{{field}}`.',
      unknownSuggest: '{{kind}} has no field `{{field}}`; did you mean `{{suggestion}}`?',
    },
  },
  checkObject(object, context) {
    const entry = schemaFor(object.apiVersion, object.kind);
    if (!entry) return;
    for (const issue of checkAgainstSchema(object.value, entry.schema)) {
      if (issue.kind !== 'unknown') continue;
      const data = { kind: object.kind, field: issue.path.join('.') };
      context.report(
        issue.suggestion
          ? { at: object.keyAt(...issue.path), object, messageId: 'unknownSuggest', data: { ...data, suggestion: issue.suggestion } }
          : { at: object.keyAt(...issue.path), object, messageId: 'unknown', data },
      );
    }
  },
});
