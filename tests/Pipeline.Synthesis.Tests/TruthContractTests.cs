using Pipeline.Contracts;
using Pipeline.Synthesis.Tests.Support;

namespace Pipeline.Synthesis.Tests;

/// <summary>The synthesizer is truth.yaml's one writer and Pipeline.Contracts' TruthDocument its one reader: what
/// the writer emits must read back complete, with the values the test-side YAML reader sees.</summary>
public sealed class TruthContractTests(SmallDataset data) : IClassFixture<SmallDataset>
{
    [Fact]
    public void The_written_truth_reads_back_through_its_contract()
    {
        var doc = TruthDocument.Load(data.TruthPath);
        Assert.Equal(TruthDocument.SchemaName, doc.Schema);
        Assert.Equal(SmallDataset.Settings.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.Seed);
        Assert.Equal(SmallDataset.Settings.Hops, doc.Hops.Count);
        Assert.Equal(3, doc.Faults.Count);
        Assert.NotNull(doc.KraLinear);
        Assert.NotNull(doc.ForwardLinear);
        Assert.Equal(11, doc.ForwardLinear!.Coefficients.Count);
        Assert.True(double.IsFinite(doc.KraLinear!.R2) && double.IsFinite(doc.KraLinear.Rmse));
        Assert.NotNull(doc.Ce);
        Assert.Equal(5, doc.Ce!.Point.Fields.Count);
        Assert.NotEmpty(doc.Ce.Pairs);
        Assert.Equal(3, doc.PathFractions.Count);
        Assert.All(doc.Hops, h => Assert.True(double.IsFinite(h.EKra) && h.EForward >= h.EKra - 1.0));
    }
}
