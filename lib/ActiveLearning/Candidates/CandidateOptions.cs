namespace Pipeline.ActiveLearning.Candidates;

/// <summary>How candidate hops are drawn: per composition one canonical Monte Carlo chain at the synthesis
/// temperature, <see cref="EquilibrationSweeps"/> sweeps to equilibrate, then <see cref="Snapshots"/> snapshots
/// <see cref="SweepsBetweenSnapshots"/> sweeps apart, and up to <see cref="HopsPerSnapshot"/> Li-vacancy NN hops
/// from each (all of them when 0).</summary>
public sealed record CandidateOptions
{
    public required IReadOnlyList<double> Compositions { get; init; }

    /// <summary>Synthesis temperature in K (0: a quench, only downhill swaps).</summary>
    public double Temperature { get; init; } = 1200;

    public int EquilibrationSweeps { get; init; } = 200;
    public int SweepsBetweenSnapshots { get; init; } = 20;
    public int Snapshots { get; init; } = 4;
    public int HopsPerSnapshot { get; init; } = 50;
    public long Seed { get; init; } = 1;

    /// <summary>Validates ranges; messages name the param.</summary>
    public void Validate()
    {
        if (Compositions.Count == 0) throw new ArgumentException("compositions: the list is empty");
        if (Compositions.Distinct().Count() != Compositions.Count) throw new ArgumentException("compositions: values repeat");
        if (!(Temperature >= 0) || double.IsInfinity(Temperature))
            throw new ArgumentException($"synthesis_temperature: {Temperature} K is not a finite temperature >= 0");
        if (EquilibrationSweeps < 0) throw new ArgumentException("equilibration_sweeps: must be >= 0");
        if (SweepsBetweenSnapshots < 1) throw new ArgumentException("sweeps_between_snapshots: must be >= 1");
        if (Snapshots < 1) throw new ArgumentException("snapshots: must be >= 1");
        if (HopsPerSnapshot < 0) throw new ArgumentException("hops_per_snapshot: must be >= 0");
    }
}
