using System.Text;
using Pipeline.RockSalt;
using Pipeline.Synthesis.Geometry;
using Pipeline.Synthesis.VaspWriters;

namespace Pipeline.Synthesis.Tests;

/// <summary>The OUTCAR k-point blocks: the irreducible points of a mesh, the plane-wave counts against a real VASP
/// 5.4.4 OUTCAR (tests/Pipeline.Vasp.Tests/TestData/graphene-li-single-point/OUTCAR), and the line layout.</summary>
public class KpointBlockTests
{
    [Fact]
    public void Plane_wave_counts_and_index_range_match_a_real_vasp_outcar()
    {
        // Cell, ENCUT and k-points (reciprocal coordinates) of the fixture; its "plane waves:" lines and IXMAX..IZMIN.
        double[] lattice = [7.4018740654, 0, 0, -3.7009378863, 6.4102104834, 0, 0, 0, 27.8030738831];
        double[] kpoints =
        [
            0, 0, 0,
            0.06666667, 0, 0,
            0.46666667, 0, 0,
            0.13333333, 0.06666667, 0,
            0.33333333, 0.33333333, 0,
        ];
        var basis = PlaneWaveBasis.Count(lattice, 400, kpoints);
        Assert.Equal([23887, 23855, 24004, 23936, 23952], basis.Counts);
        Assert.Equal([12, 12, 45], basis.MaxIndex);
        Assert.Equal([-12, -12, -45], basis.MinIndex);
    }

    [Fact]
    public void Time_reversal_alone_pairs_k_with_minus_k()
    {
        var even = IrreducibleKpoints.GammaCentred([2, 2, 2]);
        Assert.Equal(8, even.Count); // every point of an even 2x2x2 mesh is its own inverse
        Assert.All(even.Weights, w => Assert.Equal(1, w));
        Assert.Equal([0, 0, 0, 0.5, 0, 0, 0, 0.5, 0, 0.5, 0.5, 0], even.Fractional[..12]);

        var odd = IrreducibleKpoints.GammaCentred([3, 3, 1]);
        Assert.Equal(5, odd.Count); // Gamma plus four pairs
        Assert.Equal([1, 2, 2, 2, 2], odd.Weights);
        Assert.Equal(9, odd.MeshPoints);

        var mixed = IrreducibleKpoints.GammaCentred([4, 4, 3]);
        Assert.Equal((48 + 4) / 2, mixed.Count);
        Assert.Equal(48, mixed.MeshPoints);
        // No kept point is the inverse of another kept point.
        var keys = new HashSet<(int, int, int)>();
        for (int i = 0; i < mixed.Count; i++)
        {
            var k = Key(mixed.Fractional, i, [4, 4, 3]);
            var minus = ((4 - k.Item1) % 4, (4 - k.Item2) % 4, (3 - k.Item3) % 3);
            Assert.True(k == minus || !keys.Contains(minus), $"k-point {i} is the inverse of an earlier one");
            keys.Add(k);
        }
    }

    [Fact]
    public void Blocks_use_vasp_line_layout()
    {
        var frame = new CellFrame(new RockSaltSupercell(new Int3(0, 3, 3), new Int3(4, 0, 4), new Int3(4, 4, 0), 4.12), 4.12);
        var k = IrreducibleKpoints.GammaCentred([2, 2, 2]);
        var lines = Render(w =>
        {
            OutcarKpointWriter.WriteMeshReduction(w, k, frame);
            OutcarKpointWriter.WriteLists(w, k, frame);
            OutcarKpointWriter.WritePlaneWaves(w, k, PlaneWaveBasis.For(frame, 500, k), 8);
        });
        // Layouts as in the fixture OUTCAR (same widths, same spacing).
        Assert.Contains(" KPOINTS: Automatic mesh                          ", lines);
        Assert.Contains(" Found      8 irreducible k-points:", lines);
        Assert.Contains("  0.500000  0.000000  0.000000      1.000000", lines);
        Assert.Contains(" k-points in reciprocal lattice and weights: Automatic mesh                          ", lines);
        Assert.Contains("   0.50000000  0.50000000  0.50000000       0.125", lines);
        Assert.Matches(@"^ k-point  2 :   0\.5000 0\.0000 0\.0000  plane waves: +\d+$", lines.Single(l => l.StartsWith(" k-point  2 :", StringComparison.Ordinal)));
        Assert.Matches(@"^ maximum and minimum number of plane-waves per node : +\d+ +\d+$", lines.Single(l => l.StartsWith(" maximum and", StringComparison.Ordinal)));
        Assert.Matches(@"^   IXMAX= +\d+   IYMAX= +\d+   IZMAX= +\d+$", lines.Single(l => l.StartsWith("   IXMAX=", StringComparison.Ordinal)));
    }

    private static (int, int, int) Key(double[] f, int i, int[] n)
        => (((int)Math.Round(f[i * 3] * n[0]) + n[0]) % n[0], ((int)Math.Round(f[i * 3 + 1] * n[1]) + n[1]) % n[1],
            ((int)Math.Round(f[i * 3 + 2] * n[2]) + n[2]) % n[2]);

    private static string[] Render(Action<FortranWriter> write)
    {
        var buffer = new MemoryStream();
        using (var w = FortranWriter.ToStream(buffer)) write(w);
        return Encoding.ASCII.GetString(buffer.ToArray()).Split('\n');
    }
}
