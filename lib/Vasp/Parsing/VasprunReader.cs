using System.Globalization;
using System.Xml;
using Pipeline.Vasp.Structure;

namespace Pipeline.Vasp.Parsing;

/// <summary>What the ingest needs from a vasprun.xml: the final structure and the last ionic step's energies,
/// forces and electronic convergence.</summary>
public sealed class Vasprun
{
    public required string File { get; init; }
    public required Crystal FinalStructure { get; init; }

    /// <summary>energy(sigma->0) of the last ionic step (eV), with pymatgen's correction for the vasprun.xml bug of
    /// VASP 5.4 (the ionic-level e_0_energy is stale): e_fr_energy + (e_0_energy - e_fr_energy) of its last
    /// electronic step.</summary>
    public required double EnergySigma0 { get; init; }

    /// <summary>e_fr_energy (free energy TOTEN) of the last ionic step (eV).</summary>
    public required double Toten { get; init; }

    /// <summary>Forces of the last ionic step (eV/Angstrom, flattened); empty when not printed.</summary>
    public required double[] Forces { get; init; }

    /// <summary>Electronic steps of the last ionic step, and NELM from the parameters (0 when absent).</summary>
    public required int ElectronicSteps { get; init; }
    public required int Nelm { get; init; }

    /// <summary>Whether the closing &lt;/modeling&gt; tag was reached (VASP finished writing the file).</summary>
    public required bool Finished { get; init; }

    public int IonicSteps { get; init; }

    public double MaxForce()
    {
        if (Forces.Length == 0)
            return double.NaN;
        double max = 0;
        for (int i = 0; i < Forces.Length; i += 3)
            max = Math.Max(max, Forces[i] * Forces[i] + Forces[i + 1] * Forces[i + 1] + Forces[i + 2] * Forces[i + 2]);
        return Math.Sqrt(max);
    }
}

/// <summary>Streaming vasprun.xml reader (XmlReader, one pass, no DOM): atom symbols from &lt;atominfo&gt;, NELM from
/// &lt;parameters&gt;, per &lt;calculation&gt; its energies, forces and electronic steps, and the &lt;structure
/// name="finalpos"&gt;. Numbers must be finite; errors name the file and line.</summary>
public static class VasprunReader
{
    public static Vasprun Read(string path, string displayName)
    {
        using var stream = CompressedFile.OpenRead(path);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true };
        using var xml = XmlReader.Create(stream, settings);
        var state = new State(displayName, xml);
        try
        {
            state.Run();
        }
        catch (XmlException e)
        {
            // A truncated file ends inside an element: report it as unfinished, like a truncated OUTCAR.
            if (state.Calculations == 0 || state.Final is null)
                throw new VaspFormatException(displayName, e.LineNumber, $"not a readable vasprun.xml ({e.Message})");
            state.Truncated = true;
        }
        catch (InvalidDataException e)
        {
            throw new VaspFormatException(displayName, 0, $"corrupt compressed data ({e.Message})");
        }
        return state.Result();
    }

    private sealed class State(string file, XmlReader xml)
    {
        private readonly List<string> _atoms = new();
        private double _eFr = double.NaN, _e0Ionic = double.NaN, _lastScE0 = double.NaN, _lastScEFr = double.NaN;
        private double[] _forces = [];
        private int _scSteps, _nelm;
        private bool _finished;

        public int Calculations { get; private set; }
        public (double[] Lattice, double[] Frac)? Final { get; private set; }
        public bool Truncated { get; set; }

        private long Line => xml is IXmlLineInfo info ? info.LineNumber : 0;

        public void Run()
        {
            int depthOfCalculation = -1;
            xml.Read();
            while (!xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Name == "modeling")
                    _finished = true;
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                    continue;
                }
                // ReadElementContentAsString already moves past the element: do not Read() again after it.
                if (xml.Name == "i" && xml.GetAttribute("name") == "NELM" && depthOfCalculation < 0)
                {
                    _nelm = (int)ReadNumber(xml.ReadElementContentAsString(), "NELM");
                    continue;
                }
                switch (xml.Name)
                {
                    case "atominfo":
                        using (var sub = xml.ReadSubtree())
                            ReadAtoms(sub);
                        break;
                    case "calculation":
                        depthOfCalculation = xml.Depth;
                        Calculations++;
                        _scSteps = 0;
                        _forces = [];
                        break;
                    case "scstep":
                        _scSteps++;
                        using (var sub = xml.ReadSubtree())
                            ReadNamedValues(sub, ref _lastScEFr, ref _lastScE0);
                        break;
                    case "energy" when xml.Depth == depthOfCalculation + 1:
                        using (var sub = xml.ReadSubtree())
                            ReadNamedValues(sub, ref _eFr, ref _e0Ionic);
                        break;
                    case "varray" when xml.GetAttribute("name") == "forces" && xml.Depth == depthOfCalculation + 1:
                        using (var sub = xml.ReadSubtree())
                            _forces = ReadVectors(sub, "forces");
                        break;
                    case "structure" when xml.GetAttribute("name") == "finalpos":
                        using (var sub = xml.ReadSubtree())
                            Final = ReadStructure(sub);
                        break;
                }
                xml.Read();
            }
        }

        /// <summary>Visits the elements of a subtree; <paramref name="visit"/> returns true when it consumed the
        /// element (ReadElementContentAs... moves past it), so the walk does not skip the next sibling.</summary>
        private static void Walk(XmlReader sub, Func<XmlReader, bool> visit)
        {
            sub.Read();
            while (!sub.EOF)
            {
                if (sub.NodeType == XmlNodeType.Element && visit(sub))
                    continue;
                sub.Read();
            }
        }

        public Vasprun Result()
        {
            if (Calculations == 0 || double.IsNaN(_eFr))
                throw new VaspFormatException(file, Line, "no ionic step with energies (<calculation><energy>)");
            if (Final is not { } final)
                throw new VaspFormatException(file, Line, "no final structure (<structure name=\"finalpos\">)");
            if (_atoms.Count * 3 != final.Frac.Length)
                throw new VaspFormatException(file, 0, $"<atominfo> lists {_atoms.Count} atoms, the final structure has {final.Frac.Length / 3}");
            double e0 = double.IsNaN(_lastScE0) || double.IsNaN(_lastScEFr) ? _e0Ionic : _eFr + (_lastScE0 - _lastScEFr);
            if (!double.IsFinite(e0))
                throw new VaspFormatException(file, 0, "the last ionic step has no finite e_0_energy");
            return new Vasprun
            {
                File = file,
                FinalStructure = new Crystal(final.Lattice, _atoms.ToArray(), final.Frac),
                EnergySigma0 = Math.Round(e0, 8),
                Toten = _eFr,
                Forces = _forces,
                ElectronicSteps = _scSteps,
                Nelm = _nelm,
                Finished = _finished && !Truncated,
                IonicSteps = Calculations,
            };
        }

        // <array name="atoms"><set><rc><c>Fe</c><c>1</c></rc>...: the first <c> of each row is the element.
        private void ReadAtoms(XmlReader sub)
        {
            bool inAtoms = false;
            Walk(sub, r =>
            {
                if (r.Name == "array")
                    inAtoms = r.GetAttribute("name") == "atoms";
                else if (inAtoms && r.Name == "rc")
                {
                    r.Read();
                    var label = r.ReadElementContentAsString().Trim();
                    _atoms.Add(Elements.SymbolOfLabel(label) ?? throw new VaspFormatException(file, Line, $"<atominfo>: '{label}' is not an element"));
                    return true;
                }
                return false;
            });
        }

        // <energy><i name="e_fr_energy">..</i><i name="e_wo_entrp">..</i><i name="e_0_energy">..</i></energy>
        private void ReadNamedValues(XmlReader sub, ref double eFr, ref double e0)
        {
            double fr = eFr, zero = e0;
            Walk(sub, r =>
            {
                if (r.Name != "i")
                    return false;
                var name = r.GetAttribute("name");
                if (name == "e_fr_energy")
                    fr = ReadNumber(r.ReadElementContentAsString(), name);
                else if (name == "e_0_energy")
                    zero = ReadNumber(r.ReadElementContentAsString(), name);
                else
                    return false;
                return true;
            });
            eFr = fr;
            e0 = zero;
        }

        private (double[] Lattice, double[] Frac) ReadStructure(XmlReader sub)
        {
            double[]? lattice = null, frac = null;
            Walk(sub, r =>
            {
                if (r.Name != "varray")
                    return false;
                var name = r.GetAttribute("name");
                if (name is "basis" or "positions")
                {
                    using var vectors = r.ReadSubtree();
                    if (name == "basis")
                        lattice = ReadVectors(vectors, "basis");
                    else
                        frac = ReadVectors(vectors, "positions");
                }
                return false;
            });
            if (lattice is not { Length: 9 } || frac is null)
                throw new VaspFormatException(file, Line, "final structure: expected a 3-vector basis and positions");
            return (lattice, frac);
        }

        private double[] ReadVectors(XmlReader sub, string what)
        {
            var values = new List<double>();
            Walk(sub, r =>
            {
                if (r.Name != "v")
                    return false;
                long line = Line;
                var words = r.ReadElementContentAsString().Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
                if (words.Length != 3)
                    throw new VaspFormatException(file, line, $"{what}: expected three numbers per <v>");
                foreach (var w in words)
                    values.Add(ReadNumber(w, what, line));
                return true;
            });
            return values.ToArray();
        }

        private double ReadNumber(string text, string what, long line = -1)
            => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                ? v
                : throw new VaspFormatException(file, line >= 0 ? line : Line, $"{what}: '{text.Trim()}' is not a finite number");
    }
}
