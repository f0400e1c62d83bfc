using Pipeline.RockSalt;

namespace Pipeline.ActiveLearning.Candidates;

/// <summary>One Li hop that could be computed next: the equilibrated configuration it starts from (Li on I, vacancy
/// on F), its anatomy, its 11 descriptors (descriptor 11 = the CE's dE) and where it came from.</summary>
public sealed class HopCandidate
{
    /// <summary>Stable name: composition, snapshot, initial site and direction (e.g. <c>x0.5-s2-i17-d4</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The composition x the user asked for, and the x the supercell really holds.</summary>
    public required double RequestedX { get; init; }
    public required double ActualX { get; init; }

    /// <summary>Index of the Monte Carlo snapshot (per composition) the hop was drawn from.</summary>
    public required int Snapshot { get; init; }

    public required byte[] Cations { get; init; }
    public required byte[] Anions { get; init; }
    public required HopAnatomy Anatomy { get; init; }

    /// <summary>True when T1 (the +e3 tetrahedron) is the "up" one (DOMAIN.md section 2).</summary>
    public required bool T1IsUp { get; init; }

    /// <summary>The 11 descriptors in <see cref="HopDescriptors.Names"/> order.</summary>
    public required double[] Descriptors { get; init; }

    /// <summary>CE energy of the snapshot per cation site (eV): where the configuration sits in the ensemble.</summary>
    public required double EnergyPerSite { get; init; }

    public double DeltaE => Descriptors[HopDescriptors.Count - 1];
}
