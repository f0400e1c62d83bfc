using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Fitting.Models;

/// <summary>Reads and writes scaler.json (schema "scaler/1", CONTRACTS.md):
/// {"schema","features","mean","std","n_rows","training_hash"}.</summary>
public static class ScalerFile
{
    public const string Schema = "scaler/1";

    public static void Save(Scaler scaler, string path)
    {
        var json = new JsonObject
        {
            ["schema"] = Schema,
            ["features"] = JsonFields.Array(scaler.Features),
            ["mean"] = JsonFields.Array(scaler.Mean),
            ["std"] = JsonFields.Array(scaler.Std),
            ["n_rows"] = scaler.NRows,
            ["training_hash"] = scaler.TrainingHash,
        };
        JsonFields.Write(json, path);
    }

    public static Scaler Load(string path)
    {
        var root = JsonFields.ReadObject(path);
        var fields = new JsonFields(root, path);
        fields.RequireSchema(Schema);
        var features = fields.Strings("features");
        var mean = fields.Doubles("mean");
        var std = fields.Doubles("std");
        if (mean.Length != features.Length || std.Length != features.Length)
            throw new InvalidDataException($"{path}: 'features', 'mean' and 'std' must have the same length " +
                $"({features.Length}, {mean.Length}, {std.Length})");
        for (int j = 0; j < std.Length; j++)
        {
            if (!(std[j] > 0) || !double.IsFinite(std[j]))
                throw new InvalidDataException($"{path}: std[{j}] ('{features[j]}') is {std[j]}, must be positive");
        }
        return new Scaler(features, mean, std, fields.Long("n_rows"), fields.String("training_hash"));
    }
}
