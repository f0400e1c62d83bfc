namespace Pipeline.Featurize.Hops;

/// <summary>Everything featurize derives from one hop: the descriptors in the order of their
/// <see cref="Pipeline.RockSalt.DescriptorSet.Names"/>, the path label and its coordinate h (DOMAIN.md section 3), composition, lattice constant and the extra
/// geometric columns of <see cref="RelaxedHopGeometry"/>.</summary>
public sealed record HopFeatures(
    string CalcId,
    double[] Descriptors,
    string PathLabel,
    double H,
    double X,
    double LatticeA,
    RelaxedHopGeometry Geometry,
    double MappingMaxDeviation);
