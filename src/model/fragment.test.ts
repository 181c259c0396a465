import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { parseYamlFile } from '../parse/yaml.js';
import { isDropInPath, isJsonPatch, isKustomizationPath, joinPath, kustomizationFiles } from './fragment.js';
import { objectsOf } from './object.js';

function fragmentOf(text: string, path = 'deploy/app.yaml'): string | undefined {
  const [object] = parseYamlFile(path, text, DEFAULT_LIMITS).documents.flatMap(objectsOf);
  if (!object) throw new Error('no object');
  return object.fragment;
}

const containers = 'containers: [{name: app, image: "app:1.0"}]';
const whole = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec: {${containers}}\n`;

describe('fragments', () => {
  it('takes a complete workload, a Service or a ConfigMap as whole', () => {
    expect(fragmentOf(whole)).toBeUndefined();
    expect(fragmentOf('apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {ports: [{port: 80}]}\n')).toBeUndefined();
    expect(fragmentOf(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {${containers}}\n`)).toBeUndefined();
    expect(fragmentOf(`apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec: {${containers}}\n`)).toBeUndefined();
  });

  it('knows the replica patch, the resources patch and the pod without containers', () => {
    expect(fragmentOf('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 5\n')).toBe('no-pod-template');
    expect(fragmentOf('apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\n')).toBe('no-pod-template');
    expect(fragmentOf(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        resources: {requests: {cpu: 1}}\n`)).toBe('no-selector');
    expect(fragmentOf('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      nodeSelector: {pool: big}\n')).toBe('no-containers');
    expect(fragmentOf('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes: [{name: data, emptyDir: {}}]\n')).toBe('no-containers');
  });

  it('requires a selector only where the API does: apps/v1 and apps/v1beta2, not extensions or ReplicationControllers', () => {
    const labelledOnly = (apiVersion: string, kind: string): string => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\nspec:\n  template:\n    metadata: {labels: {app: x}}\n    spec: {${containers}}\n`;
    expect(fragmentOf(labelledOnly('apps/v1', 'Deployment'))).toBe('no-selector');
    expect(fragmentOf(labelledOnly('apps/v1beta2', 'DaemonSet'))).toBe('no-selector');
    expect(fragmentOf(labelledOnly('extensions/v1beta1', 'Deployment'))).toBeUndefined();
    expect(fragmentOf(labelledOnly('v1', 'ReplicationController'))).toBeUndefined();
    // Without template labels there is nothing to default from, or to match.
    expect(fragmentOf(`apiVersion: v1\nkind: ReplicationController\nmetadata: {name: x, labels: {app: x}}\nspec:\n  template:\n    spec: {${containers}}\n`)).toBe('no-selector');
  });

  it('knows strategic-merge-patch directives anywhere in the document', () => {
    expect(fragmentOf('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n$patch: delete\n')).toBe('patch-directive');
    const nested = whole.replace(`spec: {${containers}}`, `spec:\n      containers:\n      - {name: app, image: "app:1.0"}\n      - {name: old, $patch: delete}`);
    expect(fragmentOf(nested)).toBe('patch-directive');
    expect(fragmentOf(`${whole}  $retainKeys: [template]\n`)).toBe('patch-directive');
    // A `$` elsewhere in the text (a shell variable in a command) is no directive.
    expect(fragmentOf(whole.replace('image: "app:1.0"', 'image: "app:1.0", command: ["sh", "-c", "echo $patch"]'))).toBeUndefined();
  });

  it('knows a KubeletConfiguration in a drop-in directory', () => {
    const config = 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmaxPods: 50\n';
    expect(fragmentOf(config, '/etc/kubernetes/kubelet.conf.d/50-pods.conf')).toBe('kubelet-drop-in');
    expect(fragmentOf(config, 'nodes\\kubelet.conf.d\\10.yaml')).toBe('kubelet-drop-in');
    expect(fragmentOf(config, '/var/lib/kubelet/config.yaml')).toBeUndefined();
    expect(isDropInPath('etc/kubelet.conf.d/a.yaml')).toBe(true);
  });

  it('tells a JSON6902 patch from other lists', () => {
    expect(
      isJsonPatch([
        { op: 'replace', path: '/spec/replicas', value: 3 },
        { op: 'remove', path: '/metadata/labels/x' },
      ]),
    ).toBe(true);
    expect(isJsonPatch([{ name: 'install', apt: { name: 'nginx' } }])).toBe(false);
    expect(isJsonPatch([{ op: 'merge', path: '/x' }])).toBe(false);
    expect(isJsonPatch([])).toBe(false);
  });
});

describe('kustomizations', () => {
  it('names the patch and resource files, resolved against the kustomization directory', () => {
    const kustomization = {
      resources: ['deployment.yaml', '../base', 'https://github.com/org/repo//deploy?ref=v1'],
      patchesStrategicMerge: ['patches/replicas.yaml', 'apiVersion: apps/v1\nkind: Deployment\n'],
      patchesJson6902: [{ target: { kind: 'Deployment', name: 'api' }, path: './json/ops.yaml' }],
      patches: [{ path: '../shared/resources.yaml' }, { patch: 'inline' }],
    };
    expect(kustomizationFiles(kustomization, 'overlays/prod/kustomization.yaml')).toEqual({
      patches: ['overlays/prod/patches/replicas.yaml', 'overlays/shared/resources.yaml', 'overlays/prod/json/ops.yaml'],
      resources: ['overlays/prod/deployment.yaml', 'overlays/base'],
    });
    expect(kustomizationFiles('not a map', 'kustomization.yaml')).toEqual({ patches: [], resources: [] });
  });

  it('joins paths as the run writes them', () => {
    expect(joinPath('', 'a.yaml')).toBe('a.yaml');
    expect(joinPath('/repo/k', '../b/./c.yaml')).toBe('/repo/b/c.yaml');
    expect(joinPath('k', '../../c.yaml')).toBe('../c.yaml');
    expect(joinPath('/', '../c.yaml')).toBe('/c.yaml');
  });

  it('recognises the file names Kustomize reads', () => {
    expect(['kustomization.yaml', 'a/kustomization.yml', 'a\\Kustomization'].map(isKustomizationPath)).toEqual([true, true, true]);
    expect(['kustomization.yaml.bak', 'my-kustomization.yaml'].map(isKustomizationPath)).toEqual([false, false]);
  });
});
