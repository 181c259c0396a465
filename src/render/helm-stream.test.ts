import { describe, expect, it } from 'vitest';
import { lintText } from '../engine/lint.js';
import { splitHelmStream } from './helm-stream.js';

/** What `helm template web ./web` prints: each document after `---` and a `# Source:` line. */
const STREAM = `---
# Source: web/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
---
# Source: web/templates/deployment.yaml
# ballast-ignore-file replicas-min
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27.0
---
# Source: web/templates/worker.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  replicas: 1
  selector:
    matchLabels:
      app: worker
  template:
    metadata:
      labels:
        app: worker
    spec:
      containers:
        - name: worker
          image: busybox:1.36
`;

describe('splitHelmStream', () => {
  it('splits a rendered stream by its # Source: comments, line 1 after the comment', () => {
    const templates = splitHelmStream(STREAM, '-');
    expect(templates?.map((template) => template.path)).toEqual(['web/templates/service.yaml', 'web/templates/deployment.yaml', 'web/templates/worker.yaml']);
    expect(templates?.[2]?.text.split('\n')[0]).toBe('apiVersion: apps/v1');
  });

  it('joins the documents of one template and keeps text before the first # Source: under the stream path', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# Source: c/templates/x.yaml\nkind: A\n---\n# Source: c/templates/y.yaml\nkind: B\n---\n# Source: c/templates/x.yaml\nkind: C\n';
    expect(splitHelmStream(text, 'all.yaml')).toEqual([
      { path: 'all.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}' },
      { path: 'c/templates/x.yaml', text: 'kind: A\n---\nkind: C\n' },
      { path: 'c/templates/y.yaml', text: 'kind: B' },
    ]);
  });

  it('leaves a plain file alone, even with a "# Source:" comment inside a document', () => {
    expect(splitHelmStream('apiVersion: v1\nkind: ConfigMap\n# Source: not a separator\n', 'a.yaml')).toBeUndefined();
    expect(splitHelmStream('apiVersion: v1\nkind: ConfigMap\n', 'a.yaml')).toBeUndefined();
  });

  it('reads CRLF streams', () => {
    expect(splitHelmStream('---\r\n# Source: c/templates/x.yaml\r\nkind: A\r\n', '-')?.map((template) => template.path)).toEqual(['c/templates/x.yaml']);
  });
});

describe('linting a rendered Helm stream', () => {
  const result = lintText(STREAM, '-', { only: ['replicas-min', 'unused-suppression'] });
  const shown = result.findings.filter((finding) => !finding.suppressed);

  it('reports findings on the template path and the line within its rendered document', () => {
    expect(shown.map((finding) => [finding.file, finding.start.line, finding.ruleId])).toEqual([['web/templates/worker.yaml', 6, 'replicas-min']]);
  });

  it('applies # ballast-ignore-file to its own template only', () => {
    const suppressed = result.findings.filter((finding) => finding.suppressed);
    expect(suppressed.map((finding) => [finding.file, finding.ruleId])).toEqual([['web/templates/deployment.yaml', 'replicas-min']]);
  });
});
