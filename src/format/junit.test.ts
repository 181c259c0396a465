import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import type { Finding, LintResult } from '../types.js';
import { formatJunit } from './junit.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

interface Parsed {
  testsuites: {
    tests: string;
    failures: string;
    skipped: string;
    testsuite: {
      name: string;
      tests: string;
      failures: string;
      testcase: { name: string; classname: string; line: string; failure?: { type: string; message: string; '#text': string }; skipped?: { message: string } }[];
    }[];
  };
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Parsed;
}

const workload = (name: string, replicas: number, memory = '1Gi'): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - { name: a, image: a:1, resources: { requests: { memory: ${memory} }, limits: { memory: 512Mi } } }
        - { name: b, image: b:1, resources: { requests: { memory: ${memory} }, limits: { memory: 512Mi } } }
`;

describe('junit', () => {
  it('has a testsuite per file and a testcase per rule and object, with every finding in its failure', () => {
    const result = lint(
      [
        { path: 'a.yaml', text: `${workload('api', 1)}---\n${workload('web', 3)}` },
        { path: 'b.yaml', text: workload('db', 3, '256Mi') },
      ],
      { only: ['replicas-min', 'limit-below-request'] },
    );
    const { testsuites } = parse(formatJunit(result));
    expect(testsuites.testsuite.map((suite) => [suite.name, suite.tests, suite.failures])).toEqual([['a.yaml', '3', '3']]);
    const cases = testsuites.testsuite[0]?.testcase ?? [];
    expect(cases.map((testcase) => testcase.name)).toEqual(['replicas-min Deployment shop/api', 'limit-below-request Deployment shop/api', 'limit-below-request Deployment shop/web']);
    const failure = cases[1]?.failure;
    expect(failure?.type).toBe('error');
    expect(failure?.message).toMatch(/^2 findings; the most severe: Container "a"/);
    expect(failure?.['#text'].split('\n').filter((line) => !line.startsWith('fix:'))).toEqual([
      expect.stringMatching(/^a\.yaml:11:\d+ error Container "a"/) as unknown,
      expect.stringMatching(/^a\.yaml:12:\d+ error Container "b"/) as unknown,
    ]);
    expect(testsuites).toMatchObject({ tests: '3', failures: '3', skipped: '0' });
  });

  it('stays well-formed whatever the messages hold', () => {
    const hostile: Finding = {
      ruleId: 'x',
      messageId: 'x',
      severity: 'warning',
      message: 'quotes " \' <tags> & ]]> \u0000\u001b control, lone \uD800 surrogate, 🙂 emoji\r\nnext line',
      file: 'dir/<odd> & "name".yaml',
      start: { line: 1, column: 1 },
      end: { line: 1, column: 2 },
      document: 0,
      object: { kind: 'ConfigMap', name: 'a&b' },
    };
    const result: LintResult = { findings: [hostile], summary: { files: 1, documents: 1, errors: 0, warnings: 1, infos: 0, suppressed: 0 }, internalErrors: [] };
    const { testsuites } = parse(formatJunit(result));
    const testcase = testsuites.testsuite[0]?.testcase[0];
    expect(testsuites.testsuite[0]?.name).toBe('dir/<odd> & "name".yaml');
    expect(testcase?.name).toBe('x ConfigMap a&b');
    expect(formatJunit(result)).toContain('\uFFFD\uFFFD control, lone \uFFFD surrogate, 🙂 emoji');
  });

  it('marks suppressed findings as skipped when shown, and writes a passing testcase for a clean run', () => {
    const annotated = workload('api', 1).replace('namespace: shop }', 'namespace: shop, annotations: { ballast/ignore: replicas-min, ballast/ignore-reason: canary } }');
    const result = lint([{ path: 'a.yaml', text: annotated }], { only: ['replicas-min'] });
    expect(parse(formatJunit(result)).testsuites.testsuite[0]?.testcase[0]).toMatchObject({ classname: 'ballast', name: 'no problems in 1 file' });
    const shown = parse(formatJunit(result, { showSuppressed: true })).testsuites;
    expect(shown).toMatchObject({ tests: '1', failures: '0', skipped: '1' });
    expect(shown.testsuite[0]?.testcase[0]?.skipped?.message).toBe('suppressed: canary');
  });
});
