namespace Pipeline.Trajectories.Analysis;

/// <summary>How a trajectory is analysed. Units: fs for the MD time step, K, ps for fit-window times.</summary>
public sealed record MdTransportOptions
{
    /// <summary>Element whose ions are followed (the diffusing species).</summary>
    public string MobileSpecies { get; init; } = "Li";

    /// <summary>Charge of a mobile ion in units of e (Nernst-Einstein).</summary>
    public double Charge { get; init; } = 1.0;

    /// <summary>MD time step in fs; null: from the files (INCAR POTIM beside an XDATCAR, extended XYZ keys).</summary>
    public double? TimeStepFs { get; init; }

    /// <summary>MD steps between stored frames; null: INCAR NBLOCK beside an XDATCAR, else 1.</summary>
    public int? StepsPerFrame { get; init; }

    /// <summary>K; null: from the files (INCAR TEBEG, extended XYZ key temperature).</summary>
    public double? Temperature { get; init; }

    /// <summary>Frames dropped at the start (equilibration).</summary>
    public int SkipFrames { get; init; }

    /// <summary>Consecutive segments of the trajectory for block-averaged error bars.</summary>
    public int Blocks { get; init; } = 5;

    /// <summary>Longest lag as a fraction of one block's length.</summary>
    public double MaxLagFraction { get; init; } = 0.5;

    /// <summary>Frames between time origins; 0: max lag / 1000 rounded down, at least 1.</summary>
    public int OriginStride { get; init; }

    /// <summary>Explicit fit window in ps; NaN: the rule of <see cref="Pipeline.Transport.Msd.DiffusiveWindow"/>.</summary>
    public double FitStartPs { get; init; } = double.NaN;
    public double FitEndPs { get; init; } = double.NaN;

    /// <summary>Remove the centre-of-mass drift of the whole system.</summary>
    public bool RemoveDrift { get; init; } = true;

    /// <summary>Warn when the log-log slope of the tracer MSD in the window differs from 1 by more than this.</summary>
    public double LinearityTolerance { get; init; } = 0.15;

    /// <summary>Species names for headers that lack them (VASP 4 XDATCAR).</summary>
    public IReadOnlyList<string>? SpeciesNames { get; init; }

    public int Dimensions => 3;
}
