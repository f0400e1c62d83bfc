using Pipeline.Vasp.Structure;

namespace Pipeline.Vasp.Parsing;

/// <summary>A parsed POSCAR/CONTCAR. Lattice and coordinates have the scale factor applied; coordinates are
/// fractional whatever the file used.</summary>
public sealed class Poscar
{
    public required string File { get; init; }
    public required string Comment { get; init; }

    /// <summary>Scaled lattice rows a1, a2, a3 (9 doubles, Angstrom).</summary>
    public required double[] Lattice { get; init; }

    /// <summary>Element symbol per type from the VASP 5 species line; null for a VASP 4 file without one.</summary>
    public string[]? TypeSymbols { get; init; }

    public required int[] Counts { get; init; }

    /// <summary>Fractional coordinates, flattened (x0, y0, z0, x1, ...).</summary>
    public required double[] Frac { get; init; }

    /// <summary>Selective-dynamics flags per coordinate (true = free to move), flattened; null without
    /// "Selective dynamics".</summary>
    public bool[]? Movable { get; init; }

    /// <summary>Whether the file gave Cartesian coordinates (converted to fractional here).</summary>
    public bool WasCartesian { get; init; }

    public int AtomCount => Counts.Sum();

    /// <summary>The structure with species from the file, or from <paramref name="fallbackTypeSymbols"/> (e.g. the
    /// OUTCAR's POTCAR species) for a VASP 4 file. Throws when neither names the species.</summary>
    public Crystal ToCrystal(string[]? fallbackTypeSymbols = null)
    {
        var symbols = TypeSymbols ?? fallbackTypeSymbols
            ?? throw new VaspFormatException(File, 6, "no species line (VASP 4 format) and no species from the OUTCAR");
        if (symbols.Length != Counts.Length)
            throw new VaspFormatException(File, 6,
                $"{Counts.Length} atom counts but {symbols.Length} species ({string.Join(' ', symbols)})");
        var species = new string[AtomCount];
        int k = 0;
        for (int t = 0; t < Counts.Length; t++)
        {
            for (int n = 0; n < Counts[t]; n++)
                species[k++] = symbols[t];
        }
        return new Crystal(Lattice, species, Frac);
    }
}
