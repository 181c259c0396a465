import { defineRule } from '../src/engine/rule.js';
import { lastFlag } from '../src/model/flags.js';

/** MaxQuotaBytes in etcd's server/storage/quota.go (mvcc/quota.go before 3.5): 8 GiB. */
const MAX_QUOTA_BYTES = 8n * 1024n * 1024n * 1024n;

export default defineRule<'large'>({
  meta: {
    id: 'etcd-quota-large',
    scope: 'set',
    category: 'control-plane',
    severity: 'warning',
    summary: 'etcd `--quota-backend-bytes` above the 8 GiB etcd documents as the suggested maximum.',
    rationale:
      'The backend quota caps etcd\'s database; its default is 2 GiB and etcd documents 8 GiB as the suggested maximum for normal environments, warning at start-up when the quota exceeds it (etcd.io/docs, "System limits": "8 GiB is a suggested maximum size for normal environments and etcd warns at startup if the configured value exceeds it"; MaxQuotaBytes in server/storage/quota.go). A larger database takes longer to snapshot, to send to a lagging or new member and to restore, and to defragment (which blocks the member), so recovery from a failed member or a disaster stretches and the control plane stays degraded for longer; it must also fit in the member\'s memory. Flags come from etcd static pods (kubeadm, external etcd, kops etcd-manager through `ETCD_QUOTA_BACKEND_BYTES`) and from kubeadm `etcd.local.extraArgs`.',
    fix: 'Keep `--quota-backend-bytes` at or below 8589934592 (8 GiB), compact and defragment regularly, and find what fills the database (events, large custom resources) rather than raising the quota.',
    appliesTo: ['Pod', 'ClusterConfiguration'],
    since: '0.1.0',
    messages: {
      large: 'etcd --quota-backend-bytes is {{value}} ({{gib}} GiB), above the 8 GiB etcd suggests as a maximum: snapshots, member recovery and defragmentation slow down.',
    },
  },
  check(context) {
    for (const view of context.cluster.controlPlane.clusters) {
      for (const entry of view.components) {
        if (entry.component !== 'etcd' || lastFlag(entry.flags, 'config-file')) continue;
        const flag = lastFlag(entry.flags, 'quota-backend-bytes');
        const text = flag?.value?.trim() ?? '';
        if (!flag || !/^\d{1,19}$/.test(text)) continue;
        const bytes = BigInt(text);
        if (bytes <= MAX_QUOTA_BYTES) continue;
        const gib = Math.round((Number(bytes) / 2 ** 30) * 100) / 100;
        context.report({ at: entry.object.at(...flag.path), object: entry.object, messageId: 'large', data: { value: text, gib } });
      }
    }
  },
});
