/**
 * Reading and parsing files, on this thread or on the threads that a large run starts (see
 * `streamFiles` in node.ts). A thread loads only this module and the parser, so it starts in a
 * few milliseconds, and it hands back what JSON.parse rebuilds fastest: one JSON text of a
 * file's values, with the position tables transferred (not copied).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { InputLimits } from './parse/limits.js';
import { tooLarge, unreadableFile } from './parse/index.js';
import { parseSplitting } from './render/helm-stream.js';
import type { ParsedFile } from './parse/source.js';
import { toWire, transferablesOf, type WireFile } from './parse/wire.js';

export interface SizedFile {
  path: string;
  absolute: string;
  /** From the stat that found the file's size: not taken again before reading. */
  size: number;
}

/** A file parsed (a rendered Helm stream as one file per template), or a finding that says why it could not be read. */
export function readAndParse(file: SizedFile, limits: InputLimits): ParsedFile[] {
  if (file.size > limits.maxFileBytes) return [tooLarge(file.path, file.size, limits)];
  let bytes: Buffer | undefined;
  try {
    bytes = readBounded(file.absolute, limits.maxFileBytes);
  } catch (error) {
    return [unreadableFile(file.path, (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)))];
  }
  if (bytes === undefined) return [tooLarge(file.path, limits.maxFileBytes + 1, limits)];
  return parseSplitting(file.path, bytes, limits);
}

/**
 * The file's bytes, read up to the size limit (undefined past it): the size from the stat is not
 * trusted, since /proc and /sys files report 0 and may never end. Opened without blocking, so a
 * pipe named like a manifest does not hang the run, and refused unless it is a regular file.
 * The buffer starts one byte past the size fstat gives (so a file that grew is noticed) and
 * doubles only when that fills: a fixed 1 MB buffer per file cost a small run more in allocation
 * and garbage collection than reading did.
 */
function readBounded(path: string, limit: number): Buffer | undefined {
  const descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, (stats.size || UNKNOWN_SIZE_GUESS) + 1));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const larger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(larger, 0, 0, total);
        buffer = larger;
      }
      const read = readSync(descriptor, buffer, total, buffer.length - total, null);
      if (read === 0) return buffer.subarray(0, total);
      total += read;
      if (total > limit) return undefined;
    }
  } finally {
    closeSync(descriptor);
  }
}

/** First buffer for a file whose stat says 0 bytes (kernel files, which may still hold text). */
const UNKNOWN_SIZE_GUESS = 64 * 1024;

export interface ParseJob {
  ballastParseJob: true;
  files: SizedFile[];
  limits: InputLimits;
  /** One Int32: the index of the next file to take, shared by all threads of the run. */
  cursor: SharedArrayBuffer;
}

export interface WorkerBatch {
  files: WireFile[];
}

/** Small enough that the first batch reaches the linting thread early, large enough to keep messages few. */
const BATCH_BYTES = 256 * 1024;

/** A share of a parallel run: files from the shared cursor up to about `bytes` (none when all are taken). */
export function claimFiles(files: readonly SizedFile[], cursor: Int32Array, bytes: number): SizedFile[] {
  const share: SizedFile[] = [];
  let claimed = 0;
  while (claimed < bytes) {
    const file = files[Atomics.add(cursor, 0, 1)];
    if (!file) break;
    share.push(file);
    claimed += file.size;
  }
  return share;
}

/** Each share goes back as one batch. */
function runParseJob(job: ParseJob): void {
  const cursor = new Int32Array(job.cursor);
  for (let share = claimFiles(job.files, cursor, BATCH_BYTES); share.length > 0; share = claimFiles(job.files, cursor, BATCH_BYTES)) {
    const batch: WorkerBatch = { files: [] };
    for (const file of share) for (const each of readAndParse(file, job.limits)) batch.files.push(toWire(each));
    parentPort?.postMessage(batch, transferablesOf(batch.files));
  }
}

if (!isMainThread && (workerData as Partial<ParseJob> | null)?.ballastParseJob) runParseJob(workerData as ParseJob);
