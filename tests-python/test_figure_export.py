"""save(p, "fig.png" | "fig.pdf"): figures rendered through librsvg, checked by decoding the PNG."""
import pytest

from solvable_helpers import decode_png, solvable

CODE = """
x = [1, 2, 3, 4, 5, 6]
t = table(x=x, y=[1, 4, 9, 16, 25, 36])
p = plot(t, x="x", y="y", label="squares", style="both", color="#D55E00", size=[320, 220], title="export")
save(p, "{png}")
save(p, "{pdf}")
save(p, "{svg}")
"""


def pixels(path):
    width, height, channels, rows = decode_png(path.read_bytes())
    return width, height, [tuple(row[i:i + 3]) for row in rows for i in range(0, len(row), channels)]


def test_png_pdf_and_svg_are_written(tmp_path):
    png, pdf, svg = tmp_path / "fig.png", tmp_path / "fig.pdf", tmp_path / "fig.svg"
    result = solvable("eval", "-e", CODE.format(png=png, pdf=pdf, svg=svg))
    assert result.returncode == 0, result.stdout + result.stderr
    width, height, colours = pixels(png)
    assert (width, height) == (640, 440)  # size=[320, 220] at 2x
    counts = {}
    for c in colours:
        counts[c] = counts.get(c, 0) + 1
    # A white background (not the black of an unresolved CSS variable) ...
    assert counts.get((255, 255, 255), 0) > 0.6 * len(colours)
    # ... the series in its own colour, #D55E00, and dark text and axes.
    assert counts.get((0xD5, 0x5E, 0x00), 0) > 200
    assert sum(n for (r, g, b), n in counts.items() if r + g + b < 150) > 500
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = svg.read_text()
    assert text.startswith("<svg") and "var(" not in text


def test_unknown_format_is_refused(tmp_path):
    result = solvable("eval", "-e", f'save(plot([1, 2], [3, 4]), "{tmp_path / "fig.jpg"}")')
    assert result.returncode != 0
    assert 'a plot saves to a .svg, .png or .pdf file, not' in result.stdout + result.stderr


BAND = """
N = geomspace(1e6, 1e9, 10)
runs = table(N=N, loss=(1.7 + 400 * N^-0.34) * [1.03, 0.98, 1.01, 0.97, 1.02, 0.99, 1.04, 0.96, 1.0, 1.02])
f = fit(runs, law="offset_powerlaw", x="N", y="loss", bootstrap={bootstrap}, seed=0)
save(plot(runs, f, x="N", y="loss", scale="loglog"), "{png}")
"""


def test_fit_overlay_exports_its_bootstrap_band(tmp_path):
    counts = {}
    for bootstrap in (0, 200):
        png = tmp_path / f"fit{bootstrap}.png"
        result = solvable("eval", "-e", BAND.format(bootstrap=bootstrap, png=png))
        assert result.returncode == 0, result.stdout + result.stderr
        _, _, colours = pixels(png)
        # Tinted pixels: neither white nor grey (the band is the curve's colour at 18% over white).
        counts[bootstrap] = sum(1 for r, g, b in colours if max(r, g, b) - min(r, g, b) > 8 and min(r, g, b) > 150)
    # The band (and its legend swatch) adds shaded area that the fit without resamples lacks.
    assert counts[200] > counts[0] + 5000, counts
