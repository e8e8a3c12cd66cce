#!/usr/bin/env bash
# corridge (ridge on AR(1)-correlated samples), Swift (solvable eval) beside numpy (see bench/README.md, "corridge").
. "$(dirname "$0")/common.sh"
release solvable
TIMEFORMAT="seconds %R (wall), %U user"
echo "== Swift: simulate(corridge(rho=0.8, dim=200, lambda=1e-2, noise=0.5), P=[100, 200, 400], trials=16)"
time .build/release/solvable eval -e 'simulate(corridge(correlation="ar1", rho=0.8, alpha=1.5, beta=1.2, noise=0.5, dim=200, lambda=1e-2), P=[100, 200, 400], trials=16, seed=1)'
echo "== numpy: the same work"
time "$PY" bench/corridge_numpy.py
echo "== Swift: theory at the same P (K's eigendecomposition at each P)"
time .build/release/solvable eval -e 'theory(corridge(correlation="ar1", rho=0.8, alpha=1.5, beta=1.2, noise=0.5, dim=200, lambda=1e-2), P=[100, 200, 400])'
