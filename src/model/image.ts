/**
 * Container image references, split the way the container runtime splits them
 * (github.com/distribution/reference: normalize.go splitDockerDomain, regexp.go):
 * `[registry[:port]/]path[:tag][@algorithm:digest]`.
 *
 * The first path component is a registry only when it contains `.` or `:`, is `localhost`, or
 * has an upper-case letter; so in `registry:5000/app` the `:5000` is a port, not a tag, while in
 * `app:5000` it is the tag.
 */

export interface ImageReference {
  /** Registry host (with port) when written; Docker Hub otherwise. */
  registry: string | undefined;
  /** Repository path without registry, tag or digest (`library/nginx`, `team/app`). */
  repository: string;
  tag: string | undefined;
  /** `sha256:…`: the content address that pins the image whatever the tag says. */
  digest: string | undefined;
}

const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** Template and substitution syntax (`${IMAGE}`, `{{ .Values.image }}`, `$(TAG)`): not an image yet. */
const PLACEHOLDER = /[${}]/;

/** Parses an image reference; undefined when it is not one (empty, a template, malformed). */
export function parseImageReference(image: string): ImageReference | undefined {
  if (image.length === 0 || image.length > 4096 || PLACEHOLDER.test(image) || /\s/.test(image)) return undefined;
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? undefined : image.slice(at + 1);
  if (digest !== undefined && !DIGEST.test(digest)) return undefined;

  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const hasRegistry = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  if (hasRegistry && !DOMAIN.test(first)) return undefined;
  const registry = hasRegistry ? first : undefined;
  const remainder = hasRegistry ? name.slice(slash + 1) : name;

  // With the registry split off, a colon can only separate the tag.
  const colon = remainder.lastIndexOf(':');
  const path = colon === -1 ? remainder : remainder.slice(0, colon);
  const tag = colon === -1 ? undefined : remainder.slice(colon + 1);
  if (tag !== undefined && !TAG.test(tag)) return undefined;
  if (path.length === 0 || !path.split('/').every((component) => PATH_COMPONENT.test(component))) return undefined;

  const repository = registry === undefined && !path.includes('/') ? `library/${path}` : path;
  return { registry, repository, tag, digest };
}

export type MutableTag = 'untagged' | 'latest';

/**
 * Why a reference may resolve to different content over time: no tag (the runtime pulls
 * `latest`) or the `latest` tag itself, in both cases without a digest to pin it.
 */
export function mutableTagOf(reference: ImageReference): MutableTag | undefined {
  if (reference.digest !== undefined) return undefined;
  if (reference.tag === undefined) return 'untagged';
  return reference.tag === 'latest' ? 'latest' : undefined;
}

/** Whether a tag matches one of the patterns, case-insensitively; `*` matches any run of characters. */
export function tagMatches(tag: string, patterns: readonly string[]): boolean {
  const lower = tag.toLowerCase();
  return patterns.some((pattern) => {
    const parts = pattern.toLowerCase().split('*');
    if (parts.length === 1) return lower === parts[0];
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    if (!lower.startsWith(first) || !lower.endsWith(last) || lower.length < first.length + last.length) return false;
    let position = first.length;
    for (const middle of parts.slice(1, -1)) {
      const found = lower.indexOf(middle, position);
      if (found === -1 || found + middle.length > lower.length - last.length) return false;
      position = found + middle.length;
    }
    return true;
  });
}
