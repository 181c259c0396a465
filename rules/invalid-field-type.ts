import { defineRule } from '../src/engine/rule.js';
import type { ObjectContext } from '../src/engine/rule.js';
import { describeValue, isMap } from '../src/model/access.js';
import type { K8sObject } from '../src/model/object.js';
import { isNegative, parseQuantity } from '../src/model/quantity.js';
import { schemaFor } from '../src/model/kind-schemas.js';
import { checkAgainstSchema, matchesSchemaType, SCHEMA_TYPE_NAMES, type SchemaType } from '../src/model/schema.js';
import { containersOf, REPLICATED_KINDS } from '../src/model/workload.js';
import type { Path } from '../src/types.js';

type MessageId = 'wrongType' | 'quantity' | 'negative';
type Context = ObjectContext<MessageId>;

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/**
 * Checks the types of the fields other rules read. A rule treats a wrong type as absent;
 * this rule says so, where the API server would reject the object.
 */
export default defineRule<MessageId>({
  meta: {
    id: 'invalid-field-type',
    scope: 'object',
    category: 'input',
    severity: 'error',
    summary: 'A known field holds a value of the wrong type.',
    rationale:
      'The API server rejects an object whose fields have the wrong type (a string for `replicas`, a map where a list belongs), so the change never applies; a quantity the API cannot parse fails the same way. ballast cannot judge such a field either, so it reports it instead of guessing.',
    fix: 'Give the field a value of the expected type (for example `replicas: 3`, not `"3"`).',
    appliesTo: ['*'],
    since: '0.1.0',
    messages: {
      wrongType: '`{{field}}` should be {{expected}}, but it is {{actual}}.',
      quantity: '`{{field}}` is not a valid Kubernetes quantity: "{{value}}" (use forms like 500m, 1.5, 256Mi, 1Gi).',
      negative: '`{{field}}` is negative ({{value}}): the API server accepts only quantities of zero or more.',
    },
  },
  checkObject(object, context) {
    const schema = schemaFor(object.apiVersion, object.kind);
    if (schema) {
      for (const issue of checkAgainstSchema(object.value, schema.schema)) {
        if (issue.kind !== 'type') continue;
        context.report({
          at: object.at(...issue.path),
          object,
          messageId: 'wrongType',
          data: { field: issue.path.join('.'), expected: withArticle(issue.expected), actual: describeValue(issue.value) },
        });
      }
      return;
    }
    expect(object, context, ['metadata'], 'object');
    expect(object, context, ['metadata', 'labels'], 'object');
    expect(object, context, ['metadata', 'annotations'], 'object');
    if (REPLICATED_KINDS.has(object.kind)) expect(object, context, ['spec', 'replicas'], 'integer');
    const template = object.podTemplate;
    if (!template) return;
    expect(object, context, [...template.specPath, 'containers'], 'array');
    expect(object, context, [...template.specPath, 'initContainers'], 'array');
    for (const container of containersOf(template)) {
      expect(object, context, [...container.path, 'resources'], 'object');
      for (const list of ['requests', 'limits'] as const) {
        const path = [...container.path, 'resources', list];
        if (!expect(object, context, path, 'object')) continue;
        checkQuantities(object, context, path);
      }
      for (const probe of PROBES) expect(object, context, [...container.path, probe], 'object');
      expect(object, context, [...container.path, 'ports'], 'array');
    }
  },
});

/** Reports a present field of the wrong type; true when the field is present and well typed. */
function expect(object: K8sObject, context: Context, path: Path, expected: SchemaType): boolean {
  const value = object.get(...path);
  if (value === undefined || value === null) return false;
  if (matchesSchemaType(value, expected)) return true;
  context.report({
    at: object.at(...path),
    object,
    messageId: 'wrongType',
    data: { field: path.join('.'), expected: withArticle(SCHEMA_TYPE_NAMES[expected]), actual: describeValue(value) },
  });
  return false;
}

function checkQuantities(object: K8sObject, context: Context, path: Path): void {
  const list = object.get(...path);
  if (!isMap(list)) return;
  for (const name of Object.keys(list)) {
    const raw = list[name];
    if (raw === null) continue;
    const quantity = parseQuantity(raw);
    // ValidateResourceQuantityValue (pkg/apis/core/validation) rejects negative requests and limits.
    if (quantity !== undefined && !isNegative(quantity)) continue;
    context.report({
      at: object.at(...path, name),
      object,
      messageId: quantity === undefined ? 'quantity' : 'negative',
      data: { field: [...path, name].join('.'), value: typeof raw === 'string' || typeof raw === 'number' ? String(raw) : describeValue(raw) },
    });
  }
}

function withArticle(type: string): string {
  if (type === 'null') return type;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
