#!/usr/bin/env bash
# subsample (feature-subsampled ridge ensemble), Swift (solvable eval) beside numpy (see bench/README.md, "subsample").
. "$(dirname "$0")/common.sh"
release solvable
TIMEFORMAT="seconds %R (wall), %U user"
echo "== Swift: simulate(subsample(nu=[0.3, 0.5, 0.7, 0.9], dim=400, ...), P=[100, 300, 800], trials=16)"
time .build/release/solvable eval -e 'simulate(subsample(nu=[0.3, 0.5, 0.7, 0.9], dim=400, lambda=1e-2, noise=0.2, featurenoise=0.3, readout=0.5), P=[100, 300, 800], trials=16, seed=1)'
echo "== numpy: the same work"
time "$PY" bench/subsample_numpy.py
echo "== Swift: theory at the same P"
time .build/release/solvable eval -e 'theory(subsample(nu=[0.3, 0.5, 0.7, 0.9], dim=400, lambda=1e-2, noise=0.2, featurenoise=0.3, readout=0.5), P=[100, 300, 800])'
