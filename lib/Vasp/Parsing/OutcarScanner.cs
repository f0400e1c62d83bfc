using System.Runtime.CompilerServices;
using System.Text;

namespace Pipeline.Vasp.Parsing;

/// <summary>The line-by-line state machine behind <see cref="OutcarParser"/>. Lines inside a lattice or
/// POSITION block are handled by the block; every other line is classified by its first non-blank byte.</summary>
internal sealed class OutcarScanner
{
    private readonly string _file;
    private readonly List<string> _vrhfin = new();
    private readonly List<string> _titel = new();
    private readonly List<OutcarIonicStep> _steps = new();

    private int[]? _ionsPerType;
    private int _nions;
    private int _nelm;
    private int _nsw = -1;
    private int? _ibrion;

    private double[]? _lattice;
    private double[] _latticeRows = new double[9];
    private int _latticeRowsLeft;

    private PositionBlock _positionBlock;
    private readonly List<double> _positionRows = new();
    private readonly List<double> _forceRows = new();
    private double[]? _pendingPositions;
    private double[]? _pendingForces;
    private double[]? _pendingLattice;

    // VASP <= 5.2 prints a step's energy block before its POSITION/TOTAL-FORCE block; newer versions after it.
    // Decided by whichever comes first in the file; in energy-first files a POSITION block completes the step
    // its energy block opened, so every step carries its own forces whatever the order.
    private bool _sawPositionBlock;
    private bool _energyFirst;

    private int _iterations;
    private bool _ediffReached;
    private bool _inEnergyBlock;
    private double _pendingToten = double.NaN;

    private double _tangentForce = double.NaN;
    private bool? _climbing;
    private bool _sawTimingHeader;
    private bool _finished;

    private enum PositionBlock { None, ExpectOpeningRule, Rows }

    public OutcarScanner(string file) => _file = file;

    // Called once per OUTCAR line (millions per ingest): compiled optimized at once rather than tiered up mid-run.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Consume(ReadOnlySpan<byte> raw, long line)
    {
        if (_latticeRowsLeft > 0)
        {
            ReadLatticeRow(raw, line);
            return;
        }
        if (_positionBlock != PositionBlock.None)
        {
            ReadPositionLine(raw, line);
            return;
        }
        var s = AsciiText.TrimStart(raw);
        if (s.IsEmpty)
            return;
        switch (s[0])
        {
            case (byte)'-':
                if (s.Length > 1 && s[1] == (byte)'-')
                    ReadRule(s);
                break;
            case (byte)'P':
                if (s.StartsWith("POSITION"u8) && s.IndexOf("TOTAL-FORCE"u8) > 0)
                    StartPositionBlock();
                break;
            case (byte)'F':
                if (s.StartsWith("FREE ENERGIE OF THE ION-ELECTRON SYSTEM"u8))
                    _inEnergyBlock = true;
                break;
            case (byte)'f':
                // Inside the FREE ENERGIE block only; spacing differs between VASP versions.
                if (_inEnergyBlock && s.StartsWith("free"u8) && s.IndexOf("TOTEN"u8) > 0)
                    _pendingToten = ParseAfterEquals(s, line, "TOTEN");
                break;
            case (byte)'e':
                if (_inEnergyBlock && s.StartsWith("energy"u8) && s.IndexOf("energy(sigma->0)"u8) >= 0)
                    CloseStep(ParseAfterEquals(s, line, "energy(sigma->0)"), line);
                break;
            case (byte)'d':
                if (s.StartsWith("direct lattice vectors"u8))
                    _latticeRowsLeft = 3;
                break;
            case (byte)'N':
                ReadNLine(s, line);
                break;
            case (byte)'n':
                if (s.StartsWith("number of dos"u8) && s.IndexOf("NIONS"u8) > 0)
                    _nions = (int)ParseAfterEquals(s, line, "NIONS");
                break;
            case (byte)'i':
                if (s.StartsWith("ions per type"u8))
                    _ionsPerType = ParseIntsAfterEquals(s, line, "ions per type");
                break;
            case (byte)'V':
                if (s.StartsWith("VRHFIN"u8))
                    _vrhfin.Add(SymbolAfterEquals(s, line, "VRHFIN"));
                break;
            case (byte)'T':
                if (s.StartsWith("TITEL"u8))
                    _titel.Add(SymbolOfTitel(s, line));
                else if (_sawTimingHeader && s.StartsWith("Total CPU time used"u8))
                    _finished = true;
                break;
            case (byte)'I':
                if (s.StartsWith("IBRION"u8))
                    _ibrion = IntAfterEquals(s) ?? _ibrion;
                break;
            case (byte)'G':
                if (s.StartsWith("General timing and accounting"u8))
                    _sawTimingHeader = true;
                break;
        }
    }

    public Outcar Finish(long lineCount, bool empty)
    {
        int types = _ionsPerType?.Length ?? -1;
        var symbols = OnePerType(_vrhfin, types) ?? OnePerType(_titel, types);
        int ionCount = _nions > 0 ? _nions : _ionsPerType?.Sum() ?? 0;
        return new Outcar
        {
            File = _file,
            TypeSymbols = symbols,
            IonsPerType = _ionsPerType,
            IonCount = ionCount,
            Nelm = _nelm,
            Nsw = _nsw,
            Ibrion = _ibrion,
            Steps = _steps,
            Lattice = _lattice,
            TangentForce = _tangentForce,
            NebClimbing = _climbing,
            Finished = _finished,
            IsEmpty = empty,
            LineCount = lineCount,
        };
    }

    // Header lines printed once per POTCAR; a header repeated whole (some builds echo the POTCARs twice) still
    // gives one symbol per type. Null when the lines do not fit the type count.
    private static string[]? OnePerType(List<string> symbols, int types)
    {
        if (symbols.Count == 0)
            return null;
        if (types < 0 || symbols.Count == types)
            return symbols.ToArray();
        if (symbols.Count % types != 0)
            return null;
        for (int i = types; i < symbols.Count; i++)
        {
            if (symbols[i] != symbols[i % types])
                return null;
        }
        return symbols.Take(types).ToArray();
    }

    // "------ Iteration 2( 3) ------" and "------ aborting loop because EDIFF is reached ------".
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadRule(ReadOnlySpan<byte> s)
    {
        int i = 0;
        while (i < s.Length && s[i] == (byte)'-')
            i++;
        var text = AsciiText.TrimStart(s[i..]);
        if (text.StartsWith("Iteration"u8))
            _iterations++;
        else if (text.StartsWith("aborting loop"u8))
            _ediffReached = text.StartsWith("aborting loop because EDIFF is reached"u8);
    }

    private void ReadNLine(ReadOnlySpan<byte> s, long line)
    {
        if (s.StartsWith("NEB:"u8))
        {
            var rest = AsciiText.TrimStart(s[4..]);
            if (rest.StartsWith("projections on to tangent"u8))
                _tangentForce = ParseSecondNumberAfterParen(s, line);
            else if (rest.StartsWith("LCLIMB"u8))
            {
                var flag = AsciiText.Trim(rest[6..]);
                _climbing = flag.Length > 0 && (flag[0] == (byte)'T' || flag[0] == (byte)'t');
            }
        }
        else if (s.StartsWith("NSW"u8) && s.Length > 3 && (AsciiText.IsBlank(s[3]) || s[3] == (byte)'='))
            _nsw = IntAfterEquals(s) ?? _nsw;
        else if (s.StartsWith("NELM"u8) && s.Length > 4 && (AsciiText.IsBlank(s[4]) || s[4] == (byte)'='))
        {
            int eq = s.IndexOf((byte)'=');
            int semi = s.IndexOf((byte)';');
            if (eq > 0 && semi > eq && AsciiText.TryParseInt(AsciiText.Trim(s[(eq + 1)..semi]), out int nelm))
                _nelm = nelm;
        }
    }

    // "NSW    =      0    number of steps for IOM", "IBRION =     -1    ionic relax: ..."
    private static int? IntAfterEquals(ReadOnlySpan<byte> s)
    {
        int eq = s.IndexOf((byte)'=');
        if (eq < 0)
            return null;
        var tokens = new NumberTokenizer(s[(eq + 1)..]);
        return tokens.MoveNext() && AsciiText.TryParseInt(tokens.Current.TrimEnd(";"u8), out int v) ? v : null;
    }

    private void ReadLatticeRow(ReadOnlySpan<byte> raw, long line)
    {
        int row = 3 - _latticeRowsLeft;
        var tokens = new NumberTokenizer(raw);
        for (int k = 0; k < 3; k++)
        {
            if (!tokens.TryNextDouble(out _latticeRows[3 * row + k]))
                throw Error(line, NonFinite(tokens.Current, "direct lattice vectors") ?? "direct lattice vectors: expected three numbers");
        }
        _latticeRowsLeft--;
        if (_latticeRowsLeft == 0)
        {
            _lattice = _latticeRows;
            _latticeRows = new double[9];
        }
    }

    private void StartPositionBlock()
    {
        _positionBlock = PositionBlock.ExpectOpeningRule;
        _positionRows.Clear();
        _forceRows.Clear();
    }

    private void ReadPositionLine(ReadOnlySpan<byte> raw, long line)
    {
        var s = AsciiText.TrimStart(raw);
        bool isRule = s.Length > 1 && s[0] == (byte)'-' && s[1] == (byte)'-';
        if (_positionBlock == PositionBlock.ExpectOpeningRule)
        {
            if (!isRule)
                throw Error(line, "POSITION/TOTAL-FORCE block: expected a '-----' line after the header");
            _positionBlock = PositionBlock.Rows;
            return;
        }
        if (isRule)
        {
            int rows = _positionRows.Count / 3;
            if (_nions > 0 && rows != _nions)
                throw Error(line, $"POSITION/TOTAL-FORCE block has {rows} rows, NIONS = {_nions}");
            _positionBlock = PositionBlock.None;
            _sawPositionBlock = true;
            if (_energyFirst && _steps.Count > 0 && _steps[^1].Positions.Length == 0)
            {
                _steps[^1] = _steps[^1].WithGeometry(_lattice ?? _steps[^1].Lattice, _positionRows.ToArray(), _forceRows.ToArray());
                return;
            }
            _pendingPositions = _positionRows.ToArray();
            _pendingForces = _forceRows.ToArray();
            _pendingLattice = _lattice;
            return;
        }
        var tokens = new NumberTokenizer(s);
        for (int k = 0; k < 6; k++)
        {
            if (!tokens.TryNextDouble(out double v))
                throw Error(line, NonFinite(tokens.Current, "POSITION/TOTAL-FORCE row") ?? "POSITION/TOTAL-FORCE row: expected six numbers");
            (k < 3 ? _positionRows : _forceRows).Add(v);
        }
    }

    private void CloseStep(double energySigma0, long line)
    {
        if (_steps.Count == 0 && !_sawPositionBlock)
            _energyFirst = true;
        _steps.Add(new OutcarIonicStep
        {
            Lattice = _pendingLattice ?? _lattice ?? [],
            Positions = _pendingPositions ?? [],
            Forces = _pendingForces ?? [],
            EnergySigma0 = energySigma0,
            Toten = _pendingToten,
            ElectronicConverged = _ediffReached,
            ElectronicSteps = _iterations,
            EnergyLine = line,
        });
        _pendingPositions = null;
        _pendingForces = null;
        _pendingLattice = null;
        _pendingToten = double.NaN;
        _iterations = 0;
        _ediffReached = false;
        _inEnergyBlock = false;
    }

    private double ParseAfterEquals(ReadOnlySpan<byte> s, long line, string what)
        => AsciiText.TryParseAfterLastEquals(s, out double v)
            ? v
            : throw Error(line, NonFinite(AsciiText.TokenAfterLastEquals(s), what) ?? $"{what}: no number after '='");

    // A token that is a number but not a finite one (NaN, Infinity, 1e999) gets its own message; anything else keeps
    // the message it always had (the rejected table of a dataset must not change when nothing new is rejected).
    private static string? NonFinite(ReadOnlySpan<byte> token, string what)
        => !token.IsEmpty && double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) && !double.IsFinite(v)
            ? $"{what}: '{AsciiText.Decode(token)}' is not a finite number"
            : null;

    private double ParseSecondNumberAfterParen(ReadOnlySpan<byte> s, long line)
    {
        int paren = s.LastIndexOf((byte)')');
        var tokens = new NumberTokenizer(s[(paren + 1)..]);
        if (tokens.TryNextDouble(out _) && tokens.TryNextDouble(out double real))
            return real;
        throw Error(line, NonFinite(tokens.Current, "NEB: projections on to tangent") ?? "NEB: projections on to tangent: expected two numbers (spring, REAL)");
    }

    private int[] ParseIntsAfterEquals(ReadOnlySpan<byte> s, long line, string what)
    {
        int eq = s.IndexOf((byte)'=');
        var tokens = new NumberTokenizer(s[(eq + 1)..]);
        var values = new List<int>();
        while (tokens.MoveNext())
        {
            if (!AsciiText.TryParseInt(tokens.Current, out int v) || v < 0)
                throw Error(line, $"{what}: '{AsciiText.Decode(tokens.Current)}' is not a count");
            values.Add(v);
        }
        return values.Count > 0 ? values.ToArray() : throw Error(line, $"{what}: no counts");
    }

    // "VRHFIN =Li: s1p0" -> "Li"
    private string SymbolAfterEquals(ReadOnlySpan<byte> s, long line, string what)
    {
        int eq = s.IndexOf((byte)'=');
        var label = eq < 0 ? default : AsciiText.TrimStart(s[(eq + 1)..]);
        return Elements.SymbolOfLabel(Encoding.ASCII.GetString(label))
            ?? throw Error(line, $"{what}: no element symbol in '{AsciiText.Decode(s)}'");
    }

    // "TITEL  = PAW_PBE Li_sv 10Sep2004" -> "Li"
    private string SymbolOfTitel(ReadOnlySpan<byte> s, long line)
    {
        int eq = s.IndexOf((byte)'=');
        var words = Encoding.ASCII.GetString(eq < 0 ? default : s[(eq + 1)..])
            .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var symbol = words.Length >= 2 ? Elements.SymbolOfLabel(words[1]) : null;
        return symbol ?? throw Error(line, $"TITEL: no element symbol in '{AsciiText.Decode(s)}'");
    }

    private VaspFormatException Error(long line, string problem) => new(_file, line, problem);
}
