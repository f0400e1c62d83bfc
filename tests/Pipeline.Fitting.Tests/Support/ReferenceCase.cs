using System.Text.Json;

namespace Pipeline.Fitting.Tests.Support;

/// <summary>One scikit-learn 1.2.1 LassoCV reference case: the table and what scikit-learn returned on it.</summary>
public sealed record ReferenceCase(
    string Name, string[] Features, double[][] X, double[] Y,
    double Alpha, double Intercept, double[] CoefStandardized, double[] Alphas, double[] MsePathMean)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestData", "lassocv");

    public static IEnumerable<object[]> Names() =>
        System.IO.Directory.GetFiles(Directory, "case*.json").Select(Path.GetFileNameWithoutExtension).Order()
            .Select(n => new object[] { n! });

    public static ReferenceCase Load(string name)
    {
        var (header, columns) = NumericCsv.Read(Path.Combine(Directory, name + ".csv"));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, name + ".json")));
        var root = doc.RootElement;
        var features = root.GetProperty("features").EnumerateArray().Select(e => e.GetString()!).ToArray();
        string target = root.GetProperty("target").GetString()!;
        var x = features.Select(f => columns[Array.IndexOf(header, f)]).ToArray();
        var y = columns[Array.IndexOf(header, target)];
        return new ReferenceCase(name, features, x, y,
            root.GetProperty("alpha").GetDouble(), root.GetProperty("intercept").GetDouble(),
            Doubles(root, "coef_standardized"), Doubles(root, "alphas"), Doubles(root, "mse_path_mean"));
    }

    private static double[] Doubles(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
