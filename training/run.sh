#!/usr/bin/env bash
# Rebuild models/threatlens-minilm/ from registry packages and training/data/.
#   training/run.sh            full run (venv, data composers, encoder, heads, evaluation, card)
#   PYTHON=/path/python training/run.sh   use an existing interpreter instead of creating training/.venv
# Environment: THREADS (onnxruntime intra-op threads, default 2), SKIP_TESTS=1 to skip pytest.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$ROOT"
start=$(date +%s)

if [[ -z "${PYTHON:-}" ]]; then
  if [[ ! -x "$HERE/.venv/bin/python" ]]; then
    python3 -m venv "$HERE/.venv"
  fi
  PY="$HERE/.venv/bin/python"
  "$PY" -m pip install --quiet --upgrade pip
  "$PY" -m pip install --quiet -r "$HERE/requirements.txt"
  "$PY" -m pip install --quiet --no-deps -r "$HERE/requirements-model.txt"
else
  PY="$PYTHON"
fi
export PYTHONHASHSEED=0 OMP_NUM_THREADS="${THREADS:-2}" OPENBLAS_NUM_THREADS="${THREADS:-2}" MKL_NUM_THREADS="${THREADS:-2}"
export PYTHONPATH="$HERE${PYTHONPATH:+:$PYTHONPATH}"

echo "== data composers"
shopt -s nullglob
for g in "$HERE"/data/gen/*.py; do
  echo "   $(basename "$g")"
  "$PY" "$g"
done

if [[ -f "$HERE/actors/build_actors.py" ]]; then
  echo "== actor knowledge base"
  "$PY" "$HERE/actors/build_actors.py"
fi

echo "== encoder export + verification"
"$PY" -m threatlens_train.export

echo "== features, heads, evaluation"
"$PY" -m threatlens_train.train --threads "${THREADS:-2}"

if [[ "${SKIP_TESTS:-0}" != "1" ]]; then
  echo "== tests"
  "$PY" -m pytest -q "$HERE/tests"
fi
echo "== done in $(( $(date +%s) - start )) s"
