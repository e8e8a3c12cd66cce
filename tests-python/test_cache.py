"""`solvable run`'s cell cache through the CLI (issue 17 item 1): a re-run restores
unchanged cells, a change re-runs its downstream only, two processes share one cache,
a damaged cache is rebuilt with a message, and --no-cache / --refresh do what they say."""
import json
import re
import subprocess

from solvable_helpers import solvable, solvable_bin

CHAIN = [
    'a = 2\nprint("a", a)',
    'b = a * width\nprint("b", b)',
    'c = a + 1\nprint("c", c)',
    'd = b + c\nprint("d", d)',
]


def write(path, cells):
    """A Solvable notebook with a parameters cell (`width = 10`) and then `cells`."""
    items = [{"cell_type": "code", "id": "params", "metadata": {"tags": ["parameters"]},
              "execution_count": None, "outputs": [], "source": "width = 10"}]
    items += [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None,
               "outputs": [], "source": source} for i, source in enumerate(cells)]
    spec = {"name": "solvable", "display_name": "Solvable", "language": "solvable"}
    path.write_text(json.dumps({"cells": items, "metadata": {"kernelspec": spec}, "nbformat": 4, "nbformat_minor": 5}))
    return path


def printed(path):
    """Each code cell's stream text."""
    cells = json.loads(path.read_text())["cells"]
    return ["".join("".join(o.get("text", "")) for o in cell["outputs"]) for cell in cells]


def cached(result):
    found = re.search(r"\((\d+) from the cache\)", result.stdout)
    return int(found.group(1)) if found else 0


def test_a_rerun_restores_every_cell_with_the_same_outputs(tmp_path):
    path = write(tmp_path / "nb.ipynb", CHAIN)
    first = solvable("run", path, "-o", tmp_path / "one.ipynb", check=True)
    second = solvable("run", path, "-o", tmp_path / "two.ipynb", check=True)
    assert cached(first) == 0 and cached(second) == 5
    assert printed(tmp_path / "one.ipynb") == printed(tmp_path / "two.ipynb") == ["", "a 2\n", "b 20\n", "c 3\n", "d 23\n"]
    assert (tmp_path / ".solvable-cache" / "cells.sqlite").exists()
    assert (tmp_path / ".solvable-cache" / ".gitignore").read_text() == "*\n"


def test_an_in_place_rerun_from_the_cache_leaves_the_file_byte_for_byte(tmp_path):
    # Restored outputs equal to the file's keep their saved timing: `make run` on an unchanged
    # tree does not rewrite every notebook's timestamps.
    path = write(tmp_path / "nb.ipynb", CHAIN)
    solvable("run", "--in-place", path, check=True)
    before = path.read_bytes()
    again = solvable("run", "--in-place", path, check=True)
    assert cached(again) == 5 and path.read_bytes() == before


def test_a_parameter_reruns_only_the_cells_that_read_it(tmp_path):
    path = write(tmp_path / "nb.ipynb", CHAIN)
    solvable("run", path, "-o", tmp_path / "one.ipynb", check=True)
    result = solvable("run", path, "-o", tmp_path / "two.ipynb", "-p", "width=100", check=True)
    # params and cells a, c are restored; the injected cell, b and d run.
    assert cached(result) == 3
    assert printed(tmp_path / "two.ipynb")[-1] == "d 203\n"


def test_two_runs_at_once_share_one_cache(tmp_path):
    cells = [f"v{i} = {i} * 3\nprint(v{i})" for i in range(40)]
    path = write(tmp_path / "nb.ipynb", cells)
    runs = [subprocess.Popen([solvable_bin(), "run", str(path), "-o", str(tmp_path / f"out{k}.ipynb")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k in range(2)]
    results = [run.communicate(timeout=120) + (run.returncode,) for run in runs]
    for stdout, stderr, code in results:
        assert code == 0, stderr
        assert "cache" not in stderr, stderr
    assert printed(tmp_path / "out0.ipynb") == printed(tmp_path / "out1.ipynb")
    again = solvable("run", path, "-o", tmp_path / "out2.ipynb", check=True)
    assert cached(again) == 41


def test_a_damaged_cache_is_rebuilt_with_a_message(tmp_path):
    path = write(tmp_path / "nb.ipynb", CHAIN)
    solvable("run", path, "-o", tmp_path / "one.ipynb", check=True)
    cache = tmp_path / ".solvable-cache" / "cells.sqlite"
    cache.write_bytes(b"not a database at all" * 100)
    result = solvable("run", path, "-o", tmp_path / "two.ipynb", check=True)
    assert "bad header" in result.stderr and "rebuilt" in result.stderr
    assert cached(result) == 0
    assert printed(tmp_path / "two.ipynb")[-1] == "d 23\n"
    assert cached(solvable("run", path, "-o", tmp_path / "three.ipynb", check=True)) == 5


def test_no_cache_neither_reads_nor_writes_it(tmp_path):
    path = write(tmp_path / "nb.ipynb", CHAIN)
    result = solvable("run", path, "-o", tmp_path / "one.ipynb", "--no-cache", check=True)
    assert cached(result) == 0
    assert not (tmp_path / ".solvable-cache").exists()


def test_refresh_reruns_the_named_cell_by_number_or_id(tmp_path):
    path = write(tmp_path / "nb.ipynb", CHAIN)
    solvable("run", path, "-o", tmp_path / "one.ipynb", check=True)
    assert cached(solvable("run", path, "-o", tmp_path / "two.ipynb", "--refresh", "3", check=True)) == 4
    # c1 is the id of code cell 3 (the parameters cell is code cell 1).
    assert cached(solvable("run", path, "-o", tmp_path / "two.ipynb", "--refresh", "c1", "--refresh", "2",
                           check=True)) == 3
    both = solvable("run", path, "-o", tmp_path / "two.ipynb", "--refresh", "2", "--no-cache")
    assert both.returncode != 0 and "--refresh needs the cache" in both.stderr


def test_refresh_of_a_cell_that_does_not_exist_is_an_error(tmp_path):
    path = write(tmp_path / "nb.ipynb", CHAIN)
    result = solvable("run", path, "-o", tmp_path / "one.ipynb", "--refresh", "9")
    assert result.returncode != 0
    assert "--refresh 9: no such cell (the notebook has 5 code cells" in result.stderr
    assert "params, c0, c1, c2, c3" in result.stderr
