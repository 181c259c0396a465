import type { SchemaNode } from './schema.js';
import { kubeadmV1beta3Schemas } from './schemas/kubeadm-v1beta3.js';
import { kubeadmV1beta4Schemas } from './schemas/kubeadm-v1beta4.js';
import { kubeletConfigurationV1beta1 } from './schemas/kubelet-config-v1beta1.js';

/** A configuration kind whose fields are checked (`unknown-field`, `invalid-field-type`). */
export interface KindSchema {
  /** `apiVersion` values the schema describes, e.g. `kubelet.config.k8s.io/v1beta1`. */
  apiVersions: readonly string[];
  kind: string;
  schema: SchemaNode;
}

/**
 * Schemas of the configuration kinds ballast reads. Each is generated from the Kubernetes
 * source types (see the generator named in its module), never typed from memory.
 */
export const kindSchemas: readonly KindSchema[] = [
  { apiVersions: ['kubelet.config.k8s.io/v1beta1'], kind: 'KubeletConfiguration', schema: kubeletConfigurationV1beta1 },
  ...kubeadmV1beta3Schemas,
  ...kubeadmV1beta4Schemas,
];

export function schemaFor(apiVersion: string, kind: string): KindSchema | undefined {
  return kindSchemas.find((entry) => entry.kind === kind && entry.apiVersions.includes(apiVersion));
}
