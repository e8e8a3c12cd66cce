#!/usr/bin/env bash
# solvable render vs jupyter nbconvert --to html on a 20-cell notebook with plots and tables.
# Needs a release build (make build); installs nbconvert into bench/.venv on first use.
set -euo pipefail
export OPENBLAS_NUM_THREADS=1  # single-threaded BLAS, as every bench here
cd "$(dirname "$0")/.."
BIN=${SOLVABLE_BIN:-$PWD/.build/release/solvable}
VENV=bench/.venv
if [ ! -x "$VENV/bin/jupyter-nbconvert" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q nbconvert
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/render_notebook.py "$WORK/bench.ipynb" "$WORK/bench.solv"
"$BIN" run --in-place "$WORK/bench.ipynb" >/dev/null 2>&1 || true
"$VENV/bin/python" bench/render_bench.py "$BIN" "$WORK/bench.ipynb" "$WORK"
