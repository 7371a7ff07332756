#!/usr/bin/env bash
# Runs the official omise-node client (node_modules/omise) against the emulator on a
# free port. omise-node cannot be given a port; tests/support/omise-node.cjs hands Node
# an http.Agent whose connections go to the emulator's port, so no root and no port 80.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/servers.sh

if [ ! -f node_modules/omise/package.json ]; then
  echo "conformance: node_modules/omise is missing; run 'make bootstrap' first" >&2
  exit 1
fi
start_emulator
echo "conformance: emulator at $EMU_URL"
OMISE_EMULATOR_URL="$EMU_URL" node --test tests/conformance/
