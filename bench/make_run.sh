#!/usr/bin/env bash
# Wall time of `make run`'s work (run every notebook with -j nproc, then render the site):
# cold (no cell cache) and cached (the same tree again), on a scratch copy of notebooks/
# so the repository's notebooks are not rewritten. Needs a release build (make build).
# The first cold pass starts notebooks in file order unless notebooks/.solvable-cache/run-times.json
# (left by an earlier `run -j`) is there; it records every notebook's time, so the second cold pass
# (cell cache deleted, times kept) starts the longest first, as `make run` does from then on.
# Each pass prints the load average after it (the machine is shared) and the CPU time of the run.
# With MAKE_RUN=1 it also times the real `make run` twice on this tree (the second run is
# the cached one the issue asks to finish in ≤ 5 s) and then restores notebooks/ from git.
# NOTEBOOKS=DIR times another folder of notebooks instead of notebooks/; KEEP=DIR keeps a copy of the
# notebooks the first cold pass wrote; PER_NOTEBOOK=0 skips the per-notebook -j 1 pass (and MAKE_RUN).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SOLVABLE_BIN:-$PWD/.build/release/solvable}
export SOLVABLE_TEMPLATES=${SOLVABLE_TEMPLATES:-$PWD/templates}  # for a SOLVABLE_BIN copied elsewhere
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "${NOTEBOOKS:-notebooks}" "$WORK/notebooks"
rm -f "$WORK"/notebooks/.solvable-cache/cells.sqlite*
JOBS=$(nproc)

# "WALL CPU" seconds of a command, CPU = user + system of it and its children (its output
# dropped; a failing notebook is reported, not fatal).
measure() {
  /usr/bin/time -f '%e %U %S' -o "$WORK/time" "$@" >/dev/null || echo "  (exit status $? from: ${*:1:3} ...)" >&2
  awk '{ w = $1; c = $2 + $3 } END { printf "%.2f %.1f\n", w, c }' "$WORK/time"
}
seconds() { measure "$@" | cut -d' ' -f1; }
report() {
  local run render
  run=$(measure "$BIN" run -j "$JOBS" --in-place "$WORK"/notebooks/*.ipynb)
  render=$(measure "$BIN" render "$WORK/notebooks" -o "$WORK/site")
  printf '%-20s run %6.2f s + render %5.2f s = %6.2f s   (CPU of the run %6.1f s; load %s)\n' "$1:" "${run% *}" \
    "${render% *}" "$(awk "BEGIN { print ${run% *} + ${render% *} }")" "${run#* }" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "$JOBS cores"
# How fast this host is: the same tree's cold run took 58 s on stop 27's 2-core VM and 109 s on stop 28's
# (numpy dgemm 59 GFLOP/s there), so a wall time means little without this line.
if [ -x .venv/bin/python ]; then
  .venv/bin/python - <<'PY'
import time, numpy as np
rng = np.random.default_rng(0)
for name, dtype in (("dgemm", np.float64), ("sgemm", np.float32)):
    a = rng.standard_normal((2000, 2000)).astype(dtype)
    a @ a
    start = time.perf_counter(); [a @ a for _ in range(5)]; seconds = (time.perf_counter() - start) / 5
    print(f"host: numpy {name} 2000³ {2 * 2000**3 / seconds / 1e9:.0f} GFLOP/s on every core")
PY
fi
report "cold"
echo "per notebook in that pass (wall s, from .solvable-cache/run-times.json):"
python3 -c 'import json, sys; t = json.load(open(sys.argv[1])); [print(f"  {k:40s} {v:7.2f}") for k, v in sorted(t.items(), key=lambda kv: -kv[1])]' \
  "$WORK/notebooks/.solvable-cache/run-times.json"
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$WORK"/notebooks/*.ipynb "$KEEP"/; fi
report "cached"
rm -f "$WORK"/notebooks/.solvable-cache/cells.sqlite*
report "cold, longest first"
[ "${PER_NOTEBOOK:-1}" = 1 ] || exit 0
echo "per notebook, cold (one process each, -j 1):"
for nb in "$WORK"/notebooks/*.ipynb; do
  t=$(measure "$BIN" run --no-cache --in-place "$nb")
  printf '  %-40s %6.2f s (CPU %5.1f s)\n' "$(basename "$nb")" "${t% *}" "${t#* }"
done

if [ "${MAKE_RUN:-0}" = 1 ]; then
  for label in first again; do
    printf 'make run (%s): %6.2f s\n' "$label" "$(seconds make run)"
  done
  git checkout -- notebooks
fi
