using System.Globalization;

namespace Pipeline.Synthesis.VaspWriters;

/// <summary>The INCAR tags of one calculation: PBE+U (Dudarev, U(V) = 3.25 eV, U(Mn) = 3.9 eV: <see cref="ElementSettings"/>), spin polarised, ENCUT 500 eV as in
/// the published study. NEB runs use VTST's quick-min optimizer with a climbing image; relaxations use VASP's quasi-Newton (RMM-DIIS) optimizer.</summary>
internal sealed record IncarSettings
{
    public required string System { get; init; }
    /// <summary>Intermediate images (NEB only; 0 for a relaxation).</summary>
    public int Images { get; init; }
    public bool IsNeb => Images > 0;
    public int Nsw { get; init; } = 200;
    public int Ibrion { get; init; } = 1;
    public double Potim { get; init; } = 0.5;
    public double Ediff { get; init; } = 1e-5;
    public double Ediffg { get; init; } = -0.05;
    public double Encut { get; init; } = 500;
    public int Nelm { get; init; } = 100;
    public double Sigma { get; init; } = 0.05;
    /// <summary>Element per atom type, in POSCAR order (Li, V, O, F for Li-V-O-F).</summary>
    public required IReadOnlyList<string> Types { get; init; }
    /// <summary>Initial moment per atom type (POSCAR order).</summary>
    public required IReadOnlyList<(int Count, double Moment)> Magmom { get; init; }

    /// <summary>Hubbard U (eV) per atom type.</summary>
    public IEnumerable<double> HubbardU => Types.Select(ElementSettings.HubbardU);

    public static IncarSettings Neb(string system, int images, IReadOnlyList<string> types, IReadOnlyList<(int, double)> magmom)
        => new() { System = system, Images = images, Ibrion = 3, Potim = 0, Types = types, Magmom = magmom };

    public static IncarSettings Relaxation(string system, IReadOnlyList<string> types, IReadOnlyList<(int, double)> magmom)
        => new() { System = system, Types = types, Magmom = magmom, Nsw = 99 };

    public static string Number(double v) => v.ToString("0.0###", CultureInfo.InvariantCulture);
}
