using Pipeline.Abstractions;
using Pipeline.Core.Config;

namespace Pipeline.Core.Tests;

public class ParamParserTests
{
    private static object? Text(ParamSpec spec, string text) => ParamParser.ParseText(spec, text).Value;
    private static string? TextError(ParamSpec spec, string text) => ParamParser.ParseText(spec, text).Error;

    [Fact]
    public void Command_line_values_follow_the_yaml_rules()
    {
        Assert.Equal(5L, Text(ParamSpec.Int("n", ""), "5"));
        Assert.Equal(-2.5e-3, Text(ParamSpec.Float("a", ""), "-2.5e-3"));
        Assert.Equal(7.0, Text(ParamSpec.Float("a", ""), "7"));
        Assert.True(double.IsNaN((double)Text(ParamSpec.Float("a", "") with { AllowNonFinite = true }, ".nan")!));
        Assert.Equal(true, Text(ParamSpec.Bool("b", ""), "True"));
        Assert.Equal("x y", Text(ParamSpec.String("s", ""), "x y"));
        Assert.Equal(new long[] { 1, 2, 3 }, Text(ParamSpec.IntList("l", ""), "[1, 2, 3]"));
        Assert.Equal(new[] { 0.1, 1.0 }, Text(ParamSpec.FloatList("l", ""), "0.1,1"));
        Assert.Equal(new[] { "a", "b" }, Text(ParamSpec.StringList("l", ""), "a, b"));
        Assert.Equal(Array.Empty<long>(), Text(ParamSpec.IntList("l", ""), "[]"));
    }

    [Fact]
    public void Bad_values_say_what_was_expected()
    {
        Assert.Equal("expects an integer, got '5.5'", TextError(ParamSpec.Int("n", ""), "5.5"));
        Assert.Equal("expects true or false, got 'yes'", TextError(ParamSpec.Bool("b", ""), "yes"));
        Assert.Equal("expects one of x, y, got 'z'", TextError(ParamSpec.Enum("e", "", ["x", "y"]), "z"));
        Assert.Equal("element 2: expects an integer, got 'b'", TextError(ParamSpec.IntList("l", ""), "1,b"));
        Assert.Equal("element 2 (11.0) is above the maximum 10", TextError(ParamSpec.FloatList("l", "", max: 10), "[1, 11]"));
        Assert.Equal("is .nan; expects a finite number", TextError(ParamSpec.Float("p", "", min: 0, max: 1), "nan"));
        Assert.Equal("is NaN, outside [0, 1]", TextError(ParamSpec.Float("p", "", min: 0, max: 1) with { AllowNonFinite = true }, "nan"));
        Assert.Equal("has no value (expects an integer)", TextError(ParamSpec.Int("n", ""), ""));
    }

    [Fact]
    public void Display_and_canonical_forms_keep_floats_recognisable()
    {
        Assert.Equal("2.0", ParamText.Display(2.0));
        Assert.Equal("[1, 2]", ParamText.Display(new long[] { 1, 2 }));
        Assert.Equal("""{"a":2.0,"b":[0.1,"-.inf"],"c":"q\"uote","d":true}""",
            ParamText.CanonicalJson(new Dictionary<string, object> { ["d"] = true, ["c"] = "q\"uote", ["b"] = new[] { 0.1, double.NegativeInfinity }, ["a"] = 2.0 }));
    }
}
