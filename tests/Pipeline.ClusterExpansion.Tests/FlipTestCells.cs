using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion.Tests;

/// <summary>The named cluster spaces and supercells the flip, field and pair-table tests run on: pairs only, the
/// default space, and one whose triplets reach beyond NN; cubic (affine indexing inside, the lookup table at the
/// boundary; cubic 2 has periodic images), conventional and primitive cells.</summary>
internal static class FlipTestCells
{
    public static readonly Dictionary<string, ClusterSpace> Spaces = new()
    {
        ["pairs"] = ClusterSpace.Generate([1.45]),
        ["default"] = TestConfigurations.DefaultSpace,
        ["triplets"] = ClusterSpace.Generate([1.1, 1.05, 0.75]),
    };

    public static RockSaltSupercell Cell(string name) => name switch
    {
        "primitive455" => RockSaltSupercell.Primitive(4, 5, 5, TestConfigurations.A),
        "primitive566" => RockSaltSupercell.Primitive(5, 6, 6, TestConfigurations.A),
        "primitive777" => RockSaltSupercell.Primitive(7, 7, 7, TestConfigurations.A),
        "conventional324" => RockSaltSupercell.Conventional(3, 2, 4, TestConfigurations.A),
        "cubic2" => RockSaltSupercell.Cubic(2, TestConfigurations.A),
        "cubic3" => RockSaltSupercell.Cubic(3, TestConfigurations.A),
        "cubic4" => RockSaltSupercell.Cubic(4, TestConfigurations.A),
        _ => throw new ArgumentException($"unknown test cell '{name}'"),
    };

    public static CeEvaluator Evaluator(string space, string cell, int seed)
        => new(TestConfigurations.RandomModel(Spaces[space], seed), Cell(cell));
}
