using System.Globalization;
using System.Text.Json;

namespace Pipeline.Report.Inputs;

/// <summary>One orbit of the cluster expansion as the report lists it: one ECI per decoration (correlation function),
/// labelled by its site functions.</summary>
public sealed record EciOrbit(int Index, int Size, double? Multiplicity, double? Diameter, string Sites,
    IReadOnlyList<(string Functions, double Eci)> Ecis);

/// <summary>What the report shows of eci.json ("ce-model/1", written by ce-fit's CeModelFile): lattice constant,
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
    public static EciFile Load(string path)
    {
        using var doc = JsonFields.Parse(path);
        var root = doc.RootElement;
        var orbits = new List<EciOrbit>();
        if (JsonFields.Get(root, "orbits") is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var orbit in array.EnumerateArray()) orbits.Add(ReadOrbit(orbit, orbits.Count));
        }
        var fit = JsonFields.Get(root, "fit");
        var metrics = fit is { } f && JsonFields.Get(f, "metrics") is { } m ? JsonFields.TopLevelScalars(m)
            : JsonFields.Get(root, "fit_metrics", "metrics") is { } flat ? JsonFields.TopLevelScalars(flat)
            : new Dictionary<string, string>();
        return new EciFile(
            JsonFields.Number(root, "lattice_constant"),
            JsonFields.Number(root, "j0"),
            JsonFields.Text(root, "basis"),
            JsonFields.Text(root, "energy"),
            JsonFields.Numbers(root, "cutoffs") is { } c ? string.Join(", ", c.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) : null,
            fit is { } fm ? JsonFields.Text(fm, "method") : null,
            orbits,
            metrics);
    }

    private static EciOrbit ReadOrbit(JsonElement orbit, int position)
    {
        var ecis = new List<(string, double)>();
        if (JsonFields.Get(orbit, "decorations") is { ValueKind: JsonValueKind.Array } decorations)
        {
            foreach (var d in decorations.EnumerateArray())
            {
                var functions = JsonFields.Numbers(d, "functions") is { } fs ? "[" + string.Join(",", fs) + "]" : "";
                ecis.Add((functions, JsonFields.Number(d, "eci") ?? double.NaN));
            }
        }
        else if (JsonFields.Numbers(orbit, "eci", "ecis") is { } values)
        {
            ecis.AddRange(values.Select(v => ("", v)));
        }
        var sites = JsonFields.Get(orbit, "sites") is { ValueKind: JsonValueKind.Array } s ? s : (JsonElement?)null;
        return new EciOrbit(
            (int)(JsonFields.Number(orbit, "index") ?? position),
            (int)(JsonFields.Number(orbit, "order", "size") ?? sites?.GetArrayLength() ?? 0),
            JsonFields.Number(orbit, "multiplicity"),
            JsonFields.Number(orbit, "diameter", "radius"),
            sites is { } list ? string.Join(" ", list.EnumerateArray().Select(Site)) : "",
            ecis);
    }

    /// <summary>{"position":[1,1,0],"sublattice":"cation"} becomes "cation(1,1,0)".</summary>
    private static string Site(JsonElement site)
    {
        var position = JsonFields.Numbers(site, "position") is { } p ? string.Join(",", p) : "?";
        return $"{JsonFields.Text(site, "sublattice") ?? "site"}({position})";
    }
}
