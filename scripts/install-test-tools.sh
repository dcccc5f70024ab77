#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, on a fresh Debian machine:
# - the real peers the integration tests run, from Debian: HAProxy, keepalived, the OFFIS
#   DICOM toolkit, socat, iproute2 (network namespaces), nftables, ping, sysctl, unshare, openssl,
#   and Chromium with two fonts for the browser test of the visual report;
# - the engine of the end-to-end tests: OpenTofu built from the Go module proxy and cached
#   outside the repo (scripts/engine/build-engine.sh: 3-6 minutes cold, under a second warm).
# Idempotent: installs only what is missing. Needs root (or sudo) and Go.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(haproxy keepalived dcmtk socat iproute2 nftables iputils-ping procps util-linux openssl chromium fonts-dejavu-core fonts-liberation)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "${package}" 2>/dev/null | grep -q "install ok installed" || missing+=("${package}")
done

if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "install-test-tools: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "install-test-tools: ${packages[*]} present"

bash scripts/install-l4-kernel.sh
bash scripts/engine/build-engine.sh >/dev/null
echo "install-test-tools: engine built (see docs/engine.md)"
