"""Scaling-law fit + 1000 bootstraps of 250 runs: Solvable beside scipy, in the same run.

Both sides do the same work (bench/scaling_fit_scipy.py is the algorithm step for step): the
Hoffmann et al. objective on their 4500-point grid, L-BFGS from the 24 best starts, then 1000
resamples each refitted from the point estimate. Solvable is timed as a user meets it, the whole
`solvable eval` process (start-up, parsing the table, fit, bootstrap); scipy in-process.
Usage: python bench/scaling_fit_bench.py SOLVABLE_BIN
"""
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import scaling_fit_scipy as peer  # noqa: E402

RUNS, BOOTSTRAP, SEED = 250, 1000, 0


def runs():
    rng = np.random.default_rng(SEED)
    n = 10 ** rng.uniform(7, 10, RUNS)
    d = 10 ** rng.uniform(9, 12, RUNS)
    loss = (1.69 + 406.4 * n ** -0.34 + 410.7 * d ** -0.28) * np.exp(0.03 * rng.standard_normal(RUNS))
    return n, d, loss


def vector(values):
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def main():
    binary = sys.argv[1]
    n, d, loss = runs()
    code = (f"runs = table(N={vector(n)}, D={vector(d)}, loss={vector(loss)})\n"
            f'f = fit(runs, law="chinchilla", x=["N", "D"], y="loss", bootstrap={BOOTSTRAP}, seed={SEED})\n'
            "[f.E, f.A, f.B, f.alpha, f.beta, f.alpha_low, f.alpha_high]")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([binary, "eval", "--json", "-e", code], capture_output=True, text=True, check=True)
    swift_wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    swift_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    swift = [float(v) for v in json.loads(out.stdout)[-1]["data"]["text/plain"].strip("[]").split(",")]

    start, cpu = time.perf_counter(), time.process_time()
    estimate, interval = peer.fit("chinchilla", [n, d], loss, bootstrap=BOOTSTRAP, seed=SEED)
    scipy_wall, scipy_cpu = time.perf_counter() - start, time.process_time() - cpu

    print(json.dumps({"bench": "scaling_fit", "runs": RUNS, "bootstrap": BOOTSTRAP,
                      "swift_seconds": swift_wall, "swift_cpu_seconds": swift_cpu,
                      "scipy_seconds": scipy_wall, "scipy_cpu_seconds": scipy_cpu,
                      "swift_estimate": swift[:5], "scipy_estimate": list(map(float, estimate)),
                      "swift_alpha_interval": swift[5:], "scipy_alpha_interval": list(map(float, interval[:, 3]))}))
    print(f"fit + {BOOTSTRAP} bootstraps of {RUNS} runs: wall swift {swift_wall:.2f} s, scipy {scipy_wall:.2f} s "
          f"(swift/scipy {swift_wall / scipy_wall:.3f}); cpu swift {swift_cpu:.2f} s, scipy {scipy_cpu:.2f} s "
          f"(swift/scipy {swift_cpu / scipy_cpu:.3f})")


if __name__ == "__main__":
    main()
