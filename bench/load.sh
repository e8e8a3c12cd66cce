#!/usr/bin/env bash
# load() of a 10^6-row CSV beside pandas.read_csv (see bench/README.md).
# Usage: bench/load.sh     (from the repository root; PYTHON must have numpy and pandas)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
swift build -c release --product solvable >/dev/null
"$PYTHON" bench/load_bench.py .build/release/solvable
