#!/usr/bin/env bash
# Runs every benchmark in bench/ (files named *.bench.ts), one after another, so their
# figures do not disturb each other. Each prints its own figures and ratios.
# Everything printed also goes to bench/results.md (what README.md links), headed by the
# machine, the load before and after, and the Node version: figures without them mean little.
# Usage: npm run bench [-- <output file, default bench/results.md>]
set -euo pipefail
cd "$(dirname "$0")/.."
results=${1:-bench/results.md}
status=0
# Benchmarks import the library; build it so they measure the current code.
npm run --silent build >/dev/null

load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu=$(sed -n 's/^model name\s*:\s*//p' /proc/cpuinfo | head -n1)
memory=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
haproxy_version=$(haproxy -v 2>/dev/null | head -n1) || true
load_before=$(load)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
body=$(mktemp)
trap 'rm -f "${body}"' EXIT

run_all() {
  local failed=0
  for bench in bench/*.bench.ts; do
    echo "=== ${bench}"
    npx tsx "${bench}" || failed=1
    echo
  done
  return "${failed}"
}
if ! run_all 2>&1 | tee "${body}"; then status=1; fi

{
  echo '# Benchmark results'
  echo
  echo '<!-- Written by `npm run bench` (bench/run-all.sh); rerun it to replace this file. -->'
  echo
  echo "- taken: ${started}, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- machine: $(nproc) CPU cores (${cpu:-unknown CPU}), ${memory}, $(uname -sr)"
  echo "- load average (1, 5, 15 min): ${load_before} before, $(load) after; other work on the machine is not stopped"
  echo "- Node $(node --version); ${haproxy_version:-HAProxy: not found}"
  echo "- exit status: ${status}"
  echo
  echo '```'
  cat "${body}"
  echo '```'
} >"${results}"
echo "bench: figures written to ${results}"
exit "${status}"
