#!/usr/bin/env bash
# Deep linear network GD, Swift (dynamics-bench) beside numpy (see bench/README.md, "Deep linear").
. "$(dirname "$0")/common.sh"
release dynamics-bench
ARGS="depth=3 dim=64 width=64 singular=1.5,1,0.75,0.5 init=1e-3 lr=1e-3 t=0,1,2,3,4,5"
echo "== Swift: simulate ($ARGS)"
.build/release/dynamics-bench deeplinear simulate $ARGS | tail -4
echo "== numpy: the same loop"
"$PY" bench/deeplinear_numpy.py | tail -4
echo "== Swift: theory (balanced ODE) on the same grid"
.build/release/dynamics-bench deeplinear theory $ARGS | tail -4
