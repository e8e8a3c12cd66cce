"""numpy peer of `simulate(iclscale(alpha=1, depth=L, rho=0.1, d=D, covariance="rrs", nu=2, beta=1), t=inf,
contexts=C, tests=C, trials=4)`: the same work: per trial, C training and C test contexts of K = alpha*d tokens
z ~ N(0, diag(lambda)) (lambda_k ~ k^-nu, mean 1), tasks w ~ N(0, diag(Omega)), S = Z^T Z / K and
n = sqrt(d)/K Z^T eps, the U-basis polynomials of X = S/c0 - 1 applied to w and n by their three-term recurrences
(S times a vector, 2L per context), the loss quadratic in the Chebyshev coefficients of the degree-L polynomial
(metric Lambda) accumulated, the training minimum solved and scored on the test contexts."""
import sys, time
import numpy as np


def spectrum(d, nu, beta):
    lam = np.arange(1, d + 1.0) ** -nu
    lam *= d / lam.sum()
    om = lam ** (beta - 1)
    om /= (lam * om).sum() / d
    return lam, om


def accumulate(lam, om, k, rho, depth, edge, count, rng):
    d = len(lam)
    gram, lin, const = np.zeros((depth, depth)), np.zeros(depth), 0.0
    share, c0, zero = 1 / (d * count), edge / 2, np.zeros(d)
    for _ in range(count):
        w = np.sqrt(om) * rng.standard_normal(d)
        z = np.sqrt(lam) * rng.standard_normal((k, d))
        eps = np.sqrt(rho) * rng.standard_normal(k)
        sigma = z.T @ z / k
        n = np.sqrt(d) / k * (z.T @ eps)

        def step(v, before):   # 2 X v - before, X = S / c0 - 1
            return 2 * (sigma @ v / c0 - v) - before

        u = np.empty((d, depth))
        w_before, w_u, n_before, n_u, r_before, r = zero, w, zero, n, zero, zero
        for j in range(1, depth + 1):
            w_next, n_next = step(w_u, w_before), step(n_u, n_before)
            r_next = 2 * n_u - 2 * r - r_before
            at_minus_one = (j + 1) * (1.0 if j % 2 == 0 else -1.0)
            u[:, j - 1] = w_next - at_minus_one * w + r_next / c0
            w_before, w_u, n_before, n_u, r_before, r = w_u, w_next, n_u, n_next, r, r_next
        su, sw = lam[:, None] * u, lam * w
        gram += share * u.T @ su
        lin += share * u.T @ sw
        const += share * w @ sw
    return gram, lin, const


def main():
    d, depth, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    alpha, rho, trials = 1.0, 0.1, 4
    k = max(1, round(alpha * d))
    lam, om = spectrum(d, 2.0, 1.0)
    edge = lam[0] * (1 + np.sqrt(d / k)) ** 2
    start = time.time()
    losses = []
    for trial in range(trials):
        rng = np.random.default_rng([1, trial])
        g, h, _ = accumulate(lam, om, k, rho, depth, edge, count, rng)
        c = np.linalg.solve(g, -h)
        gt, ht, ct = accumulate(lam, om, k, rho, depth, edge, count, rng)
        losses.append(rho + ct + 2 * ht @ c + c @ gt @ c)
    losses = np.array(losses)
    print(f"numpy rrs d={d} L={depth}: loss {losses.mean():.4f} ± {losses.std(ddof=1) / np.sqrt(trials):.4f} "
          f"in {time.time() - start:.2f} s")


main()
