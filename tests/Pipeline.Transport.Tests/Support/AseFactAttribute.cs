using System.Diagnostics;

namespace Pipeline.Transport.Tests.Support;

/// <summary>A test that needs Debian's python3 with ASE and NumPy (.ci/install-md-interop.sh). Locally it is
/// skipped with the reason when they are missing; under CI=true it runs and fails, so CI cannot pass without it.</summary>
public sealed class AseFactAttribute : FactAttribute
{
    public AseFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true") return;
        if (!Python.HasAse()) Skip = $"needs {Python.Interpreter} with ase and numpy (bash .ci/install-md-interop.sh)";
    }
}

/// <summary>Runs the reference scripts with Debian's interpreter (the one python3-ase installs into).</summary>
public static class Python
{
    public const string Interpreter = "/usr/bin/python3";

    public static bool HasAse()
    {
        try { return Run("-c \"import ase, numpy\"", out _, out _) == 0; }
        catch (Exception) { return false; }
    }

    public static int Run(string arguments, out string stdout, out string stderr)
    {
        var info = new ProcessStartInfo(Interpreter, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {Interpreter}");
        var err = process.StandardError.ReadToEndAsync();
        stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        stderr = err.Result;
        return process.ExitCode;
    }

    /// <summary>Runs a script from the Python folder beside the tests; throws with its stderr when it fails.</summary>
    public static string Script(string name, params string[] args)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Python", name);
        var quoted = string.Join(" ", new[] { script }.Concat(args).Select(a => "\"" + a + "\""));
        int code = Run(quoted, out var stdout, out var stderr);
        if (code != 0) throw new InvalidOperationException($"{name} exited with {code}: {stderr}");
        return stdout;
    }
}
