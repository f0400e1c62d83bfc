using Pipeline.RockSalt;

namespace Pipeline.RockSalt.Tests.Support;

/// <summary>The supercells the tests run on: the published 3x4x4 primitive cell, 2x2x2 and 3x3x3 conventional
/// cells, and a non-orthogonal one.</summary>
public static class Cells
{
    public const double A = 4.1;

    public static TheoryData<string> Names => new() { "prim344", "conv222", "conv333", "skew" };

    public static RockSaltSupercell Make(string name) => name switch
    {
        "prim344" => RockSaltSupercell.Primitive(3, 4, 4, A),
        "conv222" => RockSaltSupercell.Cubic(2, A),
        "conv333" => RockSaltSupercell.Cubic(3, A),
        "skew" => new RockSaltSupercell(new Int3(2, 2, 0), new Int3(0, 4, 2), new Int3(-2, 0, 4), A),
        _ => throw new ArgumentException(name),
    };

    /// <summary>A random Li/V/vacancy cation and O/F anion configuration.</summary>
    public static (byte[] Cations, byte[] Anions) RandomConfiguration(RockSaltSupercell cell, Random rng)
    {
        var cations = new byte[cell.CationCount];
        var anions = new byte[cell.AnionCount];
        for (int i = 0; i < cations.Length; i++)
        {
            double u = rng.NextDouble();
            cations[i] = (byte)(u < 0.55 ? Species.Li : u < 0.85 ? Species.V : Species.Vac);
        }
        for (int j = 0; j < anions.Length; j++) anions[j] = (byte)(rng.NextDouble() < 2.0 / 3 ? Species.O : Species.F);
        return (cations, anions);
    }
}
