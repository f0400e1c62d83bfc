namespace Pipeline.Kmc.Engine;

/// <summary>A run for a simulated time reached its cap on events first (a <c>time</c> far beyond what the rates
/// allow would otherwise run for ever). Nothing of the run is kept: its samples would not reach the requested time.</summary>
public sealed class KmcEventCapException(string message) : InvalidOperationException(message);
