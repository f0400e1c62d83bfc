using Pipeline.Abstractions;

namespace Pipeline.Contracts;

/// <summary>The ce_metrics table of ce-fit: rows of three sections (metric, eci, structure); columns a row does not use hold NaN, -1 or empty text.</summary>
public static class CeMetricsContract
{
    public const string Artifact = "ce_metrics";

    public const string Section = "section";
    public const string Name = "name";
    public const string Value = "value";
    public const string Fitted = "fitted";
    public const string Truth = "truth";
    public const string Orbit = "orbit";
    public const string Order = "order";
    public const string Multiplicity = "multiplicity";
    public const string Diameter = "diameter";
    public const string Sublattices = "sublattices";
    public const string Decoration = "decoration";

    public const string MetricSection = "metric";
    public const string EciSection = "eci";
    public const string StructureSection = "structure";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(Section, ColumnType.String, "", "metric, eci or structure"),
        new(Name, ColumnType.String, "", "metric name (unit in the name), correlation-function label, or calc_id"),
        new(Value, ColumnType.Float64, "per row: metric (unit in its name), eci (eV), structure (eV per formula unit)", "metric value; ECI (eV); or DFT energy (eV per formula unit)"),
        new(Fitted, ColumnType.Float64, "eV", "structure rows: CE energy per formula unit"),
        new(Truth, ColumnType.Float64, "eV", "truth ECI or truth energy per formula unit, NaN without truth"),
        new(Orbit, ColumnType.Int64, "", "eci rows: orbit index"),
        new(Order, ColumnType.Int64, "", "eci rows: sites per cluster"),
        new(Multiplicity, ColumnType.Int64, "", "eci rows: clusters per primitive cell"),
        new(Diameter, ColumnType.Float64, "a", "eci rows: largest site distance, units of the cubic edge a"),
        new(Sublattices, ColumnType.String, "", "eci rows: sublattice of each site (c = cation, a = anion)"),
        new(Decoration, ColumnType.String, "", "eci rows: site basis functions"),
    ]);
}
