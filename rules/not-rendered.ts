import { defineRule } from '../src/engine/rule.js';

/**
 * Reported while reading and rendering input (a template found where a manifest was expected, a
 * chart or Kustomize overlay that could not be rendered); the rule carries the metadata and docs.
 */
export default defineRule({
  meta: {
    id: 'not-rendered',
    scope: 'object',
    category: 'input',
    severity: 'error',
    summary: 'A template, Helm chart or Kustomize overlay was not linted because it is not rendered, or its render failed.',
    rationale:
      'What reaches the cluster is what Helm and Kustomize render, not the templates: judging `{{ … }}` text as YAML gives parse errors that say nothing about the manifests, and an overlay that fails to build deploys nothing at all. Templates are noted once (info); a failed render is an error.',
    fix: 'Render the input and lint the result (`helm template <chart> | ballast -`, `kubectl kustomize <dir> | ballast -`), put `helm` or `kustomize` on PATH so that ballast renders it, or fix the error the renderer reports.',
    appliesTo: ['*'],
    since: '0.2.0',
    messages: {
      template: 'This file holds template directives ({{ … }}) and is not YAML until it is rendered; it was not linted.',
      chart: 'Helm chart "{{chart}}" was not linted: its templates must be rendered first ({{command}}).',
      failed: '{{tool}} could not render this {{what}}: {{detail}}',
    },
  },
});
