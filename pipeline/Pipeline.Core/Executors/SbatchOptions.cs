namespace Pipeline.Core.Executors;

/// <summary>Reads an <c>sbatch_args</c> entry the way sbatch does (getopt_long) to find options the engine sets
/// itself: a long option may be any unambiguous prefix (<c>--out=</c> is <c>--output=</c>), short options may be
/// bundled (<c>-vo/x</c> is <c>-v -o /x</c>) and a short option's value may be written against it (<c>-o/x</c>).
/// Checking the option names literally would let all of those through.</summary>
public static class SbatchOptions
{
    /// <summary>Long options the engine sets (the array, logs, working folder, output format, submission mode);
    /// <c>workdir</c> is the pre-20.02 name of <c>chdir</c>.</summary>
    public static readonly string[] ReservedLong = ["array", "output", "error", "parsable", "wrap", "chdir", "workdir", "wait"];

    /// <summary>Short forms of reserved options: -a (array), -o (output), -e (error), -D (chdir), -W (wait).</summary>
    public const string ReservedShort = "aoeDW";

    /// <summary>sbatch's short options that take no value: help, hold, immediate, overcommit, quiet, oversubscribe,
    /// usage, verbose, version, wait.</summary>
    private const string ShortFlags = "hHIOQsuvVW";

    /// <summary>sbatch's short options that take a value (required, or optional for -k): the rest of the word is it.</summary>
    private const string ShortWithValue = "aAbBcCdDeFGiJkLmMnNopqStTUwx";

    public readonly record struct Check(string? Reserved, string? Problem);

    /// <summary>The reserved option <paramref name="arg"/> sets (as "--output" or "-o"), or a problem reading it, or neither.</summary>
    public static Check Inspect(string arg)
    {
        if (arg == "--")
            return new Check("--", null); // ends sbatch's options: what follows would be read as the script
        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            var name = arg[2..].Split('=', 2)[0];
            // Any prefix of a reserved name is refused: if sbatch reads it as that option it is reserved, and if it
            // is ambiguous sbatch refuses it anyway. No other sbatch option is a proper prefix of a reserved one.
            var reserved = ReservedLong.FirstOrDefault(r => name.Length > 0 && r.StartsWith(name, StringComparison.Ordinal));
            return new Check(reserved is null ? null : "--" + (reserved == "workdir" ? "chdir" : reserved), null);
        }
        for (int i = 1; i < arg.Length; i++)
        {
            char c = arg[i];
            if (ReservedShort.Contains(c))
                return new Check("-" + c, null);
            if (ShortWithValue.Contains(c))
                return new Check(null, null);
            if (!ShortFlags.Contains(c))
                return new Check(null, $"-{c} is not an sbatch short option (write it in long form, e.g. --qos=short)");
        }
        return new Check(null, null);
    }
}
