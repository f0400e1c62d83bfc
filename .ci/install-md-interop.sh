#!/usr/bin/env bash
# Debian's ASE and NumPy for the md-transport interop tests (tests/Pipeline.Transport.Tests/AseInteropTests.cs run
# tests/Pipeline.Transport.Tests/Python/ase_reference.py with /usr/bin/python3). Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if /usr/bin/python3 -c "import ase, numpy" 2>/dev/null; then
  exit 0
fi
apt-get update -qq
apt-get install -y -qq python3-ase python3-numpy >/dev/null
/usr/bin/python3 -c "import ase, numpy; print('md-interop: ase', ase.__version__, 'numpy', numpy.__version__)"
