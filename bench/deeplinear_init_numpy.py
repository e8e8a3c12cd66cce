"""numpy peer of `widetrain(deeplinear(...))` (bench/deeplinear_init.sh): full-batch gradient descent
from random Gaussian initialisation in the μP (mean-field) parameterisation of Sources/Models/DeepLinear/
DeepLinear+Wide.swift: V_1 (N × dim), V_2 … V_{L−1} (N × N) with variance 1/N, V_L (dim × N) with variance
1/(γ²N), rates η₀γ² (V_1 … V_{L−1}) and η₀ (V_L), whitened population loss ½‖S − V_L⋯V_1‖²_F. Prints the
test loss, mean over trials, after every recorded step, and the seconds on stderr.
Usage: python bench/deeplinear_init_numpy.py DEPTH WIDTH DIM STEPS TRIALS ETA..."""
import sys
import time

import numpy as np

depth, width, dim, steps, trials = (int(a) for a in sys.argv[1:6])
etas = [float(a) for a in sys.argv[6:]] or [0.1]
S, GAMMA = np.array([3.0, 2.0, 1.0, 0.5]), 1.0
rng = np.random.default_rng(0)


def orthogonal(n):
    return np.linalg.svd(rng.standard_normal((n, n)))[0]


start = time.perf_counter()
print("eta,step,loss")
for eta in etas:
    total = 0.0
    for _ in range(trials):
        u, v = orthogonal(dim), orthogonal(dim)
        teacher = (u[:, : len(S)] * S) @ v[:, : len(S)].T
        sizes = [dim] + [width] * (depth - 1) + [dim]
        ws = [rng.standard_normal((sizes[l + 1], sizes[l])) / np.sqrt(width) for l in range(depth)]
        ws[-1] /= GAMMA
        rates = [eta * GAMMA**2] * (depth - 1) + [eta]
        for _ in range(steps):
            prefix = [np.eye(dim)]
            for w in ws:
                prefix.append(w @ prefix[-1])
            suffix = [np.eye(dim)] * depth
            for l in range(depth - 2, -1, -1):
                suffix[l] = suffix[l + 1] @ ws[l + 1]
            err = teacher - prefix[depth]
            ws = [ws[l] + rates[l] * (suffix[l].T @ err) @ prefix[l].T for l in range(depth)]
        product = ws[0]
        for w in ws[1:]:
            product = w @ product
        total += 0.5 * np.sum((teacher - product) ** 2)
    print(f"{eta},{steps},{total / trials}")
print(f"seconds {time.perf_counter() - start}", file=sys.stderr)
