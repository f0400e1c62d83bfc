namespace Pipeline.Core.Store;

/// <summary>A store object whose content no longer has the hash it is filed under. It has been moved to the
/// quarantine folder; the stage that produced it must run again.</summary>
public sealed class CorruptObjectException(string path, string expected, string actual)
    : IOException($"store object {path} is corrupt: expected hash {expected}, found {actual}; it was quarantined and will be rebuilt")
{
    public string ObjectPath { get; } = path;
    public string Expected { get; } = expected;
    public string Actual { get; } = actual;
}
