import { defineRule } from '../src/engine/rule.js';
import { asString } from '../src/model/access.js';
import type { K8sObject } from '../src/model/object.js';
import { isIdleContainer } from '../src/model/idle.js';
import { mutableTagOf, parseImageReference, tagMatches } from '../src/model/image.js';
import type { ImageOverride } from '../src/model/kustomize-builds.js';
import { containersOf, type ContainerRef } from '../src/model/workload.js';

interface Options {
  /** Tags that name a branch or channel rather than a release; `*` matches any run of characters. */
  movingTags: string[];
}

/**
 * Tags that projects push again on every build of a branch or channel: git default and
 * development branches, nightly and edge channels, Maven-style snapshots, `stable`, and the
 * `latest` variants (`latest-alpine`, `alpine-latest`).
 */
const DEFAULT_MOVING_TAGS = ['master', 'main', 'develop', 'development', 'dev', 'nightly', 'edge', 'snapshot', '*-snapshot', 'stable', 'unstable', 'canary', 'trunk', 'head', 'latest-*', '*-latest'];

export default defineRule<'untagged' | 'latest' | 'branch', Options>({
  meta: {
    id: 'image-tag-mutable',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A container image has no tag, the tag `latest`, or a branch-like tag (`master`, `main`, `nightly`, `stable`...), and no digest.',
    rationale:
      "A tag is a movable pointer; `latest` (what an untagged image means) moves with every push. Each node pulls when it first starts a pod, and the default pull policy for `latest` is Always, so pods rescheduled after a node failure, scaled out by an HPA or restarted on a fresh node run whatever was pushed last, beside siblings that run older code. A bad push then reaches production without a rollout, and a rollback has nothing to roll back to. Branch and channel tags (`master`, `main`, `develop`, `nightly`, `edge`, `snapshot`, `stable`, `latest-alpine`...) are re-pushed by every build of their branch exactly like `latest`, only with the pull policy IfNotPresent, so which build a pod runs depends on what its node happened to pull; the `movingTags` option holds that list (`*` matches any characters, case-insensitive). Only a digest (`@sha256:…`) pins the content. References are split like the container runtime does (distribution/reference): in `registry:5000/app` the `:5000` is the registry port, so that image has no tag. Init containers and sidecars are checked too; ephemeral containers are not part of a pod template. One finding per image and object: containers of one template that run the same mutable image share one cause and one fix, so the finding names them all and sits on the first. Containers that only wait (the pause image, `sleep infinity`, `tail -f /dev/null`) are not checked: whichever build of them a node pulls, they run none of the service's code, as the resource and probe rules also treat them. A Kustomize base is judged by what the run builds from it: when a kustomization of the run that builds the object pins the image (an `images` entry for its name with a digest, or a `newTag` that is neither `latest` nor a moving tag), the base's placeholder is not reported.",
    fix: 'Pin the image to an immutable version tag (`app:1.4.2`) or, better, a digest (`app:1.4.2@sha256:…`), and bump it through a rollout.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      untagged: '{{containers}} of {{object}} {{use}} image "{{image}}" with no tag or digest: it runs whatever `latest` points to when each node pulls it.',
      latest: '{{containers}} of {{object}} {{use}} image "{{image}}": the `latest` tag changes with every push, so pods of the same template can run different code.',
      branch: '{{containers}} of {{object}} {{use}} image "{{image}}": the tag "{{tag}}" follows a branch or channel and moves with every build, so pods of the same template can run different code.',
    },
    options: {
      schema: { movingTags: { type: 'array', items: { type: 'string', minLength: 1 } } },
      defaults: { movingTags: DEFAULT_MOVING_TAGS },
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    // One finding per image of the object: the containers that share it share the cause and the fix.
    const byImage = new Map<string, ContainerRef[]>();
    for (const container of containersOf(template)) {
      if (isIdleContainer(container)) continue;
      const image = asString(container.value['image']);
      if (image === undefined) continue;
      const sharing = byImage.get(image);
      if (sharing) sharing.push(container);
      else byImage.set(image, [container]);
    }
    for (const [image, sharing] of byImage) {
      const reference = parseImageReference(image);
      // In file order, so the finding sits on the first of them whether init containers come first or last.
      const containers = sharing.length === 1 ? sharing : [...sharing].sort((a, b) => offsetOf(object, a) - offsetOf(object, b));
      const first = containers[0];
      if (!reference || !first) continue;
      const names = containers.map((container) => `"${container.name}"`);
      const data = {
        containers: `${names.length === 1 ? 'Container' : 'Containers'} ${names.join(', ')}`,
        use: names.length === 1 ? 'uses' : 'use',
        object: object.describe(),
        image,
      };
      const at = object.at(...first.path, 'image');
      const related = containers.slice(1).map((container) => ({ at: object.at(...container.path, 'image'), message: `container "${container.name}" runs the same image` }));
      if (pinnedByKustomize(image, context.cluster.overlayImages(object), context.options.movingTags)) continue;
      const mutable = mutableTagOf(reference);
      if (mutable) context.report({ at, object, messageId: mutable, data, related });
      else if (reference.digest === undefined && reference.tag !== undefined && tagMatches(reference.tag, context.options.movingTags)) {
        context.report({ at, object, messageId: 'branch', data: { ...data, tag: reference.tag }, related });
      }
    }
  },
});

function offsetOf(object: K8sObject, container: ContainerRef): number {
  const at = object.at(...container.path);
  return at.doc.locate(at.path)[0];
}

/**
 * Whether a kustomization of the run that builds the object pins the image: its `images` entry
 * for the image's name sets a digest, or a tag that does not move.
 */
function pinnedByKustomize(image: string, builds: readonly (readonly ImageOverride[])[], movingTags: readonly string[]): boolean {
  if (builds.length === 0) return false;
  const name = imageName(image);
  return builds.some((entries) => {
    const entry = entries.find((candidate) => candidate.name === name);
    if (!entry) return false;
    if (entry.digest !== undefined) return true;
    return entry.newTag !== undefined && entry.newTag !== 'latest' && !tagMatches(entry.newTag, movingTags);
  });
}

/** The image without tag or digest, as kustomize's `images[].name` matches it. */
function imageName(image: string): string {
  const withoutDigest = image.split('@')[0] ?? image;
  const colon = withoutDigest.lastIndexOf(':');
  return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, colon) : withoutDigest;
}
