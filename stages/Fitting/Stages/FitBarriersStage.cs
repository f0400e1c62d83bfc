using Pipeline.Abstractions;
using Pipeline.Fitting.Classification;
using Pipeline.Contracts;

namespace Pipeline.Fitting.Stages;

/// <summary>Stage <c>fit-barriers</c>: LassoCV models of the forward barrier (descriptors 1-11) and the KRA barrier
/// (descriptors 1-10) on the standardised descriptors, and the up/down/straight path classifier (descriptors 1-10)
/// with its cross-validated accuracy and confusion matrix.</summary>
public sealed class FitBarriersStage : IStage
{
    public string Type => "fit-barriers";
    public int Version => 1;
    public string Description => "LassoCV barrier models (forward, KRA) and the ML.NET path classifier";

    /// <summary>Rule of thumb for a linear fit: at least ten hops per descriptor; fewer is warned about, with the counts.</summary>
    public const int MinHopsPerDescriptor = 10;

    public IReadOnlyList<ParamSpec> Params { get; } =
    [
        .. LassoParams.Specs,
        ParamSpec.StringList("forward_features", "descriptors of the forward-barrier model", DescriptorNames.Forward),
        ParamSpec.StringList("kra_features", "descriptors of the KRA-barrier model", DescriptorNames.Kra),
        ParamSpec.StringList("classifier_features", "descriptors of the path classifier", DescriptorNames.Kra),
        ParamSpec.Int("classifier_folds", "folds of the classifier's cross-validated accuracy", 5, min: 2),
        ParamSpec.Int("seed", "seed of ML.NET and of the classifier's CV shuffle", 42, min: 0, max: int.MaxValue),
        ParamSpec.Enum("classifier_class_weights", "path classifier class weights: none, or balanced (each class repeated in training in inverse proportion to its size)",
            ["none", "balanced"], "none"),
    ];

    public IReadOnlyList<PortSpec> Inputs { get; } =
    [
        new("features", PortKind.Table, "descriptors, path labels and barriers per hop (featurize)"),
        new("scaler", PortKind.File, "scaler.json fitted on the same rows (standardize)"),
    ];

    public IReadOnlyList<PortSpec> Outputs { get; } =
    [
        new("model_forward", PortKind.File, "LassoCV model of e_forward (barrier-model/1)", FileName: "model-forward.json"),
        new("model_kra", PortKind.File, "LassoCV model of e_kra (barrier-model/1)", FileName: "model-kra.json"),
        new("classifier", PortKind.File, "ML.NET path classifier (up/down/straight); not written when the dataset has a single path type", Optional: true, FileName: "classifier.zip"),
        new("classifier_metrics", PortKind.Table, "cross-validated confusion matrix and accuracy of the classifier, or the reason it was skipped (skipped_reason)"),
    ];

    public void Run(StageContext ctx)
    {
        var table = ctx.ReadTable("features");
        var scalerPath = ctx.InputPath("scaler");
        var scaler = ScalerFile.Load(scalerPath);
        var (settings, alphas) = LassoParams.Read(ctx.Params);
        string hash = ctx.InputHash("features");
        string version = RunInfo.ToolVersion(ctx);
        ctx.Log.Info($"fit-barriers: {table.RowCount} hops, LassoCV cv={settings.Cv} n_alphas={settings.NAlphas} " +
                     $"tol={settings.Tol} max_iter={settings.MaxIter}");

        foreach (var (output, target, featuresParam) in new[]
                 {
                     ("model_forward", "e_forward", "forward_features"),
                     ("model_kra", "e_kra", "kra_features"),
                 })
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            var features = ctx.Params.StringList(featuresParam);
            if (table.RowCount < MinHopsPerDescriptor * features.Length)
                ctx.Log.Warn($"{target}: {table.RowCount} hops for {features.Length} descriptors, fewer than the " +
                             $"{MinHopsPerDescriptor * features.Length} ({MinHopsPerDescriptor} per descriptor) a linear fit needs for well-determined coefficients");
            var (mean, std) = scaler.For(features, scalerPath);
            var (model, fit) = BarrierFitter.Fit(table, "features", new BarrierSpec(target, features, mean, std),
                settings, alphas, ctx.Parallelism, hash, version);
            BarrierFitter.Log(ctx.Log, model, fit);
            model.Save(ctx.OutputFilePath(output));
        }

        ctx.Cancellation.ThrowIfCancellationRequested();
        if (ClassifierData.SkipReason(table, "features") is { } reason)
        {
            // One path type is a valid dataset (e.g. a study of straight hops only): the barrier models stand, the
            // classifier has nothing to separate. Say why in the metrics table (the report shows it) and go on.
            ctx.Log.Warn($"path classifier skipped: {reason}");
            ctx.WriteTable("classifier_metrics", ClassifierMetricsContract.Schema.Verified(ClassifierData.SkippedTable(reason), "fit-barriers"));
            return;
        }
        var samples = ClassifierData.Samples(table, ctx.Params.StringList("classifier_features"), "features");
        int seed = ctx.Params.Int32("seed");
        var classWeights = ctx.Params.String("classifier_class_weights");
        int featureCount = ctx.Params.StringList("classifier_features").Length;
        var cv = ClassifierData.CrossValidate(samples, featureCount, ctx.Params.Int32("classifier_folds"), seed, classWeights);
        ctx.Log.Info($"path classifier: {PathClassifier.TrainerName}, class weights {classWeights}, {cv.Folds}-fold CV accuracy {cv.Accuracy:P1}");
        foreach (var line in ClassifierData.LowRecallClasses(cv)) ctx.Log.Warn(line);
        PathClassifier.Train(ClassifierData.Weighted(samples, classWeights), featureCount, seed)
            .Save(ctx.OutputFilePath("classifier"));
        ctx.WriteTable("classifier_metrics", ClassifierMetricsContract.Schema.Verified(ClassifierData.MetricsTable(cv), "fit-barriers"));
    }
}
