using Pipeline.Fitting.Regression;
using Pipeline.Abstractions;
using Pipeline.Contracts;

namespace Pipeline.Featurize.Stages;

/// <summary>Stage <c>standardize</c>: features -> scaler.json (schema scaler/1). Mean and population std (ddof 0; a
/// constant column gets std 1) per feature, over every row of the features table: that table is the training set
/// (the fit stage cross-validates inside it), so fit, validate and kMC all apply this one scaling.</summary>
public sealed class StandardizeStage : IStage
{
    public string Type => "standardize";
    public int Version => 1;
    public string Description => "Fits the z-score scaler (mean, population std) of the descriptors";

    public IReadOnlyList<ParamSpec> Params { get; } =
    [
        ParamSpec.StringList("features", "Feature columns to standardize, in order (empty: the descriptor columns of the " +
            "features table, as its footer names them)", []),
    ];

    public IReadOnlyList<PortSpec> Inputs { get; } = [new("features", PortKind.Table, "Features table (featurize)")];

    public IReadOnlyList<PortSpec> Outputs { get; } =
        [new("scaler", PortKind.File, "Per-feature mean and std (scaler/1)", FileName: "scaler.json")];

    public void Run(StageContext ctx)
    {
        var table = ctx.ReadTable("features");
        var names = ctx.Params.StringList("features");
        if (names.Length == 0) names = FeaturesContract.DescriptorSetOf(table, "features table").Names.ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new InvalidDataException($"param 'features' lists a column twice: {string.Join(", ", names)}");
        if (table.RowCount == 0) throw new InvalidDataException("features table: no rows to fit the scaler on");

        var columns = new List<double[]>(names.Length);
        foreach (var name in names)
        {
            try
            {
                columns.Add(table.AsDoubles(name));
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"features table, param 'features': {e.Message}", e);
            }
        }
        Scaler scaler;
        try
        {
            scaler = ScalerFit.Fit(names, columns, ctx.InputHash("features"));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"features table: {e.Message}", e);
        }
        ScalerFile.Save(scaler, ctx.OutputFilePath("scaler"));
        ctx.Log.Info($"scaler fitted on {table.RowCount} rows, {names.Length} features");
    }
}
