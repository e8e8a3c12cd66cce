#!/usr/bin/env bash
# Depth-L in-context gradient descent trained by gradient flow (issue 19 item 3): Solvable's
# simulate(iclscale) beside the same work in numpy (bench/iclscale_numpy.py). Wall and user-CPU
# seconds of each whole process.
# Usage: bash bench/iclscale.sh [d ...]   (needs the release build, make build, and numpy)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/solvable
PY=python3   # the system python, which has numpy
L=4; C=64
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(64 128)
for d in "${sizes[@]}"; do
  /usr/bin/time -f "solvable d=$d: %e s wall, %U s user" $BIN eval -e \
    "simulate(iclscale(alpha=1, depth=$L, rho=0.1, d=$d), t=[0.5, 2, inf], contexts=$C, tests=$C, trials=4, seed=1).loss" 2>&1 | grep -v 'simulate iclscale\|iclscale flow'
  /usr/bin/time -f "numpy    d=$d: %e s wall, %U s user" $PY bench/iclscale_numpy.py "$d" "$L" "$C" 2>&1
done
# Structured covariance (rrs, nu = 2, beta = 1): per context S times a vector 2L times (the U-basis recurrences) and the quadratic
# form of the degree-L polynomial (bench/iclscale_rrs_numpy.py).
for d in "${sizes[@]}"; do
  /usr/bin/time -f "solvable rrs d=$d: %e s wall, %U s user" $BIN eval -e \
    "simulate(iclscale(alpha=1, depth=$L, rho=0.1, d=$d, covariance=\"rrs\", nu=2, beta=1), t=inf, contexts=$C, tests=$C, trials=4, seed=1).loss" 2>&1 | grep -v 'simulate iclscale'
  OPENBLAS_NUM_THREADS=1 /usr/bin/time -f "numpy    rrs d=$d: %e s wall, %U s user" $PY bench/iclscale_rrs_numpy.py "$d" "$L" "$C" 2>&1
done
# Residual-stream width (rrs at alpha = inf, N/D = 1/4): per context a Haar embedding (SVD), Q Lambda Q^T and its
# eigendecomposition, then the degree-L polynomial fit (bench/iclscale_width_numpy.py).
for d in "${sizes[@]}"; do
  /usr/bin/time -f "solvable width d=$d: %e s wall, %U s user" $BIN eval -e \
    "simulate(iclscale(alpha=inf, depth=$L, rho=0.1, d=$d, covariance=\"rrs\", nu=2, beta=1, width=0.25), t=inf, contexts=$C, tests=$C, trials=4, seed=1).loss" 2>&1 | grep -v 'simulate iclscale'
  OPENBLAS_NUM_THREADS=1 /usr/bin/time -f "numpy    width d=$d: %e s wall, %U s user" $PY bench/iclscale_width_numpy.py "$d" "$L" "$C" 0.25 2>&1
done
