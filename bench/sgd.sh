#!/usr/bin/env bash
# SGD model benchmark, Swift beside numpy (see bench/README.md, "SGD").
# PYTHON=/path/to/python picks the numpy side's interpreter (default: the first of .venv/bin/python
# and python3 that has numpy).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product sgd-bench >/dev/null
if [ -z "${PYTHON:-}" ]; then
  for candidate in .venv/bin/python python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c "import numpy" 2>/dev/null; then PYTHON=$candidate; break; fi
  done
fi
echo "== Swift (sgd-bench)"
OPENBLAS_NUM_THREADS=1 .build/release/sgd-bench
echo "== numpy"
if [ -z "${PYTHON:-}" ]; then echo "no Python with numpy found; set PYTHON=..." >&2; exit 1; fi
OPENBLAS_NUM_THREADS=1 "$PYTHON" bench/sgd_numpy.py
