using Pipeline.ActiveLearning.Candidates;
using Pipeline.ActiveLearning.Neb;
using Pipeline.Vasp.Parsing;

namespace Pipeline.ActiveLearning.Tests;

/// <summary>The written folders are valid VASP NEB inputs as our own ingest reads them (lib/Vasp parsers).</summary>
public class NebFolderTests : IDisposable
{
    private const string IncarText = "SYSTEM = LiVOF NEB\nENCUT = 520\nIMAGES = 3 ! old value\nIBRION = 3; POTIM = 0; IMAGES = 3\nSPRING = -5\nLCLIMB = .TRUE.\n";
    private const string Kpoints = "Automatic mesh\n0\nGamma\n  2  2  2\n  0  0  0\n";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "neb-folders-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData(5, "linear", "straight")]
    [InlineData(3, "path", "up")]
    [InlineData(7, "path", "down")]
    public void Folders_parse_and_only_the_moving_li_is_displaced(int images, string interpolation, string pathType)
    {
        var cell = TestPools.Cell;
        var hops = TestPools.Pool(seed: 9).Candidates;
        foreach (var hop in hops.Where((_, i) => i % 37 == 0))
        {
            var dir = Path.Combine(_root, hop.Id + interpolation + images);
            int mover = NebFolderWriter.Write(dir, cell, hop,
                new NebFolderSpec(IncarText, "INCAR", Kpoints, images, NebInterpolation.Parse(interpolation), pathType, 1, 0.5, 0.05));

            var incar = Incar.Parse(Path.Combine(dir, "INCAR"));
            Assert.Equal(images, incar.Images);
            Assert.Equal(-5, incar.Spring);
            Assert.Equal(0.0, incar.Double("POTIM"));
            Assert.Equal(520, incar.Encut);
            Assert.Single(File.ReadAllLines(Path.Combine(dir, "INCAR")), l => l.Contains("IMAGES", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(Kpoints, File.ReadAllText(Path.Combine(dir, "KPOINTS")));
            Assert.False(File.Exists(Path.Combine(dir, "POTCAR")));
            Assert.Contains("POTCAR", File.ReadAllText(Path.Combine(dir, "README.md")));
            var folders = Directory.GetDirectories(dir).Select(Path.GetFileName).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, images + 2).Select(k => k.ToString("00")), folders);

            var posc = folders.Select(f => PoscarParser.Parse(Path.Combine(dir, f!, "POSCAR"))).ToArray();
            var first = posc[0];
            Assert.Equal(hop.Cations.Count(s => s != 0) + hop.Anions.Length, first.AtomCount);
            Assert.Equal("Li", Symbol(first, mover));
            foreach (var p in posc)
            {
                Assert.Equal(first.TypeSymbols, p.TypeSymbols);
                Assert.Equal(first.Counts, p.Counts);
                Assert.Equal(first.Lattice, p.Lattice);
                for (int atom = 0; atom < first.AtomCount; atom++)
                {
                    if (atom == mover) continue;
                    for (int c = 0; c < 3; c++) Assert.Equal(first.Frac[3 * atom + c], p.Frac[3 * atom + c], 12);
                }
            }
            // The mover goes from I to F: one NN distance a/sqrt(2) between the end points, and the end point is F's site.
            var start = Cartesian(first, mover);
            var end = Cartesian(posc[^1], mover);
            Assert.Equal(cell.A / Math.Sqrt(2), Distance(start, end), 9);
            var f = cell.CationPosition(hop.Anatomy.Final);
            var fSite = (f.X * cell.A / 2, f.Y * cell.A / 2, f.Z * cell.A / 2);
            Assert.Equal(0.0, PeriodicDistance(posc[^1], end, fSite), 9);
            // Intermediate images: strictly between, evenly spaced along the hop for linear interpolation.
            for (int k = 1; k <= images; k++)
            {
                var r = Cartesian(posc[k], mover);
                Assert.True(Distance(start, r) > 0.1 && Distance(end, r) > 0.1, $"image {k} sits on an end point");
                if (interpolation == "linear")
                    Assert.Equal(k * cell.A / Math.Sqrt(2) / (images + 1), Distance(start, r), 9);
            }
            if (interpolation == "path" && images % 2 == 1)
            {
                // The middle image sits in the tetrahedron centre: a*sqrt(3)/4 from every end point.
                var mid = Cartesian(posc[(images + 1) / 2], mover);
                Assert.Equal(cell.A * Math.Sqrt(3) / 4, Distance(start, mid), 9);
            }
        }
    }

    [Fact]
    public void An_empty_incar_template_is_refused_with_its_name()
    {
        var e = Assert.Throws<InvalidDataException>(() => IncarTemplate.WithImages("  \n", 5, "my-incar"));
        Assert.Contains("my-incar", e.Message);
    }

    private static string Symbol(Poscar p, int atom)
    {
        int n = 0;
        for (int t = 0; t < p.Counts.Length; t++)
        {
            n += p.Counts[t];
            if (atom < n) return p.TypeSymbols![t];
        }
        throw new ArgumentOutOfRangeException(nameof(atom));
    }

    private static (double, double, double) Cartesian(Poscar p, int atom)
    {
        double fx = p.Frac[3 * atom], fy = p.Frac[3 * atom + 1], fz = p.Frac[3 * atom + 2];
        var l = p.Lattice;
        return (fx * l[0] + fy * l[3] + fz * l[6], fx * l[1] + fy * l[4] + fz * l[7], fx * l[2] + fy * l[5] + fz * l[8]);
    }

    private static double Distance((double X, double Y, double Z) a, (double X, double Y, double Z) b)
        => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y) + (a.Z - b.Z) * (a.Z - b.Z));

    /// <summary>Distance between two Cartesian points modulo the lattice (small cells: images -1..1 suffice).</summary>
    private static double PeriodicDistance(Poscar p, (double X, double Y, double Z) a, (double X, double Y, double Z) b)
    {
        var l = p.Lattice;
        double best = double.PositiveInfinity;
        for (int i = -1; i <= 1; i++)
            for (int j = -1; j <= 1; j++)
                for (int k = -1; k <= 1; k++)
                {
                    var shifted = (b.X + i * l[0] + j * l[3] + k * l[6], b.Y + i * l[1] + j * l[4] + k * l[7], b.Z + i * l[2] + j * l[5] + k * l[8]);
                    best = Math.Min(best, Distance(a, shifted));
                }
        return best;
    }
}
