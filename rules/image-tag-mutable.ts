import { defineRule } from '../src/engine/rule.js';
import { asString } from '../src/model/access.js';
import { mutableTagOf, parseImageReference } from '../src/model/image.js';
import { containersOf } from '../src/model/workload.js';

export default defineRule<'untagged' | 'latest'>({
  meta: {
    id: 'image-tag-mutable',
    category: 'workload',
    severity: 'warning',
    summary: 'A container image has no tag, or the tag `latest`, and no digest.',
    rationale:
      'A tag is a movable pointer; `latest` (what an untagged image means) moves with every push. Each node pulls when it first starts a pod, and the default pull policy for `latest` is Always, so pods rescheduled after a node failure, scaled out by an HPA or restarted on a fresh node run whatever was pushed last, beside siblings that run older code. A bad push then reaches production without a rollout, and a rollback has nothing to roll back to. Only a digest (`@sha256:…`) pins the content. References are split like the container runtime does (distribution/reference): in `registry:5000/app` the `:5000` is the registry port, so that image has no tag. Init containers and sidecars are checked too; ephemeral containers are not part of a pod template.',
    fix: 'Pin the image to an immutable version tag (`app:1.4.2`) or, better, a digest (`app:1.4.2@sha256:…`), and bump it through a rollout.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      untagged: 'Container "{{container}}" of {{object}} uses image "{{image}}" with no tag or digest: it runs whatever `latest` points to when each node pulls it.',
      latest: 'Container "{{container}}" of {{object}} uses image "{{image}}": the `latest` tag changes with every push, so pods of the same template can run different code.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    for (const container of containersOf(template)) {
      const image = asString(container.value['image']);
      const reference = image === undefined ? undefined : parseImageReference(image);
      const mutable = reference && mutableTagOf(reference);
      if (!mutable || image === undefined) continue;
      context.report({
        at: object.at(...container.path, 'image'),
        object,
        messageId: mutable,
        data: { container: container.name, object: object.describe(), image },
      });
    }
  },
});
