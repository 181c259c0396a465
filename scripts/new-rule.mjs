#!/usr/bin/env node
// Scaffolds a built-in rule: rules/<id>.ts, a failing and a passing fixture in fixtures/<id>/, and
// its import and entry in rules/index.ts (both alphabetical, as the registry test wants).
// Run: npm run new-rule <id> [-- --category workload]. Then follow CONTRIBUTING.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const CATEGORIES = ['workload', 'node', 'control-plane', 'addon', 'input'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { positionals, values } = parseArgs({ allowPositionals: true, options: { category: { type: 'string', default: 'workload' } } });
const id = positionals[0] ?? '';
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) fail('usage: npm run new-rule <rule-id> [-- --category <category>] (the id in kebab-case, e.g. replicas-min)');
if (!CATEGORIES.includes(values.category)) fail(`--category takes one of ${CATEGORIES.join(', ')}`);
const ruleFile = join(root, 'rules', `${id}.ts`);
const fixtureDir = join(root, 'fixtures', id);
if (existsSync(ruleFile) || existsSync(fixtureDir)) fail(`rule "${id}" exists already (rules/${id}.ts or fixtures/${id}/)`);

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const binding = id.replace(/-([a-z0-9])/g, (_, letter) => letter.toUpperCase());

writeFileSync(
  ruleFile,
  `import { defineRule } from '../src/engine/rule.js';
import { field } from '../src/model/access.js';

// TODO: what the rule checks, and where its Kubernetes semantics come from (a doc page or a source file).
export default defineRule<'problem'>({
  meta: {
    id: '${id}',
    // 'object': judged on its own, as files arrive. 'set' if the check needs context.cluster, objects or documents.
    scope: 'object',
    category: '${values.category}',
    severity: 'warning',
    summary: 'TODO: one sentence, what is wrong.',
    rationale: 'TODO: the failure this prevents: what breaks, when, and for whom.',
    fix: 'TODO: what to change, concretely.',
    appliesTo: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'],
    since: '${version}',
    // recommended: false, // for a rule that is off in the recommended set (its fixtures must then switch it on)
    messages: {
      problem: '{{object}} TODO: what is wrong with it, in one sentence.',
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    // TODO: judge the object, reading values only through src/model/access.ts (a string where a map is
    // expected must not crash the rule); report at the path of the offending node (the engine finds its line).
    if (field(template.spec, 'TODO') === undefined) return;
    context.report({ at: object.at(...template.specPath, 'TODO'), object, messageId: 'problem', data: { object: object.describe() } });
  },
});
`,
);

mkdirSync(fixtureDir, { recursive: true });
/** The same whole Deployment for both cases; `specLine` is what the failing case adds to its spec. */
const fixtureDeployment = (comment, specLine) => `# TODO: ${comment}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
${specLine}  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.0.0
`;
writeFileSync(join(fixtureDir, 'failing.yaml'), fixtureDeployment('a case the rule must report; the line of each finding ends with its expectation.', `  TODO: value # expect: ${id}\n`));
writeFileSync(join(fixtureDir, 'passing.yaml'), fixtureDeployment('a case the rule must stay silent on (no expectation: no finding allowed).', ''));

const indexFile = join(root, 'rules', 'index.ts');
const index = readFileSync(indexFile, 'utf8');
const imports = [...index.matchAll(/^import (\w+) from '\.\/([\w-]+)\.js';$/gm)].map((match) => ({ binding: match[1], file: match[2], line: match[0] }));
if (imports.length === 0) fail('rules/index.ts: no rule imports found; add the rule by hand');
const before = imports.find((entry) => entry.file > id);
const importLine = `import ${binding} from './${id}.js';`;
let next = before ? index.replace(`${before.line}\n`, `${importLine}\n${before.line}\n`) : index.replace(`${imports.at(-1).line}\n`, `${imports.at(-1).line}\n${importLine}\n`);
const entry = before ? `  ${before.binding},\n` : `  ${imports.at(-1).binding},\n];`;
if (!next.includes(entry)) fail(`rules/index.ts: cannot find "${entry.trim()}" in the list; add the rule by hand`);
next = before ? next.replace(entry, `  ${binding},\n${entry}`) : next.replace(entry, `  ${imports.at(-1).binding},\n  ${binding},\n];`);
writeFileSync(indexFile, next);

process.stdout.write(
  [
    `created rules/${id}.ts, fixtures/${id}/failing.yaml, fixtures/${id}/passing.yaml; registered in rules/index.ts`,
    'next: fill in the TODOs, then `npx vitest run src/engine/fixtures.test.ts src/engine/registry.test.ts` and `npm run generate` (CONTRIBUTING.md).',
    '',
  ].join('\n'),
);

function fail(message) {
  process.stderr.write(`new-rule: ${message}\n`);
  process.exit(2);
}
