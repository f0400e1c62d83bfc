using System.Globalization;

namespace Pipeline.Executors.Slurm;

/// <summary>A status file written by the batch script: <c>exit=CODE host=NODE</c>.</summary>
public sealed record TaskStatus(int ExitCode, string Host)
{
    /// <summary>Null when the file does not exist (yet) or is not a complete status line.</summary>
    public static TaskStatus? Read(string path)
    {
        string text;
        try
        {
            if (!File.Exists(path))
                return null;
            text = File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        int? code = null;
        string host = "?";
        foreach (var field in text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (field.StartsWith("exit=", StringComparison.Ordinal) && int.TryParse(field[5..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var c))
                code = c;
            else if (field.StartsWith("host=", StringComparison.Ordinal))
                host = field[5..];
        }
        return code is { } exit ? new TaskStatus(exit, host) : null;
    }
}
