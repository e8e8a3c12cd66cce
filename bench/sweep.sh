#!/usr/bin/env bash
# Sweep overhead per task: solvable sweep (6 tasks, -j 1 and -j 2) vs the same 6 parameter sets
# as separate `solvable run -p` calls vs papermill driving the Solvable kernel with the same
# parameters. Needs a release build (make build) and papermill in the project venv (.venv).
. "$(dirname "$0")/common.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The kernelspec goes into a scratch prefix so the bench leaves the user's Jupyter alone.
"$BIN" install --prefix "$WORK/prefix" >/dev/null
export JUPYTER_PATH="$WORK/prefix/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
"$PY" bench/sweep_bench.py "$BIN" "$WORK"
