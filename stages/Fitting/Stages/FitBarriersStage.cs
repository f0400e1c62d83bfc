using Pipeline.Abstractions;
using Pipeline.Fitting.Classification;
using Pipeline.Contracts;

namespace Pipeline.Fitting.Stages;

/// <summary>Stage <c>fit-barriers</c>: LassoCV models of the forward barrier (every descriptor) and the KRA barrier
/// (every descriptor but delta_e) on the standardised descriptors, and the up/down/straight path classifier (the KRA
/// model's descriptors) with its cross-validated accuracy and confusion matrix. The descriptor columns are those the
/// features table's footer names (standard: the 11; element: the element set's), and the models record that set and
/// its chemistry.</summary>
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
        ParamSpec.StringList("forward_features", "descriptors of the forward-barrier model (empty: every descriptor column of the features table)", []),
        ParamSpec.StringList("kra_features", "descriptors of the KRA-barrier model (empty: every descriptor column but delta_e)", []),
        ParamSpec.StringList("classifier_features", "descriptors of the path classifier (empty: every descriptor column but delta_e)", []),
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
        var descriptors = FeaturesContract.DescriptorSetOf(table, "features");
        var forwardDefault = descriptors.Names.ToArray();
        var kraDefault = forwardDefault[..descriptors.KraCount];
        string[] Features(string param, string[] fallback) =>
            ctx.Params.StringList(param) is { Length: > 0 } given ? given : fallback;
        string hash = ctx.InputHash("features");
        string version = RunInfo.ToolVersion(ctx);
        ctx.Log.Info($"fit-barriers: {table.RowCount} hops, LassoCV cv={settings.Cv} n_alphas={settings.NAlphas} " +
                     $"tol={settings.Tol} max_iter={settings.MaxIter}");

        ctx.Log.Info($"descriptor set '{descriptors.Name}' of {descriptors.Chemistry}");
        foreach (var (output, target, features) in new[]
                 {
                     ("model_forward", "e_forward", Features("forward_features", forwardDefault)),
                     ("model_kra", "e_kra", Features("kra_features", kraDefault)),
                 })
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            if (table.RowCount < MinHopsPerDescriptor * features.Length)
                ctx.Log.Warn($"{target}: {table.RowCount} hops for {features.Length} descriptors, fewer than the " +
                             $"{MinHopsPerDescriptor * features.Length} ({MinHopsPerDescriptor} per descriptor) a linear fit needs for well-determined coefficients");
            var (mean, std) = scaler.For(features, scalerPath);
            var (model, fit) = BarrierFitter.Fit(table, "features", new BarrierSpec(target, features, mean, std, descriptors),
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
        var classifierFeatures = Features("classifier_features", kraDefault);
        var samples = ClassifierData.Samples(table, classifierFeatures, "features");
        int seed = ctx.Params.Int32("seed");
        var classWeights = ctx.Params.String("classifier_class_weights");
        int featureCount = classifierFeatures.Length;
        var cv = ClassifierData.CrossValidate(samples, featureCount, ctx.Params.Int32("classifier_folds"), seed, classWeights);
        ctx.Log.Info($"path classifier: {PathClassifier.TrainerName}, class weights {classWeights}, {cv.Folds}-fold CV accuracy {cv.Accuracy:P1}");
        foreach (var line in ClassifierData.LowRecallClasses(cv)) ctx.Log.Warn(line);
        PathClassifier.Train(ClassifierData.Weighted(samples, classWeights), featureCount, seed)
            .Save(ctx.OutputFilePath("classifier"));
        ctx.WriteTable("classifier_metrics", ClassifierMetricsContract.Schema.Verified(ClassifierData.MetricsTable(cv), "fit-barriers"));
    }
}
