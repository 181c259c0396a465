import { describe, expect, it } from 'vitest';
import { SourceFile, type DocumentHandle } from '../parse/source.js';
import { ClusterIndex } from './cluster.js';
import { objectsOf, type K8sObject } from './object.js';

/** Objects from plain values, as if read from `path` (positions are not needed here). */
function objects(path: string, ...values: unknown[]): K8sObject[] {
  const file = new SourceFile(path, '');
  return values.flatMap((value, index) => objectsOf({ file, index, value, locate: () => [0, 0] } satisfies DocumentHandle));
}

function deployment(name: string, labels: Record<string, string>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(extra['namespace'] ? { namespace: extra['namespace'] } : {}) },
    spec: { replicas: extra['replicas'] ?? 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name, image: 'x:1' }] } } },
  };
}

function pdb(name: string, selector: unknown, apiVersion = 'policy/v1', namespace?: string): Record<string, unknown> {
  return { apiVersion, kind: 'PodDisruptionBudget', metadata: { name, ...(namespace ? { namespace } : {}) }, spec: { maxUnavailable: 1, selector } };
}

describe('ClusterIndex lookups', () => {
  const set = [
    ...objects(
      'app/web.yaml',
      deployment('web', { app: 'web' }),
      deployment('web', { app: 'web' }, { namespace: 'staging' }),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' } } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'external' }, spec: { ports: [{ port: 80 }] } },
      pdb('web', { matchLabels: { app: 'web' } }),
      pdb('all', {}, 'policy/v1', 'staging'),
      pdb('legacy-empty', {}, 'policy/v1beta1'),
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { policyTypes: ['Egress'] } },
      { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 3 } },
    ),
    ...objects('cluster/priority.yaml', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high', namespace: 'ignored' }, value: 1000 }),
    ...objects('quota.yaml', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'pods', namespace: 'team' }, spec: {} }),
  ];
  const cluster = new ClusterIndex(set);
  const [web, stagingWeb] = set;

  it("keeps what is derived from the set for the index's life: built once per index and function", () => {
    let builds = 0;
    const countDeployments = (index: ClusterIndex): number => {
      builds++;
      return index.ofKind('Deployment').length;
    };
    expect(cluster.derived(countDeployments)).toBe(2);
    expect(cluster.derived(countDeployments)).toBe(2);
    expect(builds).toBe(1);
    expect(new ClusterIndex(set.slice(1)).derived(countDeployments)).toBe(1);
    expect(builds).toBe(2);
    expect(cluster.kubeletNodes).toBe(cluster.kubeletNodes);
    expect(cluster.kubeletNodes).toEqual([]);
  });

  it('indexes by namespace (default when omitted) and kind', () => {
    expect(cluster.ofKind('Deployment')).toHaveLength(2);
    expect(cluster.find('Deployment', 'default', 'web')).toBe(web);
    expect(cluster.find('Deployment', 'staging', 'web')).toBe(stagingWeb);
    expect(cluster.find('Deployment', 'prod', 'web')).toBeUndefined();
    expect(cluster.templatesIn('staging').map((entry) => entry.object)).toEqual([stagingWeb]);
  });

  it('finds cluster-scoped and named objects', () => {
    expect(cluster.priorityClass('high')?.name).toBe('high');
    expect(cluster.priorityClass('low')).toBeUndefined();
    expect(cluster.resourceQuota('team', 'pods')?.kind).toBe('ResourceQuota');
    expect(cluster.resourceQuota('default', 'pods')).toBeUndefined();
  });

  it('finds HPAs by target and the replicas they imply', () => {
    expect(cluster.hpasFor(web!).map((hpa) => hpa.name)).toEqual(['web']);
    expect(cluster.hpasFor(stagingWeb!)).toEqual([]);
    expect(cluster.lowestReplicas(web!)).toBe(3);
    expect(cluster.lowestReplicas(stagingWeb!)).toBe(2);
    expect(cluster.isReplicated(web!)).toBe(true);
  });

  it('finds PDBs, Services and NetworkPolicies by the pods they select', () => {
    expect(cluster.pdbsFor(web!).map((object) => object.name)).toEqual(['web']);
    // policy/v1 `{}` selects every pod of its namespace, policy/v1beta1 `{}` none.
    expect(cluster.pdbsFor(stagingWeb!).map((object) => object.name)).toEqual(['all']);
    expect(cluster.servicesFor(web!).map((object) => object.name)).toEqual(['web']);
    // An absent podSelector is `{}`: every pod.
    expect(cluster.networkPoliciesFor(web!).map((object) => object.name)).toEqual(['deny']);
    expect(cluster.networkPoliciesFor(stagingWeb!)).toEqual([]);
    const external = set.find((object) => object.name === 'external');
    expect(external && cluster.selectedBy(external)).toBeUndefined();
  });
});

describe('ClusterIndex.unmatchedSelector', () => {
  it('judges only with evidence beside the selecting object', () => {
    const set = [
      ...objects('a/deploy.yaml', deployment('shop', { app: 'shop', component: 'api' })),
      ...objects('a/pdb.yaml', pdb('drifted', { matchLabels: { app: 'shop', component: 'backend' } }), pdb('unrelated', { matchLabels: { app: 'ledger' } })),
      ...objects('b/pdb.yaml', pdb('far', { matchLabels: { app: 'shop', component: 'backend' } })),
      ...objects('a/same-file.yaml', deployment('x', { app: 'x' }), pdb('same-file', { matchLabels: { app: 'y' } })),
    ];
    const cluster = new ClusterIndex(set);
    const unmatched = (name: string): boolean => cluster.unmatchedSelector(set.find((object) => object.name === name)!) !== undefined;
    expect(unmatched('drifted')).toBe(true);
    expect(unmatched('unrelated')).toBe(false);
    expect(unmatched('far')).toBe(false);
    expect(unmatched('same-file')).toBe(true);
  });

  it('leaves pods an operator may run from a custom resource', () => {
    const set = objects(
      'm/all.yaml',
      deployment('grafana', { app: 'grafana' }),
      { apiVersion: 'monitoring.coreos.com/v1', kind: 'Alertmanager', metadata: { name: 'main', labels: { app: 'alertmanager' } }, spec: { replicas: 3 } },
      pdb('alertmanager', { matchLabels: { app: 'alertmanager' } }),
    );
    expect(new ClusterIndex(set).unmatchedSelector(set[2]!)).toBeUndefined();
  });
});

describe('ClusterIndex cost', () => {
  /** N apps, each a Deployment + Service + PDB + HPA, in 10 namespaces, with labels shared by many apps. */
  function build(apps: number): ClusterIndex {
    const values: unknown[] = [];
    for (let i = 0; i < apps; i++) {
      const namespace = `ns-${i % 10}`;
      const labels = { app: `app-${i}`, tier: i % 2 ? 'backend' : 'frontend', 'app.kubernetes.io/part-of': 'shop' };
      values.push(deployment(`app-${i}`, labels, { namespace }));
      values.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: `app-${i}`, namespace }, spec: { selector: { 'app.kubernetes.io/part-of': 'shop', app: `app-${i}` } } });
      values.push(pdb(`app-${i}`, { matchLabels: { tier: labels.tier, app: `app-${i}` } }, 'policy/v1', namespace));
      values.push({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: `app-${i}`, namespace }, spec: { scaleTargetRef: { kind: 'Deployment', name: `app-${i}` }, minReplicas: 2 } });
    }
    return new ClusterIndex(objects('bench.yaml', ...values));
  }

  function run(cluster: ClusterIndex): { work: number; ms: number } {
    const start = performance.now();
    for (const object of cluster.ofKind('Deployment')) {
      expect(cluster.pdbsFor(object)).toHaveLength(1);
      expect(cluster.servicesFor(object)).toHaveLength(1);
      cluster.hpasFor(object);
      cluster.isReplicated(object);
    }
    return { work: cluster.selectorWork, ms: performance.now() - start };
  }

  it('grows linearly: 10× the objects cost 10× the selector work', () => {
    const small = run(build(500)); // 2,000 objects
    const large = run(build(5000)); // 20,000 objects
    // Each selector verifies only the template it selects (its rarest label is unique).
    expect(small.work).toBe(1000);
    expect(large.work).toBe(10 * small.work);
    // Wall time as a loose guard against hidden quadratic work (generous: CI machines are noisy).
    expect(large.ms).toBeLessThan(30 * Math.max(small.ms, 5));
  });
});
