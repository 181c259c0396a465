// esbuild settings both bundles share (dist/bin for the npm package, bundle/ committed for the
// GitHub Action and the pre-commit hook): Node 20 ESM, whitespace and syntax minified, no comments.
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // Dependencies written as CommonJS (yaml, ajv, picocolors) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __ballastRequire } from 'node:module';\nconst require = __ballastRequire(import.meta.url);" },
  logLevel: 'warning',
};
