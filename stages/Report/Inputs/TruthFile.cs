using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Report.Inputs;

/// <summary>A linear truth model: intercept plus one coefficient per descriptor (eV per count), and how well the
/// linear projection explains the truth process (R^2, RMSE; NaN when not given).</summary>
public sealed record LinearTruth(double Intercept, IReadOnlyDictionary<string, double> Coefficients, double R2, double Rmse);

/// <summary>The truth of one planted hop: its path and barriers.</summary>
public sealed record TruthHop(string CalcId, string Path, double EKra, double EForward);

/// <summary>A calculation the synthesizer broke on purpose; ingest should reject it.</summary>
public sealed record TruthFault(string CalcId, string Kind, string File);

/// <summary>The parts of truth.yaml (synthetic datasets, docs/CONTRACTS.md, written by the synthesize stage) the report
/// compares results with: linear projections of the barrier process, per-hop truth, planted faults, path fractions,
/// the CE point and pair interactions, the noise levels and the seed.</summary>
public sealed record TruthFile(
    string? Seed,
    LinearTruth? KraLinear,
    LinearTruth? ForwardLinear,
    IReadOnlyDictionary<string, string> CePoint,
    IReadOnlyList<IReadOnlyDictionary<string, string>> CePairs,
    IReadOnlyDictionary<string, string> Noise,
    IReadOnlyList<TruthHop> Hops,
    IReadOnlyList<TruthFault> Faults,
    IReadOnlyDictionary<string, string> PathFractions)
{
    public static TruthFile Load(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}: invalid YAML at line {e.Start.Line}: {e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidDataException($"{path}: expected a YAML mapping at the top level");

        var ce = Child(root, "ce") as YamlMappingNode;
        return new TruthFile(
            Scalar(Child(root, "seed")),
            Linear(Child(root, "kra_linear"), path, "kra_linear"),
            Linear(Child(root, "forward_linear"), path, "forward_linear"),
            ce is null ? new Dictionary<string, string>() : Scalars(Child(ce, "point")),
            ce is not null && Child(ce, "pairs") is YamlSequenceNode pairs
                ? pairs.Children.Select(p => (IReadOnlyDictionary<string, string>)Scalars(p)).ToList()
                : [],
            NoiseLevels(root),
            Records(root, "hops", path).Select(h => new TruthHop(h.Text("calc_id"), h.Text("path"), h.Number("e_kra"), h.Number("e_forward"))).ToList(),
            Records(root, "faults", path).Select(f => new TruthFault(f.Text("calc_id"), f.Text("kind"), f.Text("file"))).ToList(),
            Scalars(Child(root, "path_fractions")));
    }

    /// <summary>One mapping of a sequence, read field by field with errors naming file, field and line.</summary>
    private sealed record Record(YamlMappingNode Node, string File, string Where)
    {
        public string Text(string key) => Scalar(Child(Node, key)) ?? "";

        public double Number(string key) => TruthFile.Number(Child(Node, key), File, $"{Where}.{key}") ?? double.NaN;
    }

    private static IEnumerable<Record> Records(YamlMappingNode root, string key, string path) =>
        Child(root, key) is YamlSequenceNode seq
            ? seq.Children.OfType<YamlMappingNode>().Select((m, i) => new Record(m, path, $"{key}[{i}]"))
            : [];

    private static LinearTruth? Linear(YamlNode? node, string path, string field)
    {
        if (node is not YamlMappingNode map) return null;
        var intercept = Number(Child(map, "intercept"), path, field + ".intercept") ?? 0.0;
        var coefficients = new Dictionary<string, double>(StringComparer.Ordinal);
        if (Child(map, "coefficients") is YamlMappingNode coefs)
        {
            foreach (var (key, value) in coefs.Children)
            {
                var name = Scalar(key) ?? "";
                coefficients[name] = Number(value, path, $"{field}.coefficients.{name}")
                    ?? throw new InvalidDataException($"{path}: {field}.coefficients.{name} is not a number (line {value.Start.Line})");
            }
        }
        return new LinearTruth(intercept, coefficients,
            Number(Child(map, "r2"), path, field + ".r2") ?? double.NaN,
            Number(Child(map, "rmse"), path, field + ".rmse") ?? double.NaN);
    }

    /// <summary>Noise levels: a top-level "noise" mapping, or top-level scalars whose key mentions noise.</summary>
    private static Dictionary<string, string> NoiseLevels(YamlMappingNode root)
    {
        var result = Scalars(Child(root, "noise"));
        foreach (var (key, value) in root.Children)
        {
            var name = Scalar(key) ?? "";
            if (name.Contains("noise", StringComparison.OrdinalIgnoreCase) && Scalar(value) is { } s) result[name] = s;
        }
        return result;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlNode? node) => node is YamlScalarNode s ? s.Value : null;

    private static Dictionary<string, string> Scalars(YamlNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map) return result;
        foreach (var (key, value) in map.Children)
        {
            if (Scalar(key) is { } k)
                result[k] = Scalar(value) ?? (value is YamlSequenceNode seq ? string.Join(", ", seq.Children.Select(Scalar)) : "");
        }
        return result;
    }

    private static double? Number(YamlNode? node, string path, string field)
    {
        if (Scalar(node) is not { } text) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new InvalidDataException($"{path}: {field} = '{text}' is not a number (line {node!.Start.Line})");
    }
}
