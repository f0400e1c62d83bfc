using Pipeline.Abstractions;
using Pipeline.Core.Parquet;

namespace Pipeline.Core.Tables;

/// <summary>Reads a table from a .parquet or .csv file (the two formats Table inputs accept).</summary>
public static class TableFiles
{
    public static Table Read(string path)
    {
        var ext = Path.GetExtension(path);
        if (ext.Equals(".csv", StringComparison.OrdinalIgnoreCase))
            return CsvTableReader.Read(path);
        if (ext.Equals(".parquet", StringComparison.OrdinalIgnoreCase) || ext.Length == 0)
            return ParquetTableReader.Read(path);
        throw new InvalidDataException($"{path}: a table input must be a .parquet or .csv file");
    }
}
