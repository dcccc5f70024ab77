#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, on a fresh Debian machine:
# - the real peers the integration tests run, from Debian: HAProxy, keepalived, the OFFIS
#   DICOM toolkit, socat, iproute2 (network namespaces), nftables, ping, sysctl, unshare, openssl,
#   and Chromium with two fonts for the browser test of the visual report;
# - the engines of the end-to-end tests (scripts/engine/build-engine.sh, docs/engine.md): every
#   Terraform or OpenTofu already on the PATH; OpenTofu is built from the Go module proxy only
#   when neither is (3-6 minutes cold), plus the null provider stand-in (about a minute cold);
#   cached outside the repo, under a second warm.
# Idempotent: installs only what is missing. Needs root (or sudo) and Go.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(haproxy keepalived dcmtk socat iproute2 nftables iputils-ping procps util-linux openssl chromium fonts-dejavu-core fonts-liberation)
bash scripts/ensure-debian-packages.sh install-test-tools "${packages[@]}"
echo "install-test-tools: ${packages[*]} present"

bash scripts/install-l4-kernel.sh
engines=$(bash scripts/engine/build-engine.sh | sed -n 's/^PACS_LB_ENGINE=\([a-z]*\) \([^ ]*\) .*/\1 \2/p' | paste -sd, -)
echo "install-test-tools: end-to-end engines: ${engines} (see docs/engine.md)"
