"""Rendered pages parse as HTML5, reference nothing outside SITE, and show their plots
in headless Chromium."""
import os
import pathlib
import re
import shutil
import subprocess
from urllib.parse import unquote

import html5lib
import pytest

from solvable_helpers import FIXTURES, decode_png, solvable


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixtures (written by nbformat) and a notebook `solvable run` wrote, rendered."""
    notebooks = tmp_path_factory.mktemp("notebooks")
    for fixture in FIXTURES.glob("*.ipynb"):
        shutil.copy(fixture, notebooks / fixture.name)
    run_notebook(notebooks)
    out = tmp_path_factory.mktemp("site")
    solvable("render", notebooks, "-o", out, check=True)
    return out


def pages(site):
    found = sorted(site.glob("*.html"))
    assert any(p.name == "index.html" for p in found) and len(found) >= 4
    return found


def test_pages_parse_as_html5(site):
    for page in pages(site):
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        parser.parse(page.read_bytes())  # raises ParseError on any HTML5 parse error


def test_pages_reference_nothing_outside_site(site):
    for page in pages(site):
        tree = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
        for element in tree.iter():
            for attribute in ("src", "href"):
                value = element.get(attribute)
                if value is None or value.startswith(("#", "data:")):
                    continue
                if element.tag == "a" and value.startswith("https://arxiv.org/abs/"):
                    continue  # the paper's own link is a hyperlink, not a resource
                assert "://" not in value and not value.startswith(("/", "..")), f"{page.name}: {value}"
                target = (site / unquote(value.split("#")[0])).resolve()
                assert target.is_file() and site.resolve() in target.parents, f"{page.name}: {value}"
        for url in re.findall(r"url\(([^)]*)\)", page.read_text()):
            assert url.strip("'\"").startswith(("data:", "#")), f"{page.name}: url({url})"
    css = (site / "katex" / "katex.min.css").read_text()
    for url in re.findall(r"url\(([^)]*)\)", css):
        assert (site / "katex" / url.strip("'\"")).is_file(), url


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no headless Chromium installed")


def test_chromium_screenshot_shows_the_plot(site, tmp_path):
    page = site / "jupyter_full.html"
    shot = tmp_path / "shot.png"
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1000,2400", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    assert shot.exists(), "chromium wrote no screenshot"
    width, height, channels, rows = decode_png(shot.read_bytes())
    # The fixture's plot is a polyline in #0072b2 (0, 114, 178) and a marker in #d55e00.
    def count(rgb, tolerance=40):
        n = 0
        for row in rows:
            for x in range(0, width * channels, channels):
                if all(abs(row[x + k] - rgb[k]) <= tolerance for k in range(3)):
                    n += 1
        return n
    assert count((0, 114, 178)) > 200, "the plot's line is not visible"
    assert count((213, 94, 0)) > 20, "the plot's marker is not visible"


PLOT_CELLS = [
    "P = geomspace(10, 1e4, 30)\nt = table(P=P, test=3 * P^(-1.5))",
    "# caption: A power law on log axes\nplot(t, x=\"P\", y=\"test\", scale=\"loglog\", title=\"Power law\")",
    "f = fit(t, x=\"P\", y=\"test\", law=\"powerlaw\")\nclaim(\"slope\", f.exponent, expect=-1.5, tol=0.01)",
]


def run_notebook(tmp_path, name="plot.ipynb"):
    import nbformat
    nb = nbformat.v4.new_notebook(metadata={"solvable": {"paper": {"title": "Plots", "authors": ["T"], "year": 2026}}})
    nb.cells = [nbformat.v4.new_markdown_cell("# Plot\n\n$x_k^2$")] + [nbformat.v4.new_code_cell(s) for s in PLOT_CELLS]
    path = tmp_path / name
    nbformat.write(nb, str(path))
    solvable("run", "--in-place", path, check=True)
    nbformat.validate(nbformat.read(str(path), as_version=nbformat.NO_CONVERT))  # plots, tables, claims
    return path


def test_chromium_shows_a_plot_that_solvable_run_made(tmp_path):
    path = run_notebook(tmp_path)
    site = tmp_path / "site"
    solvable("render", path, "-o", site, check=True)
    html = (site / "plot.html").read_text()
    assert "<figcaption><span class=\"figure-number\">Figure 1</span>: A power law on log axes</figcaption>" in html
    svg = html[html.index("<svg"):html.index("</svg>")]
    # The series colours: every saturated #rrggbb in the SVG (attributes or its style sheet).
    def saturated(c):
        r, g, b = (int(c[i:i + 2], 16) for i in (1, 3, 5))
        return max(r, g, b) - min(r, g, b) > 60
    palette = {tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in re.findall(r"#[0-9a-fA-F]{6}\b", svg) if saturated(c)}
    assert palette, "the plot has no series colour"
    shot = tmp_path / "shot.png"
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1000,1600", f"--screenshot={shot}", (site / "plot.html").as_uri()],
                   capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    width, height, channels, rows = decode_png(shot.read_bytes())
    hits = sum(1 for row in rows for x in range(0, width * channels, channels)
               if any(all(abs(row[x + k] - rgb[k]) <= 40 for k in range(3)) for rgb in palette))
    assert hits > 100, f"the plot's series colours {palette} cover only {hits} pixels"


def comparable(html):
    """A page without what legitimately differs between runs: timings and provenance."""
    html = re.sub(r' <span class="time">[^<]*</span>', "", html)
    return html[:html.index('<footer id="provenance"')]


def test_kernel_written_and_run_written_notebooks_render_the_same(tmp_path, monkeypatch):
    import nbclient
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    prefix = tmp_path / "prefix"
    solvable("install", "--prefix", prefix, check=True)
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    assert "solvable" in KernelSpecManager().find_kernel_specs()
    ran = run_notebook(tmp_path, "ran.ipynb")
    nb = nbformat.read(str(ran), as_version=4)
    nbclient.NotebookClient(nb, kernel_name="solvable", timeout=120).execute()
    kernel = tmp_path / "kernel" / "ran.ipynb"
    kernel.parent.mkdir()
    nbformat.write(nb, str(kernel))
    solvable("render", ran, "-o", tmp_path / "a", check=True)
    solvable("render", kernel, "-o", tmp_path / "b", check=True)
    assert comparable((tmp_path / "a" / "ran.html").read_text()) == comparable((tmp_path / "b" / "ran.html").read_text())


def test_chromium_typesets_the_math_in_claim_texts(tmp_path):
    """A claim's `$…$` reaches the claims table untouched and KaTeX typesets it there."""
    import nbformat
    nb = nbformat.v4.new_notebook(metadata={"solvable": {"paper": {"title": "Math", "authors": ["T"], "year": 2026}}})
    nb.cells = [nbformat.v4.new_markdown_cell("# Math in claims"),
                nbformat.v4.new_code_cell('claim("risk falls as $P^{-\\\\alpha\\\\beta}$ with $w_k^2 \\\\lambda_k$ fixed", 1, expect=1, tol=0, evidence="limit")')]
    path = tmp_path / "math.ipynb"
    nbformat.write(nb, str(path))
    solvable("run", "--in-place", path, check=True)
    site = tmp_path / "site"
    solvable("render", path, "-o", site, check=True)
    html = (site / "math.html").read_text()
    assert "$P^{-\\alpha\\beta}$ with $w_k^2 \\lambda_k$ fixed</td>" in html  # the source reaches the table as written
    result = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000",
                             "--dump-dom", (site / "math.html").as_uri()],
                            capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    dom = result.stdout
    assert '<section id="claims"' in dom, f"chromium dumped no page (exit {result.returncode}): {result.stderr[-2000:]}"
    claims = dom[dom.index('<section id="claims"'):]
    claims = claims[:claims.index("</section>")]
    cell = re.search(r"<tr class=\"pass\"><td>(.*?)</td><td class=\"evidence\">", claims, re.S).group(1)
    assert cell.count('class="katex"') == 2, cell
    for tex in ("P^{-\\alpha\\beta}", "w_k^2 \\lambda_k"):
        assert f'<annotation encoding="application/x-tex">{tex}</annotation>' in cell, tex
    assert "$" not in re.sub(r"<[^>]*>", "", cell.split("<span class=\"katex")[0])  # no delimiter left as text
