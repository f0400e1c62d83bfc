namespace Pipeline.Core.Execution;

/// <summary>A request the tool refuses as given (exit code 2), e.g. `init` over an existing pipeline.yaml.</summary>
public sealed class UsageException(string message) : Exception(message);
