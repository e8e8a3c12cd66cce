#!/bin/sh
# Every operation's time estimate against its measured time (see bench/calibrate/main.swift).
set -e
cd "$(dirname "$0")/.."
swift build -c release --product calibrate-bench >/dev/null
.build/release/calibrate-bench
