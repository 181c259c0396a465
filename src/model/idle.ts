/**
 * Containers that only wait: the pause image, or a command that sleeps or tails /dev/null and
 * nothing else (placeholders that hold a pod's namespaces or keep a debugging shell around).
 * They use next to no CPU or memory and serve nothing, so resource and probe rules do not size
 * or probe them.
 */
import { asString } from './access.js';
import { parseImageReference } from './image.js';
import type { ContainerRef } from './workload.js';

/** registry.k8s.io/pause, k8s.gcr.io/pause-amd64, rancher/mirrored-pause... */
const PAUSE_IMAGE = /(^|\/)(mirrored-)?pause(-(amd64|arm64|arm|ppc64le|s390x|windows))?$/;

/** Shells whose `-c` script is what the container runs. */
const SHELL = /^(\/usr)?(\/bin\/)?(sh|bash|ash|dash)$/;

/**
 * A script that waits forever or for a fixed time and does nothing else: `sleep infinity`,
 * `sleep 3600`, `exec sleep inf`, `tail -f /dev/null`, `while true; do sleep 30; done`.
 */
const IDLE_SCRIPT = /^(?:exec\s+)?(?:sleep\s+(?:infinity|inf|\d+[smhd]?)|tail\s+-f\s+\/dev\/null)$|^while\s+(?:true|:)\s*;?\s*do\s+sleep\s+\d+[smhd]?\s*;?\s*done$/;

export function isIdleContainer(container: ContainerRef): boolean {
  const argv: string[] = [];
  for (const key of ['command', 'args']) {
    const list = container.value[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item === 'number') argv.push(String(item));
      else if (typeof item === 'string') argv.push(item);
      else return false;
    }
  }
  if (argv.length === 0) {
    const repository = parseImageReference(asString(container.value['image']) ?? '')?.repository;
    return repository !== undefined && PAUSE_IMAGE.test(repository);
  }
  const [first = '', flag, script, ...rest] = argv;
  const run = SHELL.test(first) && flag === '-c' && script !== undefined && rest.length === 0 ? script : argv.join(' ');
  // `/bin/sleep infinity` is `sleep infinity`.
  return IDLE_SCRIPT.test(
    run
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/^(exec )?\/\S*\//, '$1'),
  );
}
