/**
 * Effective kubelet settings from every place they live: KubeletConfiguration documents (with
 * `--config-dir` drop-ins), flag files (KubeletFlags objects from src/parse/flags-files.ts) and
 * kubeadm `nodeRegistration.kubeletExtraArgs`. Flags win over config fields, as in the kubelet
 * (cmd/kubelet/app/server.go kubeletConfigFlagPrecedence re-parses flags over the file).
 *
 * Which sources form one node: when the linted set holds at most one main KubeletConfiguration
 * (one not under a `*.conf.d/` drop-in directory), every kubelet source belongs to one node —
 * the usual case of linting one machine's /etc and /var/lib/kubelet, or one kubeadm file.
 * With several main configs, each is a node; a drop-in or flag source joins the config in the
 * same file, else the only config in the same directory, else it stands alone.
 */
import { KUBELET_FLAGS_API_VERSION, KUBELET_FLAGS_KIND } from '../parse/flags-files.js';
import { asArray, asBoolean, asString, isMap } from './access.js';
import { parseGoDuration } from './duration.js';
import { defaultEvictionHard, supportsMergeDefaultEviction } from './eviction.js';
import { extraArgsFlags, flagBoolean, type Flag } from './flags.js';
import { isKubeadm } from './kubeadm.js';
import { settingSpec } from './kubelet-settings.js';
import type { K8sObject, Location } from './object.js';

export interface KubeletFlagRef {
  flag: Flag;
  object: K8sObject;
}

export interface KubeletNode {
  /** The files the node's settings come from, for messages. */
  label: string;
  /** The main config first, then drop-ins in path order (later ones win). */
  configs: readonly K8sObject[];
  /** Flags in precedence order: a later occurrence wins. */
  flags: readonly KubeletFlagRef[];
  /**
   * Whether every setting of the node is in the linted set: a main config is present, or a
   * kubelet command line without `--config`. Otherwise absence proves nothing.
   */
  complete: boolean;
  /** Where a finding about an absent setting points: the main config, or the command line. */
  anchor: K8sObject;
}

export type SettingSource = 'flag' | 'config';

export interface Setting<T> {
  value: T;
  source: SettingSource;
  object: K8sObject;
  /** The flag (whole `--name=value`) or the config field. */
  at: Location;
  /** The flag's value text or the field's value as written. */
  raw: unknown;
}

export interface MapEntry {
  key: string;
  /** Undefined for a malformed flag pair (`--kube-reserved=cpu`). */
  value: string | undefined;
  object: K8sObject;
  at: Location;
}

export interface MapSetting {
  entries: MapEntry[];
  source: SettingSource;
  object: K8sObject;
  at: Location;
}

export function isKubeletConfig(object: K8sObject): boolean {
  return object.kind === 'KubeletConfiguration' && object.group === 'kubelet.config.k8s.io';
}

export function isKubeletFlags(object: K8sObject): boolean {
  return object.kind === KUBELET_FLAGS_KIND && object.apiVersion === KUBELET_FLAGS_API_VERSION;
}

interface Source {
  object: K8sObject;
  flags: Flag[];
  config: boolean;
  dropIn: boolean;
}

/** The kubelet nodes the objects describe; rules read them, grouped once per run, as `context.cluster.kubeletNodes`. */
export function kubeletNodes(objects: readonly K8sObject[]): KubeletNode[] {
  const sources: Source[] = [];
  for (const object of objects) {
    if (isKubeletConfig(object)) sources.push({ object, flags: [], config: true, dropIn: /(^|\/)[^/]*\.conf\.d\//.test(slash(object.doc.file.path)) });
    else if (isKubeletFlags(object)) sources.push({ object, flags: fileFlags(object), config: false, dropIn: false });
    else if (isKubeadm(object, 'InitConfiguration') || isKubeadm(object, 'JoinConfiguration')) {
      const flags = extraArgsFlags(object.get('nodeRegistration', 'kubeletExtraArgs'), ['nodeRegistration', 'kubeletExtraArgs']);
      if (flags.length > 0) sources.push({ object, flags, config: false, dropIn: false });
    }
  }
  const mains = sources.filter((source) => source.config && !source.dropIn);
  if (mains.length <= 1) return sources.length === 0 ? [] : [buildNode(sources)];
  const groups = new Map<Source, Source[]>(mains.map((main) => [main, [main]]));
  const alone: Source[][] = [];
  for (const source of sources) {
    if (groups.has(source)) continue;
    const sameFile = mains.find((main) => main.object.doc.file === source.object.doc.file);
    const sameDirectory = mains.filter((main) => directory(main.object) === directory(source.object));
    const home = sameFile ?? (sameDirectory.length === 1 ? sameDirectory[0] : undefined);
    if (home) groups.get(home)?.push(source);
    else alone.push([source]);
  }
  return [...groups.values(), ...alone].map(buildNode);
}

function buildNode(sources: readonly Source[]): KubeletNode {
  const configs = sources.filter((source) => source.config).sort((a, b) => Number(a.dropIn) - Number(b.dropIn) || a.object.doc.file.path.localeCompare(b.object.doc.file.path));
  const main = configs.find((source) => !source.dropIn);
  // KUBELET_EXTRA_ARGS comes last on the kubeadm unit's command line: it is the operator's override.
  const rank = (ref: KubeletFlagRef): number => (flagOrigin(ref) === 'KUBELET_EXTRA_ARGS' ? 1 : 0);
  const flags = sources.flatMap((source) => source.flags.map((flag) => ({ flag, object: source.object })));
  flags.sort((a, b) => rank(a) - rank(b));
  const commandLine = sources.find((source) => isKubeletFlags(source.object) && asString(source.object.get('command')) !== undefined);
  const hasConfigFlag = flags.some((ref) => ref.flag.name === 'config');
  // `ExecStart=... $KUBELET_CONFIG_ARGS` is only complete when that variable is set in the linted files.
  const defined = new Set(sources.flatMap((source) => strings(source.object.get('defines'))));
  const expandsUnknown = strings(commandLine?.object.get('expands')).some((name) => !defined.has(name));
  const first = sources[0] as Source;
  const anchor = main?.object ?? commandLine?.object ?? first.object;
  const label = [...new Set(sources.map((source) => source.object.doc.file.path))].join(', ');
  return { label, configs: configs.map((source) => source.object), flags, complete: main !== undefined || (commandLine !== undefined && !hasConfigFlag && !expandsUnknown), anchor };
}

function strings(value: unknown): string[] {
  return asArray(value).filter((item): item is string => typeof item === 'string');
}

function fileFlags(object: K8sObject): Flag[] {
  const flags: Flag[] = [];
  asArray(object.get('flags')).forEach((entry, index) => {
    const name = asString(isMap(entry) ? entry['name'] : undefined);
    if (name === undefined) return;
    flags.push({ name: normalizeFlagName(name), value: asString(isMap(entry) ? entry['value'] : undefined), path: ['flags', index] });
  });
  return flags;
}

function flagOrigin(ref: KubeletFlagRef): string | undefined {
  const index = ref.flag.path[1];
  return isKubeletFlags(ref.object) && typeof index === 'number' ? asString(ref.object.get('flags', index, 'origin')) : undefined;
}

/** pflag's WordSepNormalizeFunc: `--kube_reserved` is `--kube-reserved`. */
function normalizeFlagName(name: string): string {
  return name.replace(/^--?/, '').replace(/_/g, '-');
}

/** Every occurrence of a flag in the node, in precedence order. */
export function flagsNamed(node: KubeletNode, name: string): KubeletFlagRef[] {
  return node.flags.filter((ref) => normalizeFlagName(ref.flag.name) === name);
}

/** The whole flag: `--name=value` in a flag file, the entry in kubeletExtraArgs. */
export function flagLocation(ref: KubeletFlagRef): Location {
  return ref.object.at(...ref.flag.path);
}

/** A config field as the kubelet sees it after drop-ins: the last config that sets it. */
export function configField(node: KubeletNode, field: string): { value: unknown; object: K8sObject; at: Location } | undefined {
  for (let index = node.configs.length - 1; index >= 0; index--) {
    const object = node.configs[index] as K8sObject;
    const value = object.get(field);
    if (value !== undefined && value !== null) return { value, object, at: object.at(field) };
  }
  return undefined;
}

/** A map setting (`kubeReserved`, `evictionHard`...): the flag's pairs if given, else the config's. */
export function mapSetting(node: KubeletNode, field: string): MapSetting | undefined {
  const spec = settingSpec(field);
  const refs = spec ? flagsNamed(node, spec.flag) : [];
  const last = refs[refs.length - 1];
  if (last) {
    // Repeated map flags merge in order (cliflag.MapStringString.Set).
    const separator = spec?.kind === 'thresholds' ? '<' : '=';
    // Each pair points at itself inside the flag's value (a YAML source falls back to the value).
    const entries = refs.flatMap((ref) => splitPairs(ref.flag.value ?? '', separator).map((pair, index) => ({ ...pair, object: ref.object, at: ref.object.at(...ref.flag.path, 'value', index) })));
    return { entries, source: 'flag', object: last.object, at: flagLocation(last) };
  }
  // Drop-ins decode over the main config: keys of a map field merge, later files winning.
  const merged = new Map<string, MapEntry>();
  let owner: { object: K8sObject; at: Location } | undefined;
  for (const object of node.configs) {
    const value = object.get(field);
    if (!isMap(value)) continue;
    owner = { object, at: object.at(field) };
    for (const key of Object.keys(value)) {
      const entry = value[key];
      merged.set(key, { key, value: typeof entry === 'string' ? entry : typeof entry === 'number' ? String(entry) : undefined, object, at: object.at(field, key) });
    }
  }
  return owner ? { entries: [...merged.values()], source: 'config', ...owner } : undefined;
}

function splitPairs(text: string, separator: string): { key: string; value: string | undefined }[] {
  if (text.trim() === '') return [];
  return text.split(',').map((pair) => {
    const at = pair.indexOf(separator);
    return at === -1 ? { key: pair.trim(), value: undefined } : { key: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
  });
}

/** A scalar or list setting: the last flag if given, else the config field. */
export function rawSetting(node: KubeletNode, field: string): Setting<unknown> | undefined {
  const spec = settingSpec(field);
  const refs = spec ? flagsNamed(node, spec.flag) : [];
  const last = refs[refs.length - 1];
  if (last && spec) {
    const value = spec.kind === 'list' ? refs.flatMap((ref) => splitList(ref.flag.value)) : flagValue(last.flag, spec.kind);
    return { value, source: 'flag', object: last.object, at: flagLocation(last), raw: last.flag.value };
  }
  const config = configField(node, field);
  return config ? { value: config.value, source: 'config', object: config.object, at: config.at, raw: config.value } : undefined;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function flagValue(flag: Flag, kind: string): unknown {
  if (kind === 'bool') return flagBoolean(flag);
  if (kind === 'int') return flag.value !== undefined && /^[+-]?\d+$/.test(flag.value) ? Number(flag.value) : undefined;
  return flag.value;
}

export function boolSetting(node: KubeletNode, field: string): Setting<boolean> | undefined {
  const setting = rawSetting(node, field);
  const value = asBoolean(setting?.value);
  return setting && value !== undefined ? { ...setting, value } : undefined;
}

export function listSetting(node: KubeletNode, field: string): Setting<string[]> | undefined {
  const setting = rawSetting(node, field);
  if (!setting) return undefined;
  const value = asArray(setting.value).filter((item): item is string => typeof item === 'string');
  return { ...setting, value };
}

export function stringSetting(node: KubeletNode, field: string): Setting<string> | undefined {
  const setting = rawSetting(node, field);
  const value = asString(setting?.value);
  return setting && value !== undefined ? { ...setting, value } : undefined;
}

/** A duration setting in nanoseconds; undefined value when it does not parse. */
export function durationSetting(node: KubeletNode, field: string): Setting<number | undefined> | undefined {
  const setting = rawSetting(node, field);
  if (!setting) return undefined;
  return { ...setting, value: typeof setting.value === 'string' ? parseGoDuration(setting.value) : undefined };
}

export interface EvictionHard {
  /** Where the thresholds come from; `default` when neither flag nor field sets them. */
  source: SettingSource | 'default';
  /** The thresholds as written (empty for `default`). */
  written: MapSetting | undefined;
  /** What the kubelet applies: written signals, plus defaults when it merges them. */
  effective: Record<string, string>;
  /** mergeDefaultEvictionSettings: true in the config, and whether this version honours it. */
  mergeRequested: Setting<boolean> | undefined;
  merged: boolean;
}

/**
 * The kubelet applies DefaultEvictionHard only when evictionHard is absent
 * (cmd/kubelet/app/server.go loadConfigFile); a set map replaces the defaults, so signals it
 * leaves out are not evicted on — unless mergeDefaultEvictionSettings (1.33+) merges them in.
 * A `--eviction-hard` flag replaces the map after that merge.
 */
export function evictionHard(node: KubeletNode, kubernetesVersion: string): EvictionHard {
  const written = mapSetting(node, 'evictionHard');
  const mergeField = configField(node, 'mergeDefaultEvictionSettings');
  const mergeValue = asBoolean(mergeField?.value);
  const mergeRequested = mergeField && mergeValue === true ? { value: true, source: 'config' as const, object: mergeField.object, at: mergeField.at, raw: mergeField.value } : undefined;
  const defaults = defaultEvictionHard(kubernetesVersion);
  if (!written) return { source: 'default', written, effective: defaults, mergeRequested, merged: false };
  const own: Record<string, string> = {};
  for (const entry of written.entries) if (entry.value !== undefined) own[entry.key] = entry.value;
  const merged = written.source === 'config' && mergeRequested !== undefined && supportsMergeDefaultEviction(kubernetesVersion);
  return { source: written.source, written, effective: merged ? { ...defaults, ...own } : own, mergeRequested, merged };
}

/** Path helpers kept local: the library never imports node:path. */
function slash(path: string): string {
  return path.replace(/\\/g, '/');
}

function directory(object: K8sObject): string {
  const path = slash(object.doc.file.path);
  const cut = path.lastIndexOf('/');
  return cut === -1 ? '' : path.slice(0, cut);
}
