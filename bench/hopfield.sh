#!/usr/bin/env bash
# Hopfield sequence recall, Swift (dynamics-bench) beside numpy (see bench/README.md, "Hopfield").
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product dynamics-bench >/dev/null
PY=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
export OPENBLAS_NUM_THREADS=1
echo "== Swift: simulate (N=100, d=2, P=500, 8 pattern sets)"
.build/release/dynamics-bench hopfield simulate N=100 degree=2 P=500 trials=8
echo "== numpy: the same work"
"$PY" bench/hopfield_numpy.py
