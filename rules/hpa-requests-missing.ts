import { defineRule } from '../src/engine/rule.js';
import { asArray, asString, isMap } from '../src/model/access.js';
import type { K8sObject } from '../src/model/object.js';
import { hasEffectiveRequest, podLevelCovers } from '../src/model/resources.js';
import { longRunningContainers } from '../src/model/workload.js';
import type { Path } from '../src/types.js';

interface UtilizationMetric {
  resource: 'cpu' | 'memory';
  /** ContainerResource metrics name one container. */
  container?: string;
  /** Where the metric is declared (the HPA's `spec` when it is the API default). */
  path: Path;
  defaulted: boolean;
}

export default defineRule<'missing' | 'containerMissing'>({
  meta: {
    id: 'hpa-requests-missing',
    scope: 'set',
    category: 'workload',
    severity: 'error',
    summary: 'A HorizontalPodAutoscaler scales on cpu/memory utilization but its target’s containers lack that request.',
    rationale:
      'Utilization is usage divided by request. The replica calculator (pkg/controller/podautoscaler/replica_calculator.go, calculatePodRequests) fails with "missing request for cpu in container …" as soon as one app or sidecar container of the pod has no request for the resource (a limit counts, the API server copies it into the request; pod-level requests count when no container is named). The HPA then reports FailedGetResourceMetric and never scales, so the workload meets its next load peak at its current size. An HPA without metrics defaults to 80% cpu utilization (SetDefaults_HorizontalPodAutoscaler, and the autoscaling/v1 conversion).',
    fix: 'Give every container of the target (including sidecars) a request for the resource, or set pod-level `spec.resources.requests`; or scale on `AverageValue` instead of `Utilization`.',
    appliesTo: ['HorizontalPodAutoscaler'],
    since: '0.1.0',
    messages: {
      missing: '{{object}} scales on {{resource}} utilization{{defaulted}}, but container(s) {{containers}} of {{target}} set no {{resource}} request: utilization cannot be computed and the autoscaler never scales.',
      containerMissing: '{{object}} scales on {{resource}} utilization of container "{{container}}", but {{target}} has no such container: the autoscaler never scales.',
    },
  },
  checkObject(object, context) {
    if (object.kind !== 'HorizontalPodAutoscaler') return;
    const kind = asString(object.get('spec', 'scaleTargetRef', 'kind'));
    const name = asString(object.get('spec', 'scaleTargetRef', 'name'));
    if (!kind || !name) return;
    const target = context.cluster.find(kind, object.namespaceOrDefault, name, object);
    const template = target?.podTemplate;
    if (!target || !template) return;
    for (const metric of utilizationMetrics(object)) {
      const base = { object: object.describe(), resource: metric.resource, target: target.describe() };
      const containers = longRunningContainers(template);
      if (metric.container !== undefined) {
        const container = containers.find((candidate) => candidate.name === metric.container);
        if (!container) {
          context.report({ at: object.at(...metric.path), object, messageId: 'containerMissing', data: { ...base, container: metric.container } });
          continue;
        }
        if (hasEffectiveRequest(container.value, metric.resource)) continue;
        context.report({
          at: object.at(...metric.path),
          object,
          messageId: 'missing',
          data: { ...base, defaulted: '', containers: `"${container.name}"` },
          related: [{ at: target.at(...container.path), message: `container "${container.name}" has no ${metric.resource} request` }],
        });
        continue;
      }
      if (podLevelCovers(template, 'requests', metric.resource)) continue;
      const lacking = containers.filter((container) => !hasEffectiveRequest(container.value, metric.resource));
      if (lacking.length === 0) continue;
      context.report({
        at: object.at(...metric.path),
        object,
        messageId: 'missing',
        data: {
          ...base,
          defaulted: metric.defaulted ? ' (the default metric when none is set)' : '',
          containers: lacking.map((container) => `"${container.name}"`).join(', '),
        },
        related: lacking.map((container) => ({ at: target.at(...container.path), message: `container "${container.name}" has no ${metric.resource} request` })),
      });
    }
  },
});

/**
 * The cpu/memory Utilization metrics of an HPA in any API version: autoscaling/v1
 * `targetCPUUtilizationPercentage`, v2beta1 `targetAverageUtilization`, v2beta2/v2
 * `target.type: Utilization`, for Resource and ContainerResource metrics. No metric at all
 * means the API default, 80% cpu. An autoscaling/v1 HPA carrying its v2 metrics in the
 * alpha annotation is not read.
 */
function utilizationMetrics(hpa: K8sObject): UtilizationMetric[] {
  if (hpa.apiVersion === 'autoscaling/v1') {
    if (hpa.annotations['autoscaling.alpha.kubernetes.io/metrics'] !== undefined) return [];
    const set = hpa.get('spec', 'targetCPUUtilizationPercentage') !== undefined;
    return [{ resource: 'cpu', path: set ? ['spec', 'targetCPUUtilizationPercentage'] : ['spec'], defaulted: !set }];
  }
  const metrics = asArray(hpa.get('spec', 'metrics'));
  if (metrics.length === 0) return [{ resource: 'cpu', path: ['spec'], defaulted: true }];
  const found: UtilizationMetric[] = [];
  metrics.forEach((metric, index) => {
    const type = asString(isMap(metric) ? metric['type'] : undefined);
    const key = type === 'Resource' ? 'resource' : type === 'ContainerResource' ? 'containerResource' : undefined;
    const source = key && isMap(metric) ? metric[key] : undefined;
    if (!key || !isMap(source)) return;
    const resource = asString(source['name']);
    if (resource !== 'cpu' && resource !== 'memory') return;
    const target = source['target'];
    const utilization = (isMap(target) && target['type'] === 'Utilization') || source['targetAverageUtilization'] !== undefined;
    if (!utilization) return;
    const container = key === 'containerResource' ? asString(source['container']) : undefined;
    found.push({ resource, ...(container !== undefined ? { container } : {}), path: ['spec', 'metrics', index, key, 'name'], defaulted: false });
  });
  return found;
}
