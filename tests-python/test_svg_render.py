"""Render every golden SVG plot in headless Chromium and check the pictures.

The golden files (Tests/DisplayTests/Golden/*.svg) are what the Swift renderer is
pinned to byte for byte; here a real browser draws them. Each screenshot is decoded
in pure Python (solvable_helpers.decode_png: zlib plus PNG's five row filters) and must show a plot: many pixels
differing from the background, several distinct colours, and the palette's first
two series colours (Okabe-Ito blue #0072B2 and vermillion #D55E00). With
prefers-color-scheme: dark forced, the background must turn dark and the ink light.

Chromium is Debian's `chromium` (the Makefile's deps install it); a missing browser
is a failure, not a skip, so CI cannot pass without actually rendering.
"""
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from solvable_helpers import decode_png as decode_png_bytes

GOLDEN = Path(__file__).resolve().parent.parent / "Tests" / "DisplayTests" / "Golden"
SVGS = sorted(GOLDEN.glob("*.svg"))
WINDOW = (700, 460)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("headless Chromium is needed to render the plots: apt-get install chromium (make deps)")


def screenshot(svg: Path, out: Path, *extra: str) -> Path:
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
        f"--user-data-dir={out.parent / ('profile-' + out.stem)}",
        f"--screenshot={out}", f"--window-size={WINDOW[0]},{WINDOW[1]}", *extra, svg.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert out.exists(), f"chromium wrote no screenshot (exit {result.returncode}): {result.stderr[-2000:]}"
    return out


def decode_png(path: Path):
    """(width, height, rows of (r, g, b) tuples) for an 8-bit RGB or RGBA PNG."""
    width, height, channels, rows = decode_png_bytes(path.read_bytes())
    return width, height, [[tuple(row[x:x + 3]) for x in range(0, len(row), channels)] for row in rows]


def near(pixel, colour, tolerance=40):
    return all(abs(p - c) <= tolerance for p, c in zip(pixel, colour))


def luminance(pixel):
    r, g, b = pixel
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    directory = tmp_path_factory.mktemp("shots")
    return {svg.name: decode_png(screenshot(svg, directory / (svg.stem + ".png"))) for svg in SVGS}


def test_there_are_golden_plots():
    assert {p.name for p in SVGS} >= {"linear.svg", "loglog-errorbars.svg", "grid-sweep.svg"}


@pytest.mark.parametrize("name", [p.name for p in SVGS])
def test_plot_renders_to_a_busy_colourful_png(rendered, name):
    width, height, rows = rendered[name]
    assert (width, height) == WINDOW
    # The plot covers the top-left 640 x 420 of the window.
    pixels = [pixel for row in rows[:420] for pixel in row[:640]]
    background = Counter(pixels).most_common(1)[0][0]
    assert luminance(background) > 200, f"light-mode background should be light, got {background}"
    ink = [p for p in pixels if not near(p, background, 12)]
    assert len(ink) > 0.02 * len(pixels), f"only {len(ink)} non-background pixels"
    distinct = {tuple(c // 32 for c in p) for p in ink}
    assert len(distinct) >= 6, f"only {len(distinct)} colour families"
    blue = sum(near(p, (0x00, 0x72, 0xB2)) for p in ink)
    vermillion = sum(near(p, (0xD5, 0x5E, 0x00)) for p in ink)
    # At least a few markers' worth of each of the first two series colours (fit-band.svg's blue
    # series is its sparsest: a dozen markers, about 150 pixels).
    assert blue > 100 and vermillion > 60, f"series colours missing: blue {blue}, vermillion {vermillion}"
    dark_text = sum(luminance(p) < 90 and max(p) - min(p) < 30 for p in ink)
    assert dark_text > 300, "axes, ticks and labels should be drawn in the dark text colour"


def test_plots_follow_dark_mode(tmp_path):
    svg = GOLDEN / "loglog-errorbars.svg"
    _, _, rows = decode_png(screenshot(svg, tmp_path / "dark.png", "--force-dark-mode"))
    pixels = [pixel for row in rows[:420] for pixel in row[:640]]
    background = Counter(pixels).most_common(1)[0][0]
    assert luminance(background) < 60, f"dark-mode background should be dark, got {background}"
    light_text = sum(luminance(p) > 170 and max(p) - min(p) < 30 for p in pixels)
    assert light_text > 300, "text and axes should turn light in dark mode"
