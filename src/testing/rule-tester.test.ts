import { describe, expect, it } from 'vitest';
import type { Finding } from '../types.js';
import type { FixtureCase } from './fixture-cases.js';
import { assertFixtureOutcome, type FixtureOutcome } from './rule-tester.js';

const text = 'spec:\n  replicas: 1 # expect: replicas-min\n';
const fixture: FixtureCase = {
  ruleId: 'replicas-min',
  name: 'one-replica.yaml',
  files: [{ path: 'one-replica.yaml', bytes: new TextEncoder().encode(text), text }],
  rules: ['replicas-min'],
  expectations: [{ file: 'one-replica.yaml', line: 2, ruleId: 'replicas-min' }],
};

function outcomeAt(column: number, ruleId = 'replicas-min'): FixtureOutcome {
  const finding: Finding = {
    ruleId,
    messageId: 'tooFew',
    severity: 'warning',
    message: 'one replica',
    file: 'one-replica.yaml',
    start: { line: 2, column },
    end: { line: 2, column: column + 1 },
    document: 0,
  };
  return { expected: ['one-replica.yaml:2 replicas-min'], actual: [`one-replica.yaml:2 ${ruleId}`], findings: [finding], internalErrors: [] };
}

describe('assertFixtureOutcome checks columns, not only lines', () => {
  it('accepts a finding on the key or on the value', () => {
    expect(() => assertFixtureOutcome(fixture, outcomeAt(3))).not.toThrow();
    expect(() => assertFixtureOutcome(fixture, outcomeAt(13))).not.toThrow();
  });

  it('rejects a finding inside a word or on blank space', () => {
    expect(() => assertFixtureOutcome(fixture, outcomeAt(5))).toThrow(/does not point at the start of a key or value/);
    expect(() => assertFixtureOutcome(fixture, outcomeAt(2))).toThrow(/does not point at the start of a key or value/);
  });
});
