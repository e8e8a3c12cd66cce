#!/usr/bin/env bash
# Hopfield sequence recall, Swift (dynamics-bench) beside numpy (see bench/README.md, "Hopfield").
. "$(dirname "$0")/common.sh"
release dynamics-bench
echo "== Swift: simulate (N=100, d=2, P=500, 8 pattern sets)"
.build/release/dynamics-bench hopfield simulate N=100 degree=2 P=500 trials=8
echo "== numpy: the same work"
"$PY" bench/hopfield_numpy.py
echo "== Swift: the capacity bisection's scale (N=200, P=2000, 8 pattern sets), whole process"
/usr/bin/time -f "%e s wall, %U s user, %S s system" "$BIN" eval -e 'simulate(hopfield(N=200), P=[2000], trials=8)'
echo "== numpy: the same work"
/usr/bin/time -f "%e s wall, %U s user, %S s system" "$PY" bench/hopfield_numpy.py 200 2000 8
