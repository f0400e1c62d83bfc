namespace Pipeline.Featurize.Hops;

/// <summary>The columns of one hops row (CONTRACTS.md) that featurize reads.</summary>
public sealed record HopRecord(
    string CalcId,
    double[] Lattice,
    string[] Species,
    double[] FracInitial,
    double[] FracFinal,
    int MovingIndex,
    double[] MovingFracSaddle,
    double EForward,
    double EKra,
    double EReaction);
