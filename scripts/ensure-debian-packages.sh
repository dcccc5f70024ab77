#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet (idempotent):
# `scripts/ensure-debian-packages.sh <who> <package>...`, where <who> prefixes its messages.
# Needs root or sudo when something is missing; waits for another apt run holding the lock.
set -euo pipefail
who="$1"
shift
missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "${package}" 2>/dev/null | grep -q "install ok installed" || missing+=("${package}")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "${who}: installing ${missing[*]}" >&2
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
