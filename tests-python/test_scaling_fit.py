"""Solvable's scaling-law fit against scipy's L-BFGS-B with the same objective and grid.

The peer (bench/scaling_fit_scipy.py) implements Hoffmann et al. (2022)'s fit step for step;
on the same synthetic runs the point estimates must agree to 1e-4 relative.
"""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, SOLVABLE_BIN

sys.path.insert(0, str(ROOT / "bench"))
import scaling_fit_scipy as peer  # noqa: E402

TRUTH = {"chinchilla": [1.69, 406.4, 410.7, 0.34, 0.28], "offset_powerlaw": [1.8, 250.0, 0.3]}
NAMES = {"chinchilla": ["E", "A", "B", "alpha", "beta"], "offset_powerlaw": ["E", "A", "alpha"]}



def text(value):
    """MIME text as one string: nbformat (and `solvable eval --json`) may store it as a list of lines."""
    return "".join(value) if isinstance(value, list) else value

def synthetic_runs(law, count, noise, seed):
    """Runs with log-uniform sizes and log-normal noise on the generating law."""
    rng = np.random.default_rng(seed)
    n = 10 ** rng.uniform(7, 10, count)
    d = 10 ** rng.uniform(9, 12, count)
    t = TRUTH[law]
    if law == "chinchilla":
        clean = t[0] + t[1] * n ** -t[3] + t[2] * d ** -t[4]
        inputs = [n, d]
    else:
        clean = t[0] + t[1] * n ** -t[2]
        inputs = [n]
    return inputs, clean * np.exp(noise * rng.standard_normal(count))


def vector(values):
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def solvable_fit(law, inputs, losses, options=""):
    """The fields of Solvable's fit on the same runs, via `solvable eval --json`."""
    columns = ["N", "D"][: len(inputs)]
    table = ", ".join(f"{c}={vector(x)}" for c, x in zip(columns, inputs))
    x = '["N", "D"]' if law == "chinchilla" else '"N"'
    names = NAMES[law]
    code = (f"runs = table({table}, loss={vector(losses)})\n"
            f'f = fit(runs, law="{law}", x={x}, y="loss"{options})\n'
            f"[{', '.join('f.' + n for n in names)}]")
    out = subprocess.run([SOLVABLE_BIN, "eval", "--json", "-e", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    result = text(json.loads(out.stdout)[-1]["data"]["text/plain"])
    return np.array([float(v) for v in result.strip("[]").split(",")])


@pytest.mark.parametrize("law,count,noise,seed,delta", [
    ("chinchilla", 60, 0.03, 1, 1e-3),
    ("chinchilla", 120, 0.01, 2, 1e-3),
    ("chinchilla", 60, 0.03, 3, None),
    ("offset_powerlaw", 40, 0.02, 4, 1e-3),
    ("offset_powerlaw", 40, 0.02, 5, None),
])
def test_point_estimates_match_scipy(law, count, noise, seed, delta):
    inputs, losses = synthetic_runs(law, count, noise, seed)
    expected, _ = peer.fit(law, inputs, losses, delta=delta)
    options = ', loss="mse"' if delta is None else ""
    got = solvable_fit(law, inputs, losses, options)
    np.testing.assert_allclose(got, expected, rtol=1e-4, err_msg=f"{NAMES[law]}")
    # Both recover the generating law roughly (a sanity check on the peer itself).
    np.testing.assert_allclose(expected[-1], TRUTH[law][-1], rtol=0.3)
