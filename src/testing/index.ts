/** `ballast/testing`: the fixture runner for rules, built-in or from a plugin (see CONTRIBUTING.md). */
export { RuleTester, runFixtureCase, assertFixtureOutcome, type RuleTesterOptions, type FixtureOutcome } from './rule-tester.js';
export { loadFixtureCases, type FixtureCase, type FixtureFile, type Expectation } from './fixture-cases.js';
