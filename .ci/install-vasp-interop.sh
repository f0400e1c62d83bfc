#!/usr/bin/env bash
# Installs Debian's python3-pymatgen for the VASP ingest interop tests (PymatgenInteropTests): pymatgen reads the
# real test files independently and the ingest must agree with it to 1e-6 eV. Idempotent.
set -euo pipefail
if /usr/bin/python3 -c "import pymatgen.analysis.transition_state, pymatgen.io.vasp.outputs" >/dev/null 2>&1; then
  echo "install-vasp-interop: python3-pymatgen already installed"; exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq python3-pymatgen >/dev/null
/usr/bin/python3 -c "import pymatgen.analysis.transition_state, pymatgen.io.vasp.outputs"
echo "install-vasp-interop: python3-pymatgen installed"
