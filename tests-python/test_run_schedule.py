"""`solvable run -j N` schedules the longest notebooks first (issue 17 item 2): it reads each
notebook's last time from .solvable-cache/run-times.json, starts them longest first, and records
the new times (never lowering one by more than half, so cached runs keep the order). Without a
recorded time (a fresh clone) the notebook's own saved cell timings stand in."""
import datetime
import json
import os
import pathlib
import subprocess
import time

from solvable_helpers import solvable, solvable_bin
from test_cli_files import write

# A third of a second of training on an idle core: long enough that a notebook started when
# one of these finishes cannot start its first cell before the other has started its own.
WORK = "final(mlp(width=64, depth=8, steps=500))"


def first_cell_start(path):
    cell = next(c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")
    stamp = cell["metadata"]["execution"]["iopub.execute_input"]
    return datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ")


def test_run_starts_the_longest_notebooks_first_and_records_times(tmp_path):
    for name in "abc":
        write(tmp_path / f"{name}.ipynb", [WORK])
    times = tmp_path / ".solvable-cache" / "run-times.json"
    times.parent.mkdir()
    times.write_text(json.dumps({"a.ipynb": 1.0, "b.ipynb": 50.0, "c.ipynb": 30.0}))
    solvable("run", "--in-place", "--no-cache", "-j", "2", tmp_path, check=True)
    # b and c (the longest last time) take the two slots; a starts only when one is done.
    start = {name: first_cell_start(tmp_path / f"{name}.ipynb") for name in "abc"}
    assert start["a"] > start["b"] and start["a"] > start["c"]
    recorded = json.loads(times.read_text())
    assert set(recorded) == {"a.ipynb", "b.ipynb", "c.ipynb"}
    # A shorter run lowers a time by at most half (max(new, old/2)).
    assert recorded["b.ipynb"] >= 25 and recorded["c.ipynb"] >= 15 and recorded["a.ipynb"] > 0


def test_run_without_recorded_times_keeps_file_order_and_writes_them(tmp_path):
    for name in "ab":
        write(tmp_path / f"{name}.ipynb", ["1 + 1"])
    result = solvable("run", "--in-place", "-j", "2", tmp_path, check=True)
    assert "a.ipynb: ok" in result.stdout and "b.ipynb: ok" in result.stdout
    recorded = json.loads((tmp_path / ".solvable-cache" / "run-times.json").read_text())
    assert set(recorded) == {"a.ipynb", "b.ipynb"} and all(s > 0 for s in recorded.values())


def test_run_without_recorded_times_orders_by_the_saved_cell_times(tmp_path):
    # A fresh clone has no run-times.json: the notebooks' own saved cell timings order them.
    saved = {"a": None, "b": 50, "c": 30}
    for name, seconds in saved.items():
        path = tmp_path / f"{name}.ipynb"
        write(path, [WORK])
        if seconds is not None:
            notebook = json.loads(path.read_text())
            notebook["cells"][1]["metadata"]["execution"] = {
                "iopub.execute_input": "2026-01-01T00:00:00.000000Z",
                "shell.execute_reply": f"2026-01-01T00:00:{seconds:02d}.000000Z",
            }
            path.write_text(json.dumps(notebook))
    solvable("run", "--in-place", "--no-cache", "-j", "2", tmp_path, check=True)
    start = {name: first_cell_start(tmp_path / f"{name}.ipynb") for name in "abc"}
    assert start["a"] > start["b"] and start["a"] > start["c"]


def child_environments(parent):
    """The environments of `parent`'s live child processes, read from /proc."""
    found = []
    for entry in pathlib.Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == parent:
                found.append(dict(item.split("=", 1) for item in (entry / "environ").read_bytes().decode().split("\0") if "=" in item))
        except (OSError, ValueError):
            pass  # the child ended while it was being read
    return found


def environments_while_running(tmp_path, jobs, extra_env=None):
    """Runs two long notebooks with -j `jobs` and returns the children's environments seen."""
    for name in "ab":
        write(tmp_path / f"{name}.ipynb", ["final(mlp(width=64, depth=8, steps=6000))"])
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    env.update(extra_env or {})
    run = subprocess.Popen([solvable_bin(), "run", "--in-place", "--no-cache", "-j", str(jobs), str(tmp_path)],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen, deadline = [], time.monotonic() + 60
    while run.poll() is None and len(seen) < 2 and time.monotonic() < deadline:
        seen = child_environments(run.pid)
        time.sleep(0.05)
    assert run.wait(timeout=300) == 0, run.stderr.read()
    assert len(seen) == 2, f"saw {len(seen)} children"
    return seen


def test_parallel_children_share_the_cores_among_their_blas_threads(tmp_path):
    # Two children each starting a BLAS thread per core would oversubscribe the machine.
    cores = os.cpu_count()
    expected = str(max(1, cores // 2))
    assert [e.get("OPENBLAS_NUM_THREADS") for e in environments_while_running(tmp_path, 2)] == [expected] * 2


def test_parallel_children_keep_a_blas_thread_count_the_user_set(tmp_path):
    seen = environments_while_running(tmp_path, 2, {"OPENBLAS_NUM_THREADS": "3"})
    assert [e.get("OPENBLAS_NUM_THREADS") for e in seen] == ["3", "3"]
