"""numpy peer of `simulate(iclscale(alpha=inf, depth=L, rho=0.1, d=D, covariance="rrs", nu=2, beta=1, width=W),
t=inf, contexts=C, tests=C, trials=4)`: per context a Haar N-dim embedding (V^T of the thin SVD of an N x d Gaussian),
Sigma_N = Q Lambda Q^T diagonalised, v = Sigma_N^-1 Q Lambda w; the degree-L polynomial (Chebyshev on [0, lambda_1],
q(0) = 1) fitted to the training contexts' stream modes and scored on the test contexts."""
import sys, time
import numpy as np

d, depth, count, width = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
n, rho = max(1, round(width * d)), 0.1
lam = np.arange(1, d + 1) ** -2.0; lam *= d / lam.sum()
omega = np.ones(d) / ((lam * np.ones(d)).sum() / d)   # beta = 1
rng = np.random.default_rng(1)
start = time.perf_counter()


def context():
    q = np.linalg.svd(rng.standard_normal((n, d)), full_matrices=False)[2]
    w = np.sqrt(omega) * rng.standard_normal(d)
    s, u = np.linalg.eigh((q * lam) @ q.T)
    b = u.T @ (q @ (lam * w)); v = b / s
    return (w @ (lam * w) - v @ b) / d, s, s * v * v / d


def basis(s):
    x = 2 * s / lam[0] - 1
    return np.stack([np.polynomial.chebyshev.chebval(x, [0] * j + [1]) - (-1) ** j for j in range(1, depth + 1)], 1)


losses = []
for trial in range(4):
    train = [context() for _ in range(count)]; test = [context() for _ in range(count)]
    s = np.concatenate([t[1] for t in train]); m = np.concatenate([t[2] for t in train])
    a = basis(s); c = -np.linalg.solve((a * m[:, None]).T @ a, a.T @ m)
    losses.append(rho + np.mean([r + (wt * (1 + basis(sj) @ c) ** 2).sum() for r, sj, wt in test]))
print(f"loss {np.mean(losses):.4f}; compute {time.perf_counter() - start:.3f} s")
