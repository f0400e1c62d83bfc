namespace Pipeline.Core.Executors;

/// <summary>Work items of a fan-out stage failed (after their retries); the message names each one, why, and where
/// its log is. Finished items are kept, so the next run computes only the failed ones.</summary>
public sealed class FanOutFailedException(string message) : InvalidOperationException(message);
