#!/usr/bin/env bash
# Fails, with a diff, when API.md is not what jsii-docgen writes from the library's doc
# comments. Regenerate it with `npm run docgen` (after `npm run build`).
#
#   scripts/check-api-docs.sh [--no-build] [API.md to check]
#
# It builds first (jsii), so the comparison is against the sources, not an old .jsii;
# --no-build compares against the .jsii the last build left.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=yes
if [ "${1:-}" = --no-build ]; then build=no; shift; fi
checked=$(realpath "${1:-$repo/API.md}")
cd "$repo"

if [ "$build" = yes ]; then JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="$(node -p "process.versions.node.split('.')[0]")" npm run --silent build >/dev/null; fi
fresh=$(mktemp -d "${TMPDIR:-/tmp}/pacs-lb-api-docs.XXXXXX")
trap 'rm -rf "$fresh"' EXIT
npx --no-install jsii-docgen -o "$fresh/API.md" 2>/dev/null

if [ ! -f "$checked" ]; then
  echo "API.md check: $checked does not exist. Run: npm run build && npm run docgen" >&2
  exit 1
fi
if ! diff -u --label "$checked (committed)" --label 'API.md (from the doc comments now)' "$checked" "$fresh/API.md" >"$fresh/diff"; then
  head -n 200 "$fresh/diff" >&2
  echo "API.md check: $checked is stale. Run: npm run build && npm run docgen, and commit API.md" >&2
  exit 1
fi
echo "API.md check: $checked is up to date"
