#!/usr/bin/env bash
# Hyperparameter-transfer trainer (issue 8): SGD training steps of a width-256, depth-8 residual MLP with
# batch 128, Solvable beside numpy doing the same forward, backward and update (bench/mlp_numpy.py).
# Solvable trains in float32 (sgemm), so numpy runs both float64 and float32.
# Then the notebooks' shape (width 64, depth 2, batch 64: 64×64 products), 20× the steps.
# Usage: bash bench/mlp.sh [steps]   (needs the release build, make build, and numpy)
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-200}
/usr/bin/time -f "solvable mlp 256x8 batch 128: $steps steps, %e s wall, %U s user (whole process)" \
  .build/release/solvable eval -e \
  "final(mlp(width=256, depth=8, batch=128, steps=$steps, optimizer=\"sgd\", lr=2^-7, task=\"linear\", seed=1)).loss[0]" \
  2>&1 | grep -v '^final'
/usr/bin/time -f "numpy (whole process): %e s wall, %U s user" python3 bench/mlp_numpy.py "$steps" 2>&1
/usr/bin/time -f "numpy float32 (whole process): %e s wall, %U s user" python3 bench/mlp_numpy.py "$steps" 256 8 128 float32 2>&1
small=$((20 * steps))
/usr/bin/time -f "solvable mlp 64x2 batch 64: $small steps, %e s wall, %U s user, %S s system (whole process)" \
  .build/release/solvable eval -e \
  "final(mlp(width=64, depth=2, batch=64, steps=$small, optimizer=\"sgd\", lr=2^-7, task=\"linear\", seed=1)).loss[0]" \
  2>&1 | grep -v '^final'
/usr/bin/time -f "numpy (whole process): %e s wall, %U s user, %S s system" python3 bench/mlp_numpy.py "$small" 64 2 64 2>&1
/usr/bin/time -f "numpy float32 (whole process): %e s wall, %U s user, %S s system" python3 bench/mlp_numpy.py "$small" 64 2 64 float32 2>&1
