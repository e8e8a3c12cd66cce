"""`solvable run` vs evaluating the same cells directly (`solvable eval` of the
concatenated code, one process, no notebook) vs nbclient driving the solvable kernel
(if a `solvable` kernelspec is installed).

Usage: python run_bench.py SOLVABLE_BIN NOTEBOOK CODE_FILE WORKDIR
"""
import pathlib
import resource
import statistics
import subprocess
import sys
import time


def measure(action):
    """Wall-clock and child CPU seconds (user + system) of one call of `action`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    action()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def interleaved(actions, repeats):
    """Median wall and CPU seconds per action, alternating the actions so that load
    from other processes on the machine falls on all of them alike."""
    samples = [[] for _ in actions]
    for _ in range(repeats):
        for i, action in enumerate(actions):
            samples[i].append(measure(action))
    return [(statistics.median(w for w, _ in s), statistics.median(c for _, c in s)) for s in samples]


def median_time(action, repeats):
    return statistics.median(measure(action)[0] for _ in range(repeats))


def run(command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    solvable, notebook, code, work = sys.argv[1], sys.argv[2], sys.argv[3], pathlib.Path(sys.argv[4])
    out = str(work / "out.ipynb")
    repeats = 5
    (ours, ours_cpu), (direct, direct_cpu) = interleaved(
        [lambda: run([solvable, "run", notebook, "-o", out]), lambda: run([solvable, "eval", code])], repeats)
    line = (f"run 20-cell notebook: solvable run {ours * 1000:.0f} ms wall / {ours_cpu * 1000:.0f} ms CPU, "
            f"direct eval {direct * 1000:.0f} ms wall / {direct_cpu * 1000:.0f} ms CPU; "
            f"ratio {ours / direct:.2f}x wall, {ours_cpu / direct_cpu:.2f}x CPU")
    try:
        import nbclient
        import nbformat
        from jupyter_client.kernelspec import KernelSpecManager
        if "solvable" not in KernelSpecManager().find_kernel_specs():
            raise LookupError("no solvable kernelspec installed (solvable install --user)")

        def drive():
            nb = nbformat.read(notebook, as_version=4)
            nbclient.NotebookClient(nb, kernel_name="solvable", timeout=600).execute()

        theirs = median_time(drive, 3)
        line += f", nbclient + solvable kernel {theirs * 1000:.0f} ms ({theirs / ours:.1f}x solvable run)"
    except Exception as error:  # nbclient or the kernel missing: say so, do not fail the bench
        line += f", nbclient: skipped ({error})"
    print(line)


if __name__ == "__main__":
    main()
