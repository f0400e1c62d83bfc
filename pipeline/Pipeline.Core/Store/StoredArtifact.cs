using Pipeline.Abstractions;

namespace Pipeline.Core.Store;

/// <summary>One artifact version: its kind, content hash and working-copy path (workspace-relative, which also
/// gives a File object its extension).</summary>
public sealed record StoredArtifact(PortKind Kind, string Hash, string WorkingPath)
{
    public static string KindName(PortKind kind) => kind switch
    {
        PortKind.Table => "table",
        PortKind.File => "file",
        PortKind.Directory => "directory",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static PortKind ParseKind(string text) => text switch
    {
        "table" => PortKind.Table,
        "file" => PortKind.File,
        "directory" => PortKind.Directory,
        _ => throw new FormatException($"unknown artifact kind '{text}' (expected table, file or directory)"),
    };

    /// <summary>The working copy of output <paramref name="port"/> of stage <paramref name="stage"/>.</summary>
    public static string WorkingPathFor(string stage, PortSpec port) => port.Kind switch
    {
        PortKind.Table => $"{Workspace.WorkingFolderName}/{stage}/{port.Name}.parquet",
        PortKind.File => $"{Workspace.WorkingFolderName}/{stage}/{port.FileName ?? port.Name}",
        PortKind.Directory => $"{Workspace.WorkingFolderName}/{stage}/{port.Name}",
        _ => throw new ArgumentOutOfRangeException(nameof(port)),
    };
}
