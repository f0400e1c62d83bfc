using Pipeline.ClusterExpansion;

namespace Pipeline.ClusterExpansion.Tests;

public class SiteBasisTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Functions_are_orthonormal_over_the_species(int m)
    {
        for (int s = 0; s < m; s++)
            for (int t = 0; t < m; t++)
            {
                double product = 0.0;
                for (int sigma = 0; sigma < m; sigma++)
                    product += SiteBasis.Value(m, s, sigma) * SiteBasis.Value(m, t, sigma);
                Assert.Equal(s == t ? 1.0 : 0.0, product / m, 12);
            }
    }

    [Fact]
    public void Sublattice_tables_match_the_formula_and_the_binary_basis_is_plus_minus_one()
    {
        Assert.Equal(-1.0, SiteBasis.Value(Sublattice.Anion, 1, 0), 14); // O
        Assert.Equal(1.0, SiteBasis.Value(Sublattice.Anion, 1, 1), 14);  // F
        // van de Walle: Theta_1(sigma) = -sqrt2 cos(2 pi sigma / 3), Theta_2 = -sqrt2 sin(2 pi sigma / 3).
        Assert.Equal(-Math.Sqrt(2), SiteBasis.Value(Sublattice.Cation, 1, 0), 14);
        Assert.Equal(Math.Sqrt(2) / 2, SiteBasis.Value(Sublattice.Cation, 1, 1), 14);
        Assert.Equal(-Math.Sqrt(1.5), SiteBasis.Value(Sublattice.Cation, 2, 1), 14);
        Assert.Equal(Math.Sqrt(1.5), SiteBasis.Value(Sublattice.Cation, 2, 2), 14);
    }
}
