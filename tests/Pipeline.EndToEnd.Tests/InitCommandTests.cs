using Pipeline.Cli;
using Pipeline.Cli.Commands;
using Pipeline.Cli.Templates;
using Pipeline.Core.Maintenance;
using Pipeline.TestStages;

namespace Pipeline.EndToEnd.Tests;

/// <summary>`pipeline init`: the stage list comes from the tool's template file, the data path works from anywhere,
/// and the printed next step is a command that works where it is printed.</summary>
public class InitCommandTests
{
    [Fact]
    public void Data_inside_the_workspace_is_referred_to_relatively()
    {
        using var h = new CliHarness();
        var ws = h.PathOf("ws");
        Directory.CreateDirectory(Path.Combine(ws, "vasp", "neb1"));
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandTree.Invoke(["init", ws, "--data", Path.Combine(ws, "vasp")], [TestModule.Standard(out _)], output, error);
        Assert.True(code == 0, output + "\n" + error);
        Assert.Contains("      data: vasp\n", File.ReadAllText(Path.Combine(ws, "pipeline.yaml")));
        Assert.Contains("next: cd ", output.ToString());
        // The test module has none of the template's stage types: said on stderr, the workspace is still written.
        Assert.Contains("warning: ", error.ToString());
    }

    [Fact]
    public void Data_path_rules()
    {
        var root = Path.Combine(Path.GetTempPath(), "ws");
        Assert.Equal("data/vasp", WorkspaceInitializer.DataSource(root, Path.Combine(root, "data", "vasp")));
        Assert.Equal(Path.Combine(Path.GetTempPath(), "elsewhere").Replace('\\', '/'), WorkspaceInitializer.DataSource(root, Path.Combine(Path.GetTempPath(), "elsewhere")));
        Assert.Equal(Path.Combine(Path.GetTempPath(), "ws-data").Replace('\\', '/'), WorkspaceInitializer.DataSource(root, Path.Combine(Path.GetTempPath(), "ws-data")));
        Assert.Null(WorkspaceInitializer.DataSource(root, root));
    }

    [Fact]
    public void The_template_is_a_resource_file_with_the_science_stage_list()
    {
        var template = WorkspaceTemplate.Text();
        Assert.Contains(WorkspaceInitializer.DataPlaceholder, template);
        Assert.Contains("uses: vasp-neb-ingest", template);
        Assert.Contains("uses: kmc", template);
        Assert.DoesNotContain("synthesize", template);
    }

    [Fact]
    public void Next_step_is_spelled_the_way_the_tool_can_be_started()
    {
        var tools = Path.Combine(Path.GetTempPath(), "my-tools");
        var exe = Path.Combine(tools, "pipeline");
        Assert.Equal(["next: cd my-study && pipeline run"], NextStep.For("my-study", "run", exe, tools + Path.PathSeparator + "/usr/bin"));
        Assert.Equal([$"next: cd my-study && {exe} run"], NextStep.For("my-study", "run", exe, "/usr/bin"));
        Assert.Equal(["next: cd 'my study' && pipeline run"], NextStep.For("my study", "run", exe, tools));

        // Started through `dotnet` (a local tool): `dotnet pipeline` only where a manifest lists the tool.
        var root = Path.Combine(Path.GetTempPath(), "pipeline-next", Guid.NewGuid().ToString("N")[..8]);
        var ws = Path.Combine(root, "ws");
        Directory.CreateDirectory(Path.Combine(root, ".config"));
        try
        {
            var both = NextStep.For(ws, "run", "/usr/bin/dotnet", "/usr/bin");
            Assert.Equal(3, both.Count);
            Assert.Contains("dotnet tool install --global LiDiffusion.Pipeline", both[1]);
            File.WriteAllText(Path.Combine(root, ".config", "dotnet-tools.json"), "{\"version\":1,\"isRoot\":true,\"tools\":{\"lidiffusion.pipeline\":{\"version\":\"0.1.0\",\"commands\":[\"pipeline\"]}}}");
            Assert.Equal([$"next: cd {ws} && dotnet pipeline run"], NextStep.For(ws, "run", "/usr/bin/dotnet", "/usr/bin"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
