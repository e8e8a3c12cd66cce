#!/usr/bin/env bash
# Wall time of `make run`'s work (run every notebook with -j nproc, then render the site):
# cold (no cell cache) and cached (the same tree again), on a scratch copy of notebooks/
# so the repository's notebooks are not rewritten. Needs a release build (make build).
# With MAKE_RUN=1 it also times the real `make run` twice on this tree (the second run is
# the cached one the issue asks to finish in ≤ 5 s) and then restores notebooks/ from git.
# NOTEBOOKS=DIR times another folder of notebooks instead of notebooks/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SOLVABLE_BIN:-$PWD/.build/release/solvable}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "${NOTEBOOKS:-notebooks}" "$WORK/notebooks"
rm -rf "$WORK/notebooks/.solvable-cache"
JOBS=$(nproc)

# Wall seconds of a command (its output dropped), with millisecond resolution.
seconds() {
  local start=$(date +%s%N)
  "$@" >/dev/null
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  printf '%d.%03d\n' $((ms / 1000)) $((ms % 1000))
}
sum() { awk "BEGIN { print $1 + $2 }"; }
pass() {
  seconds "$BIN" run -j "$JOBS" --in-place "$WORK"/notebooks/*.ipynb
  seconds "$BIN" render "$WORK/notebooks" -o "$WORK/site"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $JOBS cores"
{ read -r cold_run; read -r cold_render; } < <(pass)
printf 'cold:   run %6.2f s + render %5.2f s = %6.2f s\n' "$cold_run" "$cold_render" "$(sum "$cold_run" "$cold_render")"
{ read -r warm_run; read -r warm_render; } < <(pass)
printf 'cached: run %6.2f s + render %5.2f s = %6.2f s\n' "$warm_run" "$warm_render" "$(sum "$warm_run" "$warm_render")"
echo "per notebook, cold (one process each, -j 1):"
rm -rf "$WORK/notebooks/.solvable-cache"
for nb in "$WORK"/notebooks/*.ipynb; do
  printf '  %-40s %6.2f s\n' "$(basename "$nb")" "$(seconds "$BIN" run --no-cache --in-place "$nb")"
done

if [ "${MAKE_RUN:-0}" = 1 ]; then
  for label in first again; do
    printf 'make run (%s): %6.2f s\n' "$label" "$(seconds make run)"
  done
  git checkout -- notebooks
fi
