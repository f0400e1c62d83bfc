using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Abstractions;

namespace Pipeline.Core.Tables;

/// <summary>Reads a CSV file (RFC 4180: header row, comma separated, double-quote quoting) into a Table, inferring
/// each column's type from all its cells: i64 if all are integers, f64 if all are numbers (an empty cell is NaN),
/// bool if all are true/false, f64[] / str[] if all are JSON arrays (as `pipeline export --format csv` writes lists),
/// else str.</summary>
public static class CsvTableReader
{
    public static Table Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    public static Table Read(TextReader reader, string sourceName)
    {
        var rows = ParseRecords(reader, sourceName);
        if (rows.Count == 0)
            throw new InvalidDataException($"{sourceName}: empty CSV (a header row is required)");
        var header = rows[0];
        for (int r = 1; r < rows.Count; r++)
        {
            if (rows[r].Count != header.Count)
                throw new InvalidDataException($"{sourceName}:{r + 1}: {rows[r].Count} fields, header has {header.Count}");
        }
        var columns = new List<Column>();
        for (int c = 0; c < header.Count; c++)
        {
            var cells = new string[rows.Count - 1];
            for (int r = 1; r < rows.Count; r++)
                cells[r - 1] = rows[r][c];
            columns.Add(InferColumn(header[c], cells, sourceName));
        }
        return new Table(columns);
    }

    private static Column InferColumn(string name, string[] cells, string source)
    {
        if (cells.Length > 0 && cells.All(IsInteger))
            return Column.Of(name, cells.Select(c => long.Parse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToArray());
        if (cells.Length > 0 && cells.All(c => c.Length == 0 || IsNumber(c)))
            return Column.Of(name, cells.Select(c => c.Length == 0 ? double.NaN : ParseNumber(c)).ToArray());
        if (cells.Length > 0 && cells.All(c => c is "true" or "false" or "True" or "False"))
            return Column.Of(name, cells.Select(c => c.Equals("true", StringComparison.OrdinalIgnoreCase)).ToArray());
        if (cells.Length > 0 && cells.All(c => c.StartsWith('[')))
        {
            try
            {
                var parsed = cells.Select(c => JsonDocument.Parse(c).RootElement.Clone()).ToArray();
                if (parsed.All(p => p.EnumerateArray().All(e => e.ValueKind is JsonValueKind.Number or JsonValueKind.Null)))
                    return Column.Of(name, parsed.Select(p => p.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray()).ToArray());
                if (parsed.All(p => p.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)))
                    return Column.Of(name, parsed.Select(p => p.EnumerateArray().Select(e => e.GetString()!).ToArray()).ToArray());
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{source}: column '{name}' looks like a list column but a cell is not a JSON array: {e.Message}");
            }
        }
        return Column.Of(name, cells);
    }

    private static bool IsInteger(string s) => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static bool IsNumber(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static double ParseNumber(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<List<string>> ParseRecords(TextReader reader, string source)
    {
        var records = new List<List<string>>();
        var field = new StringBuilder();
        var record = new List<string>();
        bool inQuotes = false, fieldStarted = false;
        int line = 1, c;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                        line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }
        if (inQuotes)
            throw new InvalidDataException($"{source}:{line}: unterminated quoted field");
        EndRecord();
        return records;

        void EndRecord()
        {
            if (!fieldStarted && record.Count == 0)
                return;
            record.Add(field.ToString());
            records.Add(record);
            record = new List<string>();
            field.Clear();
            fieldStarted = false;
        }
    }
}
