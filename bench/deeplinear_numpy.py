"""numpy peer of `dynamics-bench deeplinear simulate` (bench/deeplinear.sh): full-batch gradient
descent on ½‖Σ³¹ − W_3 W_2 W_1‖²_F, dim 64, width 64, four teacher modes, balanced start
u₀ = 1e-3, lr 1e-3, 5000 steps, mode strengths read at the same times."""
import sys
import time

import numpy as np

DIM, WIDTH, L, LR, U0 = 64, 64, 3, 1e-3, 1e-3
S = np.array([1.5, 1.0, 0.75, 0.5])
TIMES = [0, 1, 2, 3, 4, 5]
rng = np.random.default_rng(1)


def orthogonal(n):
    return np.linalg.svd(rng.standard_normal((n, n)))[0]


start = time.perf_counter()
k = len(S)
u, v = orthogonal(DIM), orthogonal(DIM)
teacher = (u[:, :k] * S) @ v[:, :k].T
bases = [v] + [orthogonal(WIDTH) for _ in range(L - 1)] + [u]
a = U0 ** (1 / L)
ws = [a * bases[l + 1][:, :k] @ bases[l][:, :k].T for l in range(L)]
done = 0
print("t,mode,u")
for t in TIMES:
    while done < round(t / LR):
        prefix = [np.eye(DIM)]
        for w in ws:
            prefix.append(w @ prefix[-1])
        suffix = [np.eye(DIM)] * L
        for l in range(L - 2, -1, -1):
            suffix[l] = suffix[l + 1] @ ws[l + 1]
        err = teacher - prefix[L]
        ws = [ws[l] + LR * suffix[l].T @ err @ prefix[l].T for l in range(L)]
        done += 1
    product = ws[2] @ ws[1] @ ws[0]
    for m in range(k):
        print(f"{t},{m + 1},{u[:, m] @ product @ v[:, m]}")
print(f"seconds {time.perf_counter() - start}", file=sys.stderr)
