import { describe, expect, it } from 'vitest';
import { SourceFile, type DocumentHandle } from '../parse/source.js';
import { ClusterIndex } from './cluster.js';
import { objectsOf, type K8sObject } from './object.js';
import { sameTree } from './scope.js';

function objects(path: string, ...values: unknown[]): K8sObject[] {
  const file = new SourceFile(path, '');
  return values.flatMap((value, index) => objectsOf({ file, index, value, locate: () => [0, 0] } satisfies DocumentHandle));
}

function workload(name: string, namespace?: string): Record<string, unknown> {
  const labels = { tier: 'web' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name, image: 'x:1' }] } } },
  };
}

const denyAll = (namespace?: string): Record<string, unknown> => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'deny-all', ...(namespace ? { namespace } : {}) },
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
});

const hpa = (target: string): Record<string, unknown> => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: target },
  spec: { scaleTargetRef: { kind: 'Deployment', name: target }, minReplicas: 1 },
});

describe('namespace-less objects share a namespace only within a directory tree', () => {
  // Three projects linted in one run, none naming its namespace, and one that does.
  const policy = objects('shop/k8s/policies/deny-all.yaml', denyAll());
  const set = new ClusterIndex([
    ...policy,
    ...objects('shop/k8s/web.yaml', workload('shop-web'), hpa('shop-web')),
    ...objects('shop/k8s/policies/jobs/worker.yaml', workload('shop-worker')),
    ...objects('blog/deploy.yaml', workload('blog-web'), hpa('shop-web')),
    ...objects('examples/guestbook/frontend.yaml', workload('shop-web')),
    ...objects('team/a.yaml', workload('named-a', 'team'), denyAll('team')),
    ...objects('elsewhere/b.yaml', workload('named-b', 'team')),
  ]);
  const names = (entries: readonly { object: K8sObject }[] | undefined): string[] => (entries ?? []).map((entry) => entry.object.name ?? '');

  it('selects pods of its own directory, its ancestors and descendants, not of other projects', () => {
    expect(names(set.selectedBy(policy[0] as K8sObject))).toEqual(['shop-web', 'shop-worker']);
  });

  it('matches objects that name the namespace wherever they are', () => {
    const teamPolicy = set.ofKind('NetworkPolicy').find((object) => object.namespace === 'team');
    expect(names(set.selectedBy(teamPolicy as K8sObject))).toEqual(['named-a', 'named-b']);
  });

  it('pairs an autoscaler with the workload of its own tree only', () => {
    const [shopWeb, guestbook] = set.ofKind('Deployment').filter((object) => object.name === 'shop-web');
    expect(set.hpasFor(shopWeb as K8sObject).map((object) => object.doc.file.path)).toEqual(['shop/k8s/web.yaml']);
    expect(set.hpasFor(guestbook as K8sObject)).toEqual([]);
    const [, blogHpa] = set.ofKind('HorizontalPodAutoscaler');
    expect(set.find('Deployment', 'default', 'shop-web', blogHpa)).toBeUndefined();
    expect(set.find('Deployment', 'default', 'shop-web')?.doc.file.path).toBe('shop/k8s/web.yaml');
  });

  it('compares directories by whole segments', () => {
    expect(sameTree('apps/web', 'apps/web/policies')).toBe(true);
    expect(sameTree('apps/web', 'apps/web-policies')).toBe(false);
    expect(sameTree('', 'anything/below')).toBe(true);
    expect(sameTree('a', 'b')).toBe(false);
  });
});

describe('a subfolder is another application when it runs workloads behind Services of its own', () => {
  const service = (name: string, labels: Record<string, string>): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: labels, ports: [{ port: 80 }] } });
  const pdb = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: 1, selector: { matchLabels: { tier: 'web' } } } };
  const servicesOf = (set: ClusterIndex, name: string): string[] => set.servicesFor(set.ofKind('Deployment').find((object) => object.name === name) as K8sObject).map((object) => object.doc.file.path);

  it('does not give a subfolder application the Services of the parent folder’s application', () => {
    // The elasticsearch example and its production_cluster variant: one same-named Service each.
    const set = new ClusterIndex([
      ...objects('es/es-rc.yaml', workload('es')),
      ...objects('es/es-svc.yaml', service('elasticsearch', { tier: 'web' })),
      ...objects('es/production_cluster/data.yaml', workload('es-data')),
      ...objects('es/production_cluster/es-svc.yaml', service('elasticsearch', { tier: 'web' })),
    ]);
    expect(servicesOf(set, 'es')).toEqual(['es/es-svc.yaml']);
    expect(servicesOf(set, 'es-data')).toEqual(['es/production_cluster/es-svc.yaml']);
  });

  it('keeps a subfolder of workloads without Services (a variant of the app above) behind the parent folder’s Services', () => {
    // The guestbook's legacy/ ReplicationControllers, applied next to the guestbook's Services.
    const set = new ClusterIndex([
      ...objects('guestbook/frontend-deployment.yaml', workload('frontend')),
      ...objects('guestbook/frontend-service.yaml', service('frontend', { tier: 'web' })),
      ...objects('guestbook/legacy/frontend-controller.yaml', workload('frontend-legacy')),
    ]);
    expect(servicesOf(set, 'frontend-legacy')).toEqual(['guestbook/frontend-service.yaml']);
  });

  it('keeps a subfolder without workloads of its own (policies, Services, autoscalers) with its parent, in both directions', () => {
    const set = new ClusterIndex([
      ...objects('app/deploy.yaml', workload('web')),
      ...objects('app/policies/pdb.yaml', pdb),
      ...objects('app/autoscaling/hpa.yaml', hpa('web')),
      // A metrics adapter that names its own namespace does not make the autoscaling folder an application.
      ...objects('app/autoscaling/adapter.yaml', workload('prometheus-adapter', 'monitoring')),
      ...objects('services/svc.yaml', service('web', { tier: 'web' })),
      ...objects('services/workloads/deploy.yaml', workload('api')),
    ]);
    const web = set.ofKind('Deployment').find((object) => object.name === 'web') as K8sObject;
    expect(set.pdbsFor(web).map((object) => object.doc.file.path)).toEqual(['app/policies/pdb.yaml']);
    expect(set.hpasFor(web).map((object) => object.doc.file.path)).toEqual(['app/autoscaling/hpa.yaml']);
    // A parent folder with no workloads of its own is the application's top: its Service reaches below.
    expect(servicesOf(set, 'api')).toEqual(['services/svc.yaml']);
  });
});
