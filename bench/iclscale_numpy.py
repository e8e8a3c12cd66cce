"""numpy peer of `simulate(iclscale(alpha=A, depth=L, rho=0.1, d=D), t=[0.5, 2, inf], contexts=C, tests=C, trials=4)`:
the same work: per trial, C training and C test contexts of K = alpha*d tokens (x ~ N(0, I/d), w ~ N(0, I_d)),
S = (d/K) X^T X diagonalised, w and n = (d/K) X^T eps rotated; the common step g of the L in-context gradient
steps trained by gradient flow on the mean query-averaged training loss (t(g) tabulated in v = -ln(1 - g/g*)),
and the loss of the trained g on the test contexts."""
import sys, time
import numpy as np


def spectral(d, k, rho, count, rng):
    s, a, c, n = [], [], [], []
    for _ in range(count):
        x = rng.standard_normal((k, d)) / np.sqrt(d)
        w = rng.standard_normal(d)
        eps = np.sqrt(rho) * rng.standard_normal(k)
        values, vectors = np.linalg.eigh((d / k) * x.T @ x)
        wr, nr = vectors.T @ w, vectors.T @ ((d / k) * x.T @ eps)
        s.append(np.maximum(values, 0)); a.append(wr * wr); c.append(wr * nr); n.append(nr * nr)
    share = 1 / (d * count)
    return [np.concatenate(v) * (share if i else 1) for i, v in enumerate((s, a, c, n))]


def polys(g, s, depth):
    u = 1 - g * s
    power, total = np.ones_like(s), np.zeros_like(s)
    for _ in range(depth - 1):
        total += power; power = power * u
    total += power
    return power * u, g * total, -depth * s * power, depth * power


def loss(g, sp, rho, depth):
    s, a, c, n = sp
    q, p, _, _ = polys(g, s, depth)
    return rho + np.sum(a * q * q - 2 * c * q * p + n * p * p)


def slope(g, sp, depth):
    s, a, c, n = sp
    q, p, dq, dp = polys(g, s, depth)
    return 2 * np.sum(a * q * dq - c * (dq * p + q * dp) + n * p * dp)


def limit(sp, depth):
    h = 2 / sp[0].max() / 64
    lo = 0.0
    while slope(lo + h, sp, depth) < 0:
        lo += h
    hi = lo + h
    for _ in range(100):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if slope(mid, sp, depth) < 0 else (lo, mid)
    return 0.5 * (lo + hi)


def step(times, sp, depth):
    end = limit(sp, depth)
    rate = lambda v: depth * end * np.exp(-v) / -slope(end * (1 - np.exp(-v)), sp, depth)
    h, last = 0.01, max(t for t in times if np.isfinite(t))
    vs, ts = [0.0], [0.0]
    while ts[-1] <= last and vs[-1] < 36:
        v = vs[-1]
        ts.append(ts[-1] + h / 6 * (rate(v) + 4 * rate(v + h / 2) + rate(v + h))); vs.append(v + h)
    out = []
    for t in times:
        out.append(end if not np.isfinite(t) or t >= ts[-1] else end * (1 - np.exp(-np.interp(t, ts, vs))))
    return out


def simulate(d, alpha=1.0, depth=4, rho=0.1, contexts=64, trials=4, times=(0.5, 2.0, np.inf), seed=1):
    rng = np.random.default_rng(seed)
    k = max(1, round(alpha * d))
    results = []
    for _ in range(trials):
        train = spectral(d, k, rho, contexts, rng)
        test = spectral(d, k, rho, contexts, rng)
        results.append([loss(g, test, rho, depth) for g in step(list(times), train, depth)])
    return np.mean(results, axis=0)


if __name__ == "__main__":
    d = int(sys.argv[1]) if len(sys.argv) > 1 else 64
    depth = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    contexts = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    start = time.perf_counter()
    losses = simulate(d, depth=depth, contexts=contexts)
    print(f"numpy iclscale d={d} L={depth} contexts={contexts}: loss={np.round(losses, 4)}  {time.perf_counter() - start:.2f} s")
