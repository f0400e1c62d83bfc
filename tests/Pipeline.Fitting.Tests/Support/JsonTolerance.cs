using System.Text.Json.Nodes;

namespace Pipeline.Fitting.Tests.Support;

/// <summary>Tolerance-aware comparison of two JSON documents (e.g. a golden model file against a fresh fit):
/// numbers match when |actual - expected| &lt;= Absolute + Relative * |expected|, everything else must be equal,
/// and listed keys (timestamps, versions, hashes) can be ignored. Returns every difference with its JSON path.</summary>
public sealed record JsonTolerance(double Absolute, double Relative, IReadOnlySet<string>? IgnoredKeys = null)
{
    public IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    public void AssertEquivalent(string expectedJson, string actualJson)
    {
        var differences = Differences(JsonNode.Parse(expectedJson), JsonNode.Parse(actualJson));
        Assert.True(differences.Count == 0,
            $"{differences.Count} JSON difference(s) beyond abs {Absolute:G3} / rel {Relative:G3}:\n" +
            string.Join("\n", differences.Take(50)));
    }

    private void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (IgnoredKeys?.Contains(key) == true)
                        continue;
                    if (!a.ContainsKey(key))
                        differences.Add($"{path}.{key}: missing");
                    else
                        Compare(value, a[key], $"{path}.{key}", differences);
                }
                foreach (var (key, _) in a)
                {
                    if (!e.ContainsKey(key) && IgnoredKeys?.Contains(key) != true)
                        differences.Add($"{path}.{key}: unexpected");
                }
                return;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    differences.Add($"{path}: {a.Count} elements, expected {e.Count}");
                    return;
                }
                for (int i = 0; i < e.Count; i++)
                    Compare(e[i], a[i], $"{path}[{i}]", differences);
                return;
            case (JsonValue e, JsonValue a) when e.TryGetValue<double>(out var x) && a.TryGetValue<double>(out var y):
                if (!(Math.Abs(y - x) <= Absolute + Relative * Math.Abs(x)) && !(double.IsNaN(x) && double.IsNaN(y)))
                    differences.Add($"{path}: {y:R}, expected {x:R} (difference {y - x:G3})");
                return;
            default:
                if (expected?.ToJsonString() != actual?.ToJsonString())
                    differences.Add($"{path}: {actual?.ToJsonString() ?? "null"}, expected {expected?.ToJsonString() ?? "null"}");
                return;
        }
    }
}
