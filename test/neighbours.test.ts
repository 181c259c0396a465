import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Linter } from '../src/engine/lint.js';
import { lintInto, neighbourFiles } from '../src/node.js';

const root = mkdtempSync(join(tmpdir(), 'ballast-neighbours-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 3
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: "registry.example.com/api:1.0.0"}]
`;
const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: api}}\n';

describe('a hook that passes only the staged file', () => {
  mkdirSync(join(root, 'deploy/sub'), { recursive: true });
  writeFileSync(join(root, 'deploy/deployment.yaml'), deployment);
  writeFileSync(join(root, 'deploy/pdb.yaml'), pdb);
  // A neighbour with problems of its own: read for context, never reported.
  writeFileSync(join(root, 'deploy/other.yaml'), `${deployment.replace('name: api}', 'name: other}').replace(/app: api/g, 'app: other')}---\nbroken: [\n`);
  writeFileSync(join(root, 'deploy/.hidden.yaml'), 'kind: x\n');
  writeFileSync(join(root, 'deploy/notes.txt'), 'not a manifest\n');
  writeFileSync(join(root, 'deploy/sub/far.yaml'), pdb);

  it('finds the other manifests of the same directory, not of subdirectories or hidden files', () => {
    expect(neighbourFiles(['deploy/deployment.yaml'], root)).toEqual(['deploy/other.yaml', 'deploy/pdb.yaml']);
  });

  it('lets absence rules see the neighbours, which yield no finding and are not counted', async () => {
    const linter = new Linter({ only: ['pdb-missing', 'replicas-min'] });
    await lintInto(linter, ['deploy/deployment.yaml'], { cwd: root });
    await lintInto(linter, neighbourFiles(['deploy/deployment.yaml'], root), { cwd: root, context: true });
    const result = linter.finish();
    expect(result.findings).toEqual([]);
    expect(result.summary).toMatchObject({ files: 1, documents: 1 });
    const alone = new Linter({ only: ['pdb-missing'] });
    await lintInto(alone, ['deploy/deployment.yaml'], { cwd: root });
    expect(alone.finish().findings.map((finding) => finding.ruleId)).toEqual(['pdb-missing']);
  });
});
