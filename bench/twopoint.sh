#!/usr/bin/env bash
# Minibatch SGD with data repetition in `flow` (B < P), Swift (`solvable eval`) beside numpy
# (see bench/README.md, "Two-point SGD").
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product solvable >/dev/null
PY=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
export OPENBLAS_NUM_THREADS=1
SCRIPT=$(mktemp --suffix=.solv)
trap 'rm -f "$SCRIPT"' EXIT
cat >"$SCRIPT" <<'SOLV'
m = flow(alpha=1.5, beta=0.8, noise=0.3, dim=1000, N=400, P=200, eta=0.3, batch=4)
sim = simulate(m, t=[1, 10, 100, 1000, 5000], trials=16, seed=1)
sim
SOLV
echo "== Swift: simulate (M=1000, N=400, P=200, B=4, eta=0.3, 5000 steps, 16 trials)"
/usr/bin/time -f "solvable: %e s wall, %U s CPU" .build/release/solvable eval "$SCRIPT" 2>&1 | grep -v "^simulate flow"
echo "== Swift: theory (the same model and steps)"
cat >"$SCRIPT" <<'SOLV'
theory(flow(alpha=1.5, beta=0.8, noise=0.3, dim=1000, N=400, P=200, eta=0.3, batch=4), t=[1, 10, 100, 1000, 5000])
SOLV
/usr/bin/time -f "solvable: %e s wall, %U s CPU" .build/release/solvable eval "$SCRIPT" 2>&1 | grep -v "^theory flow"
echo "== numpy: the same simulation"
"$PY" bench/twopoint_numpy.py
