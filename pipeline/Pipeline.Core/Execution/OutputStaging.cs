using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Hashing;
using Pipeline.Core.Parquet;
using Pipeline.Core.Store;

namespace Pipeline.Core.Execution;

/// <summary>Collects a running stage's outputs in a private staging folder (tables/, files/, dirs/); nothing is
/// visible elsewhere until the engine commits them after the stage returns.</summary>
public sealed class OutputStaging
{
    private readonly string _dir;
    private readonly IStage _type;
    private readonly Func<PortSpec, Table, string, IReadOnlyDictionary<string, string>> _metadata;
    private readonly Dictionary<string, string> _tableHashes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <param name="metadata">Footer key-values for a table output, given the port, the table and its content hash.</param>
    public OutputStaging(string stagingDirectory, IStage type,
        Func<PortSpec, Table, string, IReadOnlyDictionary<string, string>> metadata)
    {
        _dir = stagingDirectory;
        _type = type;
        _metadata = metadata;
    }

    public void WriteTable(string output, Table table)
    {
        var port = Port(output, PortKind.Table);
        var hash = TableHasher.Hash(table);
        var path = TablePath(port);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        ParquetTableWriter.Write(table, path, _metadata(port, table, hash));
        lock (_gate)
            _tableHashes[port.Name] = hash;
    }

    public string OutputFilePath(string output)
    {
        var port = Port(output, PortKind.File);
        var path = FilePath(port);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    public string OutputDirectoryPath(string output)
    {
        var port = Port(output, PortKind.Directory);
        var path = DirectoryPath(port);
        lock (_gate)
        {
            if (_directories.Add(port.Name))
            {
                if (Directory.Exists(path))
                    Directory.Delete(path, recursive: true);
                Directory.CreateDirectory(path);
            }
        }
        return path;
    }

    /// <summary>The produced outputs among <paramref name="tracked"/>, hashed. Throws when a required one is missing.</summary>
    public IReadOnlyList<StagedOutput> Collect(IReadOnlyList<PortSpec> tracked, string stageName)
    {
        var result = new List<StagedOutput>();
        foreach (var port in tracked)
        {
            StagedOutput? staged = port.Kind switch
            {
                PortKind.Table => _tableHashes.TryGetValue(port.Name, out var h) ? new StagedOutput(port, TablePath(port), h) : null,
                PortKind.File => File.Exists(FilePath(port)) ? new StagedOutput(port, FilePath(port), FileHasher.HashFile(FilePath(port))) : null,
                _ => _directories.Contains(port.Name) ? new StagedOutput(port, DirectoryPath(port), DirectoryHasher.Hash(DirectoryPath(port))) : null,
            };
            if (staged is not null)
                result.Add(staged);
            else if (!port.Optional)
                throw new InvalidOperationException($"stage '{stageName}' ({_type.Type}) did not produce its required {PipelineValidator.KindText(port.Kind)} output '{port.Name}'");
        }
        return result;
    }

    private PortSpec Port(string output, PortKind kind)
    {
        var port = _type.Outputs.FirstOrDefault(p => p.Name == output)
            ?? throw new ArgumentException($"stage type '{_type.Type}' has no output '{output}' (outputs: {string.Join(", ", _type.Outputs.Select(p => p.Name))})");
        if (port.Kind != kind)
            throw new ArgumentException($"output '{output}' of '{_type.Type}' is a {PipelineValidator.KindText(port.Kind)}, not a {PipelineValidator.KindText(kind)}");
        return port;
    }

    private string TablePath(PortSpec port) => Path.Combine(_dir, "tables", port.Name + ".parquet");
    private string FilePath(PortSpec port) => Path.Combine(_dir, "files", port.Name, port.FileName ?? port.Name);
    private string DirectoryPath(PortSpec port) => Path.Combine(_dir, "dirs", port.Name);
}

public sealed record StagedOutput(PortSpec Port, string StagedPath, string Hash);
