#!/usr/bin/env bash
# Ridge benchmarks, Swift and numpy side by side (see bench/README.md).
# Usage: bench/ridge.sh [theory|simulate|all]     (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
PYTHON="${PYTHON:-python3}"
swift build -c release --product RidgeBench >/dev/null
echo "# swift (.build/release/RidgeBench $which)"
.build/release/RidgeBench "$which" | tee /tmp/ridge_bench_swift.jsonl
echo "# numpy ($PYTHON bench/ridge_numpy.py $which)"
"$PYTHON" bench/ridge_numpy.py "$which" | tee /tmp/ridge_bench_numpy.jsonl
"$PYTHON" - <<'PY'
import json
swift = {r["bench"]: r for r in map(json.loads, open("/tmp/ridge_bench_swift.jsonl"))}
numpy = {r["bench"]: r for r in map(json.loads, open("/tmp/ridge_bench_numpy.jsonl"))}
for name in swift:
    if name in numpy:
        s, n = swift[name]["seconds"], numpy[name]["seconds"]
        sc, nc = swift[name]["cpu_seconds"], numpy[name]["cpu_seconds"]
        print(f"{name}: wall swift {s*1e3:.1f} ms, numpy {n*1e3:.1f} ms (swift/numpy {s/n:.2f}); "
              f"cpu swift {sc*1e3:.1f} ms, numpy {nc*1e3:.1f} ms (swift/numpy {sc/nc:.2f})")
PY
