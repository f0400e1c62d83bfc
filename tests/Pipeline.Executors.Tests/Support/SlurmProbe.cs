using System.Diagnostics;

namespace Pipeline.Executors.Tests.Support;

/// <summary>Whether a Slurm controller answers here (sinfo lists a usable node). Tests that need one are
/// <see cref="SlurmFactAttribute"/>s: skipped with the reason when it does not answer, unless
/// PIPELINE_REQUIRE_SLURM=1 (set by .ci/run after .ci/slurm-up.sh), which turns the skip into a failure.</summary>
public static class SlurmProbe
{
    private static readonly Lazy<string?> LazyProblem = new(FindProblem);

    /// <summary>Null when Slurm is usable; otherwise why not.</summary>
    public static string? Problem => LazyProblem.Value;

    public static bool Required => Environment.GetEnvironmentVariable("PIPELINE_REQUIRE_SLURM") == "1";

    /// <summary>Fails the test when Slurm is required but not usable (a skipped test never gets here otherwise).</summary>
    public static void Require()
    {
        if (Problem is { } problem)
            Assert.Fail($"PIPELINE_REQUIRE_SLURM=1 but Slurm is not usable: {problem} (start it with .ci/slurm-up.sh)");
    }

    private static string? FindProblem()
    {
        try
        {
            var start = new ProcessStartInfo("sinfo", ["--noheader", "--format=%T"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
            {
                process.Kill(entireProcessTree: true);
                return "sinfo did not answer within 15 s";
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
                return $"sinfo failed (exit code {process.ExitCode}): {error.Result.Trim()}";
            var states = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return states.Any(s => s.StartsWith("idle", StringComparison.Ordinal) || s.StartsWith("mix", StringComparison.Ordinal)
                                   || s.StartsWith("alloc", StringComparison.Ordinal))
                ? null
                : $"sinfo shows no usable node (states: {string.Join(", ", states)})";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"sinfo is not installed ({e.Message})";
        }
    }
}

/// <summary>A fact that needs a running Slurm: skipped with a clear message when there is none, unless
/// PIPELINE_REQUIRE_SLURM=1.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (SlurmProbe.Problem is { } problem && !SlurmProbe.Required)
            Skip = $"no Slurm controller answers here ({problem}); run .ci/slurm-up.sh, or set PIPELINE_REQUIRE_SLURM=1 to make this a failure";
    }
}
