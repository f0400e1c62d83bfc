namespace Pipeline.Cli.Usage;

/// <summary>The global -q/--quiet and --verbose choices, read once the command line is parsed (the logs are built
/// before that and consult this object when they write).</summary>
public sealed class OutputSettings
{
    public bool Quiet { get; set; }
    public bool Verbose { get; set; }

    /// <summary>Set when a diagnostic was dropped because --verbose was off (the CLI then says how to see it).</summary>
    public bool DetailsHidden { get; set; }
}
