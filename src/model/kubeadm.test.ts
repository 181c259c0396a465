import { describe, expect, it } from 'vitest';
import { parseText } from '../parse/index.js';
import { endpointHost, isLoopbackHost, preferredKubeadmApiVersion, taintsSetting } from './kubeadm.js';
import { objectsOf } from './object.js';

describe('endpointHost', () => {
  it.each([
    ['k8s-api.example.internal:6443', 'k8s-api.example.internal'],
    ['10.0.0.11', '10.0.0.11'],
    ['https://10.0.0.11:2379', '10.0.0.11'],
    ['[fd00::12]:6443', 'fd00::12'],
    ['fd00::12', 'fd00::12'],
    ['HTTPS://Etcd-0.Example:2379/', 'etcd-0.example'],
  ])('%s → %s', (endpoint, host) => {
    expect(endpointHost(endpoint)).toBe(host);
  });

  it('knows loopback hosts', () => {
    expect(isLoopbackHost(endpointHost('https://127.0.0.1:2379'))).toBe(true);
    expect(isLoopbackHost(endpointHost('http://localhost:2379'))).toBe(true);
    expect(isLoopbackHost(endpointHost('https://10.0.0.1:2379'))).toBe(false);
  });
});

describe('taintsSetting', () => {
  const taints = (yaml: string) => {
    const [object] = parseText('a.yaml', `apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\n${yaml}`).documents.flatMap(objectsOf);
    return taintsSetting(object!);
  };
  it('separates unset, empty and explicit lists', () => {
    expect(taints('nodeRegistration: {name: a}').kind).toBe('default');
    expect(taints('nodeRegistration: {taints: null}').kind).toBe('default');
    expect(taints('nodeRegistration: {taints: []}').kind).toBe('empty');
    expect(taints('nodeRegistration: {taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]}')).toMatchObject({ kind: 'list', hasControlPlaneTaint: true });
    expect(taints('nodeRegistration: {taints: [{key: node-role.kubernetes.io/master, effect: PreferNoSchedule}]}')).toMatchObject({ kind: 'list', hasControlPlaneTaint: false });
  });
});

describe('preferredKubeadmApiVersion', () => {
  it('follows the kubeadm support matrix', () => {
    expect(preferredKubeadmApiVersion('1.21')).toBe('v1beta2');
    expect(preferredKubeadmApiVersion('1.22')).toBe('v1beta3');
    expect(preferredKubeadmApiVersion('1.30')).toBe('v1beta3');
    expect(preferredKubeadmApiVersion('1.31')).toBe('v1beta4');
    expect(preferredKubeadmApiVersion('1.36')).toBe('v1beta4');
  });
});
