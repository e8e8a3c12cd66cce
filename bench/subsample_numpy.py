"""numpy peer of `simulate(subsample(...))` (bench/subsample.sh): four ridge members on random feature subsets
(ν = 0.3, 0.5, 0.7, 0.9 of M = 400 isotropic features), feature noise ω = 0.3, readout noise η = 0.5, label noise
σ = 0.2, λ = 1e-2, P = 100, 300, 800, 16 trials: per trial one X, y; per member a subset, its noisy features, the
ridge fit through the smaller Gram matrix; the exact conditional ensemble and member errors."""
import sys
import time

import numpy as np

NU, M, LAM, SIGMA, OMEGA, ETA, TRIALS = (0.3, 0.5, 0.7, 0.9), 400, 1e-2, 0.2, 0.3, 0.5, 16
w = np.full(M, np.sqrt(1.0 / M))
rng = np.random.default_rng(1)


def ridge(z, y):
    p, n = z.shape
    if p <= n:
        s, u = np.linalg.eigh(z @ z.T)
        return z.T @ (u @ ((u.T @ y) / (s + LAM * p)))
    s, u = np.linalg.eigh(z.T @ z)
    return u @ ((u.T @ (z.T @ y)) / (s + LAM * p))


start = time.perf_counter()
print("P,test,member")
for P in (100, 300, 800):
    rows = []
    for _ in range(TRIALS):
        X = rng.standard_normal((P, M))
        y = X @ w + SIGMA * rng.standard_normal(P)
        mean, power, member = np.zeros(M), 0.0, 0.0
        for nu in NU:
            subset = rng.permutation(M)[: round(nu * M)]
            a = ridge(X[:, subset] + OMEGA * rng.standard_normal((P, subset.size)), y)
            v = np.zeros(M)
            v[subset] = a
            member += np.sum((v - w) ** 2) + OMEGA**2 * (a @ a)
            power += a @ a
            mean += v / len(NU)
        k = len(NU)
        test = np.sum((mean - w) ** 2) + OMEGA**2 * power / k**2 + ETA**2 / k
        rows.append((test, member / k + ETA**2))
    m = np.mean(rows, axis=0)
    print(f"{P}," + ",".join(f"{v:.6g}" for v in m))
print(f"seconds {time.perf_counter() - start:.3f}", file=sys.stderr)
