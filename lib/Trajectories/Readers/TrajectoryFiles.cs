using Pipeline.Vasp.Parsing;

namespace Pipeline.Trajectories.Readers;

public enum TrajectoryFormat { Xdatcar, ExtendedXyz, AseTraj }

/// <summary>Recognizes trajectory files by name and opens the right reader: XDATCAR* (optionally .gz),
/// *.xyz / *.extxyz (optionally .gz), *.traj.</summary>
public static class TrajectoryFiles
{
    public static TrajectoryFormat? FormatOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        if (name.StartsWith("XDATCAR", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xdatcar", StringComparison.OrdinalIgnoreCase))
            return TrajectoryFormat.Xdatcar;
        if (name.EndsWith(".xyz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".extxyz", StringComparison.OrdinalIgnoreCase))
            return TrajectoryFormat.ExtendedXyz;
        if (name.EndsWith(".traj", StringComparison.OrdinalIgnoreCase))
            return TrajectoryFormat.AseTraj;
        return null;
    }

    /// <summary>Every trajectory file under <paramref name="directory"/> (recursively), in ordinal path order.</summary>
    public static IReadOnlyList<string> Find(string directory)
        => Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(p => FormatOf(p) is not null)
            .OrderBy(p => Path.GetRelativePath(directory, p), StringComparer.Ordinal)
            .ToList();

    public static ITrajectoryReader Open(string path, string? displayName = null, IReadOnlyList<string>? speciesNames = null)
        => FormatOf(path) switch
        {
            TrajectoryFormat.Xdatcar => new XdatcarReader(path, speciesNames, displayName),
            TrajectoryFormat.ExtendedXyz => new ExtendedXyzReader(path, displayName),
            TrajectoryFormat.AseTraj => new AseTrajReader(path, displayName),
            _ => throw new VaspFormatException(displayName ?? path, 0, "not a trajectory file name (XDATCAR*, *.xyz, *.extxyz, *.traj)"),
        };

    /// <summary>Number of frames, by stepping over them without parsing numbers.</summary>
    public static long CountFrames(string path, string? displayName = null, IReadOnlyList<string>? speciesNames = null)
    {
        using var reader = Open(path, displayName, speciesNames);
        long n = 0;
        while (reader.TryRead(null)) n++;
        return n;
    }
}
