using System.Globalization;
using System.Text;

namespace Pipeline.Executors.Slurm;

/// <summary>Slurm array index lists: "0-3,5,7-9" (sbatch --array) and the bracketed form squeue prints for
/// pending tasks ("123_[4-6,9%2]").</summary>
public static class ArrayIndices
{
    public static string Format(IEnumerable<int> indices)
    {
        var sorted = indices.Distinct().Order().ToList();
        var sb = new StringBuilder();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
                j++;
            if (sb.Length > 0)
                sb.Append(',');
            sb.Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            if (j > i)
                sb.Append('-').Append(sorted[j].ToString(CultureInfo.InvariantCulture));
            i = j + 1;
        }
        return sb.ToString();
    }

    /// <summary>Parses "4", "4-6,9" or "[4-6,9%2]" (a throttle suffix is ignored); null when malformed.</summary>
    public static List<int>? Parse(string text)
    {
        var body = text.Trim().TrimStart('[').TrimEnd(']');
        int percent = body.IndexOf('%');
        if (percent >= 0)
            body = body[..percent];
        var result = new List<int>();
        foreach (var part in body.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (range.Length == 1 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var single))
            {
                result.Add(single);
            }
            else if (range.Length == 2
                     && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                     && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                     && from <= to)
            {
                for (int i = from; i <= to; i++)
                    result.Add(i);
            }
            else
            {
                return null;
            }
        }
        return result;
    }
}
