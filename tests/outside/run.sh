#!/usr/bin/env bash
# Outside clients (grpcurl, Python grpcio) against the real binary.
# Creates its own virtualenv under target/ so a fresh machine needs nothing installed by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/outside-venv
if [ ! -x "$venv/bin/pytest" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r tests/outside/requirements.txt
fi
cargo build --quiet --bin threatlens
PATH="$PWD/$venv/bin:$PATH" THREATLENS_BIN="$PWD/target/debug/threatlens" "$venv/bin/pytest" -q tests/outside
