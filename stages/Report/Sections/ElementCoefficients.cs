using System.Text.RegularExpressions;

namespace Pipeline.Report.Sections;

/// <summary>The coefficients of one element of an element-set model (DOMAIN.md section 10), by role: for a
/// non-mobile cation "gate up", "gate down", "nn initial", "nn final"; for a non-host anion "dumbbell", "apex up",
/// "apex down", "back".</summary>
internal sealed record ElementCoefficientGroup(string Element, IReadOnlyDictionary<string, CoefficientRow> ByRole);

/// <summary>Groups a model's coefficients by element from the element set's column names (gate_Mn_up, nn_Ti_final,
/// apex_F_up, ...). Element symbols start with a capital letter, so the standard set's lowercase names (gate_tm_up,
/// apex_f_up) never match: a model without element columns gives no groups.</summary>
internal static partial class ElementCoefficients
{
    public static readonly string[] CationRoles = ["gate up", "gate down", "nn initial", "nn final"];
    public static readonly string[] AnionRoles = ["dumbbell", "apex up", "apex down", "back"];

    [GeneratedRegex("^(?:gate_(?<e>[A-Z][a-z]{0,2})_(?<r>up|down)|nn_(?<e>[A-Z][a-z]{0,2})_(?<r>initial|final))$")]
    private static partial Regex CationName();

    [GeneratedRegex("^(?:(?<r>dumbbell|back)_(?<e>[A-Z][a-z]{0,2})|apex_(?<e>[A-Z][a-z]{0,2})_(?<r>up|down))$")]
    private static partial Regex AnionName();

    /// <summary>Cation and anion groups in the order the elements first appear in the model's columns.</summary>
    public static (IReadOnlyList<ElementCoefficientGroup> Cations, IReadOnlyList<ElementCoefficientGroup> Anions) Group(
        IEnumerable<CoefficientRow> rows)
    {
        var cations = new List<(string Element, Dictionary<string, CoefficientRow> Roles)>();
        var anions = new List<(string Element, Dictionary<string, CoefficientRow> Roles)>();
        foreach (var row in rows)
        {
            if (CationName().Match(row.Feature) is { Success: true } c)
            {
                string prefix = row.Feature.StartsWith("gate_", StringComparison.Ordinal) ? "gate " : "nn ";
                Add(cations, c.Groups["e"].Value, prefix + c.Groups["r"].Value, row);
            }
            else if (AnionName().Match(row.Feature) is { Success: true } a)
            {
                string role = a.Groups["r"].Value;
                Add(anions, a.Groups["e"].Value, row.Feature.StartsWith("apex_", StringComparison.Ordinal) ? "apex " + role : role, row);
            }
        }
        return (cations.Select(g => new ElementCoefficientGroup(g.Element, g.Roles)).ToList(),
            anions.Select(g => new ElementCoefficientGroup(g.Element, g.Roles)).ToList());
    }

    private static void Add(List<(string Element, Dictionary<string, CoefficientRow> Roles)> groups, string element,
        string role, CoefficientRow row)
    {
        int i = groups.FindIndex(g => g.Element == element);
        if (i < 0)
        {
            groups.Add((element, new Dictionary<string, CoefficientRow>()));
            i = groups.Count - 1;
        }
        groups[i].Roles[role] = row;
    }
}
