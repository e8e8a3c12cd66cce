# The preamble every bench/*.sh shares, sourced as `. "$(dirname "$0")/common.sh"`: strict
# mode, the repository root as the working directory, single-threaded BLAS on both sides
# (numpy's OpenBLAS and ours), PY the numpy side's python (PYTHON=..., else the project
# venv's, else python3), BIN the release solvable (SOLVABLE_BIN=...), and
# `release PRODUCT` to build a release product quietly first.
set -euo pipefail
cd "$(dirname "$0")/.."
export OPENBLAS_NUM_THREADS=1
PY=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
BIN=${SOLVABLE_BIN:-$PWD/.build/release/solvable}
release() { swift build -c release --product "$1" >/dev/null; }
