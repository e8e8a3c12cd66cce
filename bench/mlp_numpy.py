"""numpy peer of `final(mlp(width=W, depth=L, batch=B, steps=S, optimizer="sgd", param="mup", task="linear"))`:
the same residual ReLU MLP (h0 = x W_in^T, h_l = h_{l-1} + b relu(h_{l-1}) W_l^T, f = c h_L w_out), the same
forward and backward on BLAS and the same SGD update, S steps on fresh Gaussian batches."""
import sys, time
import numpy as np

def train(width=256, depth=8, batch=128, steps=200, input_dim=16, seed=1, dtype=np.float64):
    rng = np.random.default_rng(seed)
    m_n, m_l = width / 32, depth / 2
    b, c = 1.0, 1 / m_n                      # mup: branch 1, readout 1/m_N
    lr_hidden, lr_outer = 2**-7, 2**-7 * m_n
    w_in = (rng.standard_normal((width, input_dim)) / np.sqrt(input_dim)).astype(dtype)
    blocks = [(rng.standard_normal((width, width)) / np.sqrt(width)).astype(dtype) for _ in range(depth)]
    w_out = (rng.standard_normal(width) / np.sqrt(32)).astype(dtype)
    target = 1 / np.arange(1, input_dim + 1); target /= np.linalg.norm(target)
    for _ in range(steps):
        x = rng.standard_normal((batch, input_dim)); y = (x @ target).astype(dtype); x = x.astype(dtype)
        hs = [x @ w_in.T]
        for w in blocks:
            hs.append(hs[-1] + b * np.maximum(hs[-1], 0) @ w.T)
        f = c * hs[-1] @ w_out
        g_f = (f - y) / batch
        g_out = c * hs[-1].T @ g_f
        g = c * np.outer(g_f, w_out)
        for l in range(depth - 1, -1, -1):
            a = np.maximum(hs[l], 0)
            g_w = b * g.T @ a
            g = g + b * (g @ blocks[l]) * (hs[l] > 0)
            blocks[l] -= lr_hidden * g_w
        w_in -= lr_outer * g.T @ x
        w_out -= lr_outer * g_out
    return float(np.mean((f - y) ** 2))

if __name__ == "__main__":
    # Usage: mlp_numpy.py [steps [width depth batch [float32|float64]]]  (Solvable's trainer is float32)
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    width, depth, batch = (int(a) for a in sys.argv[2:5]) if len(sys.argv) > 4 else (256, 8, 128)
    start = time.perf_counter()
    dtype = np.dtype(sys.argv[5]) if len(sys.argv) > 5 else np.float64
    loss = train(width=width, depth=depth, batch=batch, steps=steps, dtype=dtype)
    elapsed = time.perf_counter() - start
    print(f"numpy {np.dtype(dtype).name} mlp {width}x{depth} batch {batch}: {steps} steps in {elapsed:.2f} s "
          f"({1000 * elapsed / steps:.2f} ms/step), loss {loss:.3g}")
