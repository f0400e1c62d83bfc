using Pipeline.Core.Execution;

namespace Pipeline.Core.Tests;

public class FingerprintTests
{
    private static readonly KeyValuePair<string, string>[] Inputs =
        [KeyValuePair.Create("a", new string('1', 32)), KeyValuePair.Create("b", new string('2', 32))];

    private static string Fp(string type = "t", int version = 1, string json = "{\"x\":1}", KeyValuePair<string, string>[]? inputs = null)
        => Fingerprint.Compute(type, version, json, inputs ?? Inputs);

    [Fact]
    public void Every_ingredient_changes_the_fingerprint()
    {
        var all = new[]
        {
            Fp(),
            Fp(type: "u"),
            Fp(version: 2),
            Fp(json: "{\"x\":2}"),
            Fp(inputs: [KeyValuePair.Create("a", new string('1', 32)), KeyValuePair.Create("b", new string('3', 32))]),
            Fp(inputs: [KeyValuePair.Create("a", new string('1', 32)), KeyValuePair.Create("c", new string('2', 32))]),
            Fp(inputs: [KeyValuePair.Create("a", new string('1', 32))]),
        };
        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.All(all, f => Assert.Matches("^[0-9a-f]{32}$", f));
    }

    [Fact]
    public void Input_order_does_not_matter_and_the_value_is_stable()
    {
        Assert.Equal(Fp(), Fp(inputs: Inputs.Reverse().ToArray()));
        Assert.Equal(Fp(), Fingerprint.Compute("t", 1, "{\"x\":1}", Inputs));
    }
}
