"""numpy peer of `widetheory(deeplinear(...), samples=P)` (bench/deeplinear_init.sh): the infinite-width μP
depth-2 run on P Gaussian samples, Eq. (F1) of Sources/Models/DeepLinear/DeepLinear+WideData.swift, per draw
of a Haar teacher and data: B' = B + η₀(Q₂E + EQ₁) + η₀²γ² EBᵀE, Q₁' = Q₁ + η₀γ²(EᵀB + BᵀE) + η₀²γ² EᵀQ₂E,
Q₂' = Q₂ + η₀γ²(EBᵀ + BEᵀ) + η₀²γ² EQ₁Eᵀ, E = (S − B)Σ̂, from B = 0, Q₁ = Q₂ = I. Prints the mean test loss
½‖S − B‖² after STEPS steps per rate, and the seconds on stderr.
Usage: python bench/deeplinear_data_numpy.py DIM SAMPLES STEPS TRIALS ETA..."""
import sys
import time

import numpy as np

dim, samples, steps, trials = (int(a) for a in sys.argv[1:5])
etas = [float(a) for a in sys.argv[5:]] or [0.1]
S, G2 = np.array([3.0, 2.0, 1.0, 0.5]), 1.0
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
        x = rng.standard_normal((dim, samples))
        cov = x @ x.T / samples
        b, q1, q2 = np.zeros((dim, dim)), np.eye(dim), np.eye(dim)
        for _ in range(steps):
            e = (teacher - b) @ cov
            etb, ebt = e.T @ b, e @ b.T
            b, q1, q2 = (b + eta * (q2 @ e + e @ q1) + eta**2 * G2 * ebt @ e,
                         q1 + eta * G2 * (etb + etb.T) + eta**2 * G2 * e.T @ q2 @ e,
                         q2 + eta * G2 * (ebt + ebt.T) + eta**2 * G2 * e @ q1 @ e.T)
        total += 0.5 * np.sum((teacher - b) ** 2)
    print(f"{eta},{steps},{total / trials}")
print(f"seconds {time.perf_counter() - start}", file=sys.stderr)
