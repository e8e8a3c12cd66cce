"""Every snippet of the language in README.md runs as written, within the default limits, and its claims
pass (issue 13.4); so do the README's `solvable eval -e '…'` lines. docs/REFERENCE.md holds no code blocks:
its examples are inline calls on names the surrounding text defines, checked by the registry's own tests."""
import json
import re
import shlex
import shutil

import pytest

from solvable_helpers import ROOT, solvable

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def fenced(path, info):
    return [body for lang, body in FENCE.findall(path.read_text()) if lang == info]


def eval_lines():
    lines = []
    for block in fenced(ROOT / "README.md", "sh"):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith(".build/release/solvable eval"):
                lines.append(shlex.split(line)[1:])
    return lines


def outputs_of(result):
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_readme_has_a_language_cell_with_a_claim_and_an_eval_line():
    cells = fenced(ROOT / "README.md", "")
    assert cells and any("claim(" in cell for cell in cells)
    assert eval_lines()


@pytest.mark.parametrize("cell", fenced(ROOT / "README.md", ""), ids=lambda c: c.splitlines()[0][:40])
def test_readme_cell_runs_and_its_claims_pass(cell, tmp_path):
    source = tmp_path / "cell.solv"
    source.write_text(cell)
    # The "your own runs" snippet loads runs.csv: the shipped synthetic runs stand in for a user's.
    shutil.copy(ROOT / "notebooks" / "fit-your-runs.csv", tmp_path / "runs.csv")
    outputs = outputs_of(solvable("eval", source, "--json", cwd=tmp_path))
    errors = [o for o in outputs if o["output_type"] == "error"]
    assert not errors, errors
    claims = [o["data"]["application/vnd.solvable.claim+json"] for o in outputs
              if "application/vnd.solvable.claim+json" in o.get("data", {})]
    assert len(claims) == cell.count("claim(")
    for claim in claims:
        assert claim["pass"], claim
        assert claim.get("evidence"), f"the README's claim should name its kind of evidence: {claim}"


@pytest.mark.parametrize("args", eval_lines(), ids=" ".join)
def test_readme_eval_lines_run(args):
    outputs = outputs_of(solvable(*args, "--json"))
    assert outputs and not [o for o in outputs if o["output_type"] == "error"]
