#!/usr/bin/env node
// The throughput baseline: read every YAML file under a directory and parse it with `yaml`
// (parseAllDocuments, YAML 1.1 as ballast uses) in one thread, doing nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

let documents = 0;
function walk(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.(ya?ml|json)$/.test(entry.name)) documents += parseAllDocuments(readFileSync(path, 'utf8'), { version: '1.1' }).length;
  }
}
walk(process.argv[2]);
process.stdout.write(`${documents}\n`);
