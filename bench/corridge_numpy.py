"""numpy peer of `simulate(corridge(...))` (bench/corridge.sh): ridge on AR(1)-correlated samples
X = K^(1/2) Z Σ^(1/2), rho = 0.8, λ_k = k^-1.5, λ_k w_k² = k^-(1.5·1.2+1), dim = 200, noise 0.5 correlated
like the samples, λ = 1e-2, P = 100, 200, 400, 16 trials: per fit the excess risk, training error, GCV,
CorrGCV (train/u1(δ̂), δ̂ g1(δ̂) = df̂1/P) and the conditional risk at the next sample (lag 1)."""
import sys
import time

import numpy as np

ALPHA, BETA, DIM, RHO, SIGMA, LAM, TRIALS = 1.5, 1.2, 200, 0.8, 0.5, 1e-2, 16
k = np.arange(1, DIM + 1, dtype=float)
lam = k ** -ALPHA
w = k ** (-0.5 * (ALPHA * BETA + 1 - ALPHA))
rng = np.random.default_rng(1)


def delta_hat(kv, fraction):
    lo, hi = 0.0, 1.0
    while np.mean(hi * kv / (1 + hi * kv)) < fraction:
        hi *= 2
    for _ in range(100):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if np.mean(mid * kv / (1 + mid * kv)) < fraction else (lo, mid)
    return 0.5 * (lo + hi)


start = time.perf_counter()
print("P,test,train,gcv,corrgcv,forecast")
for P in (100, 200, 400):
    t = np.arange(P)
    K = RHO ** np.abs(t[:, None] - t[None, :])
    kv, V = np.linalg.eigh(K)
    kv = np.maximum(kv, 0)
    root = (V * np.sqrt(kv)) @ V.T
    kstar = RHO ** (P - t)
    a = V @ ((V.T @ kstar) / kv)
    reach = kstar @ a
    weights = (V.T @ kstar) ** 2 / kv
    rows = []
    for _ in range(TRIALS):
        X = root @ (rng.standard_normal((P, DIM)) * np.sqrt(lam))
        eps = SIGMA * (root @ rng.standard_normal(P))
        y = X @ w + eps
        if P <= DIM:
            s, U = np.linalg.eigh(X @ X.T)
            c = U.T @ y / (s + LAM * P)
            what = X.T @ (U @ c)
        else:
            s, U = np.linalg.eigh(X.T @ X)
            what = U @ ((U.T @ (X.T @ y)) / (s + LAM * P))
        s = np.maximum(s, 0)
        df = np.sum(s / (s + LAM * P))
        r = y - X @ what
        train = r @ r / P
        excess = np.sum(lam * (what - w) ** 2)
        d = delta_hat(kv, df / P)
        u1 = np.mean(kv / (1 + d * kv) ** 2)
        forecast = (a @ r) ** 2 + (1 - reach) * (excess + SIGMA**2)
        rows.append((excess, train, train / (1 - df / P) ** 2, train / u1, forecast))
    m = np.mean(rows, axis=0)
    print(f"{P}," + ",".join(f"{v:.6g}" for v in m))
print(f"seconds {time.perf_counter() - start:.3f}", file=sys.stderr)
