import { describe, expect, it } from 'vitest';
import { commandLine, readInputs, splitWords } from './inputs.js';

describe('action inputs', () => {
  it('split at spaces and new lines, quotes keeping spaces, nothing expanded', () => {
    expect(splitWords('  a b\n c\t"d e" \'$HOME f\' "" g"h i"j  ', 'x')).toEqual(['a', 'b', 'c', 'd e', '$HOME f', '', 'gh ij']);
    expect(() => splitWords('a "b', 'paths')).toThrow('input "paths" has an unclosed "');
  });

  it('read the runner’s INPUT_ variables (hyphens kept) with action.yml’s defaults where unset', () => {
    const inputs = readInputs({ 'INPUT_FAIL-ON': 'warning', INPUT_PATHS: 'deploy/\nclusters/', 'INPUT_ONLY-CHANGED': 'TRUE', INPUT_ARGS: '--kube-version 1.31' });
    expect(inputs).toEqual({
      paths: ['deploy/', 'clusters/'],
      config: '',
      failOn: 'warning',
      baseline: '',
      args: ['--kube-version', '1.31'],
      workingDirectory: '.',
      annotate: true,
      onlyChanged: true,
      allowPlugins: false,
    });
    expect(() => readInputs({ 'INPUT_ALLOW-PLUGINS': 'yes' })).toThrow('input "allow-plugins" takes true or false, not "yes"');
  });

  it('build the command line: extra flags first, the action’s own after, `--` before the paths', () => {
    const inputs = readInputs({ INPUT_PATHS: '--config=evil.yaml deploy', INPUT_CONFIG: 'ci/.ballast.yaml', INPUT_BASELINE: '.ballast-baseline.json', INPUT_ARGS: '-q' });
    expect(commandLine(inputs)).toEqual(['-q', '--fail-on', 'error', '--config', 'ci/.ballast.yaml', '--baseline', '.ballast-baseline.json', '--', '--config=evil.yaml', 'deploy']);
    expect(commandLine(readInputs({}))).toEqual(['--fail-on', 'error', '--', '.']);
  });
});
