#!/usr/bin/env bash
# Kernel cold start and execute round trip, Solvable beside ipykernel (see kernel_bench.py).
set -euo pipefail
cd "$(dirname "$0")/.."
SOLVABLE_BIN="${SOLVABLE_BIN:-$PWD/.build/release/solvable}" .venv/bin/python bench/kernel_bench.py "$@"
