#!/usr/bin/env bash
# Installs the kernel the live Layer 4 tests boot (test/integration/layer4), idempotently:
# - from Debian: user-mode-linux (a kernel with IPVS run as a process), QEMU, Debian's own kernel (linux-image-amd64, whose modules have IPVS, veth,
#   bridge and nftables with NAT), busybox-static (virtme-ng's initramfs), ipvsadm, python3-venv;
# - from PyPI: virtme-ng (boots that kernel on the host's own files, read-only) into a venv cached
#   outside the repository: ${PACS_LB_TOOLS_CACHE:-$HOME/.cache/cdktf-pacs-lb}/virtme-ng-<version>.
# A second run with everything present only checks and prints the path of vng.
# Needs root (or sudo) for the Debian packages.
set -euo pipefail

vng_version=1.42
packages=(user-mode-linux qemu-system-x86 linux-image-amd64 busybox-static ipvsadm python3-venv kmod)
cache_dir="${PACS_LB_TOOLS_CACHE:-$HOME/.cache/cdktf-pacs-lb}"
venv="${cache_dir}/virtme-ng-${vng_version}"

bash "$(dirname "$0")/ensure-debian-packages.sh" install-l4-kernel "${packages[@]}"

if ! "${venv}/bin/vng" --version >/dev/null 2>&1; then
  echo "install-l4-kernel: installing virtme-ng ${vng_version} into ${venv}" >&2
  rm -rf "${venv}"
  mkdir -p "${cache_dir}"
  # Debian's python3, not a user's pyenv: the venv must outlive shell setups.
  /usr/bin/python3 -m venv "${venv}"
  "${venv}/bin/pip" install --quiet --disable-pip-version-check "virtme-ng==${vng_version}"
fi
echo "install-l4-kernel: PACS_LB_VNG=${venv}/bin/vng"
