import { defineRule } from '../src/engine/rule.js';
import { asArray, asInteger, asString, isMap } from '../src/model/access.js';
import type { ClusterIndex } from '../src/model/cluster.js';
import type { K8sObject } from '../src/model/object.js';
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
    const selected = cluster.selectedBy(object);
    if (!selected) return;
    // This policy blocks, so any policy that lets DNS through is another one.
    const coveredElsewhere = (policies: readonly K8sObject[]): boolean => someLetsDnsThrough(policies, cluster);
    let pods = 'the pods it selects';
    if (selected.length > 0) {
      const uncovered = selected.filter((entry) => !coveredElsewhere(cluster.networkPoliciesFor(entry.object)));
      if (uncovered.length === 0) return;
      // Named up to a few: a thousand policies each naming a thousand workloads made the report quadratic.
      const named = uncovered.slice(0, NAMED_PODS).map((entry) => entry.object.describe());
      const more = uncovered.length - named.length;
      pods = `the pods of ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    } else if (namespaceLetsDnsThrough(object.namespaceOrDefault, cluster)) {
      // No pod of the set to pin it on: a DNS-allowing policy of the namespace may cover the same pods.
      return;
    }
    const at = object.get('spec', 'egress') !== undefined ? object.at('spec', 'egress') : object.at('spec', 'policyTypes');
    context.report({ at, object, messageId: 'blocks', data: { object: object.describe(), pods } });
  },
});

/*
 * Verdicts are kept per policy, and per list of policies (the cluster index hands out the same
 * list for the same pods): a namespace of N policies selecting all of N pods was judged N³ times.
 */
const covering = new WeakMap<readonly K8sObject[], boolean>();

function someLetsDnsThrough(policies: readonly K8sObject[], cluster: ClusterIndex): boolean {
  let result = covering.get(policies);
  if (result === undefined) covering.set(policies, (result = policies.some((policy) => restrictsEgress(policy) && cachedVerdict(policy, cluster) !== 'blocks')));
  return result;
}

/** What `namespaceLetsDnsThrough` found, per namespace, for one run. */
function namespaceVerdicts(): Map<string, boolean> {
  return new Map();
}

function namespaceLetsDnsThrough(namespace: string, cluster: ClusterIndex): boolean {
  const byNamespace = cluster.derived(namespaceVerdicts);
  let result = byNamespace.get(namespace);
  if (result === undefined) {
    const policies = cluster.ofKind('NetworkPolicy').filter((policy) => policy.namespaceOrDefault === namespace);
    byNamespace.set(namespace, (result = someLetsDnsThrough(policies, cluster)));
  }
  return result;
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
