using Pipeline.Abstractions;

namespace Pipeline.Contracts;

/// <summary>One column of an artifact table: its name, type, unit ("" for text, counts and labels; "1" for a
/// dimensionless number) and meaning. A column that is not <see cref="Required"/> may be absent (e.g. truth columns
/// when no truth.yaml was given).</summary>
public sealed record ColumnSpec(string Name, ColumnType Type, string Unit, string Description, bool Required = true);

/// <summary>The schema of a table that crosses a stage boundary. Writers check what they built against it, readers
/// check what they read, and the golden contract test pins it, so a renamed or retyped column is a loud error (or a
/// failing test), never a silently missing report section. Tables whose column set depends on the data (one column
/// per class label, one per averaged observable) list those families under <see cref="Families"/>: a column whose
/// name starts with a family prefix is allowed there.</summary>
public sealed class TableSchema(string artifact, int version, IReadOnlyList<ColumnSpec> columns,
    IReadOnlyList<ColumnSpec>? families = null)
{
    public string Artifact { get; } = artifact;
    public int Version { get; } = version;
    public IReadOnlyList<ColumnSpec> Columns { get; } = columns;

    /// <summary>Column families: Name is the prefix shared by the family's columns.</summary>
    public IReadOnlyList<ColumnSpec> Families { get; } = families ?? [];

    public ColumnSpec this[string name] => Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"the {Artifact} table's contract has no column '{name}'");

    /// <summary>Throws <see cref="InvalidDataException"/> naming <paramref name="source"/> and the column when a required
    /// column is missing, a column has another type, or (with <paramref name="exact"/>) a column is not in the contract.</summary>
    public void Check(Table table, string source, bool exact = false)
    {
        foreach (var spec in Columns)
        {
            if (!table.Has(spec.Name))
            {
                if (spec.Required)
                    throw new InvalidDataException($"{source}: the {Artifact} table has no column '{spec.Name}' " +
                                                   $"(contract {Artifact}/{Version}; columns: {string.Join(", ", table.Columns.Select(c => c.Name))})");
                continue;
            }
            if (table[spec.Name].Type != spec.Type)
                throw new InvalidDataException($"{source}: column '{spec.Name}' of the {Artifact} table is {table[spec.Name].Type}, " +
                                               $"the contract says {spec.Type}");
        }
        if (!exact) return;
        foreach (var column in table.Columns)
        {
            if (Columns.Any(c => c.Name == column.Name)) continue;
            var family = Families.FirstOrDefault(f => column.Name.StartsWith(f.Name, StringComparison.Ordinal));
            if (family is null)
                throw new InvalidDataException($"{source}: column '{column.Name}' of the {Artifact} table is not in its contract " +
                                               $"({Artifact}/{Version}); add it to Pipeline.Contracts first");
            if (column.Type != family.Type)
                throw new InvalidDataException($"{source}: column '{column.Name}' of the {Artifact} table is {column.Type}, " +
                                               $"its family '{family.Name}*' is {family.Type}");
        }
    }

    /// <summary>For readers that take a subset (a one-off command may be given a CSV with just those columns): throws
    /// <see cref="InvalidDataException"/> naming <paramref name="source"/> and the column when one of
    /// <paramref name="columns"/> is missing or has another type than the contract's.</summary>
    public void Require(Table table, string source, params string[] columns)
    {
        foreach (var name in columns)
        {
            var spec = this[name];
            if (!table.Has(name))
                throw new InvalidDataException($"{source}: the {Artifact} table has no column '{name}' ({spec.Description}; " +
                                               $"columns: {string.Join(", ", table.Columns.Select(c => c.Name))})");
            if (table[name].Type != spec.Type)
                throw new InvalidDataException($"{source}: column '{name}' of the {Artifact} table is {table[name].Type}, " +
                                               $"the contract says {spec.Type}");
        }
    }

    /// <summary>For writers: checks that <paramref name="table"/> is exactly this contract (every column declared,
    /// types as declared) and returns it with every numeric column carrying its contract unit (written to the Parquet
    /// footer; units are metadata, outside the content hash), so a writer that drifts from its contract fails its own
    /// tests and every artifact states its units.</summary>
    public Table Verified(Table table, string stage)
    {
        Check(table, $"{stage} output '{Artifact}'", exact: true);
        var columns = table.Columns.Select(c => c.Type is ColumnType.Float64 or ColumnType.Int64 or ColumnType.Float64List
            ? c.WithUnit(DeclaredUnit(UnitOf(c.Name)!)) : c);
        return new Table(columns, table.Metadata);
    }

    /// <summary>"" in a contract (counts, indices, flags stored as numbers) is written as "1", dimensionless.</summary>
    private static string DeclaredUnit(string unit) => unit.Length == 0 ? "1" : unit;

    /// <summary>The unit of a column (families included), or null when the contract does not know the column.</summary>
    public string? UnitOf(string column) =>
        Columns.FirstOrDefault(c => c.Name == column)?.Unit
        ?? Families.FirstOrDefault(f => column.StartsWith(f.Name, StringComparison.Ordinal))?.Unit;
}
