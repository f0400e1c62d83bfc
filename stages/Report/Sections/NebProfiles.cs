using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Report.Charts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>NEB energy profiles by path type: every hop's image energies relative to its initial image, on a
/// normalised reaction coordinate, summarised per path type as the median and the interquartile band.</summary>
internal static class NebProfiles
{
    /// <summary>Points of the common reaction-coordinate grid the profiles are interpolated onto.</summary>
    public const int GridPoints = 21;

    public static void Write(HtmlWriter html, Table? hops, Table? features)
    {
        html.Heading(3, "NEB energy profiles");
        var ids = TableColumns.Texts(hops, HopsContract.CalcId);
        var energies = hops is not null && TableColumns.Find(hops, HopsContract.Energies) is { } column && hops[column].Type == ColumnType.Float64List
            ? (double[][])hops[column].Values : null;
        if (ids is null || energies is null)
        {
            html.NotPartOfRun("NEB energy profiles (image energies of each hop)", [ReportPorts.Hops]);
            return;
        }
        var labelById = new Dictionary<string, string>(StringComparer.Ordinal);
        if (TableColumns.Texts(features, FeaturesContract.CalcId) is { } fIds && TableColumns.Texts(features, FeaturesContract.PathLabel) is { } fLabels)
        {
            for (int i = 0; i < fIds.Length; i++) labelById[fIds[i]] = fLabels[i];
        }
        var grid = Enumerable.Range(0, GridPoints).Select(k => k / (double)(GridPoints - 1)).ToArray();
        var groups = Enumerable.Range(0, ids.Length)
            .Where(i => energies[i] is { Length: >= 2 } e && e.All(double.IsFinite))
            .GroupBy(i => labelById.GetValueOrDefault(ids[i], "unlabelled"))
            .OrderBy(g => PathOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (groups.Count == 0)
        {
            html.Paragraph("No hop has two or more finite image energies.", "note");
            return;
        }
        var series = groups.Select(g =>
        {
            var profiles = g.Select(i => Resample(energies[i], grid)).ToArray();
            double[] Quantile(double q) => grid.Select((_, k) => Percentile(profiles.Select(p => p[k]).ToArray(), q)).ToArray();
            return new BandSeries($"{g.Key} (n = {g.Count()})", grid, Quantile(0.5), Quantile(0.25), Quantile(0.75));
        }).ToList();
        var chart = BandChart.Render("NEB energy profiles by path type", "reaction coordinate (image index / last image)", "E - E(initial image) (eV)", series);
        bool labelled = labelById.Count > 0;
        html.Figure(chart, FigureIds.NebProfiles,
            "Minimum-energy paths of the accepted hops: the energy of each NEB image relative to the hop's initial image, against the image index scaled to 0 (initial) to 1 (final), interpolated linearly onto a common grid. "
            + (labelled ? "One line per path type (featurize's label): the median over its hops, the shaded band the middle 50 % (25th to 75th percentile). " : "Path labels are not known (features not connected), so all hops form one group: median line and interquartile band. ")
            + "The peak height is the forward barrier E_f, the end value the reaction energy dE; a wide band means the local environment changes the barrier a lot.");
    }

    private static double[] Resample(double[] energies, double[] grid)
    {
        int last = energies.Length - 1;
        return grid.Select(s =>
        {
            double position = s * last;
            int k = Math.Min((int)position, last - 1);
            double w = position - k;
            return (1 - w) * (energies[k] - energies[0]) + w * (energies[k + 1] - energies[0]);
        }).ToArray();
    }

    /// <summary>numpy's default (linear) percentile: the validate stage's definition, one implementation.</summary>
    private static double Percentile(double[] values, double q) =>
        Pipeline.Fitting.Validation.BootstrapReplicates.Percentile(values, q);

    private static int PathOrder(string label) => label switch { "up" => 0, "down" => 1, "straight" => 2, _ => 3 };
}
