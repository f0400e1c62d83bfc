using System.Globalization;

namespace Pipeline.Fitting.Tests.Support;

/// <summary>Reads a header + numeric rows CSV (the reference tables) into named columns.</summary>
public static class NumericCsv
{
    public static (string[] Header, double[][] Columns) Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var columns = header.Select(_ => new double[lines.Length - 1]).ToArray();
        for (int r = 1; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',');
            if (cells.Length != header.Length)
                throw new FormatException($"{path}:{r + 1}: {cells.Length} cells, header has {header.Length}");
            for (int c = 0; c < cells.Length; c++)
                columns[c][r - 1] = double.Parse(cells[c], CultureInfo.InvariantCulture);
        }
        return (header, columns);
    }
}
