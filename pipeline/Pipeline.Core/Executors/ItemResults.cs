using Pipeline.Abstractions;
using Pipeline.Core.Store;

namespace Pipeline.Core.Executors;

/// <summary>The finished work items of one fan-out computation: <c>.pipeline/fanout/STAGE/FINGERPRINT/ITEM_ID/</c>.
/// An item's folder appears by rename only once its RunItem returned, so a present folder is a complete result,
/// whichever executor, process or node wrote it. Results outlive crashes and failures (a rerun computes only the
/// missing items) and are deleted once the stage has committed.</summary>
public sealed class ItemResults
{
    public ItemResults(Workspace workspace, string stage, string fingerprint)
    {
        Root = Path.Combine(workspace.StateDir, "fanout", stage, fingerprint);
    }

    public string Root { get; }

    public string PathOf(WorkItem item) => Path.Combine(Root, item.Id);

    public bool Has(WorkItem item) => Directory.Exists(PathOf(item));

    /// <summary>A new, empty private folder beside the item's result folder (same file system, so publishing it is
    /// one rename).</summary>
    public string NewTemporary(WorkItem item)
    {
        Directory.CreateDirectory(Root);
        var temp = AtomicFile.TempPathBeside(PathOf(item));
        Directory.CreateDirectory(temp);
        return temp;
    }

    /// <summary>Renames a finished temporary folder into place. Returns false (and deletes it) when another attempt
    /// of the same item published first: both computed the same result.</summary>
    public bool Publish(string temporary, WorkItem item)
    {
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
}
