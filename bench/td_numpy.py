"""numpy peer of `simulate(td(...))` (bench/td.sh): the same run — 1000 independent trajectories of
TD(0) on a 32-state ring (forward probability 0.7, γ = 0.9, bump reward of width 1 at state 0) with
8 Gaussian place cells of width 2, lr 0.05, w_0 = 0, 10000 steps, the value error
Σ_s D(s)(V(s) − φ(s)ᵀw)² at 5 checkpoints. numpy vectorises over the trajectories, one Python
iteration per step. Prints the mean error and its SE at each checkpoint and the wall and CPU time."""
import time

import numpy as np

S, N, WIDTH, RWIDTH, FORWARD, GAMMA, LR, TRIALS = 32, 8, 2.0, 1.0, 0.7, 0.9, 0.05, 1000
STEPS = [0, 10, 100, 1000, 10000]


def ring(a, b):
    d = np.abs(a - b) % S
    return np.minimum(d, S - d)


s_idx = np.arange(S, dtype=float)
phi = np.exp(-ring(s_idx[:, None], (np.arange(N) * S / N)[None, :]) ** 2 / (2 * WIDTH ** 2))
reward = np.exp(-ring(s_idx, 0.0) ** 2 / (2 * RWIDTH ** 2))
P = np.zeros((S, S))
for s in range(S):
    P[s, (s + 1) % S] += FORWARD
    P[s, (s - 1) % S] += 1 - FORWARD
value = np.linalg.solve(np.eye(S) - GAMMA * P, reward)

wall, cpu = time.perf_counter(), time.process_time()
rng = np.random.default_rng(1)
w = np.zeros((TRIALS, N))
s = rng.integers(0, S, TRIALS)
rows = np.arange(TRIALS)
done = 0
for t in STEPS:
    while done < t:
        nxt = np.where(rng.random(TRIALS) < FORWARD, (s + 1) % S, (s - 1) % S)
        f = phi[s]
        delta = reward[s] + np.einsum("ij,ij->i", GAMMA * phi[nxt] - f, w)
        w += LR * delta[:, None] * f
        s = nxt
        done += 1
    loss = ((value[None, :] - w @ phi.T) ** 2).mean(axis=1)
    print(f"t = {t:6d}  loss = {loss.mean():.6f} ± {loss.std(ddof=1) / np.sqrt(TRIALS):.6f}")
print(f"numpy: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU")
