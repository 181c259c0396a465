import { asInteger, asString, dig, stringMap } from './access.js';
import { controlPlaneOf, type ControlPlanePicture } from './control-plane.js';
import { kubeletNodes, type KubeletNode } from './kubelet.js';
import type { ImageOverride, KustomizeBuilds } from './kustomize-builds.js';
import type { K8sObject } from './object.js';
import { isControllerPodLabel, podSelectorOf, push, selectorMatches, SelectorIndex, sharesLabel, type Selector } from './selector.js';
import { isCustomResourceDefinition, managingTool, selectsInstallerPods } from './run-time-pods.js';
import { NamespaceScope } from './scope.js';
import type { ClusterFacts } from './settings.js';
import { REPLICATED_KINDS, type PodTemplate } from './workload.js';

/** A pod template and the object that carries it. */
export interface TemplateEntry {
  object: K8sObject;
  template: PodTemplate;
}

/** Kinds without a namespace: their name alone identifies them. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'APIService',
  'ClusterRole',
  'ClusterRoleBinding',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

/** Kinds whose selector picks pods, and the lookups the index offers for them. */
type SelectingKind = 'PodDisruptionBudget' | 'Service' | 'NetworkPolicy';

/**
 * Cross-document lookups over every object of the run, and the pictures built from the whole set
 * (kubelet nodes, control plane). Each is built once, on first use, in one pass over the objects;
 * selector lookups start from a label index rather than testing every pod template, so
 * cross-document rules stay linear in the number of objects. What a model helper or rule derives
 * from the set lives here too (`derived`), never in a cache beside the index.
 */
export class ClusterIndex {
  private kinds: Map<string, K8sObject[]> | undefined;
  private names: Map<string, K8sObject[]> | undefined;
  private hpaTargets: Map<string, K8sObject[]> | undefined;
  private byKindAndName: Map<string, K8sObject[]> | undefined;
  private readonly scopes: NamespaceScope;
  private templates: Map<string, SelectorIndex<TemplateEntry>> | undefined;
  private customByNamespace: Map<string, K8sObject[]> | undefined;
  private directories: Map<string, K8sObject[]> | undefined;
  private operatorDirectories: Set<string> | undefined;
  private readonly selections = new Map<K8sObject, readonly TemplateEntry[] | null>();
  private readonly selectors = new Map<SelectingKind, Map<K8sObject, K8sObject[]>>();
  private kubelets: readonly KubeletNode[] | undefined;
  private controlPlanePicture: ControlPlanePicture | undefined;
  private readonly derivedValues = new Map<(index: ClusterIndex) => unknown, unknown>();

  /**
   * `facts`: what the config says of the cluster (`cluster:`), which the control-plane picture
   * weighs; `builds`: the run's kustomizations, for the replica counts their overlays set.
   */
  constructor(
    readonly objects: readonly K8sObject[],
    private readonly facts: Readonly<ClusterFacts> = {},
    private readonly builds?: KustomizeBuilds,
  ) {
    this.scopes = new NamespaceScope(objects);
  }

  /** Whether two objects that name the same namespace, or leave it out, can really be in one (see scope.ts). */
  sharesNamespace(a: K8sObject, b: K8sObject): boolean {
    return this.scopes.inScope(a, b);
  }

  /** The kubelet nodes the linted files describe (see `kubeletNodes` in kubelet.ts). */
  get kubeletNodes(): readonly KubeletNode[] {
    return (this.kubelets ??= kubeletNodes(this.objects));
  }

  /** The control plane (or planes) the linted files and the config describe (control-plane.ts). */
  get controlPlane(): ControlPlanePicture {
    return (this.controlPlanePicture ??= controlPlaneOf(this.objects, this.facts));
  }

  /**
   * What `build` derives from the whole set, built on first use and kept for the index's life,
   * keyed by the function: a model helper's or a rule's own lookup (a module-level function, so
   * that each caller is one key).
   */
  derived<T>(build: (index: ClusterIndex) => T): T {
    if (this.derivedValues.has(build)) return this.derivedValues.get(build) as T;
    const value = build(this);
    this.derivedValues.set(build, value);
    return value;
  }

  /** Objects of a kind, in input order. */
  ofKind(kind: string): readonly K8sObject[] {
    if (!this.kinds) {
      this.kinds = new Map();
      for (const object of this.objects) push(this.kinds, object.kind, object);
    }
    return this.kinds.get(kind) ?? [];
  }

  /**
   * Objects of any kind with this name in the namespace (`''` for cluster-scoped kinds); with
   * `from`, only those that can share its namespace (see scope.ts).
   */
  named(namespace: string, name: string, from?: K8sObject): readonly K8sObject[] {
    if (!this.names) {
      this.names = new Map();
      for (const object of this.objects) {
        if (object.name !== undefined) push(this.names, nameKey(scopeOf(object), object.name), object);
      }
    }
    const named = this.names.get(nameKey(namespace, name)) ?? [];
    return from ? this.scopes.within(from, named, self) : named;
  }

  /**
   * The object of this kind and name in the namespace (ignored for cluster-scoped kinds); with
   * `from`, the first that can share its namespace.
   */
  find(kind: string, namespace: string, name: string, from?: K8sObject): K8sObject | undefined {
    // Keyed by kind too: 50,000 same-named HPAs made a scan of the name's objects quadratic.
    if (!this.byKindAndName) {
      this.byKindAndName = new Map();
      for (const object of this.objects) {
        const key = object.name === undefined ? undefined : targetKey(scopeOf(object), object.kind, object.name);
        if (key !== undefined) push(this.byKindAndName, key, object);
      }
    }
    const found = this.byKindAndName.get(targetKey(CLUSTER_SCOPED_KINDS.has(kind) ? '' : namespace, kind, name)) ?? [];
    return (from && !CLUSTER_SCOPED_KINDS.has(kind) ? this.scopes.within(from, found, self) : found)[0];
  }

  /** A PriorityClass of the set, by name. */
  priorityClass(name: string): K8sObject | undefined {
    return this.find('PriorityClass', '', name);
  }

  /** A ResourceQuota of the set, by namespace and name. */
  resourceQuota(namespace: string, name: string): K8sObject | undefined {
    return this.find('ResourceQuota', namespace, name);
  }

  /** HorizontalPodAutoscalers in the object's namespace (and directory tree, see scope.ts) whose `scaleTargetRef` names it. */
  hpasFor(object: K8sObject): readonly K8sObject[] {
    if (!this.hpaTargets) {
      this.hpaTargets = new Map();
      for (const hpa of this.ofKind('HorizontalPodAutoscaler')) {
        const kind = asString(hpa.get('spec', 'scaleTargetRef', 'kind'));
        const name = asString(hpa.get('spec', 'scaleTargetRef', 'name'));
        if (kind && name) push(this.hpaTargets, targetKey(hpa.namespaceOrDefault, kind, name), hpa);
      }
    }
    if (object.name === undefined) return [];
    return this.scopes.within(object, this.hpaTargets.get(targetKey(object.namespaceOrDefault, object.kind, object.name)) ?? [], self);
  }

  /** Every pod template of the namespace, in input order. */
  templatesIn(namespace: string): readonly TemplateEntry[] {
    return this.templateIndex(namespace)?.all ?? [];
  }

  /** Pod templates of the namespace whose labels the selector matches (controller-added labels assumed). */
  select(namespace: string, selector: Selector): TemplateEntry[] {
    return this.templateIndex(namespace)?.select(selector, isControllerPodLabel) ?? [];
  }

  /**
   * The pod templates a PodDisruptionBudget, Service or NetworkPolicy selects in its namespace
   * (and directory tree, when either leaves the namespace out: see scope.ts); undefined when it
   * has no selector that can be evaluated.
   */
  selectedBy(object: K8sObject): readonly TemplateEntry[] | undefined {
    let selected = this.selections.get(object);
    if (selected === undefined) {
      const selector = podSelectorOf(object);
      selected = selector ? this.select(object.namespaceOrDefault, selector).filter((entry) => this.scopes.inScope(object, entry.object)) : null;
      this.selections.set(object, selected);
    }
    return selected ?? undefined;
  }

  /**
   * The selector of a PodDisruptionBudget, Service or NetworkPolicy that, judged from the set,
   * matches no pods. Only judged when the set shows where its pods should be: a pod template of
   * the namespace in the same file, or in the same directory with at least one of the selected
   * labels (a drifted selector); and no custom resource of the namespace may run matching pods.
   * Undefined when it matches or the set cannot tell.
   */
  unmatchedSelector(object: K8sObject): Selector | undefined {
    const selector = podSelectorOf(object);
    if (!selector || selector.kind === 'nothing') return undefined;
    if ((this.selectedBy(object) ?? []).length > 0) return undefined;
    if (this.mayRunWithoutTemplate(object, selector)) return undefined;
    const evidence = this.beside(object).some((other) => {
      const template = other.podTemplate;
      return template !== undefined && other.fragment === undefined && (other.doc.file === object.doc.file || sharesLabel(selector, template.labels));
    });
    if (!evidence) return undefined;
    return this.mayOperatorRunPods(object.namespaceOrDefault, selector) ? undefined : selector;
  }

  /**
   * Whether the selected pods may exist without a template in the set: kubeadm's own pods
   * (CoreDNS, kube-proxy, static control-plane pods), pods a tool named by
   * `app.kubernetes.io/managed-by` makes at run time, or pods of an operator shipped beside the
   * object (a CustomResourceDefinition in its directory): its resources, created later, make
   * pods with labels no template shows.
   */
  private mayRunWithoutTemplate(object: K8sObject, selector: Selector): boolean {
    const namespace = object.namespaceOrDefault;
    if (selectsInstallerPods(selector, namespace)) return true;
    if (
      managingTool(
        selector,
        this.templatesIn(namespace).map((entry) => entry.template.labels),
      ) !== undefined
    )
      return true;
    if (!this.operatorDirectories) {
      this.operatorDirectories = new Set();
      for (const definition of this.ofKind('CustomResourceDefinition')) if (isCustomResourceDefinition(definition)) this.operatorDirectories.add(directoryOf(definition));
    }
    return this.operatorDirectories.has(directoryOf(object));
  }

  /**
   * Objects of the same namespace defined in the same directory (its own file included).
   * Rules that conclude from absence judge only when the object's neighbours hold what it
   * refers to: unrelated files linted together often share the `default` namespace.
   */
  beside(object: K8sObject): readonly K8sObject[] {
    if (!this.directories) {
      this.directories = new Map();
      for (const other of this.objects) push(this.directories, directoryKey(other), other);
    }
    return this.directories.get(directoryKey(object)) ?? [];
  }

  /** PodDisruptionBudgets of the set that select the pods of this object's template. */
  pdbsFor(object: K8sObject): readonly K8sObject[] {
    return this.selecting('PodDisruptionBudget').get(object) ?? [];
  }

  /** Services of the set that select the pods of this object's template. */
  servicesFor(object: K8sObject): readonly K8sObject[] {
    return this.selecting('Service').get(object) ?? [];
  }

  /** NetworkPolicies of the set whose podSelector selects the pods of this object's template. */
  networkPoliciesFor(object: K8sObject): readonly K8sObject[] {
    return this.selecting('NetworkPolicy').get(object) ?? [];
  }

  /**
   * Whether a custom resource of the namespace (an operator's Prometheus, Alertmanager,
   * database cluster...) carries labels the selector matches: operators give the pods they
   * create the labels of their resource (or its `spec.podMetadata`), so pods may exist that no
   * template in the set shows.
   */
  mayOperatorRunPods(namespace: string, selector: Selector): boolean {
    for (const object of this.customResources(namespace)) {
      for (const labels of [object.labels, stringMap(object.get('spec', 'podMetadata', 'labels'))]) {
        if (Object.keys(labels).length > 0 && selectorMatches(selector, labels, isControllerPodLabel)) return true;
      }
    }
    return false;
  }

  /** Selector verifications done so far, for checking that lookups stay proportional to their result. */
  get selectorWork(): number {
    let total = 0;
    for (const index of this.templates?.values() ?? []) total += index.verified;
    return total;
  }

  /**
   * The highest replica count a kustomization of the run builds the object with (a patch or
   * the `replicas` field of an overlay); undefined when none sets it.
   */
  overlayReplicas(object: K8sObject): number | undefined {
    return this.builds?.replicasFor(object, this.objects);
  }

  /** The `images` entries of each kustomization of the run that builds the object. */
  overlayImages(object: K8sObject): readonly (readonly ImageOverride[])[] {
    return this.builds?.imagesFor(object, this.objects) ?? [];
  }

  /** `min(HPA minReplicas)` when an HPA scales the object, else `spec.replicas` (1 when omitted). */
  lowestReplicas(object: K8sObject): number | undefined {
    if (!REPLICATED_KINDS.has(object.kind)) return undefined;
    const hpas = this.hpasFor(object);
    if (hpas.length > 0) return lowestMinReplicas(hpas);
    return specReplicas(object);
  }

  /**
   * Replicated in the catalogue's sense: `replicas` ≥ 2, or an HPA with `minReplicas` ≥ 2.
   * DaemonSets never are: one pod per node is not a set of interchangeable replicas.
   */
  isReplicated(object: K8sObject): boolean {
    if (!REPLICATED_KINDS.has(object.kind)) return false;
    return (specReplicas(object) ?? 0) >= 2 || this.hpasFor(object).some((hpa) => hpaMinReplicas(hpa) >= 2);
  }

  private templateIndex(namespace: string): SelectorIndex<TemplateEntry> | undefined {
    if (!this.templates) {
      this.templates = new Map();
      for (const object of this.objects) {
        const template = object.podTemplate;
        if (!template) continue;
        let index = this.templates.get(object.namespaceOrDefault);
        if (!index) this.templates.set(object.namespaceOrDefault, (index = new SelectorIndex()));
        index.add({ object, template }, template.labels);
      }
    }
    return this.templates.get(namespace);
  }

  private selecting(kind: SelectingKind): Map<K8sObject, K8sObject[]> {
    let map = this.selectors.get(kind);
    if (!map) {
      map = new Map();
      for (const selecting of this.ofKind(kind)) {
        for (const entry of this.selectedBy(selecting) ?? []) push(map, entry.object, selecting);
      }
      this.selectors.set(kind, map);
    }
    return map;
  }

  private customResources(namespace: string): readonly K8sObject[] {
    if (!this.customByNamespace) {
      this.customByNamespace = new Map();
      for (const object of this.objects) {
        if (isCustomResource(object) && !object.podTemplate) push(this.customByNamespace, object.namespaceOrDefault, object);
      }
    }
    return this.customByNamespace.get(namespace) ?? [];
  }
}

/**
 * The lowest `minReplicas` of some HPAs (Infinity for none). A loop, not `Math.min(...list)`:
 * spreading 150,000 HPAs into arguments overflows the stack.
 */
export function lowestMinReplicas(hpas: readonly K8sObject[]): number {
  let lowest = Infinity;
  for (const hpa of hpas) lowest = Math.min(lowest, hpaMinReplicas(hpa));
  return lowest;
}

/** `spec.minReplicas` of an HPA; the API defaults it to 1. */
export function hpaMinReplicas(hpa: K8sObject): number {
  const value = dig(hpa.value, 'spec', 'minReplicas');
  return typeof value === 'number' && Number.isInteger(value) ? value : 1;
}

/** `spec.replicas` (1 when omitted, as the API defaults it); undefined when it is not an integer. */
export function specReplicas(object: K8sObject): number | undefined {
  const value = object.get('spec', 'replicas');
  if (value === undefined || value === null) return 1;
  return asInteger(value);
}

/** API groups served by Kubernetes itself; anything else is a custom resource. */
function isCustomResource(object: K8sObject): boolean {
  const group = object.group;
  if (object.apiVersion === '' || group === '') return false;
  return !['apps', 'batch', 'policy', 'autoscaling', 'extensions'].includes(group) && !group.endsWith('.k8s.io');
}

function self(object: K8sObject): K8sObject {
  return object;
}

function scopeOf(object: K8sObject): string {
  return CLUSTER_SCOPED_KINDS.has(object.kind) ? '' : object.namespaceOrDefault;
}

function directoryKey(object: K8sObject): string {
  return `${object.namespaceOrDefault}\u0000${directoryOf(object)}`;
}

function directoryOf(object: K8sObject): string {
  const path = object.doc.file.path;
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash === -1 ? '' : path.slice(0, slash);
}

function nameKey(namespace: string, name: string): string {
  return `${namespace}\u0000${name}`;
}

function targetKey(namespace: string, kind: string, name: string): string {
  return `${namespace}\u0000${kind}\u0000${name}`;
}
