/**
 * Pods that run in a cluster without a pod template in the linted files: the installer's own
 * (kubeadm's CoreDNS, kube-proxy and control-plane static pods) and those an operator creates
 * at run time from its custom resources. A Service or PodDisruptionBudget that selects them
 * is not empty just because the set shows no such template (issue 12, class 9: absence needs
 * sight), so the selector rules stay silent on it.
 */
import type { K8sObject } from './object.js';
import { selectorMatches, type Labels, type Selector } from './selector.js';

/**
 * Labels of the pods kubeadm creates in kube-system without a manifest a repository would hold:
 * the CoreDNS Deployment keeps the `k8s-app: kube-dns` label of the kube-dns add-on it replaced
 * (cmd/kubeadm/app/phases/addons/dns/manifests.go), kube-proxy's DaemonSet carries
 * `k8s-app: kube-proxy` (phases/addons/proxy/manifests.go), and the static control-plane pods
 * `component: <name>` with `tier: control-plane` (util/staticpod/utils.go ComponentPod).
 */
const INSTALLER_PODS: readonly Labels[] = [
  { 'k8s-app': 'kube-dns' },
  { 'k8s-app': 'kube-proxy' },
  ...['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd'].map((component) => ({ component, tier: 'control-plane' })),
];

/** Whether the selector picks pods that kubeadm itself runs in kube-system. */
export function selectsInstallerPods(selector: Selector, namespace: string): boolean {
  return namespace === 'kube-system' && INSTALLER_PODS.some((labels) => selectorMatches(selector, labels));
}

/**
 * The tool that `app.kubernetes.io/managed-by` in the selector names, when no pod template of
 * the set carries it: the recommended label names "the tool being used to manage the operation
 * of an application" (Kubernetes docs, Recommended Labels), so such pods are made by that tool
 * at run time, not from a template the set holds.
 */
export function managingTool(selector: Selector, templateLabels: readonly Labels[]): string | undefined {
  if (selector.kind !== 'requirements') return undefined;
  const requirement = selector.requirements.find((entry) => entry.key === 'app.kubernetes.io/managed-by' && entry.operator === 'In');
  if (!requirement) return undefined;
  const tools = [...requirement.values];
  if (templateLabels.some((labels) => tools.includes(labels['app.kubernetes.io/managed-by'] ?? ''))) return undefined;
  return tools[0];
}

/** Whether the object is a CustomResourceDefinition: an operator's API, shipped with the operator. */
export function isCustomResourceDefinition(object: K8sObject): boolean {
  return object.kind === 'CustomResourceDefinition' && object.apiVersion.startsWith('apiextensions.k8s.io/');
}
