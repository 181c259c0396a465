import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'vitest';

/** The kubeadm schemas are what their generator makes of the kubeadm Go types (fetched into scripts/vendor/, never committed). */
const root = resolve(import.meta.dirname, '..');
const sources = ['v1beta3', 'v1beta4'].map((version) => resolve(root, `scripts/vendor/kubeadm-${version}.structs.go`));

it.skipIf(!sources.every((path) => existsSync(path)))('kubeadm schemas are current with the kubeadm types (skipped when scripts/vendor/ has not been fetched)', () => {
  execFileSync(process.execPath, [resolve(root, 'scripts/gen-kubeadm-schemas.mjs'), '--check'], { stdio: 'pipe' });
});
