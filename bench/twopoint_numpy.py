"""numpy peer of `simulate(flow(..., batch=4))` (bench/twopoint.sh): the same run — 16 trials of
a random-feature model (λ_k = k^-1.5, λ_k w*_k² = k^-2.2, M = 1000 modes, N = 400 features
f = Aψ/√N, P = 200 samples, label noise 0.3) trained from w = 0 by minibatch SGD (each step a
uniform subset of B = 4 distinct samples, step 0.3) for 5000 steps, test (v − w*)ᵀΛ(v − w*)
with v = Aᵀw/√N and train |Fw − y|²/P read at 5 steps. Random numbers differ (PCG64 vs
xoshiro256**); the means agree within errors. Prints the table and the wall and CPU time."""
import time

import numpy as np

ALPHA, BETA, NOISE, M, N, P, ETA, B, TRIALS = 1.5, 0.8, 0.3, 1000, 400, 200, 0.3, 4, 16
STEPS = [1, 10, 100, 1000, 5000]
k = np.arange(1, M + 1, dtype=float)
lam = k ** -ALPHA
target = np.sqrt(k ** -(ALPHA * BETA + 1)) / np.sqrt(lam)
rng = np.random.default_rng(1)

wall, cpu = time.perf_counter(), time.process_time()
test = np.zeros((TRIALS, len(STEPS)))
train = np.zeros((TRIALS, len(STEPS)))
for trial in range(TRIALS):
    a = rng.standard_normal((N, M))
    psi = rng.standard_normal((P, M)) * np.sqrt(lam)
    y = psi @ target + NOISE * rng.standard_normal(P)
    f = psi @ a.T / np.sqrt(N)
    w = np.zeros(N)
    done = 0
    for i, t in enumerate(STEPS):
        while done < t:
            batch = rng.choice(P, B, replace=False)
            fb = f[batch]
            w -= ETA / B * fb.T @ (fb @ w - y[batch])
            done += 1
        v = a.T @ w / np.sqrt(N)
        test[trial, i] = np.sum(lam * (v - target) ** 2)
        train[trial, i] = np.mean((f @ w - y) ** 2)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
se = lambda x: x.std(axis=0, ddof=1) / np.sqrt(TRIALS)
print("t,test,test_se,train,train_se")
for i, t in enumerate(STEPS):
    print(f"{t},{test[:, i].mean():.6g},{se(test)[i]:.3g},{train[:, i].mean():.6g},{se(train)[i]:.3g}")
print(f"numpy: {wall:.2f} s wall, {cpu:.2f} s CPU")
