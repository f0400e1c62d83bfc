#!/usr/bin/env bash
# The README's test command: every test project of the solution, then one plain summary line.
set -uo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
dotnet test Pipeline.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# dotnet test prints one "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N" line per test assembly.
awk '/(Passed|Failed)! +- Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
