"""The CLI as a new user meets it (issue 15 "Files", issue 17 item 4): files it must not
touch, inputs it must refuse at once, and the messages it gives."""
import json
import os
import stat
import time

import pytest

from solvable_helpers import solvable


def notebook(cells, language="solvable", parameters=None):
    """An nbformat 4.5 notebook: a Markdown title, an optional parameters cell, then `cells`."""
    items = [{"cell_type": "markdown", "id": "title", "metadata": {}, "source": "# Title"}]
    if parameters is not None:
        items.append({"cell_type": "code", "id": "params", "metadata": {"tags": ["parameters"]},
                      "execution_count": None, "outputs": [], "source": parameters})
    for index, source in enumerate(cells):
        items.append({"cell_type": "code", "id": f"c{index}", "metadata": {}, "execution_count": None,
                      "outputs": [], "source": source})
    spec = {"name": language if language != "python" else "python3", "display_name": language, "language": language}
    return {"cells": items, "metadata": {"kernelspec": spec}, "nbformat": 4, "nbformat_minor": 5}


def write(path, cells, **kwargs):
    path.write_text(json.dumps(notebook(cells, **kwargs)))
    return path


# MARK: - Files (issue 15)

def test_run_refuses_to_overwrite_a_read_only_output(tmp_path):
    source = write(tmp_path / "in.ipynb", ["1 + 1"])
    out = tmp_path / "out.ipynb"
    out.write_text("precious")
    out.chmod(0o444)
    result = solvable("run", source, "-o", out)
    assert result.returncode != 0
    assert "read-only" in result.stderr and "out.ipynb" in result.stderr
    assert out.read_text() == "precious"


def test_run_refuses_to_overwrite_another_users_file(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    source = write(tmp_path / "in.ipynb", ["1 + 1"])
    out = tmp_path / "out.ipynb"
    out.write_text("theirs")
    os.chown(out, 65534, 65534)
    result = solvable("run", source, "-o", out)
    assert result.returncode != 0 and "owned by another user" in result.stderr
    assert out.read_text() == "theirs"


def test_in_place_refuses_a_notebook_of_another_kernel_unless_forced(tmp_path):
    path = write(tmp_path / "py.ipynb", ["import os"], language="python")
    before = path.read_bytes()
    result = solvable("run", "--in-place", path)
    assert result.returncode != 0
    assert "'python' kernel" in result.stderr and "--force-kernel" in result.stderr
    assert path.read_bytes() == before
    forced = solvable("run", "--in-place", "--force-kernel", path)
    assert path.read_bytes() != before  # ran (and failed on Python syntax) because asked to
    assert "code cell 1" in forced.stderr


@pytest.mark.parametrize("command", [["run", "--in-place"], ["check"], ["render", "-o", "SITE"]])
def test_a_fifo_is_refused_at_once(tmp_path, command):
    fifo = tmp_path / "pipe.ipynb"
    os.mkfifo(fifo)
    args = [str(tmp_path / "site") if a == "SITE" else a for a in command]
    start = time.monotonic()
    result = solvable(args[0], fifo, *args[1:])
    assert time.monotonic() - start < 20
    assert result.returncode != 0 and "not a regular file" in result.stderr and "FIFO" in result.stderr


def test_failed_render_leaves_nothing_in_the_site(tmp_path):
    good = write(tmp_path / "good.ipynb", ["1"])
    bad = tmp_path / "bad.ipynb"
    bad.write_text("{not json")
    site = tmp_path / "site"
    site.mkdir()
    result = solvable("render", good, bad, "-o", site)
    assert result.returncode != 0 and "bad.ipynb" in result.stderr
    assert list(site.iterdir()) == []


@pytest.mark.parametrize("command", [["run", "--in-place"], ["check"]])
def test_a_directory_without_notebooks_is_an_error(tmp_path, command):
    (tmp_path / "notes.txt").write_text("no notebooks here")
    result = solvable(command[0], tmp_path, *command[1:])
    assert result.returncode != 0 and "holds no notebooks" in result.stderr


@pytest.mark.parametrize("value", ["-1", "0", "1e308", "nan"])
def test_out_of_range_timeouts_are_clear_errors(tmp_path, value):
    source = write(tmp_path / "in.ipynb", ["1"])
    result = solvable("run", source, "-o", tmp_path / "out.ipynb", "--timeout", value)
    assert result.returncode != 0
    assert "--timeout" in result.stderr and "allowed 0 < seconds ≤ 86400" in result.stderr
    assert not (tmp_path / "out.ipynb").exists()


# MARK: - CLI behaviour (issue 17.4)

def test_run_prints_one_summary_line_per_notebook(tmp_path):
    write(tmp_path / "a.ipynb", ["claim(\"two\", 1 + 1, expect=2, tol=0)"])
    write(tmp_path / "b.ipynb", ["1", "nosuch"])
    result = solvable("run", "--in-place", tmp_path)
    assert result.returncode != 0
    lines = (result.stdout + result.stderr).strip().splitlines()
    a = [line for line in lines if "a.ipynb" in line]
    b = [line for line in lines if "b.ipynb" in line]
    assert len(a) == 1 and "ok, 1 code cells" in a[0] and "1 of 1 claims pass" in a[0]
    assert len(b) == 1 and "FAILED" in b[0] and "NameError" in b[0]


def test_error_location_counts_code_cells_as_jupyter_does(tmp_path):
    # A Markdown title, a parameters cell, a blank code cell, then the failing one:
    # it is the 3rd code cell, In [2] (blank cells are not run), not "cell 3".
    path = write(tmp_path / "a.ipynb", ["", "1\nnosuch"], parameters="x = 1")
    result = solvable("run", "--in-place", path)
    assert result.returncode != 0
    assert "code cell 3 (In [2], id c1), line 2" in result.stderr


def test_unknown_parameter_is_an_error_with_a_suggestion(tmp_path):
    path = write(tmp_path / "a.ipynb", ["width"], parameters="width = 64\nlr = 0.1")
    out = tmp_path / "out.ipynb"
    result = solvable("run", path, "-o", out, "-p", "widht=128")
    assert result.returncode != 0
    assert "no parameter 'widht'; did you mean 'width'?" in result.stderr and "width, lr" in result.stderr
    assert not out.exists()
    ok = solvable("run", path, "-o", out, "-p", "width=128", check=True)
    assert "ok" in ok.stdout
    outputs = json.loads(out.read_text())["cells"][-1]["outputs"]
    assert outputs[0]["data"]["text/plain"] in ("128", ["128"])


def test_save_resolves_against_the_notebooks_directory(tmp_path):
    folder = tmp_path / "project"
    folder.mkdir()
    path = write(folder / "a.ipynb", ['save(table(a=[1, 2]), "x.csv")'])
    shell = tmp_path / "shell"
    shell.mkdir()
    solvable("run", "--in-place", path, check=True, cwd=shell)
    assert (folder / "x.csv").read_text().splitlines()[0] == "a"
    assert list(shell.iterdir()) == []


def test_check_writes_no_files(tmp_path):
    path = write(tmp_path / "a.ipynb", ['save(table(a=[1, 2]), "x.csv")',
                                       'claim("saved", 1, expect=1, tol=0)'])
    before = path.read_bytes()
    result = solvable("check", path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ipynb"]
    assert path.read_bytes() == before


def test_eval_of_a_missing_file_shows_evals_usage(tmp_path):
    result = solvable("eval", tmp_path / "nofile.solv")
    assert result.returncode != 0
    assert "cannot read" in result.stderr and "Usage: solvable eval" in result.stderr


def test_parallel_runs_match_serial_runs(tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    for folder in (serial, parallel):
        folder.mkdir()
        for name in "abc":
            write(folder / f"{name}.ipynb", [f'seed(1)\nsimulate(ridge(dim=50), P=[20], trials=2)\n"{name}"'])
    solvable("run", "--in-place", serial, check=True)
    result = solvable("run", "--in-place", "-j", "3", parallel, check=True)
    assert sorted(line.split(":")[0].rsplit("/", 1)[-1] for line in result.stdout.splitlines()) == \
        ["a.ipynb", "b.ipynb", "c.ipynb"]
    for name in "abc":
        a = json.loads((serial / f"{name}.ipynb").read_text())
        b = json.loads((parallel / f"{name}.ipynb").read_text())
        assert [c.get("outputs") for c in a["cells"]] == [c.get("outputs") for c in b["cells"]]


def test_parallel_run_reports_failures_and_exits_non_zero(tmp_path):
    write(tmp_path / "a.ipynb", ["1"])
    write(tmp_path / "b.ipynb", ["nosuch"])
    result = solvable("run", "--in-place", "-j", "2", tmp_path)
    assert result.returncode != 0
    assert "b.ipynb: FAILED" in result.stderr and "1 of 2 notebooks failed" in result.stderr
    assert "a.ipynb: ok" in result.stdout
