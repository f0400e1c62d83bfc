#!/usr/bin/env bash
# Whole-process comparison for the md-transport speed target: a generated 200-atom XDATCAR of FRAMES frames (default
# 10^5, ~720 MB in a temp folder, deleted afterwards) analysed by `pipeline md-transport` against ASE 3.22 reading it
# plus a NumPy multiple-origin MSD (tests/Pipeline.Transport.Tests/Python/ase_reference.py time). Needs
# .ci/install-md-interop.sh. Usage: tests/Pipeline.Benchmarks/md-transport-vs-ase.sh [FRAMES]
set -euo pipefail
cd "$(dirname "$0")/../.."
frames="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build -c Release pipeline/Pipeline.Cli/Pipeline.Cli.csproj -o "$work/cli" >/dev/null
dotnet build -c Release tests/Pipeline.Benchmarks/Pipeline.Benchmarks.csproj -o "$work/bench" >/dev/null
mkdir -p "$work/data"
# The generator is the benchmark's own (same file as MdTransportBenchmarks measures).
dotnet "$work/bench/Pipeline.Benchmarks.dll" --write-xdatcar "$work/data/XDATCAR" "$frames"
ls -l "$work/data/XDATCAR"
start=$(date +%s.%N)
dotnet "$work/cli/pipeline.dll" md-transport "$work/data/XDATCAR" --out "$work/out" --time-step-fs 2 --steps-per-frame 50 --temperatures 1000 >/dev/null
end=$(date +%s.%N)
ours=$(/usr/bin/python3 -c "print(round($end - $start, 2))")
echo "pipeline md-transport: ${ours} s (whole process)"
ase=$(/usr/bin/python3 tests/Pipeline.Transport.Tests/Python/ase_reference.py time "$work/data/XDATCAR" Li 0.1)
echo "ASE read + NumPy MSD: $ase"
/usr/bin/python3 - "$ours" "$ase" <<'PY'
import json, sys
ours = float(sys.argv[1]); ase = json.loads(sys.argv[2])["seconds"]
print(f"speed-up: {ase / ours:.1f}x (target >= 10x)")
PY
