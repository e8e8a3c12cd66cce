#!/usr/bin/env bash
# widetrain(deeplinear(...)) (GD from random init in μP, after arXiv 2502.02531) beside the same loop in
# numpy (bench/deeplinear_init_numpy.py): per trial a Haar teacher, Gaussian weights, `steps` full-batch
# steps of prefix/suffix products and L weight updates; then widetheory, the infinite-width limit of the same
# run (its DMFT at depth ≥ 3 costs ∝ (depth − 1)·steps³ per mode). Whole processes, wall and user-CPU seconds.
# Usage: bash bench/deeplinear_init.sh [depth width dim steps ...] (needs the release build and numpy).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SOLVABLE_BIN:-.build/release/solvable}
PY=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1}
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(2 256 8 400 3 128 8 400 3 512 32 100)
for ((i = 0; i < ${#sizes[@]}; i += 4)); do
  L=${sizes[i]}; n=${sizes[i + 1]}; d=${sizes[i + 2]}; T=${sizes[i + 3]}
  /usr/bin/time -f "solvable depth=$L width=$n dim=$d steps=$T: %e s wall, %U s user" $BIN eval -e \
    "widetrain(deeplinear(depth=$L, width=$n, dim=$d, singular=[3, 2, 1, 0.5]), eta=[0.05, 0.1], steps=[$T], trials=4, seed=0).loss" 2>&1 | grep -v "widetrain deeplinear"
  /usr/bin/time -f "numpy    depth=$L width=$n dim=$d steps=$T: %e s wall, %U s user" $PY bench/deeplinear_init_numpy.py "$L" "$n" "$d" "$T" 4 0.05 0.1 2>&1
  # The infinite-width theory of the same run (μP: recursion (W1) at depth 2, the DMFT at depth ≥ 3; no width).
  /usr/bin/time -f "theory   depth=$L width=∞ dim=$d steps=$T: %e s wall, %U s user" $BIN eval -e \
    "widetheory(deeplinear(depth=$L, dim=$d, singular=[3, 2, 1, 0.5]), eta=[0.05, 0.1], steps=[$T]).loss" 2>&1
done
# Finite data (α = P/dim): widetheory(samples=P), the infinite-width μP depth-2 closure (F1) per draw of teacher and
# data, beside the same recursion in numpy (bench/deeplinear_data_numpy.py).
for d_p_t in "8 16 400" "32 16 400"; do
  read -r d P T <<<"$d_p_t"
  /usr/bin/time -f "solvable finite data dim=$d P=$P steps=$T: %e s wall, %U s user" $BIN eval -e \
    "widetheory(deeplinear(dim=$d, singular=[3, 2, 1, 0.5]), eta=[0.05, 0.1], steps=[$T], samples=$P, trials=16, seed=0).loss" 2>&1 | grep -v "widetheory deeplinear"
  /usr/bin/time -f "numpy    finite data dim=$d P=$P steps=$T: %e s wall, %U s user" $PY bench/deeplinear_data_numpy.py "$d" "$P" "$T" 16 0.05 0.1 2>&1
done
# Residual blocks with 1/√L branches (widetrain and its residual DMFT, cost ∝ (depth − 1)²·steps³ per mode), depth 8.
RL=${RESIDUAL_DEPTH:-8}; RN=${RESIDUAL_WIDTH:-512}; RT=${RESIDUAL_STEPS:-40}
/usr/bin/time -f "solvable residual depth=$RL width=$RN dim=8 steps=$RT: %e s wall, %U s user" $BIN eval -e \
  "widetrain(deeplinear(depth=$RL, width=$RN, dim=8, singular=[3, 2, 1, 0.5]), eta=[0.05, 0.1], steps=[$RT], residual=\"sqrtL\", trials=4, seed=0).loss" 2>&1 | grep -v "widetrain deeplinear"
/usr/bin/time -f "theory   residual depth=$RL width=∞ dim=8 steps=$RT: %e s wall, %U s user" $BIN eval -e \
  "widetheory(deeplinear(depth=$RL, dim=8, singular=[3, 2, 1, 0.5]), eta=[0.05, 0.1], steps=[$RT], residual=\"sqrtL\").loss" 2>&1 | grep -v "widetheory deeplinear"
