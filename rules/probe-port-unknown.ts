import { defineRule } from '../src/engine/rule.js';
import { isValidPortName, namedPortsOf, probePort, probesOf, type DeclaredPort } from '../src/model/probes.js';
import { longRunningContainers } from '../src/model/workload.js';

export default defineRule<'unknown' | 'otherContainer'>({
  meta: {
    id: 'probe-port-unknown',
    scope: 'object',
    category: 'workload',
    severity: 'error',
    summary: 'An httpGet or tcpSocket probe names a port that the probing container does not declare in `ports[].name`.',
    rationale:
      "The kubelet resolves a named probe port against the probing container's own `ports` only (kubernetes pkg/probe/util.go ResolveContainerPort and findPortByName); a name declared by another container of the pod, or not at all, fails to resolve, and the kubelet counts the probe as failed. A liveness probe then restarts the container forever (CrashLoopBackOff) and a readiness probe keeps the pod out of every Service, although the application is healthy. The API server does not catch it: it checks only that the name is well formed.",
    fix: 'Declare the port on the probing container (`ports: [{name: http, containerPort: 8080}]`), fix the spelling, or probe the port number.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      unknown: '{{probe}} of container "{{container}}" in {{object}} probes port "{{port}}", which the container does not declare: the probe always fails.',
      otherContainer:
        '{{probe}} of container "{{container}}" in {{object}} probes port "{{port}}", which only container "{{owner}}" declares: the kubelet resolves probe ports against the probing container, so the probe always fails.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    // Plain init containers cannot carry probes at all (probe-invalid reports them).
    const containers = longRunningContainers(template);
    const declared = containers.map((container) => ({ container, ports: namedPortsOf(container) }));
    for (const { container, ports } of declared) {
      for (const probe of probesOf(container)) {
        const port = probePort(probe.value);
        if (!port || port.handler === 'grpc' || typeof port.value !== 'string' || !isValidPortName(port.value) || ports.has(port.value)) continue;
        const name = port.value;
        const data = { object: object.describe(), container: container.name, probe: probe.kind, port: name };
        const owner = declared.find((other) => other.container !== container && other.ports.has(name));
        const declaration: DeclaredPort | undefined = owner?.ports.get(name);
        context.report({
          at: object.at(...probe.path, ...port.path),
          object,
          ...(owner && declaration
            ? {
                messageId: 'otherContainer' as const,
                data: { ...data, owner: owner.container.name },
                related: [{ at: object.at(...declaration.path), message: `port "${name}" declared by container "${owner.container.name}"` }],
              }
            : { messageId: 'unknown' as const, data }),
        });
      }
    }
  },
});
