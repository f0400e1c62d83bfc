using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Config;

/// <summary>Raw-input globs: <c>*</c> and <c>?</c> within a path segment, <c>**</c> across segments, <c>[abc]</c>
/// classes. Matching is on '/'-separated paths relative to the glob's fixed base folder.</summary>
public static class Glob
{
    public static bool IsGlob(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The folder before the first segment with a wildcard, and the remaining pattern.</summary>
    public static (string BaseDir, string Pattern) Split(string absolutePattern)
    {
        var normalized = absolutePattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        int i = 0;
        while (i < segments.Length && !IsGlob(segments[i]))
            i++;
        var baseDir = string.Join('/', segments.Take(i));
        if (baseDir.Length == 0)
            baseDir = "/";
        return (baseDir, string.Join('/', segments.Skip(i)));
    }

    /// <summary>Files matching the absolute glob, as (path relative to the base folder, full path), sorted.</summary>
    public static List<(string Relative, string FullPath)> Match(string absolutePattern)
    {
        var (baseDir, pattern) = Split(absolutePattern);
        var result = new List<(string, string)>();
        if (!Directory.Exists(baseDir))
            return result;
        var regex = ToRegex(pattern);
        foreach (var file in Directory.EnumerateFiles(baseDir, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(baseDir, file).Replace('\\', '/');
            if (regex.IsMatch(rel))
                result.Add((rel, file));
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return result;
    }

    public static Regex ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                        sb.Append("(?:.*/)?");
                    }
                    else
                    {
                        sb.Append(".*");
                    }
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    int end = pattern.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        sb.Append("\\[");
                        break;
                    }
                    sb.Append('[').Append(pattern[(i + 1)..end].Replace("\\", "\\\\")).Append(']');
                    i = end;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        // \z, not $: '$' also matches before a final newline.
        return new Regex(sb.Append(@"\z").ToString(), RegexOptions.CultureInvariant);
    }
}
