"""An explore cell saved by `solvable run` (widget view + fallback + frames + widget
state metadata) and rendered by `solvable render` into an offline interactive figure,
driven in headless Chromium through selenium: moving the slider swaps the SVG."""
import json
import shutil

import nbformat
import pytest

from solvable_helpers import solvable

EXPLORE = ('explore(plot(theory(ridge(alpha=slider(1, 3, 1.5, step=0.25), beta=1.2, noise=0.1, dim=1000, lambda=1e-3), '
           'P=geomspace(10, 1e4, 40)), x="P", y="test", scale="loglog"))')


@pytest.fixture(scope="module")
def explored(tmp_path_factory):
    """A notebook with the explore cell, run by `solvable run`, and its rendered page."""
    tmp = tmp_path_factory.mktemp("explore")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Explore"), nbformat.v4.new_code_cell(EXPLORE)]
    path = tmp / "explore.ipynb"
    nbformat.write(nb, str(path))
    solvable("run", "--in-place", path, check=True)
    saved = nbformat.read(str(path), as_version=4)
    nbformat.validate(saved)
    solvable("render", path, "-o", tmp / "site", check=True)
    return saved, (tmp / "site" / "explore.html")


def explore_output(nb):
    """The data of the explore display (a progress bar of the theory call comes first)."""
    return next(o["data"] for o in nb.cells[1].outputs if "application/vnd.solvable.explore+json" in o.get("data", {}))


def test_saved_output_has_widget_view_fallback_frames_and_state(explored):
    saved, _ = explored
    data = explore_output(saved)
    view = data["application/vnd.jupyter.widget-view+json"]
    assert "image/svg+xml" in data and "text/plain" in data  # the static fallback
    state = saved.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]
    assert state["version_major"] == 2
    box = state["state"][view["model_id"]]
    assert box["model_name"] == "VBoxModel" and box["model_module_version"] == "2.0.0"
    names = sorted(m["model_name"] for m in state["state"].values())
    assert "FloatSliderModel" in names and "HTMLModel" in names and "LayoutModel" in names
    frames = data["application/vnd.solvable.explore-frames+json"]
    # 1..3 by 0.25: 9 frames, the initial (1.5) is the third.
    assert len(frames["frames"]) == 9 and frames["initial"] == [2]
    assert frames["controls"][0]["label"] == "alpha" and frames["controls"][0]["values"][2] == "1.5"
    assert "9 frames" in frames["note"] and "at most 64 per control and 400 in all" in frames["note"]
    assert len(set(frames["frames"])) == 9  # every alpha draws a different curve
    assert "".join(data["image/svg+xml"]) == frames["frames"][2]


def test_two_runs_write_the_same_widgets(explored, tmp_path):
    saved, _ = explored
    path = tmp_path / "again.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Explore"), nbformat.v4.new_code_cell(EXPLORE)]
    nbformat.write(nb, str(path))
    solvable("run", "--in-place", path, check=True)
    again = nbformat.read(str(path), as_version=4)
    assert again.metadata["widgets"] == saved.metadata["widgets"]
    assert again.cells[1].outputs == saved.cells[1].outputs


def test_rendered_figure_is_interactive_offline_in_chromium(explored, tmp_path):
    _, page = explored
    html = page.read_text()
    assert '<input type="range"' in html and "Interactive: 9 frames precomputed" in html
    assert "http://" not in html.split("<body", 1)[1].replace("http://www.w3.org", "")
    webdriver = pytest.importorskip("selenium.webdriver")
    if not shutil.which("chromedriver"):
        pytest.skip("chromedriver (Debian chromium-driver) is not installed")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,1400",
                 f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium")
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")),
                              options=options)
    try:
        driver.set_network_conditions(offline=True, latency=0, throughput=0)
        driver.get(page.as_uri())
        view = driver.find_element(By.CSS_SELECTOR, ".explore-view")
        before_svg = view.get_attribute("innerHTML")
        before = view.screenshot_as_png
        slider = driver.find_element(By.CSS_SELECTOR, '.explore input[type="range"]')
        slider.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
        after_svg = view.get_attribute("innerHTML")
        after = view.screenshot_as_png
        assert slider.get_attribute("value") == "4"
        assert driver.find_element(By.CSS_SELECTOR, ".explore output").text == "2"
        assert before_svg != after_svg and "<svg" in after_svg
        assert before != after, "the screenshot did not change"
    finally:
        driver.quit()
