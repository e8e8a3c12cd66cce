#!/usr/bin/env bash
# TD(0) on a ring MRP, Swift (`solvable eval`) beside numpy (see bench/README.md, "TD learning").
. "$(dirname "$0")/common.sh"
release solvable
SCRIPT=$(mktemp --suffix=.solv)
trap 'rm -f "$SCRIPT"' EXIT
cat >"$SCRIPT" <<'SOLV'
m = td(states=32, features=8, width=2, lr=0.05)
simulate(m, t=[0, 10, 100, 1000, 10000], trials=1000, seed=1)
SOLV
echo "== Swift: simulate (32 states, 8 place cells, 1000 trajectories × 10000 steps, 5 checkpoints)"
/usr/bin/time -f "solvable: %e s wall, %U s CPU" .build/release/solvable eval "$SCRIPT" 2>&1 | grep -v "simulate td"
echo "== numpy: the same run"
"$PY" bench/td_numpy.py
