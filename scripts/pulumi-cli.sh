#!/usr/bin/env bash
# Builds the Pulumi CLI and the Node.js language host pinned by tools/pulumi/go.mod, once per
# machine, into a cache folder outside the repository, and prints that folder's bin/ on stdout
# (progress goes to stderr). Put it first on PATH to use that CLI:
#
#   PATH="$(bash scripts/pulumi-cli.sh):$PATH" pulumi version
#
# The cache key is the CLI version plus a hash of tools/pulumi (go.mod, go.sum, the language host,
# the launchers), so a change to any of them builds anew. PULUMI_CLI_CACHE moves the cache
# (default: ${XDG_CACHE_HOME:-~/.cache}/pulumi-cloudflare-user-invites/pulumi-cli).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$repo/tools/pulumi"

if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<'MSG'
scripts/pulumi-cli.sh: Go is not installed, and the engine tests build the Pulumi CLI from its Go
modules. Install Go 1.26 or later (https://go.dev/dl/, or your system's golang package) and make
sure `go` is on PATH, then run this again.
MSG
  exit 1
fi

version=$(cd "$tools" && go list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3)
key=$(cd "$tools" && find go.mod go.sum cmd launchers -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)
cache="${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/pulumi-cloudflare-user-invites/pulumi-cli}"
bin="$cache/$version-$key/bin"

if [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ] && [ -x "$bin/pulumi-resource-pulumi-nodejs" ]; then
  echo "$bin"
  exit 0
fi

staging="$cache/.building-$$"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging"

build() { # name, package, extra ldflags
  local started=$SECONDS
  echo "pulumi-cli: building $1 $version (the first build downloads modules and takes several minutes)..." >&2
  (cd "$tools" && go build -trimpath -ldflags "-s -w $3" -o "$staging/$1" "$2") &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 15
    kill -0 "$pid" 2>/dev/null && echo "pulumi-cli: still building $1 ($((SECONDS - started)) s)" >&2
  done
  wait "$pid"
  echo "pulumi-cli: built $1 in $((SECONDS - started)) s" >&2
}

sdk_version="${version#v}"
build pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
  "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version"
build pulumi-language-nodejs ./cmd/pulumi-language-nodejs "-X main.sdkVersion=$sdk_version"
cp "$tools/launchers/"* "$staging/"
chmod +x "$staging/"*

mkdir -p "$(dirname "$bin")"
rm -rf "$bin"
mv "$staging" "$bin"
trap - EXIT
echo "pulumi-cli: $("$bin/pulumi" version) ready in $bin" >&2
echo "$bin"
