#!/usr/bin/env bash
# Permission tests (tests/Pipeline.EndToEnd.Tests/EnvironmentFaultTests.cs) drop root privileges with setpriv
# (util-linux) so that file modes apply; git is needed by the params/metrics diff tests.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if command -v setpriv >/dev/null 2>&1 && command -v git >/dev/null 2>&1; then
  exit 0
fi
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
sudo_if_needed apt-get update -qq
sudo_if_needed apt-get install -y -qq util-linux git
