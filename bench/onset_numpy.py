"""numpy peer of bench/onset.sh: the same onset simulation (random-feature ridge ensembles
with independent projections on one data set per trial; arXiv 2212.12147's linear setting).

Usage: python3 bench/onset_numpy.py dim N E trials. Prints the mean variance estimate
E/(E-1)·(members' mean excess − the average's excess) at P = N/2, 3N/2, 3N.
"""
import sys

import numpy as np


def main():
    dim, n, e, trials = (int(a) for a in sys.argv[1:5])
    alpha, beta, noise, lam = 1.5, 1.2, 0.2, 1e-2
    k = np.arange(1, dim + 1, dtype=float)
    eig = k ** -alpha
    wstar = np.sqrt(k ** -(alpha * beta + 1) / eig)
    rng = np.random.default_rng(12)
    out = []
    for p in (n // 2, 3 * n // 2, 3 * n):
        total = 0.0
        for _ in range(trials):
            x = rng.standard_normal((p, dim)) * np.sqrt(eig)
            y = x @ wstar + noise * rng.standard_normal(p)
            ws = []
            for _ in range(e):
                f = rng.standard_normal((n, dim)) / np.sqrt(n)
                z = x @ f.T
                if p >= n:
                    a = np.linalg.solve(z.T @ z / p + lam * np.eye(n), z.T @ y / p)
                else:
                    a = z.T @ np.linalg.solve(z @ z.T / p + lam * np.eye(p), y / p)
                ws.append(f.T @ a)
            ws = np.array(ws)
            risk = lambda w: float(np.sum(eig * (w - wstar) ** 2))
            members = np.mean([risk(w) for w in ws])
            total += e / (e - 1) * (members - risk(ws.mean(axis=0)))
        out.append(total / trials)
    print([float(v) for v in out])


if __name__ == "__main__":
    main()
