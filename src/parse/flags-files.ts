/**
 * Kubelet flags written outside YAML: kubeadm-flags.env (`KUBELET_KUBEADM_ARGS="..."`),
 * environment files (`/etc/default/kubelet`, `/etc/sysconfig/kubelet`: `KUBELET_EXTRA_ARGS=...`)
 * and systemd units and drop-ins (`Environment="KUBELET_..."`, `ExecStart=/usr/bin/kubelet ...`
 * with `\` continuation lines). Each file becomes one document whose value is a synthetic
 * `KubeletFlags` object, so rules see flags through K8sObject like any other input, and whose
 * `locate` points at a flag inside its line.
 */
import { newPlainMap } from './plain-map.js';
import type { Path } from '../types.js';
import { splitShellWords, type ShellWord } from './shell-words.js';
import type { FileParser } from './index.js';
import { SourceFile, type DocumentHandle, type OffsetRange, type ParsedFile } from './source.js';
import { scanSuppressionComments } from './yaml.js';

export const KUBELET_FLAGS_API_VERSION = 'ballast.dev/v1';
export const KUBELET_FLAGS_KIND = 'KubeletFlags';

/** Where the flags of a KubeletFlags object were written. */
export type FlagFileFormat = 'env' | 'systemd';

/** One entry of `flags` in a KubeletFlags object. */
export interface FileFlag {
  name: string;
  /** `null` for a bare flag (`--fail-swap-on`). */
  value: string | null;
  /** The variable that holds the flag (`KUBELET_EXTRA_ARGS`), or `ExecStart`. */
  origin: string;
}

interface FlagRanges {
  whole: OffsetRange;
  name: OffsetRange;
  value: OffsetRange | undefined;
  /** The value and the file offset of each of its characters, to point at one pair of a map flag. */
  valueText: string;
  valueChars: readonly number[];
}

// pflag boolean flags take no separate value word: `--cgroups-per-qos false` leaves `false`
// as a stray argument. Only these are known not to consume the next word (kubelet
// cmd/kubelet/app/options/options.go: the fs.BoolVar registrations).
const BOOLEAN_FLAGS: ReadonlySet<string> = new Set([
  'anonymous-auth',
  'authentication-token-webhook',
  'cgroups-per-qos',
  'cpu-cfs-quota',
  'enable-controller-attach-detach',
  'enable-debugging-handlers',
  'enable-server',
  'exit-on-lock-contention',
  'fail-swap-on',
  'kernel-memcg-notification',
  'local-storage-capacity-isolation',
  'make-iptables-util-chains',
  'protect-kernel-defaults',
  'register-node',
  'register-schedulable',
  'rotate-certificates',
  'rotate-server-certificates',
  'runonce',
  'seccomp-default',
  'serialize-image-pulls',
]);

const ENV_NAME = /(^|\/)kubeadm-flags\.env$|(^|\/)(default|sysconfig|kubernetes)\/kubelet$|(^|\/)kubelet\.env$/;
const UNIT_NAME = /(^|\/)kubelet\.service$|(^|\/)kubelet\.service\.d\/[^/]+\.conf$/;
const KUBELET_VARIABLE = /^KUBELET_[A-Z0-9_]*$/;
// Blanks within one line only: `^\s*` in multiline mode also crosses newlines, so each of 200 KB
// of blank lines (`helm template | ballast -`) rescanned all the rest (39 s).
const SERVICE_HEADER = /^[^\S\n]*\[Service\][^\S\n]*$/m;
const UNIT_HEADER = /^[^\S\n]*\[(Service|Unit)\][^\S\n]*$/m;
const KUBELET_ASSIGNMENT = /^[^\S\n]*(export[^\S\n]+)?KUBELET_[A-Z0-9_]*=/m;

export const kubeletFlagFileParser: FileParser = {
  matches(path, text) {
    const normalized = path.replace(/\\/g, '/');
    if (ENV_NAME.test(normalized) || UNIT_NAME.test(normalized)) return true;
    // Named otherwise (e.g. a copy passed explicitly): judged by content, and only when the
    // text cannot be YAML a kubelet reads — a `[Service]` header or a KUBELET_ assignment.
    if (/\.(ya?ml|json)$/i.test(normalized)) return false;
    return SERVICE_HEADER.test(text) ? /kubelet/i.test(text) : KUBELET_ASSIGNMENT.test(text);
  },
  // Size is checked before any parser runs; a flag file has no nesting or aliases to limit.
  parse(path, text) {
    return parseFlagFile(path, text);
  },
};

export function parseFlagFile(path: string, rawText: string): ParsedFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const file = new SourceFile(path, text);
  const systemd = /\.(conf|service)$/.test(path) || UNIT_HEADER.test(text);
  const flags: FileFlag[] = [];
  const ranges: FlagRanges[] = [];
  let root: OffsetRange | undefined;
  let command: string | undefined;
  let commandAt: OffsetRange | undefined;
  // Variables the file sets, and those its kubelet command line expands: a command line is only
  // the whole story when every variable it expands is known.
  const defines = new Set<string>();
  const expands = new Set<string>();

  for (const line of logicalLines(text)) {
    const assignment = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)=/.exec(line.text);
    if (!assignment) continue;
    const key = assignment[2] ?? '';
    const valueAt = assignment[0].length;
    const before = flags.length;
    if (systemd && key === 'Environment') {
      for (const word of splitShellWords(line.text.slice(valueAt))) {
        const equals = word.word.indexOf('=');
        const variable = word.word.slice(0, equals);
        if (equals <= 0) continue;
        defines.add(variable);
        if (KUBELET_VARIABLE.test(variable)) addFlags(splitOnSpace(word, equals + 1), variable, line, valueAt, flags, ranges);
      }
    } else if (systemd && key === 'ExecStart') {
      const words = splitShellWords(line.text.slice(valueAt));
      const binary = (words[0]?.word ?? '').replace(/^[-@+!:]+/, '');
      if (!/(^|\/)kubelet$/.test(binary)) continue;
      command = binary;
      for (const word of words) for (const match of word.word.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) expands.add(match[1] ?? '');
      const args = words.slice(1).filter((word) => !word.word.startsWith('$'));
      addFlags(args.map(toPiece), 'ExecStart', line, valueAt, flags, ranges);
    } else if (!systemd) {
      defines.add(key);
      if (!KUBELET_VARIABLE.test(key)) continue;
      const pieces = splitShellWords(line.text.slice(valueAt)).flatMap((word) => splitOnSpace(word, 0));
      addFlags(pieces, key, line, valueAt, flags, ranges);
    }
    // The object's own position: the kubelet command line if there is one, else the first flags.
    const here: OffsetRange = [line.offsets[assignment[1]?.length ?? 0] ?? 0, line.end];
    if (key === 'ExecStart' && command !== undefined && !commandAt) commandAt = here;
    if (flags.length > before && !root) root = here;
  }

  const value: Record<string, unknown> = nullProto({
    apiVersion: KUBELET_FLAGS_API_VERSION,
    kind: KUBELET_FLAGS_KIND,
    format: systemd ? 'systemd' : 'env',
    ...(command !== undefined ? { command, expands: [...expands] } : {}),
    defines: [...defines],
    flags: flags.map((flag) => nullProto({ ...flag })),
  });
  const whole: OffsetRange = commandAt ?? root ?? [0, Math.min(text.length, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'))];
  const document: DocumentHandle = { file, index: 0, value, locate: (target) => locateFlag(target, ranges, whole) };
  return { file, documentCount: 1, documents: [document], problems: [], comments: scanSuppressionComments(file) };
}

function locateFlag(path: Path, ranges: readonly FlagRanges[], whole: OffsetRange): OffsetRange {
  const index = path[0] === 'flags' ? path[1] : undefined;
  const flag = typeof index === 'number' ? ranges[index] : undefined;
  if (!flag) return whole;
  if (path[2] === 'name') return flag.name;
  if (path[2] !== 'value') return flag.whole;
  const pair = typeof path[3] === 'number' ? pairRange(flag, path[3]) : undefined;
  return pair ?? flag.value ?? flag.whole;
}

/** The k-th comma-separated pair of a value (`cpu=1,memory=2Gi`), as file offsets. */
function pairRange(flag: FlagRanges, index: number): OffsetRange | undefined {
  const bounds = pairBounds(flag);
  const start = bounds[index];
  const end = bounds[index + 1];
  if (start === undefined || end === undefined) return undefined;
  // `end` is one past the comma (or past the end of the value).
  return end - 1 > start ? [flag.valueChars[start] ?? 0, (flag.valueChars[end - 2] ?? 0) + 1] : undefined;
}

/** Where each pair starts in the value, found once: 10,000 pairs looked up one by one re-scanned the value each time. */
const pairStarts = new WeakMap<FlagRanges, number[]>();

function pairBounds(flag: FlagRanges): number[] {
  let bounds = pairStarts.get(flag);
  if (!bounds) {
    bounds = [0];
    for (let at = 0; at < flag.valueText.length; at++) if (flag.valueText[at] === ',') bounds.push(at + 1);
    bounds.push(flag.valueText.length + 1);
    pairStarts.set(flag, bounds);
  }
  return bounds;
}

/** A line after joining `\` continuations, with the file offset of every character. */
interface LogicalLine {
  text: string;
  offsets: number[];
  end: number;
}

function logicalLines(text: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let current = '';
  let offsets: number[] = [];
  const flush = (end: number): void => {
    const trimmed = current.trimStart();
    if (trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith(';')) lines.push({ text: current, offsets, end });
    current = '';
    offsets = [];
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '\\' && (text[index + 1] === '\n' || (text[index + 1] === '\r' && text[index + 2] === '\n'))) {
      // systemd and shells join a continued line with the next; a space keeps words apart.
      current += ' ';
      offsets.push(index);
      index += text[index + 1] === '\r' ? 2 : 1;
      continue;
    }
    if (char === '\n') {
      flush(index > 0 && text[index - 1] === '\r' ? index - 1 : index);
      continue;
    }
    current += char;
    offsets.push(index);
  }
  flush(text.length);
  return lines;
}

/** A piece of a word: its text and, per character, the index in the logical line. */
interface Piece {
  text: string;
  chars: readonly number[];
}

function toPiece(word: ShellWord): Piece {
  return { text: word.word, chars: word.chars };
}

/** A variable's value is split at whitespace when the unit expands `$VAR`; quotes are gone by then. */
function splitOnSpace(word: ShellWord, from: number): Piece[] {
  const pieces: Piece[] = [];
  let text = '';
  let chars: number[] = [];
  for (let index = from; index <= word.word.length; index++) {
    const char = word.word[index];
    if (char === undefined || /\s/.test(char)) {
      if (text !== '') pieces.push({ text, chars });
      text = '';
      chars = [];
      continue;
    }
    text += char;
    chars.push(word.chars[index] ?? 0);
  }
  return pieces;
}

function addFlags(pieces: readonly Piece[], origin: string, line: LogicalLine, valueAt: number, flags: FileFlag[], ranges: FlagRanges[]): void {
  const offset = (piece: Piece, index: number): number => line.offsets[valueAt + (piece.chars[index] ?? 0)] ?? 0;
  const at = (piece: Piece, from: number, to: number): OffsetRange => [offset(piece, from), offset(piece, to - 1) + 1];
  const chars = (piece: Piece, from: number): number[] => Array.from({ length: piece.text.length - from }, (_, index) => offset(piece, from + index));
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index];
    if (!piece || !piece.text.startsWith('-') || piece.text === '-' || piece.text === '--') continue;
    const dashes = piece.text.startsWith('--') ? 2 : 1;
    const equals = piece.text.indexOf('=');
    if (equals !== -1) {
      flags.push({ name: piece.text.slice(dashes, equals), value: piece.text.slice(equals + 1), origin });
      ranges.push({
        whole: at(piece, 0, piece.text.length),
        name: at(piece, 0, equals),
        value: equals + 1 < piece.text.length ? at(piece, equals + 1, piece.text.length) : undefined,
        valueText: piece.text.slice(equals + 1),
        valueChars: chars(piece, equals + 1),
      });
      continue;
    }
    const name = piece.text.slice(dashes);
    const next = pieces[index + 1];
    if (next && !next.text.startsWith('-') && !BOOLEAN_FLAGS.has(name)) {
      const nameRange = at(piece, 0, piece.text.length);
      const valueRange = at(next, 0, next.text.length);
      flags.push({ name, value: next.text, origin });
      ranges.push({ whole: [nameRange[0], valueRange[1]], name: nameRange, value: valueRange, valueText: next.text, valueChars: chars(next, 0) });
      index++;
      continue;
    }
    flags.push({ name, value: null, origin });
    const range = at(piece, 0, piece.text.length);
    ranges.push({ whole: range, name: range, value: undefined, valueText: '', valueChars: [] });
  }
}

function nullProto(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(newPlainMap(), entries);
}
