"""`solvable run` vs evaluating the same cells directly (`solvable eval` of the
concatenated code, one process, no notebook) vs nbclient driving the solvable kernel
(if a `solvable` kernelspec is installed).

Usage: python run_bench.py SOLVABLE_BIN NOTEBOOK CODE_FILE WORKDIR
"""
import pathlib
import statistics
import subprocess
import sys
import time


def median_time(action, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    solvable, notebook, code, work = sys.argv[1], sys.argv[2], sys.argv[3], pathlib.Path(sys.argv[4])
    out = str(work / "out.ipynb")
    repeats = 5
    ours = median_time(lambda: run([solvable, "run", notebook, "-o", out]), repeats)
    direct = median_time(lambda: run([solvable, "eval", code]), repeats)
    line = (f"run 20-cell notebook: solvable run {ours * 1000:.0f} ms, direct eval {direct * 1000:.0f} ms, "
            f"ratio {ours / direct:.2f}x")
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
