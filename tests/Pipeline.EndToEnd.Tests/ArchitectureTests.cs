using System.Text.RegularExpressions;

namespace Pipeline.EndToEnd.Tests;

/// <summary>The project graph docs/ARCHITECTURE.md promises, checked on the csproj files themselves: stages are thin
/// adapters that may reference the stage contract (pipeline/Pipeline.Abstractions) and libraries (lib/) only;
/// libraries never reference the engine or a stage; and no file of the repository points outside it.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Root = RepoPaths.Root;

    // The sibling folder a developer machine has and a public clone lacks (spelled in pieces so this file passes).
    private static readonly string OutsidePrefix = string.Join("/", "..", "shared");

    [GeneratedRegex("""<ProjectReference Include="([^"]+)" """)]
    private static partial Regex ProjectReference();

    private static IEnumerable<(string Project, string Reference)> References(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(p => ProjectReference().Matches(File.ReadAllText(p)).Select(m =>
                (Path.GetRelativePath(Root, p), Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(p)!, m.Groups[1].Value))))));

    [Fact]
    public void A_stage_project_references_only_the_stage_contract_and_libraries()
    {
        var refs = References("stages").ToList();
        Assert.NotEmpty(refs);
        var bad = refs.Where(r => !(r.Reference.StartsWith("lib" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                                    || r.Reference == Path.Combine("pipeline", "Pipeline.Abstractions", "Pipeline.Abstractions.csproj")))
            .Select(r => $"{r.Project} -> {r.Reference}").ToList();
        Assert.True(bad.Count == 0, "stage projects may reference pipeline/Pipeline.Abstractions and lib/ only:\n" + string.Join("\n", bad));
    }

    [Fact]
    public void A_library_references_no_engine_project_and_no_stage()
    {
        var bad = References("lib")
            .Where(r => !r.Reference.StartsWith("lib" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && r.Reference != Path.Combine("pipeline", "Pipeline.Abstractions", "Pipeline.Abstractions.csproj"))
            .Select(r => $"{r.Project} -> {r.Reference}").ToList();
        Assert.True(bad.Count == 0, "libraries may reference other libraries and the Table contract only:\n" + string.Join("\n", bad));
    }

    [Fact]
    public void No_source_or_doc_points_outside_the_repository()
    {
        var offenders = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".md") || p.EndsWith(".cs") || p.EndsWith(".csproj") || p.EndsWith(".sh") || p.EndsWith(".yaml"))
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or ".pipeline" or "out" or ".tools"))
            .Where(p => File.ReadAllText(p).Contains(OutsidePrefix, StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Root, p)).ToList();
        Assert.True(offenders.Count == 0, $"files pointing outside the repository ({OutsidePrefix}):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_domain_citation_names_a_section_docs_DOMAIN_md_has()
    {
        var domain = File.ReadAllText(Path.Combine(Root, "docs", "DOMAIN.md"));
        var sections = Regex.Matches(domain, @"^## (\d+)\.", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var cited = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".md") || p.EndsWith(".cs"))
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
            .SelectMany(p => Regex.Matches(File.ReadAllText(p), @"DOMAIN\.md,? sections? (\d+)(?:-(\d+))?")
                .SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value }).Where(v => v.Length > 0)
                .Select(v => (File: Path.GetRelativePath(Root, p), Section: v)))
            .ToList();
        Assert.NotEmpty(cited);
        var dangling = cited.Where(c => !sections.Contains(c.Section)).Select(c => $"{c.File}: section {c.Section}").Distinct().ToList();
        Assert.True(dangling.Count == 0, "citations of sections docs/DOMAIN.md does not have:\n" + string.Join("\n", dangling));
    }
}
