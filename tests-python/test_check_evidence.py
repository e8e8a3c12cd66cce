"""`solvable check` counts claims per kind of evidence and `--require` fails a notebook lacking a kind (issue 13)."""
import nbformat

from solvable_helpers import solvable


def notebook(path, sources):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "solvable", "display_name": "Solvable"}})
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(nb, str(path))
    return path


def test_check_counts_kinds_and_require_names_the_missing_ones(tmp_path):
    notebook(tmp_path / "both.ipynb", ['claim("a", 1, expect=1, tol=0, evidence="simulation")',
                                       'claim("b", 2, expect=2, tol=0, evidence="paper")'])
    notebook(tmp_path / "thin.ipynb", ['claim("c", 1, expect=1, tol=0, evidence="limit")'])
    result = solvable("check", tmp_path)
    assert result.returncode == 0, result.stderr
    assert "evidence: simulation 1, exponent 0, paper 1, limit 1, consistency 0" in result.stdout
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.startswith(("both ", "thin "))}
    assert rows["both"] == ["1", "0", "1", "0", "0"] and rows["thin"] == ["0", "0", "0", "1", "0"]

    result = solvable("check", "--require", "simulation,paper", tmp_path)
    assert result.returncode != 0
    assert 'thin.ipynb: no claim with evidence "simulation", "paper"' in result.stderr
    assert "both.ipynb" not in result.stderr
    assert solvable("check", "--require", "simulation", tmp_path / "both.ipynb").returncode == 0


def test_require_rejects_an_unknown_kind(tmp_path):
    notebook(tmp_path / "x.ipynb", ['claim("a", 1, expect=1, tol=0, evidence="simulation")'])
    result = solvable("check", "--require", "simulation,papers", tmp_path)
    assert result.returncode != 0
    assert 'unknown evidence kind "papers"' in result.stderr and '"consistency"' in result.stderr
