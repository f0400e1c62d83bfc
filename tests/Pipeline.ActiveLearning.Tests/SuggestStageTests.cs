using Pipeline.Abstractions;
using Pipeline.ActiveLearning.Loop;
using Pipeline.Contracts;
using Pipeline.Fitting.Regression;
using Pipeline.RockSalt;
using Pipeline.Suggest.Stage;
using Pipeline.Vasp.Parsing;

namespace Pipeline.ActiveLearning.Tests;

/// <summary>The suggest stage end to end on a synthetic training set: a features table labelled by the
/// synthesizer's barrier process, a LassoCV model of it saved as barrier-model/1, the truth CE as eci.json.</summary>
public class SuggestStageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("suggest-inputs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private TestStageContext Context(IReadOnlyDictionary<string, object> parameters)
    {
        var pool = TestPools.Pool(seed: 31).Candidates.Take(60).ToList();
        var oracle = new SynthesisOracle(31);
        var names = HopDescriptors.Names.Take(HopDescriptors.KraCount).ToArray();
        var columns = names.Select((_, k) => pool.Select(c => c.Descriptors[k]).ToArray()).ToList();
        var y = pool.Select((c, i) => oracle.Kra(c.Descriptors, c.DeltaE, i)).ToArray();
        var table = new Table(names.Select((n, k) => Column.Of(n, columns[k]))
            .Append(Column.Of("calc_id", pool.Select(c => c.Id).ToArray()))
            .Append(Column.Of("e_kra", y)));

        var (mean, std) = Standardizer.Fit(ColumnMajorMatrix.FromColumns(columns));
        var z = Standardizer.Transform(ColumnMajorMatrix.FromColumns(columns), mean, std);
        var settings = new LassoSettings(5, 100, 1e-3, 1e-4, 1000);
        var cv = LassoCV.Fit(z, y, settings.ToOptions());
        var model = BarrierModel.FromStandardizedFit("e_kra", names, mean, std, cv.Model.Intercept, cv.Model.Coefficients,
            cv.Alpha, cv.Alphas, cv.MsePathMean, settings, cv.CvRmse, "test", "test");
        model.Save(Path.Combine(_dir, "model-kra.json"));
        TestPools.Ce.Save(Path.Combine(_dir, "eci.json"));
        File.WriteAllText(Path.Combine(_dir, "INCAR"), "ENCUT = 520\nIBRION = 3\nPOTIM = 0\nSPRING = -5\nLCLIMB = .TRUE.\n");
        File.WriteAllText(Path.Combine(_dir, "KPOINTS"), "Automatic mesh\n0\nGamma\n  2  2  2\n  0  0  0\n");
        var files = new Dictionary<string, string>
        {
            ["model"] = Path.Combine(_dir, "model-kra.json"),
            ["ce"] = Path.Combine(_dir, "eci.json"),
            ["incar"] = Path.Combine(_dir, "INCAR"),
            ["kpoints"] = Path.Combine(_dir, "KPOINTS"),
        };
        return new TestStageContext(new SuggestStage(), parameters, new Dictionary<string, Table> { ["features"] = table }, files);
    }

    private static readonly Dictionary<string, object> Small = new()
    {
        ["supercell"] = new long[] { 3, 4, 4 },
        ["compositions"] = new[] { 0.25, 0.5 },
        ["snapshots"] = 2L,
        ["hops_per_snapshot"] = 40L,
        ["batch_size"] = 5L,
        ["images"] = 3L,
        ["equilibration_sweeps"] = 50L,
    };

    [Fact]
    public void Writes_a_ranked_table_and_one_valid_folder_per_suggestion()
    {
        var ctx = Context(Small);
        new SuggestStage().Run(ctx);
        var s = ctx.WrittenTables["suggestions"];
        Assert.Equal(5, s.RowCount);
        Assert.Equal([1L, 2, 3, 4, 5], s.Longs("rank"));
        Assert.InRange(ctx.WrittenTables["candidates"].RowCount, 40, 2 * 2 * 40);
        Assert.Equal(ctx.WrittenTables["candidates"].RowCount.ToString(), s.Metadata["candidates"]);
        var uncertainty = s.Doubles("uncertainty");
        Assert.All(uncertainty, u => Assert.True(u >= 0));
        Assert.Equal(s.Doubles("score"), s.Doubles("score").OrderDescending());
        var neb = ctx.OutputDirectoryPath("neb");
        Assert.True(File.Exists(Path.Combine(neb, "suggestions.csv")));
        Assert.Equal(6, File.ReadAllLines(Path.Combine(neb, "suggestions.csv")).Length);
        Assert.Contains("POTCAR", File.ReadAllText(Path.Combine(neb, "README.md")));
        foreach (var folder in s.Strings("folder"))
        {
            var dir = Path.Combine(neb, folder);
            Assert.Equal(3, Incar.Parse(Path.Combine(dir, "INCAR")).Images);
            Assert.Equal(5, Directory.GetDirectories(dir).Length);
            var end = PoscarParser.Parse(Path.Combine(dir, "04", "POSCAR"));
            Assert.Equal(PoscarParser.Parse(Path.Combine(dir, "00", "POSCAR")).Counts, end.Counts);
        }
        // The predicted barrier is the model's, not the ensemble mean.
        var model = BarrierModel.Load(ctx.InputPath("model"));
        var d = HopDescriptors.Names.Take(HopDescriptors.KraCount).Select(n => s.Doubles(n)[0]).ToArray();
        Assert.Equal(model.Predict(d), s.Doubles("predicted_barrier")[0], 12);
    }

    [Fact]
    public void Same_seed_same_suggestions_and_a_model_feature_outside_the_descriptors_is_refused()
    {
        var a = Context(Small);
        new SuggestStage().Run(a);
        var b = Context(Small);
        new SuggestStage().Run(b);
        Assert.Equal(a.WrittenTables["suggestions"].Strings("candidate_id"), b.WrittenTables["suggestions"].Strings("candidate_id"));

        var bad = Context(Small);
        var json = File.ReadAllText(bad.InputPath("model")).Replace("\"back_f\"", "\"back_cl\"");
        File.WriteAllText(bad.InputPath("model"), json);
        var e = Assert.ThrowsAny<Exception>(() => new SuggestStage().Run(bad));
        Assert.Contains("back_cl", e.Message);
    }
}
