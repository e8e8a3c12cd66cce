#!/usr/bin/env bash
# Scaling-law fit + 1000 bootstraps of 250 runs, Solvable beside scipy (see bench/README.md).
# Usage: bench/scaling_fit.sh     (from the repository root; PYTHON must have numpy and scipy)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
swift build -c release --product solvable >/dev/null
OPENBLAS_NUM_THREADS=1 "$PYTHON" bench/scaling_fit_bench.py .build/release/solvable
