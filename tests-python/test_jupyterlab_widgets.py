"""A real JupyterLab 4 with jupyterlab_widgets in headless Chromium: the explore cell
renders a slider; each arrow key on the focused slider changes the SVG; the latency
from key press to new SVG is reported (median and p99 over 20 moves)."""
import json
import shutil

import pytest

pytest.importorskip("jupyterlab")
pytest.importorskip("selenium")
if not (shutil.which("chromium") and shutil.which("chromedriver")):
    pytest.skip("needs Debian's chromium and chromium-driver", allow_module_level=True)

from jupyterlab_harness import (chromium, jupyterlab, measure_moves, notebook, run_first_cell,  # noqa: E402
                                save_notebook, summary)

EXPLORE = ('explore(plot(theory(ridge(alpha=slider(1, 3, 1.5), beta=1.2, noise=0.1, dim=1000, lambda=1e-3), '
           'P=geomspace(10, 1e4, 40)), x="P", y="test", scale="loglog"))')


def test_explore_slider_redraws_the_svg_in_jupyterlab(tmp_path):
    with jupyterlab({"explore.ipynb": notebook("solvable", EXPLORE)}) as (base, token, root):
        with chromium(tmp_path / "profile") as driver:
            run_first_cell(driver, base, token, "explore.ipynb")
            label = driver.execute_script(
                "return document.querySelector('.jp-OutputArea-output .widget-slider .widget-label').textContent")
            assert label == "alpha"
            latencies = measure_moves(driver, moves=20)
            value = driver.execute_script(
                "return document.querySelector('.jp-OutputArea-output .widget-readout').textContent")
            assert float(value) == pytest.approx(1.5 + 20 * 0.02, abs=1e-9)
            # JupyterLab saving (widget state on) records the last view in the notebook.
            saved = save_notebook(driver, root / "explore.ipynb")
    state = saved["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    sliders = [m["state"] for m in state.values() if m["model_name"] == "FloatSliderModel"]
    assert len(sliders) == 1 and sliders[0]["value"] == pytest.approx(1.9) and sliders[0]["description"] == "alpha"
    views = [m["state"]["value"] for m in state.values()
             if m["model_name"] == "HTMLModel" and "<svg" in m["state"].get("value", "")]  # defaults are left out
    assert len(views) == 1
    result = summary(latencies)
    print("jupyterlab explore key press -> new SVG:", json.dumps(result))
    assert result["moves"] == 20
