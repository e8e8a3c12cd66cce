"""numpy peer of `simulate(diffdae(...))` (bench/diffdae.sh): the same run — 16 independent trials of
online SGD on the tied-weight DAE f(x_t) = c x_t + w tanh(wᵀx_t) at dim 500 (two clusters ±μ,
|μ|² = 2, σ = 1, x_t = 0.5 x + 0.8 ξ, lr 0.5: w ← w − (lr/d)(g e + (wᵀe) g′ x_t), c ← c − (lr/d²) x_tᵀe),
from M = wᵀμ = 0.3, Q = |w|² = 0.5, c = 0, to τ = steps/d = 16 (8000 steps). numpy vectorises over
the 16 trials, one Python iteration per step. Prints the mean overlap, norm and skip at each
checkpoint and the wall and CPU time."""
import time

import numpy as np

D, SNR, SIGMA, ALPHA, BETA, LR, M0, Q0, TRIALS = 500, 2.0, 1.0, 0.5, 0.8, 0.5, 0.3, 0.5, 16
TIMES = [1, 4, 16]

wall, cpu = time.perf_counter(), time.process_time()
rng = np.random.default_rng(1)
mu = np.full(D, np.sqrt(SNR / D))
u = rng.standard_normal((TRIALS, D))
u -= np.outer(u @ mu / SNR, mu)
u *= np.sqrt((Q0 - M0 ** 2 / SNR) / np.sum(u * u, axis=1))[:, None]
w = M0 / SNR * mu + u
c = np.zeros(TRIALS)
done = 0
for tau in TIMES:
    while done < tau * D:
        s = np.where(rng.random(TRIALS) < 0.5, 1.0, -1.0)
        x = s[:, None] * mu + SIGMA * rng.standard_normal((TRIALS, D))
        xt = ALPHA * x + BETA * rng.standard_normal((TRIALS, D))
        g = np.tanh(np.sum(w * xt, axis=1))
        e = c[:, None] * xt + w * g[:, None] - x
        we, xe = np.sum(w * e, axis=1), np.sum(xt * e, axis=1)
        w -= LR / D * (g[:, None] * e + (we * (1 - g * g))[:, None] * xt)
        c -= LR / D ** 2 * xe
        done += 1
    print(f"t = {tau}: overlap {np.mean(w @ mu):.4f}, norm {np.mean(np.sum(w * w, axis=1)):.4f}, skip {np.mean(c):.4f}")
print(f"numpy: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU")
