namespace Pipeline.Contracts;

/// <summary>Every table contract, for the golden contract test and for documentation tools.</summary>
public static class TableContracts
{
    public static IReadOnlyList<TableSchema> All { get; } =
    [
        HopsContract.Schema, ImagesContract.Schema, StructuresContract.Schema, RejectedContract.Schema,
        FeaturesContract.Schema, ClassifierMetricsContract.Schema, ValidationMetricsContract.Schema,
        CoefficientsContract.Schema, CeMetricsContract.Schema,
        KmcResultsContract.Schema, KmcSummaryContract.Schema, KmcMsdContract.Schema,
        MdObservablesContract.Schema, MdArrheniusContract.Schema, MdMsdContract.Schema,
    ];
}
