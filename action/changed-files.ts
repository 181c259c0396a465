/**
 * The files a pull request changes, found offline: the event payload names the pull request's
 * head commit, and the checkout has the commits to compare. actions/checkout checks out the
 * merge commit of a pull request (refs/pull/N/merge); its first parent is the base branch as
 * merged, so `git diff HEAD^1 HEAD` is exactly what the pull request changes. That needs the
 * parent in the checkout: `fetch-depth: 2` (the default depth of 1 has only the merge commit).
 * A checkout of the head commit itself (`ref: ${{ github.event.pull_request.head.sha }}`) is
 * compared with its merge base with the base commit the payload names (`base...HEAD`), which
 * needs the history down to that merge base (`fetch-depth: 0`).
 * The webhook payload itself does not list files (only a count), and asking the API would need
 * the network and a token; this needs neither.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export type ChangedFiles = { files: ReadonlySet<string> } | { unavailable: string };

interface PullRequestEvent {
  pull_request?: { base?: { sha?: string }; head?: { sha?: string } };
}

/** Paths relative to `workspace` (the repository root), as `git diff --relative` prints them. */
export function changedFiles(env: NodeJS.ProcessEnv, workspace: string): ChangedFiles {
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (!eventPath) return { unavailable: 'GITHUB_EVENT_PATH is not set' };
  let event: PullRequestEvent;
  try {
    event = JSON.parse(readFileSync(eventPath, 'utf8')) as PullRequestEvent;
  } catch (error) {
    return { unavailable: `cannot read the event payload (${error instanceof Error ? error.message : String(error)})` };
  }
  const head = event.pull_request?.head?.sha;
  const base = event.pull_request?.base?.sha;
  if (!head || !base) return { unavailable: `the ${env['GITHUB_EVENT_NAME'] ?? ''} event is not a pull request` };

  const git = (...args: string[]): string | undefined => {
    const run = spawnSync('git', ['-c', 'core.quotePath=false', ...args], { cwd: workspace, encoding: 'utf8', maxBuffer: 256 << 20 });
    return run.status === 0 ? run.stdout : undefined;
  };
  const [current, ...parents] = git('rev-list', '--parents', '-n', '1', 'HEAD')?.trim().split(' ') ?? [];
  // The merge commit of the pull request (its second parent is the head the payload names), or the head itself.
  const range = parents.length === 2 && parents[1] === head ? [`${parents[0]}`, 'HEAD'] : current === head ? [`${base}...HEAD`] : undefined;
  // `--` ends the revisions: nothing after the range can be read as one, or as an option.
  const listed = range && git('diff', '--name-only', '-z', '--relative', '--no-renames', ...range, '--');
  if (listed === undefined) {
    return { unavailable: 'the checkout has neither the merge commit with its base parent nor the head commit with the base history (use actions/checkout with fetch-depth: 2)' };
  }
  return { files: new Set(listed.split('\0').filter(Boolean)) };
}
