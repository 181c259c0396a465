import { defineRule } from '../src/engine/rule.js';

/** Reported by the parser; the rule carries the metadata, severity and docs. */
export default defineRule({
  meta: {
    id: 'input-limit',
    scope: 'object',
    category: 'input',
    severity: 'error',
    summary: 'A file, nesting depth or alias expansion goes beyond the configured limits.',
    rationale: 'Oversized or hostile YAML (alias bombs, pathological nesting) exhausts the memory of the API server and of every tool that reads it. ballast refuses to expand it and lints the rest of the run.',
    fix: 'Split the file, flatten the nesting, or replace the aliases with plain values.',
    appliesTo: ['*'],
    since: '0.1.0',
    messages: {
      fileSize: 'The file is {{size}}, over the {{limit}} limit; it was not read (raise the limit with --max-file-size or `limits.maxFileSize` in the config).',
      nesting: 'Nesting here goes deeper than the limit of {{limit}} levels; the document was not read.',
      depth: 'Nesting here goes deeper than the limit of {{limit}} levels; the document was not read.',
      aliases: 'Aliases in this document expand to more than {{limit}} nodes (an alias bomb?); the document was not read.',
    },
  },
});
