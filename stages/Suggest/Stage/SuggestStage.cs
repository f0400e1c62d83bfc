using Pipeline.Abstractions;
using Pipeline.ActiveLearning.Acquisition;
using Pipeline.ActiveLearning.Candidates;
using Pipeline.ActiveLearning.Neb;
using Pipeline.ClusterExpansion;
using Pipeline.Fitting.Classification;
using Pipeline.Contracts;
using Pipeline.RockSalt;

namespace Pipeline.Suggest.Stage;

/// <summary>Stage <c>suggest</c>: draws candidate hops from CE-equilibrated configurations, scores them by the
/// barrier model's bootstrap spread and distance from the training data, picks a batch under a diversity rule, and
/// writes each pick as a ready-to-run VASP NEB folder with a ranked table of predictions and uncertainties.</summary>
public sealed class SuggestStage : IStage
{
    public string Type => "suggest";
    public int Version => 1;
    public string Description => "active learning: rank candidate hops by model uncertainty and write the next NEB calculations as VASP folders";

    public IReadOnlyList<ParamSpec> Params => SuggestParams.Specs;

    public IReadOnlyList<PortSpec> Inputs { get; } =
    [
        new("features", PortKind.Table, "the training hops (featurize output): the model's descriptor columns and its target"),
        new("model", PortKind.File, "the barrier model to improve (model-kra.json, barrier-model/1)"),
        new("ce", PortKind.File, "cluster expansion (eci.json) that equilibrates the candidate configurations"),
        new("incar", PortKind.File, "INCAR template for the NEB runs (IMAGES is set per folder)"),
        new("kpoints", PortKind.File, "KPOINTS copied into every folder"),
        new("classifier", PortKind.File, "path classifier (classifier.zip) for the predicted path type", Optional: true),
    ];

    public IReadOnlyList<PortSpec> Outputs { get; } =
    [
        new("suggestions", PortKind.Table, "the batch, ranked: predicted barrier, uncertainty, descriptors, folder"),
        new("candidates", PortKind.Table, "every candidate hop with its score"),
        new("neb", PortKind.Directory, "one VASP NEB folder per suggestion, suggestions.csv and README.md"),
    ];

    public void Run(StageContext ctx)
    {
        var p = ctx.Params;
        var model = BarrierModel.Load(ctx.InputPath("model"));
        var ce = CeModel.Load(ctx.InputPath("ce"));
        var cell = Supercell(p, ce);
        int seed = p.Int32("seed");
        var featureIndex = DescriptorIndices(model);

        var training = TrainingRows.Read(ctx.ReadTable("features"), model, "features");
        var space = new DescriptorSpace(model.ScalerMean, model.ScalerStd);
        var zTrain = training.Rows.Select(r => space.Standardize(r)).ToList();
        var ensemble = BarrierEnsemble.Fit(zTrain, training.Target, model.Alpha, model.Settings, p.Int32("replicates"), seed,
            p.Bool("refit_alpha"), ctx.Parallelism, model.Alphas);
        ctx.Cancellation.ThrowIfCancellationRequested();

        var options = new CandidateOptions
        {
            Compositions = p.FloatList("compositions"),
            Temperature = p.Float("synthesis_temperature"),
            EquilibrationSweeps = p.Int32("equilibration_sweeps"),
            SweepsBetweenSnapshots = p.Int32("sweeps_between_snapshots"),
            Snapshots = p.Int32("snapshots"),
            HopsPerSnapshot = p.Int32("hops_per_snapshot"),
            Seed = seed,
        };
        var pool = CandidateGenerator.Generate(ce, cell, options);
        var candidates = pool.Candidates;
        if (candidates.Count == 0)
            throw new InvalidOperationException("no candidate hops: no Li next to a vacancy in any snapshot (raise x or the supercell)");
        foreach (var chain in pool.Chains)
            ctx.Log.Info(FormattableString.Invariant(
                $"x = {chain.X:0.###} (cell {chain.ActualX:0.####}): mean CE energy {chain.SweepEnergiesPerSite.Average():0.0000} eV/site over {chain.SweepEnergiesPerSite.Length} sweeps at {options.Temperature:0} K"));

        var physical = candidates.Select(c => featureIndex.Select(k => c.Descriptors[k]).ToArray()).ToList();
        var predicted = physical.Select(x => model.Predict(x)).ToArray();
        var zCandidates = physical.Select(x => space.Standardize(x)).ToList();
        var scores = CandidateScorer.Score(zCandidates, predicted, ensemble, zTrain, p.Float("distance_weight"),
            p.Float("density_exponent"), p.Float("min_distance"));
        var strategy = BatchSelector.Parse(p.String("strategy"));
        var picks = BatchSelector.Select(strategy, scores, zCandidates, zTrain, p.Int32("batch_size"), p.Float("min_distance"), seed);
        if (picks.Any(k => k.DiversityRelaxed))
            ctx.Log.Warn($"only {picks.Count(k => !k.DiversityRelaxed)} candidates are min_distance = {p.Float("min_distance")} apart; the rest were filled max-min");
        var paths = PathTypes(ctx, candidates);

        var neb = ctx.OutputDirectoryPath("neb");
        var incarPath = ctx.InputPath("incar");
        var incar = File.ReadAllText(incarPath);
        var kpoints = File.ReadAllText(ctx.InputPath("kpoints"));
        var interpolation = NebInterpolation.Parse(p.String("interpolation"));
        var rows = new List<SuggestionRow>();
        foreach (var pick in picks)
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            var hop = candidates[pick.Index];
            var score = scores[pick.Index];
            string folder = $"{pick.Rank:000}-{hop.Id}";
            var spec = new NebFolderSpec(incar, Path.GetFileName(incarPath), kpoints, p.Int32("images"), interpolation,
                paths[pick.Index], pick.Rank, score.Predicted, score.Spread);
            int mover = NebFolderWriter.Write(Path.Combine(neb, folder), cell, hop, spec);
            rows.Add(new SuggestionRow(pick, hop, score, paths[pick.Index], folder, mover + 1));
        }
        var metadata = new Dictionary<string, string>
        {
            ["strategy"] = p.String("strategy"),
            ["target"] = model.Target,
            ["training_rows"] = training.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["candidates"] = candidates.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var suggestions = SuggestTables.Suggestions(rows, model.Target, metadata);
        ctx.WriteTable("suggestions", suggestions);
        ctx.WriteTable("candidates", SuggestTables.Candidates(candidates, scores, paths, model.Target));
        CsvFile.Write(Path.Combine(neb, "suggestions.csv"), suggestions);
        File.WriteAllText(Path.Combine(neb, "README.md"), SuggestReadme.Text(rows, p, model.Target, candidates.Count, training.Rows.Count));
        foreach (var r in rows)
            ctx.Log.Info(FormattableString.Invariant(
                $"#{r.Pick.Rank} {r.Hop.Id}: predicted {model.Target} {r.Score.Predicted:0.000} +- {r.Score.Spread:0.000} eV, path {r.PathType}, distance {r.Score.TrainingDistance:0.00}"));
    }

    private static RockSaltSupercell Supercell(ParamValues p, CeModel ce)
    {
        var s = p.IntList("supercell");
        if (s.Length != 3) throw new ArgumentException($"param 'supercell': expected 3 values, got {s.Length}");
        double a = p.Float("lattice_constant") > 0 ? p.Float("lattice_constant") : ce.LatticeConstant;
        return RockSaltSupercell.Primitive((int)s[0], (int)s[1], (int)s[2], a);
    }

    /// <summary>Position of each model feature among the 11 hop descriptors.</summary>
    private static int[] DescriptorIndices(BarrierModel model) => model.Features.Select(f =>
    {
        for (int k = 0; k < HopDescriptors.Count; k++)
            if (HopDescriptors.Names[k] == f) return k;
        throw new InvalidDataException($"model: feature '{f}' is not one of the 11 hop descriptors ({string.Join(", ", HopDescriptors.Names)})");
    }).ToArray();

    /// <summary>Predicted path per candidate from the classifier (descriptors 1-10 or 1-11), or "unknown" without one.</summary>
    private static string[] PathTypes(StageContext ctx, IReadOnlyList<HopCandidate> candidates)
    {
        if (!ctx.HasInput("classifier")) return candidates.Select(_ => "unknown").ToArray();
        var classifier = PathClassifier.Load(ctx.InputPath("classifier"));
        int n = classifier.FeatureCount;
        if (n != HopDescriptors.KraCount && n != HopDescriptors.Count)
            throw new InvalidDataException($"classifier: takes {n} features; suggest feeds descriptors 1-10 or 1-11");
        return candidates.Select(c => classifier.Predict(c.Descriptors.AsSpan(0, n))).ToArray();
    }
}

/// <summary>One row of the suggestions table.</summary>
internal sealed record SuggestionRow(BatchPick Pick, HopCandidate Hop, CandidateScore Score, string PathType, string Folder, int MovingAtom);
