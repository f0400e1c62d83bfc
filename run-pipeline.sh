#!/usr/bin/env bash
# Runs the bundled pipeline (or any `pipeline` command) from a fresh clone in one step:
#   1. pack the `pipeline` tool into a local feed inside the repo (.tools/feed),
#   2. restore it as a .NET local tool (.config/dotnet-tools.json),
#   3. run it. With no arguments: `pipeline run` (the whole bundled pipeline.yaml).
# Re-packing the same version (0.1.0) would otherwise serve the previously cached package: NuGet caches
# packages by id+version, so we delete that cached copy before restoring (see docs/ENGINE.md, "tool cache").
set -euo pipefail
cd "$(dirname "$0")"
feed=.tools/feed
version=0.1.0
mkdir -p "$feed"
echo "run-pipeline: packing the pipeline tool into $feed" >&2
dotnet pack pipeline/Pipeline.Cli/Pipeline.Cli.csproj -c Release -o "$feed" -p:Version="$version" --nologo -v quiet >&2
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}/lidiffusion.pipeline/$version"
rm -rf "$cache"
dotnet tool restore --add-source "$feed" >&2
if [ "$#" -eq 0 ]; then set -- run; fi
exec dotnet tool run pipeline "$@"
