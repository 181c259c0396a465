import { defineRule, type ObjectContext } from '../src/engine/rule.js';
import { asInteger } from '../src/model/access.js';
import type { K8sObject } from '../src/model/object.js';
import { handlersOf, isValidPortName, probePort, probesOf, probeTiming, TIMING_FIELDS, type ProbeRef } from '../src/model/probes.js';
import { containersOf } from '../src/model/workload.js';

type MessageId = 'initContainer' | 'noHandler' | 'severalHandlers' | 'successThreshold' | 'negative' | 'grpcPortNotNumber' | 'portOutOfRange' | 'portNotName';
type Context = ObjectContext<MessageId>;

export default defineRule<MessageId>({
  meta: {
    id: 'probe-invalid',
    scope: 'object',
    category: 'workload',
    severity: 'error',
    summary: 'A probe the API server rejects (no handler or several, `successThreshold` ≠ 1 on liveness/startup, negative timings, a bad port, a probe on a plain init container).',
    rationale:
      'The API server validates probes when the pod template is written (pkg/apis/core/validation/validation.go: validateProbe and validateHandler require exactly one of exec, httpGet, tcpSocket, grpc and non-negative timings; liveness and startup probes need successThreshold 1; init containers without `restartPolicy: Always` "may not" set probes; a port must be 1-65535 or an IANA port name, and a gRPC port is an integer only). A rejected template means the Deployment or StatefulSet update fails and the fix it carried never rolls out. Zero timings are not errors: defaulting (pkg/apis/core/v1/defaults.go SetDefaults_Probe) replaces them. A timeout at or above the period is valid: probe-timeout-exceeds-period reports it.',
    fix: 'Give each probe exactly one handler, keep successThreshold at 1 for liveness and startup probes, use non-negative timings, a numeric port or a declared port name, and move probes off plain init containers (or make them sidecars with `restartPolicy: Always`).',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '0.1.0',
    messages: {
      initContainer: 'Init container "{{container}}" of {{object}} sets {{probe}}, which the API server rejects for init containers without `restartPolicy: Always`.',
      noHandler: '{{probe}} of container "{{container}}" in {{object}} has no handler (exec, httpGet, tcpSocket or grpc): the API server rejects it.',
      severalHandlers: '{{probe}} of container "{{container}}" in {{object}} sets {{handlers}}: a probe may have only one handler, so the API server rejects it.',
      successThreshold: '{{probe}} of container "{{container}}" in {{object}} sets successThreshold {{value}}: it must be 1 for liveness and startup probes.',
      negative: '{{probe}} of container "{{container}}" in {{object}} sets {{field}} to {{value}}: it must not be negative.',
      grpcPortNotNumber: '{{probe}} of container "{{container}}" in {{object}} names gRPC port "{{value}}": gRPC probes take a port number only.',
      portOutOfRange: '{{probe}} of container "{{container}}" in {{object}} probes port {{value}}, outside 1-65535.',
      portNotName: '{{probe}} of container "{{container}}" in {{object}} probes port "{{value}}", a string that is not a valid port name (write a number without quotes, or a lower-case name).',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    for (const container of containersOf(template)) {
      for (const probe of probesOf(container)) {
        const data = { object: object.describe(), container: container.name, probe: probe.kind };
        if (container.role === 'init') {
          context.report({ at: object.at(...probe.path), object, messageId: 'initContainer', data });
          continue;
        }
        checkHandlers(object, context, probe, data);
        checkTiming(object, context, probe, data);
        checkPort(object, context, probe, data);
      }
    }
  },
});

type Data = Record<string, string | number>;

function checkHandlers(object: K8sObject, context: Context, probe: ProbeRef, data: Data): void {
  const handlers = handlersOf(probe.value);
  if (handlers.length === 0) context.report({ at: object.at(...probe.path), object, messageId: 'noHandler', data });
  if (handlers.length > 1) {
    context.report({ at: object.at(...probe.path, handlers[1] ?? ''), object, messageId: 'severalHandlers', data: { ...data, handlers: handlers.join(' and ') } });
  }
}

function checkTiming(object: K8sObject, context: Context, probe: ProbeRef, data: Data): void {
  for (const field of TIMING_FIELDS) {
    const value = asInteger(probe.value[field]);
    if (value !== undefined && value < 0) context.report({ at: object.at(...probe.path, field), object, messageId: 'negative', data: { ...data, field, value } });
  }
  const timing = probeTiming(probe.value);
  if (probe.kind !== 'readinessProbe' && timing.successThreshold > 1) {
    context.report({ at: object.at(...probe.path, 'successThreshold'), object, messageId: 'successThreshold', data: { ...data, value: timing.successThreshold } });
  }
}

function checkPort(object: K8sObject, context: Context, probe: ProbeRef, data: Data): void {
  const port = probePort(probe.value);
  if (!port) return;
  const at = object.at(...probe.path, ...port.path);
  if (typeof port.value === 'number') {
    if (Number.isInteger(port.value) && (port.value < 1 || port.value > 65535)) context.report({ at, object, messageId: 'portOutOfRange', data: { ...data, value: port.value } });
    return;
  }
  if (typeof port.value !== 'string') return;
  if (port.handler === 'grpc') context.report({ at, object, messageId: 'grpcPortNotNumber', data: { ...data, value: port.value } });
  else if (!isValidPortName(port.value)) context.report({ at, object, messageId: 'portNotName', data: { ...data, value: port.value } });
}
