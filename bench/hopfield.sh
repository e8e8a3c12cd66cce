#!/usr/bin/env bash
# Hopfield sequence recall, Swift (dynamics-bench) beside numpy (see bench/README.md, "Hopfield").
. "$(dirname "$0")/common.sh"
release dynamics-bench
echo "== Swift: simulate (N=100, d=2, P=500, 8 pattern sets)"
.build/release/dynamics-bench hopfield simulate N=100 degree=2 P=500 trials=8
echo "== numpy: the same work"
"$PY" bench/hopfield_numpy.py
