using System.Text.Json.Nodes;
using Pipeline.Fitting.Tests.Support;

namespace Pipeline.Fitting.Tests;

public class JsonToleranceTests
{
    private static readonly JsonTolerance Tolerance = new(1e-6, 1e-4, new HashSet<string> { "created_utc" });

    [Fact]
    public void Numbers_within_tolerance_and_ignored_keys_pass()
    {
        var d = Tolerance.Differences(
            JsonNode.Parse("""{"a": 1.0, "b": [100.0, 2], "c": "x", "created_utc": "t1"}"""),
            JsonNode.Parse("""{"a": 1.0000005, "b": [100.009, 2], "c": "x", "created_utc": "t2"}"""));
        Assert.Empty(d);
    }

    [Fact]
    public void Drift_missing_keys_and_shape_changes_are_reported_with_paths()
    {
        var d = Tolerance.Differences(
            JsonNode.Parse("""{"coef": [0.1, 0.2], "alpha": 1e-3, "name": "kra", "gone": 1}"""),
            JsonNode.Parse("""{"coef": [0.1, 0.2001], "alpha": 1e-3, "name": "fwd", "extra": 2}"""));
        Assert.Equal(4, d.Count);
        Assert.Contains(d, m => m.StartsWith("$.coef[1]:"));
        Assert.Contains(d, m => m.StartsWith("$.name:"));
        Assert.Contains("$.gone: missing", d);
        Assert.Contains("$.extra: unexpected", d);
    }
}
