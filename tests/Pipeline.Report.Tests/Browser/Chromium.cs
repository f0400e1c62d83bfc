using System.Diagnostics;

namespace Pipeline.Report.Tests.Browser;

/// <summary>Debian's headless Chromium (installed by .ci/install-browser.sh), found on PATH or through
/// PIPELINE_CHROMIUM. Each call gets a fresh profile folder so parallel calls never share a lock.</summary>
internal static class Chromium
{
    private static readonly Lazy<string?> Executable = new(Find);

    public static string? Path => Executable.Value;

    /// <summary>CI=true makes a missing browser a failure instead of a skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("PIPELINE_CHROMIUM") is { Length: > 0 } configured) return configured;
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (var dir in dirs)
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>Runs headless Chromium on <paramref name="url"/> with extra arguments; returns stdout. Fails with
    /// stderr when it exits non-zero or does not finish in time.</summary>
    public static string Run(string url, params string[] arguments)
    {
        var exe = Path ?? throw new InvalidOperationException("chromium is not installed (run .ci/install-browser.sh)");
        var profile = Directory.CreateTempSubdirectory("report-chromium-");
        try
        {
            var start = new ProcessStartInfo(exe)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                         "--no-first-run", "--force-device-scale-factor=1", "--user-data-dir=" + profile.FullName })
                start.ArgumentList.Add(a);
            foreach (var a in arguments) start.ArgumentList.Add(a);
            start.ArgumentList.Add(url);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within 3 minutes on {url}");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"chromium exited {process.ExitCode} on {url}: {error.Result}");
            return output.Result;
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    public static string FileUrl(string path) => new Uri(System.IO.Path.GetFullPath(path)).AbsoluteUri;
}

/// <summary>A fact that needs Chromium: skipped with the reason when it is missing, a failure under CI=true.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
            Skip = "chromium is not installed; run .ci/install-browser.sh (under CI=true this is a failure, not a skip)";
    }
}
