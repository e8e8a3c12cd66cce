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
    out = tmp_path_factory.mktemp("site")
    solvable("render", FIXTURES, "-o", out, check=True)
    return out


def pages(site):
    found = sorted(site.glob("*.html"))
    assert any(p.name == "index.html" for p in found) and len(found) >= 2
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
