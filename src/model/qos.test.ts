import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateContainerRequests } from './pod-requests.js';
import { aggregateStoredRequests, computeQosClass } from './qos.js';
import type { QosClass } from './qos.js';
import { parseQuantity } from './quantity.js';

// Builders mirror the helpers in Kubernetes' qos_test.go (getResourceList,
// addResource, newContainer, newPod, newPodWithResources,
// newPodWithInitContainers), emitting the YAML-shaped objects we lint.
type ResourceList = Record<string, unknown>;

function getResourceList(cpu: string, memory: string): ResourceList {
  const res: ResourceList = {};
  if (cpu !== '') res['cpu'] = cpu;
  if (memory !== '') res['memory'] = memory;
  return res;
}

function addResource(name: string, value: string, list: ResourceList): ResourceList {
  return { ...list, [name]: value };
}

function getResourceRequirements(requests: ResourceList, limits: ResourceList): Record<string, unknown> {
  return { requests, limits };
}

function newContainer(name: string, requests: ResourceList, limits: ResourceList): Record<string, unknown> {
  return { name, resources: getResourceRequirements(requests, limits) };
}

function newPod(containers: unknown[]): Record<string, unknown> {
  return { containers };
}

function newPodWithResources(containers: unknown[], podResources: Record<string, unknown>): Record<string, unknown> {
  return { containers, resources: podResources };
}

function newPodWithInitContainers(containers: unknown[], initContainers: unknown[]): Record<string, unknown> {
  return { containers, initContainers };
}

interface Case {
  readonly name: string;
  readonly spec: unknown;
  readonly expected: QosClass;
}

/**
 * Every case of TestComputePodQOS (a superset of the older TestGetPodQOS) from
 * kubernetes/kubernetes pkg/apis/core/v1/helper/qos/qos_test.go, as stored at
 * commit 00c269c7d269989d555b69c295ba88e73e8acf94 (identical case list in the
 * generated pkg/apis/core/helper/qos/qos_generated_test.go at 8d01d1e9b36f9a9c72a67ce9e8846c68c0cb6b3b).
 * Cases upstream runs with podLevelResourcesEnabled=true run here with our
 * default (gate on); the others have no spec.resources, so the gate is moot.
 */
const upstreamComputePodQos: readonly Case[] = [
  {
    name: 'guaranteed',
    spec: newPod([newContainer('guaranteed', getResourceList('100m', '100Mi'), getResourceList('100m', '100Mi'))]),
    expected: 'Guaranteed',
  },
  {
    name: 'guaranteed-guaranteed',
    spec: newPod([newContainer('guaranteed', getResourceList('100m', '100Mi'), getResourceList('100m', '100Mi')), newContainer('guaranteed', getResourceList('100m', '100Mi'), getResourceList('100m', '100Mi'))]),
    expected: 'Guaranteed',
  },
  {
    name: 'best-effort-best-effort',
    spec: newPod([newContainer('best-effort', getResourceList('', ''), getResourceList('', '')), newContainer('best-effort', getResourceList('', ''), getResourceList('', ''))]),
    expected: 'BestEffort',
  },
  {
    name: 'best-effort',
    spec: newPod([newContainer('best-effort', getResourceList('', ''), getResourceList('', ''))]),
    expected: 'BestEffort',
  },
  {
    name: 'best-effort-burstable',
    spec: newPod([newContainer('best-effort', getResourceList('', ''), getResourceList('', '')), newContainer('burstable', getResourceList('1', ''), getResourceList('2', ''))]),
    expected: 'Burstable',
  },
  {
    name: 'best-effort-guaranteed',
    spec: newPod([newContainer('best-effort', getResourceList('', ''), getResourceList('', '')), newContainer('guaranteed', getResourceList('10m', '100Mi'), getResourceList('10m', '100Mi'))]),
    expected: 'Burstable',
  },
  {
    name: 'burstable-cpu-guaranteed-memory',
    spec: newPod([newContainer('burstable', getResourceList('', '100Mi'), getResourceList('', '100Mi'))]),
    expected: 'Burstable',
  },
  {
    name: 'burstable-no-limits',
    spec: newPod([newContainer('burstable', getResourceList('100m', '100Mi'), getResourceList('', ''))]),
    expected: 'Burstable',
  },
  {
    name: 'burstable-guaranteed',
    spec: newPod([newContainer('burstable', getResourceList('1', '100Mi'), getResourceList('2', '100Mi')), newContainer('guaranteed', getResourceList('100m', '100Mi'), getResourceList('100m', '100Mi'))]),
    expected: 'Burstable',
  },
  {
    name: 'burstable-unbounded-but-requests-match-limits',
    spec: newPod([newContainer('burstable', getResourceList('100m', '100Mi'), getResourceList('200m', '200Mi')), newContainer('burstable-unbounded', getResourceList('100m', '100Mi'), getResourceList('', ''))]),
    expected: 'Burstable',
  },
  {
    name: 'burstable-1',
    spec: newPod([newContainer('burstable', getResourceList('10m', '100Mi'), getResourceList('100m', '200Mi'))]),
    expected: 'Burstable',
  },
  {
    name: 'burstable-2',
    spec: newPod([newContainer('burstable', getResourceList('0', '0'), getResourceList('100m', '200Mi'))]),
    expected: 'Burstable',
  },
  {
    name: 'best-effort-hugepages',
    spec: newPod([newContainer('best-effort', addResource('hugepages-2Mi', '1Gi', getResourceList('0', '0')), addResource('hugepages-2Mi', '1Gi', getResourceList('0', '0')))]),
    expected: 'BestEffort',
  },
  {
    name: 'init-container',
    spec: newPodWithInitContainers([newContainer('best-effort', getResourceList('', ''), getResourceList('', ''))], [newContainer('burstable', getResourceList('10m', '100Mi'), getResourceList('100m', '200Mi'))]),
    expected: 'Burstable',
  },
  {
    name: 'guaranteed-with-pod-level-resources',
    spec: newPodWithResources([newContainer('best-effort', getResourceList('', ''), getResourceList('', ''))], getResourceRequirements(getResourceList('10m', '100Mi'), getResourceList('10m', '100Mi'))),
    expected: 'Guaranteed',
  },
  {
    name: 'guaranteed-with-pod-and-container-level-resources',
    spec: newPodWithResources([newContainer('burstable', getResourceList('3m', '10Mi'), getResourceList('5m', '20Mi'))], getResourceRequirements(getResourceList('10m', '100Mi'), getResourceList('10m', '100Mi'))),
    expected: 'Guaranteed',
  },
  {
    name: 'burstable-with-pod-level-resources',
    spec: newPodWithResources([newContainer('best-effort', getResourceList('', ''), getResourceList('', ''))], getResourceRequirements(getResourceList('10m', '10Mi'), getResourceList('20m', '50Mi'))),
    expected: 'Burstable',
  },
  {
    name: 'burstable-with-pod-and-container-level-resources',
    spec: newPodWithResources([newContainer('burstable', getResourceList('5m', '10Mi'), getResourceList('5m', '10Mi'))], getResourceRequirements(getResourceList('10m', '10Mi'), getResourceList('20m', '50Mi'))),
    expected: 'Burstable',
  },
  {
    name: 'burstable-with-pod-and-container-level-requests',
    spec: newPodWithResources([newContainer('burstable', getResourceList('5m', '10Mi'), getResourceList('', ''))], getResourceRequirements(getResourceList('10m', '10Mi'), getResourceList('', ''))),
    expected: 'Burstable',
  },
  {
    name: 'burstable-with-pod-and-container-level-resources-2',
    spec: newPodWithResources(
      [newContainer('burstable', getResourceList('5m', '10Mi'), getResourceList('', '')), newContainer('guaranteed', getResourceList('5m', '10Mi'), getResourceList('5m', '10Mi'))],
      getResourceRequirements(getResourceList('10m', '10Mi'), getResourceList('5m', '')),
    ),
    expected: 'Burstable',
  },
];

/**
 * TestCollectPodLevelResources and TestCollectContainerLevelResources from the
 * same qos_test.go (commit 3889081767 in the search index; 00c269c7 lacks the
 * last case of each). Upstream they assert an internal helper's sums and a
 * "has cpu+memory limits" flag; here each input is checked against the
 * QoS class ComputePodQOS derives from it. A "Guaranteed" flag upstream only
 * means limits exist, so requests below limits still make these Burstable.
 */
const upstreamCollectCases: readonly Case[] = [
  {
    name: 'pod-level: cpu+mem limits present (requests lower)',
    spec: { containers: [], resources: getResourceRequirements(getResourceList('100m', '128Mi'), getResourceList('750m', '512Mi')) },
    expected: 'Burstable',
  },
  {
    name: 'pod-level: only cpu limit',
    spec: { containers: [], resources: getResourceRequirements(getResourceList('100m', '128Mi'), getResourceList('750m', '')) },
    expected: 'Burstable',
  },
  {
    name: 'pod-level: only memory limit',
    spec: { containers: [], resources: getResourceRequirements(getResourceList('100m', '128Mi'), getResourceList('', '512Mi')) },
    expected: 'Burstable',
  },
  {
    name: 'pod-level: no limits',
    spec: { containers: [], resources: getResourceRequirements(getResourceList('100m', '128Mi'), getResourceList('', '')) },
    expected: 'Burstable',
  },
  {
    name: 'pod-level: no requests and limits',
    spec: { containers: [], resources: getResourceRequirements(getResourceList('', ''), getResourceList('', '')) },
    expected: 'BestEffort',
  },
  {
    name: 'single container: full CPU+Mem limits',
    spec: newPod([newContainer('c1', getResourceList('100m', '200Mi'), getResourceList('200m', '400Mi'))]),
    expected: 'Burstable',
  },
  {
    name: 'two containers and init container with CPU+Mem limits',
    spec: newPodWithInitContainers(
      [newContainer('c1', getResourceList('100m', '100Mi'), getResourceList('200m', '200Mi')), newContainer('c2', getResourceList('300m', '400Mi'), getResourceList('800m', '1000Mi'))],
      [newContainer('init', getResourceList('50m', '50Mi'), getResourceList('100m', '100Mi'))],
    ),
    expected: 'Burstable',
  },
  {
    name: 'only CPU limit (Mem limit absent/zero)',
    spec: newPod([newContainer('c1', getResourceList('0', '0'), getResourceList('100m', ''))]),
    expected: 'Burstable',
  },
  {
    name: 'two containers + init: one container missing CPU limit',
    spec: newPodWithInitContainers(
      [newContainer('c1', getResourceList('100m', '100Mi'), getResourceList('200m', '300Mi')), newContainer('c2', getResourceList('300m', '100Mi'), getResourceList('50m', '300Mi'))],
      [newContainer('init1', getResourceList('50m', '50Mi'), getResourceList('', '50Mi'))],
    ),
    expected: 'Burstable',
  },
  {
    name: 'ephemeral-container ignored for QoS',
    spec: {
      containers: [newContainer('c1', getResourceList('250m', '256Mi'), getResourceList('500m', '512Mi'))],
      ephemeralContainers: [{ name: 'ec1' }],
    },
    expected: 'Burstable',
  },
  {
    name: 'non-QoS resources (hugepages) not considered',
    spec: newPod([
      newContainer('c1', addResource('hugepages-2Mi', '4Mi', getResourceList('250m', '256Mi')), addResource('hugepages-2Mi', '4Mi', getResourceList('500m', '512Mi'))),
      newContainer('c2', addResource('hugepages-1Gi', '2Gi', getResourceList('250m', '256Mi')), addResource('hugepages-1Gi', '2Gi', getResourceList('500m', '512Mi'))),
    ]),
    expected: 'Burstable',
  },
];

describe('computeQosClass: ported from kubernetes qos_test.go', () => {
  it.each(upstreamComputePodQos.map((c) => [c.name, c] as const))('TestComputePodQOS %s', (_name, c) => {
    expect(computeQosClass(c.spec)).toBe(c.expected);
  });

  it.each(upstreamCollectCases.map((c) => [c.name, c] as const))('TestCollect* %s', (_name, c) => {
    expect(computeQosClass(c.spec)).toBe(c.expected);
  });
});

const guaranteedContainer = newContainer('g', getResourceList('500m', '256Mi'), getResourceList('500m', '256Mi'));
const bestEffortContainer = newContainer('be', getResourceList('', ''), getResourceList('', ''));

describe('computeQosClass: defaulting requests from limits (SetDefaults_Pod)', () => {
  const cases: readonly Case[] = [
    {
      name: 'limits-only container is Guaranteed',
      spec: newPod([{ name: 'c', resources: { limits: { cpu: '1', memory: '1Gi' } } }]),
      expected: 'Guaranteed',
    },
    {
      name: 'limits-only init container is Guaranteed',
      spec: newPodWithInitContainers([guaranteedContainer], [{ name: 'i', resources: { limits: { cpu: '1', memory: '1Gi' } } }]),
      expected: 'Guaranteed',
    },
    {
      name: 'explicit lower request is not overwritten',
      spec: newPod([{ name: 'c', resources: { requests: { cpu: '500m' }, limits: { cpu: '1', memory: '1Gi' } } }]),
      expected: 'Burstable',
    },
    {
      name: 'explicit zero request is not overwritten',
      spec: newPod([{ name: 'c', resources: { requests: { cpu: '0' }, limits: { cpu: '1', memory: '1Gi' } } }]),
      expected: 'Burstable',
    },
    {
      name: 'cpu limit only is Burstable (memory unset)',
      spec: newPod([{ name: 'c', resources: { limits: { cpu: '1' } } }]),
      expected: 'Burstable',
    },
    {
      name: 'request without limit stays Burstable',
      spec: newPod([{ name: 'c', resources: { requests: { cpu: '1', memory: '1Gi' } } }]),
      expected: 'Burstable',
    },
    {
      name: 'limits with an unparseable request default from the limit',
      spec: newPod([{ name: 'c', resources: { requests: { cpu: 'lots' }, limits: { cpu: '1', memory: '1Gi' } } }]),
      expected: 'Guaranteed',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(computeQosClass(c.spec)).toBe(c.expected);
  });
});

describe('computeQosClass: init and sidecar containers', () => {
  const sidecar = (resources: unknown): Record<string, unknown> => ({ name: 's', restartPolicy: 'Always', resources });
  const cases: readonly Case[] = [
    {
      name: 'BestEffort sidecar makes a Guaranteed pod Burstable',
      spec: newPodWithInitContainers([guaranteedContainer], [sidecar({})]),
      expected: 'Burstable',
    },
    {
      name: 'Guaranteed sidecar with Guaranteed main container',
      spec: newPodWithInitContainers([guaranteedContainer], [sidecar({ limits: { cpu: '100m', memory: '64Mi' } })]),
      expected: 'Guaranteed',
    },
    {
      name: 'Burstable sidecar',
      spec: newPodWithInitContainers([guaranteedContainer], [sidecar({ requests: { cpu: '100m', memory: '64Mi' } })]),
      expected: 'Burstable',
    },
    {
      name: 'BestEffort init container with BestEffort main container',
      spec: newPodWithInitContainers([bestEffortContainer], [{ name: 'i' }]),
      expected: 'BestEffort',
    },
    {
      name: 'Guaranteed init container with BestEffort main container',
      spec: newPodWithInitContainers([bestEffortContainer], [guaranteedContainer]),
      expected: 'Burstable',
    },
    {
      name: 'ephemeral container resources never count',
      spec: { containers: [guaranteedContainer], ephemeralContainers: [{ name: 'debug', resources: { requests: { cpu: '1' } } }] },
      expected: 'Guaranteed',
    },
    {
      name: 'hugepages alongside equal cpu/memory stay Guaranteed',
      spec: newPod([newContainer('c', addResource('hugepages-2Mi', '4Mi', getResourceList('250m', '256Mi')), addResource('hugepages-2Mi', '4Mi', getResourceList('250m', '256Mi')))]),
      expected: 'Guaranteed',
    },
    {
      name: 'no containers at all',
      spec: {},
      expected: 'BestEffort',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(computeQosClass(c.spec)).toBe(c.expected);
  });
});

describe('computeQosClass: exact quantity comparison', () => {
  const cases: readonly Case[] = [
    {
      name: '1Gi request vs 1024Mi limit',
      spec: newPod([newContainer('c', getResourceList('1', '1Gi'), getResourceList('1', '1024Mi'))]),
      expected: 'Guaranteed',
    },
    {
      name: '1 core vs 1000m',
      spec: newPod([newContainer('c', getResourceList('1', '1Gi'), getResourceList('1000m', '1073741824'))]),
      expected: 'Guaranteed',
    },
    {
      name: 'YAML numbers: cpu 0.5 vs 500m',
      spec: newPod([{ name: 'c', resources: { requests: { cpu: 0.5, memory: 1073741824 }, limits: { cpu: '500m', memory: '1Gi' } } }]),
      expected: 'Guaranteed',
    },
    {
      name: '1G vs 1Gi differ',
      spec: newPod([newContainer('c', getResourceList('1', '1G'), getResourceList('1', '1Gi'))]),
      expected: 'Burstable',
    },
    {
      name: 'sub-milli difference vanishes after SetDefaults_ResourceList rounding',
      spec: newPod([newContainer('c', getResourceList('100u', '1Gi'), getResourceList('1m', '1Gi'))]),
      expected: 'Guaranteed',
    },
    {
      name: 'sum of 0.1 and 0.2 cores in two containers has no drift',
      spec: newPod([newContainer('a', getResourceList('0.1', '1Mi'), getResourceList('100m', '1Mi')), newContainer('b', getResourceList('0.2', '1Mi'), getResourceList('200m', '1Mi'))]),
      expected: 'Guaranteed',
    },
    {
      name: 'negative quantities count as absent',
      spec: newPod([newContainer('c', getResourceList('-1', '-1Gi'), getResourceList('-1', '-1Gi'))]),
      expected: 'BestEffort',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(computeQosClass(c.spec)).toBe(c.expected);
  });
});

describe('computeQosClass: pod-level resources and their defaulting', () => {
  const cases: readonly Case[] = [
    {
      // PodLevelResourcesFixKubeletQOSClass (kubernetes#135082): an empty
      // stanza is not an opt-in.
      name: 'empty spec.resources leaves the containers in charge',
      spec: newPodWithResources([guaranteedContainer], {}),
      expected: 'Guaranteed',
    },
    {
      name: 'spec.resources with empty maps leaves the containers in charge',
      spec: newPodWithResources([guaranteedContainer], { requests: {}, limits: {} }),
      expected: 'Guaranteed',
    },
    {
      name: 'spec.resources of the wrong type is ignored',
      spec: newPodWithResources([guaranteedContainer], 'lots' as unknown as Record<string, unknown>),
      expected: 'Guaranteed',
    },
    {
      name: 'pod limits only: requests default to the limits',
      spec: newPodWithResources([bestEffortContainer], { limits: { cpu: '1', memory: '1Gi' } }),
      expected: 'Guaranteed',
    },
    {
      name: 'pod limits only, container requests lower: requests default to the containers',
      spec: newPodWithResources([newContainer('c', getResourceList('500m', '512Mi'), getResourceList('', ''))], {
        limits: { cpu: '1', memory: '1Gi' },
      }),
      expected: 'Burstable',
    },
    {
      name: 'pod limits only, container requests adding up to the limits',
      spec: newPodWithResources([newContainer('a', getResourceList('500m', '512Mi'), getResourceList('', '')), newContainer('b', getResourceList('500m', '512Mi'), getResourceList('', ''))], {
        limits: { cpu: '1', memory: '1Gi' },
      }),
      expected: 'Guaranteed',
    },
    {
      name: 'pod limits only, sidecar-aware aggregation: init peak dominates',
      spec: {
        containers: [newContainer('a', getResourceList('250m', '256Mi'), getResourceList('', ''))],
        initContainers: [newContainer('init', getResourceList('1', '1Gi'), getResourceList('', ''))],
        resources: { limits: { cpu: '1', memory: '1Gi' } },
      },
      expected: 'Guaranteed',
    },
    {
      name: 'pod limits only, sidecar adds to the regular containers',
      spec: {
        containers: [newContainer('a', getResourceList('750m', '768Mi'), getResourceList('', ''))],
        initContainers: [{ ...newContainer('s', getResourceList('250m', '256Mi'), getResourceList('', '')), restartPolicy: 'Always' }],
        resources: { limits: { cpu: '1', memory: '1Gi' } },
      },
      expected: 'Guaranteed',
    },
    {
      name: 'pod requests only, every container limited: limits default to the sum',
      spec: newPodWithResources([newContainer('a', getResourceList('', ''), getResourceList('500m', '512Mi')), newContainer('b', getResourceList('', ''), getResourceList('500m', '512Mi'))], {
        requests: { cpu: '1', memory: '1Gi' },
      }),
      expected: 'Guaranteed',
    },
    {
      name: 'pod requests only, one container unlimited: no limit defaulting',
      spec: newPodWithResources([newContainer('a', getResourceList('', ''), getResourceList('1', '1Gi')), bestEffortContainer], {
        requests: { cpu: '1', memory: '1Gi' },
      }),
      expected: 'Burstable',
    },
    {
      name: 'pod requests only, unlimited init container: no limit defaulting',
      spec: {
        containers: [newContainer('a', getResourceList('', ''), getResourceList('1', '1Gi'))],
        initContainers: [newContainer('i', getResourceList('100m', '64Mi'), getResourceList('', ''))],
        resources: { requests: { cpu: '1', memory: '1Gi' } },
      },
      expected: 'Burstable',
    },
    {
      name: 'pod-level Guaranteed overrides Burstable containers',
      spec: newPodWithResources([newContainer('c', getResourceList('100m', ''), getResourceList('', ''))], {
        requests: { cpu: '1', memory: '1Gi' },
        limits: { cpu: '1', memory: '1Gi' },
      }),
      expected: 'Guaranteed',
    },
    {
      name: 'pod-level hugepages only: opted in, requests default from containers but limits do not',
      spec: newPodWithResources([guaranteedContainer], { limits: { 'hugepages-2Mi': '4Mi' } }),
      expected: 'Burstable',
    },
    {
      name: 'pod-level unknown resource only is not an opt-in',
      spec: newPodWithResources([bestEffortContainer], { requests: { 'example.com/foo': '1' } }),
      expected: 'BestEffort',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(computeQosClass(c.spec)).toBe(c.expected);
  });

  it('ignores spec.resources when the PodLevelResources gate is off', () => {
    const spec = newPodWithResources([bestEffortContainer], { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(computeQosClass(spec)).toBe('Guaranteed');
    expect(computeQosClass(spec, { podLevelResources: false })).toBe('BestEffort');
  });
});

describe('computeQosClass: malformed input never throws', () => {
  const inputs: readonly [string, unknown, QosClass][] = [
    ['undefined', undefined, 'BestEffort'],
    ['null', null, 'BestEffort'],
    ['string', 'spec', 'BestEffort'],
    ['number', 42, 'BestEffort'],
    ['array', [guaranteedContainer], 'BestEffort'],
    ['containers is a string', { containers: 'nginx' }, 'BestEffort'],
    ['containers is a map', { containers: { a: guaranteedContainer } }, 'BestEffort'],
    ['container entries of every wrong type', { containers: [null, 1, 'x', [], true] }, 'BestEffort'],
    ['wrong entries next to a Guaranteed container', { containers: [guaranteedContainer, null, 'x'] }, 'Burstable'],
    ['resources is a list', { containers: [{ resources: ['cpu'] }] }, 'BestEffort'],
    ['requests is a string', { containers: [{ resources: { requests: '1Gi', limits: { cpu: '1', memory: '1Gi' } } }] }, 'Guaranteed'],
    ['limits is a list', { containers: [{ resources: { requests: { cpu: '1' }, limits: ['1'] } }] }, 'Burstable'],
    ['quantities of wrong types', { containers: [{ resources: { requests: { cpu: true, memory: {} }, limits: { cpu: null, memory: [] } } }] }, 'BestEffort'],
    ['garbage quantity strings', { containers: [{ resources: { limits: { cpu: 'one', memory: '1 Gi' } } }] }, 'BestEffort'],
    ['restartPolicy of wrong type', { containers: [guaranteedContainer], initContainers: [{ restartPolicy: ['Always'] }] }, 'Burstable'],
    ['prototype-looking keys', { containers: [{ resources: { requests: { constructor: '1', __proto__: '1' }, limits: { toString: '1' } } }] }, 'BestEffort'],
  ];
  it.each(inputs)('%s', (_name, spec, expected) => {
    expect(computeQosClass(spec)).toBe(expected);
  });

  it('reads null-prototype objects', () => {
    const dict = (entries: Record<string, unknown>): Record<string, unknown> => Object.assign(Object.create(null) as Record<string, unknown>, entries);
    const spec = dict({
      containers: [dict({ name: 'c', resources: dict({ limits: dict({ cpu: '1', memory: '1Gi' }) }) })],
    });
    expect(computeQosClass(spec)).toBe('Guaranteed');
    expect(aggregateContainerRequests(spec)).toEqual({ cpu: parseQuantity('1'), memory: parseQuantity('1Gi') });
  });

  it('never throws on arbitrary values', () => {
    const classes: readonly QosClass[] = ['Guaranteed', 'Burstable', 'BestEffort'];
    const quantityLike = fc.oneof(fc.constantFrom('1', '1Gi', '500m', '0', '-1', 'x'), fc.double(), fc.anything());
    const resourceList = fc.oneof(fc.dictionary(fc.constantFrom('cpu', 'memory', 'hugepages-2Mi', 'x'), quantityLike), fc.anything());
    const container = fc.oneof(
      fc.record({ resources: fc.oneof(fc.record({ requests: resourceList, limits: resourceList }, { requiredKeys: [] }), fc.anything()), restartPolicy: fc.constantFrom('Always', 'Never', 1) }, { requiredKeys: [] }),
      fc.anything(),
    );
    const spec = fc.oneof(
      fc.record(
        {
          containers: fc.oneof(fc.array(container), fc.anything()),
          initContainers: fc.oneof(fc.array(container), fc.anything()),
          resources: fc.oneof(fc.record({ requests: resourceList, limits: resourceList }, { requiredKeys: [] }), fc.anything()),
        },
        { requiredKeys: [] },
      ),
      fc.anything({ withNullPrototype: true, withMap: true, withBigInt: true }),
    );
    fc.assert(
      fc.property(spec, (s) => {
        expect(classes).toContain(computeQosClass(s));
        aggregateStoredRequests(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe("a container's stored requests (one container aggregated)", () => {
  const cases: readonly [string, unknown, Record<string, string>][] = [
    ['limits only', { resources: { limits: { cpu: '2', memory: '1Gi' } } }, { cpu: '2', memory: '1Gi' }],
    ['explicit requests win', { resources: { requests: { cpu: '100m' }, limits: { cpu: '2', memory: '1Gi' } } }, { cpu: '100m', memory: '1Gi' }],
    ['requests only', { resources: { requests: { memory: '64Mi' } } }, { memory: '64Mi' }],
    ['explicit zero is kept', { resources: { requests: { cpu: '0' }, limits: { cpu: '1' } } }, { cpu: '0' }],
    ['rounded up to millis', { resources: { requests: { cpu: '1500u', memory: 0.0005 } } }, { cpu: '2m', memory: '1m' }],
    ['other resources are not reported', { resources: { limits: { 'nvidia.com/gpu': '1' } } }, {}],
    ['nothing set', { name: 'c' }, {}],
    ['malformed', 'container', {}],
  ];
  it.each(cases)('%s', (_name, container, expected) => {
    const want: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(expected)) want[k] = parseQuantity(v);
    expect(aggregateContainerRequests({ containers: [container] })).toEqual(want);
  });
});
