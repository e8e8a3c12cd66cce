"""numpy peer of `simulate(icl(alpha=2, kappa=2, tau=T, rho=0.1, d=D), trials=1, tests=2000)`:
the same pretraining (n = tau*d^2 contexts of l = alpha*d tokens, k = kappa*d tasks,
features H = x_q ⊗ [(d/l) Σ y x, (1/l) Σ y²], ridgeless fit by lstsq) and the same test."""
import sys, time
import numpy as np

def simulate(d, alpha=2.0, kappa=2.0, tau=4.0, rho=0.1, tests=2000, seed=1):
    rng = np.random.default_rng(seed)
    l, k, n = round(alpha * d), round(kappa * d), round(tau * d * d)
    tasks = rng.standard_normal((k, d))

    def contexts(count, w):
        x = rng.standard_normal((count, l + 1, d)) / np.sqrt(d)
        y = np.einsum("cld,cd->cl", x, w) + np.sqrt(rho) * rng.standard_normal((count, l + 1))
        v = (d / l) * np.einsum("cl,cld->cd", y[:, :l], x[:, :l])
        s = (y[:, :l] ** 2).mean(axis=1, keepdims=True)
        u = np.concatenate([v, s], axis=1)
        h = np.einsum("ca,cb->cab", x[:, l], u).reshape(count, -1)
        return h, y[:, l]

    h, y = contexts(n, tasks[rng.integers(0, k, n)])
    gamma = np.linalg.lstsq(h, y, rcond=None)[0]
    ht, yt = contexts(tests, rng.standard_normal((tests, d)))
    return float(np.mean((yt - ht @ gamma) ** 2))

if __name__ == "__main__":
    d = int(sys.argv[1]) if len(sys.argv) > 1 else 32
    start = time.perf_counter()
    error = simulate(d)
    print(f"numpy icl d={d}: icl={error:.4f}  {time.perf_counter() - start:.2f} s")
