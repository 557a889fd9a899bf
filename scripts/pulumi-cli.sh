#!/usr/bin/env bash
# Builds the Pulumi CLI and the Node.js language host pinned by tools/pulumi/go.mod, and Pulumi's
# YAML language host pinned by tools/yaml/go.mod (a module of its own: pulumi-yaml builds against
# an older pkg/v3 than the CLI's), once per machine, into a cache folder outside the repository,
# and prints that folder's bin/ on stdout (progress goes to stderr). Put it first on PATH to use that CLI:
#
#   PATH="$(bash scripts/pulumi-cli.sh):$PATH" pulumi version
#
# The CLI is cached by the module versions it is built from; the folder printed, by those and a
# hash of the language host and the launchers, so a change to the host rebuilds only the host.
# PULUMI_CLI_CACHE moves the cache (default: ${XDG_CACHE_HOME:-~/.cache}/pulumi-cloudflare-user-invites/pulumi-cli).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$repo/tools/pulumi"
yaml_tools="$repo/tools/yaml"

if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<'MSG'
scripts/pulumi-cli.sh: Go is not installed, and the engine tests build the Pulumi CLI from its Go
modules. Install Go 1.26 or later (https://go.dev/dl/, or your system's golang package) and make
sure `go` is on PATH, then run this again.
MSG
  exit 1
fi

version=$(cd "$tools" && go list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3)
hash() { sha256sum | cut -c1-12; }
# The CLI depends only on the module versions it is built from (not on go.mod's comments or on our
# host's code), so it is cached apart: a change to the host rebuilds the host alone (seconds),
# not the CLI (minutes).
cli_key=$(cd "$tools" && go list -m -f '{{.Path}} {{.Version}}{{with .Replace}} => {{.Path}} {{.Version}}{{end}}' all | hash)
host_key=$(cd "$tools" && { go list -m -f '{{.Path}} {{.Version}}' all; find cmd launchers -type f -print0 | sort -z | xargs -0 sha256sum; } | hash)
yaml_version=$(cd "$yaml_tools" && go list -m -f '{{.Version}}' github.com/pulumi/pulumi-yaml)
yaml_key=$(cd "$yaml_tools" && go list -m -f '{{.Path}} {{.Version}}{{with .Replace}} => {{.Path}} {{.Version}}{{end}}' all | hash)
cache="${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/pulumi-cloudflare-user-invites/pulumi-cli}"
cli="$cache/cli-$version-$cli_key/pulumi"
yaml="$cache/yaml-$yaml_version-$yaml_key/pulumi-language-yaml"
bin="$cache/$version-$cli_key-$host_key-$yaml_key/bin"

if [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ] && [ -x "$bin/pulumi-language-yaml" ] &&
  [ -x "$bin/pulumi-resource-pulumi-nodejs" ]; then
  echo "$bin"
  exit 0
fi

staging="$cache/.building-$$"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging"

build() { # output path, package, extra ldflags, module folder
  local started=$SECONDS name
  name=$(basename "$1")
  echo "pulumi-cli: building $name (a first build downloads modules and takes several minutes)..." >&2
  (cd "$4" && go build -trimpath -ldflags "-s -w $3" -o "$1" "$2") &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 15
    kill -0 "$pid" 2>/dev/null && echo "pulumi-cli: still building $name ($((SECONDS - started)) s)" >&2
  done
  wait "$pid"
  echo "pulumi-cli: built $name in $((SECONDS - started)) s" >&2
}

if [ ! -x "$cli" ]; then
  build "$staging/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
    "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" "$tools"
  mkdir -p "$(dirname "$cli")"
  mv "$staging/pulumi" "$cli"
fi
if [ ! -x "$yaml" ]; then
  build "$staging/pulumi-language-yaml" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml \
    "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=$yaml_version" "$yaml_tools"
  mkdir -p "$(dirname "$yaml")"
  mv "$staging/pulumi-language-yaml" "$yaml"
fi
sdk_version="${version#v}"
build "$staging/pulumi-language-nodejs" ./cmd/pulumi-language-nodejs "-X main.sdkVersion=$sdk_version" "$tools"
cp "$cli" "$staging/pulumi"
cp "$yaml" "$staging/pulumi-language-yaml"
cp "$tools/launchers/"* "$staging/"
chmod +x "$staging/"*

mkdir -p "$(dirname "$bin")"
rm -rf "$bin"
mv "$staging" "$bin"
trap - EXIT
echo "pulumi-cli: $("$bin/pulumi" version) ready in $bin" >&2
echo "$bin"
