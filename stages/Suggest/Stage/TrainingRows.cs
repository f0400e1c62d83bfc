using System.Globalization;
using Pipeline.Abstractions;
using Pipeline.Contracts;

namespace Pipeline.Suggest.Stage;

/// <summary>The model's training data read back from the features table: its descriptor columns (in the model's
/// order) and its target, with errors naming the column and row.</summary>
internal sealed record TrainingRows(List<double[]> Rows, double[] Target)
{
    public static TrainingRows Read(Table table, BarrierModel model, string source)
    {
        var columns = model.Features.Select(f => Numeric(table, f, source)).ToArray();
        var y = Numeric(table, model.Target, source);
        if (y.Length < 2) throw new InvalidDataException($"{source}: {y.Length} rows; the bootstrap needs at least 2");
        var rows = Enumerable.Range(0, y.Length).Select(i => columns.Select(c => c[i]).ToArray()).ToList();
        return new TrainingRows(rows, y);
    }

    private static double[] Numeric(Table table, string column, string source)
    {
        if (!table.Has(column))
            throw new InvalidDataException($"{source}: no column '{column}' (columns: {string.Join(", ", table.Columns.Select(c => c.Name))})");
        var c = table[column];
        double[] values = c.Type == ColumnType.String
            ? ((string[])c.Values).Select((s, i) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v : throw new InvalidDataException($"{source}: column '{column}' row {i}: '{s}' is not a number")).ToArray()
            : table.AsDoubles(column);
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new InvalidDataException($"{source}: column '{column}' row {i} is {values[i]}");
        return values;
    }
}
