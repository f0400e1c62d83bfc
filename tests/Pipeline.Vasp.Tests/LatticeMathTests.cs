using Pipeline.Vasp.Structure;

namespace Pipeline.Vasp.Tests;

public class LatticeMathTests
{
    // The fixture's hexagonal cell (gamma = 120 degrees), where wrapping each fractional component alone is not enough.
    private static readonly double[] Hexagonal = [7.4018740654, 0, 0, -3.7009378863, 6.4102104834, 0, 0, 0, 27.8030738831];

    private static double BruteForce(double[] l, double a, double b, double c)
    {
        double best = double.PositiveInfinity;
        for (int i = -3; i <= 3; i++)
        for (int j = -3; j <= 3; j++)
        for (int k = -3; k <= 3; k++)
        {
            var (x, y, z) = LatticeMath.ToCartesian(l, a + i, b + j, c + k);
            best = Math.Min(best, Math.Sqrt(x * x + y * y + z * z));
        }
        return best;
    }

    [Theory]
    [InlineData(0.45, 0.55, 0.1)]
    [InlineData(0.6, -0.4, 0.0)]
    [InlineData(0.3, 0.7, 0.5)]
    [InlineData(-0.49, 0.49, -0.2)]
    [InlineData(2.33, -1.6, 3.1)]
    public void Minimum_image_matches_a_brute_force_search(double a, double b, double c)
    {
        var (da, db, dc, length) = LatticeMath.MinimumImage(Hexagonal, a, b, c);
        Assert.Equal(BruteForce(Hexagonal, a, b, c), length, 12);
        Assert.Equal(0, (da - a) - Math.Round(da - a), 12);
        Assert.Equal(0, (db - b) - Math.Round(db - b), 12);
        Assert.Equal(0, (dc - c) - Math.Round(dc - c), 12);
    }

    [Fact]
    public void Inverse_and_fractional_conversion_round_trip()
    {
        double[] cart = [1.0, 2.0, 3.0, -4.0, 5.5, 10.0];
        var frac = LatticeMath.ToFractional(Hexagonal, cart);
        for (int i = 0; i < cart.Length; i += 3)
        {
            var (x, y, z) = LatticeMath.ToCartesian(Hexagonal, frac[i], frac[i + 1], frac[i + 2]);
            Assert.Equal(cart[i], x, 12);
            Assert.Equal(cart[i + 1], y, 12);
            Assert.Equal(cart[i + 2], z, 12);
        }
        Assert.Equal(7.4018740654 * 6.4102104834 * 27.8030738831, LatticeMath.Volume(Hexagonal), 6);
    }
}
