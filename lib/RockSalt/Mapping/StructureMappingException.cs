namespace Pipeline.RockSalt;

/// <summary>A relaxed structure that cannot be mapped onto an ideal rock-salt lattice. The message names the source
/// (file or calculation), and, when one atom is at fault, its 0-based index and species.</summary>
public sealed class StructureMappingException : Exception
{
    /// <summary>An error about the cell or the structure as a whole.</summary>
    public StructureMappingException(string source, string detail)
        : base($"{source}: {detail}")
    {
        DataSource = source;
    }

    /// <summary>An error about one atom.</summary>
    public StructureMappingException(string source, int atomIndex, string species, string detail)
        : base($"{source}: atom {atomIndex} ({species}) {detail}")
    {
        DataSource = source;
        AtomIndex = atomIndex;
        Species = species;
    }

    /// <summary>The file or calculation the structure came from.</summary>
    public string DataSource { get; }

    /// <summary>0-based index of the offending atom, or -1 when the error is about the whole structure.</summary>
    public int AtomIndex { get; } = -1;

    public string? Species { get; }
}
