using System.Globalization;

namespace Pipeline.RockSalt;

/// <summary>Where the cubic axes of the rock salt lie in a cell written in any orientation (pymatgen, ASE and icet
/// keep whatever orientation the user built), found from the anion sublattice alone, which is never vacant.
/// <para>Every pair of anions about the fcc nearest-neighbour distance a/sqrt2 apart (periodic images included) gives a
/// neighbour vector v. Each v is assigned to the nearest of the 12 fcc &lt;110&gt; directions u of the current guess
/// and the rotation is refitted by least squares (Kabsch: the polar factor of sum v u^T) until the assignment is
/// stable. The same assignment gives the affine fit F (v ~ F u: rotation and homogeneous strain), which takes the cell
/// vectors back to the unstrained cubic frame before they are rounded, so strain does not eat the rounding margin.
/// The cube's 24 rotations leave 24 equivalent frames; the one closest to the Cartesian axes is returned, so the
/// result does not depend on the atom order or on which neighbours seeded the fit.</para></summary>
internal sealed class CubicFrame
{
    /// <summary>Neighbour window in units of the ideal fcc nearest-neighbour distance a/sqrt2 (second neighbours sit
    /// at sqrt2 = 1.41, bcc and simple-cubic neighbours at the same density at 0.89-1.12).</summary>
    internal const double MinNeighbour = 0.75, MaxNeighbour = 1.2;

    /// <summary>A neighbour vector within this angle (degrees) of a fitted &lt;110&gt; direction counts as fcc.</summary>
    internal const double MaxNeighbourAngle = 20;

    /// <summary>Largest fraction of neighbour vectors allowed beyond <see cref="MaxNeighbourAngle"/>. bcc neighbours
    /// lie 35-45 degrees from every &lt;110&gt; direction, a quarter of the hcp ones (half the inter-layer ones) about
    /// 45 degrees, random ones mostly beyond 20.</summary>
    internal const double MaxOutlierFraction = 0.1;

    /// <summary>Vectors farther than this (degrees) from every &lt;110&gt; direction of the current guess stay out of
    /// the fit: half the 60 degrees between neighbouring &lt;110&gt; directions, beyond which the assignment is a guess.</summary>
    private const double FitAngle = 30;

    private const int MaxRefinements = 10;

    private static readonly double InvSqrt2 = 1 / Math.Sqrt(2);

    /// <summary>The 6 lines of the 12 fcc nearest-neighbour directions &lt;110&gt;, unit length.</summary>
    private static readonly Vec3[] Lines =
    [
        new(InvSqrt2, InvSqrt2, 0), new(InvSqrt2, -InvSqrt2, 0), new(InvSqrt2, 0, InvSqrt2),
        new(InvSqrt2, 0, -InvSqrt2), new(0, InvSqrt2, InvSqrt2), new(0, InvSqrt2, -InvSqrt2),
    ];

    private CubicFrame(double[] rotation, double[] deformation)
    {
        Rotation = rotation;
        Deformation = deformation;
        double cosine = Math.Clamp((rotation[0] + rotation[4] + rotation[8] - 1) / 2, -1, 1);
        AngleFromAxes = Math.Acos(cosine) * 180 / Math.PI;
    }

    /// <summary>Proper rotation R, row-major: a vector c in the cubic frame is x = R c in Cartesian coordinates.</summary>
    public double[] Rotation { get; }

    /// <summary>Affine fit F (dimensionless, rotation times homogeneous strain): x = F c.</summary>
    public double[] Deformation { get; }

    /// <summary>Rotation angle (degrees) between the cubic frame and the Cartesian axes.</summary>
    public double AngleFromAxes { get; }

    /// <summary>Cell vectors (rows) in the cubic frame, strain kept: each row x becomes R^T x.</summary>
    public double[] Rotate(ReadOnlySpan<double> lattice) => Mat3.Multiply(lattice, Rotation);

    /// <summary>Cell vectors (rows) in the unstrained cubic frame: each row x becomes F^-1 x.</summary>
    public double[] Undeform(ReadOnlySpan<double> lattice) => Mat3.Multiply(lattice, Mat3.Transpose(Mat3.Inverse(Deformation)));

    /// <summary>Finds the cubic frame of the anion sublattice, or reports (naming the source) why it is not fcc.</summary>
    /// <param name="a">Lattice constant (Angstrom) from the volume and the anion count.</param>
    public static CubicFrame Find(ReadOnlySpan<double> lattice, bool[] isAnion, ReadOnlySpan<double> frac, double a, string source)
    {
        double nn = a * InvSqrt2;
        var vectors = NeighbourVectors(lattice, isAnion, frac, MinNeighbour * nn, MaxNeighbour * nn);
        int anions = isAnion.Count(b => b);
        string window = $"{F(MinNeighbour * nn)}-{F(MaxNeighbour * nn)} A ({MinNeighbour}-{MaxNeighbour} times the fcc " +
            $"nearest-neighbour distance a/sqrt2 = {F(nn)} A, a = {F(a)} A from the volume and {anions} anions)";
        if (vectors.Count == 0)
            throw new StructureMappingException(source, $"the anion sublattice is not fcc: no two anions are {window} apart");

        Fit? best = null;
        foreach (var seed in Seeds(vectors))
        {
            var fit = Refine(vectors, seed, nn);
            if (fit is not null && (best is null || fit.IsBetterThan(best))) best = fit;
        }
        if (best is null || best.Outliers > MaxOutlierFraction * vectors.Count)
        {
            string detail = best is null
                ? $"the {vectors.Count} neighbour vectors do not span three dimensions"
                : $"{best.Outliers} of {vectors.Count} neighbour vectors deviate more, by up to {F(best.LargestAngle)} degrees";
            throw new StructureMappingException(source, "the anion sublattice is not fcc: no rotation maps the anion " +
                $"neighbour vectors onto the fcc <110> directions within {MaxNeighbourAngle} degrees ({detail}; anion pairs " +
                $"{window}: {F(2.0 * vectors.Count / anions)} per anion, 12 in fcc)");
        }
        return Canonical(best.Rotation, best.Deformation);
    }

    /// <summary>All anion-anion vectors (Angstrom) with length in [min, max], each unordered pair and image once.</summary>
    private static List<Vec3> NeighbourVectors(ReadOnlySpan<double> lattice, bool[] isAnion, ReadOnlySpan<double> frac,
        double min, double max)
    {
        var positions = new List<Vec3>();
        for (int i = 0; i < isAnion.Length; i++)
            if (isAnion[i]) positions.Add(new Vec3(frac[3 * i], frac[3 * i + 1], frac[3 * i + 2]));

        // A vector of length <= max has fractional component k at most max |b_k| (b_k: column k of L^-1); the
        // minimum-image difference adds at most 1/2.
        var inverse = Mat3.Inverse(lattice);
        var range = new int[3];
        for (int k = 0; k < 3; k++)
            range[k] = (int)Math.Ceiling(max * new Vec3(inverse[k], inverse[3 + k], inverse[6 + k]).Length + 0.5);

        // Image offsets n L in Angstrom, with the +n half marked for an anion paired with its own images.
        var offsets = new List<(Vec3 Offset, bool Positive)>();
        for (int n1 = -range[0]; n1 <= range[0]; n1++)
            for (int n2 = -range[1]; n2 <= range[1]; n2++)
                for (int n3 = -range[2]; n3 <= range[2]; n3++)
                    offsets.Add((Mat3.Apply(new Vec3(n1, n2, n3), lattice),
                        n1 > 0 || (n1 == 0 && (n2 > 0 || (n2 == 0 && n3 > 0)))));

        var images = offsets.ToArray();
        var vectors = new List<Vec3>();
        double min2 = min * min, max2 = max * max;
        for (int i = 0; i < positions.Count; i++)
            for (int j = i; j < positions.Count; j++)
            {
                var d = positions[j] - positions[i];
                var x0 = Mat3.Apply(d - (Vec3)d.Round(), lattice);
                foreach (var (offset, positive) in images)
                {
                    // An anion and its own image: take +n only, -n is the same pair.
                    if (j == i && !positive) continue;
                    var x = x0 + offset;
                    double length2 = x.Dot(x);
                    if (length2 >= min2 && length2 <= max2) vectors.Add(x);
                }
            }
        return vectors;
    }

    /// <summary>Starting rotations: the first neighbour vector taken as [110] and the vector closest to 60 degrees from
    /// it as [101] or [011]. Both are needed: without reflections the two are not equivalent.</summary>
    private static IEnumerable<double[]> Seeds(List<Vec3> vectors)
    {
        var v1 = vectors[0];
        var v2 = vectors[0];
        double bestGap = double.PositiveInfinity;
        foreach (var v in vectors)
        {
            double gap = Math.Abs(Math.Abs(v1.Dot(v)) / (v1.Length * v.Length) - 0.5);
            if (gap < bestGap) { bestGap = gap; v2 = v; }
        }
        if (v1.Dot(v2) < 0) v2 = -1 * v2;
        if (v1.Dot(v2) / (v1.Length * v2.Length) > 0.9) yield break;
        var measured = Frame(v1, v2);
        foreach (var ideal in new[] { Frame(Lines[0], Lines[2]), Frame(Lines[0], Lines[4]) })
        {
            // R0 = E F^T maps the ideal frame F onto the measured frame E.
            var r = new double[9];
            for (int k = 0; k < 3; k++) Mat3.AddOuter(r, measured[k], ideal[k]);
            yield return r;
        }
    }

    /// <summary>Right-handed orthonormal frame with e1 along p and e2 in the plane of p and q.</summary>
    private static Vec3[] Frame(Vec3 p, Vec3 q)
    {
        var e1 = (1 / p.Length) * p;
        var e2 = q - q.Dot(e1) * e1;
        e2 = (1 / e2.Length) * e2;
        return [e1, e2, e1.Cross(e2)];
    }

    /// <summary>Alternates assignment (nearest &lt;110&gt; direction under the current rotation) and the least-squares
    /// rotation until the assignment no longer changes; null when no proper rotation fits.</summary>
    private static Fit? Refine(List<Vec3> vectors, double[] rotation, double nn)
    {
        var assigned = new int[vectors.Count];
        double[] m = new double[9], s = new double[9];
        for (int iteration = 0; iteration < MaxRefinements; iteration++)
        {
            Array.Clear(m);
            Array.Clear(s);
            bool changed = false;
            var transposed = Mat3.Transpose(rotation);
            for (int i = 0; i < vectors.Count; i++)
            {
                var (line, sign, angle) = Nearest(Mat3.Times(transposed, vectors[i]));
                int code = angle <= FitAngle ? sign * (line + 1) : 0;
                changed |= code != assigned[i];
                assigned[i] = code;
                if (code == 0) continue;
                var u = (sign * nn) * Lines[line];
                Mat3.AddOuter(m, vectors[i], u);
                Mat3.AddOuter(s, u, u);
            }
            var next = Mat3.PolarRotation(m);
            if (next is null || Math.Abs(Mat3.Det(s)) < 1e-12 * nn * nn * nn * nn * nn * nn) return null;
            rotation = next;
            if (!changed && iteration > 0) break;
        }

        int outliers = 0;
        double largest = 0, squares = 0;
        var back = Mat3.Transpose(rotation);
        foreach (var v in vectors)
        {
            double angle = Nearest(Mat3.Times(back, v)).Angle;
            if (angle > MaxNeighbourAngle) outliers++;
            largest = Math.Max(largest, angle);
            squares += angle * angle;
        }
        return new Fit(rotation, Mat3.Multiply(m, Mat3.Inverse(s)), outliers, largest, squares);
    }

    /// <summary>The &lt;110&gt; line nearest to the direction of c, the sign along it, and the angle (degrees).</summary>
    private static (int Line, int Sign, double Angle) Nearest(Vec3 c)
    {
        double length = c.Length;
        int best = 0;
        double bestDot = -1, signedDot = 0;
        for (int k = 0; k < Lines.Length; k++)
        {
            double dot = Lines[k].Dot(c) / length;
            if (Math.Abs(dot) > bestDot) { bestDot = Math.Abs(dot); signedDot = dot; best = k; }
        }
        return (best, signedDot >= 0 ? 1 : -1, Math.Acos(Math.Min(1, bestDot)) * 180 / Math.PI);
    }

    /// <summary>Of the 24 equivalent frames R G (G a proper rotation of the cube), the one closest to the Cartesian
    /// axes (largest trace); the affine fit follows as F G.</summary>
    private static CubicFrame Canonical(double[] rotation, double[] deformation)
    {
        int[][] permutations = [[0, 1, 2], [1, 2, 0], [2, 0, 1], [0, 2, 1], [2, 1, 0], [1, 0, 2]];
        double[]? bestG = null;
        double bestTrace = double.NegativeInfinity;
        for (int p = 0; p < permutations.Length; p++)
            for (int signs = 0; signs < 8; signs++)
            {
                var g = new double[9];
                double det = p < 3 ? 1 : -1;
                for (int row = 0; row < 3; row++)
                {
                    double sign = (signs >> row & 1) == 0 ? 1 : -1;
                    g[row * 3 + permutations[p][row]] = sign;
                    det *= sign;
                }
                if (det < 0) continue;
                var candidate = Mat3.Multiply(rotation, g);
                double trace = candidate[0] + candidate[4] + candidate[8];
                if (trace > bestTrace) { bestTrace = trace; bestG = g; }
            }
        return new CubicFrame(Mat3.Multiply(rotation, bestG!), Mat3.Multiply(deformation, bestG!));
    }

    private sealed record Fit(double[] Rotation, double[] Deformation, int Outliers, double LargestAngle, double SquaredAngles)
    {
        public bool IsBetterThan(Fit other)
            => Outliers != other.Outliers ? Outliers < other.Outliers : SquaredAngles < other.SquaredAngles;
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
