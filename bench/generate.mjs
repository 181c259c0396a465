#!/usr/bin/env node
// Writes a large, realistic corpus for the benchmarks: applications made of several kinds
// (Deployment, Service, HPA, PDB, ConfigMap, StatefulSet, CronJob, NetworkPolicy...), each
// application in one multi-document file, as platform repositories keep them.
// Usage: node bench/generate.mjs [--scale N] [--files N] [--out DIR]   (scale 1 ≈ 10,000 documents;
// --files stops after that many files, as for the Action's 100-file repository)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, files: { type: 'string' }, out: { type: 'string' } } });
const scale = Number(values.scale);
// Outside the repository: generated data is never committed, and .gitignore would hide it from walks.
const out = values.out ?? join(tmpdir(), 'ballast-bench', `x${scale}`);

// Deterministic, so every run of a benchmark reads the same bytes.
let seed = 42;
function random() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

const teams = ['payments', 'search', 'catalog', 'identity', 'ledger', 'notifications', 'media', 'analytics'];
const images = ['nginx', 'envoyproxy/envoy', 'redis', 'postgres', 'registry.example.com/app', 'ghcr.io/org/service'];

function deployment(app, ns, replicas) {
  const sidecar = chance(0.3)
    ? `
      initContainers:
        - name: log-shipper
          image: fluent/fluent-bit:3.1.4
          restartPolicy: Always
          resources:
            requests: { cpu: 20m, memory: 32Mi }
            limits: { memory: 64Mi }`
    : '';
  const probes = chance(0.7)
    ? `
          readinessProbe:
            httpGet: { path: /ready, port: http }
            periodSeconds: 5
          livenessProbe:
            httpGet: { path: /healthz, port: http }
            initialDelaySeconds: 15`
    : '';
  const resources = chance(0.8)
    ? `
          resources:
            requests:
              cpu: ${pick(['100m', '250m', '500m', '1'])}
              memory: ${pick(['128Mi', '256Mi', '512Mi', '1Gi'])}
            limits:
              memory: ${pick(['256Mi', '512Mi', '1Gi', '2Gi'])}`
    : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/part-of: ${ns}
  annotations:
    deployment.kubernetes.io/revision: "${Math.floor(random() * 40)}"
spec:
  replicas: ${replicas}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  strategy:
    type: RollingUpdate
    rollingUpdate: { maxSurge: 25%, maxUnavailable: 0 }
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${app}
        app.kubernetes.io/part-of: ${ns}
    spec:
      serviceAccountName: ${app}
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    app.kubernetes.io/name: ${app}${sidecar}
      containers:
        - name: ${app}
          image: ${pick(images)}:${pick(['1.25.3', '2.0.1', 'latest', '3.4'])}
          args: ["--port=8080", "--log-level=info", "--config=/etc/${app}/config.yaml"]
          ports:
            - name: http
              containerPort: 8080
            - name: metrics
              containerPort: 9090
          env:
            - name: APP_NAME
              value: ${app}
            - name: POD_IP
              valueFrom: { fieldRef: { fieldPath: status.podIP } }
            - name: FEATURE_FLAGS
              value: "${pick(['a,b', 'c', 'a,c,d', ''])}"${probes}${resources}
          volumeMounts:
            - { name: config, mountPath: /etc/${app} }
      volumes:
        - name: config
          configMap: { name: ${app}-config }
`;
}

function service(app, ns) {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  selector:
    app.kubernetes.io/name: ${app}
  ports:
    - name: http
      port: 80
      targetPort: ${pick(['http', '8080', 'web'])}
`;
}

function configMap(app, ns) {
  const lines = Array.from({ length: 8 + Math.floor(random() * 12) }, (_, i) => `    key_${i}: value-${Math.floor(random() * 1e6)}`).join('\n');
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-config
  namespace: ${ns}
data:
  config.yaml: |
${lines}
  LOG_LEVEL: info
`;
}

function hpa(app, ns) {
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${app} }
  minReplicas: ${pick([1, 2, 3])}
  maxReplicas: ${pick([5, 10, 20])}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: 70 }
`;
}

function pdb(app, ns) {
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  ${pick(['minAvailable: 1', 'maxUnavailable: 1', 'minAvailable: 50%'])}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
`;
}

function statefulSet(app, ns) {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${app}-db
  namespace: ${ns}
spec:
  serviceName: ${app}-db
  replicas: ${pick([1, 3])}
  selector:
    matchLabels: { app: ${app}-db }
  template:
    metadata:
      labels: { app: ${app}-db }
    spec:
      containers:
        - name: db
          image: postgres:16.4
          ports: [{ name: pg, containerPort: 5432 }]
          readinessProbe: { tcpSocket: { port: pg } }
          resources:
            requests: { cpu: "1", memory: 2Gi }
            limits: { cpu: "1", memory: 2Gi }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        accessModes: [ReadWriteOnce]
        resources: { requests: { storage: 20Gi } }
`;
}

function cronJob(app, ns) {
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${app}-cleanup
  namespace: ${ns}
spec:
  schedule: "${Math.floor(random() * 60)} 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: busybox:1.36
              command: ["sh", "-c", "echo cleaning"]
`;
}

function networkPolicy(app, ns) {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress } }
  egress:
    - ports:
        - { protocol: UDP, port: 53 }
        - { protocol: TCP, port: 53 }
    - to:
        - podSelector: { matchLabels: { app: ${app}-db } }
`;
}

rmSync(out, { recursive: true, force: true });
let documents = 0;
let files = 0;
const target = 10_000 * scale;
const fileLimit = values.files === undefined ? Infinity : Number(values.files);
for (let index = 0; documents < target && files < fileLimit; index++) {
  const team = teams[index % teams.length];
  const app = `${team}-svc-${index}`;
  const ns = `${team}-${index % 5}`;
  const docs = [deployment(app, ns, pick([1, 2, 3])), service(app, ns), configMap(app, ns)];
  if (chance(0.6)) docs.push(hpa(app, ns));
  if (chance(0.6)) docs.push(pdb(app, ns));
  if (chance(0.25)) docs.push(statefulSet(app, ns));
  if (chance(0.3)) docs.push(cronJob(app, ns));
  if (chance(0.5)) docs.push(networkPolicy(app, ns));
  const directory = join(out, team, `group-${Math.floor(index / 40)}`);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, `${app}.yaml`), docs.join('---\n'));
  documents += docs.length;
  files++;
}
console.log(`wrote ${documents} documents in ${files} files to ${out}`);
