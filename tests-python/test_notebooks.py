"""`solvable run` writes notebooks nbformat accepts, injects parameters, reports errors
by cell, re-runs reproducibly, and never leaves a half-written notebook."""
import json
import os
import shutil
import signal
import subprocess
import time

import nbformat
import pytest

from solvable_helpers import FIXTURES, solvable, solvable_bin


def simple_notebook(path, sources, tags=None):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "solvable", "display_name": "Solvable"}})
    nb.cells = [nbformat.v4.new_markdown_cell("# A notebook")]
    for i, source in enumerate(sources):
        cell = nbformat.v4.new_code_cell(source)
        if tags and i in tags:
            cell.metadata["tags"] = tags[i]
        nb.cells.append(cell)
    nbformat.write(nb, str(path))
    return path


def strip_timing(text):
    nb = json.loads(text)
    for cell in nb["cells"]:
        cell["metadata"].pop("execution", None)
    return json.dumps(nb, sort_keys=True)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.ipynb")))
def test_nbformat_validates_what_run_writes(tmp_path, name):
    out = tmp_path / name
    solvable("run", FIXTURES / name, "-o", out)
    assert out.exists()
    nb = nbformat.read(str(out), as_version=nbformat.NO_CONVERT)
    nbformat.validate(nb)
    assert nb.nbformat_minor == 5
    assert out.read_text(encoding="utf-8").endswith("}\n")


def test_parameters_are_injected_after_the_parameters_cell(tmp_path):
    source = simple_notebook(tmp_path / "p.ipynb", ['alpha = 1\nlabel = "one"', "alpha"], tags={0: ["parameters"]})
    out = tmp_path / "out.ipynb"
    solvable("run", source, "-o", out, "-p", "alpha=2.5", "-p", "label=two words")
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    injected = nb.cells[2]
    assert injected.metadata["tags"] == ["injected-parameters"]
    assert injected.source == '# Parameters\nalpha = 2.5\nlabel = "two words"\n'
    # Re-running replaces the injected cell instead of adding another.
    solvable("run", out, "--in-place", "-p", "alpha=3")
    again = nbformat.read(str(out), as_version=4)
    assert [c.metadata.get("tags") for c in again.cells].count(["injected-parameters"]) == 1
    assert again.cells[2].source == "# Parameters\nalpha = 3\n"


def test_error_stops_the_run_names_the_cell_and_is_saved(tmp_path):
    source = simple_notebook(tmp_path / "e.ipynb", ["x = 1", "no_such_name_anywhere + 1", "x"])
    out = tmp_path / "out.ipynb"
    result = solvable("run", source, "-o", out)
    assert result.returncode != 0
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    errors = [(i, c) for i, c in enumerate(nb.cells) if any(o.output_type == "error" for o in c.get("outputs", []))]
    assert len(errors) == 1
    index, cell = errors[0]
    # Named as Jupyter users count cells: position among code cells and In [n], plus the id.
    position = sum(1 for c in nb.cells[:index + 1] if c.cell_type == "code")
    assert f"code cell {position} (In [{position}], id {cell.id})" in result.stderr
    assert all(not c.outputs and c.execution_count is None for c in nb.cells[index + 1:])


def test_rerun_is_byte_identical_apart_from_timing(tmp_path):
    source = simple_notebook(tmp_path / "r.ipynb", ["x = 2", "x * 3"])
    first, second = tmp_path / "1.ipynb", tmp_path / "2.ipynb"
    solvable("run", source, "-o", first)
    solvable("run", first, "-o", second)
    assert strip_timing(first.read_text()) == strip_timing(second.read_text())
    raw = second.read_text()
    assert raw == json.dumps(json.loads(raw), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def test_sigkill_during_in_place_write_leaves_the_original_intact(tmp_path):
    # A notebook large enough that writing it takes a while: kill the process as soon as
    # its temporary file appears, i.e. in the middle of the write.
    path = tmp_path / "big.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_raw_cell("filler text " * 8_000_000)]
    nbformat.write(nb, str(path))
    original = path.read_bytes()
    process = subprocess.Popen([solvable_bin(), "run", "--in-place", str(path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    def temporary_exists():  # the writer's own temporary name, .big.ipynb.tmp-XXXXXX (mkstemp)
        return any(tmp_path.glob(".big.ipynb.tmp-*"))
    deadline = time.time() + 120
    while not temporary_exists() and process.poll() is None and time.time() < deadline:
        time.sleep(0.0005)
    caught_mid_write = temporary_exists() and process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert caught_mid_write, "the run finished before its temporary file could be seen"
    after = path.read_bytes()
    # Either the rename had not happened (original bytes) or it had (a complete notebook).
    assert after == original or nbformat.validate(nbformat.reads(after.decode(), as_version=4)) is None
    assert after == original, "the kill landed after the rename; enlarge the notebook"


def test_check_lists_claims_and_exits_nonzero_on_errors(tmp_path):
    shutil.copy(FIXTURES / "jupyter_full.ipynb", tmp_path / "full.ipynb")
    before = (tmp_path / "full.ipynb").read_bytes()
    result = solvable("check", tmp_path)
    assert result.stdout.splitlines()[0].split() == ["notebook", "claim", "evidence", "measured", "expected", "tolerance", "result"]
    assert (tmp_path / "full.ipynb").read_bytes() == before  # check never modifies notebooks
    if result.returncode == 0:
        assert "FAIL" not in result.stdout
    else:
        assert "FAIL" in result.stdout or "cell " in result.stderr


def test_check_reports_each_claim_and_fails_on_a_failing_one(tmp_path):
    table = 'P = geomspace(10, 1e4, 20)\nt = table(P=P, test=3 * P^(-1.5))\nf = fit(t, x="P", y="test", law="powerlaw")'
    good = simple_notebook(tmp_path / "good.ipynb", [table, 'claim("slope", f.exponent, expect=-1.5, tol=0.01)'])
    result = solvable("check", good)
    assert result.returncode == 0, result.stderr
    row = [line.split() for line in result.stdout.splitlines() if line.startswith("good")]
    assert row and row[0][1] == "slope" and row[0][-1] == "PASS"
    assert abs(float(row[0][3]) + 1.5) < 1e-9 and row[0][4:6] == ["-1.5", "0.01"]
    bad = simple_notebook(tmp_path / "bad.ipynb", [table, 'claim("steeper", f.exponent, expect=-2, tol=0.1)'])
    result = solvable("check", tmp_path)
    assert result.returncode != 0
    assert any(line.startswith("bad") and line.endswith("FAIL") for line in result.stdout.splitlines())
    assert "1 of 2 claims pass in 2 notebook(s)" in result.stdout
