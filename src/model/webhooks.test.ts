import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { parseYamlFile } from '../parse/yaml.js';
import { ClusterIndex } from './cluster.js';
import { objectsOf, type K8sObject } from './object.js';
import { failClosedWebhooksServedBy, interceptsPodCreate, namespaceLabels, webhookBackend, webhooksOf } from './webhooks.js';

function objects(text: string): K8sObject[] {
  return parseYamlFile('set/test.yaml', text, DEFAULT_LIMITS).documents.flatMap(objectsOf);
}

const backend = `
apiVersion: v1
kind: Service
metadata: {name: hook, namespace: policy}
spec: {selector: {app: hook}, ports: [{port: 443, targetPort: 8443}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: hook, namespace: policy}
spec:
  selector: {matchLabels: {app: hook}}
  template:
    metadata: {labels: {app: hook}}
    spec: {containers: [{name: hook, image: hook:1.0}]}
`;

const configuration = (apiVersion: string, entry: string): string => `
apiVersion: ${apiVersion}
kind: ValidatingWebhookConfiguration
metadata: {name: hook}
webhooks:
  - name: hook.example.com
    clientConfig: {service: {namespace: policy, name: hook}}
${entry}`;

describe('webhooksOf', () => {
  it('defaults failurePolicy to Fail in v1 and to Ignore in v1beta1', () => {
    const [v1] = objects(configuration('admissionregistration.k8s.io/v1', ''));
    const [beta] = objects(configuration('admissionregistration.k8s.io/v1beta1', ''));
    expect(webhooksOf(v1!).map((hook) => hook.failClosed)).toEqual([true]);
    expect(webhooksOf(beta!).map((hook) => hook.failClosed)).toEqual([false]);
    const [ignored] = objects(configuration('admissionregistration.k8s.io/v1', '    failurePolicy: Ignore\n'));
    expect(webhooksOf(ignored!)[0]?.failClosed).toBe(false);
  });

  it('reads the service reference and ignores other kinds', () => {
    const [hook] = objects(configuration('admissionregistration.k8s.io/v1', ''));
    expect(webhooksOf(hook!)[0]).toMatchObject({ name: 'hook.example.com', path: ['webhooks', 0], service: { namespace: 'policy', name: 'hook' } });
    const [service] = objects(backend);
    expect(webhooksOf(service!)).toEqual([]);
  });
});

describe('webhook backends', () => {
  it('resolves webhook → Service → workload, and back', () => {
    const set = objects(configuration('admissionregistration.k8s.io/v1', '') + '---' + backend);
    const cluster = new ClusterIndex(set);
    const [hook, , deployment] = set;
    const resolved = webhookBackend(cluster, webhooksOf(hook!)[0]!);
    expect(resolved?.service.name).toBe('hook');
    expect(resolved?.workloads.map((entry) => entry.object)).toEqual([deployment]);
    expect(failClosedWebhooksServedBy(cluster, deployment!).map((webhook) => webhook.name)).toEqual(['hook.example.com']);
  });

  it('takes the copy of the application nearest the webhook, and none when copies elsewhere are ambiguous', () => {
    const hook = configuration('admissionregistration.k8s.io/v1', '');
    const at = (path: string, text: string) => parseYamlFile(path, text, DEFAULT_LIMITS).documents.flatMap(objectsOf);
    const set = [...at('a/hook.yaml', hook + '---' + backend), ...at('b/backend.yaml', backend)];
    const resolved = webhookBackend(new ClusterIndex(set), webhooksOf(set[0]!)[0]!);
    expect(resolved?.workloads.map((entry) => entry.object.doc.file.path)).toEqual(['a/hook.yaml']);
    const apart = [...at('a/hook.yaml', hook), ...at('b/backend.yaml', backend), ...at('c/backend.yaml', backend)];
    expect(webhookBackend(new ClusterIndex(apart), webhooksOf(apart[0]!)[0]!)).toBeUndefined();
  });

  it('finds no backend when the Service is not in the set, or the webhook fails open', () => {
    const alone = objects(configuration('admissionregistration.k8s.io/v1', ''));
    expect(webhookBackend(new ClusterIndex(alone), webhooksOf(alone[0]!)[0]!)).toBeUndefined();
    const open = objects(configuration('admissionregistration.k8s.io/v1', '    failurePolicy: Ignore\n') + '---' + backend);
    expect(failClosedWebhooksServedBy(new ClusterIndex(open), open[2]!)).toEqual([]);
  });
});

describe('interceptsPodCreate', () => {
  const hookWith = (entry: string) => webhooksOf(objects(configuration('admissionregistration.k8s.io/v1', entry))[0]!)[0]!;
  const podRule = '    rules: [{operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [pods]}]\n';
  const ns = { 'kubernetes.io/metadata.name': 'policy' };

  it('matches pod creation by rule, with wildcards', () => {
    expect(interceptsPodCreate(hookWith(podRule), ns, false, {})).toBe('yes');
    expect(interceptsPodCreate(hookWith('    rules: [{operations: ["*"], apiGroups: ["*"], apiVersions: ["*"], resources: ["*/*"]}]\n'), ns, false, {})).toBe('yes');
    expect(interceptsPodCreate(hookWith('    rules: [{operations: [UPDATE], apiGroups: [""], apiVersions: [v1], resources: [pods]}]\n'), ns, false, {})).toBe('no');
    expect(interceptsPodCreate(hookWith('    rules: [{operations: [CREATE], apiGroups: [""], apiVersions: [v1], resources: [pods/exec]}]\n'), ns, false, {})).toBe('no');
    expect(interceptsPodCreate(hookWith('    rules: [{operations: [CREATE], apiGroups: [apps], apiVersions: [v1], resources: [deployments]}]\n'), ns, false, {})).toBe('no');
  });

  it('judges selectors only on labels the set shows', () => {
    const byName = hookWith(podRule + '    namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [policy]}]}\n');
    expect(interceptsPodCreate(byName, ns, false, {})).toBe('no');
    const optOut = hookWith(podRule + '    namespaceSelector: {matchExpressions: [{key: hooks, operator: NotIn, values: [skip]}]}\n');
    expect(interceptsPodCreate(optOut, ns, false, {})).toBe('unknown');
    expect(interceptsPodCreate(optOut, ns, true, {})).toBe('yes');
    const objectSelector = hookWith(podRule + '    objectSelector: {matchLabels: {inject: "true"}}\n');
    expect(interceptsPodCreate(objectSelector, ns, false, { app: 'hook' })).toBe('no');
    expect(interceptsPodCreate(hookWith(podRule + '    matchConditions: [{name: x, expression: "true"}]\n'), ns, false, {})).toBe('unknown');
  });

  it('reads namespace labels from a Namespace of the set', () => {
    const set = objects('apiVersion: v1\nkind: Namespace\nmetadata: {name: policy, labels: {team: a}}\n');
    expect(namespaceLabels(new ClusterIndex(set), 'policy')).toEqual({ labels: { team: 'a', 'kubernetes.io/metadata.name': 'policy' }, complete: true });
    expect(namespaceLabels(new ClusterIndex(set), 'other')).toEqual({ labels: { 'kubernetes.io/metadata.name': 'other' }, complete: false });
  });
});
