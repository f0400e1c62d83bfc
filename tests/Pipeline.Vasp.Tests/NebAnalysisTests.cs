using Pipeline.Vasp.Neb;
using Pipeline.Vasp.Structure;

namespace Pipeline.Vasp.Tests;

public class NebAnalysisTests
{
    private static readonly double[] Cubic = [4, 0, 0, 0, 4, 0, 0, 0, 4];

    /// <summary>Two atoms (Li moving along x from <paramref name="x0"/> by <paramref name="dx"/> fractional, O fixed).</summary>
    private static NebBand Band(double[] energies, double x0 = 0.1, double dx = 0.5, double oShift = 0.0)
    {
        int n = energies.Length;
        var images = new List<NebImage>();
        for (int k = 0; k < n; k++)
        {
            double t = k / (double)(n - 1);
            double x = x0 + t * dx;
            x -= Math.Floor(x);
            var crystal = new Crystal(Cubic, ["Li", "O"], [x, 0.5, 0.5, 0.5 + t * oShift, 0.0, 0.0]);
            images.Add(new NebImage(crystal, energies[k], energies[k] - 0.01, 0.01 * k, double.NaN));
        }
        return new NebBand(images, false);
    }

    [Fact]
    public void Barriers_follow_domain_definitions()
    {
        double[] e = [-5.0, -4.7, -4.4, -4.6, -4.9];
        var a = NebAnalysis.Of(Band(e));
        Assert.Equal(0.6, a.EForward, 12);
        Assert.Equal(0.5, a.EBackward, 12);
        Assert.Equal(0.1, a.EReaction, 12);
        Assert.Equal(-4.4 - (-5.0 - 4.9) / 2, a.EKra, 12);
        Assert.Equal(a.EKra + a.EReaction / 2, a.EForward, 12);
        Assert.Equal(a.EKra - a.EReaction / 2, a.EBackward, 12);
        Assert.Equal(2, a.HighestImage);
        Assert.Equal(2, a.SaddleImage);
    }

    [Fact]
    public void Monotonic_path_uses_the_middle_image_as_saddle()
    {
        var a = NebAnalysis.Of(Band([-5.0, -4.9, -4.8, -4.7, -4.6, -4.5, -4.4]));
        Assert.Equal(6, a.HighestImage);
        Assert.Equal(3, a.SaddleImage);
        Assert.Equal(2, NebAnalysis.Of(Band([-4.0, -4.1, -4.2, -4.3, -4.4, -4.5])).SaddleImage);
    }

    [Fact]
    public void Saddle_is_the_highest_intermediate_even_below_an_endpoint()
    {
        var a = NebAnalysis.Of(Band([-5.0, -4.5, -4.7, -4.3]));
        Assert.Equal(3, a.HighestImage);
        Assert.Equal(1, a.SaddleImage);
    }

    [Fact]
    public void Moving_ion_is_found_across_the_periodic_boundary_with_minimum_image_length()
    {
        // Li goes 0.9 -> 1.2 (= 0.2 wrapped): 0.3 of 4 A = 1.2 A, not the 2.8 A of the naive difference.
        var a = NebAnalysis.Of(Band([-5.0, -4.8, -5.0], x0: 0.9, dx: 0.3, oShift: 0.05));
        Assert.Equal(0, a.MovingIndex);
        Assert.Equal("Li", a.MovingSpecies);
        Assert.Equal(1.2, a.HopLength, 12);
        Assert.Equal(1, a.SecondIndex);
        Assert.Equal(0.2, a.SecondDisplacement, 12);
        // The unwrapped path keeps going through the boundary instead of jumping back.
        Assert.Equal(0.9, a.MovingFrac[0][0], 12);
        Assert.Equal(1.05, a.MovingFrac[1][0], 12);
        Assert.Equal(1.2, a.MovingFrac[2][0], 12);
        Assert.Equal(a.MovingFrac[1], a.MovingFracSaddle);
    }

    [Fact]
    public void Fewer_than_three_images_is_not_a_neb()
        => Assert.Throws<ArgumentException>(() => NebAnalysis.Of(Band([-5.0, -4.0])));
}
