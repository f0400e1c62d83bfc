using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Pipeline.Vasp.Parsing;

/// <summary>Small helpers over ASCII byte spans: trimming, prefix tests and number parsing without allocation.</summary>
public static class AsciiText
{
    public static bool IsBlank(byte b) => b == (byte)' ' || b == (byte)'\t';

    // Called for every OUTCAR line and has a loop (so it is not inlined): skip the slow tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> s)
    {
        int i = 0;
        while (i < s.Length && IsBlank(s[i]))
            i++;
        return s[i..];
    }

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        s = TrimStart(s);
        int end = s.Length;
        while (end > 0 && (IsBlank(s[end - 1]) || s[end - 1] == (byte)'\r'))
            end--;
        return s[..end];
    }

    /// <summary>Parses a finite number. "NaN", "Infinity" and values that overflow a double (1e999) are refused:
    /// a diverged energy or force must reject its calculation, not flow into barriers and fits.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> token, out double value)
        => double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The first token after the last '=' of a line (empty when there is none), for error messages.</summary>
    public static ReadOnlySpan<byte> TokenAfterLastEquals(ReadOnlySpan<byte> line)
    {
        int eq = line.LastIndexOf((byte)'=');
        if (eq < 0)
            return default;
        var tokens = new NumberTokenizer(TrimStart(line[(eq + 1)..]));
        return tokens.MoveNext() ? tokens.Current : default;
    }

    public static bool TryParseInt(ReadOnlySpan<byte> token, out int value)
        => int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses the number that follows the last '=' on the line (e.g. "energy(sigma->0) =  -336.4").</summary>
    public static bool TryParseAfterLastEquals(ReadOnlySpan<byte> line, out double value)
    {
        int eq = line.LastIndexOf((byte)'=');
        value = double.NaN;
        if (eq < 0)
            return false;
        var rest = TrimStart(line[(eq + 1)..]);
        var tokens = new NumberTokenizer(rest);
        return tokens.MoveNext() && TryParseDouble(tokens.Current, out value);
    }

    public static string Decode(ReadOnlySpan<byte> s) => Encoding.UTF8.GetString(s);
}

/// <summary>Splits a line of Fortran-formatted numbers into tokens: on blanks, and also where a '-' directly
/// follows a digit (fixed-width fields such as "0.123-0.456" run together when a value is negative).</summary>
public ref struct NumberTokenizer
{
    private ReadOnlySpan<byte> _rest;

    public NumberTokenizer(ReadOnlySpan<byte> text)
    {
        _rest = text;
        Current = default;
    }

    public ReadOnlySpan<byte> Current { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        _rest = AsciiText.TrimStart(_rest);
        if (_rest.IsEmpty)
        {
            Current = default;
            return false;
        }
        int i = 1;
        while (i < _rest.Length)
        {
            byte b = _rest[i];
            if (AsciiText.IsBlank(b))
                break;
            if (b == (byte)'-' && IsDigitOrDot(_rest[i - 1]))
                break;
            i++;
        }
        Current = _rest[..i];
        _rest = _rest[i..];
        return true;
    }

    /// <summary>Reads the next token as a double; false when there is none or it is not a number.</summary>
    public bool TryNextDouble(out double value)
    {
        value = double.NaN;
        return MoveNext() && AsciiText.TryParseDouble(Current, out value);
    }

    private static bool IsDigitOrDot(byte b) => (b >= (byte)'0' && b <= (byte)'9') || b == (byte)'.';
}
