#!/usr/bin/env bash
# The language's own cost (issue 3): grids, elementwise arithmetic over a vector and a
# least-squares power-law fit, through `solvable eval`, beside the same work in numpy;
# then (issue 14.2) a user function called once per element of a list comprehension,
# beside the same program in CPython (bench/language_functions.py).
# Usage: bash bench/language.sh [n ...]   (needs the release build and python3 with numpy)
# Whole-process wall clock, best of 3 (numpy's includes its ~0.5 s import). Measured
# 2026-11-30 on the shared 2-core machine at load average ~23:
#   n = 100000:  solvable 0.092 s, numpy 0.688 s;  n = 1000000: solvable 0.460 s, numpy 1.141 s
#   (both fit exponent -1.50399).
# User-function calls, n = 300000, CPU seconds (2026-12-03, load ~20): before the resolver 0.90 s,
#   after 0.26 s, CPython 0.16 s (bench/README.md, "After the resolver").
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
cpu() {  # best user+system CPU seconds of 3 runs of "$@" (steadier than wall time on a shared machine)
  local best=999999
  for _ in 1 2 3; do
    /usr/bin/time -f "%U %S" -o /tmp/solvable_bench_time "$@" > /tmp/solvable_bench_out
    local t; t=$(awk '{print $1 + $2}' /tmp/solvable_bench_time)
    if (( $(echo "$t < $best" | bc) )); then best=$t; fi
  done
  echo "$best"
}
for n in "${sizes[@]}"; do
  code="def f(x, c=1):
    return x * x + c if x % 2 == 0 else x - c
v = [f(x) for x in range($n) if x >= 0]
sum(v)"
  w=$(best "$BIN" eval -e "$code"); c=$(cpu "$BIN" eval -e "$code")
  printf 'solvable calls n=%-8s sum=%s  %.3f s wall, %.2f s CPU\n' "$n" "$(cat /tmp/solvable_bench_out)" "$w" "$c"
  w=$(best $PY bench/language_functions.py "$n"); c=$(cpu $PY bench/language_functions.py "$n")
  printf 'python   calls n=%-8s sum=%s  %.3f s wall, %.2f s CPU\n' "$n" "$(cat /tmp/solvable_bench_out)" "$w" "$c"
done
