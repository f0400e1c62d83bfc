using System.CommandLine;
using System.Text;
using Pipeline.Cli.Usage;
using Pipeline.Core.Config;
using Pipeline.Core.Execution;
using Pipeline.Core.Logging;
using Pipeline.Core.Maintenance;
using Pipeline.Core.Store;

namespace Pipeline.Cli.Commands;

/// <summary>What every engine command shares: the stage registry, the output writers, the global --workspace option,
/// and the mapping of engine exceptions to documented exit codes.</summary>
public sealed class CliContext(StageRegistry registry, TextWriter output, TextWriter error)
{
    public StageRegistry Registry { get; } = registry;
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    public Option<string?> WorkspaceOption { get; } = new("--workspace", "-C")
    {
        Description = "Workspace folder (default: the nearest folder upwards with a pipeline.yaml)",
        Recursive = true,
    };

    public Option<bool> QuietOption { get; } = new("--quiet", "-q")
    {
        Description = "Print only warnings, errors and results (no progress lines)",
        Recursive = true,
    };

    public Option<bool> VerboseOption { get; } = new("--verbose")
    {
        Description = "Also print diagnostics such as stack traces of unexpected failures",
        Recursive = true,
    };

    public OutputSettings Settings { get; } = new();

    public Workspace Workspace(ParseResult parse)
    {
        var given = parse.GetValue(WorkspaceOption);
        var workspace = given is null ? Core.Store.Workspace.Find(Directory.GetCurrentDirectory()) : new Workspace(given);
        CurrentWorkspaceRoot = workspace.Root;
        return workspace;
    }

    public IRunLog Log() => CliRunLog.ForConsole(Output, Error, Settings);

    /// <summary>Runs a command body and turns engine exceptions into messages and exit codes.</summary>
    public int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ConfigException e)
        {
            foreach (var err in e.Errors)
                Error.WriteLine(err.ToString());
            Error.WriteLine($"{e.Errors.Count} error(s); nothing was run");
            return ExitCodes.InvalidConfig;
        }
        catch (WorkspaceLockTimeoutException e)
        {
            Error.WriteLine("error: " + e.Message);
            return ExitCodes.LockTimeout;
        }
        catch (OperationCanceledException)
        {
            Error.WriteLine("interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is UsageException or KeyNotFoundException or FileNotFoundException or DirectoryNotFoundException or ArgumentException)
        {
            Error.WriteLine("error: " + e.Message);
            return ExitCodes.InvalidConfig;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            Error.WriteLine("error: " + (EnvironmentFaults.Explain(e, WorkspaceRootOrNull()) ?? e.Message));
            if (Settings.Verbose)
                Error.WriteLine(e.ToString());
            return ExitCodes.StageFailed;
        }
        catch (Exception e)
        {
            // A failure nobody anticipated: one line by default; the stack trace with --verbose.
            Error.WriteLine($"error: {e.Message} ({e.GetType().Name})");
            Detail(e);
            return ExitCodes.StageFailed;
        }
    }

    /// <summary>Prints the stack trace with --verbose, otherwise notes that it was left out.</summary>
    public void Detail(Exception e)
    {
        if (Settings.Verbose)
            Error.WriteLine(e.ToString());
        else
            Settings.DetailsHidden = true;
    }

    /// <summary>The workspace of the current command, when one was found (for environment-fault remedies).</summary>
    public string? CurrentWorkspaceRoot { get; set; }

    private string? WorkspaceRootOrNull() => CurrentWorkspaceRoot;

    /// <summary>Writes JSON produced into a stream to the text output.</summary>
    public void WriteJson(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        Output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
