#!/usr/bin/env bash
# The Lint step of action.yml. Lints twice (linting is fast): once to SARIF, kept for
# code scanning and read back for the job summary and the step outputs, then once for the log:
# the readable report plus annotations on the diff (ballast adds them when GITHUB_ACTIONS=true
# and no --format is given). That run's exit status is the step's: 1 at findings at or above
# fail-on, 2 for a usage or config error.
# Inputs come as environment variables (INPUT_*), never pasted into the script.
set -uo pipefail

ballast=(node "${BALLAST_CLI:?BALLAST_CLI is the path of dist/bin/ballast.js}")
# Paths may come one per line or space-separated; globs stay unexpanded for ballast to match.
read -r -d "" -a paths <<< "${INPUT_PATHS:-.}"
options=(--fail-on "${INPUT_FAIL_ON:-error}")
[[ -n "${INPUT_CONFIG:-}" ]] && options+=(--config "$INPUT_CONFIG")
[[ -n "${INPUT_KUBE_VERSION:-}" ]] && options+=(--kube-version "$INPUT_KUBE_VERSION")

sarif="${INPUT_SARIF_FILE:-}"
if [[ -z "$sarif" ]]; then
  sarif="$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ballast-XXXXXX.sarif")"
  trap 'rm -f "$sarif"' EXIT
fi
mkdir -p "$(dirname "$sarif")"

"${ballast[@]}" --format sarif "${options[@]}" -- "${paths[@]}" > "$sarif"
status=$?
if [[ $status -ge 2 ]]; then
  echo "::error title=ballast::ballast could not run (exit $status); see the message above."
  exit "$status"
fi

node "${BALLAST_SUMMARY:?BALLAST_SUMMARY names the summary script}" "$sarif"
[[ -n "${INPUT_SARIF_FILE:-}" && -n "${GITHUB_OUTPUT:-}" ]] && echo "sarif-file=$INPUT_SARIF_FILE" >> "$GITHUB_OUTPUT"

GITHUB_ACTIONS=true "${ballast[@]}" "${options[@]}" -- "${paths[@]}"
