"""The numpy side of bench/ridge.sh: the same work as bench/RidgeBench.

1. Ridge theory curve: 100 sample sizes P = geomspace(10, 1e4, 100), dim = 100000,
   alpha = 1.5, beta = 1.2, noise = 0.1, lambda = 0: solve df1(kappa) = P by safeguarded
   Newton in log kappa (warm-started from the previous P, as the Swift code does), then
   the risk sums.
2. Ridge simulation: dim = 2000, P = round(geomspace(20, 4000, 12)), 8 trials,
   lambda = 1e-4: Gaussian draws, Gram matrix of the smaller side, eigh, weights,
   exact excess risk, train error and GCV.

Prints one JSON object per measurement, like the Swift side.
"""
import json
import sys
import time

import numpy as np


def theory_curve(alpha=1.5, beta=1.2, noise=0.1, dim=100_000, sizes=None):
    k = np.arange(1, dim + 1, dtype=float)
    lam = k ** -alpha
    power = k ** -(alpha * beta + 1)
    out = []
    guess = None
    for p in sizes:
        lo, hi = np.log(lam.min() * (dim / p - 1) / 2), np.log(lam.sum() / p)
        u = np.log(guess) if guess is not None and lo < np.log(guess) < hi else (lo + hi) / 2
        for _ in range(200):
            r = lam / (lam + np.exp(u))
            d1, d2 = r.sum(), (r * r).sum()
            f, slope = p - d1, d1 - d2
            if f < 0:
                lo = u
            else:
                hi = u
            nxt = u - f / slope
            if not (lo < nxt < hi):
                nxt = (lo + hi) / 2
            if abs(nxt - u) < 1e-14 or hi - lo < 1e-14:
                u = nxt
                break
            u = nxt
        kappa = np.exp(u)
        guess = kappa
        inv = 1 / (lam + kappa)
        r = lam * inv
        df2 = (r * r).sum()
        gamma = df2 / p
        bias = kappa ** 2 * (power * inv * inv).sum()
        out.append((bias + gamma * noise ** 2) / (1 - gamma))
    return out


def simulate(alpha=1.5, beta=1.2, noise=0.1, dim=2000, lam=1e-4, sizes=(), trials=8, seed=1):
    k = np.arange(1, dim + 1, dtype=float)
    eig = k ** -alpha
    w = k ** (-0.5 * (alpha * beta + 1 - alpha))
    rng = np.random.default_rng(seed)
    tests = []
    for p in sizes:
        values = []
        for _ in range(trials):
            x = rng.standard_normal((p, dim)) * np.sqrt(eig)
            y = x @ w + noise * rng.standard_normal(p)
            shift = lam * p
            if p <= dim:
                s, u = np.linalg.eigh(x @ x.T)
                c = (u.T @ y) / (s + shift)
                a = x.T @ (u @ c)
            else:
                s, v = np.linalg.eigh(x.T @ x)
                a = v @ ((v.T @ (x.T @ y)) / (s + shift))
            df = (s / (s + shift)).sum()
            train = np.mean((y - x @ a) ** 2)
            gcv = train / (1 - df / p) ** 2
            values.append((eig * (a - w) ** 2).sum())
        tests.append(np.mean(values))
    return tests


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    if which in ("all", "theory"):
        sizes = np.geomspace(10, 1e4, 100)
        best, cpu = float("inf"), float("inf")
        for _ in range(5):
            t0, c0 = time.perf_counter(), time.process_time()
            curve = theory_curve(sizes=sizes)
            if time.perf_counter() - t0 < best:
                best, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(json.dumps({"bench": "ridge_theory", "dim": 100000, "points": 100, "seconds": best,
                          "cpu_seconds": cpu, "test_last": curve[-1]}))
    if which in ("all", "simulate"):
        sizes = [int(round(p)) for p in np.geomspace(20, 4000, 12)]
        t0, c0 = time.perf_counter(), time.process_time()
        tests = simulate(sizes=sizes)
        print(json.dumps({"bench": "ridge_simulate", "dim": 2000, "points": 12, "trials": 8,
                          "seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0,
                          "test_last": tests[-1]}))


if __name__ == "__main__":
    main()
