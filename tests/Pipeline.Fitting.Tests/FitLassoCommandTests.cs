using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.Contracts;
using Pipeline.Fitting.Tests.Support;

namespace Pipeline.Fitting.Tests;

/// <summary>`pipeline fit lasso` end to end with a stand-in for the engine's ad-hoc host that reads the CSV as text
/// columns (the least the engine may give), so the stage's own number parsing is exercised too.</summary>
public sealed class FitLassoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fit-lasso-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Refits_a_reference_table_to_the_scikit_learn_result()
    {
        // The reference z-scored the raw features first; --standardize does the same.
        var c = ReferenceCase.Load("case09");
        var csv = Path.Combine(_dir, "table.csv");
        File.Copy(Path.Combine(ReferenceCase.Directory, "case09.csv"), csv);
        var output = Path.Combine(_dir, "out", "model.json");

        var host = new CsvHost();
        var root = new RootCommand { new FittingModule().Commands(host).Single() };
        int code = root.Parse(["fit", "lasso", "--data", csv, "--target", "y", "--standardize", "--tol", "1e-10",
            "--max-iter", "1000000", "--out", output]).Invoke();

        Assert.Equal(0, code);
        Assert.Equal("lasso-table", host.StageType);
        var model = BarrierModel.Load(output);
        Assert.Equal(c.Features, model.Features);
        Assert.Equal(c.Alpha, model.Alpha, c.Alpha * 1e-10);
        for (int j = 0; j < c.CoefStandardized.Length; j++)
            Assert.Equal(c.CoefStandardized[j], model.CoefStandardized[j], 1e-7);
        Assert.Equal(c.Intercept, model.Intercept, 1e-7);
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void Unknown_feature_column_is_named()
    {
        var csv = Path.Combine(_dir, "t.csv");
        File.WriteAllText(csv, "a,y\n1,2\n2,3\n3,5\n4,4\n5,6\n6,8\n");
        var host = new CsvHost();
        var root = new RootCommand { new FittingModule().Commands(host).Single() };
        root.Parse(["fit", "lasso", "--data", csv, "--target", "y", "--features", "a,b", "--out", Path.Combine(_dir, "m.json")]).Invoke();
        Assert.Contains("no column 'b'", host.Error);
    }

    /// <summary>Runs the stage in a TestStageContext with the CSV as string columns; copies outputs like the engine.</summary>
    private sealed class CsvHost : IStageHost
    {
        public string StageType { get; private set; } = "";
        public string Error { get; private set; } = "";

        public int RunAdHoc(IStage stage, IReadOnlyDictionary<string, string> parameters,
            IReadOnlyDictionary<string, string> inputs, string outputDirectory)
        {
            StageType = stage.Type;
            var typed = new Dictionary<string, object>();
            foreach (var spec in stage.Params.Where(s => parameters.ContainsKey(s.Name)))
            {
                string v = parameters[spec.Name];
                typed[spec.Name] = spec.Type switch
                {
                    ParamType.Int => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture),
                    ParamType.Float => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture),
                    ParamType.Bool => bool.Parse(v),
                    _ => v,
                };
            }
            var lines = File.ReadAllLines(inputs["data"]);
            var header = lines[0].Split(',');
            var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
            var table = new Table(header.Select((h, c) => Column.Of(h, cells.Select(r => r[c]).ToArray())));
            using var ctx = new TestStageContext(stage, typed);
            ctx.WithTable("data", table);
            try
            {
                stage.Run(ctx);
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException)
            {
                Error = e.Message;
                return 1;
            }
            Directory.CreateDirectory(outputDirectory);
            foreach (var port in stage.Outputs.Where(o => o.Kind == PortKind.File))
                File.Copy(ctx.OutputFilePath(port.Name), Path.Combine(outputDirectory, port.FileName!));
            return 0;
        }
    }
}
