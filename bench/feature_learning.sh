#!/usr/bin/env bash
# simulate(flow(..., gamma=1)) (feature learning, arXiv 2409.17858) beside the same work in
# numpy (bench/feature_learning_numpy.py): draw A, diagonalise, integrate the reduced flow.
# Whole processes, wall and user-CPU seconds. Usage: bash bench/feature_learning.sh [dim N ...]
# (needs the release build, make build, and a python with numpy: PYTHON=..., default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SOLVABLE_BIN:-.build/release/solvable}
PY=${PYTHON:-python3}
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000 2000 2000 500)
for ((i = 0; i < ${#sizes[@]}; i += 2)); do
  dim=${sizes[i]}; n=${sizes[i + 1]}
  /usr/bin/time -f "solvable dim=$dim N=$n: %e s wall, %U s user" $BIN eval -e \
    "simulate(flow(alpha=2, beta=0.5, dim=$dim, N=$n, gamma=1), t=[1, 10, 100, 1000], trials=4, seed=1).test" 2>&1
  /usr/bin/time -f "numpy    dim=$dim N=$n: %e s wall, %U s user" $PY bench/feature_learning_numpy.py "$dim" "$n" 1 4 2>&1
done
