#!/usr/bin/env bash
# Peaked softmax head, Swift (dynamics-bench) beside numpy (see bench/README.md, "Peaked").
. "$(dirname "$0")/common.sh"
release dynamics-bench
echo "== Swift: simulate (V=128, d=32, batch 1024, lr 5, 512 steps)"
.build/release/dynamics-bench peaked simulate lr=5 t=0,16,64,128,256,512
echo "== numpy: the same loop"
"$PY" bench/peaked_numpy.py
echo "== Swift: reduced theory to 4096 steps (20000 Monte-Carlo inputs)"
.build/release/dynamics-bench peaked theory lr=5 t=0,16,64,128,256,512,4096 >/dev/null
