using System.Text.Json;
using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;

namespace Pipeline.Core.Executors;

/// <summary>The finished work items of one fan-out computation: <c>.pipeline/fanout/STAGE/FINGERPRINT/ITEM_ID/</c>,
/// holding <c>data/</c> (what RunItem wrote) and <c>item.json</c> (the item id, the fingerprint and the hash of
/// <c>data/</c>). An item's folder appears by rename only once its RunItem returned, so a present folder is a complete
/// result, whichever executor, process or node wrote it. Results outlive crashes and failures (a rerun computes only
/// the missing items) and are deleted once the stage has committed. Because kept results may sit for days on a shared
/// file system, each is checked against its item.json before Assemble (<see cref="Problem"/>): a result that fails
/// the check is discarded and its item computed again.</summary>
public sealed class ItemResults
{
    private const string ManifestName = "item.json";
    private const string DataName = "data";
    private const string Schema = "item-result/1";

    public ItemResults(Workspace workspace, string stage, string fingerprint)
    {
        Root = Path.Combine(workspace.StateDir, "fanout", stage, fingerprint);
        Fingerprint = fingerprint;
    }

    public string Root { get; }
    public string Fingerprint { get; }

    /// <summary>The item's result folder (its presence means "published").</summary>
    public string PathOf(WorkItem item) => Path.Combine(Root, item.Id);

    /// <summary>The folder RunItem filled, as handed to Assemble.</summary>
    public string DataOf(WorkItem item) => Path.Combine(PathOf(item), DataName);

    /// <summary>Inside a temporary folder from <see cref="NewTemporary"/>: where RunItem writes.</summary>
    public static string DataIn(string temporary) => Path.Combine(temporary, DataName);

    public bool Has(WorkItem item) => Directory.Exists(PathOf(item));

    /// <summary>A new private folder beside the item's result folder (same file system, so publishing it is one
    /// rename), with its empty <c>data/</c> folder for RunItem.</summary>
    public string NewTemporary(WorkItem item)
    {
        Directory.CreateDirectory(Root);
        var temp = AtomicFile.TempPathBeside(PathOf(item));
        Directory.CreateDirectory(DataIn(temp));
        return temp;
    }

    /// <summary>Seals a finished temporary folder (item.json with the hash of its data) and renames it into place.
    /// Returns false (and deletes it) when another attempt of the same item published first: both computed the same
    /// result.</summary>
    public bool Publish(string temporary, WorkItem item)
    {
        var manifest = new Manifest
        {
            Schema = Schema,
            Item = item.Id,
            Fingerprint = Fingerprint,
            Hash = DirectoryHasher.Hash(DataIn(temporary)),
        };
        AtomicFile.WriteAllText(Path.Combine(temporary, ManifestName), JsonSerializer.Serialize(manifest, RunRecord.Json));
        var target = PathOf(item);
        try
        {
            Directory.Move(temporary, target);
            return true;
        }
        catch (IOException) when (Directory.Exists(target))
        {
            AtomicFile.TryDelete(temporary);
            return false;
        }
    }

    /// <summary>Null when the published result of <paramref name="item"/> is what its item.json says: this item, this
    /// fingerprint, data with the recorded hash. Otherwise what is wrong (e.g. a file edited or swapped in after the
    /// item finished, a folder renamed, a result from an older engine without item.json).</summary>
    public string? Problem(WorkItem item)
    {
        var folder = PathOf(item);
        var manifestPath = Path.Combine(folder, ManifestName);
        Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(manifestPath), RunRecord.Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return $"{ManifestName} is missing or unreadable ({e.Message})";
        }
        if (manifest is null || manifest.Schema != Schema)
            return $"{ManifestName} is not an {Schema} record";
        if (manifest.Item != item.Id)
            return $"{ManifestName} says it is the result of item '{manifest.Item}'";
        if (manifest.Fingerprint != Fingerprint)
            return $"{ManifestName} says it belongs to fingerprint {manifest.Fingerprint}, not {Fingerprint}";
        if (!Directory.Exists(DataOf(item)))
            return $"its {DataName}/ folder is missing";
        string actual;
        try
        {
            actual = DirectoryHasher.Hash(DataOf(item));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"its {DataName}/ folder is unreadable ({e.Message})";
        }
        return actual == manifest.Hash
            ? null
            : $"its {DataName}/ folder hashes to {HashHex.Short(actual)}, not the {HashHex.Short(manifest.Hash)} recorded when the item finished";
    }

    public void Forget(WorkItem item) => AtomicFile.TryDelete(PathOf(item));

    /// <summary>Removes every result and leftover temporary folder of this computation.</summary>
    public void Delete()
    {
        AtomicFile.TryDelete(Root);
        var stageDir = Path.GetDirectoryName(Root)!;
        try
        {
            if (Directory.Exists(stageDir) && !Directory.EnumerateFileSystemEntries(stageDir).Any())
                Directory.Delete(stageDir);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class Manifest
    {
        public string Schema { get; set; } = "";
        public string Item { get; set; } = "";
        public string Fingerprint { get; set; } = "";
        public string Hash { get; set; } = "";
    }
}
