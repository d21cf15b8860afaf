#!/usr/bin/env bash
# Start-up benchmark: scripts/firebrigade against plain jshell, on this machine, in one run.
#
#   scripts/bench-startup.sh [RUNS]        (default 10 runs each, after 2 warm-ups; uses hyperfine when installed)
#
# Measured, each from launch to the JVM's exit:
#   jshell        plain `jshell` starting and exiting (`echo /exit | jshell`), the baseline
#   repl          scripts/firebrigade to its ready prompt in the sandbox, then /exit
#   run create    scripts/firebrigade run on a one-line script that creates one action in the sandbox
# and the same two without the class data sharing archive (FIREBRIGADE_CDS=0). Results: repl/target/bench-startup.md
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${1:-10}"
out="$root/repl/target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

unset INCIDENT_IO_API_KEY INCIDENT_IO_BASE_URL
export FIREBRIGADE_HOME="$work/home"
fb="$root/scripts/firebrigade"
echo 'actions().forIncident("INC-2").describe("Call the fire brigade").assignTo("lisa@incident.io").create().await();' \
  > "$work/create-one.jsh"

# Build and record the class data sharing archive first, so neither is measured.
echo /exit | "$fb" >/dev/null 2>&1
mkdir -p "$out"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
commands=(
  "jshell|echo /exit | jshell"
  "repl|echo /exit | $fb"
  "run create|$fb run $work/create-one.jsh"
  "repl, no CDS|echo /exit | FIREBRIGADE_CDS=0 $fb"
  "run create, no CDS|FIREBRIGADE_CDS=0 $fb run $work/create-one.jsh"
)

if command -v hyperfine >/dev/null; then
  args=()
  for entry in "${commands[@]}"; do
    args+=(-n "${entry%%|*}" "${entry#*|}")
  done
  hyperfine --warmup 2 --runs "$runs" --export-markdown "$out/bench-startup.md" "${args[@]}"
else
  # No hyperfine: a loop with date, mean and min in milliseconds.
  {
    echo "| command | mean [ms] | min [ms] |"
    echo "|---|---|---|"
    for entry in "${commands[@]}"; do
      name="${entry%%|*}"; command="${entry#*|}"
      bash -c "$command" >/dev/null 2>&1; bash -c "$command" >/dev/null 2>&1
      total=0; min=""
      for ((i = 0; i < runs; i++)); do
        start=$(date +%s%N); bash -c "$command" >/dev/null 2>&1; end=$(date +%s%N)
        ms=$(((end - start) / 1000000)); total=$((total + ms))
        if [[ -z "$min" || $ms -lt $min ]]; then min=$ms; fi
      done
      echo "| $name | $((total / runs)) | $min |"
    done
  } | tee "$out/bench-startup.md"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
