#!/bin/sh
# Every operation's time estimate against its measured time, at several sizes, and the
# kernel rates the estimates are built from (see bench/calibrate/main.swift).
# Usage: bench/calibrate.sh [kernels] [cells] [estimates [RECORDED-TABLE]] [OPERATION-FILTER]
set -e
cd "$(dirname "$0")/.."
swift build -c release --product calibrate-bench >/dev/null
exec .build/release/calibrate-bench "$@"
