"""Reports II (issue 17.5): one title, whole paragraphs, scrolling tables, numbered and
cross-referenced figures with their data as CSV and alt text, citations, previous/next
links, PDF through headless Chromium, and help tables that JupyterLab leaves left-aligned.
Each test pins one bug or feature; pages are parsed as strict HTML5."""
import csv
import io
import json
import os
import shutil
import subprocess
from urllib.parse import unquote

import html5lib
import nbformat
import pytest

from solvable_helpers import decode_png, solvable

PAPER = {"title": "A Paper on Power Laws", "authors": ["Ada Lovelace", "Alan Turing"], "year": 2024, "arxiv": "2401.00001"}

CELLS = [
    ("markdown", "# Power laws, reproduced\n\nA paragraph that refers to the\n`icl-task-alignment` report and goes on.\n\n"
                 "As @fig-curve shows, and @fig-nothing does not."),
    ("code", "P = geomspace(10, 1e4, 30)\nt = table(P=P, test=3 * P^(-1.5))"),
    ("code", "#| label: fig-curve\n#| fig-cap: \"A power law on log axes\"\nplot(t, x=\"P\", y=\"test\", scale=\"loglog\", title=\"Power law\")"),
    ("markdown", "| " + " | ".join(f"column {i}" for i in range(40)) + " |\n|" + "---|" * 40 + "\n| "
                 + " | ".join(f"value-{i}-wide" for i in range(40)) + " |"),
    ("code", "claim(\"slope\", fit(t, x=\"P\", y=\"test\", law=\"powerlaw\").exponent, expect=-1.5, tol=0.01)"),
]


def make(path, title_cell=True, paper=True):
    nb = nbformat.v4.new_notebook()
    if paper:
        nb.metadata["solvable"] = {"paper": PAPER}
    nb.metadata["kernelspec"] = {"name": "solvable", "display_name": "Solvable", "language": "solvable"}
    for kind, source in CELLS if title_cell else CELLS[1:]:
        nb.cells.append(nbformat.v4.new_markdown_cell(source) if kind == "markdown" else nbformat.v4.new_code_cell(source))
    nbformat.write(nb, str(path))
    solvable("run", "--in-place", path, check=True)
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    notebooks = tmp_path_factory.mktemp("nb")
    make(notebooks / "a-power.ipynb")
    make(notebooks / "b-plain.ipynb", title_cell=False)
    make(notebooks / "c-last.ipynb", paper=False)
    out = tmp_path_factory.mktemp("site")
    result = solvable("render", notebooks, "-o", out, check=True)
    return out, result


def parse(path):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_bytes())


def mime_text(value):
    """MIME text as one string: `solvable eval --json` stores multi-line text as a list of lines, as nbformat does."""
    return "".join(value) if isinstance(value, list) else value


def text(element):
    return "".join(element.itertext())


def test_pages_are_strict_html5(site):
    out, _ = site
    for page in out.glob("*.html"):
        parse(page)


def test_one_title_not_two(site):
    out, _ = site
    tree = parse(out / "a-power.html")
    h1s = tree.findall(".//h1")
    assert [text(h).strip().rstrip("#") for h in h1s] == ["Power laws, reproduced"]
    meta = tree.find(".//p[@class='paper-meta']")
    assert "Reproduces A Paper on Power Laws" in text(meta) and "Ada Lovelace, Alan Turing · 2024" in text(meta)
    # No leading heading: the paper's title is the one H1, and is not repeated under it.
    tree = parse(out / "b-plain.html")
    assert [text(h).strip() for h in tree.findall(".//h1")] == ["A Paper on Power Laws"]
    assert "Reproduces" not in text(tree.find(".//p[@class='paper-meta']"))


def test_a_line_starting_with_inline_code_stays_in_its_paragraph(site):
    out, _ = site
    html = (out / "a-power.html").read_text()
    assert "refers to the\n<code>icl-task-alignment</code> report" in html or \
        "refers to the <code>icl-task-alignment</code> report" in html
    assert "the</p><p><code>" not in html


def test_wide_tables_sit_in_a_scrolling_box(site):
    out, _ = site
    tree = parse(out / "a-power.html")
    for parent in tree.iter():
        for child in parent:
            if child.tag == "table":
                assert "table-scroll" in parent.get("class", "") or "html-output" in parent.get("class", ""), parent.attrib
    assert ".table-scroll { overflow-x: auto" in (out / "a-power.html").read_text().replace(".html-output, ", "")


def test_figures_are_numbered_and_cross_referenced(site):
    out, result = site
    tree = parse(out / "a-power.html")
    figure = tree.find(".//figure[@id='fig-curve']")
    assert figure is not None
    assert text(figure.find("figcaption")) == "Figure 1: A power law on log axes"
    link = tree.find(".//a[@class='xref']")
    assert link.get("href") == "#fig-curve" and text(link) == "Figure 1"
    missing = tree.find(".//span[@class='xref missing']")
    assert text(missing) == "?@fig-nothing"
    assert "@fig-nothing names no figure" in result.stderr
    # The option lines are hidden from the code shown.
    assert "#| label" not in (out / "a-power.html").read_text()


def test_each_plot_offers_its_data_as_csv_and_describes_itself(site):
    out, _ = site
    tree = parse(out / "a-power.html")
    figure = tree.find(".//figure[@id='fig-curve']")
    link = figure.find(".//a[@download]")
    assert link.get("download") == "a-power-figure-1.csv"
    href = link.get("href")
    assert href.startswith("data:text/csv;charset=utf-8,")
    rows = list(csv.reader(io.StringIO(unquote(href.split(",", 1)[1]))))
    assert rows[0] == ["series", "style", "P", "test"]
    assert len(rows) == 31
    p, test = float(rows[1][2]), float(rows[1][3])
    assert p == pytest.approx(10) and test == pytest.approx(3 * 10 ** -1.5, rel=1e-12)
    svg = next(e for e in figure.iter() if str(e.tag).endswith("svg"))
    label = svg.get("aria-label")
    assert label.startswith('Plot "Power law" of test against P, log–log axes, 1 series')
    assert "30 points" in label and "P 10 to 10000" in label


def test_citations_for_the_paper_and_the_report(site):
    out, _ = site
    tree = parse(out / "a-power.html")
    bib = text(tree.find(".//section[@id='cite']//pre"))
    assert "@article{lovelace2024paper," in bib
    assert "author = {Ada Lovelace and Alan Turing}" in bib and "eprint = {2401.00001}" in bib
    assert "@misc{lovelace2024paper-solvable," in bib and "title = {Solvable report: Power laws, reproduced}" in bib
    assert bib.count("{") == bib.count("}")


def test_previous_and_next_links_follow_the_site_order(site):
    out, _ = site
    def pager(name):
        tree = parse(out / name)
        nav = tree.find(".//nav[@class='pager']")
        return {a.get("rel"): a.get("href") for a in nav.findall("a") if a.get("rel")}
    assert pager("a-power.html") == {"next": "b-plain.html"}
    assert pager("b-plain.html") == {"prev": "a-power.html", "next": "c-last.html"}
    assert pager("c-last.html") == {"prev": "b-plain.html"}


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.skip("no headless Chromium installed")


def test_render_pdf_prints_every_report(tmp_path):
    chromium()
    path = make(tmp_path / "report.ipynb")
    site = tmp_path / "site"
    result = solvable("render", path, "-o", site, "--pdf", check=True)
    pdf = site / "report.pdf"
    assert pdf.exists() and f"wrote {pdf}" in result.stdout
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    assert pages >= 2, pages
    # The PDF itself, as a reader's viewer shows it (poppler, from the Makefile's packages).
    if not (shutil.which("pdftotext") and shutil.which("pdftoppm")):
        pytest.skip("poppler-utils is not installed")
    words = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    assert words.count("Power laws, reproduced") == 2  # the H1 once, and the report's BibTeX title
    assert words.count("Solvable report: Power laws, reproduced") == 1
    first_page = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, text=True,
                                check=True).stdout
    assert first_page.strip().splitlines()[0].strip() == "Power laws, reproduced"
    subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, tmp_path / "page"], check=True)
    blue = 0
    for image in sorted(tmp_path.glob("page*.png")):
        width, height, channels, rows = decode_png(image.read_bytes())
        blue += sum(1 for row in rows for x in range(0, width * channels, channels)
                    if abs(row[x] - 0) < 50 and abs(row[x + 1] - 114) < 50 and abs(row[x + 2] - 178) < 50)
    assert blue > 50, "the plot's line is not drawn in the PDF"


def test_pdf_without_chromium_is_a_clear_error(tmp_path):
    path = make(tmp_path / "report.ipynb")
    result = solvable("render", path, "-o", tmp_path / "site", "--pdf", env={**os.environ, "PATH": "/nonexistent",
                                                                          "SOLVABLE_CHROMIUM": ""})
    assert result.returncode != 0 and "install Debian's chromium" in result.stderr
    assert not (tmp_path / "site").exists()


def test_help_tables_are_left_aligned_in_jupyterlab():
    # JupyterLab's stylesheet right-aligns td/th of rendered HTML; only inline styles win.
    for code in ("help(ridge)", "ridge()"):
        outputs = json.loads(solvable("eval", "-e", code, "--json", check=True).stdout)
        html = "".join(mime_text(o["data"]["text/html"]) for o in outputs if "data" in o and "text/html" in o["data"])
        assert "<table>" in html, code
        tree = html5lib.parseFragment(html, namespaceHTMLElements=False)
        cells = [e for e in tree.iter() if e.tag in ("td", "th")]
        assert cells and all("text-align: left" in (c.get("style") or "") for c in cells), code
