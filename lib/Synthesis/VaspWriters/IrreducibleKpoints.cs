namespace Pipeline.Synthesis.VaspWriters;

/// <summary>The irreducible k-points VASP's IBZKPT finds for a Gamma-centred automatic mesh in a cell without
/// symmetry (the synthetic cells are P1: every atom carries a random relaxation displacement), where only time
/// reversal (k and -k equivalent) reduces the mesh. Points are listed in VASP's order, first index fastest, with
/// coordinates folded into (-1/2, 1/2]; of each pair k, -k the first one met is kept with weight 2.</summary>
internal sealed class IrreducibleKpoints
{
    private IrreducibleKpoints(double[] fractional, int[] weights)
    {
        Fractional = fractional;
        Weights = weights;
    }

    /// <summary>Reciprocal (fractional) coordinates, flattened (k0x, k0y, k0z, k1x, ...).</summary>
    public double[] Fractional { get; }

    /// <summary>Multiplicity of each point in the full mesh (VASP's unnormalised weight).</summary>
    public int[] Weights { get; }

    public int Count => Weights.Length;

    /// <summary>Sum of the weights: the number of points of the full mesh.</summary>
    public int MeshPoints => Weights.Sum();

    public static IrreducibleKpoints GammaCentred(ReadOnlySpan<int> mesh)
    {
        int n1 = mesh[0], n2 = mesh[1], n3 = mesh[2];
        if (n1 < 1 || n2 < 1 || n3 < 1) throw new ArgumentException($"k-point mesh {n1}x{n2}x{n3} has a zero subdivision");
        var index = new int[n1 * n2 * n3];
        Array.Fill(index, -1);
        var fractional = new List<double>();
        var weights = new List<int>();
        for (int k = 0; k < n3; k++)
            for (int j = 0; j < n2; j++)
                for (int i = 0; i < n1; i++)
                {
                    int self = (k * n2 + j) * n1 + i;
                    int partner = ((n3 - k) % n3 * n2 + (n2 - j) % n2) * n1 + (n1 - i) % n1;
                    if (index[partner] >= 0)
                    {
                        weights[index[partner]]++;
                        continue;
                    }
                    index[self] = weights.Count;
                    weights.Add(1);
                    fractional.Add(Fold(i, n1));
                    fractional.Add(Fold(j, n2));
                    fractional.Add(Fold(k, n3));
                }
        return new IrreducibleKpoints([.. fractional], [.. weights]);
    }

    // i/n folded into (-1/2, 1/2].
    private static double Fold(int i, int n) => 2 * i > n ? (double)(i - n) / n : (double)i / n;
}
