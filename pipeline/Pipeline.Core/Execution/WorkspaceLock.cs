using System.Diagnostics;
using Pipeline.Core.Store;

namespace Pipeline.Core.Execution;

/// <summary>The single-writer lock of a workspace: an exclusively opened .pipeline/workspace.lock (an OS file lock,
/// released by the kernel when the process dies, even by kill -9). A second `pipeline run` polls until it gets the
/// lock or the timeout passes.</summary>
public sealed class WorkspaceLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _ownerFile;

    private WorkspaceLock(FileStream stream, string ownerFile)
    {
        _stream = stream;
        _ownerFile = ownerFile;
    }

    public static WorkspaceLock Acquire(Workspace workspace, TimeSpan timeout, Action<string>? onWait = null,
        CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(workspace.StateDir);
        var path = workspace.WriterLockPath;
        var ownerFile = path + ".owner";
        var watch = Stopwatch.StartNew();
        bool announced = false;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                File.WriteAllText(ownerFile, $"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTime.UtcNow:O}\n");
                return new WorkspaceLock(stream, ownerFile);
            }
            catch (IOException) when (watch.Elapsed < timeout)
            {
                if (!announced)
                {
                    onWait?.Invoke($"waiting for the workspace lock (held by {Owner(ownerFile)}; timeout {timeout.TotalSeconds:0.#} s)");
                    announced = true;
                }
                var remaining = timeout - watch.Elapsed;
                var delay = remaining < TimeSpan.FromMilliseconds(100) ? remaining : TimeSpan.FromMilliseconds(100);
                if (delay > TimeSpan.Zero)
                    cancellation.WaitHandle.WaitOne(delay);
                cancellation.ThrowIfCancellationRequested();
            }
            catch (IOException)
            {
                throw new WorkspaceLockTimeoutException(
                    $"another `pipeline run` is using this workspace ({Owner(ownerFile)}); gave up after {timeout.TotalSeconds:0.#} s. "
                    + "Wait for it to finish or raise --lock-timeout.");
            }
        }
    }

    private static string Owner(string ownerFile)
    {
        try
        {
            return File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : "unknown process";
        }
        catch (IOException)
        {
            return "unknown process";
        }
    }

    public void Dispose()
    {
        AtomicFile.TryDelete(_ownerFile);
        _stream.Dispose();
    }
}

public sealed class WorkspaceLockTimeoutException(string message) : Exception(message);
