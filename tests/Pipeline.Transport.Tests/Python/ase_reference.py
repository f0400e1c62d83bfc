#!/usr/bin/env python3
"""Independent reference for the MD transport tests: ASE reads the files, NumPy does the MSD.

  ase_reference.py frames XDATCAR            -> JSON: frame count, every frame's cell and scaled positions, symbols
  ase_reference.py msd XDATCAR SPECIES FRAME_PS LAGS STRIDE START_PS END_PS
                                             -> JSON: D* (cm^2/s) from a NumPy multiple-origin MSD over ASE's
                                                frames, unwrapped by minimum image of fractional steps, fitted by a
                                                straight line over the lags whose time lies in [START_PS, END_PS]
  ase_reference.py convert XDATCAR OUTDIR    -> writes OUTDIR/walkers.extxyz and OUTDIR/walkers.traj with ASE
  ase_reference.py time XDATCAR SPECIES FRAME_PS
                                             -> JSON: seconds for ASE reading + NumPy MSD (benchmark comparison)
"""
import json
import sys
import time

import numpy as np
from ase.io import read, write


def frames(path):
    images = read(path, index=":", format="vasp-xdatcar")
    return {
        "frames": len(images),
        "symbols": images[0].get_chemical_symbols(),
        "cells": [a.cell.array.ravel().tolist() for a in images],
        "scaled": [a.get_scaled_positions(wrap=False).ravel().tolist() for a in images],
    }


def unwrapped(images, species):
    idx = [i for i, s in enumerate(images[0].get_chemical_symbols()) if s == species]
    frac = np.array([a.get_scaled_positions(wrap=False)[idx] for a in images])  # (F, N, 3)
    step = np.diff(frac, axis=0)
    step -= np.floor(step + 0.5)
    cells = np.array([a.cell.array for a in images])
    cart_steps = np.einsum("fnk,fkl->fnl", step, cells[1:])
    start = frac[0] @ cells[0]
    return np.concatenate([start[None], start[None] + np.cumsum(cart_steps, axis=0)])


def msd_d(positions, frame_ps, lags, stride, start_ps, end_ps):
    n_frames, n_ions, _ = positions.shape
    times, values = [], []
    for lag in lags:
        t = lag * frame_ps
        if t < start_ps * (1 - 1e-12) or t > end_ps * (1 + 1e-12):
            continue
        origins = np.arange(0, n_frames - lag, stride)
        d = positions[origins + lag] - positions[origins]
        times.append(t)
        values.append(np.mean(np.sum(d * d, axis=2)))
    slope = np.polyfit(np.array(times), np.array(values), 1)[0]
    return slope / 6.0 * 1e-4


def main():
    command = sys.argv[1]
    if command == "frames":
        print(json.dumps(frames(sys.argv[2])))
    elif command == "msd":
        path, species, frame_ps = sys.argv[2], sys.argv[3], float(sys.argv[4])
        lags = [int(x) for x in sys.argv[5].split(",")]
        stride, start_ps, end_ps = int(sys.argv[6]), float(sys.argv[7]), float(sys.argv[8])
        images = read(path, index=":", format="vasp-xdatcar")
        print(json.dumps({"d_tracer_cm2_s": msd_d(unwrapped(images, species), frame_ps, lags, stride, start_ps, end_ps)}))
    elif command == "convert":
        images = read(sys.argv[2], index=":", format="vasp-xdatcar")
        write(sys.argv[3] + "/walkers.extxyz", images, format="extxyz")
        write(sys.argv[3] + "/walkers.traj", images, format="traj")
        print(json.dumps({"frames": len(images)}))
    elif command == "time":
        path, species, frame_ps = sys.argv[2], sys.argv[3], float(sys.argv[4])
        t0 = time.perf_counter()
        images = read(path, index=":", format="vasp-xdatcar")
        positions = unwrapped(images, species)
        n = len(images)
        max_lag = n // 10
        lags = sorted(set(np.unique(np.round(np.logspace(0, np.log10(max_lag), 80)).astype(int)).tolist()
                          + np.linspace(1, max_lag, 50).round().astype(int).tolist()))
        d = msd_d(positions, frame_ps, lags, max(1, max_lag // 1000), 0.2 * max_lag * frame_ps, 0.8 * max_lag * frame_ps)
        print(json.dumps({"seconds": time.perf_counter() - t0, "frames": n, "d_tracer_cm2_s": d}))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
