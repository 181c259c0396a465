/**
 * The layer check in `npm run lint` (eslint.config.js) fails on an import against the arrows
 * (parse ← model ← engine ← rules, format) and on I/O in the pure library.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('layer check', () => {
  it('rejects imports against the arrows', async () => {
    expect(await restricted('src/parse/index.ts', "export { isMap } from '../model/access.js';\n")).toHaveLength(1);
    expect(await restricted('src/model/object.ts', "export { lint } from '../engine/lint.js';\n")).toHaveLength(1);
    expect(await restricted('src/engine/linter.ts', "export { builtinRules } from '../../rules/index.js';\n")).toHaveLength(1);
    expect(await restricted('src/format/json.ts', "export { builtinRules } from '../../rules/index.js';\n")).toHaveLength(1);
    expect(await restricted('rules/replicas-min.ts', "export { toSarif } from '../src/format/sarif.js';\n")).toHaveLength(1);
  }, 60_000);

  it('allows the downward ones, and rejects I/O in the library', async () => {
    expect(await restricted('src/engine/linter.ts', "export { isMap } from '../model/access.js';\nexport { SourceFile } from '../parse/source.js';\n")).toEqual([]);
    expect(await restricted('rules/replicas-min.ts', "export { defineRule } from '../src/engine/rule.js';\n")).toEqual([]);
    expect(await restricted('src/model/object.ts', "export { readFileSync } from 'node:fs';\n")).toHaveLength(1);
  }, 60_000);
});
