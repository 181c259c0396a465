import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../parse/limits.js';
import { parseYamlFile } from '../parse/yaml.js';
import { lowestRunningReplicas, scaledObjectsFor } from './autoscaling.js';
import { ClusterIndex } from './cluster.js';
import { objectsOf } from './object.js';

const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  ${replicas}
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: "web:1.0"}]}}
`;
const hpa = (min: number) =>
  `---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: shop}\nspec: {scaleTargetRef: {kind: Deployment, name: web}, minReplicas: ${min}, maxReplicas: 9}\n`;
const keda = (min: string) => `---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: web, namespace: shop}\nspec: {scaleTargetRef: {name: web}${min}}\n`;

function lowest(text: string) {
  const objects = parseYamlFile('set.yaml', text, DEFAULT_LIMITS).documents.flatMap(objectsOf);
  const cluster = new ClusterIndex(objects);
  const result = lowestRunningReplicas(cluster, objects[0]!);
  return result && { replicas: result.replicas, by: result.scaledBy?.object.kind };
}

describe('lowestRunningReplicas', () => {
  it('is spec.replicas (1 when omitted) without an autoscaler', () => {
    expect(lowest(deployment('replicas: 4'))).toEqual({ replicas: 4, by: undefined });
    expect(lowest(deployment(''))).toEqual({ replicas: 1, by: undefined });
  });

  it('is the lowest autoscaler minimum, KEDA counting at least 1 pod while running', () => {
    expect(lowest(deployment('replicas: 6') + hpa(3))).toEqual({ replicas: 3, by: 'HorizontalPodAutoscaler' });
    expect(lowest(deployment('replicas: 6') + keda(', minReplicaCount: 2'))).toEqual({ replicas: 2, by: 'ScaledObject' });
    expect(lowest(deployment('replicas: 6') + keda(''))).toEqual({ replicas: 1, by: 'ScaledObject' });
    expect(lowest(deployment('replicas: 6') + hpa(3) + keda(', minReplicaCount: 2'))).toEqual({ replicas: 2, by: 'ScaledObject' });
  });

  it('ignores ScaledObjects of other groups, kinds or namespaces', () => {
    const text = deployment('replicas: 6') + keda(', minReplicaCount: 2').replace('keda.sh', 'example.com') + keda(', minReplicaCount: 2').replace('namespace: shop', 'namespace: other');
    const objects = parseYamlFile('set.yaml', text, DEFAULT_LIMITS).documents.flatMap(objectsOf);
    expect(scaledObjectsFor(new ClusterIndex(objects), objects[0]!)).toEqual([]);
  });
});
