import { PRESETS } from './config.js';

const severity = { enum: ['off', 'info', 'warning', 'error'] };
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
    extends: { enum: [...PRESETS], description: 'Preset the rule severities start from.' },
    rules: {
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
    },
    ignore: { type: 'array', items: { type: 'string' }, description: 'Globs of files not to lint.' },
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
