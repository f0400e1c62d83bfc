using Pipeline.RockSalt;
using Pipeline.Synthesis.Model;

namespace Pipeline.Synthesis.Tests;

public class TruthModelTests
{
    private static readonly RockSaltSupercell s_cell = RockSaltSupercell.Primitive(3, 4, 4, 4.12);
    private static readonly TruthClusterExpansion.Lattice s_lattice = new(s_cell);

    [Fact]
    public void Hop_delta_equals_the_difference_of_two_full_evaluations_and_reverses_exactly()
    {
        // DOMAIN.md section 6 oracle: local change == difference of full evaluations; reverse move gives minus.
        var ce = TruthClusterExpansion.Default;
        var sampler = new HopSampler(ce, s_lattice);
        for (int i = 0; i < 200; i++)
        {
            var rng = SeededRandom.For(7, SeededRandom.Purpose.TruthSample, i);
            var composition = Composition.For(new[] { 0.0625, 0.25, 0.5, 1.0 }[i % 4], s_cell.CationCount, 4.1);
            var hop = sampler.Sample(composition, rng);
            var final = hop.FinalCations();
            double full = ce.TotalEnergy(s_lattice, final, hop.Anions) - ce.TotalEnergy(s_lattice, hop.Cations, hop.Anions);
            Assert.Equal(full, hop.DeltaE, 1e-10);
            double back = ce.HopDelta(s_lattice, final, hop.Anions, hop.Anatomy.Final, hop.Anatomy.Initial);
            Assert.Equal(-hop.DeltaE, back, 1e-12);
            Assert.Equal(full, ce.TotalEnergy(s_lattice, final, hop.Anions) - hop.InitialEnergy, 1e-10);
        }
    }

    [Theory]
    [InlineData(0.0625)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void Total_energies_look_like_dft_totals(double x)
    {
        var composition = Composition.For(x, s_cell.CationCount, 4.1);
        for (int i = 0; i < 20; i++)
        {
            var (cations, anions) = composition.RandomConfiguration(SeededRandom.For(3, SeededRandom.Purpose.SinglePoint, i));
            double perAtom = TruthClusterExpansion.Default.TotalEnergy(s_lattice, cations, anions) / composition.AtomCount;
            Assert.InRange(perAtom, -7.0, -5.0);
        }
    }

    [Fact]
    public void Composition_counts_follow_the_formula_unit()
    {
        // DOMAIN.md section 2: per formula unit 2-x Li, 1 V, x vacancies; 2 O, 1 F. 3x4x4 cell = 16 formula units.
        var c = Composition.For(0.25, s_cell.CationCount, 4.11);
        Assert.Equal((28, 16, 4, 32, 16), (c.Count((byte)Species.Li), c.Count((byte)Species.V), c.Vacancies, c.Count((byte)Species.O), c.Count((byte)Species.F)));
        Assert.Equal(0.25, c.X);
        Assert.Throws<ArgumentException>(() => Composition.For(0.01, s_cell.CationCount, 4.1));
    }

    private static double[] Descriptors(int tmUp = 0, int tmDown = 0, int liUp = 0, int liDown = 0, int dumbbellF = 0,
        int apexUp = 0, int apexDown = 0, int back = 0, int nnI = 0, int nnF = 0)
        => [tmUp, tmDown, liUp, liDown, dumbbellF, apexUp, apexDown, back, nnI, nnF];

    [Fact]
    public void Barrier_magnitudes_are_physically_plausible()
    {
        var m = TruthBarrierModel.Create(0, 0);
        var up = m.Paths[(int)HopPath.Up];
        var straight = m.Paths[(int)HopPath.Straight];
        double zeroTm = up.Kra(Descriptors(tmDown: 1));
        Assert.InRange(zeroTm, 0.3, 0.5);
        double oneTm = up.Kra(Descriptors(tmUp: 1, tmDown: 1));
        Assert.InRange(oneTm - zeroTm, 0.2, 0.4);
        Assert.True(up.Kra(Descriptors(tmUp: 2, tmDown: 2)) - oneTm >= 0.2);
        double odh = straight.Kra(Descriptors(tmUp: 2, tmDown: 2, nnI: 2, nnF: 2, back: 1));
        Assert.InRange(odh, 0.7, 1.1);
        Assert.True(straight.Kra(Descriptors(tmUp: 2, tmDown: 2, dumbbellF: 1)) > straight.Kra(Descriptors(tmUp: 2, tmDown: 2)) + 0.05);
        Assert.InRange(straight.Kra(Descriptors(tmUp: 2, tmDown: 2, dumbbellF: 2, nnI: 3, nnF: 3)), 0.9, 1.2);
    }

    [Fact]
    public void The_hop_takes_the_lowest_path_and_the_saddle_stays_above_both_end_points()
    {
        var m = TruthBarrierModel.Create(0.01, 0.03);
        var rng = new SeededRandom(5);
        var cases = new[]
        {
            Descriptors(tmDown: 1),                       // open up tetrahedron: up
            Descriptors(tmUp: 1, tmDown: 1, liUp: 1),     // Li on the up gate, down equally open without it: down
            Descriptors(tmUp: 2, tmDown: 2),              // both tetrahedra blocked: straight
        };
        var expected = new[] { HopPath.Up, HopPath.Down, HopPath.Straight };
        for (int k = 0; k < cases.Length; k++)
        {
            var kra = m.Paths.Select(p => p.Kra(cases[k])).ToArray();
            Assert.Equal(expected[k], (HopPath)Array.IndexOf(kra, kra.Min()));
            Assert.Equal(expected[k], m.Draw(cases[k], 0.0, rng).Path);
        }
        foreach (double dE in new[] { -0.9, -0.3, 0.0, 0.3, 0.9 })
        {
            var b = m.Draw(cases[0], dE, rng);
            Assert.True(b.Forward >= Math.Max(dE, 0) + m.Margin - 1e-12);
            Assert.True(b.Forward - dE >= m.Margin - 1e-12);
            Assert.Equal(b.Forward, b.Kra + dE / 2, 1e-12); // DOMAIN.md section 3: Ef = E_KRA + dE/2
        }
    }

    [Fact]
    public void Least_squares_recovers_a_known_linear_model()
    {
        var rng = new SeededRandom(11);
        int n = 500;
        var x = new double[n, HopDescriptors.Count];
        var y = new double[n];
        double[] coef = [0.3, -0.1, 0.05, 0.02, 0.15, 0.0, 0.04, 0.01, 0.012, -0.02, 0.5];
        for (int s = 0; s < n; s++)
        {
            y[s] = 0.42;
            for (int k = 0; k < coef.Length; k++)
            {
                x[s, k] = k == 10 ? rng.Gaussian(0.2) : rng.NextInt(3);
                y[s] += coef[k] * x[s, k];
            }
        }
        var fit = TruthProjection.Fit(x, y, HopDescriptors.Count);
        Assert.Equal(0.42, fit.Intercept, 1e-9);
        for (int k = 0; k < coef.Length; k++) Assert.Equal(coef[k], fit.Coefficients[k], 1e-9);
        Assert.Equal(1.0, fit.R2, 1e-12);
    }
}
