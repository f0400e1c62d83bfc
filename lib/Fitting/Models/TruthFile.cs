using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Fitting.Models;

/// <summary>A linear truth of truth.yaml: the least-squares projection of the true barriers on the descriptors
/// (physical units: intercept in eV, coefficients in eV per descriptor unit).</summary>
public sealed record LinearTruth(double Intercept, IReadOnlyDictionary<string, double> Coefficients);

/// <summary>Reads the linear truths (<c>forward_linear</c>, <c>kra_linear</c>) of a synthetic dataset's truth.yaml.</summary>
public static class TruthFile
{
    public static IReadOnlyDictionary<string, LinearTruth> LoadLinear(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}:{e.Start.Line}: not valid YAML: {e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidDataException($"{path}: the top level must be a mapping");

        var result = new Dictionary<string, LinearTruth>(StringComparer.Ordinal);
        foreach (var key in new[] { "forward_linear", "kra_linear" })
        {
            if (root.Children.TryGetValue(new YamlScalarNode(key), out var node))
                result[key] = ReadLinear(node, path, key);
        }
        return result;
    }

    private static LinearTruth ReadLinear(YamlNode node, string path, string field)
    {
        if (node is not YamlMappingNode map)
            throw Bad(path, node, field, "a mapping with 'intercept' and 'coefficients'");
        double intercept = Number(Child(map, "intercept", path, field), path, $"{field}.intercept");
        if (Child(map, "coefficients", path, field) is not YamlMappingNode coefficients)
            throw Bad(path, map, $"{field}.coefficients", "a mapping of descriptor name to value");
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (k, v) in coefficients.Children)
        {
            string name = ((YamlScalarNode)k).Value ?? "";
            values[name] = Number(v, path, $"{field}.coefficients.{name}");
        }
        return new LinearTruth(intercept, values);
    }

    private static YamlNode Child(YamlMappingNode map, string key, string path, string field) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? child
            : throw new InvalidDataException($"{path}:{map.Start.Line}: '{field}' has no '{key}'");

    private static double Number(YamlNode node, string path, string field) =>
        node is YamlScalarNode { Value: { } s } && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw Bad(path, node, field, "a number");

    private static InvalidDataException Bad(string path, YamlNode node, string field, string expected) =>
        new($"{path}:{node.Start.Line}: '{field}' must be {expected}");
}
