"""numpy peer of `simulate(flow(..., gamma=...))` (feature learning, arXiv 2409.17858):
draw A, diagonalise H = A Lambda A'/N from the smaller Gram, and integrate the reduced
flow d zeta/d tau = r - s zeta + (gamma^2/K^2) zeta zeta'(r - s zeta) by the same ETD2
scheme on the same tau grid (see Sources/Models/Flow/FlowFeatureLearning.swift), so both
sides do the same work. Random numbers differ (PCG64 vs xoshiro256**).
Usage: python3 feature_learning_numpy.py dim N gamma trials"""
import sys
import numpy as np


def rates_and_drives(rng, lam, power, width):
    b = np.sqrt(power)
    x = rng.standard_normal((width, lam.size)) * np.sqrt(lam)
    if width <= lam.size:
        s, u = np.linalg.eigh(x @ x.T / width)
        r = u.T @ (x @ b / np.sqrt(width))
    else:
        s, v = np.linalg.eigh(x.T @ x / width)
        r = np.sqrt(np.maximum(s, 0)) * (v.T @ b)
    keep = s > 1e-13 * s.max()
    return s[keep], r[keep], b @ b - np.sum(r[keep] ** 2 / s[keep])


def losses(s, r, floor, gamma, times, eps=0.02):
    def scale(z):
        k = 0.5 * (1 + np.sqrt(1 + 4 * gamma ** 2 * z @ z))
        return gamma ** 2 / k ** 2 * (z @ (r - s * z))

    def boost(z):
        return 0.5 * (1 + np.sqrt(1 + 4 * gamma ** 2 * z @ z))

    def advance(z, h):
        x = -s * h
        em1 = np.expm1(x)
        phi1 = np.where(np.abs(x) < 1e-8, 1 + x / 2, em1 / np.where(x == 0, 1, x))
        phi2 = np.where(np.abs(x) < 1e-4, 0.5 + x / 6 + x * x / 24, (em1 - x) / np.where(x == 0, 1, x * x))
        c0 = scale(z)
        a = (1 + em1) * z + h * phi1 * (r + c0 * z)
        return a + h * phi2 * (scale(a) * a - c0 * z)

    def loss(z):
        return floor + np.sum((r - s * z) ** 2 / s)

    z, tau, t, k = np.zeros_like(s), 0.0, 0.0, 1.0
    out, top = [], 1 / s.max()
    for goal in sorted(times):
        while True:
            h = eps * (tau + top)
            cand = advance(z, h)
            kn = boost(cand)
            tn = t + 0.5 * h * (1 / k + 1 / kn)
            if tn >= goal:
                part = h * (goal - t) / (tn - t)
                state = advance(z, part)
                part = max(0.0, part + (goal - (t + 0.5 * part * (1 / k + 1 / boost(state)))) * boost(state))
                out.append(loss(advance(z, part)))
                break
            z, tau, t, k = cand, tau + h, tn, kn
    return np.array(out)


def main():
    dim, width, gamma, trials = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    k = np.arange(1, dim + 1, dtype=float)
    lam, power = k ** -2.0, k ** -(2.0 * 0.5 + 1)
    times = [1, 10, 100, 1000]
    rng = np.random.default_rng(1)
    runs = np.array([losses(*rates_and_drives(rng, lam, power, width), gamma, times) for _ in range(trials)])
    print("numpy test:", runs.mean(axis=0))


if __name__ == "__main__":
    main()
