using System.Globalization;
using System.Text;
using Pipeline.RockSalt;
using Pipeline.Synthesis.Model;

namespace Pipeline.Synthesis.Stage;

/// <summary>Writes truth.yaml: the ground truth of a synthetic study in a fixed key order (datasets/README.md
/// documents every field). Hand-written so the bytes depend only on the values.</summary>
internal static class TruthYamlWriter
{
    public const int SchemaVersion = 1;

    public static void Write(string path, DatasetPlan plan, TruthProjection.Result projection)
        => File.WriteAllText(path, Render(plan, projection), new UTF8Encoding(false));

    public static string Render(DatasetPlan plan, TruthProjection.Result projection)
    {
        var s = plan.Settings;
        var chem = plan.Chemistry;
        var set = chem.Descriptors;
        var y = new StringBuilder();
        y.Append($"# Ground truth of a SYNTHETIC {chem.Title} NEB study written by the `synthesize` stage (not DFT data).\n");
        y.Append("# Energies in eV, lengths in Angstrom. See datasets/README.md for the meaning of each field.\n");
        y.Append($"schema: synthetic-truth/{SchemaVersion}\n");
        y.Append($"seed: {s.Seed}\n");
        // Li-V-O-F keeps the bytes it had before other chemistries existed: no chemistry keys (readers default to it).
        if (!chem.IsLiVOF) WriteChemistry(y, chem);
        y.Append("params:\n");
        if (!chem.IsLiVOF) y.Append($"  chemistry: {chem.Name}\n");
        y.Append($"  hops: {s.Hops}\n");
        y.Append($"  single_points: {s.SinglePoints}\n");
        y.Append($"  compositions: {List(s.Compositions)}\n");
        y.Append($"  supercell: [{string.Join(", ", s.Supercell)}]\n");
        y.Append($"  lattice_constant: {N(s.LatticeConstant)}\n");
        y.Append($"  lattice_slope: {N(s.LatticeSlope)}\n");
        y.Append($"  images: [{string.Join(", ", s.Images)}]\n");
        y.Append($"  fault_fraction: {N(s.FaultFraction)}\n");
        y.Append($"  gzip_fraction: {N(s.GzipFraction)}\n");
        y.Append($"  energy_noise_mev_per_atom: {N(s.EnergyNoiseMevPerAtom)}\n");
        y.Append($"  delta_e_noise: {N(s.DeltaENoise)}\n");
        y.Append($"  kra_noise: {N(s.KraNoise)}\n");
        y.Append($"  kra_noise_relative: {N(s.KraNoiseRelative)}\n");
        y.Append($"  ionic_steps: {s.IonicSteps}\n");
        y.Append($"  displacement_sigma: {N(s.DisplacementSigma)}\n");
        y.Append($"  truth_samples: {s.TruthSamples}\n");

        var t = plan.Topology;
        y.Append("supercell:\n");
        y.Append("  kind: fcc-primitive\n");
        y.Append($"  translations_half_a: [{Vec(t.T1)}, {Vec(t.T2)}, {Vec(t.T3)}]\n");
        y.Append($"  cation_sites: {t.CationCount}\n");
        y.Append($"  anion_sites: {t.AnionCount}\n");
        y.Append("compositions:\n");
        foreach (var c in plan.Compositions)
            y.Append($"  - {{x: {N(c.X)}, requested_x: {N(c.RequestedX)}, {Counts(c)}, atoms: {c.AtomCount}, lattice_constant: {N(c.LatticeConstant)}}}\n");

        y.Append("noise:\n");
        y.Append($"  energy_sigma_per_atom: {N(s.EnergyNoiseMevPerAtom * 1e-3)}\n");
        y.Append($"  delta_e_sigma: {N(s.DeltaENoise)}\n");
        y.Append($"  kra_sigma_base: {N(plan.Barriers.NoiseBase)}\n");
        y.Append($"  kra_sigma_relative: {N(plan.Barriers.NoiseRelative)}\n");
        y.Append($"  saddle_margin: {N(plan.Barriers.Margin)}\n");

        WriteCe(y, plan.Ce);
        WritePaths(y, plan.Barriers);
        WriteLinear(y, "kra_linear", projection.Kra, projection.Samples);
        WriteLinear(y, "forward_linear", projection.Forward, projection.Samples);
        y.Append($"path_fractions: {{up: {R(projection.PathFractions[HopPath.Up], 4)}, down: {R(projection.PathFractions[HopPath.Down], 4)}, straight: {R(projection.PathFractions[HopPath.Straight], 4)}}}\n");

        var faulty = plan.Hops.Where(h => h.Fault is not null).ToArray();
        y.Append(faulty.Length == 0 ? "faults: []\n" : "faults:\n");
        foreach (var h in faulty)
            y.Append($"  - {{calc_id: {h.CalcId}, kind: {FaultKindNames.Name(h.Fault!.Value)}, file: {FaultFile(h)}}}\n");

        y.Append($"descriptor_names: [{string.Join(", ", set.Names)}]\n");
        y.Append(plan.Hops.Count == 0 ? "hops: []\n" : "hops:\n");
        foreach (var h in plan.Hops)
        {
            var b = h.Barrier;
            double dE = h.FinalEnergy - h.InitialEnergy;
            var d = h.Hop.Descriptors;
            y.Append($"  - {{calc_id: {h.CalcId}, x: {N(h.Hop.Composition.X)}, images: {h.Images}, path: {HopPathNames.Label(b.Path)}, ");
            y.Append($"e_kra: {R(b.Kra, 8)}, e_forward: {R(b.Forward, 8)}, e_backward: {R(b.Forward - dE, 8)}, ");
            y.Append($"delta_e: {R(dE, 8)}, delta_e_ce: {R(h.Hop.DeltaE, 8)}, kra_noise_free: {R(b.KraNoiseFree, 8)}, ");
            y.Append($"e_initial: {R(h.InitialEnergy, 8)}, e_final: {R(h.FinalEnergy, 8)}, ");
            y.Append($"descriptors: [{string.Join(", ", d.Take(set.KraCount).Select(v => N(v)))}, {R(dE, 8)}], ");
            y.Append($"fault: {(h.Fault is { } f ? FaultKindNames.Name(f) : "none")}}}\n");
        }
        y.Append(plan.SinglePoints.Count == 0 ? "single_points: []\n" : "single_points:\n");
        foreach (var sp in plan.SinglePoints)
            y.Append($"  - {{calc_id: {sp.CalcId}, x: {N(sp.Composition.X)}, energy: {R(sp.Energy, 8)}, ce_energy: {R(sp.TruthEnergy, 8)}}}\n");
        return y.ToString();
    }

    /// <summary>Dataset-relative file or folder a fault concerns.</summary>
    public static string FaultFile(HopPlan h) => h.Fault switch
    {
        FaultKind.TruncatedOutcar => $"{h.CalcId}/{h.FaultImage:D2}/OUTCAR{(h.Gzip ? ".gz" : "")}",
        FaultKind.MissingImage => $"{h.CalcId}/{h.FaultImage:D2}",
        _ => $"{h.CalcId}/INCAR",
    };

    /// <summary>The chemistry block of a non-Li-V-O-F truth: param name, species by sublattice, formula, the
    /// descriptor set the barrier truth and the linear truths are keyed by.</summary>
    private static void WriteChemistry(StringBuilder y, SynthesisChemistry chem)
    {
        var c = chem.Chemistry;
        y.Append("chemistry:\n");
        y.Append($"  name: {chem.Name}\n");
        y.Append($"  species: {c}\n");
        y.Append($"  mobile_ion: {c.MobileIon}\n");
        y.Append($"  cations: [{string.Join(", ", c.OtherCations)}]\n");
        y.Append($"  anions: [{string.Join(", ", c.Anions)}]\n");
        y.Append($"  substituent: {c.Substituent}\n");
        y.Append("  formula: \"" + string.Concat(Enumerable.Range(1, c.CodeCount - 1).Select(k =>
            c.Symbol((byte)k) + N(chem.Formula.Amount((byte)k)))) + "\"\n");
        y.Append($"  descriptor_set: {chem.Descriptors.Name}\n");
    }

    /// <summary>"li: 45, v: 16, vacancies: 3, o: 32, f: 16": mobile ion and other cations, vacancies, anions.</summary>
    private static string Counts(Composition c)
    {
        var chem = c.Chemistry;
        var parts = new List<string>();
        for (byte k = Chemistry.Mobile; k < chem.FirstAnion; k++) parts.Add($"{chem.Symbol(k).ToLowerInvariant()}: {c.Count(k)}");
        parts.Add($"vacancies: {c.Vacancies}");
        for (byte k = chem.FirstAnion; k < chem.CodeCount; k++) parts.Add($"{chem.Symbol(k).ToLowerInvariant()}: {c.Count(k)}");
        return string.Join(", ", parts);
    }

    private static void WriteCe(StringBuilder y, TruthClusterExpansion ce)
    {
        var chem = ce.Chemistry;
        y.Append("ce:\n");
        y.Append("  form: \"E = sum_i point[s_i] + sum over pairs {i,j} of sites in a shell of energy(a = s_i, b = s_j); pairs with a vacancy add 0; eV per supercell\"\n");
        y.Append("  point: {");
        // Mobile ion and other cations, the vacancy, the anions: Li, V, Vac, O, F for Li-V-O-F.
        var order = Enumerable.Range(Chemistry.Mobile, chem.FirstAnion - Chemistry.Mobile).Append(Chemistry.Vacancy)
            .Concat(Enumerable.Range(chem.FirstAnion, chem.AnionSpeciesCount)).Select(k => (Species)k);
        y.Append(string.Join(", ", order.Select(sp => $"{chem.Symbol((byte)sp)}: {N(ce.Point[sp])}")));
        y.Append("}\n");
        y.Append("  pairs:\n");
        foreach (var p in ce.Pairs)
        {
            string sub = p.Sublattices switch
            {
                PairSublattices.CationCation => "cation-cation",
                PairSublattices.AnionAnion => "anion-anion",
                _ => "cation-anion",
            };
            y.Append($"    - {{shell: {p.Shell}, sublattices: {sub}, distance_a: {R(p.DistanceInA, 6)}, a: {chem.Symbol((byte)p.A)}, b: {chem.Symbol((byte)p.B)}, energy: {N(p.Energy)}}}\n");
        }
    }

    private static void WritePaths(StringBuilder y, TruthBarrierModel m)
    {
        y.Append("paths:\n");
        y.Append("  selection: \"lowest noise-free KRA of up, down, straight (exact ties at random); KRA noise sigma = kra_sigma_base + kra_sigma_relative * KRA\"\n");
        y.Append("  forward: \"max(KRA + delta_e / 2, max(delta_e, 0) + saddle_margin); e_kra = e_forward - delta_e / 2\"\n");
        foreach (var p in m.Paths)
        {
            y.Append($"  {HopPathNames.Label(p.Path)}:\n");
            y.Append($"    intercept: {N(p.Intercept)}\n");
            y.Append("    coefficients: {" + string.Join(", ", p.Coefficients.Select(c => $"{c.Name}: {N(c.Value)}")) + "}\n");
            if (p.TwoTmDescriptors.Count == 1)
                y.Append($"    two_tm_extra: {{descriptor: {p.TwoTmDescriptors[0]}, when: 2, energy: {N(p.TwoTmExtra)}}}\n");
            else if (p.TwoTmDescriptors.Count > 1) // the tetrahedron's TM count is the sum of its per-element gates
                y.Append($"    two_tm_extra: {{descriptors: [{string.Join(", ", p.TwoTmDescriptors)}], when: \"sum = 2\", energy: {N(p.TwoTmExtra)}}}\n");
        }
    }

    private static void WriteLinear(StringBuilder y, string key, LinearTruth l, int samples)
    {
        y.Append($"{key}:\n");
        y.Append($"  intercept: {R(l.Intercept, 6)}\n");
        y.Append("  coefficients: {" + string.Join(", ", l.Names.Select((n, i) => $"{n}: {R(l.Coefficients[i], 6)}")) + "}\n");
        y.Append($"  r2: {R(l.R2, 4)}\n");
        y.Append($"  rmse: {R(l.Rmse, 6)}\n");
        y.Append($"  samples: {samples}\n");
    }

    private static string Vec(Int3 v) => $"[{v.X}, {v.Y}, {v.Z}]";

    private static string List(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(N)) + "]";

    /// <summary>Shortest round-trip form of a model constant.</summary>
    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A computed value rounded to a fixed number of decimals.</summary>
    private static string R(double v, int decimals)
    {
        double r = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        return (r == 0 ? 0.0 : r).ToString("R", CultureInfo.InvariantCulture);
    }
}
