using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Pipeline.Core.Store;

namespace Pipeline.Core.Hashing;

/// <summary>Remembers (path, size, mtime) -> hash so unchanged files (raw inputs, store objects, working copies) are
/// not re-hashed on every run. A file modified within <see cref="RacyWindow"/> of being hashed is not remembered,
/// because a second write in the same mtime tick would be invisible (git's "racy clean" problem).</summary>
public sealed class HashCache
{
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly string? _file;
    private readonly bool _persist;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private volatile bool _dirty;

    /// <summary>A cache loaded from <paramref name="file"/> (null: memory only) and, if <paramref name="persist"/>,
    /// saved back to it by <see cref="Save"/> (read-only commands such as `status` do not write).</summary>
    public HashCache(string? file, bool persist = true)
    {
        _file = file;
        _persist = persist;
        if (file is not null && File.Exists(file))
            Load(file);
    }

    /// <summary>The hash of kind <paramref name="kind"/> (e.g. "file", "table") of the file at
    /// <paramref name="path"/>, computed by <paramref name="compute"/> only when the file changed.</summary>
    public string GetOrCompute(string path, string kind, Func<string, string> compute)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new FileNotFoundException($"{path} does not exist", path);
        var key = kind + "\t" + Path.GetFullPath(path);
        long size = info.Length, mtime = info.LastWriteTimeUtc.Ticks;
        if (_entries.TryGetValue(key, out var e) && e.Size == size && e.MtimeTicks == mtime)
            return e.Hash;
        var hash = compute(path);
        bool racy = DateTime.UtcNow - info.LastWriteTimeUtc < RacyWindow;
        if (!racy && !key.Contains('\n'))
        {
            _entries[key] = new Entry(size, mtime, hash);
            _dirty = true;
        }
        else
        {
            _entries.TryRemove(key, out _);
        }
        return hash;
    }

    /// <summary>Like <see cref="GetOrCompute"/> for a file already stat-ed by a directory enumeration (no second stat,
    /// no path normalisation: <paramref name="fullPath"/> must be absolute and normalised).</summary>
    public string GetOrCompute(string fullPath, long size, DateTime lastWriteUtc, string kind, Func<string, string> compute)
    {
        var key = kind + "\t" + fullPath;
        if (_entries.TryGetValue(key, out var e) && e.Size == size && e.MtimeTicks == lastWriteUtc.Ticks)
            return e.Hash;
        return GetOrCompute(fullPath, kind, compute);
    }

    /// <summary>The hash a lookup would return without reading the file (an entry of the same size and mtime), or null.</summary>
    public string? Peek(string path, string kind)
    {
        var info = new FileInfo(path);
        if (!info.Exists || !_entries.TryGetValue(kind + "\t" + Path.GetFullPath(path), out var e))
            return null;
        return e.Size == info.Length && e.MtimeTicks == info.LastWriteTimeUtc.Ticks ? e.Hash : null;
    }

    /// <summary>Forgets a path (e.g. after quarantining a corrupt object).</summary>
    public void Forget(string path)
    {
        var full = Path.GetFullPath(path);
        foreach (var key in _entries.Keys)
        {
            if (key.EndsWith("\t" + full, StringComparison.Ordinal))
            {
                _entries.TryRemove(key, out _);
                _dirty = true;
            }
        }
    }

    public void Save()
    {
        if (_file is null || !_persist || !_dirty)
            return;
        var sb = new StringBuilder();
        foreach (var (key, e) in _entries.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!File.Exists(key[(key.IndexOf('\t') + 1)..]))
                continue;
            sb.Append(e.Size.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(e.MtimeTicks.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(e.Hash).Append('\t').Append(key).Append('\n');
        }
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        AtomicFile.WriteAllText(_file, sb.ToString());
        _dirty = false;
    }

    private void Load(string file)
    {
        foreach (var line in File.ReadLines(file))
        {
            // size \t mtime \t hash \t kind \t path; a damaged line is skipped (it only costs a re-hash).
            var parts = line.Split('\t', 5);
            if (parts.Length == 5
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mtime)
                && HashHex.IsHash(parts[2]))
            {
                _entries[parts[3] + "\t" + parts[4]] = new Entry(size, mtime, parts[2]);
            }
        }
    }

    private readonly record struct Entry(long Size, long MtimeTicks, string Hash);
}
