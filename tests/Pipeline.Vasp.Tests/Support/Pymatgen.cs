using System.Diagnostics;

namespace Pipeline.Vasp.Tests.Support;

/// <summary>Runs Python with pymatgen (Debian's python3-pymatgen lives under /usr/bin/python3, which another
/// python3 earlier on PATH would hide). Tests that need it skip locally when it is missing and fail under CI=true
/// (install it with .ci/install-vasp-interop.sh).</summary>
public static class Pymatgen
{
    private static readonly Lazy<(string? Python, string? Problem)> Probe = new(() =>
    {
        var problems = new List<string>();
        foreach (var python in new[] { "/usr/bin/python3", "python3" })
        {
            var (code, _, err) = Run(python, "import pymatgen.analysis.transition_state, pymatgen.io.vasp.outputs", ".");
            if (code == 0)
                return (python, null);
            problems.Add($"{python}: {err.Trim().Split('\n').LastOrDefault()}");
        }
        return (null, string.Join("; ", problems));
    });

    public static string? Problem => Probe.Value.Problem;
    public static bool RequiredByCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs a Python script in <paramref name="workDir"/>; fails the test when it exits non-zero.</summary>
    public static string RunScript(string script, string workDir)
    {
        if (Probe.Value.Python is not { } python)
        {
            Assert.Fail($"pymatgen is not usable ({Problem}); install it with .ci/install-vasp-interop.sh");
            return "";
        }
        var (code, output, error) = Run(python, script, workDir);
        Assert.True(code == 0, $"pymatgen script failed ({code}): {error}");
        return output;
    }

    private static (int Code, string Output, string Error) Run(string python, string script, string workDir)
    {
        try
        {
            var start = new ProcessStartInfo(python, ["-c", script])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(300_000))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "", "timed out after 300 s");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }
}

/// <summary>A fact that needs pymatgen: skipped with the reason when it is missing, unless CI=true.</summary>
public sealed class PymatgenFactAttribute : FactAttribute
{
    public PymatgenFactAttribute()
    {
        if (Pymatgen.Problem is { } problem && !Pymatgen.RequiredByCi)
            Skip = $"pymatgen is not usable here ({problem}); run .ci/install-vasp-interop.sh (under CI=true this test fails instead)";
    }
}
