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

    [Fact]
    public void A_LiVOF_truth_has_no_chemistry_block_and_reads_as_LiVOF_standard()
    {
        var doc = TruthDocument.Load(data.TruthPath);
        Assert.Null(doc.Chemistry);
        Assert.Equal(Pipeline.RockSalt.Chemistry.LiVOF, doc.SpeciesOrDefault(data.TruthPath));
        Assert.Equal(Pipeline.RockSalt.DescriptorSet.Standard, doc.DescriptorSet);
        Assert.DoesNotContain("chemistry", File.ReadAllText(data.TruthPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chemistry_block_that_names_no_rock_salt_is_an_error_naming_the_file_and_line()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("truth.yaml");
        File.WriteAllText(path, "schema: synthetic-truth/1\nseed: 1\nchemistry:\n  name: X\n  mobile_ion: Li\n  cations: [Mn, Mn]\n  anions: [O]\n");
        var doc = TruthDocument.Load(path);
        var e = Assert.Throws<InvalidDataException>(() => doc.SpeciesOrDefault(path));
        Assert.Contains($"{path}: line 4", e.Message, StringComparison.Ordinal);
        Assert.Contains("Mn is listed twice", e.Message, StringComparison.Ordinal);

        File.WriteAllText(path, "schema: synthetic-truth/1\nchemistry:\n  name: X\n  mobile_ion: Li\n  anions: [O]\n");
        var missing = Assert.Throws<InvalidDataException>(() => TruthDocument.Load(path));
        Assert.Contains("'chemistry.cations' must be a non-empty list", missing.Message, StringComparison.Ordinal);
    }
}
