"""numpy peer of `simulate(flow(...))`: the same exact gradient-flow losses of drawn
random-feature systems (Bordelon, Atanasov & Pehlevan 2024), by the same
eigendecompositions, so bench/flow_bench.py can time both sides doing the same work.
Random numbers differ (numpy's PCG64 vs xoshiro256**); the means agree within errors."""
import numpy as np


def spectrum(alpha, beta, dim):
    k = np.arange(1, dim + 1, dtype=float)
    lam = k ** -alpha
    power = k ** -(alpha * beta + 1)
    return lam, power


def population_trial(rng, lam, power, width, times):
    """P = inf: L(t) = b' exp(-2Gt) b, G = X'X/N, X = A Lambda^{1/2}."""
    b = np.sqrt(power)
    x = rng.standard_normal((width, lam.size)) * np.sqrt(lam)
    h = x @ x.T / width
    s, u = np.linalg.eigh(h)
    c = x @ b / np.sqrt(width)
    proj = u.T @ c
    keep = s > 1e-13 * s[-1]
    coef = proj[keep] ** 2 / s[keep]
    return np.array([b @ b - np.sum(coef * -np.expm1(-2 * s[keep] * t)) for t in times])


def data_trial(rng, lam, power, samples, noise, times):
    """N = inf, P samples: w(t) = h(K) y / P pushed through Psi', K = Psi Psi'/P."""
    root = np.sqrt(lam)
    target = np.sqrt(power) / root
    psi = rng.standard_normal((samples, lam.size)) * root
    y = psi @ target + noise * rng.standard_normal(samples)
    k = psi @ psi.T / samples
    mu, u = np.linalg.eigh(k)
    a = u.T @ y
    fu = psi.T @ u
    test, train = [], []
    for t in times:
        h = np.where(mu * t < 1e-12, t, -np.expm1(-mu * t) / np.where(mu == 0, 1, mu))
        w = fu @ (h * a / samples)
        test.append(np.sum(lam * (w - target) ** 2))
        train.append(np.sum(a ** 2 * np.exp(-2 * np.maximum(mu, 0) * t)) / samples)
    return np.array(test), np.array(train)


def simulate(alpha, beta, dim, width, samples, noise, times, trials, seed):
    """Mean test loss over trials (P = inf with finite width, or N = inf with P samples)."""
    rng = np.random.default_rng(seed)
    lam, power = spectrum(alpha, beta, dim)
    runs = []
    for _ in range(trials):
        if samples is None:
            runs.append(population_trial(rng, lam, power, width, times))
        else:
            runs.append(data_trial(rng, lam, power, samples, noise, times)[0])
    runs = np.array(runs)
    return runs.mean(axis=0), runs.std(axis=0, ddof=1) / np.sqrt(trials)
