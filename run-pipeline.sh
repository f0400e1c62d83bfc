#!/usr/bin/env bash
# Runs the bundled pipeline (or any `pipeline` command) from a fresh clone in one step:
#   1. pack the `pipeline` tool into a local feed inside the repo (.tools/feed),
#   2. restore it as a .NET local tool (.config/dotnet-tools.json),
#   3. run it. With no arguments: `pipeline run` (the whole bundled pipeline.yaml).
# Steps 1-2 are skipped when the tool's sources are unchanged since the last pack (a content hash of every source
# file under pipeline/, stages/, lib/ and the build props, kept in .tools/tool.stamp) and the restored package is
# still the one packed then. PIPELINE_REPACK=1 forces them.
# Re-packing the same version (0.1.0) would otherwise serve the previously cached package: NuGet caches
# packages by id+version, so we delete that cached copy before restoring (see docs/ENGINE.md, "tool cache").
set -euo pipefail
cd "$(dirname "$0")"
feed=.tools/feed
stamp=.tools/tool.stamp
version=0.1.0
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}/lidiffusion.pipeline/$version"
inputs=(pipeline stages lib Directory.Build.props Directory.Packages.props nuget.config .config/dotnet-tools.json)

# Every source file of the tool (tracked or new, not ignored), NUL-separated; without git, every file but bin/obj.
source_files() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard -- "${inputs[@]}"
  else
    find "${inputs[@]}" -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 2>/dev/null || true
  fi
}

# Hash of the file names and contents (deleted-but-tracked files are skipped), plus the version packed.
sources_hash() {
  { echo "version $version"
    source_files | sort -z | xargs -0 -r sha256sum 2>/dev/null || true
  } | sha256sum | cut -d' ' -f1
}

# The package NuGet restored (another clone packing the same version replaces it).
restored_package() { cat "$cache/lidiffusion.pipeline.$version.nupkg.sha512" 2>/dev/null || echo none; }

want="$(sources_hash)"
if [ "${PIPELINE_REPACK:-0}" = 1 ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want $(restored_package)" ]; then
  mkdir -p "$feed"
  echo "run-pipeline: packing the pipeline tool into $feed" >&2
  dotnet pack pipeline/Pipeline.Cli/Pipeline.Cli.csproj -c Release -o "$feed" -p:Version="$version" --nologo -v quiet >&2
  rm -rf "$cache"
  dotnet tool restore --add-source "$feed" >&2
  echo "$want $(restored_package)" > "$stamp"
fi
if [ "$#" -eq 0 ]; then set -- run; fi
exec dotnet tool run pipeline "$@"
