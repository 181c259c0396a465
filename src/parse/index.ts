import { kubeletFlagFileParser } from './flags-files.js';
import { DEFAULT_LIMITS, type InputLimits } from './limits.js';
import { SourceFile, type InputProblem, type ParsedFile } from './source.js';
import { parseYamlFile } from './yaml.js';

/** A parser for a non-YAML file format (kubelet flag files, systemd drop-ins...). */
export interface FileParser {
  /** Whether this parser reads the file, judged by its name and, cheaply, its text. */
  matches(path: string, text: string): boolean;
  parse(path: string, text: string, limits: InputLimits): ParsedFile;
}

/** Parsers tried before YAML, in order; formats add themselves here. */
export const fileParsers: FileParser[] = [kubeletFlagFileParser];

export { DEFAULT_LIMITS, type InputLimits };

export function parseText(path: string, text: string, limits: InputLimits = DEFAULT_LIMITS): ParsedFile {
  if (text.length > limits.maxFileBytes) return tooLarge(path, text.length, limits);
  for (const parser of fileParsers) {
    if (parser.matches(path, text)) return parser.parse(path, text, limits);
  }
  return parseYamlFile(path, text, limits);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8, reporting binary or malformed input with the line it starts on. */
export function parseBytes(path: string, bytes: Uint8Array, limits: InputLimits = DEFAULT_LIMITS): ParsedFile {
  if (bytes.length > limits.maxFileBytes) return tooLarge(path, bytes.length, limits);
  const nul = bytes.indexOf(0);
  if (nul !== -1) return unreadable(path, bytes, nul, 'binary');
  try {
    return parseText(path, utf8.decode(bytes), limits);
  } catch {
    return unreadable(path, bytes, firstInvalidUtf8(bytes), 'encoding');
  }
}

export function tooLarge(path: string, size: number, limits: InputLimits): ParsedFile {
  return problemFile(new SourceFile(path, ''), {
    ruleId: 'input-limit',
    messageId: 'fileSize',
    data: { size: formatSize(size), limit: formatSize(limits.maxFileBytes) },
    range: [0, 0],
    document: 0,
  });
}

/**
 * A file that could not be read (its permissions, removed since it was found, not a regular file)
 * is a finding on its first line, not a line on stderr: a run must not pass over what it never
 * read. A name that is not valid UTF-8 reaches Node as one with U+FFFD in it, under which the file
 * cannot be found; it is named as such.
 */
export function unreadableFile(path: string, reason: string): ParsedFile {
  const badName = reason === 'ENOENT' && path.includes('\uFFFD');
  return problemFile(new SourceFile(path, ''), { ruleId: 'parse-error', messageId: badName ? 'fileName' : 'unreadable', data: { reason }, range: [0, 0], document: 0 });
}

function unreadable(path: string, bytes: Uint8Array, offset: number, messageId: 'binary' | 'encoding'): ParsedFile {
  // Positions need text: keep the valid prefix so the reported line is the one holding the bad byte.
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const file = new SourceFile(path, prefix);
  return problemFile(file, { ruleId: 'parse-error', messageId, data: {}, range: [prefix.length, prefix.length], document: 0 });
}

function problemFile(file: SourceFile, problem: InputProblem): ParsedFile {
  return { file, documentCount: 1, documents: [], problems: [problem], comments: [] };
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range also excludes overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    const [low, high] = byte === 0xe0 ? [0xa0, 0xbf] : byte === 0xed ? [0x80, 0x9f] : byte === 0xf0 ? [0x90, 0xbf] : byte === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (length > 1 && (second < low || second > high)) return i;
    for (let k = 2; k < length; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}
