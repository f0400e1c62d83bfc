using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.ActiveLearning.Neb;

/// <summary>The user's INCAR with IMAGES set to the folder's image count: every IMAGES statement (also inside a
/// line with several ';'-separated statements) is dropped and one "IMAGES = M" line is appended; everything else is
/// kept byte for byte.</summary>
public static partial class IncarTemplate
{
    public static string WithImages(string template, int images, string source)
    {
        if (string.IsNullOrWhiteSpace(template)) throw new InvalidDataException($"{source}: the INCAR template is empty");
        var sb = new StringBuilder();
        var lines = template.Replace("\r\n", "\n").Split('\n');
        int lineNo = 0;
        foreach (var line in lines)
        {
            lineNo++;
            var statements = SplitStatements(line);
            var kept = statements.Where(s => !IsImages(s)).ToList();
            if (kept.Count == statements.Count) { sb.Append(line).Append('\n'); continue; }
            var rest = string.Join(";", kept).Trim();
            if (rest.Length > 0) sb.Append(rest).Append('\n');
        }
        while (sb.Length > 1 && sb[^1] == '\n' && sb[^2] == '\n') sb.Length--;
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
        sb.Append("IMAGES = ").Append(images).Append("   ! set by pipeline suggest: ").Append(images)
          .Append(" intermediate images, folders 00..").Append((images + 1).ToString("00")).Append('\n');
        return sb.ToString();
    }

    // A comment ('!' or '#') ends the statements of a line; keep it with the last statement.
    private static List<string> SplitStatements(string line)
    {
        int comment = line.IndexOfAny(['!', '#']);
        string code = comment >= 0 ? line[..comment] : line;
        var parts = code.Split(';').ToList();
        if (comment >= 0) parts[^1] += line[comment..];
        return parts;
    }

    private static bool IsImages(string statement) => ImagesKey().IsMatch(statement);

    [GeneratedRegex(@"^\s*IMAGES\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ImagesKey();
}
