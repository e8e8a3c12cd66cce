#!/usr/bin/env bash
# simulate(onset(..., E=...)) (variance over initialisations, arXiv 2212.12147) beside the same
# work in numpy (bench/onset_numpy.py): per trial one data set, E projections F (N × dim),
# E ridge fits on z = F x, the members' and the average's excess risk.
# Whole processes, wall and user-CPU seconds. Usage: bash bench/onset.sh [dim N E ...]
# (needs the release build, make build, and a python with numpy: PYTHON=..., default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SOLVABLE_BIN:-.build/release/solvable}
PY=${PYTHON:-python3}
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(200 80 3 600 240 4)
for ((i = 0; i < ${#sizes[@]}; i += 3)); do
  dim=${sizes[i]}; n=${sizes[i + 1]}; e=${sizes[i + 2]}
  /usr/bin/time -f "solvable dim=$dim N=$n E=$e: %e s wall, %U s user" $BIN eval -e \
    "simulate(onset(alpha=1.5, beta=1.2, noise=0.2, dim=$dim, lambda=1e-2, N=$n, E=$e), P=[$((n / 2)), $((3 * n / 2)), $((3 * n))], trials=60, seed=12).variance" 2>&1 | grep -v "simulate onset"
  /usr/bin/time -f "numpy    dim=$dim N=$n E=$e: %e s wall, %U s user" $PY bench/onset_numpy.py "$dim" "$n" "$e" 60 2>&1
done
