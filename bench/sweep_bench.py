"""Per-task cost of `solvable sweep` beside papermill running the same notebook with the
same parameters through the Solvable kernel, and beside plain `solvable run -p` per set.

Usage: python sweep_bench.py SOLVABLE_BIN WORKDIR
"""
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import time

import nbformat

LR = ["0.5", "0.25"]
WIDTH = ["64", "128", "256"]
SETS = [(lr, width) for lr in LR for width in WIDTH]


def notebook(path):
    """A small parameterised notebook: a ridge learning curve, a claim, a gathered table."""
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "solvable", "display_name": "Solvable"}})
    parameters = nbformat.v4.new_code_cell("width = 64\nlr = 0.5")
    parameters.metadata["tags"] = ["parameters"]
    gathered = nbformat.v4.new_code_cell("table(width=[width], loss=[lr * width])")
    gathered.metadata["tags"] = ["gather"]
    nb.cells = [parameters,
                nbformat.v4.new_code_cell("xs = [lr * width * i for i in range(200)]\ns = sum(xs)"),
                nbformat.v4.new_code_cell('claim("sum of the ramp", s, expect=lr * width * 19900, tol=1e-6)'),
                gathered]
    nbformat.write(nb, str(path))


def measure(action):
    """Wall-clock and child CPU seconds (user + system) of one call of `action`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    action()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run(command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    solvable, work = sys.argv[1], pathlib.Path(sys.argv[2])
    nb = work / "sweep.ipynb"
    notebook(nb)
    out = work / "out"

    def sweep(jobs):
        def action():
            shutil.rmtree(out, ignore_errors=True)
            run([solvable, "sweep", str(nb), "-p", "lr=" + ",".join(LR), "-p", "width=" + ",".join(WIDTH),
                 "-o", str(out), "-j", str(jobs)])
        return action

    def runs():
        for i, (lr, width) in enumerate(SETS):
            run([solvable, "run", str(nb), "-p", f"lr={lr}", "-p", f"width={width}", "-o", str(work / f"run{i}.ipynb")])

    def papermill():
        for i, (lr, width) in enumerate(SETS):
            run([sys.executable, "-m", "papermill", "-k", "solvable", "--language", "python", str(nb),
                 str(work / f"pm{i}.ipynb"), "-p", "lr", lr, "-p", "width", width])

    actions = {"sweep -j 1": sweep(1), "sweep -j 2": sweep(2), "run -p x6": runs, "papermill x6": papermill}
    samples = {name: [] for name in actions}
    for _ in range(3):  # interleaved, so load from other processes falls on all alike
        for name, action in actions.items():
            samples[name].append(measure(action))
    n = len(SETS)
    for name, s in samples.items():
        wall = statistics.median(w for w, _ in s) / n
        cpu = statistics.median(c for _, c in s) / n
        print(f"{name:13s} {wall * 1000:7.0f} ms wall / {cpu * 1000:6.0f} ms CPU per task ({n} tasks, median of 3)")


if __name__ == "__main__":
    main()
