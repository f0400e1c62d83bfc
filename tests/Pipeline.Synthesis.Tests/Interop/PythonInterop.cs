using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Pipeline.Synthesis.Tests.Interop;

/// <summary>The Python 3 that has ASE and pymatgen (Debian's python3-ase, python3-pymatgen; .ci/install-python-interop.sh
/// installs them), and a way to run tests/Pipeline.Synthesis.Tests/Interop/read_vasp.py with it. The interpreter is
/// PIPELINE_PYTHON if set, else the first of /usr/bin/python3 (where Debian's modules live, even when another
/// python3 comes first on PATH) and python3 that imports both.</summary>
public static class PythonInterop
{
    private static readonly Lazy<(string? Python, string? Problem)> LazyProbe = new(Probe);

    /// <summary>Null when an interpreter with ASE and pymatgen was found; otherwise why none was.</summary>
    public static string? Problem => LazyProbe.Value.Problem;

    /// <summary>CI sets CI=true: there a missing reader is a failure, not a skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Interop", "read_vasp.py");

    /// <summary>Fails the test when no usable interpreter was found (reached only when the test was not skipped).</summary>
    public static string RequirePython()
    {
        var (python, problem) = LazyProbe.Value;
        if (python is null)
            Assert.Fail($"ASE/pymatgen interop needs python3 with ase and pymatgen ({problem}); install them with .ci/install-python-interop.sh");
        return python;
    }

    /// <summary>Runs read_vasp.py on files under <paramref name="root"/> and returns its JSON.</summary>
    public static JsonObject ReadVasp(string root, IEnumerable<string> relativeFiles)
    {
        var python = RequirePython();
        var (code, stdout, stderr) = Run(python, [ScriptPath, root, .. relativeFiles], TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"read_vasp.py exited {code}:\n{stderr}");
        return JsonNode.Parse(stdout)!.AsObject();
    }

    private static (string?, string?) Probe()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PIPELINE_PYTHON") is { Length: > 0 } configured) candidates.Add(configured);
        candidates.Add("/usr/bin/python3");
        candidates.Add("python3");
        var problems = new List<string>();
        foreach (var python in candidates.Distinct())
        {
            try
            {
                var (code, _, stderr) = Run(python, ["-c", "import ase, ase.io, pymatgen.io.vasp"], TimeSpan.FromMinutes(2));
                if (code == 0) return (python, null);
                problems.Add($"{python}: {LastLine(stderr)}");
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
            {
                problems.Add($"{python}: {e.Message}");
            }
        }
        return (null, string.Join("; ", problems));
    }

    private static (int Code, string Stdout, string Stderr) Run(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout.TotalSeconds:F0} s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string LastLine(string text)
        => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}

/// <summary>A test that needs ASE and pymatgen: skipped with the reason when they are missing, except under CI=true,
/// where it runs and fails in <see cref="PythonInterop.RequirePython"/>.</summary>
public sealed class PythonInteropFactAttribute : FactAttribute
{
    public PythonInteropFactAttribute()
    {
        if (!PythonInterop.Required && PythonInterop.Problem is { } problem)
            Skip = $"python3 with ASE and pymatgen not found ({problem}); run .ci/install-python-interop.sh (CI=true makes this a failure)";
    }
}
