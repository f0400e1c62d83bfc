using System.Globalization;
using System.Text;
using Pipeline.Abstractions;

namespace Pipeline.Suggest.Stage;

/// <summary>The README.md at the top of the neb output: what the batch is and how to run it.</summary>
internal static class SuggestReadme
{
    public static string Text(IReadOnlyList<SuggestionRow> rows, ParamValues p, string target, int candidates, int training)
    {
        var ci = CultureInfo.InvariantCulture;
        int images = p.Int32("images");
        var sb = new StringBuilder();
        sb.Append("# Suggested NEB calculations\n\n");
        sb.Append(ci, $"{rows.Count} Li hops chosen by the `{p.String("strategy")}` strategy from {candidates} candidates ");
        sb.Append(ci, $"(CE canonical Monte Carlo at {p.Float("synthesis_temperature"):0} K), to improve the `{target}` model ");
        sb.Append(ci, $"trained on {training} hops. `suggestions.csv` lists them ranked, with the predicted barrier and its uncertainty ");
        sb.Append("(bootstrap spread, eV).\n\n");
        sb.Append("Every folder is a complete VASP NEB input except the POTCAR, which you must add (VASP POTCARs are licensed ");
        sb.Append(ci, $"per user; species order is in each POSCAR's line 6). Each has `INCAR` (IMAGES = {images}), `KPOINTS`, ");
        sb.Append(ci, $"`00`..`{images + 1:00}/POSCAR` and its own README.\n\n");
        sb.Append("## Run them on a cluster\n\n```bash\n");
        sb.Append("for d in */; do\n  cp /path/to/your/POTCAR \"$d\"          # species order: see the POSCARs\n");
        sb.Append(ci, $"  (cd \"$d\" && sbatch --ntasks={images * 8} --wrap 'srun vasp_std')   # a multiple of IMAGES ranks\n");
        sb.Append("done\n```\n\n");
        sb.Append("The end points are ideal-lattice positions; relax them first if your workflow does (each folder's README says how). ");
        sb.Append("When the runs finish, copy the folders into your dataset and run `dotnet pipeline run`: ingest, featurize, fit and ");
        sb.Append("suggest re-run on the grown dataset (docs/ACTIVE_LEARNING.md).\n\n");
        sb.Append("| rank | folder | x | path | predicted (eV) | uncertainty (eV) |\n|---|---|---|---|---|---|\n");
        foreach (var r in rows)
            sb.Append(ci, $"| {r.Pick.Rank} | {r.Folder} | {r.Hop.ActualX:0.####} | {r.PathType} | {r.Score.Predicted:0.000} | {r.Score.Spread:0.000} |\n");
        return sb.ToString();
    }
}
