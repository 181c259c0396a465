import { defineRule } from '../src/engine/rule.js';
import { lastFlag, type Flag } from '../src/model/flags.js';

/** etcd's defaults and bound (server/embed/config.go: DefaultTickMs 100, DefaultElectionMs 1000, maxElectionMs 50000). */
const DEFAULT_HEARTBEAT_MS = 100;
const DEFAULT_ELECTION_MS = 1000;
const MAX_ELECTION_MS = 50000;

type MessageId = 'malformed' | 'notPositive' | 'ratio' | 'tooLong' | 'choice' | 'envConflict';

/** Flags etcd checks against a fixed set of values (Config.Validate). */
const CHOICES: Readonly<Record<string, readonly string[]>> = {
  'initial-cluster-state': ['new', 'existing'],
  'auto-compaction-mode': ['', 'periodic', 'revision'],
};

export default defineRule<MessageId>({
  meta: {
    id: 'etcd-flags-invalid',
    scope: 'set',
    category: 'control-plane',
    severity: 'error',
    summary:
      'etcd flags etcd refuses to start with: `--election-timeout` below 5× `--heartbeat-interval` or above 50000 ms, non-positive or non-integer timings, an unknown `--initial-cluster-state`/`--auto-compaction-mode`, or a flag also set through its `ETCD_*` variable.',
    rationale:
      'etcd validates its Raft timing before it serves (Config.Validate in server/embed/config.go): `--heartbeat-interval` and `--election-timeout` must be positive integers of milliseconds, the election timeout at least 5 times the heartbeat interval ("--election-timeout[…ms] should be at least as 5 times as --heartbeat-interval[…ms]") and at most 50000 ms ("is too long"). A member that fails validation exits at start: on a stacked control plane the static pod crash-loops and the API server loses that member, and a rolling change of the flags takes quorum down member by member. The defaults are 100 ms and 1000 ms; the etcd tuning guide recommends a heartbeat near the round-trip time between members and an election timeout about 10 times that. Flags come from etcd static pods (kubeadm, external etcd recognised by image and flags, kops etcd-manager through its `ETCD_*` environment, which etcd reads for every flag the command line leaves unset) and from kubeadm `etcd.local.extraArgs`. `--initial-cluster-state` must be `new` or `existing` and `--auto-compaction-mode` `periodic` or `revision` (same function). A flag given both on the command line and as its `ETCD_*` environment variable is fatal since etcd 3.4 (pkg/flags verifyEnv: "conflicting environment variable … is shadowed by corresponding command-line flag"). A pod started with `--config-file` ignores its other flags, so only the environment conflict is judged there.',
    fix: 'Set `--election-timeout` to at least 5 (better about 10) times `--heartbeat-interval`, both in whole milliseconds, and keep the election timeout at or below 50000 ms (for example `--heartbeat-interval=250 --election-timeout=2500` across regions).',
    appliesTo: ['Pod', 'ClusterConfiguration'],
    since: '0.1.0',
    messages: {
      malformed: 'etcd flag --{{flag}} is "{{value}}", not a whole number of milliseconds: etcd refuses to start.',
      notPositive: 'etcd flag --{{flag}} is {{value}}: etcd requires it to be greater than 0 and refuses to start.',
      ratio: 'etcd --election-timeout {{election}} ms is less than 5 × --heartbeat-interval {{heartbeat}} ms: etcd refuses to start ("should be at least as 5 times as --heartbeat-interval").',
      tooLong: "etcd --election-timeout {{election}} ms is above etcd's maximum of 50000 ms: etcd refuses to start.",
      choice: 'etcd flag --{{flag}} is "{{value}}"; etcd accepts only {{allowed}} and refuses to start.',
      envConflict: 'etcd gets --{{flag}} both on its command line and as {{variable}}: etcd exits at start ("conflicting environment variable is shadowed by corresponding command-line flag").',
    },
  },
  check(context) {
    for (const view of context.cluster.controlPlane.clusters) {
      for (const entry of view.components) {
        if (entry.component !== 'etcd') continue;
        const report = (flag: Flag, messageId: MessageId, data: Record<string, string | number>): void => context.report({ at: entry.object.at(...flag.path), object: entry.object, messageId, data });
        if (reportEnvConflicts(entry.flags, report) || lastFlag(entry.flags, 'config-file')) continue;
        for (const [name, allowed] of Object.entries(CHOICES)) {
          const flag = lastFlag(entry.flags, name);
          if (flag && !allowed.includes(flag.value ?? '')) report(flag, 'choice', { flag: name, value: flag.value ?? '', allowed: allowed.filter((item) => item !== '').join(' or ') });
        }
        const heartbeatFlag = lastFlag(entry.flags, 'heartbeat-interval');
        const electionFlag = lastFlag(entry.flags, 'election-timeout');
        if (!heartbeatFlag && !electionFlag) continue;
        const heartbeat = milliseconds(heartbeatFlag, DEFAULT_HEARTBEAT_MS);
        const election = milliseconds(electionFlag, DEFAULT_ELECTION_MS);
        // etcd stops at the first failed check, so one finding per member: the first etcd reports.
        let failed = false;
        for (const [flag, value] of [
          [heartbeatFlag, heartbeat],
          [electionFlag, election],
        ] as const) {
          if (!flag || failed) continue;
          if (value === undefined) {
            report(flag, 'malformed', { flag: flag.name, value: flag.value ?? '' });
            failed = true;
          } else if (value <= 0) {
            report(flag, 'notPositive', { flag: flag.name, value });
            failed = true;
          }
        }
        if (failed || heartbeat === undefined || election === undefined) continue;
        const at = electionFlag ?? heartbeatFlag;
        if (!at) continue;
        if (5 * heartbeat > election) report(at, 'ratio', { election, heartbeat });
        else if (election > MAX_ELECTION_MS && electionFlag) report(electionFlag, 'tooLong', { election });
      }
    }
  },
});

/** A uint flag as pflag parses it (decimal digits); the default when the flag is absent. */
function milliseconds(flag: Flag | undefined, fallback: number): number | undefined {
  if (!flag) return fallback;
  const text = flag.value?.trim() ?? '';
  if (/^-\d+$/.test(text)) return Number(text);
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * A static pod's `ETCD_*` variables come first in its flags, marked by an `env` path; the same
 * flag on the command line is fatal. Whether any conflict was reported.
 */
function reportEnvConflicts(flags: readonly Flag[], report: (flag: Flag, messageId: MessageId, data: Record<string, string | number>) => void): boolean {
  const fromEnv = (flag: Flag): boolean => flag.path.includes('env');
  let found = false;
  for (const variable of flags.filter(fromEnv)) {
    if (!flags.some((flag) => !fromEnv(flag) && flag.name === variable.name)) continue;
    report(variable, 'envConflict', { flag: variable.name, variable: `ETCD_${variable.name.toUpperCase().replace(/-/g, '_')}` });
    found = true;
  }
  return found;
}
