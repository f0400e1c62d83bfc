using Pipeline.Contracts;

namespace Pipeline.Contracts.Tests;

/// <summary>truth.yaml's one reader: what validate, ce-fit and the report take from it, and errors that name the file,
/// field and line.</summary>
public sealed class TruthDocumentTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"truth-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Linear_truths_ce_hops_and_faults_are_read()
    {
        File.WriteAllText(_path, """
            schema: synthetic-truth/1
            seed: 3
            noise: {energy_sigma_per_atom: 0.002}
            ce:
              point: {Li: -1.9, V: -9.0}
              pairs:
                - {shell: 1, sublattices: cation-cation, a: Li, b: V, energy: 0.075}
            kra_linear:
              intercept: 0.25
              coefficients: {gate_tm_up: 0.11, delta_e: 0}
              r2: 0.9
            forward_linear:
              intercept: 0.3
              coefficients:
                gate_tm_up: 0.1
            path_fractions: {up: 0.5, down: 0.3, straight: 0.2}
            faults:
              - {calc_id: neb/hop_0003, kind: truncated_outcar, file: neb/hop_0003/02/OUTCAR}
            hops:
              - {calc_id: neb/hop_0001, path: up, e_kra: 0.41, e_forward: 0.45}
            """);
        var t = TruthDocument.Load(_path);
        Assert.Equal("3", t.Seed);
        Assert.Equal(0.25, t.KraLinear!.Intercept);
        Assert.Equal(0.11, t.KraLinear.Coefficients["gate_tm_up"]);
        Assert.Equal(0.9, t.KraLinear.R2);
        Assert.True(double.IsNaN(t.KraLinear.Rmse));
        Assert.Equal(0.1, t.LinearFor("e_forward")!.Coefficients["gate_tm_up"]);
        Assert.Equal("-1.9", t.Ce!.Point["Li"]);
        Assert.Equal("0.075", t.Ce.Pairs[0]["energy"]);
        Assert.Equal(7, t.Ce.Pairs[0].Line);
        Assert.Equal("0.002", t.Noise["energy_sigma_per_atom"]);
        Assert.Equal("truncated_outcar", t.Faults.Single().Kind);
        Assert.Equal(0.45, t.Hops.Single().EForward);
        Assert.Equal("0.3", t.PathFractions["down"]);
    }

    [Theory]
    [InlineData("seed: 1\nkra_linear:\n  intercept: 0.3\n  coefficients:\n    gate_tm_up: lots\n", "kra_linear.coefficients.gate_tm_up", "line 5")]
    [InlineData("kra_linear:\n  intercept: abc\n  coefficients: {}\n", "kra_linear.intercept", "line 2")]
    [InlineData("kra_linear:\n  coefficients: {}\n", "'kra_linear' has no 'intercept'", "line 2")]
    [InlineData("schema: synthetic-truth/9\n", "synthetic-truth/9", "")]
    [InlineData("hops:\n  - {calc_id: a, e_kra: .inf}\n", "hops[0].e_kra", "line 2")]
    [InlineData("- 1\n", "top level must be a mapping", "")]
    public void A_bad_value_names_the_file_field_and_line(string yaml, string field, string line)
    {
        File.WriteAllText(_path, yaml);
        var e = Assert.Throws<InvalidDataException>(() => TruthDocument.Load(_path));
        Assert.Contains(_path, e.Message);
        Assert.Contains(field, e.Message);
        Assert.Contains(line, e.Message);
    }
}
