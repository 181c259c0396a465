import { describe, expect, it } from 'vitest';
import { findExcessiveNesting } from './limits.js';

describe('findExcessiveNesting', () => {
  it('accepts flow nesting up to 500 and points at the 501st opening bracket', () => {
    expect(findExcessiveNesting(`a: ${'['.repeat(500)}${']'.repeat(500)}\n`)).toBeUndefined();
    const text = `a: ${'{x: '.repeat(250)}${'['.repeat(251)}`;
    const offset = findExcessiveNesting(text);
    expect(offset).toBe(text.length - 1);
    expect(text[offset ?? 0]).toBe('[');
  });

  it('counts depth, not brackets: closed collections do not add up', () => {
    expect(findExcessiveNesting(`a: ${'[1], '.repeat(2000)}\n`)).toBeUndefined();
    expect(findExcessiveNesting(`list: [${'[[]], '.repeat(1000)}]\n`)).toBeUndefined();
  });

  it('accepts indentation up to 1000 columns and points past it', () => {
    expect(findExcessiveNesting(`${' '.repeat(1000)}x: 1\n`)).toBeUndefined();
    expect(findExcessiveNesting(`a: 1\n${' '.repeat(1001)}x: 1\n`)).toBe(5 + 1000);
    expect(findExcessiveNesting(`${'- '.repeat(500)}x\n`)).toBeUndefined();
    expect(findExcessiveNesting(`${'- '.repeat(501)}x\n`)).toBe(1000);
    expect(findExcessiveNesting(`${'? '.repeat(501)}x\n`)).toBe(1000);
  });

  it('ignores brackets in comments and in quoted strings inside flow collections', () => {
    expect(findExcessiveNesting(`# ${'['.repeat(600)}\na: 1 # ${'{'.repeat(600)}\n`)).toBeUndefined();
    expect(findExcessiveNesting(`a: ["${'['.repeat(600)}", '${'{'.repeat(600)}']\n`)).toBeUndefined();
  });

  it('does not let unbalanced brackets in plain scalars accumulate across top-level keys', () => {
    const lines = Array.from({ length: 600 }, (_, index) => `key${index}: value [${index}`);
    expect(findExcessiveNesting(`${lines.join('\n')}\n`)).toBeUndefined();
  });

  it('accepts ordinary manifests, CRLF included', () => {
    const manifest = 'apiVersion: v1\r\nkind: ConfigMap\r\ndata:\r\n  script: |\r\n    if [ -f x ]; then echo "{}"; fi\r\n';
    expect(findExcessiveNesting(manifest)).toBeUndefined();
  });
});
