"""numpy peer of `dynamics-bench peaked simulate` (bench/peaked.sh): the same SGD on the
peaked softmax head (V=128, d=32, T=1e-3, batch 1024, lr 5, 512 steps), fresh rms-normalised
Gaussian batches, KL to the teacher on a 4096-input evaluation set at the same steps."""
import sys
import time

import numpy as np

V, D, T, B, LR = 128, 32, 1e-3, 1024, 5.0
STEPS = [0, 16, 64, 128, 256, 512]
rng = np.random.default_rng(1)


def inputs(n):
    x = rng.standard_normal((n, D))
    return x * np.sqrt(D) / np.linalg.norm(x, axis=1, keepdims=True)


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


start = time.perf_counter()
teacher = rng.choice([-1.0, 1.0], size=(V, D)) / np.sqrt(D)
xe = inputs(4096)
log_pt_e = log_softmax(xe @ teacher.T / T)
pt_e = np.exp(log_pt_e)
w = np.zeros((V, D))
done = 0
print("t,test,beta")
for target in STEPS:
    while done < target:
        x = inputs(B)
        pt = np.exp(log_softmax(x @ teacher.T / T))
        ps = np.exp(log_softmax(x @ w.T))
        w -= LR * ((ps - pt).T @ x) / B
        done += 1
    log_ps = log_softmax(xe @ w.T)
    kl = np.sum(np.where(pt_e > 0, pt_e * (log_pt_e - log_ps), 0.0), axis=1).mean()
    print(f"{target},{kl},{np.sum(w * teacher) / V}")
print(f"seconds {time.perf_counter() - start}", file=sys.stderr)
