import { defineRule } from '../src/engine/rule.js';
import { asArray, asInteger, asString, isMap } from '../src/model/access.js';
import type { ClusterIndex } from '../src/model/cluster.js';
import type { K8sObject } from '../src/model/object.js';
import { directoryOf } from '../src/model/scope.js';
import { containersOf } from '../src/model/workload.js';

const DNS_PORT = 53;
/** Port names CoreDNS and kube-dns give port 53 (UDP and TCP). */
const DNS_PORT_NAMES: ReadonlySet<string> = new Set(['dns', 'dns-tcp']);

const NAMED_PODS = 10;

type Verdict = 'allows' | 'blocks' | 'unknown';

export default defineRule<'blocks'>({
  meta: {
    id: 'network-policy-blocks-dns',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A NetworkPolicy restricts egress but allows no DNS (port 53, UDP or TCP) for the pods it selects.',
    rationale:
      'Once any NetworkPolicy with Egress in its policyTypes selects a pod, only the egress its rules allow is permitted, and the rules of all such policies add up. When none allows port 53 the pod cannot resolve names: every outgoing call by hostname fails (including to Services in the same namespace), readiness probes that call dependencies fail, and the workload goes down while looking healthy from outside. policyTypes defaults to Ingress plus Egress only when egress rules are present (SetDefaults_NetworkPolicy, pkg/apis/networking/v1/defaults.go); a rule without `ports` allows every port, a port without number every port of its protocol (default TCP), and `endPort` makes a range. Named ports are resolved by the usual DNS names (`dns`, `dns-tcp`) or the ports declared in the linted files; a name that cannot be resolved is not judged. Judged from the linted files: a policy applied from elsewhere that allows DNS is not seen.',
    fix: 'Add an egress rule allowing UDP and TCP port 53 to the cluster DNS (e.g. `to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]`), in this policy or a namespace-wide one.',
    appliesTo: ['NetworkPolicy'],
    since: '0.1.0',
    messages: {
      blocks: '{{object}} restricts egress of {{pods}} and no egress rule in the linted files allows DNS (port 53 UDP/TCP): name resolution fails.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'NetworkPolicy' || !restrictsEgress(object)) return;
    const { cluster } = context;
    if (cachedVerdict(object, cluster) !== 'blocks') return;
    const selected = selectionOf(object, cluster);
    if (!selected) return;
    let pods = 'the pods it selects';
    if (selected.length > 0) {
      const uncovered = uncoveredOf(selected, cluster);
      if (uncovered.length === 0) return;
      // Named up to a few: a thousand policies each naming a thousand workloads made the report quadratic.
      const named = uncovered.slice(0, NAMED_PODS).map((entry) => entry.object.describe());
      const more = uncovered.length - named.length;
      pods = `the pods of ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    } else if (cluster.derived(namespacesLettingDnsThrough).has(object.namespaceOrDefault)) {
      // No pod of the set to pin it on: a DNS-allowing policy of the namespace may cover the same pods.
      return;
    }
    const at = object.get('spec', 'egress') !== undefined ? object.at('spec', 'egress') : object.at('spec', 'policyTypes');
    context.report({ at, object, messageId: 'blocks', data: { object: object.describe(), pods } });
  },
});

type Selection = NonNullable<ReturnType<ClusterIndex['selectedBy']>>;

/*
 * Work stays proportional to the objects, not to policies × pods (2,000 policies selecting the
 * same 2,000 pods took 4.6 s, fourfold per doubling): policies of one namespace, directory and pod
 * selector share one selection, computed once; the pods that DNS-allowing policies cover are one
 * set, built once from the distinct selections; what a selection leaves uncovered is computed once.
 */

/** Selections by namespace, directory (see scope.ts) and selector, for one run. */
function selectionsByKey(): Map<string, Selection | undefined> {
  return new Map();
}

/** The pods a policy selects, shared by every policy with the same namespace, directory and selector. */
function selectionOf(policy: K8sObject, cluster: ClusterIndex): Selection | undefined {
  const byKey = cluster.derived(selectionsByKey);
  const key = `${policy.namespaceOrDefault}\u0000${policy.namespace === undefined ? '?' : '!'}${directoryOf(policy)}\u0000${JSON.stringify(policy.get('spec', 'podSelector') ?? null)}`;
  if (!byKey.has(key)) byKey.set(key, cluster.selectedBy(policy));
  return byKey.get(key);
}

/** Whether a policy restricts egress and lets DNS through (or may: a port name it cannot resolve). */
function letsDnsThrough(policy: K8sObject, cluster: ClusterIndex): boolean {
  return restrictsEgress(policy) && cachedVerdict(policy, cluster) !== 'blocks';
}

/** The pods of the set that some egress policy letting DNS through selects: egress rules of all policies add up. */
function coveredPods(cluster: ClusterIndex): ReadonlySet<K8sObject> {
  const pods = new Set<K8sObject>();
  const seen = new Set<Selection>();
  for (const policy of cluster.ofKind('NetworkPolicy')) {
    if (!letsDnsThrough(policy, cluster)) continue;
    const selected = selectionOf(policy, cluster);
    if (!selected || seen.has(selected)) continue;
    seen.add(selected);
    for (const entry of selected) pods.add(entry.object);
  }
  return pods;
}

/** What each selection leaves uncovered, for one run. */
function uncoveredBySelection(): Map<Selection, Selection> {
  return new Map();
}

function uncoveredOf(selected: Selection, cluster: ClusterIndex): Selection {
  const bySelection = cluster.derived(uncoveredBySelection);
  let uncovered = bySelection.get(selected);
  if (!uncovered) {
    const covered = cluster.derived(coveredPods);
    bySelection.set(selected, (uncovered = selected.filter((entry) => !covered.has(entry.object))));
  }
  return uncovered;
}

/** The namespaces with a policy that lets DNS through, grouped in one pass (a filter per namespace was quadratic). */
function namespacesLettingDnsThrough(cluster: ClusterIndex): ReadonlySet<string> {
  const namespaces = new Set<string>();
  for (const policy of cluster.ofKind('NetworkPolicy')) if (letsDnsThrough(policy, cluster)) namespaces.add(policy.namespaceOrDefault);
  return namespaces;
}

/** What `dnsVerdict` found, per policy, for one run (it depends on the ports declared across the set). */
function policyVerdicts(): Map<K8sObject, Verdict> {
  return new Map();
}

function cachedVerdict(policy: K8sObject, cluster: ClusterIndex): Verdict {
  const verdicts = cluster.derived(policyVerdicts);
  let verdict = verdicts.get(policy);
  if (verdict === undefined) verdicts.set(policy, (verdict = dnsVerdict(policy, cluster)));
  return verdict;
}

/** Whether the policy governs egress: listed in policyTypes, or defaulted in by non-empty egress rules. */
function restrictsEgress(policy: K8sObject): boolean {
  const types = asArray(policy.get('spec', 'policyTypes'));
  if (types.length > 0) return types.includes('Egress');
  return asArray(policy.get('spec', 'egress')).length > 0;
}

/** Whether some egress rule of the policy lets DNS through; `unknown` when it depends on a port name that cannot be resolved. */
function dnsVerdict(policy: K8sObject, cluster: ClusterIndex): Verdict {
  let verdict: Verdict = 'blocks';
  for (const rule of asArray(policy.get('spec', 'egress'))) {
    if (!isMap(rule)) continue;
    const ports = asArray(rule['ports']);
    if (ports.length === 0) return 'allows';
    for (const port of ports) {
      const result = portVerdict(port, cluster);
      if (result === 'allows') return 'allows';
      if (result === 'unknown') verdict = 'unknown';
    }
  }
  return verdict;
}

function portVerdict(port: unknown, cluster: ClusterIndex): Verdict {
  if (!isMap(port)) return 'blocks';
  const protocol = asString(port['protocol']) ?? 'TCP';
  if (protocol !== 'UDP' && protocol !== 'TCP') return 'blocks';
  const value = port['port'];
  if (value === undefined || value === null) return 'allows';
  const number = asInteger(value);
  if (number !== undefined) {
    const end = asInteger(port['endPort']) ?? number;
    return number <= DNS_PORT && DNS_PORT <= end ? 'allows' : 'blocks';
  }
  const name = asString(value);
  if (name === undefined) return 'blocks';
  if (DNS_PORT_NAMES.has(name)) return 'allows';
  const declared = cluster.derived(portsByName).get(name);
  if (!declared) return 'unknown';
  return declared.has(DNS_PORT) ? 'allows' : 'blocks';
}

/** Container port numbers by port name, over every pod template of the run (destinations may be anywhere). */
function portsByName(cluster: ClusterIndex): ReadonlyMap<string, Set<number>> {
  const ports = new Map<string, Set<number>>();
  for (const object of cluster.objects) {
    const template = object.podTemplate;
    if (!template) continue;
    for (const container of containersOf(template)) {
      for (const port of asArray(container.value['ports'])) {
        const name = isMap(port) ? asString(port['name']) : undefined;
        const number = isMap(port) ? asInteger(port['containerPort']) : undefined;
        if (name === undefined || number === undefined) continue;
        let set = ports.get(name);
        if (!set) ports.set(name, (set = new Set()));
        set.add(number);
      }
    }
  }
  return ports;
}
