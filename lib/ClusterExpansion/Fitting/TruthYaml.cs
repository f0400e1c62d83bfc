using System.Globalization;
using Pipeline.RockSalt;
using Pipeline.Contracts;

namespace Pipeline.ClusterExpansion;

/// <summary>Reads the <c>ce</c> section of truth.yaml:
/// <code>
/// ce:
///   point: {Li: -1.9, V: -9.0, Vac: 0.0, O: -7.0, F: -4.2}
///   pairs:
///     - {shell: 1, sublattices: cation-cation, distance_a: 0.707107, a: Li, b: V, energy: 0.075}
/// </code>
/// Shells are numbered from 1 by distance for each sublattice pair; distance_a (optional, units of a) is checked
/// against the shell. The file is read by its contract (<see cref="TruthDocument"/>); this turns the text fields into
/// species and shells. Errors name the file, line and field.</summary>
internal static class TruthYaml
{
    public static LatticeGasTruth Read(string path, Chemistry chemistry)
    {
        TruthDocument document;
        try
        {
            document = TruthDocument.Load(path);
        }
        catch (InvalidDataException e)
        {
            throw new FormatException(e.Message, e);
        }
        var ce = document.Ce ?? throw new FormatException($"{path}: field '{TruthDocument.Keys.Ce}' is missing");
        var point = new Dictionary<byte, double>();
        foreach (var (key, value) in ce.Point.Fields)
        {
            var species = ParseSpecies(key, path, ce.Point, ce.Point.Where, chemistry);
            point[species] = Number(value, path, ce.Point, $"{ce.Point.Where}.{key}");
        }
        var pairs = ce.Pairs.Select(p => Pair(p, path, chemistry)).ToList();
        try
        {
            return new LatticeGasTruth(chemistry, point, pairs);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{path}: ce.pairs: {e.Message}", e);
        }
    }

    private static TruthPair Pair(TruthRecord map, string path, Chemistry chemistry)
    {
        string field = map.Where;
        int shell = (int)Number(Required(map, "shell", path), path, map, $"{field}.shell");
        string sublattices = Required(map, "sublattices", path);
        var parts = sublattices.Split('-');
        if (parts.Length != 2)
            throw new FormatException($"{path}: line {map.Line}: {field}.sublattices '{sublattices}' is not like 'cation-anion'");
        var first = Sublattices.Parse(parts[0], $"{path}: line {map.Line}: {field}.sublattices");
        var second = Sublattices.Parse(parts[1], $"{path}: line {map.Line}: {field}.sublattices");
        var a = ParseSpecies(Required(map, "a", path), path, map, $"{field}.a", chemistry);
        var b = ParseSpecies(Required(map, "b", path), path, map, $"{field}.b", chemistry);
        if (first == Sublattice.Anion && second == Sublattice.Cation)
        {
            (first, second) = (second, first);
            (a, b) = (b, a);
        }
        double energy = Number(Required(map, "energy", path), path, map, $"{field}.energy");
        if (shell < 1) throw new FormatException($"{path}: line {map.Line}: {field}.shell must be at least 1");
        if (map["distance_a"] is { } distanceText)
        {
            double given = Number(distanceText, path, map, $"{field}.distance_a");
            double expected = Math.Sqrt(PairShells.NormSquared(first, second, shell)) / 2.0;
            if (Math.Abs(given - expected) > 1e-4)
                throw new FormatException($"{path}: line {map.Line}: {field}.distance_a is {given}, but shell {shell} of " +
                                          $"{sublattices} pairs is at {expected:0.######} a");
        }
        if (Sublattices.Of(chemistry, a) != first || Sublattices.Of(chemistry, b) != second)
            throw new FormatException($"{path}: line {map.Line}: {field}: species {chemistry.Symbol(a)}, {chemistry.Symbol(b)} do not sit on {sublattices} sites");
        return new TruthPair(first, second, shell, a, b, energy);
    }

    private static string Required(TruthRecord map, string key, string path)
        => map[key] ?? throw new FormatException($"{path}: line {map.Line}: field '{key}' is missing");

    private static double Number(string text, string path, TruthRecord at, string field)
        => TruthDocument.ParseNumber(text)
           ?? throw new FormatException($"{path}: line {at.Line}: {field} '{text}' is not a number");

    private static byte ParseSpecies(string text, string path, TruthRecord at, string field, Chemistry chemistry)
        => chemistry.TryCode(text, out var s)
            ? s
            : throw new FormatException($"{path}: line {at.Line}: {field}: species '{text}' is not in the chemistry {chemistry} ({chemistry.Describe()})");
}
