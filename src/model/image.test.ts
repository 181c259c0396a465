import { describe, expect, it } from 'vitest';
import { mutableTagOf, parseImageReference, tagMatches } from './image.js';

describe('parseImageReference', () => {
  it.each([
    ['nginx', { registry: undefined, repository: 'library/nginx', tag: undefined, digest: undefined }],
    ['nginx:1.25', { registry: undefined, repository: 'library/nginx', tag: '1.25', digest: undefined }],
    ['team/app:latest', { registry: undefined, repository: 'team/app', tag: 'latest', digest: undefined }],
    ['registry:5000/app', { registry: 'registry:5000', repository: 'app', tag: undefined, digest: undefined }],
    ['registry:5000/team/app:v2', { registry: 'registry:5000', repository: 'team/app', tag: 'v2', digest: undefined }],
    ['localhost/app', { registry: 'localhost', repository: 'app', tag: undefined, digest: undefined }],
    ['gcr.io/proj/app', { registry: 'gcr.io', repository: 'proj/app', tag: undefined, digest: undefined }],
    ['Registry/app:1', { registry: 'Registry', repository: 'app', tag: '1', digest: undefined }],
    [`app@sha256:${'a'.repeat(64)}`, { registry: undefined, repository: 'library/app', tag: undefined, digest: `sha256:${'a'.repeat(64)}` }],
    [`quay.io/x/app:latest@sha256:${'b'.repeat(64)}`, { registry: 'quay.io', repository: 'x/app', tag: 'latest', digest: `sha256:${'b'.repeat(64)}` }],
  ])('%s', (image, expected) => {
    expect(parseImageReference(image)).toEqual(expected);
  });

  it('treats a colon without a registry as the tag', () => {
    expect(parseImageReference('app:5000')?.tag).toBe('5000');
  });

  it.each(['', '${IMAGE}', '{{ .Values.image }}', 'app:$(TAG)', ' nginx', 'UPPER', 'app:', 'app@sha256', 'a//b', 'app:bad/tag'])('rejects %j', (image) => {
    expect(parseImageReference(image)).toBeUndefined();
  });
});

describe('mutableTagOf', () => {
  const of = (image: string) => {
    const reference = parseImageReference(image);
    if (!reference) throw new Error(`test setup: ${image} did not parse`);
    return mutableTagOf(reference);
  };
  it('flags untagged and latest references without a digest', () => {
    expect(of('nginx')).toBe('untagged');
    expect(of('registry:5000/app')).toBe('untagged');
    expect(of('nginx:latest')).toBe('latest');
  });
  it('accepts pinned references', () => {
    expect(of('nginx:1.25.3')).toBeUndefined();
    expect(of(`nginx@sha256:${'c'.repeat(64)}`)).toBeUndefined();
    expect(of(`nginx:latest@sha256:${'c'.repeat(64)}`)).toBeUndefined();
  });
});

describe('tagMatches', () => {
  it('matches exact names and * globs, case-insensitively', () => {
    expect(tagMatches('main', ['main'])).toBe(true);
    expect(tagMatches('MAIN', ['main'])).toBe(true);
    expect(tagMatches('maintenance', ['main'])).toBe(false);
    expect(tagMatches('latest-alpine', ['latest-*'])).toBe(true);
    expect(tagMatches('alpine-latest', ['*-latest'])).toBe(true);
    expect(tagMatches('latest', ['latest-*'])).toBe(false);
    expect(tagMatches('1.2.0-SNAPSHOT', ['*-snapshot'])).toBe(true);
    expect(tagMatches('a-b-c', ['a*b*c'])).toBe(true);
    expect(tagMatches('ab', ['a*b*b'])).toBe(false);
  });
});
