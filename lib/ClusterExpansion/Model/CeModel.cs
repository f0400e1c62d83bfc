using Pipeline.RockSalt;
namespace Pipeline.ClusterExpansion;

/// <summary>A fitted cluster expansion: the cluster space, the lattice constant and the ECIs.
/// <para>Energy convention: E_total = N_cells (J0 + sum_f m_f J_f &lt;Phi_f&gt;), with N_cells the number of
/// primitive rock-salt cells (= cation sites, vacancies included), m_f the multiplicity (clusters per primitive
/// cell) of function f's orbit, J_f its ECI in eV per cluster and &lt;Phi_f&gt; its correlation. A formula unit
/// Li(2-x)VO2F has 3 cation sites, so E per formula unit = 3 E_total / N_cells; for every other chemistry the CE
/// keeps this unit (energies "per formula unit" are per 3 cation sites), so fits and metrics compare across
/// chemistries.</para></summary>
public sealed class CeModel
{
    public const int CationSitesPerFormulaUnit = 3;

    public CeModel(ClusterSpace space, double latticeConstant, double j0, IReadOnlyList<double> ecis,
        CeFitSummary? fit = null)
    {
        if (ecis.Count != space.Functions.Count)
            throw new ArgumentException($"{ecis.Count} ECIs for {space.Functions.Count} correlation functions");
        if (!(latticeConstant > 0)) throw new ArgumentOutOfRangeException(nameof(latticeConstant), latticeConstant, "must be positive");
        Space = space;
        LatticeConstant = latticeConstant;
        J0 = j0;
        Ecis = ecis.ToArray();
        Fit = fit;
    }

    public ClusterSpace Space { get; }

    /// <summary>Conventional cubic edge a in Angstrom.</summary>
    public double LatticeConstant { get; }

    /// <summary>Empty-cluster ECI in eV per primitive cell.</summary>
    public double J0 { get; }

    /// <summary>ECI per correlation function (<see cref="ClusterSpace.Functions"/> order), eV per cluster.</summary>
    public IReadOnlyList<double> Ecis { get; }

    /// <summary>The species the CE was fitted on (its cluster space's chemistry; eci.json "sublattices").</summary>
    public Chemistry Chemistry => Space.Chemistry;

    /// <summary>How the ECIs were obtained (null for hand-made models).</summary>
    public CeFitSummary? Fit { get; }

    /// <summary>Energy per primitive cell (eV) from a correlation vector.</summary>
    public double EnergyPerCell(ReadOnlySpan<double> correlations)
    {
        if (correlations.Length != Ecis.Count)
            throw new ArgumentException($"{correlations.Length} correlations for {Ecis.Count} functions");
        double e = J0;
        for (int f = 0; f < correlations.Length; f++)
            e += Space.Orbits[Space.Functions[f].OrbitIndex].Multiplicity * Ecis[f] * correlations[f];
        return e;
    }

    /// <summary>Energy per formula unit Li(2-x)VO2F (eV) from a correlation vector.</summary>
    public double EnergyPerFormulaUnit(ReadOnlySpan<double> correlations)
        => CationSitesPerFormulaUnit * EnergyPerCell(correlations);

    public static CeModel Load(string path) => CeModelFile.Read(path);

    public void Save(string path) => CeModelFile.Write(this, path);
}

/// <summary>Fit settings and scores stored with a model (eci.json "fit").</summary>
/// <param name="Method">"lasso" or "ridge".</param>
/// <param name="Metrics">Named numbers (alpha, cv_rmse_mev_per_site, ...).</param>
/// <param name="Provenance">Training-data hash, tool version, creation time and similar strings.</param>
public sealed record CeFitSummary(string Method, IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Provenance);
