"""`solvable render` vs `jupyter nbconvert --to html` on the same 20-cell notebook
(outputs saved by `solvable run`: SVG plots, HTML tables, claims, streams).

Usage: python render_bench.py SOLVABLE_BIN NOTEBOOK WORKDIR
Prints median wall-clock seconds of each and the ratio.
"""
import pathlib
import shutil
import statistics
import subprocess
import sys
import time


def median_time(command, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    solvable, notebook, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    jupyter = pathlib.Path(sys.executable).parent / "jupyter"
    site, converted = work / "site", work / "nbconvert"
    shutil.rmtree(site, ignore_errors=True)
    ours = median_time([solvable, "render", str(notebook), "-o", str(site)], 7)
    theirs = median_time([str(jupyter), "nbconvert", "--to", "html", "--output-dir", str(converted), str(notebook)], 5)
    print(f"render 20-cell notebook: solvable render {ours * 1000:.0f} ms, "
          f"jupyter nbconvert --to html {theirs * 1000:.0f} ms, ratio {theirs / ours:.1f}x")


if __name__ == "__main__":
    main()
