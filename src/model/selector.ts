/**
 * Label selectors, matched exactly as k8s.io/apimachinery does:
 *  - pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector: a nil selector selects nothing, an
 *    empty one (no matchLabels, no matchExpressions) selects everything, otherwise every
 *    matchLabels pair and every matchExpression must hold (AND);
 *  - pkg/labels/selector.go Requirement.Matches: In needs the key with a listed value, NotIn
 *    holds when the key is absent or its value is not listed, Exists/DoesNotExist test the key;
 *  - NewRequirement rejects In/NotIn without values, Exists/DoesNotExist with values, and any
 *    other operator: such a selector is an API error, so it is reported as unreadable here.
 */
import { asArray, asString, isMap, stringMap } from './access.js';
import type { K8sObject } from './object.js';

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface Requirement {
  key: string;
  operator: Operator;
  values: ReadonlySet<string>;
}

export type Selector = { kind: 'nothing' } | { kind: 'everything' } | { kind: 'requirements'; requirements: readonly Requirement[] };

export const NOTHING: Selector = Object.freeze({ kind: 'nothing' });
export const EVERYTHING: Selector = Object.freeze({ kind: 'everything' });

const OPERATORS: ReadonlySet<string> = new Set<Operator>(['In', 'NotIn', 'Exists', 'DoesNotExist']);

export type Labels = Readonly<Record<string, string>>;

/**
 * A `metav1.LabelSelector` (PDB, NetworkPolicy, anti-affinity, spread constraints, workload
 * selectors). Returns undefined when it is malformed (wrong types, unknown operator, values
 * where none are allowed or missing where required): the API rejects it, so nothing can be
 * concluded from it.
 */
export function parseLabelSelector(value: unknown): Selector | undefined {
  if (value === undefined || value === null) return NOTHING;
  if (!isMap(value)) return undefined;
  const requirements: Requirement[] = [];
  const matchLabels = value['matchLabels'];
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isMap(matchLabels)) return undefined;
    const pairs = stringMap(matchLabels);
    if (Object.keys(pairs).length !== Object.keys(matchLabels).length) return undefined;
    for (const key of Object.keys(pairs)) requirements.push({ key, operator: 'In', values: new Set([pairs[key] ?? '']) });
  }
  const expressions = value['matchExpressions'];
  if (expressions !== undefined && expressions !== null && !Array.isArray(expressions)) return undefined;
  for (const expression of asArray(expressions)) {
    const requirement = parseExpression(expression);
    if (!requirement) return undefined;
    requirements.push(requirement);
  }
  return requirements.length === 0 ? EVERYTHING : { kind: 'requirements', requirements };
}

function parseExpression(value: unknown): Requirement | undefined {
  if (!isMap(value)) return undefined;
  const key = asString(value['key']);
  const operator = asString(value['operator']);
  if (key === undefined || operator === undefined || !OPERATORS.has(operator)) return undefined;
  const rawValues = value['values'];
  if (rawValues !== undefined && rawValues !== null && !Array.isArray(rawValues)) return undefined;
  const values: string[] = [];
  for (const item of asArray(rawValues)) {
    if (typeof item === 'string') values.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') values.push(String(item));
    else return undefined;
  }
  const needsValues = operator === 'In' || operator === 'NotIn';
  if (needsValues !== values.length > 0) return undefined;
  return { key, operator: operator as Operator, values: new Set(values) };
}

/**
 * A plain `map[string]string` selector (Service, ReplicationController). Every pair must
 * match. An empty or missing map is returned as undefined: for a Service it means "no
 * selector, endpoints are managed elsewhere", which callers must not read as "everything".
 */
export function parseMapSelector(value: unknown): Selector | undefined {
  if (!isMap(value)) return undefined;
  const pairs = stringMap(value);
  const keys = Object.keys(pairs);
  if (keys.length === 0) return undefined;
  return { kind: 'requirements', requirements: keys.map((key) => ({ key, operator: 'In', values: new Set([pairs[key] ?? '']) })) };
}

/** Requirement.Matches, for one requirement. */
export function requirementMatches(requirement: Requirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  switch (requirement.operator) {
    case 'In':
      return has && requirement.values.has(labels[requirement.key] ?? '');
    case 'NotIn':
      return !has || !requirement.values.has(labels[requirement.key] ?? '');
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/**
 * Whether the labels satisfy the selector. `ignore` names label keys whose requirements are
 * taken as satisfied, for labels that controllers add to pods but templates do not carry.
 */
export function selectorMatches(selector: Selector, labels: Labels, ignore?: (key: string) => boolean): boolean {
  if (selector.kind === 'nothing') return false;
  if (selector.kind === 'everything') return true;
  return selector.requirements.every((requirement) => ignore?.(requirement.key) === true || requirementMatches(requirement, labels));
}

/** `app=web,tier in (a,b)` — how messages show a selector. */
export function describeSelector(selector: Selector): string {
  if (selector.kind === 'nothing') return '(nothing)';
  if (selector.kind === 'everything') return '(everything)';
  return selector.requirements
    .map((requirement) => {
      const values = [...requirement.values];
      switch (requirement.operator) {
        case 'In':
          return values.length === 1 ? `${requirement.key}=${values[0] ?? ''}` : `${requirement.key} in (${values.join(',')})`;
        case 'NotIn':
          return `${requirement.key} notin (${values.join(',')})`;
        case 'Exists':
          return requirement.key;
        case 'DoesNotExist':
          return `!${requirement.key}`;
      }
    })
    .join(',');
}

/**
 * Labels that controllers add to the pods they create and that templates never carry
 * (Deployment: pod-template-hash; StatefulSet: statefulset.kubernetes.io/pod-name,
 * apps.kubernetes.io/pod-index, controller-revision-hash; DaemonSet: controller-revision-hash,
 * pod-template-generation; Job: job-name, controller-uid and their batch.kubernetes.io/ forms).
 * A selector's requirement on them is taken as satisfied: matching over-approximates, so a
 * rule that concludes from absence never fires because of them.
 */
const CONTROLLER_POD_LABELS: ReadonlySet<string> = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-uid',
  'job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/job-completion-index',
]);

export function isControllerPodLabel(key: string): boolean {
  return CONTROLLER_POD_LABELS.has(key);
}

/**
 * The pods an object selects, as the API reads its selector; undefined when it has none that
 * can be evaluated (a Service without selector, a malformed selector).
 *  - PodDisruptionBudget `spec.selector`: nil selects nothing; `{}` selects every pod of the
 *    namespace in policy/v1 but nothing in policy/v1beta1 (API reference of both versions).
 *  - Service `spec.selector`: a plain map; empty or absent means endpoints are managed outside.
 *  - NetworkPolicy `spec.podSelector`: a non-pointer field (k8s.io/api networking/v1
 *    NetworkPolicySpec), so absent equals `{}`: every pod of the namespace.
 */
export function podSelectorOf(object: K8sObject): Selector | undefined {
  switch (object.kind) {
    case 'PodDisruptionBudget': {
      const selector = parseLabelSelector(object.get('spec', 'selector'));
      return selector?.kind === 'everything' && object.apiVersion === 'policy/v1beta1' ? NOTHING : selector;
    }
    case 'Service':
      return asString(object.get('spec', 'type')) === 'ExternalName' ? undefined : parseMapSelector(object.get('spec', 'selector'));
    case 'NetworkPolicy': {
      const value = object.get('spec', 'podSelector');
      return value === undefined || value === null ? EVERYTHING : parseLabelSelector(value);
    }
    default:
      return undefined;
  }
}

/** Whether the labels satisfy at least one equality/In requirement of the selector. */
export function sharesLabel(selector: Selector, labels: Labels): boolean {
  return selector.kind === 'requirements' && selector.requirements.some((requirement) => requirement.operator === 'In' && requirementMatches(requirement, labels));
}

/**
 * Finds the items a selector matches without testing every item: items are indexed by
 * `key=value` and by key, a selector starts from its rarest positive requirement (In, Exists)
 * and only those candidates are verified. Selectors made only of NotIn/DoesNotExist, or the
 * empty selector, match by absence and must look at every item of the scope.
 */
export class SelectorIndex<T> {
  private readonly items: T[] = [];
  private readonly labels: Labels[] = [];
  private readonly byPair = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();
  /** Selector verifications performed, for checking that lookups stay proportional. */
  verified = 0;

  get all(): readonly T[] {
    return this.items;
  }

  add(item: T, labels: Labels): void {
    const index = this.items.length;
    this.items.push(item);
    this.labels.push(labels);
    for (const key of Object.keys(labels)) {
      push(this.byKey, key, index);
      push(this.byPair, pairKey(key, labels[key] ?? ''), index);
    }
  }

  select(selector: Selector, ignore?: (key: string) => boolean): T[] {
    if (selector.kind === 'nothing') return [];
    const candidates = this.candidates(selector, ignore);
    const result: T[] = [];
    for (const index of candidates ?? this.items.keys()) {
      this.verified++;
      const labels = this.labels[index];
      const item = this.items[index];
      if (labels !== undefined && item !== undefined && selectorMatches(selector, labels, ignore)) result.push(item);
    }
    return result;
  }

  /** Indices that can possibly match, from the most selective positive requirement; undefined means all. */
  private candidates(selector: Selector, ignore?: (key: string) => boolean): Iterable<number> | undefined {
    if (selector.kind !== 'requirements') return undefined;
    let best: number[] | undefined;
    for (const requirement of selector.requirements) {
      if (ignore?.(requirement.key) === true) continue;
      let found: number[] | undefined;
      if (requirement.operator === 'Exists') found = this.byKey.get(requirement.key) ?? [];
      else if (requirement.operator === 'In') {
        found = [];
        for (const value of requirement.values) found = found.concat(this.byPair.get(pairKey(requirement.key, value)) ?? []);
        // Several values: keep input order, so results read like the files.
        if (requirement.values.size > 1) found.sort((a, b) => a - b);
      }
      if (found !== undefined && (best === undefined || found.length < best.length)) best = found;
      if (best?.length === 0) break;
    }
    return best;
  }
}

function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** Appends to the list under `key`, creating it. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
