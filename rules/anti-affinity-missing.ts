import { defineRule } from '../src/engine/rule.js';
import { asArray, asString, dig, isMap, type PlainMap } from '../src/model/access.js';
import { describeSelector, isControllerPodLabel, parseLabelSelector, selectorMatches, type Labels } from '../src/model/selector.js';
import type { Path } from '../src/types.js';

/** Node labels whose domains are separate machines: one node, or one zone (made of other nodes). */
const SPREAD_KEYS: ReadonlySet<string> = new Set(['kubernetes.io/hostname', 'topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']);

interface SpreadTerm {
  /** Path of the term (relative to the pod spec). */
  path: Path;
  key: string;
  /** Required anti-affinity or DoNotSchedule; preferred anti-affinity and ScheduleAnyway only weigh in scoring. */
  hard: boolean;
  /** Why it does not count the pod's own replicas; undefined when it does. */
  notSelf: string | undefined;
}

export default defineRule<'missing' | 'soft' | 'selectorMismatch'>({
  meta: {
    id: 'anti-affinity-missing',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A replicated workload with no pod anti-affinity or topology spread over nodes or zones that selects its own pods.',
    rationale:
      'Without a spreading rule of its own, a workload gets only the scheduler’s built-in defaults (pkg/scheduler/framework/plugins/podtopologyspread/plugin.go systemDefaultConstraints: hostname with maxSkew 3 and zone with maxSkew 5, both ScheduleAnyway): a score, weighed against resource fit and image locality, that allows three replicas on one node and none at all on a full or tainted pool. A kernel panic, power loss or drain then takes those replicas at once: they protect against nothing. A spreading rule only works when its label selector matches the pods it is meant to keep apart: a copied selector that matches other pods spreads nothing. Counted: pod anti-affinity terms and topologySpreadConstraints over `kubernetes.io/hostname` or a zone key (`topology.kubernetes.io/zone`, `failure-domain.beta.kubernetes.io/zone`: replicas in different zones are on different nodes). Preferred anti-affinity and `whenUnsatisfiable: ScheduleAnyway` are scores, not constraints (kube-scheduler InterPodAffinity and PodTopologySpread plugins): they usually spread, but a full or tainted node pool lets them stack replicas, so they are reported as info. DaemonSets are not replicated in this sense.',
    fix: 'Add a `topologySpreadConstraints` entry with `topologyKey: kubernetes.io/hostname` (or a zone key), `whenUnsatisfiable: DoNotSchedule` and a `labelSelector` matching the pod template labels, or a required `podAntiAffinity` term on `kubernetes.io/hostname`.',
    appliesTo: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'],
    since: '0.1.0',
    messages: {
      missing: '{{object}} runs replicated pods with no pod anti-affinity or topology spread constraint over nodes or zones: all replicas can land on one node and fail together.',
      soft: '{{object}} spreads its replicas only by preference ({{how}}): the scheduler may still put them on one node when others are full.',
      selectorMismatch: 'This {{what}} on {{key}} of {{object}} {{why}}: it does not keep its replicas apart.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template || !context.cluster.isReplicated(object)) return;
    const terms = spreadTerms(template.spec, template.labels, object.namespaceOrDefault);
    const name = object.describe();
    for (const term of terms) {
      if (term.notSelf === undefined) continue;
      const what = term.path[0] === 'topologySpreadConstraints' ? 'topology spread constraint' : 'pod anti-affinity term';
      const selectorPath = isMap(dig(template.spec, ...term.path, 'labelSelector')) ? [...term.path, 'labelSelector'] : term.path;
      context.report({
        at: object.at(...template.specPath, ...selectorPath),
        object,
        messageId: 'selectorMismatch',
        data: { what, key: term.key, object: name, why: term.notSelf },
      });
    }
    const matching = terms.filter((term) => term.notSelf === undefined);
    if (matching.some((term) => term.hard)) return;
    const soft = matching[0];
    if (soft) {
      const how = soft.path[0] === 'topologySpreadConstraints' ? `topology spread on ${soft.key} with whenUnsatisfiable: ScheduleAnyway` : `preferred pod anti-affinity on ${soft.key}`;
      context.report({ at: object.at(...template.specPath, ...soft.path), object, messageId: 'soft', data: { object: name, how }, severity: 'info' });
      return;
    }
    if (terms.length === 0) context.report({ at: object.at(...template.specPath), object, messageId: 'missing', data: { object: name } });
  },
});

/** Anti-affinity terms and spread constraints over node or zone keys, and whether each selects the pod itself. */
function spreadTerms(spec: PlainMap, labels: Labels, namespace: string): SpreadTerm[] {
  const terms: SpreadTerm[] = [];
  const antiAffinity = dig(spec, 'affinity', 'podAntiAffinity');
  const add = (path: Path, term: unknown, hard: boolean): void => {
    if (!isMap(term)) return;
    const key = asString(term['topologyKey']);
    if (key === undefined || !SPREAD_KEYS.has(key)) return;
    terms.push({ path, key, hard, notSelf: notSelf(term, labels, namespace) });
  };
  asArray(dig(antiAffinity, 'requiredDuringSchedulingIgnoredDuringExecution')).forEach((term, index) => add(['affinity', 'podAntiAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', index], term, true));
  asArray(dig(antiAffinity, 'preferredDuringSchedulingIgnoredDuringExecution')).forEach((weighted, index) =>
    add(['affinity', 'podAntiAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', index, 'podAffinityTerm'], dig(weighted, 'podAffinityTerm'), false),
  );
  asArray(spec['topologySpreadConstraints']).forEach((constraint, index) => add(['topologySpreadConstraints', index], constraint, !(isMap(constraint) && constraint['whenUnsatisfiable'] === 'ScheduleAnyway')));
  return terms;
}

/**
 * Why the term does not count the pod's own replicas, or undefined when it does: its selector
 * (nil selects nothing) must match the template labels, no `mismatchLabelKeys` key may exclude
 * them (that key must differ from the pod's own value), and its namespaces must include the
 * pod's (`namespaces` empty means the pod's; a `namespaceSelector` gets the benefit of the
 * doubt). `matchLabelKeys` copy the pod's own values, so they never exclude it.
 */
function notSelf(term: PlainMap, labels: Labels, namespace: string): string | undefined {
  const selector = parseLabelSelector(term['labelSelector']);
  if (!selector) return 'has an unreadable selector';
  if (!selectorMatches(selector, labels, isControllerPodLabel)) return `selects ${describeSelector(selector)}, which does not match the pod template’s own labels`;
  const excluding = asArray(term['mismatchLabelKeys']).find((key) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(labels, key));
  if (typeof excluding === 'string') return `excludes the pod’s own replicas through mismatchLabelKeys "${excluding}"`;
  const namespaces = asArray(term['namespaces']).filter((entry): entry is string => typeof entry === 'string');
  if (namespaces.length > 0 && !namespaces.includes(namespace) && !isMap(term['namespaceSelector'])) {
    return `looks only at namespace(s) ${namespaces.join(', ')}, not its own`;
  }
  return undefined;
}
