#!/usr/bin/env bash
# Debian's ASE and pymatgen, for the interop tests that read the synthetic VASP files with them
# (tests/Pipeline.Synthesis.Tests/Interop: under CI=true they fail, not skip, without these). Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if /usr/bin/python3 -c "import ase, ase.io, pymatgen.io.vasp" >/dev/null 2>&1; then
  echo "install-python-interop: python3-ase and python3-pymatgen already present"
  exit 0
fi
apt-get update -qq
apt-get install -y -qq python3-ase python3-pymatgen
/usr/bin/python3 -c "import ase, pymatgen.core; print('install-python-interop: ASE', ase.__version__)"
