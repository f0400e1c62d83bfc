using Pipeline.Abstractions;
using Pipeline.Core.Config;

namespace Pipeline.Core.Tests;

/// <summary>Issue #17 item 12: limits every param declaration gets without asking (finite numbers) and the ones it
/// can ask for (non-empty lists, no repeated values), checked up front like types and ranges.</summary>
public class ParamLimitsTests
{
    private static string? Error(ParamSpec spec, string text) => ParamParser.ParseText(spec, text).Error;

    [Theory]
    [InlineData(".inf", "is .inf; expects a finite number")]
    [InlineData("-.inf", "is -.inf; expects a finite number")]
    [InlineData(".nan", "is .nan; expects a finite number")]
    [InlineData("1e999", "is .inf; expects a finite number")]
    public void Floats_are_finite_unless_declared_otherwise(string text, string error)
    {
        Assert.Equal(error, Error(ParamSpec.Float("t", "", min: 0), text));
        Assert.Equal(error, Error(ParamSpec.Float("t", ""), text));
        Assert.Null(Error(ParamSpec.Float("t", "") with { AllowNonFinite = true }, text));
    }

    [Fact]
    public void List_elements_are_finite_too()
        => Assert.Equal("element 2 is .inf; expects a finite number", Error(ParamSpec.FloatList("ts", "", min: 1), "[300, .inf]"));

    [Fact]
    public void A_list_can_require_values_and_distinct_ones()
    {
        var spec = ParamSpec.FloatList("ts", "") with { MinCount = 1, Distinct = true };
        Assert.Equal("needs at least 1 value, got none", Error(spec, "[]"));
        Assert.Equal("element 3 (300.0) repeats element 1", Error(spec, "[300, 400, 300]"));
        Assert.Null(Error(spec, "[300, 400]"));
        Assert.Equal("element 2 (b) repeats element 1", Error(ParamSpec.StringList("s", "") with { Distinct = true }, "b, b"));
        Assert.Equal("needs at least 2 values, got 1", Error(ParamSpec.IntList("n", "") with { MinCount = 2 }, "[1]"));
    }
}
