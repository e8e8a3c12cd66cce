"""The scipy peer of Solvable's scaling-law fit (Sources/NumericCore/Fitting/ScalingFit*.swift).

The same algorithm, step for step, so point estimates can be compared and times set side by side:
Hoffmann et al. (2022, arXiv 2203.15556, Appendix D.2) objective
    sum_i w_i * huber_delta(LSE(a - alpha log N_i, b - beta log D_i, e) - log L_i)
(or r^2/2 for "mse"), evaluated on their grid of starts; scipy's L-BFGS-B from the 24 best grid
points (stable order), keep the lowest; each bootstrap resample (multiplicity weights) refitted from
the point estimate; 95% percentile intervals.

Used by tests-python/test_scaling_fit.py and bench/scaling_fit.sh.
"""
import numpy as np
from scipy.optimize import minimize

SCREENED_STARTS = 24
OPTIONS = {"maxcor": 10, "ftol": 1e-15, "gtol": 1e-10, "maxiter": 1000, "maxls": 40}


def initial_grid(law):
    exponents = np.arange(0, 2.0001, 0.5)
    offsets = np.arange(-1, 1.0001, 0.5)
    scales = np.arange(0, 25.0001, 5.0)
    if law == "chinchilla":
        return np.array([[e, a, b, al, be] for e in offsets for a in scales for b in scales
                         for al in exponents for be in exponents])
    return np.array([[e, a, al] for e in offsets for a in scales for al in exponents])


class Objective:
    """The fit's objective and its exact gradient, vectorised over runs."""

    def __init__(self, law, inputs, losses, delta=1e-3):
        self.law = law
        self.logs = [np.log(np.asarray(x, dtype=float)) for x in inputs]
        self.log_loss = np.log(np.asarray(losses, dtype=float))
        self.delta = delta  # None: mse

    def terms(self, theta):
        if self.law == "chinchilla":
            e, a, b, al, be = theta
            return np.stack([a - al * self.logs[0], b - be * self.logs[1], np.full_like(self.log_loss, e)])
        e, a, al = theta
        return np.stack([a - al * self.logs[0], np.full_like(self.log_loss, e)])

    def __call__(self, theta, weights=None):
        u = self.terms(theta)
        m = u.max(axis=0)
        t = np.exp(u - m)
        s = t.sum(axis=0)
        r = m + np.log(s) - self.log_loss
        if self.delta is None:
            rho, slope = 0.5 * r * r, r
        else:
            quadratic = np.abs(r) <= self.delta
            rho = np.where(quadratic, 0.5 * r * r, self.delta * (np.abs(r) - 0.5 * self.delta))
            slope = np.where(quadratic, r, self.delta * np.sign(r))
        w = np.ones_like(r) if weights is None else weights
        c = w * slope / s
        if self.law == "chinchilla":
            grad = [np.sum(c * t[2]), np.sum(c * t[0]), np.sum(c * t[1]),
                    -np.sum(c * t[0] * self.logs[0]), -np.sum(c * t[1] * self.logs[1])]
        else:
            grad = [np.sum(c * t[1]), np.sum(c * t[0]), -np.sum(c * t[0] * self.logs[0])]
        return float(np.sum(w * rho)), np.array(grad)


def coefficients(law, theta):
    if law == "chinchilla":
        return np.array([np.exp(theta[0]), np.exp(theta[1]), np.exp(theta[2]), theta[3], theta[4]])
    return np.array([np.exp(theta[0]), np.exp(theta[1]), theta[2]])


def lbfgs(objective, start, weights=None):
    return minimize(objective, start, args=(weights,), jac=True, method="L-BFGS-B", options=OPTIONS)


def point_estimate(objective, weights=None):
    grid = initial_grid(objective.law)
    values = np.array([objective(g, weights)[0] for g in grid])
    finite = np.flatnonzero(np.isfinite(values))
    order = finite[np.argsort(values[finite], kind="stable")]
    best = None
    for start in order[:SCREENED_STARTS]:
        result = lbfgs(objective, grid[start], weights)
        if np.isfinite(result.fun) and (best is None or result.fun < best.fun):
            best = result
    return best


def fit(law, inputs, losses, delta=1e-3, bootstrap=0, seed=0):
    """Coefficients (E, A, [B,] alpha, [beta]) and, with a bootstrap, their 2.5/97.5 percentiles."""
    objective = Objective(law, inputs, losses, delta)
    best = point_estimate(objective)
    samples = []
    rng = np.random.default_rng(seed)
    n = len(losses)
    for _ in range(bootstrap):
        weights = np.bincount(rng.integers(0, n, n), minlength=n).astype(float)
        samples.append(coefficients(law, lbfgs(objective, best.x, weights).x))
    estimate = coefficients(law, best.x)
    if not samples:
        return estimate, None
    return estimate, np.percentile(np.array(samples), [2.5, 97.5], axis=0)
