#!/usr/bin/env bash
# ICL pretraining (issue 7): Solvable's simulate(icl) beside the same work in numpy
# (bench/icl_numpy.py). Reports wall and user-CPU seconds of each whole process.
# Usage: bash bench/icl.sh [d ...]   (needs the release build, make build, and numpy)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/solvable
PY=python3   # the system python, which has numpy
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(32 48)
for d in "${sizes[@]}"; do
  /usr/bin/time -f "solvable d=$d: %e s wall, %U s user" $BIN eval -e \
    "simulate(icl(alpha=2, kappa=2, tau=4, rho=0.1, d=$d), trials=1, tests=2000, seed=1).icl[0]" 2>&1 | grep -v '^simulate'
  /usr/bin/time -f "numpy    d=$d: %e s wall, %U s user" $PY bench/icl_numpy.py "$d" 2>&1
done
