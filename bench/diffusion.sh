#!/usr/bin/env bash
# Linear diffusion model, Swift (`solvable eval`) beside numpy (see bench/README.md, "Diffusion").
. "$(dirname "$0")/common.sh"
release solvable
SCRIPT=$(mktemp --suffix=.solv)
trap 'rm -f "$SCRIPT"' EXIT
cat >"$SCRIPT" <<'SOLV'
m = diffusion(dim=8, alpha=2, samples=20000, lr=0.1, levels=64)
sim = simulate(m, t=[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024], trials=16, seed=1, generated=2000)
sim[sim.t == 1024]
SOLV
echo "== Swift: simulate (d=8, n=20000, K=64, 1024 steps, 11 checkpoints × 2000 samples, 16 trials)"
/usr/bin/time -f "solvable: %e s wall, %U s CPU" .build/release/solvable eval "$SCRIPT" 2>&1 | grep -v "^simulate diffusion"
echo "== numpy: the same run"
"$PY" bench/diffusion_numpy.py
