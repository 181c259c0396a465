import { defineRule } from '../src/engine/rule.js';

/** Reported by the parser; the rule carries the metadata, severity and docs. */
export default defineRule({
  meta: {
    id: 'parse-error',
    scope: 'object',
    category: 'input',
    severity: 'error',
    summary: 'The file is not valid YAML, JSON or UTF-8 text, or cannot be read at all.',
    rationale:
      'A manifest that does not parse is rejected by kubectl and by every GitOps controller; whatever it was meant to change never reaches the cluster, and the other documents of the same apply may be half-applied.',
    fix: 'Correct the syntax at the reported position (for templates, lint the rendered output: `helm template … | ballast -`); for a file that cannot be read, make it readable or rename it as the message says.',
    appliesTo: ['*'],
    since: '0.1.0',
    messages: {
      syntax: 'This document is not valid YAML: {{detail}}.',
      encoding: 'The file is not valid UTF-8 text; decoding fails at this position.',
      binary: 'The file holds a NUL byte: it is binary, not YAML or JSON.',
      control: "The file holds the character {{code}}, which YAML does not allow in a stream; Kubernetes' YAML decoder rejects the whole file.",
      version: "This document declares %YAML {{version}}; Kubernetes' YAML decoder reads YAML 1.1 only and rejects it.",
      unreadable: 'ballast cannot read this file ({{reason}}), so nothing in it was checked; make it readable by the user running ballast, or leave it out of the paths linted.',
      fileName: 'The name of this file is not valid UTF-8 (shown with U+FFFD for the bad bytes), so ballast cannot open it by name and nothing in it was checked; rename it to UTF-8.',
      byteOrderMark: "A byte-order mark (U+FEFF) stands in the middle of the file, where Kubernetes' YAML decoder rejects it; it usually comes from concatenating files.",
    },
  },
});
