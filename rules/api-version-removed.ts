import { defineRule } from '../src/engine/rule.js';
import { apiVersionStatus } from '../src/model/api-versions.js';

export default defineRule<'removed' | 'removedNoReplacement' | 'deprecated' | 'deprecatedNoReplacement'>({
  meta: {
    id: 'api-version-removed',
    scope: 'object',
    category: 'workload',
    severity: 'error',
    summary: 'An object uses an `apiVersion` that the configured Kubernetes version no longer serves (error), or has deprecated (warning).',
    rationale:
      'The API server answers a removed group/version with "no matches for kind", so `kubectl apply`, Helm and GitOps syncs fail for the whole change, and the fix (or a rollback) cannot ship until the manifest is migrated; an upgrade of the control plane turns every such file into a broken deploy at once. A deprecated version still works but is scheduled for removal. Removal releases and replacements follow the Deprecated API Migration Guide (kubernetes.io/docs/reference/using-api/deprecation-guide, v1.16 to v1.32); the target release is `--kube-version` or `cluster.kubernetesVersion`.',
    fix: 'Change `apiVersion` to the replacement and apply the field changes the migration guide lists for it (`kubectl convert` can rewrite the object).',
    appliesTo: ['*'],
    since: '0.1.0',
    messages: {
      removed: '{{kind}} uses apiVersion {{apiVersion}}, which Kubernetes {{removedIn}} removed (target {{target}}): use {{replacement}}.',
      removedNoReplacement: '{{kind}} uses apiVersion {{apiVersion}}, which Kubernetes {{removedIn}} removed without a replacement (target {{target}}).',
      deprecated: '{{kind}} uses apiVersion {{apiVersion}}, deprecated since Kubernetes {{deprecatedIn}} and removed in {{removedIn}}: use {{replacement}}.',
      deprecatedNoReplacement: '{{kind}} uses apiVersion {{apiVersion}}, deprecated since Kubernetes {{deprecatedIn}} and removed without a replacement in {{removedIn}}.',
    },
  },
  checkObject(object, context) {
    const target = context.settings.kubernetesVersion;
    const found = apiVersionStatus(object.apiVersion, object.kind, target);
    if (!found) return;
    const { status, entry, replacement } = found;
    const removed = status === 'removed';
    const data = { kind: object.describe(), apiVersion: entry.apiVersion, removedIn: entry.removedIn, deprecatedIn: entry.deprecatedIn, target, replacement: replacement ?? '' };
    context.report({
      at: object.at('apiVersion'),
      object,
      messageId: replacement === undefined ? (removed ? 'removedNoReplacement' : 'deprecatedNoReplacement') : removed ? 'removed' : 'deprecated',
      data,
      ...(removed ? {} : { severity: 'warning' as const }),
      ...(replacement === undefined ? { fix: 'Delete the object and move to what the migration guide names instead (for PodSecurityPolicy: Pod Security Admission labels on the namespace).' } : {}),
    });
  },
});
