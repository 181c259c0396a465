import { defineRule } from '../src/engine/rule.js';
import { compareKubeVersions } from '../src/engine/settings.js';
import { asArray, asString } from '../src/model/access.js';

/** StatefulSetAutoDeletePVC: alpha (off by default) in 1.23, beta and on by default from 1.27, GA in 1.32. */
const HONOURED_SINCE = '1.27';

export default defineRule<'whenDeleted' | 'whenScaled' | 'both'>({
  meta: {
    id: 'pvc-retention-delete',
    scope: 'object',
    category: 'workload',
    severity: 'info',
    summary: 'A StatefulSet whose `persistentVolumeClaimRetentionPolicy` deletes the volumes of its pods when it is deleted or scaled down.',
    rationale:
      'A StatefulSet keeps the PersistentVolumeClaims it creates from `volumeClaimTemplates` by default (`Retain`), so a mistaken `kubectl delete`, a re-created release or a scale-down followed by a scale-up finds its data again. With `whenDeleted: Delete` the controller deletes every claim when the StatefulSet goes (and with a `Delete` reclaim policy on the StorageClass, the volumes with them); with `whenScaled: Delete` it deletes the claims of the pods removed by a scale-down, so scaling back up starts those replicas empty (k8s.io/api apps/v1 StatefulSetPersistentVolumeClaimRetentionPolicy; kubernetes.io/docs/concepts/workloads/controllers/statefulset, "PersistentVolumeClaim retention"). The field is honoured from Kubernetes 1.27 (StatefulSetAutoDeletePVC beta, on by default; GA in 1.32); earlier versions are not checked. StatefulSets without `volumeClaimTemplates` have no claims to lose. Info: deleting data on scale-down is sometimes the intent (caches, re-replicated stores).',
    fix: 'Keep the default `Retain` for `whenDeleted` and `whenScaled` unless losing the data is intended (then suppress this finding with a reason), and back the data up independently of the claims.',
    appliesTo: ['StatefulSet'],
    since: '0.1.0',
    messages: {
      whenDeleted: '{{object}} deletes the PersistentVolumeClaims of its pods when it is deleted (whenDeleted: Delete): a mistaken delete or a re-created release destroys the data.',
      whenScaled: '{{object}} deletes the PersistentVolumeClaims of removed pods on scale-down (whenScaled: Delete): scaling back up starts those replicas without their data.',
      both: '{{object}} deletes the PersistentVolumeClaims of its pods when it is deleted and on scale-down (whenDeleted and whenScaled: Delete): either destroys the data.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'StatefulSet' || compareKubeVersions(context.settings.kubernetesVersion, HONOURED_SINCE) < 0) return;
    if (asArray(object.get('spec', 'volumeClaimTemplates')).length === 0) return;
    const policy = ['spec', 'persistentVolumeClaimRetentionPolicy'] as const;
    const deleted = asString(object.get(...policy, 'whenDeleted')) === 'Delete';
    const scaled = asString(object.get(...policy, 'whenScaled')) === 'Delete';
    if (!deleted && !scaled) return;
    context.report({
      at: object.at(...policy, deleted ? 'whenDeleted' : 'whenScaled'),
      object,
      messageId: deleted && scaled ? 'both' : deleted ? 'whenDeleted' : 'whenScaled',
      data: { object: object.describe() },
    });
  },
});
