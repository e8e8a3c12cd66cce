#!/usr/bin/env bash
# solvable render vs jupyter nbconvert --to html on a 20-cell notebook with plots and tables.
# Needs a release build (make build); installs nbconvert into bench/.venv on first use.
. "$(dirname "$0")/common.sh"
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
