#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, on a fresh Debian machine:
# the real peers the integration tests run (HAProxy, keepalived, the OFFIS DICOM toolkit,
# socat, iproute2 for network namespaces, nftables, ping, sysctl, unshare). Idempotent: installs only what is
# missing. Needs root (or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(haproxy keepalived dcmtk socat iproute2 nftables iputils-ping procps util-linux openssl)
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
