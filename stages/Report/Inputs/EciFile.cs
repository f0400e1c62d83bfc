using System.Globalization;
using Pipeline.Contracts;

namespace Pipeline.Report.Inputs;

/// <summary>One orbit of the cluster expansion as the report lists it: one ECI per decoration (correlation function),
/// labelled by its site functions.</summary>
public sealed record EciOrbit(int Index, int Size, double? Multiplicity, double? Diameter, string Sites,
    IReadOnlyList<(string Functions, double Eci)> Ecis);

/// <summary>What the report shows of eci.json ("ce-model/1", read through its contract EciDocument): lattice constant,
/// cutoffs, basis and energy conventions, the constant term, the orbits with their ECIs, and the fit metrics.</summary>
public sealed record EciFile(
    double? LatticeConstant,
    double? J0,
    string? Basis,
    string? Energy,
    string? Cutoffs,
    string? FitMethod,
    IReadOnlyList<EciOrbit> Orbits,
    IReadOnlyDictionary<string, string> FitMetrics)
{
    /// <summary>Reads eci.json through its contract (<see cref="EciDocument"/>).</summary>
    public static EciFile Load(string path)
    {
        EciDocument doc;
        try
        {
            doc = EciDocument.Read(path);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
        var orbits = (doc.Orbits ?? []).Select((o, position) => new EciOrbit(
            o.Index,
            o.Order,
            o.Multiplicity,
            o.Diameter,
            string.Join(" ", (o.Sites ?? []).Select(site =>
                $"{site.Sublattice ?? "site"}({(site.Position is { } p ? string.Join(",", p) : "?")})")),
            (o.Decorations ?? []).Select(d => (d.Functions is { } f ? "[" + string.Join(",", f) + "]" : "", d.Eci)).ToList()))
            .ToList();
        var metrics = (doc.Fit?.Metrics ?? []).ToDictionary(kv => kv.Key, kv => kv.Value.ToString("R", CultureInfo.InvariantCulture),
            StringComparer.Ordinal);
        return new EciFile(
            doc.LatticeConstant,
            doc.J0,
            doc.Basis,
            doc.Energy,
            doc.Cutoffs is { } c ? string.Join(", ", c.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) : null,
            doc.Fit?.Method,
            orbits,
            metrics);
    }
}
