"""Key press on a slider -> redrawn figure, in one JupyterLab 4 server and one headless
Chromium, for the same ridge theory curve (alpha in [1, 3] by 0.02, beta = 1.2,
noise = 0.1, dim = 1000, lambda = 0, 40 sizes P = geomspace(10, 500, 40)):

- Solvable: explore(plot(theory(ridge(alpha=slider(...), ...)))), the SVG in an HTML widget;
- Python: ipywidgets interact + matplotlib (inline PNG) over bench/ridge_numpy.py's
  theory_curve (the self-consistent kappa solved per P by safeguarded Newton).

Each side: 20 right-arrow presses on the focused slider; the latency is read in the
browser, from the keydown to the first change of the figure. Then Solvable again, the
moves made while a long simulation runs in the next cell (JupyterLab sends widget
comms on a subshell; the redraw runs on a copy of the session). Prints one JSON object
per side. Usage: bench/widgets.sh [--moves N]
"""
import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests-python"))
sys.path.insert(0, str(ROOT / "bench"))
import conftest  # noqa: E402,F401  (installs the Solvable kernelspec into a temporary prefix)
from jupyterlab_harness import (LONG, chromium, jupyterlab, measure_moves, notebook, prompt,  # noqa: E402
                                run_first_cell, start_cell, summary)

SOLVABLE = ('explore(plot(theory(ridge(alpha=slider(1, 3, 1.5, step=0.02), beta=1.2, noise=0.1, dim=1000, lambda=0), '
            'P=geomspace(10, 500, 40)), x="P", y="test", scale="loglog"))')
PYTHON = f"""%matplotlib inline
import sys; sys.path.insert(0, {str(ROOT / 'bench')!r})
import ipywidgets as w, matplotlib.pyplot as plt, numpy as np
from ridge_numpy import theory_curve
P = np.geomspace(10, 500, 40)
@w.interact(alpha=w.FloatSlider(min=1, max=3, value=1.5, step=0.02))
def draw(alpha):
    plt.figure(figsize=(6, 4))
    plt.loglog(P, theory_curve(alpha, 1.2, 0.1, 1000, P))
    plt.xlabel("P"); plt.ylabel("test")
    plt.show()
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--moves", type=int, default=20)
    args = parser.parse_args()
    notebooks = {"solvable.ipynb": notebook("solvable", SOLVABLE), "python.ipynb": notebook("python3", PYTHON),
                 "live.ipynb": notebook("solvable", SOLVABLE, LONG)}
    with jupyterlab(notebooks) as (base, token, _), tempfile.TemporaryDirectory() as profile:
        for name, side in (("solvable.ipynb", "solvable explore (SVG)"),
                           ("python.ipynb", "ipywidgets interact + matplotlib (numpy theory)")):
            # One browser session per notebook, on the same server.
            with chromium(Path(profile) / name) as driver:
                # (The first matplotlib import builds its font cache in the server's fresh HOME.)
                run_first_cell(driver, base, token, name, timeout=240)
                print(json.dumps({"bench": "slider -> redrawn figure", "side": side,
                                  **summary(measure_moves(driver, moves=args.moves))}), flush=True)
        with chromium(Path(profile) / "live.ipynb") as driver:
            run_first_cell(driver, base, token, "live.ipynb")
            start_cell(driver, 1)
            latencies = measure_moves(driver, moves=args.moves)
            running = prompt(driver, 1) == "[*]:"
            print(json.dumps({"bench": "slider -> redrawn figure", "side": "solvable explore during a long simulate",
                              "long_cell_still_running": running, **summary(latencies)}), flush=True)


if __name__ == "__main__":
    main()
