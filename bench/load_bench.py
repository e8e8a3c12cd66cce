"""load() of a 10^6-row CSV (N, D, loss) beside pandas.read_csv, in the same run.

Solvable is timed as the whole `solvable eval` process minus an empty `solvable eval`
(start-up), best of 3; pandas in-process, best of 3. Both wall-clock and CPU.
Usage: python bench/load_bench.py SOLVABLE_BIN
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

ROWS = 1_000_000


def timed_process(args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    binary = sys.argv[1]
    rng = np.random.default_rng(0)
    n, d = 10 ** rng.uniform(7, 10, ROWS), 10 ** rng.uniform(9, 12, ROWS)
    frame = pd.DataFrame({"N": n, "D": d, "loss": 1.69 + 406.4 * n ** -0.34 + 410.7 * d ** -0.28})
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "runs.csv")
        frame.to_csv(path, index=False, float_format="%.6g")
        size = os.path.getsize(path)
        code = f'len(load("{path}").loss)'
        base = min(timed_process([binary, "eval", "-e", "1"]) for _ in range(3))
        full = min(timed_process([binary, "eval", "-e", code]) for _ in range(3))
        pandas = []
        for _ in range(3):
            start, cpu = time.perf_counter(), time.process_time()
            assert len(pd.read_csv(path)) == ROWS
            pandas.append((time.perf_counter() - start, time.process_time() - cpu))
        best = min(pandas)
    swift = (full[0] - base[0], full[1] - base[1])
    print(json.dumps({"bench": "load_csv", "rows": ROWS, "bytes": size, "swift_seconds": swift[0], "swift_cpu_seconds": swift[1],
                      "pandas_seconds": best[0], "pandas_cpu_seconds": best[1]}))
    print(f"load {ROWS} rows ({size / 1e6:.1f} MB): wall swift {swift[0]:.3f} s, pandas {best[0]:.3f} s; "
          f"cpu swift {swift[1]:.3f} s, pandas {best[1]:.3f} s")


if __name__ == "__main__":
    main()
