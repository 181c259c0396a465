import { describe, expect, it } from 'vitest';
import { extraArgsFlags, flagBoolean, flagsOfContainer, lastFlag, type Flag } from './flags.js';

describe('flagsOfContainer', () => {
  it('reads --flag=value, --flag value and bare flags from command and args, with paths', () => {
    const container = {
      command: ['kube-apiserver', '--advertise-address=10.0.0.1', '--etcd-servers', 'https://127.0.0.1:2379', '--allow-privileged', '--v=2'],
      args: ['-v=4', '--profiling', '--', '-', '--feature-gates=A=true,B=false', 42, '--secure-port', '6443'],
    };
    expect(flagsOfContainer(container, ['spec', 'containers', 0])).toEqual([
      { name: 'advertise-address', value: '10.0.0.1', path: ['spec', 'containers', 0, 'command', 1] },
      { name: 'etcd-servers', value: 'https://127.0.0.1:2379', path: ['spec', 'containers', 0, 'command', 2] },
      { name: 'allow-privileged', value: undefined, path: ['spec', 'containers', 0, 'command', 4] },
      { name: 'v', value: '2', path: ['spec', 'containers', 0, 'command', 5] },
      { name: 'v', value: '4', path: ['spec', 'containers', 0, 'args', 0] },
      { name: 'profiling', value: undefined, path: ['spec', 'containers', 0, 'args', 1] },
      { name: 'feature-gates', value: 'A=true,B=false', path: ['spec', 'containers', 0, 'args', 4] },
      { name: 'secure-port', value: '6443', path: ['spec', 'containers', 0, 'args', 6] },
    ]);
  });

  it('is empty for anything that is not a container with lists', () => {
    expect(flagsOfContainer({ command: '--a=1' }, [])).toEqual([]);
    expect(flagsOfContainer(['--a=1'], [])).toEqual([]);
    expect(flagsOfContainer(null, [])).toEqual([]);
  });
});

describe('extraArgsFlags', () => {
  it('reads the v1beta3 map form', () => {
    expect(extraArgsFlags({ 'bind-address': '0.0.0.0', '--v': 2, 'leader-elect': false, nested: { a: 1 } }, ['apiServer', 'extraArgs'])).toEqual([
      { name: 'bind-address', value: '0.0.0.0', path: ['apiServer', 'extraArgs', 'bind-address'] },
      { name: 'v', value: '2', path: ['apiServer', 'extraArgs', '--v'] },
      { name: 'leader-elect', value: 'false', path: ['apiServer', 'extraArgs', 'leader-elect'] },
      { name: 'nested', value: undefined, path: ['apiServer', 'extraArgs', 'nested'] },
    ]);
  });

  it('reads the v1beta4 list form, where a name may repeat', () => {
    const list = [{ name: 'v', value: '2' }, { name: '--v', value: 4 }, { value: 'nameless' }, 'junk', { name: 'profiling' }];
    expect(extraArgsFlags(list, ['extraArgs'])).toEqual([
      { name: 'v', value: '2', path: ['extraArgs', 0] },
      { name: 'v', value: '4', path: ['extraArgs', 1] },
      { name: 'profiling', value: undefined, path: ['extraArgs', 4] },
    ]);
    expect(lastFlag(extraArgsFlags(list, []), 'v')?.value).toBe('4');
  });

  it('is empty for other shapes', () => {
    expect(extraArgsFlags('--v=2', [])).toEqual([]);
    expect(extraArgsFlags(undefined, [])).toEqual([]);
  });
});

describe('flagBoolean and lastFlag', () => {
  const flag = (value: string | undefined): Flag => ({ name: 'x', value, path: [] });

  it('parses booleans as Go strconv.ParseBool does; a bare flag is true', () => {
    expect([undefined, '1', 't', 'T', 'TRUE', 'true', 'True'].map((value) => flagBoolean(flag(value)))).toEqual(Array(7).fill(true));
    expect(['0', 'f', 'F', 'FALSE', 'false', 'False'].map((value) => flagBoolean(flag(value)))).toEqual(Array(6).fill(false));
    expect(['yes', 'on', 'tRUE', ''].map((value) => flagBoolean(flag(value)))).toEqual(Array(4).fill(undefined));
  });

  it('takes the last occurrence', () => {
    const flags: Flag[] = [
      { name: 'a', value: '1', path: [0] },
      { name: 'b', value: '2', path: [1] },
      { name: 'a', value: '3', path: [2] },
    ];
    expect(lastFlag(flags, 'a')).toEqual({ name: 'a', value: '3', path: [2] });
    expect(lastFlag(flags, 'c')).toBeUndefined();
  });
});
