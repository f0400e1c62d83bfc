namespace Pipeline.Vasp.Parsing;

/// <summary>One completed ionic step of an OUTCAR: the geometry and forces of its POSITION/TOTAL-FORCE block,
/// the lattice in force at that step, and the energies of its "FREE ENERGIE OF THE ION-ELECTRON SYSTEM" block.</summary>
public sealed class OutcarIonicStep
{
    public required double[] Lattice { get; init; }

    /// <summary>Cartesian positions in Angstrom, flattened (x0, y0, z0, x1, ...); empty if the step printed none.</summary>
    public required double[] Positions { get; init; }

    /// <summary>TOTAL-FORCE in eV/Angstrom, flattened like <see cref="Positions"/>.</summary>
    public required double[] Forces { get; init; }

    /// <summary>energy(sigma->0) in eV.</summary>
    public required double EnergySigma0 { get; init; }

    /// <summary>free energy TOTEN in eV.</summary>
    public required double Toten { get; init; }

    /// <summary>Whether this step's electronic loop ended with "aborting loop because EDIFF is reached".</summary>
    public required bool ElectronicConverged { get; init; }

    /// <summary>Number of electronic iterations ("Iteration n(m)" headers) of this step.</summary>
    public required int ElectronicSteps { get; init; }

    /// <summary>Line of the energy(sigma->0) line closing the step.</summary>
    public required long EnergyLine { get; init; }

    /// <summary>This step with the geometry and forces of a POSITION/TOTAL-FORCE block printed after its energy
    /// block (VASP &lt;= 5.2 order).</summary>
    internal OutcarIonicStep WithGeometry(double[] lattice, double[] positions, double[] forces) => new()
    {
        Lattice = lattice,
        Positions = positions,
        Forces = forces,
        EnergySigma0 = EnergySigma0,
        Toten = Toten,
        ElectronicConverged = ElectronicConverged,
        ElectronicSteps = ElectronicSteps,
        EnergyLine = EnergyLine,
    };

    /// <summary>Largest |F| over the atoms; NaN when the step printed no forces.</summary>
    public double MaxForce()
    {
        if (Forces.Length == 0)
            return double.NaN;
        double max = 0;
        for (int i = 0; i < Forces.Length; i += 3)
        {
            double f2 = Forces[i] * Forces[i] + Forces[i + 1] * Forces[i + 1] + Forces[i + 2] * Forces[i + 2];
            if (f2 > max)
                max = f2;
        }
        return Math.Sqrt(max);
    }
}

/// <summary>What the ingest needs from an OUTCAR (see <see cref="OutcarParser"/> for how each field is found).</summary>
public sealed class Outcar
{
    public required string File { get; init; }

    /// <summary>Element symbol per atom type (from VRHFIN, else TITEL lines); null when the OUTCAR has neither.</summary>
    public string[]? TypeSymbols { get; init; }

    /// <summary>"ions per type" counts; null when absent.</summary>
    public int[]? IonsPerType { get; init; }

    /// <summary>NIONS, or the sum of ions per type; 0 when neither was printed.</summary>
    public int IonCount { get; init; }

    /// <summary>NELM (maximum electronic steps) from the parameter echo; 0 when absent.</summary>
    public int Nelm { get; init; }

    /// <summary>NSW from the parameter echo; -1 when absent.</summary>
    public int Nsw { get; init; } = -1;

    /// <summary>IBRION from the parameter echo; null when absent.</summary>
    public int? Ibrion { get; init; }

    /// <summary>A static run (NSW = 0 or IBRION = -1): the ions never moved, so POSCAR is the final structure.</summary>
    public bool IsStatic => Nsw == 0 || Ibrion == -1;

    /// <summary>Completed ionic steps in file order.</summary>
    public required IReadOnlyList<OutcarIonicStep> Steps { get; init; }

    /// <summary>Last "direct lattice vectors" block (rows a1, a2, a3); null when none was printed.</summary>
    public double[]? Lattice { get; init; }

    /// <summary>REAL (second) value of the last "NEB: projections on to tangent (spring, REAL)" line; NaN when absent.</summary>
    public double TangentForce { get; init; } = double.NaN;

    /// <summary>The LCLIMB echo of VTST ("NEB: LCLIMB T"); null when the OUTCAR has no such line.</summary>
    public bool? NebClimbing { get; init; }

    /// <summary>Whether the closing "General timing and accounting" block with "Total CPU time used" was reached.</summary>
    public bool Finished { get; init; }

    /// <summary>Whether the file had any bytes at all (after decompression).</summary>
    public bool IsEmpty { get; init; }

    /// <summary>Number of lines read.</summary>
    public long LineCount { get; init; }

    public OutcarIonicStep? LastStep => Steps.Count == 0 ? null : Steps[^1];

    /// <summary>Species per atom expanded from <see cref="TypeSymbols"/> and <see cref="IonsPerType"/>; null if either is missing.</summary>
    public string[]? SpeciesPerAtom()
    {
        if (TypeSymbols is null || IonsPerType is null || TypeSymbols.Length != IonsPerType.Length)
            return null;
        var list = new List<string>(IonsPerType.Sum());
        for (int t = 0; t < TypeSymbols.Length; t++)
            list.AddRange(Enumerable.Repeat(TypeSymbols[t], IonsPerType[t]));
        return list.ToArray();
    }
}
