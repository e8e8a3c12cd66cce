#!/usr/bin/env bash
# flow theory cost per point vs modes, and simulate(flow) vs numpy doing the same work.
# Needs a release build (make build) and a python with numpy (PYTHON=..., default python3).
set -euo pipefail
cd "$(dirname "$0")"
BIN=${SOLVABLE_BIN:-$PWD/../.build/release/solvable}
PY=${PYTHON:-python3}
"$PY" flow_bench.py "$BIN"
