#!/usr/bin/env bash
# ICL pretraining (issue 7): Solvable's simulate(icl) beside the same work in numpy.
# Usage: bash bench/icl.sh [d ...]   (needs the release build, make build, and numpy)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/solvable
PY=python3   # the system python, which has numpy
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(32 48)
for d in "${sizes[@]}"; do
  start=$(date +%s.%N)
  out=$($BIN eval -e "s = simulate(icl(alpha=2, kappa=2, tau=4, rho=0.1, d=$d), trials=1, tests=2000, seed=1)
s.icl[0]" 2>/dev/null)
  end=$(date +%s.%N)
  printf 'solvable icl d=%s: icl=%s  %.2f s\n' "$d" "$out" "$(echo "$end - $start" | bc)"
  $PY bench/icl_numpy.py "$d"
done
