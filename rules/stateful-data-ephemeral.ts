import { defineRule, type SetContext } from '../src/engine/rule.js';
import { asArray, asString, isMap, type PlainMap } from '../src/model/access.js';
import { parseImageReference } from '../src/model/image.js';
import type { K8sObject } from '../src/model/object.js';
import { containersOf, type ContainerRef, type PodTemplate } from '../src/model/workload.js';

interface Options {
  /** Image repository (or its trailing path components) → the directory the image keeps its data in. */
  images: Record<string, string>;
}

type MessageId = 'emptyDir' | 'noVolume';

/**
 * Default data directories of the official and widely used images (each image's documentation:
 * the `VOLUME` of its Dockerfile or its documented data path). Redis and memcached are left out:
 * they are run as caches as often as stores.
 */
const DEFAULT_IMAGES: Record<string, string> = {
  'library/postgres': '/var/lib/postgresql/data',
  'bitnami/postgresql': '/bitnami/postgresql',
  'library/mysql': '/var/lib/mysql',
  'bitnami/mysql': '/bitnami/mysql',
  'library/mariadb': '/var/lib/mysql',
  'bitnami/mariadb': '/bitnami/mariadb',
  'library/mongo': '/data/db',
  'bitnami/mongodb': '/bitnami/mongodb',
  'library/rabbitmq': '/var/lib/rabbitmq',
  'bitnami/rabbitmq': '/bitnami/rabbitmq',
  'elasticsearch/elasticsearch': '/usr/share/elasticsearch/data',
  'library/elasticsearch': '/usr/share/elasticsearch/data',
  'opensearchproject/opensearch': '/usr/share/opensearch/data',
  'library/cassandra': '/var/lib/cassandra',
  'confluentinc/cp-kafka': '/var/lib/kafka/data',
  'bitnami/kafka': '/bitnami/kafka',
  'library/zookeeper': '/data',
  'confluentinc/cp-zookeeper': '/var/lib/zookeeper/data',
  'prom/prometheus': '/prometheus',
  'prometheus/prometheus': '/prometheus',
  'grafana/loki': '/loki',
  'library/influxdb': '/var/lib/influxdb2',
  'clickhouse/clickhouse-server': '/var/lib/clickhouse',
  'minio/minio': '/data',
  'cockroachdb/cockroach': '/cockroach/cockroach-data',
  'library/neo4j': '/data',
  'library/couchdb': '/opt/couchdb/data',
};

/** Volume sources whose data goes with the pod: lost on every reschedule. */
const EPHEMERAL_SOURCES: ReadonlySet<string> = new Set(['emptyDir', 'ephemeral', 'configMap', 'secret', 'downwardAPI', 'projected']);

export default defineRule<MessageId, Options>({
  meta: {
    id: 'stateful-data-ephemeral',
    scope: 'set',
    category: 'workload',
    severity: 'warning',
    summary: 'A StatefulSet or single-replica Deployment runs a well-known database, queue, search engine or metrics/log store whose data is on an `emptyDir` or on no volume at all.',
    rationale:
      'An `emptyDir` lives and dies with its pod, and a path with no volume is in the container\'s writable layer, which goes even sooner (kubernetes.io/docs/concepts/storage/volumes, "emptyDir"). A database, queue or time-series store keeping its data there loses all of it on every reschedule: a node drain, an eviction, a node failure or a rollout. The replicas of a clustered store may re-replicate, but a single instance comes back empty. Judged only for the container running an image from the `images` option (repository → data directory; the default list covers PostgreSQL, MySQL, MariaDB, MongoDB, RabbitMQ, Elasticsearch, OpenSearch, Cassandra, Kafka, ZooKeeper, Prometheus, Loki, InfluxDB, ClickHouse, MinIO, CockroachDB, Neo4j and CouchDB; Redis and memcached are left out because they are so often caches), and only when that container mounts no volume that outlives the pod (a PersistentVolumeClaim, a `volumeClaimTemplates` claim, a hostPath, CSI, NFS...): with such a mount the data path may simply be configured elsewhere. Prometheus in agent mode and Loki components other than the stateful targets keep no data worth keeping and are skipped. A Deployment counts when it runs one replica with no HorizontalPodAutoscaler; several replicas of a store in a Deployment are a design this rule does not judge.',
    fix: 'Mount a PersistentVolumeClaim at the data directory (in a StatefulSet, through `volumeClaimTemplates`), or, if the data is meant to be disposable, suppress this finding with a reason.',
    appliesTo: ['StatefulSet', 'Deployment'],
    since: '0.1.0',
    messages: {
      emptyDir: 'Container "{{container}}" of {{object}} runs {{image}} with its data directory {{path}} on emptyDir volume "{{volume}}": every reschedule loses the data.',
      noVolume: 'Container "{{container}}" of {{object}} runs {{image}} with no volume at its data directory {{path}}: the data lives in the container and every restart elsewhere loses it.',
    },
    options: {
      schema: { images: { type: 'object', additionalProperties: { type: 'string', pattern: '^/' } } },
      defaults: { images: DEFAULT_IMAGES },
    },
  },
  checkObject(object, context) {
    const template = object.podTemplate;
    if (!template || !holdsSingleCopy(object, context)) return;
    const volumes = volumesOf(object, template);
    for (const container of containersOf(template)) {
      if (container.role === 'init') continue;
      const image = asString(container.value['image']);
      const path = image === undefined ? undefined : dataPathOf(image, context.options.images);
      if (image === undefined || path === undefined || isStateless(container)) continue;
      const mounts = asArray(container.value['volumeMounts']).filter(isMap);
      // A mount that outlives the pod (or one the set cannot resolve) may hold the data under a configured path.
      if (mounts.some((mount) => !EPHEMERAL_SOURCES.has(volumes.get(asString(mount['name']) ?? '') ?? 'unknown'))) continue;
      const covering = coveringMount(mounts, path);
      const data = { container: container.name, object: object.describe(), image, path };
      if (covering && volumes.get(covering.name) === 'emptyDir') {
        context.report({ at: object.at(...container.path, 'volumeMounts', covering.index, 'mountPath'), object, messageId: 'emptyDir', data: { ...data, volume: covering.name } });
      } else if (!covering) {
        context.report({ at: object.at(...container.path, 'image'), object, messageId: 'noVolume', data });
      }
    }
  },
});

/** A StatefulSet, or a Deployment that runs exactly one pod (no HPA scales it). */
function holdsSingleCopy(object: K8sObject, context: SetContext<MessageId, Options>): boolean {
  if (object.kind === 'StatefulSet') return true;
  if (object.kind !== 'Deployment' || context.cluster.hpasFor(object).length > 0) return false;
  return context.cluster.lowestReplicas(object) === 1;
}

/** Volume name → its source kind (`emptyDir`, `persistentVolumeClaim`...); claim templates count as persistent. */
function volumesOf(object: K8sObject, template: PodTemplate): Map<string, string> {
  const volumes = new Map<string, string>();
  for (const volume of asArray(template.spec['volumes'])) {
    if (!isMap(volume)) continue;
    const name = asString(volume['name']);
    const source = Object.keys(volume).find((key) => key !== 'name');
    if (name !== undefined) volumes.set(name, source ?? 'unknown');
  }
  for (const claim of asArray(object.get('spec', 'volumeClaimTemplates'))) {
    const name = asString(isMap(claim) ? (claim['metadata'] as PlainMap | undefined)?.['name'] : undefined);
    if (name !== undefined) volumes.set(name, 'persistentVolumeClaim');
  }
  return volumes;
}

/** The data directory of an image from the list: the longest configured repository suffix that matches. */
function dataPathOf(image: string, images: Record<string, string>): string | undefined {
  const repository = parseImageReference(image)?.repository;
  if (repository === undefined) return undefined;
  let best: string | undefined;
  let length = -1;
  for (const [key, path] of Object.entries(images)) {
    const bare = key.startsWith('library/') ? key.slice('library/'.length) : key;
    const matches = [key, bare].some((name) => repository === name || repository.endsWith(`/${name}`));
    if (matches && key.length > length) {
      best = path;
      length = key.length;
    }
  }
  return best;
}

/** Prometheus in agent mode keeps only a WAL; Loki read/query components keep nothing. */
function isStateless(container: ContainerRef): boolean {
  const words = ['command', 'args'].flatMap((key) => asArray(container.value[key]).filter((item): item is string => typeof item === 'string'));
  if (words.some((word) => word === '--agent' || /^--enable-feature=(.*,)?agent(,|$)/.test(word))) return true;
  const target = words.map((word) => /^--?target=(.+)$/.exec(word)?.[1]).find((value) => value !== undefined);
  return target !== undefined && !/^(all|write|backend|ingester|compactor)(,|$)/.test(target);
}

/** The volume mount whose path is the data directory or one of its parents. */
function coveringMount(mounts: readonly PlainMap[], path: string): { name: string; index: number } | undefined {
  let found: { name: string; index: number; depth: number } | undefined;
  mounts.forEach((mount, index) => {
    const mountPath = asString(mount['mountPath'])?.replace(/\/+$/, '');
    const name = asString(mount['name']);
    if (mountPath === undefined || name === undefined) return;
    const covers = mountPath === '' || path === mountPath || path.startsWith(`${mountPath}/`);
    if (covers && (!found || mountPath.length > found.depth)) found = { name, index, depth: mountPath.length };
  });
  return found && { name: found.name, index: found.index };
}
