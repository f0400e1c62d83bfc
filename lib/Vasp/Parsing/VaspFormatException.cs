namespace Pipeline.Vasp.Parsing;

/// <summary>A raw input file that cannot be read as what it claims to be. Always names the file and, where it
/// applies, the 1-based line (0 when the problem is not tied to one line).</summary>
public sealed class VaspFormatException : Exception
{
    public VaspFormatException(string file, long line, string problem)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public string File { get; }
    public long Line { get; }

    /// <summary>The message without the file and line prefix.</summary>
    public string Problem { get; }
}
