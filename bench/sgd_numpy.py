"""The numpy peer of bench/sgd/main.swift: the same exact recursion and the same SGD loop."""
import time
import numpy as np


def timed(repeats, work):
    """Wall-clock and CPU seconds of `work`, best of `repeats`."""
    best, best_cpu, value = float("inf"), float("inf"), None
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        value = work()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best, best_cpu, value


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


def averaged_recursion(dim=1000, steps=100_000, peak=0.1, power=0.4, offset=100, noise=0.5, alpha=1.5, beta=1.0,
                       fraction=0.5):
    """The recursion with window averaging (SGDSetup.theory, `average="window"`), batch 1."""
    k = np.arange(1, dim + 1, dtype=float)
    lam = k ** -alpha
    c = k ** -(alpha * beta + 1) / lam
    d, m = c.copy(), c.copy()
    risk = lam @ c
    for t in range(steps):
        eta = peak * (offset / (offset + t)) ** power
        f = 1 - eta * lam
        c = (f * f + eta * eta * lam * lam) * c + eta * eta * (risk + noise ** 2) * lam
        a = min(1.0, 1 / (fraction * (t + 1)))
        fd = f * d
        m = (1 - a) ** 2 * m + 2 * a * (1 - a) * fd + a * a * c
        d = (1 - a) * fd + a * c
        risk = lam @ c
    return lam @ m


if __name__ == "__main__":
    seconds, cpu, value = timed(1, recursion)
    print(f"recursion dim=10000 steps=100000: {seconds} s wall, {cpu} s CPU  (final risk {value})")
    seconds, cpu, value = timed(3, simulate)
    print(f"simulate dim=1000 batch=32 steps=10000: {seconds} s wall, {cpu} s CPU  (final risk {value})")
    seconds, cpu, value = timed(1, averaged_recursion)
    print(f"averaged recursion dim=1000 steps=100000: {seconds} s wall, {cpu} s CPU  (final risk {value})")
    seconds, cpu, value = timed(3, lambda: simulate(dim=300, steps=25_000, eta=0.02, batch=8, noise=1.0))
    print(f"simulate dim=300 batch=8 steps=25000: {seconds} s wall, {cpu} s CPU  (final risk {value})")
