using Pipeline.Contracts;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Turns a <see cref="CeModel"/> into eci.json and back (schema "ce-model/1", docs/CLUSTER_EXPANSION.md; the
/// file format itself is the contract <see cref="EciDocument"/>). The file holds what
/// is needed to rebuild the cluster space (orbit representatives in units of a/2 with their sublattices, cutoffs)
/// plus multiplicities and decorations, which are recomputed on load and must agree with the stored ones.</summary>
public static class CeModelFile
{
    public const string Schema = EciDocument.SchemaName;

    public const string BasisDescription =
        "trigonometric, orthonormal over each sublattice's species (van de Walle 2009): sigma = index in the " +
        "sublattice's species list; Theta_t(sigma) = -sqrt(2) cos(2 pi ceil(t/2) sigma / M) for odd t, " +
        "-sqrt(2) sin(2 pi ceil(t/2) sigma / M) for even t, -cos(pi sigma) for t = M-1 when M is even";

    public const string EnergyDescription =
        "E_total = N_cells * (j0 + sum over orbits and decorations of multiplicity * eci * <Phi>); N_cells = number " +
        "of cation sites (vacancies included); E per formula unit Li(2-x)VO2F = 3 * E_total / N_cells; <Phi> = average " +
        "over the orbit's clusters and the decoration class of prod_i Theta_{t_i}(sigma_i)";

    public static void Write(CeModel model, string path)
    {
        var space = model.Space;
        var orbits = new List<EciOrbitRecord>();
        for (int o = 0; o < space.Orbits.Count; o++)
        {
            var orbit = space.Orbits[o];
            var decorations = new List<EciDecoration>();
            for (int d = 0; d < orbit.Decorations.Count; d++)
            {
                var f = space.Functions.First(x => x.OrbitIndex == o && x.DecorationIndex == d);
                decorations.Add(new EciDecoration(orbit.Decorations[d].Functions, orbit.Decorations[d].Members.Length, model.Ecis[f.Index]));
            }
            orbits.Add(new EciOrbitRecord(o, orbit.Order,
                orbit.Representative.Select(p => new EciSite([p.X, p.Y, p.Z], Sublattices.Name(Sublattices.Of(p)))).ToArray(),
                orbit.Diameter, orbit.Multiplicity,
                new Dictionary<string, int>
                {
                    ["cation"] = orbit.ClustersPerSite(Sublattice.Cation),
                    ["anion"] = orbit.ClustersPerSite(Sublattice.Anion),
                },
                decorations.ToArray()));
        }
        var dto = new EciDocument(Schema, model.LatticeConstant, space.Cutoffs.ToArray(),
            new Dictionary<string, string>
            {
                ["positions"] = "a/2 (half the conventional cubic edge); cation sites have an even coordinate sum",
                ["cutoffs"] = "a (largest site distance per cluster size: pairs, triplets, quadruplets, ...)",
                ["diameter"] = "a",
                ["lattice_constant"] = "Angstrom",
                ["j0"] = "eV per primitive cell (one cation and one anion site)",
                ["eci"] = "eV per cluster",
            },
            SublatticeRecords(model.Chemistry),
            BasisDescription, EnergyDescription, model.J0, orbits.ToArray(),
            model.Fit is { } fit ? new EciFit(fit.Method, new(fit.Metrics), new(fit.Provenance)) : null);
        EciDocument.Write(dto, path);
    }

    /// <summary>[Vac, mobile ion, other cations...] and [host anion, ...]: the site-variable order of each sublattice.</summary>
    private static EciSublattice[] SublatticeRecords(Chemistry chemistry)
    {
        string? defaultSubstituent = chemistry.Anions.Count > 1 ? chemistry.Anions[1] : null;
        return
        [
            new EciSublattice("cation", chemistry.Symbols.Take(chemistry.FirstAnion).ToArray()),
            new EciSublattice("anion", chemistry.Anions.ToArray())
            {
                Substituent = chemistry.Substituent == defaultSubstituent ? null : chemistry.Substituent,
            },
        ];
    }

    /// <summary>The chemistry of the "sublattices" lists; files without them are Li-V-O-F (the only chemistry of
    /// earlier versions).</summary>
    private static Chemistry ReadChemistry(EciSublattice[]? sublattices, string path)
    {
        if (sublattices is null) return Chemistry.LiVOF;
        EciSublattice Find(string name)
            => sublattices.SingleOrDefault(s => s.Name == name)
               ?? throw new FormatException($"{path}: field 'sublattices' needs exactly one entry named '{name}'");
        var cation = Find("cation");
        var anion = Find("anion");
        if (cation.Species is not { Length: >= 3 } cations || cations[0] != "Vac")
            throw new FormatException($"{path}: sublattices 'cation' species must be [Vac, mobile ion, other cations...], " +
                                      $"found [{string.Join(", ", cation.Species ?? [])}]");
        if (anion.Species is not { Length: >= 1 } anions)
            throw new FormatException($"{path}: sublattices 'anion' species must list at least the host anion");
        try
        {
            return new Chemistry(cations[1], cations[2..], anions, anion.Substituent);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{path}: sublattices: {e.Message}", e);
        }
    }

    public static CeModel Read(string path)
    {
        var dto = EciDocument.Read(path);
        if (dto.Schema != Schema) throw new FormatException($"{path}: field 'schema' is '{dto.Schema}', expected '{Schema}'");
        var chemistry = ReadChemistry(dto.Sublattices, path);
        if (dto.Cutoffs is null) throw new FormatException($"{path}: field 'cutoffs' is missing");
        if (dto.Orbits is null) throw new FormatException($"{path}: field 'orbits' is missing");

        var representatives = new List<IReadOnlyList<Int3>>();
        for (int o = 0; o < dto.Orbits.Length; o++)
        {
            var sites = dto.Orbits[o].Sites ?? throw new FormatException($"{path}: orbits[{o}].sites is missing");
            var points = new List<Int3>();
            for (int s = 0; s < sites.Length; s++)
            {
                var p = sites[s].Position is { Length: 3 } v ? new Int3(v[0], v[1], v[2])
                    : throw new FormatException($"{path}: orbits[{o}].sites[{s}].position must hold 3 integers");
                var sublattice = Sublattices.Parse(sites[s].Sublattice ?? "", $"{path}: orbits[{o}].sites[{s}].sublattice");
                if (Sublattices.Of(p) != sublattice)
                    throw new FormatException($"{path}: orbits[{o}].sites[{s}]: {p} is not a {Sublattices.Name(sublattice)} site");
                points.Add(p);
            }
            representatives.Add(points);
        }
        ClusterSpace space;
        try
        {
            space = ClusterSpace.FromRepresentatives(dto.Cutoffs, representatives, chemistry);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }

        var ecis = new double[space.Functions.Count];
        for (int o = 0; o < space.Orbits.Count; o++)
        {
            var orbit = space.Orbits[o];
            var stored = dto.Orbits[o];
            if (stored.Multiplicity != orbit.Multiplicity)
                throw new FormatException($"{path}: orbits[{o}].multiplicity is {stored.Multiplicity}, the orbit has {orbit.Multiplicity}");
            var decorations = stored.Decorations ?? throw new FormatException($"{path}: orbits[{o}].decorations is missing");
            if (decorations.Length != orbit.Decorations.Count)
                throw new FormatException($"{path}: orbits[{o}] lists {decorations.Length} decorations, the orbit has {orbit.Decorations.Count}");
            for (int d = 0; d < decorations.Length; d++)
            {
                if (decorations[d].Functions is not { } functions || !functions.SequenceEqual(orbit.Decorations[d].Functions))
                    throw new FormatException($"{path}: orbits[{o}].decorations[{d}].functions should be [{orbit.Decorations[d].Label}]");
                var f = space.Functions.First(x => x.OrbitIndex == o && x.DecorationIndex == d);
                ecis[f.Index] = decorations[d].Eci;
            }
        }
        var fit = dto.Fit is { } fd
            ? new CeFitSummary(fd.Method ?? "", fd.Metrics ?? new(), fd.Provenance ?? new())
            : null;
        if (!(dto.LatticeConstant > 0)) throw new FormatException($"{path}: field 'lattice_constant' must be positive");
        return new CeModel(space, dto.LatticeConstant, dto.J0, ecis, fit);
    }
}
