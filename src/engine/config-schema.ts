import { BYTE_SIZE_PATTERN, PRESETS } from './config.js';

const severity = { enum: ['off', 'info', 'warning', 'error'] };
const ruleSettings = {
  type: 'object',
  description: 'Per-rule severity ("off", "info", "warning", "error") or { severity, options }.',
  additionalProperties: {
    anyOf: [
      severity,
      {
        type: 'object',
        additionalProperties: false,
        properties: { severity, options: { type: 'object' } },
      },
    ],
  },
};
const exclusions = {
  type: 'array',
  description: 'Objects not to lint: each entry matches objects by kind, namespace and name (globs with *), all given fields at once.',
  items: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { kind: { type: 'string' }, namespace: { type: 'string' }, name: { type: 'string' } },
  },
};
const quantity = { anyOf: [{ type: 'string' }, { type: 'number' }] };
const resourceList = { type: 'object', additionalProperties: quantity };

/**
 * JSON schema of `.ballast.yaml`. Shipped as schema/ballast-config.schema.json (generated
 * from this object; a test keeps the two equal) so editors can complete and check configs.
 */
export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://ballast.dev/schema/ballast-config.schema.json',
  title: 'ballast configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: {
      description: 'Preset the rule severities start from, or the path of a config file (relative to this one) whose settings this one starts from.',
      anyOf: [{ enum: [...PRESETS] }, { type: 'string', pattern: '\\.(ya?ml|json)$' }],
    },
    rules: ruleSettings,
    exclude: exclusions,
    overrides: {
      type: 'array',
      description: 'Rules and exclusions for the files that `files` globs (relative to this config file) match; later entries win.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
          rules: ruleSettings,
          exclude: exclusions,
        },
      },
    },
    ignore: { type: 'array', items: { type: 'string' }, description: 'Globs of files not to lint.' },
    limits: {
      type: 'object',
      additionalProperties: false,
      description: 'Input and output limits. Without maxFileSize, files found by walking a folder over 10 MB are skipped, and named files and standard input are read whatever their size.',
      properties: {
        maxFileSize: {
          anyOf: [
            { type: 'integer', minimum: 1 },
            { type: 'string', pattern: BYTE_SIZE_PATTERN },
          ],
          description: 'Largest file read: bytes, or a size like 20MB or 64MiB.',
        },
        maxDepth: { type: 'integer', minimum: 1 },
        maxAliasNodes: { type: 'integer', minimum: 1 },
        maxResults: {
          description:
            'The most findings a report holds, the most severe kept, with a notice of how many were left out; 0 for all. A number for every format, or one per format. Defaults: sarif 25000 (GitHub code scanning rejects more), github 1000 annotations, the others all.',
          anyOf: [
            { type: 'integer', minimum: 0 },
            {
              type: 'object',
              additionalProperties: false,
              properties: Object.fromEntries(['stylish', 'json', 'sarif', 'github', 'junit'].map((format) => [format, { type: 'integer', minimum: 0 }])),
            },
          ],
        },
      },
    },
    plugins: { type: 'array', items: { type: 'string' }, description: 'Modules whose default export is a list of extra rules.' },
    render: {
      description: 'Render Kustomize overlays and Helm charts before linting (false: lint files as they are).',
      anyOf: [
        { type: 'boolean' },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            enabled: { type: 'boolean' },
            helmValues: { type: 'array', items: { type: 'string' }, description: 'Values files for helm template, relative to the config file.' },
          },
        },
      ],
    },
    cluster: {
      type: 'object',
      additionalProperties: false,
      description: 'Facts about the cluster that manifests alone cannot tell.',
      properties: {
        kubernetesVersion: { type: 'string', pattern: '^v?\\d+\\.\\d+(\\.\\d+)?$' },
        controlPlaneNodes: { type: 'integer', minimum: 1 },
        nodes: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'capacity'],
            properties: {
              name: { type: 'string' },
              count: { type: 'integer', minimum: 1 },
              capacity: resourceList,
              kubeReserved: resourceList,
              systemReserved: resourceList,
              evictionHard: { type: 'object', additionalProperties: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;
