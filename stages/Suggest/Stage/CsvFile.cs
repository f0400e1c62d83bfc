using System.Globalization;
using System.Text;
using Pipeline.Abstractions;

namespace Pipeline.Suggest.Stage;

/// <summary>A table as RFC 4180 CSV (header row, invariant culture, round-trip doubles), for people and
/// spreadsheets next to the VASP folders; the Parquet artifact stays the typed copy.</summary>
internal static class CsvFile
{
    public static void Write(string path, Table table)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', table.Columns.Select(c => Quote(c.Name))).Append('\n');
        for (int i = 0; i < table.RowCount; i++)
            sb.AppendJoin(',', table.Columns.Select(c => Cell(c, i))).Append('\n');
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    private static string Cell(Column c, int i) => c.Type switch
    {
        ColumnType.Float64 => ((double[])c.Values)[i].ToString("R", CultureInfo.InvariantCulture),
        ColumnType.Int64 => ((long[])c.Values)[i].ToString(CultureInfo.InvariantCulture),
        ColumnType.Bool => ((bool[])c.Values)[i] ? "true" : "false",
        ColumnType.String => Quote(((string[])c.Values)[i]),
        _ => throw new InvalidOperationException($"column '{c.Name}' ({c.Type}) has no CSV form"),
    };

    private static string Quote(string s)
        => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
