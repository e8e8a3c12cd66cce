#!/usr/bin/env bash
# solvable run vs direct evaluation of the same cells vs nbclient driving the kernel.
# Needs a release build (make build); uses the project venv (.venv) for nbclient.
. "$(dirname "$0")/common.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/render_notebook.py "$WORK/bench.ipynb" "$WORK/bench.solv"
# The kernelspec goes into a scratch prefix so the bench leaves the user's Jupyter alone.
"$BIN" install --prefix "$WORK/prefix" >/dev/null
export JUPYTER_PATH="$WORK/prefix/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
"$PY" bench/run_bench.py "$BIN" "$WORK/bench.ipynb" "$WORK/bench.solv" "$WORK"
