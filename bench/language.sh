#!/usr/bin/env bash
# The language's own cost (issue 3): grids, elementwise arithmetic over a vector and a
# least-squares power-law fit, through `solvable eval`, beside the same work in numpy.
# Usage: bash bench/language.sh [n ...]   (needs the release build and python3 with numpy)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/solvable
PY=python3
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)
best() {  # best wall-clock seconds of 3 runs of "$@"
  local best=999999
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N); "$@" > /tmp/solvable_bench_out; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc)
    if (( $(echo "$t < $best" | bc) )); then best=$t; fi
  done
  echo "$best"
}
for n in "${sizes[@]}"; do
  code="P = geomspace(1, 1e6, $n)
y = 3 * P^-1.5 * (1 + 0.1 * P^-0.25)
f = fit(table(P=P, y=y), x=\"P\", y=\"y\", law=\"powerlaw\", min=10)
f.exponent"
  t=$(best "$BIN" eval -e "$code")
  printf 'solvable n=%-8s exponent=%s  %.3f s\n' "$n" "$(cat /tmp/solvable_bench_out)" "$t"
  t=$(best $PY bench/language_numpy.py "$n")
  printf 'numpy    n=%-8s exponent=%s  %.3f s\n' "$n" "$(cat /tmp/solvable_bench_out)" "$t"
done
