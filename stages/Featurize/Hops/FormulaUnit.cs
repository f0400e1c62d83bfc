using Pipeline.RockSalt;

namespace Pipeline.Featurize.Hops;

/// <summary>How featurize turns a cell's counts into x, the mobile ions removed per formula unit. With a formula
/// (param <c>formula</c>, e.g. Li1.2Mn0.4Ti0.4O1.8F0.2): x = n_mobile(full) - sites_per_fu * n_mobile / N, N the
/// cation (= anion) sites of the cell; for Li2VO2F (3 sites, 2 Li) x = 2 - 3 n_Li / N, Li(2-x)VO2F as always and the
/// default for Li-V-O-F. Without a formula for another chemistry, the formula unit is taken as LiMO2-type (2 sites,
/// no vacancy when full) and x = 2 n_vacancy / N.</summary>
public sealed class FormulaUnit
{
    private readonly double _mobileFull, _sites;
    private readonly bool _fromVacancies;

    private FormulaUnit(double mobileFull, double sites, bool fromVacancies)
    {
        _mobileFull = mobileFull;
        _sites = sites;
        _fromVacancies = fromVacancies;
    }

    /// <summary>Li2VO2F: x = 2 - 3 n_Li / N (the bundled study's x, bit for bit).</summary>
    public static FormulaUnit LiVOF { get; } = Of(RockSaltFormula.LiVOF);

    public static FormulaUnit Of(RockSaltFormula formula)
        => new(formula.Amount(Chemistry.Mobile), formula.SitesPerFormulaUnit, fromVacancies: false);

    /// <summary>No formula given: x = vacancies per 2 cation sites (LiMO2-type formula unit).</summary>
    public static FormulaUnit TwoSites { get; } = new(0, 2, fromVacancies: true);

    /// <summary>The formula unit featurize uses: the param <c>formula</c> when given, Li2VO2F for Li-V-O-F, otherwise
    /// <see cref="TwoSites"/>.</summary>
    public static FormulaUnit For(Chemistry chemistry, string formula)
    {
        if (formula.Length > 0)
        {
            try
            {
                return Of(RockSaltFormula.Parse(formula, chemistry));
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"featurize param {e.Message}", e);
            }
        }
        return chemistry.Equals(Chemistry.LiVOF) ? LiVOF : TwoSites;
    }

    /// <summary>x of a cell with <paramref name="mobile"/> mobile ions on <paramref name="sites"/> cation sites
    /// (vacancies = the cation sites holding neither the mobile ion nor another cation).</summary>
    public double X(int mobile, int vacancies, int sites)
        => _fromVacancies ? _sites * vacancies / sites : _mobileFull - _sites * mobile / sites;
}
