// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const IO = { group: ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'os'], message: 'The library is pure: I/O belongs in src/node.ts, src/node-*.ts, src/testing/ or bin/.' };
const UP = 'imports against the layer arrows (parse ← model ← engine ← rules, format; bin, node, testing on top)';

/**
 * What each layer may not import, by specifier relative to its files. `allowed` lists the imports
 * against the arrows that exist today, one file at a time and each with its reason, so that no
 * new one can land; moving them is what is left of making the arrows true.
 */
const LAYERS = [
  { files: ['src/parse/**/*.ts'], forbidden: ['../model/*', '../engine/*', '../format/*', '../../rules/*', '../node*', '../testing/*', '../docs*'] },
  {
    files: ['src/model/**/*.ts'],
    forbidden: ['../engine/*', '../format/*', '../../rules/*', '../node*', '../testing/*', '../docs*'],
  },
  {
    files: ['src/engine/**/*.ts'],
    forbidden: ['../format/*', '../../rules/*', '../node*', '../testing/*', '../docs*'],
    allowed: {
      // The one place where the built-in rules join plugin rules; the registry imports the rule API
      // from engine, so this is a cycle until the registry is handed in from src/index.ts.
      'src/engine/rule-set.ts': ['../../rules/*'],
    },
  },
  {
    files: ['src/format/**/*.ts'],
    forbidden: ['../../rules/*', '../node*', '../testing/*', '../../bin/*'],
    allowed: {
      // These two describe every built-in rule when the caller passes no rule list; left: take the
      // metadata from the lint result instead of the registry.
      'src/format/explain.ts': ['../../rules/*'],
      'src/format/sarif.ts': ['../../rules/*'],
    },
  },
  { files: ['rules/**/*.ts'], forbidden: ['../src/format/*', '../src/node*', '../src/testing/*', '../bin/*'] },
];

function layers() {
  const ignores = ['src/node.ts', 'src/node-*.ts', 'src/testing/**', '**/*.test.ts'];
  const configs = [
    {
      files: ['src/**/*.ts', 'rules/**/*.ts'],
      ignores,
      rules: {
        'no-restricted-imports': ['error', { patterns: [IO] }],
        'no-restricted-globals': ['error', { name: 'process', message: 'The library reads no environment and never exits.' }],
        'no-console': 'error',
      },
    },
  ];
  const restrict = (files, forbidden, extraIgnores = []) => ({
    files,
    ignores: [...ignores, ...extraIgnores],
    rules: { 'no-restricted-imports': ['error', { patterns: [IO, ...(forbidden.length > 0 ? [{ group: forbidden, message: UP }] : [])] }] },
  });
  for (const { files, forbidden, allowed = {} } of LAYERS) {
    configs.push(restrict(files, forbidden, Object.keys(allowed)));
    for (const [file, groups] of Object.entries(allowed))
      configs.push(
        restrict(
          [file],
          forbidden.filter((group) => !groups.includes(group)),
        ),
      );
  }
  return configs;
}

export default tseslint.config(
  { ignores: ['dist/', 'bundle/', 'src/**/*.generated.ts', 'node_modules/', 'bench/corpus/', 'bench/out/', 'coverage/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The library stays pure (no file system, process or console outside src/node.ts, the parse worker,
  // src/testing and bin/), and its layers import only downwards:
  // parse ← model ← engine ← rules, format; bin/, src/node.ts and src/testing on top (ARCHITECTURE.md).
  ...layers(),
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
