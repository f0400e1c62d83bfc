using System.Globalization;
using Pipeline.RockSalt;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.ClusterExpansion;

/// <summary>Reads the <c>ce</c> section of truth.yaml:
/// <code>
/// ce:
///   point: {Li: -1.9, V: -9.0, Vac: 0.0, O: -7.0, F: -4.2}
///   pairs:
///     - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: Li, b: V, energy: 0.075}
/// </code>
/// Shells are numbered from 1 by distance for each sublattice pair; distance_a (optional, units of a) is checked
/// against the shell. Errors name the file, line and field.</summary>
internal static class TruthYaml
{
    public static LatticeGasTruth Read(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new FormatException($"{path}: line {e.Start.Line}: {e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new FormatException($"{path}: expected a mapping at the top level");
        var ce = Child(root, "ce", path) as YamlMappingNode
                 ?? throw new FormatException($"{path}: line {root.Start.Line}: 'ce' must be a mapping");
        var pointNode = Child(ce, "point", path) as YamlMappingNode
                        ?? throw new FormatException($"{path}: line {ce.Start.Line}: 'ce.point' must be a mapping");
        var point = new Dictionary<Species, double>();
        foreach (var (key, value) in pointNode.Children)
        {
            var species = ParseSpecies(key, path, "ce.point");
            point[species] = Number(value, path, $"ce.point.{key}");
        }
        var pairs = new List<TruthPair>();
        if (ce.Children.TryGetValue(new YamlScalarNode("pairs"), out var pairsNode))
        {
            if (pairsNode is not YamlSequenceNode sequence)
                throw new FormatException($"{path}: line {pairsNode.Start.Line}: 'ce.pairs' must be a list");
            for (int i = 0; i < sequence.Children.Count; i++)
                pairs.Add(Pair(sequence.Children[i], path, $"ce.pairs[{i}]"));
        }
        try
        {
            return new LatticeGasTruth(point, pairs);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{path}: ce.pairs: {e.Message}", e);
        }
    }

    private static TruthPair Pair(YamlNode node, string path, string field)
    {
        if (node is not YamlMappingNode map) throw new FormatException($"{path}: line {node.Start.Line}: {field} must be a mapping");
        int shell = (int)Number(Child(map, "shell", path), path, $"{field}.shell");
        string sublattices = Scalar(Child(map, "sublattices", path), path, $"{field}.sublattices");
        var parts = sublattices.Split('-');
        if (parts.Length != 2)
            throw new FormatException($"{path}: line {map.Start.Line}: {field}.sublattices '{sublattices}' is not like 'cation-anion'");
        var first = Sublattices.Parse(parts[0], $"{path}: line {map.Start.Line}: {field}.sublattices");
        var second = Sublattices.Parse(parts[1], $"{path}: line {map.Start.Line}: {field}.sublattices");
        var a = ParseSpecies(Child(map, "a", path), path, $"{field}.a");
        var b = ParseSpecies(Child(map, "b", path), path, $"{field}.b");
        if (first == Sublattice.Anion && second == Sublattice.Cation)
        {
            (first, second) = (second, first);
            (a, b) = (b, a);
        }
        double energy = Number(Child(map, "energy", path), path, $"{field}.energy");
        if (shell < 1) throw new FormatException($"{path}: line {map.Start.Line}: {field}.shell must be at least 1");
        if (map.Children.TryGetValue(new YamlScalarNode("distance_a"), out var distanceNode))
        {
            double given = Number(distanceNode, path, $"{field}.distance_a");
            double expected = Math.Sqrt(PairShells.NormSquared(first, second, shell)) / 2.0;
            if (Math.Abs(given - expected) > 1e-4)
                throw new FormatException($"{path}: line {distanceNode.Start.Line}: {field}.distance_a is {given}, but shell {shell} of " +
                                          $"{sublattices} pairs is at {expected:0.######} a");
        }
        if (Sublattices.Of(a) != first || Sublattices.Of(b) != second)
            throw new FormatException($"{path}: line {map.Start.Line}: {field}: species {a}, {b} do not sit on {sublattices} sites");
        return new TruthPair(first, second, shell, a, b, energy);
    }

    private static YamlNode Child(YamlMappingNode map, string key, string path)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? node
            : throw new FormatException($"{path}: line {map.Start.Line}: field '{key}' is missing");

    private static string Scalar(YamlNode node, string path, string field)
        => node is YamlScalarNode { Value: { } v } ? v : throw new FormatException($"{path}: line {node.Start.Line}: {field} must be a scalar");

    private static double Number(YamlNode node, string path, string field)
    {
        string text = Scalar(node, path, field);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new FormatException($"{path}: line {node.Start.Line}: {field} '{text}' is not a number");
    }

    private static Species ParseSpecies(YamlNode node, string path, string field)
    {
        string text = Scalar(node, path, field);
        return SpeciesInfo.TryParse(text, out var s)
            ? s
            : throw new FormatException($"{path}: line {node.Start.Line}: {field}: unknown species '{text}'");
    }
}
