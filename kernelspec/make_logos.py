"""Draws the Solvable kernel logos: a decaying learning curve (theory line) with
simulation markers on a rounded dark-blue square. Writes logo-32x32.png,
logo-64x64.png (PNG via zlib, no dependencies) and logo-svg.svg."""
import math
import struct
import zlib

BG = (31, 58, 96)        # dark blue
LINE = (255, 255, 255)   # theory curve
DOT = (240, 168, 48)     # simulation markers (orange)


def curve(t):
    """Learning curve in unit coordinates (x right, y down): a power-law decay."""
    x = 0.18 + 0.66 * t
    y = 0.22 + 0.56 * (1 - (1 + 9 * t) ** -1.2) / (1 - 10 ** -1.2)
    return x, y


MARKERS = [0.08, 0.3, 0.55, 0.85]


def inside_rounded(x, y, r=0.18):
    cx = min(max(x, r), 1 - r)
    cy = min(max(y, r), 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def color_at(x, y, size):
    if not inside_rounded(x, y):
        return None
    for t in MARKERS:
        mx, my = curve(t)
        if (x - mx) ** 2 + (y - my) ** 2 <= 0.065 ** 2:
            return DOT
    width = max(0.045, 1.6 / size)
    best = min((x - px) ** 2 + (y - py) ** 2 for px, py in POINTS)
    return LINE if best <= width ** 2 else BG


POINTS = [curve(i / 400) for i in range(401)]


def render(size, ss=4):
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            acc = [0, 0, 0, 0]
            for sj in range(ss):
                for si in range(ss):
                    c = color_at((i + (si + 0.5) / ss) / size, (j + (sj + 0.5) / ss) / size, size)
                    if c is not None:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = ss * ss
            alpha = acc[3] / n
            if alpha == 0:
                row += bytes(4)
            else:
                k = acc[3] / 255
                row += bytes([round(acc[0] / k), round(acc[1] / k), round(acc[2] / k), round(alpha)])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(render(size), 9)) + chunk(b"IEND", b""))


def svg():
    pts = " ".join(f"{64 * x:.2f},{64 * y:.2f}" for x, y in POINTS[::10] + [POINTS[-1]])
    dots = "".join(f'<circle cx="{64 * curve(t)[0]:.2f}" cy="{64 * curve(t)[1]:.2f}" r="4.2" fill="#f0a830"/>'
                   for t in MARKERS)
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
            '<title>Solvable</title><rect width="64" height="64" rx="11.5" fill="#1f3a60"/>'
            f'<polyline points="{pts}" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/>'
            f"{dots}</svg>\n")


if __name__ == "__main__":
    for size in (32, 64):
        with open(f"logo-{size}x{size}.png", "wb") as f:
            f.write(png(size))
    with open("logo-svg.svg", "w") as f:
        f.write(svg())
