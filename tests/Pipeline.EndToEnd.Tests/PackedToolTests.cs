namespace Pipeline.EndToEnd.Tests;

/// <summary>The tool as users get it: packed into a feed, installed with `dotnet tool install --tool-path` (what
/// --global does, in a folder of our choosing) and with `dotnet tool install --local` into a tool manifest; then
/// `pipeline init` on a small generated dataset outside the repository, and the next step it prints, run as printed
/// from where it was printed, must produce the report. Opt-in (PIPELINE_LONG_TESTS=1 or PIPELINE_PACK_TESTS=1): the
/// pack, two installs and one real pipeline run take about a minute on two cores.</summary>
public sealed class PackedToolTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pipeline-packed", Guid.NewGuid().ToString("N")[..12]);

    [PackedToolFact]
    public void Installed_tool_inits_a_workspace_whose_printed_next_step_produces_the_report()
    {
        Directory.CreateDirectory(_root);
        var version = "0.1.0-e2e." + Guid.NewGuid().ToString("N")[..8];
        var feed = Path.Combine(_root, "feed");
        var tools = Path.Combine(_root, "tools");
        // A package cache of our own: the shared one may hold another build under the same id and version.
        var env = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(_root, "packages"),
            ["PATH"] = tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["PIPELINE_CACHE_DIR"] = Path.Combine(_root, "stage-cache"),
        };
        File.WriteAllText(Path.Combine(_root, "nuget.config"),
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"feed\" value=\"{feed}\" />\n  </packageSources>\n</configuration>\n");

        // Pack what this test run was built from (no second build), under a version no cache has seen.
        Ok(Dotnet(env, _root, "pack", Path.Combine(RepoPaths.Root, "pipeline", "Pipeline.Cli", "Pipeline.Cli.csproj"), "-c", Configuration, "--no-build",
            "-o", feed, $"-p:Version={version}", "--nologo"));
        var package = Assert.Single(Directory.GetFiles(feed, $"LiDiffusion.Pipeline.{version}.nupkg"));
        using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
        {
            var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
            Assert.Contains("<readme>README.md</readme>", nuspec);
            Assert.Contains("<tags>", nuspec);
            Assert.Contains("<releaseNotes>", nuspec);
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
            Assert.Contains(zip.Entries, e => e.FullName == "LICENSE");
        }

        // Global-style install (--tool-path is --global into a folder we choose), then the README's steps.
        Ok(Dotnet(env, _root, "tool", "install", "LiDiffusion.Pipeline", "--version", version, "--tool-path", tools, "--configfile", Path.Combine(_root, "nuget.config")));
        var pipeline = Path.Combine(tools, OperatingSystem.IsWindows() ? "pipeline.exe" : "pipeline");
        Ok(ToolProcess.Run(pipeline, ["synth", "--out", "generated", "--hops", "40", "--single-points", "60", "-q"], _root, env));
        var init = Ok(ToolProcess.Run(pipeline, ["init", "study", "--data", "generated/dataset"], _root, env));
        var next = NextLine(init.Output);
        Assert.Equal("cd study && pipeline run", next);
        Shrink(Path.Combine(_root, "study", "pipeline.yaml"));
        var run = Ok(ToolProcess.Run("/bin/sh", ["-c", next], _root, env));
        Assert.True(File.Exists(Path.Combine(_root, "study", "out", "report", "report.html")), run.ToString());
        Assert.Contains("report:  " + Path.Combine(_root, "study", "out", "report", "report.html"), run.Output);

        // Local install into a tool manifest: `dotnet pipeline` works below it, and init says so.
        var project = Path.Combine(_root, "project");
        Directory.CreateDirectory(project);
        Ok(Dotnet(env, project, "tool", "install", "--local", "--create-manifest-if-needed", "LiDiffusion.Pipeline", "--version", version,
            "--configfile", Path.Combine(_root, "nuget.config")));
        var localInit = Ok(Dotnet(env, project, "pipeline", "init", "study", "--data", Path.Combine(_root, "generated", "dataset")));
        var localNext = NextLine(localInit.Output);
        Assert.Equal("cd study && dotnet pipeline run", localNext);
        var dry = Ok(ToolProcess.Run("/bin/sh", ["-c", localNext + " --dry-run"], project, env));
        Assert.Contains("ingest: would run", dry.Output);
    }

    /// <summary>Params a user would lower for a first look, so the run takes seconds: a tiny kMC, a looser CE fit.</summary>
    private static void Shrink(string yamlPath)
    {
        var yaml = File.ReadAllText(yamlPath);
        yaml = yaml.Replace("    uses: kmc\n", "    uses: kmc\n    params: { compositions: [0.5], temperatures: [600.0, 800.0], size: 4, seeds: 1, steps: 2000 }\n")
                   .Replace("    uses: ce-fit\n", "    uses: ce-fit\n    params: { tol: 1.0e-6, max_iter: 5000, truth_samples: 0 }\n")
                   .Replace("    uses: validate\n", "    uses: validate\n    params: { bootstrap: 20 }\n");
        File.WriteAllText(yamlPath, yaml);
    }

    private static string NextLine(string output)
    {
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("next: ", StringComparison.Ordinal));
        Assert.True(line is not null, "init printed no next step:\n" + output);
        return line["next: ".Length..];
    }

    private static ToolProcess.Result Dotnet(Dictionary<string, string?> env, string dir, params string[] args)
        => ToolProcess.Run("dotnet", args, dir, env);

    private static ToolProcess.Result Ok(ToolProcess.Result r)
    {
        Assert.True(r.Code == 0, r.ToString());
        return r;
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Runs with PIPELINE_LONG_TESTS=1 or PIPELINE_PACK_TESTS=1 (packs and installs the tool: about a minute).</summary>
public sealed class PackedToolFactAttribute : FactAttribute
{
    public PackedToolFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PIPELINE_LONG_TESTS") != "1" && Environment.GetEnvironmentVariable("PIPELINE_PACK_TESTS") != "1")
            Skip = "packs and installs the tool (about a minute): set PIPELINE_PACK_TESTS=1 or PIPELINE_LONG_TESTS=1 to run it";
    }
}
