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


def median_time(action, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    solvable, notebook, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    jupyter = pathlib.Path(sys.executable).parent / "jupyter"
    site, converted = work / "site", work / "nbconvert"

    def fresh():
        shutil.rmtree(site, ignore_errors=True)
        subprocess.run([solvable, "render", str(notebook), "-o", str(site)], check=True, stdout=subprocess.DEVNULL)

    cold = median_time(fresh, 7)
    warm = median_time(lambda: subprocess.run([solvable, "render", str(notebook), "-o", str(site)], check=True,
                                              stdout=subprocess.DEVNULL), 7)
    theirs = median_time(lambda: subprocess.run([str(jupyter), "nbconvert", "--to", "html", "--output-dir",
                                                 str(converted), str(notebook)], check=True,
                                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), 5)
    print(f"render 20-cell notebook: solvable render {warm * 1000:.0f} ms "
          f"({cold * 1000:.0f} ms into an empty site, copying KaTeX), "
          f"jupyter nbconvert --to html {theirs * 1000:.0f} ms; ratio {theirs / warm:.1f}x ({theirs / cold:.1f}x cold)")

if __name__ == "__main__":
    main()
