#!/usr/bin/env bash
# Runs every benchmark in bench/ (files named *.bench.ts), one after another, so their
# figures do not disturb each other. Each prints its own figures and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
# Benchmarks import the library; build it so they measure the current code.
npm run --silent build >/dev/null
for bench in bench/*.bench.ts; do
  echo "=== ${bench}"
  npx tsx "${bench}" || status=1
  echo
done
exit "${status}"
