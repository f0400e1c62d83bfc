#!/usr/bin/env bash
# Headless browser for the report's rendering test (tests/Pipeline.Report.Tests/BrowserRenderingTests): Debian's
# chromium prints the report to PDF and PNG and lays it out at 1280 px. Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if command -v chromium >/dev/null 2>&1; then
  echo "install-browser: $(chromium --version 2>/dev/null || echo chromium) already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
echo "install-browser: $(chromium --version)"
