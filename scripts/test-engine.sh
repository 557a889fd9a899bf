#!/usr/bin/env bash
# `npm run test:engine`: the engine suite (tests/engine) against the real Pulumi CLI.
# 1. Builds the pinned CLI and Node.js language host, or reuses the cached build (scripts/pulumi-cli.sh).
# 2. Runs the language host's Go unit tests (tools/pulumi).
# 3. Fetches Node.js 22 from the npm registry (`node@22`), for the Node 22 scenario.
# 4. Runs jest's `engine` project; extra arguments go to jest (e.g. a test file).
# Only this script touches a registry; the tests themselves reach nothing but 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

PULUMI_ENGINE_BIN=$(bash scripts/pulumi-cli.sh)
export PULUMI_ENGINE_BIN
echo "engine suite: $("$PULUMI_ENGINE_BIN/pulumi" version) from $PULUMI_ENGINE_BIN" >&2

echo "engine suite: the language host's Go tests (tools/pulumi)" >&2
# -trimpath: the same build cache as scripts/pulumi-cli.sh's build, so the SDK is not compiled twice.
(cd tools/pulumi && go test -trimpath -count=1 ./...)

PULUMI_ENGINE_NODE22=$(npx --yes node@22 -p process.execPath)
export PULUMI_ENGINE_NODE22
echo "engine suite: Node.js $("$PULUMI_ENGINE_NODE22" --version) for the Node 22 scenario" >&2

exec node node_modules/jest/bin/jest.js "$@" --selectProjects engine
