#!/usr/bin/env bash
# Slider -> redrawn figure in a real JupyterLab 4, Solvable's explore beside ipywidgets
# interact + matplotlib over the numpy ridge theory (see widgets_bench.py).
set -euo pipefail
cd "$(dirname "$0")/.."
SOLVABLE_BIN="${SOLVABLE_BIN:-$PWD/.build/release/solvable}" .venv/bin/python bench/widgets_bench.py "$@"
