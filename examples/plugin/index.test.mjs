// The plugin's own tests: each fixture in fixtures/<rule>/ through the runner the built-in rules
// use. In a plugin's repository this is `import { RuleTester } from 'ballast/testing'` as here.
import { describe, it } from 'vitest';
import { RuleTester } from 'ballast/testing';
import { rules } from './index.mjs';

new RuleTester({ rules, cwd: import.meta.dirname, describe, it }).run('fixtures');
