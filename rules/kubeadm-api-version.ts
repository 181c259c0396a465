import { compareKubeVersions } from '../src/engine/settings.js';
import { defineRule } from '../src/engine/rule.js';
import { isKubeadm, KUBEADM_API_VERSIONS, kubeadmApiVersion, preferredKubeadmApiVersion } from '../src/model/kubeadm.js';

export default defineRule<'removed' | 'deprecated' | 'notYet'>({
  meta: {
    id: 'kubeadm-api-version',
    scope: 'object',
    category: 'control-plane',
    severity: 'error',
    summary: 'A kubeadm config apiVersion removed, deprecated or not yet available in the configured Kubernetes version.',
    rationale:
      'kubeadm refuses config files in API versions it no longer reads ("your configuration file uses an old API spec", validateSupportedVersion in cmd/kubeadm/app/util/config/common.go), so `kubeadm init`, `join` and `upgrade` fail on the day the cluster is upgraded or a node is replaced. Removed: v1alpha3 in 1.15, v1beta1 in 1.22, v1beta2 in 1.27 (kubernetes#114540), v1beta3 in 1.36 (kubernetes#136016). Deprecated: v1beta2 from 1.24, v1beta3 from 1.31 when v1beta4 arrived (kubernetes#125029). A version newer than the kubeadm in use is rejected as unknown.',
    fix: 'Convert the file with `kubeadm config migrate --old-config old.yaml --new-config new.yaml` using a kubeadm that still reads the old version, and review the changes (v1beta4 turns `extraArgs` maps into lists of `{name, value}`).',
    appliesTo: ['InitConfiguration', 'ClusterConfiguration', 'JoinConfiguration', 'ResetConfiguration', 'UpgradeConfiguration'],
    since: '0.1.0',
    messages: {
      removed: '{{apiVersion}} was removed from kubeadm in {{removed}}: kubeadm {{version}} rejects this {{kind}}. Use {{preferred}}.',
      deprecated: '{{apiVersion}} is deprecated since kubeadm {{deprecated}} and removed {{removal}}. Use {{preferred}}.',
      notYet: '{{apiVersion}} is not known to kubeadm {{version}} (it arrived in {{introduced}}): kubeadm rejects this {{kind}}.',
    },
  },
  checkObject(object, context) {
    if (!isKubeadm(object)) return;
    const apiVersion = kubeadmApiVersion(object);
    const lifecycle = Object.prototype.hasOwnProperty.call(KUBEADM_API_VERSIONS, apiVersion) ? KUBEADM_API_VERSIONS[apiVersion] : undefined;
    if (!lifecycle) return;
    const version = context.settings.kubernetesVersion;
    const preferred = `kubeadm.k8s.io/${preferredKubeadmApiVersion(version) ?? 'v1beta4'}`;
    const data = { apiVersion: object.apiVersion, kind: object.kind, version, preferred };
    const at = object.at('apiVersion');
    if (lifecycle.removed && compareKubeVersions(version, lifecycle.removed) >= 0) {
      context.report({ at, object, messageId: 'removed', data: { ...data, removed: lifecycle.removed } });
    } else if (compareKubeVersions(version, lifecycle.introduced) < 0) {
      context.report({ at, object, messageId: 'notYet', data: { ...data, introduced: lifecycle.introduced } });
    } else if (lifecycle.deprecated && compareKubeVersions(version, lifecycle.deprecated) >= 0) {
      const removal = lifecycle.removed ? `in ${lifecycle.removed}` : 'in a later release';
      context.report({ at, object, messageId: 'deprecated', severity: 'warning', data: { ...data, deprecated: lifecycle.deprecated, removal } });
    }
  },
});
