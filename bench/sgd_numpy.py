"""The numpy peer of bench/sgd/main.swift: the same exact recursion and the same SGD loop."""
import time
import numpy as np


def timed(repeats, work):
    best, value = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        value = work()
        best = min(best, time.perf_counter() - start)
    return best, value


def recursion(dim=10_000, steps=100_000, peak=0.1, batch=32, noise=0.5, alpha=1.5, beta=1.0):
    k = np.arange(1, dim + 1, dtype=float)
    lam = k ** -alpha
    c = k ** -(alpha * beta + 1) / lam
    for t in range(steps):
        eta = peak * (1 + np.cos(np.pi * t / steps)) / 2
        risk = lam @ c
        f = 1 - eta * lam
        c = (f * f + eta * eta / batch * lam * lam) * c + eta * eta / batch * (risk + noise ** 2) * lam
    return lam @ c


def simulate(dim=1000, steps=10_000, eta=0.1, batch=32, noise=0.5, alpha=1.5, beta=1.0, seed=1):
    rng = np.random.default_rng(seed)
    k = np.arange(1, dim + 1, dtype=float)
    lam = k ** -alpha
    roots = np.sqrt(lam)
    e = -np.sqrt(k ** -(alpha * beta + 1) / lam)
    for _ in range(steps):
        z = rng.standard_normal((batch, dim))
        r = z @ (roots * e) - noise * rng.standard_normal(batch)
        g = roots * (z.T @ r) / batch
        e -= eta * g
    return lam @ (e * e)


if __name__ == "__main__":
    seconds, value = timed(1, recursion)
    print(f"recursion dim=10000 steps=100000: {seconds} s  (final risk {value})")
    seconds, value = timed(3, simulate)
    print(f"simulate dim=1000 batch=32 steps=10000: {seconds} s  (final risk {value})")
