#!/usr/bin/env bash
# Prepares the engines the end-to-end tests drive, once:
# - every engine already on the PATH whose version is recent enough: `terraform`
#   (Terraform >= 1.5) and `tofu` (OpenTofu >= 1.6);
# - OpenTofu built from the Go module proxy (through the tools module in tools/), ONLY when
#   no engine is on the PATH, or when PACS_LB_BUILD_OPENTOFU=1 asks for it (to test OpenTofu
#   on a machine that has only Terraform; the build is cached, so asking again is cheap);
# - always: the null provider stand-in (in null-provider/), plus a CLI configuration whose
#   filesystem mirror lets `terraform init` / `tofu init` install it with no registry.
#
# Results are cached outside the repository, keyed by version and by a hash of the
# Go module files that pin them:
#   ${PACS_LB_TOOLS_CACHE:-$HOME/.cache/cdktf-pacs-lb}/engine/
# A second run with a warm cache only hashes a few files and prints the paths.
#
# Output (stdout, one KEY=value per line; progress goes to stderr):
#   PACS_LB_ENGINE=<terraform|opentofu> <version> <binary>     (one line per engine)
#   PACS_LB_TF_CLI_CONFIG=<CLI configuration file>
# Callers export TF_CLI_CONFIG_FILE (and TOFU_CLI_CONFIG_FILE) to the last path.
#
# Checksums: every module is checked against the go.sum files committed beside the
# Go modules (-mod=readonly refuses anything missing from them); those were written
# with the checksum database on. This script refuses to run with it switched off.
set -euo pipefail

engine_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tools_module="$engine_dir/tools"
null_module="$engine_dir/null-provider"
cache_dir="${PACS_LB_TOOLS_CACHE:-$HOME/.cache/cdktf-pacs-lb}/engine"

# The null provider version the stand-in answers as: the one @cdktf/provider-null
# 11.0.1 was generated from (its constraint is "~> 3.0").
null_version=3.2.4

# The oldest versions used from the PATH: the first of each with everything the tests and
# cdktf 0.21 rely on (filesystem mirrors, `version -json`, `show -json` of a saved plan).
min_terraform=1.5.0
min_opentofu=1.6.0

# Bump when the build flags below change, so cached builds made with the old flags are not reused.
build_recipe=1

log() { printf 'build-engine: %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

check_go_settings() {
  command -v go >/dev/null || fail "go is not on PATH. Install Go 1.26 or later."
  local sumdb
  sumdb=$(go env GOSUMDB)
  [[ "$sumdb" != off ]] || fail "GOSUMDB is off. Unset it so module checksums are verified."
  [[ -z "$(go env GONOSUMDB)$(go env GONOSUMCHECK)$(go env GOPRIVATE)" ]] ||
    fail "GONOSUMDB/GONOSUMCHECK/GOPRIVATE are set. Unset them so module checksums are verified."
  [[ "$(go env GOFLAGS)" != *-insecure* ]] || fail "GOFLAGS contains -insecure. Remove it."
}

# Short hash of what decides a module's build: its Go files, go.mod, go.sum and the recipe.
inputs_hash() {
  { echo "recipe $build_recipe"; cd "$1" && sha256sum go.mod go.sum $(find . -name '*.go' | LC_ALL=C sort); } | sha256sum | cut -c1-12
}

# Selected version of a module in a Go module's build list, e.g. v1.12.6.
required_version() {
  (cd "$1" && GOFLAGS=-mod=readonly go list -m -f '{{.Version}}' "$2")
}

# go build with release-like flags; refuses any go.sum change.
go_build() {
  local module_dir=$1 output=$2 package=$3 ldflags=$4
  (cd "$module_dir" && CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false" \
    go build -trimpath -ldflags "-s -w $ldflags" -o "$output" "$package")
}

build_tofu() {
  local target=$1
  log "building OpenTofu $tofu_version into $target (a cold build takes minutes)"
  go_build "$tools_module" "$target.tmp/tofu" github.com/opentofu/opentofu/cmd/tofu \
    "-X github.com/opentofu/opentofu/version.dev=no"
  mv "$target.tmp" "$target"
}

build_null_provider() {
  local target=$1 platform binary host
  platform="$(go env GOOS)_$(go env GOARCH)"
  log "building the null provider stand-in $null_version into $target"
  binary="$target.tmp/bin/terraform-provider-null_v$null_version"
  go_build "$null_module" "$binary" . ""
  # Unpacked filesystem-mirror layout: HOSTNAME/NAMESPACE/TYPE/VERSION/OS_ARCH/.
  # OpenTofu resolves hashicorp/null to registry.opentofu.org, Terraform to
  # registry.terraform.io; both are laid out.
  for host in registry.opentofu.org registry.terraform.io; do
    mkdir -p "$target.tmp/mirror/$host/hashicorp/null/$null_version/$platform"
    ln "$target.tmp/bin/terraform-provider-null_v$null_version" \
      "$target.tmp/mirror/$host/hashicorp/null/$null_version/$platform/terraform-provider-null_v$null_version"
  done
  mv "$target.tmp" "$target"
}

# CLI configuration: providers come from the mirror only, never from a registry.
write_cli_config() {
  local file=$1 mirror=$2
  cat >"$file.tmp" <<CONFIG
# Written by scripts/engine/build-engine.sh. Installs hashicorp/null from a local
# filesystem mirror; no provider is ever fetched from a registry.
disable_checkpoint = true

provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.opentofu.org/hashicorp/null", "registry.terraform.io/hashicorp/null"]
  }
}
CONFIG
  mv "$file.tmp" "$file"
}

# True when version $1 (x.y.z) is at least $2.
version_at_least() {
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

# Prints "<kind> <version> <path>" for the engine binary $1 on the PATH, if it is recent enough.
# The kind comes from what the binary says it is, not from its name.
engine_on_path() {
  local path first kind version minimum
  path=$(command -v "$1") || return 0
  first=$(CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null TOFU_CLI_CONFIG_FILE=/dev/null "$path" version 2>/dev/null | head -n1) || true
  case "$first" in
    "Terraform v"*) kind=terraform minimum=$min_terraform ;;
    "OpenTofu v"*) kind=opentofu minimum=$min_opentofu ;;
    *) log "ignoring $path: \`$1 version\` printed '$first'"; return 0 ;;
  esac
  version=${first#* v}
  version=${version%%[-+ ]*}
  if version_at_least "$version" "$minimum"; then
    printf '%s %s %s\n' "$kind" "$version" "$path"
  else
    log "ignoring $path: $kind $version is older than $minimum"
  fi
}

main() {
  check_go_settings
  mkdir -p "$cache_dir"
  # One build at a time (parallel test workers may call this together).
  exec 9>"$cache_dir/.lock"
  flock 9

  local engines=() line
  for binary in terraform tofu; do
    line=$(engine_on_path "$binary")
    [[ -z "$line" ]] || engines+=("$line")
  done

  tofu_version=$(required_version "$tools_module" github.com/opentofu/opentofu)
  local tofu_dir="$cache_dir/opentofu-$tofu_version-$(inputs_hash "$tools_module")"
  local null_dir="$cache_dir/null-provider-$null_version-$(inputs_hash "$null_module")"
  rm -rf "$tofu_dir.tmp" "$null_dir.tmp"
  if [[ ${#engines[@]} -eq 0 ]] || [[ "${PACS_LB_BUILD_OPENTOFU:-}" == 1 ]]; then
    [[ -x "$tofu_dir/tofu" ]] || build_tofu "$tofu_dir"
    engines+=("opentofu ${tofu_version#v} $tofu_dir/tofu")
  fi
  [[ -d "$null_dir/mirror" ]] || build_null_provider "$null_dir"
  [[ -f "$null_dir/cli.tfrc" ]] || write_cli_config "$null_dir/cli.tfrc" "$null_dir/mirror"

  for line in "${engines[@]}"; do
    printf 'PACS_LB_ENGINE=%s\n' "$line"
  done
  printf 'PACS_LB_TF_CLI_CONFIG=%s\n' "$null_dir/cli.tfrc"
}

main "$@"
