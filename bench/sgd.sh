#!/usr/bin/env bash
# SGD model benchmark, Swift beside numpy (see bench/README.md, "SGD").
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product sgd-bench >/dev/null
PY=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
echo "== Swift (sgd-bench)"
OPENBLAS_NUM_THREADS=1 .build/release/sgd-bench
echo "== numpy"
OPENBLAS_NUM_THREADS=1 "$PY" bench/sgd_numpy.py
