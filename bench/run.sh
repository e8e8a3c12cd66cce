#!/usr/bin/env bash
# solvable run vs direct evaluation of the same cells vs nbclient driving the kernel.
# Needs a release build (make build); uses the project venv (.venv) for nbclient.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SOLVABLE_BIN:-$PWD/.build/release/solvable}
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/render_notebook.py "$WORK/bench.ipynb" "$WORK/bench.solv"
"$PY" bench/run_bench.py "$BIN" "$WORK/bench.ipynb" "$WORK/bench.solv" "$WORK"
