using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Store;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

public class LockFileTests
{
    private static LockFile Sample()
    {
        var lockFile = new LockFile();
        var b = new LockedStage { Uses = "test-scale", Version = 3, Fingerprint = new string('b', 32), ParamsHash = new string('c', 32) };
        b.Params["factor"] = ParamText.ToNode(2.0);
        b.Params["names"] = ParamText.ToNode(new[] { "x", "5", "a b" });
        b.Params["label"] = ParamText.ToNode("true");
        b.Inputs["numbers"] = new LockedInput("a.numbers", PortKind.Table, new string('d', 32));
        b.Outputs["scaled"] = new StoredArtifact(PortKind.Table, new string('e', 32), "out/b/scaled.parquet");
        var a = new LockedStage { Uses = "test-files", Version = 1, Fingerprint = new string('1', 32), ParamsHash = new string('2', 32) };
        a.Inputs["data"] = new LockedInput("datasets/my data", PortKind.Directory, new string('3', 32));
        a.Outputs["files"] = new StoredArtifact(PortKind.Table, new string('4', 32), "out/a/files.parquet");
        lockFile.Stages["b"] = b;
        lockFile.Stages["a"] = a;
        return lockFile;
    }

    [Fact]
    public void Round_trip_keeps_everything_including_param_types()
    {
        var text = Sample().ToYaml();
        var back = LockFile.Parse(text, "pipeline.lock");
        Assert.Equal(text, back.ToYaml());
        var b = back.Stages["b"];
        Assert.Equal(3, b.Version);
        Assert.Equal("2.0", ParamText.Display(b.Params["factor"]));
        Assert.Equal("[x, 5, a b]", ParamText.Display(b.Params["names"]));
        Assert.Equal(new LockedInput("a.numbers", PortKind.Table, new string('d', 32)), b.Inputs["numbers"]);
        Assert.Equal("out/b/scaled.parquet", b.Outputs["scaled"].WorkingPath);
        Assert.Equal("datasets/my data", back.Stages["a"].Inputs["data"].Source);
    }

    [Fact]
    public void Yaml_is_sorted_and_strings_that_look_like_other_types_are_quoted()
    {
        var text = Sample().ToYaml();
        Assert.True(text.IndexOf("\n  a:\n", StringComparison.Ordinal) < text.IndexOf("\n  b:\n", StringComparison.Ordinal));
        Assert.Contains("label: \"true\"", text);
        Assert.Contains("names: [x, \"5\", \"a b\"]", text);
        Assert.Contains("factor: 2.0", text);
        Assert.StartsWith("# pipeline.lock", text);
        Assert.DoesNotContain("...", text);
    }

    [Fact]
    public void Missing_lock_is_empty_and_a_foreign_schema_is_refused()
    {
        using var ws = new TempWorkspace();
        Assert.Empty(LockFile.Load(ws.Workspace.LockPath).Stages);
        var e = Assert.Throws<InvalidDataException>(() => LockFile.Parse("schema: other/9\nstages: {}\n", "pipeline.lock"));
        Assert.Contains("unsupported lock schema 'other/9'", e.Message);
    }
}
