/**
 * Every fixture case in fixtures/, through the runner plugin authors get from `ballast/testing`:
 * findings equal the `# expect` comments, none points outside its file, and every message of a
 * rule with fixtures is produced by one.
 */
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { RuleTester } from '../testing/rule-tester.js';

new RuleTester({
  cwd: resolve(import.meta.dirname, '../..'),
  describe,
  it,
  // Only the Node layer reports these: its renderer (it runs kustomize and helm; test/render.test.ts) and its reading
  // of files (a file it cannot open; test/unreadable.test.ts).
  producedElsewhere: ['not-rendered/chart', 'not-rendered/failed', 'parse-error/unreadable', 'parse-error/fileName'],
}).run('fixtures');
