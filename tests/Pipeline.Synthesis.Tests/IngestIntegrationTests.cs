using Pipeline.Synthesis.Tests.Support;
using Pipeline.Vasp.Ingest;

namespace Pipeline.Synthesis.Tests;

/// <summary>The project's own ingest stage reads the synthetic study: exactly the planted faults are rejected and
/// the accepted hops carry the truth's energies.</summary>
public class IngestIntegrationTests(SmallDataset data) : IClassFixture<SmallDataset>
{
    [Fact]
    public void Ingest_rejects_exactly_the_planted_faults_and_reads_the_true_barriers()
    {
        using var output = new TempDirectory();
        var stage = new VaspNebIngestStage();
        var ctx = new TestStageContext(stage, output.Path, inputs: new Dictionary<string, string> { ["data"] = data.DatasetPath });
        stage.Run(ctx);

        var rejected = ctx.Tables["rejected"].Strings("calc_id");
        Assert.Equal(data.Truth.Faults.Select(f => f.CalcId).Order(), rejected.Order());

        var hops = ctx.Tables["hops"];
        var ids = hops.Strings("calc_id");
        var forward = hops.Doubles("e_forward");
        var kra = hops.Doubles("e_kra");
        var reaction = hops.Doubles("e_reaction");
        var clean = data.Truth.Hops.Where(h => h.Fault == "none").ToDictionary(h => h.CalcId);
        Assert.Equal(clean.Keys.Order(), ids.Order());
        for (int r = 0; r < ids.Length; r++)
        {
            var truth = clean[ids[r]];
            Assert.Equal(truth.EForward, forward[r], 1e-6);
            Assert.Equal(truth.EKra, kra[r], 1e-6);
            Assert.Equal(truth.DeltaE, reaction[r], 1e-6);
        }
        Assert.All(hops.Strings("moving_species"), s => Assert.Equal("Li", s));
        Assert.All(hops.Longs("saddle_image"), (s, r) => Assert.Equal((clean[ids[r]].Images + 1) / 2, s));

        var kinds = ctx.Tables["structures"].Strings("kind");
        Assert.Equal(2 * clean.Count, kinds.Count(k => k.StartsWith("neb-", StringComparison.Ordinal)));
        Assert.Equal(SmallDataset.Settings.SinglePoints, kinds.Count(k => k == "single-point"));
    }
}
