#!/usr/bin/env python3
"""Reads VASP files with ASE and pymatgen and prints what they read as JSON, for the interop tests.

Usage: read_vasp.py ROOT FILE [FILE ...]   (FILE relative to ROOT)
  OUTCAR / OUTCAR.gz -> ase.io.read(format='vasp-out', index=':') and pymatgen.io.vasp.outputs.Outcar
  POSCAR / CONTCAR   -> ase.io.read(format='vasp') and pymatgen.io.vasp.inputs.Poscar
A reader that raises is reported as {"error": "..."} for that file, so the caller can name what failed.
"""
import json
import os
import sys
import traceback
import warnings


def error(e):
    return {"error": f"{type(e).__name__}: {e}", "where": traceback.format_exc(limit=-2)}


def flat(a):
    return [float(v) for v in a.reshape(-1)]


def ase_outcar(path):
    import ase.io
    steps = []
    images = ase.io.read(path, format="vasp-out", index=":")
    for atoms in images:
        calc = atoms.calc
        steps.append({
            "energy": float(atoms.get_potential_energy()),
            "free_energy": float(calc.get_property("free_energy", allow_calculation=False)),
            "positions": flat(atoms.get_positions()),
            "forces": flat(atoms.get_forces()),
            "cell": flat(atoms.cell.array),
        })
    # The header ASE's OUTCAR reader builds (its k-point list is only attached to the atoms when eigenvalue
    # blocks follow, which neither these files nor many real ones have).
    from ase.io.formats import open_with_compression
    from ase.io.vasp_parsers.vasp_outcar_parsers import outcarchunks
    with open_with_compression(path) as fd:
        header = next(outcarchunks(fd)).header
    return {
        "symbols": images[-1].get_chemical_symbols(),
        "steps": steps,
        "nkpts": int(header["nkpts"]),
        "ibz_kpoints": flat(header["ibzkpts"]),
        "kpoint_weights": [float(w) for w in header["kpt_weights"]],
        "spin_polarized": bool(header["spinpol"]),
    }


def pymatgen_outcar(path):
    from pymatgen.io.vasp.outputs import Outcar
    o = Outcar(path)
    return {
        "final_energy": o.final_energy,
        "final_fr_energy": o.final_fr_energy,
        "final_energy_wo_entrp": o.final_energy_wo_entrp,
        "nplwvs_at_kpoints": o.data.get("nplwvs_at_kpoints"),
        "nelect": o.nelect,
        "total_mag": o.total_mag,
        "efermi": o.efermi,
        "spin": o.spin,
        "drift_rows": len(o.drift),
        "cpu_time": o.run_stats.get("Total CPU time used (sec)"),
    }


def ase_structure(path):
    import ase.io
    atoms = ase.io.read(path, format="vasp")
    return {
        "symbols": atoms.get_chemical_symbols(),
        "cell": flat(atoms.cell.array),
        "positions": flat(atoms.get_positions()),
    }


def pymatgen_structure(path):
    from pymatgen.io.vasp.inputs import Poscar
    s = Poscar.from_file(path, check_for_POTCAR=False).structure
    return {
        "species": [str(site.specie) for site in s],
        "lattice": flat(s.lattice.matrix),
        "positions": flat(s.cart_coords),
    }


def run(reader, path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return reader(path)
    except Exception as e:  # reported per file: the test names the reader and the file
        return error(e)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    root, files = argv[1], argv[2:]
    import ase
    import pymatgen.core
    out = {"versions": {"ase": ase.__version__, "pymatgen": getattr(pymatgen.core, "__version__", "?"),
                        "python": sys.version.split()[0]},
           "files": {}}
    for rel in files:
        path = os.path.join(root, rel)
        name = os.path.basename(rel)
        if name.startswith("OUTCAR"):
            out["files"][rel] = {"ase": run(ase_outcar, path), "pymatgen": run(pymatgen_outcar, path)}
        elif name in ("POSCAR", "CONTCAR"):
            out["files"][rel] = {"ase": run(ase_structure, path), "pymatgen": run(pymatgen_structure, path)}
        else:
            sys.exit(f"read_vasp.py: do not know how to read {rel}")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
