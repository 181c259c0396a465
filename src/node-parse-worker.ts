/**
 * Reading and parsing files, on this thread or on the threads that a large run starts (see
 * `streamFiles` in node.ts). A thread loads only this module and the parser, so it starts in a
 * few milliseconds, and it hands back what JSON.parse rebuilds fastest: one JSON text of a
 * file's values, with the position tables transferred (not copied).
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { InputLimits } from './parse/limits.js';
import { parseBytes, tooLarge } from './parse/index.js';
import type { ParsedFile } from './parse/source.js';
import { toWire, transferablesOf, type WireFile } from './parse/wire.js';

export interface SizedFile {
  path: string;
  absolute: string;
  /** From the stat that found the file's size: not taken again before reading. */
  size: number;
}

export interface Unreadable {
  path: string;
  reason: string;
}

export function readAndParse(file: SizedFile, limits: InputLimits): ParsedFile | Unreadable {
  if (file.size > limits.maxFileBytes) return tooLarge(file.path, file.size, limits);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.absolute);
  } catch (error) {
    return { path: file.path, reason: (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)) };
  }
  return parseBytes(file.path, bytes, limits);
}

export interface ParseJob {
  ballastParseJob: true;
  files: SizedFile[];
  limits: InputLimits;
  /** One Int32: the index of the next file to take, shared by all threads of the run. */
  cursor: SharedArrayBuffer;
}

export interface WorkerBatch {
  files: WireFile[];
  unreadable: Unreadable[];
}

/** Small enough that the first batch reaches the linting thread early, large enough to keep messages few. */
const BATCH_BYTES = 256 * 1024;

function runParseJob(job: ParseJob): void {
  const cursor = new Int32Array(job.cursor);
  let batch: WorkerBatch = { files: [], unreadable: [] };
  let batchBytes = 0;
  const flush = (): void => {
    parentPort?.postMessage(batch, transferablesOf(batch.files));
    batch = { files: [], unreadable: [] };
    batchBytes = 0;
  };
  for (let index = Atomics.add(cursor, 0, 1); index < job.files.length; index = Atomics.add(cursor, 0, 1)) {
    const file = job.files[index];
    if (!file) break;
    const parsed = readAndParse(file, job.limits);
    if ('reason' in parsed) batch.unreadable.push(parsed);
    else batch.files.push(toWire(parsed));
    batchBytes += file.size;
    if (batchBytes >= BATCH_BYTES) flush();
  }
  flush();
}

if (!isMainThread && (workerData as Partial<ParseJob> | null)?.ballastParseJob) runParseJob(workerData as ParseJob);
