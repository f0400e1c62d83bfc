namespace Pipeline.Fitting.Regression;

/// <summary>A dense matrix stored column after column, so one feature is one contiguous span: coordinate descent
/// reads whole columns in its inner loop.</summary>
public sealed class ColumnMajorMatrix
{
    public ColumnMajorMatrix(int rows, int columns)
        : this(rows, columns, new double[checked(rows * columns)])
    {
    }

    public ColumnMajorMatrix(int rows, int columns, double[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (data.Length != rows * columns)
            throw new ArgumentException($"data has {data.Length} values, expected {rows} x {columns}");
        Rows = rows;
        Columns = columns;
        Data = data;
    }

    public int Rows { get; }
    public int Columns { get; }

    /// <summary>Column-major storage: element (i, j) is at j * Rows + i.</summary>
    public double[] Data { get; }

    public double this[int row, int column]
    {
        get => Data[column * Rows + row];
        set => Data[column * Rows + row] = value;
    }

    public Span<double> Column(int j) => Data.AsSpan(j * Rows, Rows);

    /// <summary>Builds a matrix from feature columns (each of the same length).</summary>
    public static ColumnMajorMatrix FromColumns(IReadOnlyList<double[]> columns)
    {
        int rows = columns.Count == 0 ? 0 : columns[0].Length;
        var m = new ColumnMajorMatrix(rows, columns.Count);
        for (int j = 0; j < columns.Count; j++)
        {
            if (columns[j].Length != rows)
                throw new ArgumentException($"column {j} has {columns[j].Length} rows, expected {rows}");
            columns[j].CopyTo(m.Column(j));
        }
        return m;
    }

    /// <summary>Copies the given rows (in the given order) into a new matrix.</summary>
    public ColumnMajorMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var m = new ColumnMajorMatrix(rows.Length, Columns);
        for (int j = 0; j < Columns; j++)
        {
            var source = Column(j);
            var target = m.Column(j);
            for (int i = 0; i < rows.Length; i++)
                target[i] = source[rows[i]];
        }
        return m;
    }

    public ColumnMajorMatrix Clone() => new(Rows, Columns, (double[])Data.Clone());
}
