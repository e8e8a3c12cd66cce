"""Times `flow` in Solvable (release CLI, `solvable eval`) against numpy doing the same
work. Usage: python flow_bench.py SOLVABLE_BIN   (needs numpy).

1. Theory cost per time point vs number of modes (Swift only: the point is that the
   cost grows linearly in dim): 40 time points at N = 100 (P = inf), P = 100 (N = inf),
   N = 100 and P = 200 together, and the same by gradient descent (eta = 0.5).
2. Simulation, Swift vs numpy: the same exact gradient flow of drawn systems.
Each Swift figure subtracts the CLI start-up (an empty evaluation), best of 3."""
import subprocess
import sys
import time

import numpy as np

import flow_numpy

BIN = sys.argv[1]


def cli(code):
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([BIN, "eval", "-e", code], check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def best_of(f, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - start)
    return best


startup = cli("1")
print(f"CLI start-up: {startup * 1e3:.1f} ms (subtracted below)\n")
print("theory cost per time point (40 points)")
print(f"{'dim':>8} {'P=inf, N=100':>14} {'N=inf, P=100':>14} {'N=100, P=200':>14} {'GD, same':>14}   (ms/pt)")
for dim in [1000, 10000, 100000]:
    width = cli(f"theory(flow(alpha=2, beta=0.5, dim={dim}, N=100), t=geomspace(1, 1e6, 40))") - startup
    data = cli(f"theory(flow(alpha=2, beta=0.5, noise=0.1, dim={dim}, P=100), t=geomspace(1, 1e6, 40))") - startup
    both = cli(f"theory(flow(alpha=2, beta=0.5, noise=0.1, dim={dim}, N=100, P=200), t=geomspace(1, 1e6, 40))") - startup
    descent = cli(f"theory(flow(alpha=2, beta=0.5, noise=0.1, dim={dim}, N=100, P=200, eta=0.5), "
                  f"t=round(geomspace(1, 1e6, 40)))") - startup
    print(f"{dim:>8} {width / 40 * 1e3:>14.3f} {data / 40 * 1e3:>14.3f} {both / 40 * 1e3:>14.3f} {descent / 40 * 1e3:>14.3f}")

# Late times: every contour node's κ̃ is near the floor, so all 24·47 node pairs take the
# direct O(dim) pair sums (shared between symmetric pairs); the notebooks' converged-loss cells.
print("\nlate-time two-level theory, N = 200, P = 6400, t = 1e10 … 1e14 (5 points)")
print(f"{'dim':>8} {'ms/pt':>10}")
for dim in [1000, 10000, 100000]:
    late = cli(f"theory(flow(alpha=2, beta=0.5, dim={dim}, N=200, P=6400), t=geomspace(1e10, 1e14, 5))") - startup
    print(f"{dim:>8} {late / 5 * 1e3:>10.2f}")

print("\nsimulation (10 times, 8 trials), seconds")
print(f"{'case':<34} {'Solvable':>9} {'numpy':>9} {'ratio':>7}")
times = np.geomspace(1, 1e4, 10)
cases = [
    ("P=inf, dim=2000, N=400", "N=400", dict(width=400, samples=None)),
    ("N=inf, dim=2000, P=400, noise=0.1", "P=400, noise=0.1", dict(width=None, samples=400)),
]
for label, args, kw in cases:
    swift = cli(f"simulate(flow(alpha=2, beta=0.5, dim=2000, {args}), t=geomspace(1, 1e4, 10), trials=8, seed=1)") - startup
    numpy = best_of(lambda: flow_numpy.simulate(2, 0.5, 2000, kw["width"], kw["samples"], 0.1, times, 8, 1))
    print(f"{label:<34} {swift:>9.3f} {numpy:>9.3f} {swift / numpy:>7.2f}")
