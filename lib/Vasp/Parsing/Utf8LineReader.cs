using System.Buffers;
using System.Runtime.CompilerServices;

namespace Pipeline.Vasp.Parsing;

/// <summary>Reads a stream line by line as UTF-8/ASCII byte spans without decoding or allocating per line.
/// The span returned by <see cref="TryReadLine"/> is valid until the next call.
/// <para>Lines are capped (<see cref="DefaultMaxLineLength"/>, 1 MiB; VASP writes lines of at most a few hundred
/// bytes): a longer line throws <see cref="LineTooLongException"/> naming its line, so a file without line breaks
/// (e.g. a gzip bomb of zeros) costs at most about twice the cap in buffer memory per reader, instead of growing
/// the buffer to 2 GB and overflowing.</para></summary>
public sealed class Utf8LineReader : IDisposable
{
    private const int InitialBufferSize = 1 << 18;

    /// <summary>Longest line accepted by default, in bytes without the terminator (1 MiB).</summary>
    public const int DefaultMaxLineLength = 1 << 20;

    private readonly Stream _stream;
    private readonly int _maxLineLength;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public Utf8LineReader(Stream stream, int maxLineLength = DefaultMaxLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        _stream = stream;
        _maxLineLength = maxLineLength;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, maxLineLength + 2));
    }

    /// <summary>1-based number of the line last returned (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Total bytes consumed so far (for empty-file detection and progress).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Returns the next line without its terminator ('\n' or "\r\n"); false at end of stream.</summary>
    // Hot loops run once per process on cold code: compile them optimized at once instead of tier 0 first.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            int newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = TrimCarriageReturn(pending[..newline]);
                if (line.Length > _maxLineLength)
                    throw new LineTooLongException(LineNumber + 1, _maxLineLength);
                _start += newline + 1;
                LineNumber++;
                return true;
            }
            if (_eof)
            {
                if (pending.IsEmpty)
                {
                    line = default;
                    return false;
                }
                line = TrimCarriageReturn(pending);
                if (line.Length > _maxLineLength)
                    throw new LineTooLongException(LineNumber + 1, _maxLineLength);
                _start = _end;
                LineNumber++;
                return true;
            }
            // No terminator yet: a line longer than the cap (plus a possible '\r') is refused before reading more.
            if (pending.Length > _maxLineLength + 1)
                throw new LineTooLongException(LineNumber + 1, _maxLineLength);
            Fill();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill()
    {
        int pendingLength = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pendingLength);
            _start = 0;
            _end = pendingLength;
        }
        if (_end == _buffer.Length)
        {
            // A single line longer than the buffer: grow instead of failing.
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
        BytesRead += read;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> s)
        => s.Length > 0 && s[^1] == (byte)'\r' ? s[..^1] : s;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }
}

/// <summary>A line longer than the reader's cap; <see cref="Line"/> is its 1-based number.</summary>
public sealed class LineTooLongException : IOException
{
    public LineTooLongException(long line, int maxLength)
        : base($"line {line} is longer than {maxLength} bytes without a line break")
    {
        Line = line;
        MaxLength = maxLength;
    }

    public long Line { get; }
    public int MaxLength { get; }

    /// <summary>The problem as a parser names it (without the line, which the caller prefixes).</summary>
    public string Problem => $"a line longer than {MaxLength} bytes without a line break (not a text file VASP writes)";
}
