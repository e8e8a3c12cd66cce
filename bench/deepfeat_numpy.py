"""numpy peer of `simulate(deepfeat(...))` (bench/deepfeat.sh): ridge on z = F_2 F_1 x, x ~ N(0, diag k^-1.5),
λ_k w_k² = k^-2.5, dim = 400, widths 300, 200, rows of F_l ~ N(0, Ω_l/N_l) with Ω_l ∝ diag(i^-1) (mean 1),
noise 0.2, λ = 1e-3, P = 100, 300, 600, 16 trials: per fit the excess risk, training error and GCV, through the
smaller Gram matrix's eigendecomposition as RidgeFit does."""
import time

import numpy as np

ALPHA, BETA, DIM, WIDTHS, G, SIGMA, LAM, TRIALS = 1.5, 1.0, 400, (300, 200), (1.0, 1.0), 0.2, 1e-3, 16
k = np.arange(1, DIM + 1, dtype=float)
lam = k ** -ALPHA
w = np.sqrt(k ** -(ALPHA * BETA + 1) / lam)
rng = np.random.default_rng(1)


def covariance(g, n):
    raw = np.arange(1, n + 1, dtype=float) ** -g
    return raw / raw.mean()


def fit(z, y):
    p, n = z.shape
    shift = LAM * p
    if p <= n:
        s, v = np.linalg.eigh(z @ z.T)
        c = (v.T @ y) / (s + shift)
        a = z.T @ (v @ c)
    else:
        s, v = np.linalg.eigh(z.T @ z)
        a = v @ ((v.T @ (z.T @ y)) / (s + shift))
    train = np.mean((y - z @ a) ** 2)
    df = np.sum(s / (s + shift))
    return a, train, train / (1 - df / p) ** 2


start = time.perf_counter()
print("P,test,test_se,train,gcv")
for P in (100, 300, 600):
    rows = []
    for _ in range(TRIALS):
        x = rng.standard_normal((P, DIM)) * np.sqrt(lam)
        y = x @ w + SIGMA * rng.standard_normal(P)
        z, weights, inputs = x, [], DIM
        for n, g in zip(WIDTHS, G):
            f = rng.standard_normal((n, inputs)) * np.sqrt(covariance(g, inputs) / n)
            z, inputs = z @ f.T, n
            weights.append(f)
        a, train, gcv = fit(z, y)
        for f in reversed(weights):
            a = f.T @ a
        rows.append((np.sum(lam * (a - w) ** 2), train, gcv))
    r = np.array(rows)
    print(f"{P},{r[:, 0].mean():.5g},{r[:, 0].std(ddof=1) / np.sqrt(TRIALS):.2g},{r[:, 1].mean():.5g},{r[:, 2].mean():.5g}")
print(f"numpy seconds {time.perf_counter() - start:.2f}")
