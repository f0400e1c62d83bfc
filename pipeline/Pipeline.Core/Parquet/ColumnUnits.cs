using System.Text;
using System.Text.Json;
using Pipeline.Abstractions;

namespace Pipeline.Core.Parquet;

/// <summary>Column units in the footer: <c>pipeline.units</c> = {"column": "unit", ...} in column order, for the
/// columns that declare one. One central place, so every writer and reader (run, one-off commands, show, export)
/// agrees.</summary>
public static class ColumnUnits
{
    /// <summary>The footer value for <paramref name="table"/>, or null when no column has a unit.</summary>
    public static string? FooterValue(Table table)
    {
        if (!table.Columns.Any(c => c.Unit is not null))
            return null;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            foreach (var c in table.Columns)
            {
                if (c.Unit is not null)
                    json.WriteString(c.Name, c.Unit);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Units by column name from a footer (empty when it declares none). Throws
    /// <see cref="InvalidDataException"/> for a malformed value.</summary>
    public static IReadOnlyDictionary<string, string> Parse(IReadOnlyDictionary<string, string> footer)
    {
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!footer.TryGetValue(ArtifactMetadata.Units, out var text))
            return units;
        try
        {
            using var doc = JsonDocument.Parse(text);
            foreach (var p in doc.RootElement.EnumerateObject())
                units[p.Name] = p.Value.GetString() ?? throw new InvalidDataException($"unit of column '{p.Name}' is null");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"footer key {ArtifactMetadata.Units} is not a JSON object of strings: {e.Message}", e);
        }
        return units;
    }

    /// <summary>The columns of <paramref name="table"/> with the units its footer declares.</summary>
    public static Table Apply(Table table)
    {
        var units = Parse(table.Metadata);
        if (units.Count == 0)
            return table;
        foreach (var name in units.Keys)
        {
            if (!table.Has(name))
                throw new InvalidDataException($"footer key {ArtifactMetadata.Units} names column '{name}', which the table does not have");
        }
        return new Table(table.Columns.Select(c => units.TryGetValue(c.Name, out var u) ? c.WithUnit(u) : c), table.Metadata);
    }
}
