#!/usr/bin/env bash
# deepfeat (ridge on deep structured linear Gaussian features), Swift (solvable eval) beside numpy (see bench/README.md, "deepfeat").
. "$(dirname "$0")/common.sh"
release solvable
TIMEFORMAT="seconds %R (wall), %U user"
MODEL='deepfeat(widths=[300, 200], structure=[1, 1], alpha=1.5, beta=1, noise=0.2, dim=400, lambda=1e-3)'
echo "== Swift: simulate($MODEL, P=[100, 300, 600], trials=16)"
time "$BIN" eval -e "simulate($MODEL, P=[100, 300, 600], trials=16, seed=1)"
echo "== numpy: the same work"
time "$PY" bench/deepfeat_numpy.py
echo "== Swift: theory at the same P (one κ₀ solve per P, an inner δ solve per structured layer)"
time "$BIN" eval -e "theory($MODEL, P=[100, 300, 600])"
