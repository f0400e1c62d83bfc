using Pipeline.Featurize.Hops;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Tests.Support;

namespace Pipeline.Featurize.Tests.Support;

/// <summary>One physical hop written as a hops row: the reference-hop environment placed in a supercell (at any
/// site, in any orientation), then written as relaxed endpoint structures with optional rigid shift, strain,
/// atom shuffling and per-atom noise; fractional coordinates wrapped into [0, 1) as a DFT code writes them.</summary>
public sealed record HopScenario(RockSaltSupercell Cell, HopEnvironment Environment, Int3 Initial)
{
    /// <summary>Signed permutation applied to the reference hop (identity when null).</summary>
    public Func<Int3, Int3>? Orientation { get; init; }
    public Vec3 Shift { get; init; }
    public double[]? Deformation { get; init; }
    public int? ShuffleSeed { get; init; }
    public double Noise { get; init; }
    public int Seed { get; init; } = 1;

    /// <summary>Saddle position of the moving Li relative to the hop midpoint, in the reference-hop frame (units of
    /// a/2): +z points at T1's centre at distance 0.5.</summary>
    public Vec3 SaddleOffset { get; init; }

    public double EReaction { get; init; } = 0.1;

    public HopRecord Build(string calcId = "neb/hop_0001")
    {
        var rng = new Random(Seed);
        var (cations, anions) = Environment.Place(Cell, Initial, rng, Orientation);
        var atoms = AtomList.Of(Cell, cations, anions);
        if (ShuffleSeed is int s) atoms = atoms.Shuffled(new Random(s), out _);
        int moving = atoms.AtomOnCation(Cell.CationIndex(Initial));
        var hopVector = (Vec3)Orient(HopEnvironment.F);
        var final = atoms.WithPosition(moving, atoms.Positions[moving] + hopVector);
        var saddle = atoms.Positions[moving] + 0.5 * hopVector + Orient(SaddleOffset);

        var factory = new StructureFactory(Cell, Deformation, Shift);
        var noiseInitial = Enumerable.Range(0, atoms.Count).Select(_ => StructureFactory.RandomDisplacement(rng, Noise)).ToArray();
        var noiseFinal = Enumerable.Range(0, atoms.Count).Select(_ => StructureFactory.RandomDisplacement(rng, Noise)).ToArray();
        var saddleFrac = factory.Fractional(saddle);
        return new HopRecord(calcId, factory.Lattice, atoms.Species,
            Wrap(factory.Frac(atoms.Positions, i => noiseInitial[i])),
            Wrap(factory.Frac(final.Positions, i => noiseFinal[i])),
            moving,
            Wrap([saddleFrac.X, saddleFrac.Y, saddleFrac.Z]),
            EForward: 0.5 + EReaction / 2, EKra: 0.5, EReaction: EReaction);
    }

    private Int3 Orient(Int3 p) => Orientation is null ? p : Orientation(p);

    private Vec3 Orient(Vec3 v)
        => v.X * (Vec3)Orient(new Int3(1, 0, 0)) + v.Y * (Vec3)Orient(new Int3(0, 1, 0)) + v.Z * (Vec3)Orient(new Int3(0, 0, 1));

    private static double[] Wrap(double[] frac) => frac.Select(f => f - Math.Floor(f)).ToArray();
}
