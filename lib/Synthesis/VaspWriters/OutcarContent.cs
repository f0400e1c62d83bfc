using Pipeline.Synthesis.Geometry;

namespace Pipeline.Synthesis.VaspWriters;

/// <summary>What VTST prints about an image's place in the band in one ionic step.</summary>
internal sealed class NebStepInfo
{
    public required bool PreviousHigher { get; init; }
    public required bool NextHigher { get; init; }
    public required double SpringProjection { get; init; }
    /// <summary>Real force along the tangent (eV/A): the "REAL" value of "projections on to tangent".</summary>
    public required double RealProjection { get; init; }
    /// <summary>Real force perpendicular to the band (eV/A).</summary>
    public required double PerpendicularReal { get; init; }
    public required double DistancePrevious { get; init; }
    public required double DistanceNext { get; init; }
    public required double AngleDegrees { get; init; }
}

/// <summary>One ionic step: geometry, real forces and the converged free energies.</summary>
internal sealed class OutcarStep
{
    public required double[] Positions { get; init; }
    public required double[] Forces { get; init; }
    public required double EnergySigma0 { get; init; }
    /// <summary>EENTRO (-T*S, zero or negative); TOTEN = E0 + EENTRO/2, energy without entropy = E0 - EENTRO/2.</summary>
    public required double Entropy { get; init; }
    public NebStepInfo? Neb { get; init; }

    public double Toten => EnergySigma0 + Entropy / 2;
    public double EnergyWithoutEntropy => EnergySigma0 - Entropy / 2;
}

/// <summary>Everything an OUTCAR of one calculation (relaxation or NEB image) shows.</summary>
internal sealed class OutcarContent
{
    public required string Title { get; init; }
    public required AtomLayout Layout { get; init; }
    public required CellFrame Frame { get; init; }
    public required IncarSettings Incar { get; init; }
    public required int[] KpointMesh { get; init; }
    public required IReadOnlyList<OutcarStep> Steps { get; init; }
    /// <summary>Pseudo wall-clock of the run start, e.g. "2024.03.11  14:02:17" (derived from the calc index).</summary>
    public required string StartDate { get; init; }
    /// <summary>Total magnetic moment (mu_B): V(3+x)+ keeps 2 - x unpaired d electrons, so 2 per V minus one per
    /// missing Li.</summary>
    public required double Magnetization { get; init; }
    /// <summary>Whether this is an intermediate NEB image (VTST NEB echo and per-step NEB lines).</summary>
    public bool IsNebImage => Steps.Count > 0 && Steps[0].Neb is not null;
}
