#!/usr/bin/env bash
# Online SGD on the two-layer DAE (diffdae), Swift (`solvable eval`) beside numpy (see bench/README.md, "diffdae").
. "$(dirname "$0")/common.sh"
release solvable
SCRIPT=$(mktemp --suffix=.solv)
trap 'rm -f "$SCRIPT"' EXIT
cat >"$SCRIPT" <<'SOLV'
m = diffdae(dim=500, snr=2, sigma=1, alpha=0.5, beta=0.8, lr=0.5, m0=0.3, q0=0.5)
simulate(m, t=[1, 4, 16], trials=16, seed=1)
SOLV
echo "== Swift: simulate (dim 500, 16 trials × 8000 online-SGD steps, 3 checkpoints)"
/usr/bin/time -f "solvable: %e s wall, %U s CPU" .build/release/solvable eval "$SCRIPT" 2>&1 | grep -v "simulate diffdae"
echo "== numpy: the same run"
"$PY" bench/diffdae_numpy.py
