using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace Pipeline.Synthesis.VaspWriters;

/// <summary>Writes ASCII text the way Fortran formatted output does (right-aligned fixed-width Fw.d, Iw and Ew.d
/// fields, asterisks on overflow), '\n' line ends, straight into a byte buffer: no per-number allocation and no
/// culture (the dataset is hundreds of MB of numbers, so this is the hot path of the stage). Owns the file stream
/// (plain or gzip).</summary>
internal sealed class FortranWriter : IDisposable
{
    private static readonly double[] s_pow10 = Enumerable.Range(0, 19).Select(k => Math.Pow(10, k)).ToArray();
    private static readonly long[] s_pow10Long = Enumerable.Range(0, 19).Select(k => (long)Math.Pow(10, k)).ToArray();
    private readonly Stream _stream;
    // Pooled: a dataset is thousands of small files, a fresh 64 KB buffer each would dominate the allocations.
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _pos;

    private FortranWriter(Stream stream) => _stream = stream;

    /// <summary>Creates <paramref name="path"/> (or path + ".gz" when <paramref name="gzip"/>; fastest deflate level,
    /// no timestamp in the gzip header, so the bytes depend only on the content).</summary>
    public static FortranWriter Create(string path, bool gzip = false) => new(OpenFile(path, gzip));

    /// <summary>The byte stream <see cref="Create"/> writes to.</summary>
    public static Stream OpenFile(string path, bool gzip)
    {
        var file = new FileStream(gzip ? path + ".gz" : path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 12);
        return gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
    }

    /// <summary>Writes into a caller-owned stream (left open).</summary>
    public static FortranWriter ToStream(Stream stream) => new(new NonClosing(stream));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FortranWriter Text(string s)
    {
        if (s.Length > _buffer.Length - _pos) Flush();
        if (s.Length > _buffer.Length) throw new ArgumentException("text longer than the write buffer");
        _pos += Encoding.ASCII.GetBytes(s, _buffer.AsSpan(_pos));
        return this;
    }

    public FortranWriter Line(string s) => Text(s).Line();

    public FortranWriter Line()
    {
        Reserve(1)[0] = (byte)'\n';
        _pos++;
        return this;
    }

    public FortranWriter Spaces(int n)
    {
        Reserve(n)[..n].Fill((byte)' ');
        _pos += n;
        return this;
    }

    /// <summary>Fortran Fw.d (rounded half away from zero; "-" kept on values that round to zero, as VASP prints).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FortranWriter F(double value, int width, int decimals)
    {
        Span<byte> tmp = stackalloc byte[48];
        int n = FormatFixed(value, decimals, tmp);
        return Field(tmp[..n], width);
    }

    /// <summary>Fortran Iw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FortranWriter I(long value, int width)
    {
        Span<byte> tmp = stackalloc byte[24];
        int n = 0;
        if (value < 0) tmp[n++] = (byte)'-';
        n += WriteDigits(value < 0 ? 0UL - (ulong)value : (ulong)value, 0, tmp[n..]);
        return Field(tmp[..n], width);
    }

    /// <summary>Fortran Ew.d: sign, "0.", d mantissa digits, "E", sign and two exponent digits (0.1150565E+04).</summary>
    public FortranWriter E(double value, int width, int digits)
    {
        Span<char> chars = stackalloc char[48];
        int n = FormatE(value, digits, chars);
        Span<byte> tmp = stackalloc byte[48];
        for (int i = 0; i < n; i++) tmp[i] = (byte)chars[i];
        return Field(tmp[..n], width);
    }

    internal static int FormatE(double value, int digits, Span<char> buf)
    {
        int exponent = 0;
        double mantissa = Math.Abs(value);
        if (mantissa != 0)
        {
            exponent = (int)Math.Floor(Math.Log10(mantissa)) + 1;
            mantissa /= Math.Pow(10, exponent);
            double scale = Math.Pow(10, digits);
            if (Math.Round(mantissa * scale) >= scale) { mantissa /= 10; exponent++; }
            else if (mantissa < 0.1) { mantissa *= 10; exponent--; }
        }
        int n = 0;
        if (value < 0) buf[n++] = '-';
        mantissa.TryFormat(buf[n..], out int m, "F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        n += m;
        buf[n++] = 'E';
        buf[n++] = exponent < 0 ? '-' : '+';
        int e = Math.Abs(exponent);
        buf[n++] = (char)('0' + e / 10 % 10);
        buf[n++] = (char)('0' + e % 10);
        return n;
    }

    /// <summary>Fixed-point text of <paramref name="value"/> with <paramref name="decimals"/> digits after the point.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int FormatFixed(double value, int decimals, Span<byte> dst)
    {
        double scaled = Math.Abs(value) * s_pow10[decimals];
        if (!(scaled < 4e15))
        {
            // Beyond 2^52 the scaled product is no longer exact to the unit: the framework's (exact, slower)
            // formatter, e.g. for POSCAR's 16 decimals. Also NaN and infinities.
            value.TryFormat(dst, out int written, "F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return written;
        }
        ulong units = (ulong)Math.Round(scaled, MidpointRounding.AwayFromZero);
        int n = 0;
        if (value < 0 || (value == 0 && double.IsNegative(value))) dst[n++] = (byte)'-';
        ulong unit = (ulong)s_pow10Long[decimals];
        n += WriteDigits(units / unit, 0, dst[n..]);
        if (decimals > 0)
        {
            dst[n++] = (byte)'.';
            n += WriteDigits(units % unit, decimals, dst[n..]);
        }
        return n;
    }

    // Decimal digits of v, left-padded with zeros to at least minDigits.
    private static int WriteDigits(ulong v, int minDigits, Span<byte> dst)
    {
        Span<byte> rev = stackalloc byte[20];
        int k = 0;
        do
        {
            rev[k++] = (byte)('0' + (int)(v % 10));
            v /= 10;
        } while (v != 0);
        while (k < minDigits) rev[k++] = (byte)'0';
        for (int i = 0; i < k; i++) dst[i] = rev[k - 1 - i];
        return k;
    }

    private FortranWriter Field(ReadOnlySpan<byte> text, int width)
    {
        var span = Reserve(width);
        if (text.Length > width)
        {
            span[..width].Fill((byte)'*');
        }
        else
        {
            span[..(width - text.Length)].Fill((byte)' ');
            text.CopyTo(span[(width - text.Length)..]);
        }
        _pos += width;
        return this;
    }

    private Span<byte> Reserve(int n)
    {
        if (n > _buffer.Length - _pos) Flush();
        return _buffer.AsSpan(_pos);
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _pos);
        _pos = 0;
    }

    public void Dispose()
    {
        Flush();
        _stream.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    /// <summary>Lets <see cref="ToStream"/> flush into a stream the caller keeps using.</summary>
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
