using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Pipeline.Fitting.Classification;

/// <summary>The up/down/straight path classifier: ML.NET's L-BFGS multinomial logistic regression
/// (<c>LbfgsMaximumEntropy</c>) on mean-variance normalised descriptors. The saved model (classifier.zip) contains
/// the normalisation and the label mapping, so it takes physical descriptors and returns the label text.</summary>
public sealed class PathClassifier
{
    /// <summary>The labels of CONTRACTS.md in a fixed key order.</summary>
    public static readonly string[] Labels = ["up", "down", "straight"];

    public const string TrainerName = "LbfgsMaximumEntropy (ML.NET multinomial logistic regression, L-BFGS)";

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly SchemaDefinition _inputSchema;
    private PredictionEngine<PathSample, PathPrediction>? _engine;

    private PathClassifier(MLContext ml, ITransformer model, int featureCount)
    {
        _ml = ml;
        _model = model;
        FeatureCount = featureCount;
        _inputSchema = InputSchema(featureCount);
    }

    public int FeatureCount { get; }

    /// <summary>Trains on the given samples (descriptors in a fixed order, labels from <see cref="Labels"/>).</summary>
    public static PathClassifier Train(IReadOnlyList<PathSample> samples, int featureCount, int seed)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(samples, InputSchema(featureCount));
        var model = BuildPipeline(ml).Fit(data);
        return new PathClassifier(ml, model, featureCount);
    }

    public static PathClassifier Load(string path)
    {
        var ml = new MLContext(0);
        var model = ml.Model.Load(path, out var schema);
        var column = schema.GetColumnOrNull(nameof(PathSample.Features))
            ?? throw new InvalidDataException($"{path}: the model has no '{nameof(PathSample.Features)}' input column");
        int size = column.Type is VectorDataViewType v ? v.Size : 0;
        if (size <= 0)
            throw new InvalidDataException($"{path}: '{nameof(PathSample.Features)}' is not a fixed-size vector");
        return new PathClassifier(ml, model, size);
    }

    /// <summary>Saves the model as ML.NET's zip, made byte-reproducible (<see cref="ReproducibleZip"/>): the same
    /// model gives the same file, so its content hash changes only when the classifier does.</summary>
    public void Save(string path)
    {
        var schemaSource = _ml.Data.LoadFromEnumerable(Array.Empty<PathSample>(), _inputSchema);
        using var buffer = new MemoryStream();
        _ml.Model.Save(_model, schemaSource.Schema, buffer);
        buffer.Position = 0;
        ReproducibleZip.Write(buffer, path);
    }

    /// <summary>Predicts the label of one row of physical descriptors (not thread-safe: one engine per classifier).</summary>
    public string Predict(ReadOnlySpan<double> descriptors)
    {
        if (descriptors.Length != FeatureCount)
            throw new ArgumentException($"the classifier takes {FeatureCount} descriptors, got {descriptors.Length}");
        _engine ??= _ml.Model.CreatePredictionEngine<PathSample, PathPrediction>(_model, inputSchemaDefinition: _inputSchema);
        var sample = new PathSample { Features = new float[FeatureCount], Label = Labels[0] };
        for (int j = 0; j < FeatureCount; j++)
            sample.Features[j] = (float)descriptors[j];
        return _engine.Predict(sample).PredictedPath;
    }

    /// <summary>Predicted labels of many samples at once (one batch transform).</summary>
    public string[] Predict(IReadOnlyList<PathSample> samples)
    {
        var data = _ml.Data.LoadFromEnumerable(samples, _inputSchema);
        return _ml.Data.CreateEnumerable<PathPrediction>(_model.Transform(data), reuseRowObject: false)
            .Select(p => p.PredictedPath).ToArray();
    }

    private static IEstimator<ITransformer> BuildPipeline(MLContext ml)
    {
        var keys = ml.Data.LoadFromEnumerable(Labels.Select(l => new LabelRow { Label = l }));
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "LabelKey",
            FeatureColumnName = nameof(PathSample.Features),
            // One thread keeps the optimisation order, and so the model, reproducible.
            NumberOfThreads = 1,
        });
        return ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(PathSample.Label), keyData: keys)
            .Append(ml.Transforms.NormalizeMeanVariance(nameof(PathSample.Features)))
            .Append(trainer)
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(PathPrediction.PredictedPath), "PredictedLabel"));
    }

    private static SchemaDefinition InputSchema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(PathSample));
        schema[nameof(PathSample.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}
