using Pipeline.Contracts;
using System.Reflection;
using Pipeline.Abstractions;

namespace Pipeline.ClusterExpansion.Stage;

/// <summary>Stage <c>ce-fit</c>: maps the training structures onto the rock salt, computes their correlation
/// vectors in the cluster space set by <c>cutoffs</c>, fits ECIs to the energies per formula unit (LassoCV or
/// ridge), and, when a truth.yaml is connected, compares the fit with the lattice-gas truth.</summary>
public sealed class CeFitStage : IStage
{
    private const double MeVPerEv = 1000.0;
    private const double PerSite = 1.0 / CeModel.CationSitesPerFormulaUnit;

    public string Type => "ce-fit";
    public int Version => 1;
    public string Description => "cluster expansion on the two-sublattice rock salt: orbits, correlations, LassoCV/ridge ECIs";

    public IReadOnlyList<ParamSpec> Params => CeFitParams.Specs;

    public IReadOnlyList<PortSpec> Inputs { get; } =
    [
        new("structures", PortKind.Table, "relaxed structures with energies (ingest: lattice, species, frac, energy)"),
        new("truth", PortKind.File, "truth.yaml of a synthetic dataset (section ce) to compare with", Optional: true),
    ];

    public IReadOnlyList<PortSpec> Outputs { get; } =
    [
        new("eci", PortKind.File, "fitted cluster expansion (ce-model/1)", FileName: "eci.json"),
        new("ce_metrics", PortKind.Table, "fit metrics, ECIs per correlation function, energies per structure"),
    ];

    public void Run(StageContext ctx)
    {
        var p = ctx.Params;
        var table = ctx.ReadTable("structures");
        Pipeline.RockSalt.Chemistry chemistry;
        try
        {
            chemistry = CeFitParams.Chemistry(p, table);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"ce-fit: species of the structures: {e.Message}", e);
        }
        var space = ClusterSpace.Generate(p.FloatList("cutoffs"), chemistry);
        ctx.Log.Info($"ce-fit: chemistry {chemistry} ({chemistry.Describe()}); {space.Orbits.Count} orbits, " +
                     $"{space.Functions.Count} correlation functions; mapping {table.RowCount} structures");
        var skipped = p.Bool("skip_unmappable") ? new List<string>() : null;
        List<TrainingStructure> training;
        using (var progress = ctx.Log.Progress("correlation vectors", table.RowCount))
            training = TrainingSet.FromTable(table, space, p.Float("mapping_tolerance"), skipped, () => progress.Increment());
        foreach (var message in skipped ?? []) ctx.Log.Warn($"skipped: {message}");
        ctx.Cancellation.ThrowIfCancellationRequested();

        var fit = EciFitter.Fit(space, training.Select(s => s.Correlations).ToList(),
            training.Select(s => s.EnergyPerFormulaUnit).ToList(),
            CeFitParams.FitOptions(p, training.Select(s => s.Group).ToList(), ctx.Parallelism));
        if (fit.NotConverged > 0)
            ctx.Log.Warn($"{fit.NotConverged} coordinate-descent solves reached max_iter ({p.Int("max_iter")})");
        double latticeConstant = training.Average(s => s.Mapped.Cell.A);

        var metrics = new List<(string, double)>
        {
            ("n_structures", training.Count),
            ("n_skipped", skipped?.Count ?? 0),
            ("n_functions", space.Functions.Count),
            ("n_nonzero", fit.NonZero),
            ("alpha", fit.Alpha),
            ("cv_rmse_mev_per_site", fit.CvRmsePerFormulaUnit * PerSite * MeVPerEv),
            ("cv_rmse_mev_per_fu", fit.CvRmsePerFormulaUnit * MeVPerEv),
            ("train_rmse_mev_per_site", Rmse(fit.Fitted, training.Select(s => s.EnergyPerFormulaUnit)) * PerSite * MeVPerEv),
            ("lattice_constant", latticeConstant),
            ("max_mapping_deviation", training.Max(s => s.Mapped.MaxDeviation)),
            ("not_converged", fit.NotConverged),
            ("j0", fit.J0),
        };
        var summary = new CeFitSummary(p.String("method"),
            metrics.ToDictionary(m => m.Item1, m => m.Item2),
            new Dictionary<string, string>
            {
                ["training_data_hash"] = ctx.InputHash("structures"),
                ["tool_version"] = ToolVersion(ctx),
                ["stage"] = $"{Type}/{Version}",
            });
        var model = new CeModel(space, latticeConstant, fit.J0, fit.Ecis, summary);

        CeModel? truthModel = null;
        double[]? trainingTruth = null;
        if (ctx.HasInput("truth"))
        {
            var truth = LatticeGasTruth.Load(ctx.InputPath("truth"), chemistry);
            var comparison = TruthComparison.Compare(truth, model, training, p.Int32("truth_samples"), p.Int32("seed"));
            trainingTruth = comparison.TrainingTruthPerFormulaUnit;
            truthModel = comparison.TruthModel;
            metrics.Add(("truth_fit_train_rmse_mev_per_site", Rmse(fit.Fitted, trainingTruth) * PerSite * MeVPerEv));
            metrics.Add(("truth_dft_train_rmse_mev_per_site",
                Rmse(training.Select(s => s.EnergyPerFormulaUnit).ToArray(), trainingTruth) * PerSite * MeVPerEv));
            metrics.Add(("truth_random_rmse_mev_per_site", comparison.RandomRmsePerFormulaUnit * PerSite * MeVPerEv));
            metrics.Add(("truth_random_mean_diff_mev_per_site", comparison.RandomMeanDifferencePerFormulaUnit * PerSite * MeVPerEv));
            metrics.Add(("truth_random_samples", comparison.RandomSamples));
            if (truthModel is not null)
                metrics.Add(("truth_eci_rmse_mev", ClusterEciRmse(model, truthModel) * MeVPerEv));
            else
                ctx.Log.Warn($"truth ECIs not compared: {comparison.TruthModelNote}");
            ctx.Log.Info($"truth: fresh random configurations RMSE {comparison.RandomRmsePerFormulaUnit * PerSite * MeVPerEv:F2} meV/site " +
                         $"over {comparison.RandomSamples} samples");
            model = new CeModel(space, latticeConstant, fit.J0, fit.Ecis,
                summary with { Metrics = metrics.ToDictionary(m => m.Item1, m => m.Item2) });
        }

        ctx.Log.Info($"ce-fit ({p.String("method")}): {training.Count} structures, {fit.NonZero}/{space.Functions.Count} non-zero ECIs, " +
                     $"alpha {fit.Alpha:G4}, CV RMSE {fit.CvRmsePerFormulaUnit * PerSite * MeVPerEv:F2} meV/site");
        model.Save(ctx.OutputFilePath("eci"));
        ctx.WriteTable("ce_metrics", CeMetricsContract.Schema.Verified(CeMetricsTable.Build(metrics, model, truthModel, training, fit, trainingTruth), "ce-fit"));
    }

    private static double Rmse(IReadOnlyList<double> a, IEnumerable<double> b)
    {
        var bs = b.ToArray();
        double sum = 0.0;
        for (int i = 0; i < bs.Length; i++) sum += (a[i] - bs[i]) * (a[i] - bs[i]);
        return bs.Length == 0 ? double.NaN : Math.Sqrt(sum / bs.Length);
    }

    /// <summary>RMSE of fitted vs truth ECIs over clusters of 2 or more sites. Point ECIs are left out: when the
    /// training structures share a few compositions, point correlations are collinear with the constant term and
    /// only their combination with J0 is determined.</summary>
    private static double ClusterEciRmse(CeModel fitted, CeModel truth)
    {
        var functions = fitted.Space.Functions.Where(f => fitted.Space.Orbits[f.OrbitIndex].Order >= 2).ToArray();
        return Rmse(functions.Select(f => fitted.Ecis[f.Index]).ToArray(), functions.Select(f => truth.Ecis[f.Index]));
    }

    private static string ToolVersion(StageContext ctx)
        => ctx.Provenance.TryGetValue("tool_version", out var v) ? v
            : typeof(CeFitStage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
