namespace Pipeline.Fitting.Classification;

/// <summary>One row as ML.NET sees it: the descriptor vector (float, ML.NET's feature type) and the path label.</summary>
public sealed class PathSample
{
    public float[] Features { get; set; } = [];
    public string Label { get; set; } = "";
}

/// <summary>The column the classifier pipeline adds: the predicted path label as text.</summary>
public sealed class PathPrediction
{
    public string PredictedPath { get; set; } = "";
}

/// <summary>A single-column row used to fix the label-to-key mapping (so every fold and the saved model agree).</summary>
internal sealed class LabelRow
{
    public string Label { get; set; } = "";
}
