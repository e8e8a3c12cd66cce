"""A real JupyterLab 4 (with jupyterlab_widgets) on loopback, random port, its own
token and temporary directories, driven by headless Chromium through selenium and
Debian's chromedriver; used by test_jupyterlab_widgets.py and bench/widgets.py.

`measure_moves` presses the right arrow on the focused slider handle and reads, in
the browser's clock, the time from the keydown to the first change of the view
(the SVG in the explore's HTML widget, or the image of an ipywidgets Output)."""
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def jupyterlab(notebooks, save_state=True, trusted=(), args=()):
    """A JupyterLab server over a temporary root holding `notebooks` (name → nbformat
    JSON); yields (base_url, token, root). With `save_state` False the widget manager keeps
    its default settings; the notebooks named in `trusted` are signed (`jupyter trust`);
    `args` go to the server's command line.
    Stopped (and its directories removed) at the end."""
    root = Path(tempfile.mkdtemp(prefix="solvable-lab-"))
    for name, nb in notebooks.items():
        (root / name).write_text(json.dumps(nb))
    port, token = free_port(), uuid.uuid4().hex
    # Let JupyterLab save the widget state into the notebook when it saves (off by default).
    if save_state:
        manager = root / ".settings" / "@jupyter-widgets" / "jupyterlab-manager"
        manager.mkdir(parents=True)
        (manager / "plugin.jupyterlab-settings").write_text(json.dumps({"saveState": True}))
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(root / ".config"), "JUPYTER_RUNTIME_DIR": str(root / ".runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(root / ".settings"), "JUPYTERLAB_WORKSPACES_DIR": str(root / ".workspaces"),
           "HOME": str(root / ".home")}
    if trusted:
        subprocess.run([sys.executable, "-m", "nbformat.sign", *(str(root / name) for name in trusted)],
                       env=env, check=True, capture_output=True)
    log = open(root / "lab.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
                               "--ServerApp.open_browser=False", "--allow-root", "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", *args],
                              cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("JupyterLab did not start:\n" + (root / "lab.log").read_text())
                time.sleep(0.3)
        yield base, token, root
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def chromium(profile):
    """Headless Chromium under selenium (Debian's chromium and chromedriver)."""
    from selenium import webdriver
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1600",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium")
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")),
                              options=options)
    try:
        yield driver
    finally:
        driver.quit()


def notebook(kernel, source, *more):
    """An nbformat 4 notebook of code cells `source`, `*more` for `kernel` ("solvable" or "python3")."""
    language = {"solvable": "solvable", "python3": "python"}[kernel]
    return {"nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": kernel, "display_name": kernel, "language": language}},
            "cells": [{"cell_type": "code", "id": f"c{i + 1}", "metadata": {}, "execution_count": None,
                       "outputs": [], "source": text} for i, text in enumerate((source, *more))]}


# A cell that keeps the main shell busy: about 8 s of simulation in a release build on the 2-core CI machine.
LONG = "s = simulate(ridge(alpha=1.5, beta=1.2, noise=0.1, dim=400, lambda=1e-4), P=[100, 200, 400], trials=100, seed=1)"

# The notebook shown now (others stay open in hidden tabs).
SHOWN = ".jp-NotebookPanel:not(.lm-mod-hidden) "
# The view: the explore's HTML widget, or the Output widget interact draws into.
VIEW = f"{SHOWN}.jp-OutputArea-output .widget-html-content svg, {SHOWN}.jp-OutputArea-output .widget-output img"
HANDLE = SHOWN + ".jp-OutputArea-output .noUi-handle"


def run_first_cell(driver, base, token, name, timeout=90):
    """Opens notebook `name`, runs its cell, waits for a slider and a view."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get(f"{base}/lab/tree/{name}?token={token}")
    wait = WebDriverWait(driver, timeout)
    # The kernel is ready when the toolbar's status says Idle.
    wait.until(lambda d: d.execute_script(
        "var s=document.querySelector('.jp-Notebook-ExecutionIndicator');"
        "return s && (s.getAttribute('data-status')==='idle');"))
    from selenium.webdriver.common.action_chains import ActionChains
    # A key press that lands before the kernel connection is up is lost: press again.
    for attempt in range(3):
        editor = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, SHOWN + ".jp-Cell .jp-InputArea-editor"))
        ActionChains(driver).move_to_element(editor).click().key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
        try:
            WebDriverWait(driver, timeout / 3).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, HANDLE))
            break
        except Exception:  # a timeout, or the editor re-rendered under the click
            if attempt == 2:
                raise
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, VIEW))


def prompt(driver, index):
    """The input prompt of cell `index` of the shown notebook (`[*]:` while it runs)."""
    return driver.execute_script("return document.querySelectorAll(arguments[0]+'.jp-Cell .jp-InputPrompt')[arguments[1]]"
                                 ".textContent.trim();", SHOWN, index)


def start_cell(driver, index, timeout=30):
    """Runs cell `index` of the shown notebook (Shift+Enter in its editor); returns once it runs."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    editor = driver.find_elements(By.CSS_SELECTOR, SHOWN + ".jp-Cell .jp-InputArea-editor")[index]
    ActionChains(driver).move_to_element(editor).click().key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
    WebDriverWait(driver, timeout).until(lambda d: prompt(d, index) == "[*]:")


INSTALL_PROBE = """
window.__moves = [];
var view = () => document.querySelector(arguments[0]);
var handle = document.querySelector(arguments[1]);
var container = handle.closest('.jp-OutputArea-output');
handle.addEventListener('keydown', () => { window.__moves.push({key: performance.now(), view: null,
    before: (view() || {}).outerHTML}); }, true);
new MutationObserver(() => {
  var last = window.__moves[window.__moves.length - 1];
  var now = view();
  if (last && last.view === null && now && now.outerHTML !== last.before) last.view = performance.now();
}).observe(container, {subtree: true, childList: true, attributes: true, characterData: true});
handle.focus();
"""


def save_notebook(driver, path, timeout=30):
    """Saves the shown notebook (Ctrl+S) and returns the file's JSON once it has widget state."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("s").key_up(Keys.CONTROL).perform()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            nb = json.loads(Path(path).read_text())
            if "widgets" in nb.get("metadata", {}):
                return nb
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    raise AssertionError("JupyterLab did not save the widget state")


def measure_moves(driver, moves=20, timeout=30):
    """Latencies in ms from each right-arrow keydown on the slider to the changed view."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    driver.execute_script(INSTALL_PROBE, VIEW, HANDLE)
    handle = driver.find_element(By.CSS_SELECTOR, HANDLE)
    latencies = []
    for i in range(moves):
        handle.send_keys(Keys.ARROW_RIGHT)
        deadline = time.monotonic() + timeout
        while True:
            move = driver.execute_script("return window.__moves[arguments[0]] || null;", i)
            if move and move["view"] is not None:
                latencies.append(move["view"] - move["key"])
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"move {i + 1}: the view did not change within {timeout} s")
            time.sleep(0.005)
    return latencies


def summary(latencies):
    ordered = sorted(latencies)
    median = ordered[len(ordered) // 2] if len(ordered) % 2 else (ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2]) / 2
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return {"moves": len(ordered), "median_ms": round(median, 1), "p99_ms": round(p99, 1)}
