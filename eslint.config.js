// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'bundle/', 'node_modules/', 'bench/corpus/', 'bench/out/', 'coverage/', 'docs/'] },
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
  {
    // The library stays pure: no file system, process or console outside src/node.ts and bin/.
    files: ['src/**/*.ts', 'rules/**/*.ts'],
    ignores: ['src/node.ts', 'src/node-parse-worker.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'os'], message: 'The library is pure: I/O belongs in src/node.ts, src/node-parse-worker.ts or bin/.' }] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The library reads no environment and never exits.' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
