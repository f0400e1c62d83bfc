namespace Pipeline.Cli.Templates;

/// <summary>The pipeline.yaml that `pipeline init` writes: the science's stage list lives in Templates/pipeline.yaml
/// (an embedded resource), not in the engine; the engine only fills in where the data is.</summary>
public static class WorkspaceTemplate
{
    public static string Text()
    {
        using var stream = typeof(WorkspaceTemplate).Assembly.GetManifestResourceStream("Pipeline.Cli.Templates.pipeline.yaml")
                           ?? throw new InvalidOperationException("the init template is missing from this build of the tool");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
