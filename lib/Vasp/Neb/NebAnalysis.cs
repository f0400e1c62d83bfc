using Pipeline.Vasp.Structure;

namespace Pipeline.Vasp.Neb;

/// <summary>The derived quantities of one NEB (DOMAIN.md section 3).</summary>
public sealed class NebAnalysis
{
    public required double[] Energies { get; init; }
    public required double EForward { get; init; }
    public required double EBackward { get; init; }
    public required double EReaction { get; init; }
    public required double EKra { get; init; }

    /// <summary>Index of the highest-energy image over the whole band (first one on ties).</summary>
    public required int HighestImage { get; init; }

    /// <summary>Highest intermediate image, or the image nearest the middle (lower one on a tie) for a monotonic path.</summary>
    public required int SaddleImage { get; init; }

    public required int MovingIndex { get; init; }
    public required string MovingSpecies { get; init; }

    /// <summary>Minimum-image displacement of the moving ion from image 0 to image N (Angstrom).</summary>
    public required double HopLength { get; init; }

    /// <summary>Largest displacement of any other atom from image 0 to image N (Angstrom; 0 for one atom).</summary>
    public required double SecondDisplacement { get; init; }

    public required int SecondIndex { get; init; }

    /// <summary>Fractional position of the moving ion per image, unwrapped along the band so that consecutive
    /// images are minimum-image neighbours of each other (image 0 as in its file); values may leave [0, 1).</summary>
    public required double[][] MovingFrac { get; init; }

    public double[] MovingFracSaddle => MovingFrac[SaddleImage];

    /// <summary>Computes the analysis of a band with at least three images whose images share atom count and order.</summary>
    public static NebAnalysis Of(NebBand band)
    {
        var images = band.Images;
        int last = images.Count - 1;
        if (last < 2)
            throw new ArgumentException($"a NEB needs at least 3 images, got {images.Count}");
        var energies = images.Select(i => i.Energy).ToArray();
        // A NaN would be skipped by the arg-max and silently lower the barrier: the parsers reject such images.
        if (Array.FindIndex(energies, e => !double.IsFinite(e)) is var bad and >= 0)
            throw new ArgumentException($"image {bad} has a non-finite energy ({energies[bad]})");
        double e0 = energies[0], eN = energies[last];
        int highest = ArgMax(energies, 0, last);
        double eMax = energies[highest];

        var initial = images[0].Structure;
        var final = images[last].Structure;
        var (moving, hop, second, secondDistance) = LargestDisplacements(initial, final);

        return new NebAnalysis
        {
            Energies = energies,
            EForward = eMax - e0,
            EBackward = eMax - eN,
            EReaction = eN - e0,
            EKra = eMax - 0.5 * (e0 + eN),
            HighestImage = highest,
            SaddleImage = SaddleOf(energies),
            MovingIndex = moving,
            MovingSpecies = initial.Species[moving],
            HopLength = hop,
            SecondDisplacement = secondDistance,
            SecondIndex = second,
            MovingFrac = UnwrappedPath(images, moving),
        };
    }

    private static int ArgMax(double[] values, int from, int to)
    {
        int best = from;
        for (int k = from + 1; k <= to; k++)
        {
            if (values[k] > values[best])
                best = k;
        }
        return best;
    }

    private static int SaddleOf(double[] energies)
    {
        int last = energies.Length - 1;
        bool rising = true, falling = true;
        for (int k = 1; k <= last; k++)
        {
            rising &= energies[k] >= energies[k - 1];
            falling &= energies[k] <= energies[k - 1];
        }
        return rising || falling ? last / 2 : ArgMax(energies, 1, last - 1);
    }

    private static (int Moving, double Hop, int Second, double SecondDistance) LargestDisplacements(Crystal initial, Crystal final)
    {
        int moving = -1, second = -1;
        double hop = -1, secondDistance = 0;
        for (int a = 0; a < initial.AtomCount; a++)
        {
            double d = initial.Displacement(final, a);
            if (d > hop)
            {
                second = moving;
                secondDistance = Math.Max(hop, 0);
                moving = a;
                hop = d;
            }
            else if (d > secondDistance || second < 0)
            {
                second = a;
                secondDistance = d;
            }
        }
        return (moving, hop, second, secondDistance);
    }

    private static double[][] UnwrappedPath(IReadOnlyList<NebImage> images, int atom)
    {
        var path = new double[images.Count][];
        var f0 = images[0].Structure.Frac;
        path[0] = [f0[3 * atom], f0[3 * atom + 1], f0[3 * atom + 2]];
        for (int k = 1; k < images.Count; k++)
        {
            var s = images[k].Structure;
            var prev = path[k - 1];
            int i = 3 * atom;
            var (da, db, dc, _) = LatticeMath.MinimumImage(s.Lattice,
                s.Frac[i] - prev[0], s.Frac[i + 1] - prev[1], s.Frac[i + 2] - prev[2]);
            path[k] = [prev[0] + da, prev[1] + db, prev[2] + dc];
        }
        return path;
    }
}
