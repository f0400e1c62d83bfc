using System.Runtime.CompilerServices;

namespace Pipeline.Vasp.Parsing;

/// <summary>Streaming OUTCAR reader: one pass over the (possibly gzipped) bytes, line by line, dispatching on the
/// first non-blank byte so the bulk of an OUTCAR (numeric dumps: charge densities, eigenvalues, augmentation
/// occupancies) is skipped after one byte test.
/// <para>What is read and from where:</para>
/// <list type="bullet">
/// <item>species: "VRHFIN =Li: ..." lines (one per POTCAR), else "TITEL = PAW_PBE Li_sv ..." lines;
/// counts: "ions per type ="; NIONS: "number of ions NIONS ="; NELM: "NELM = 100;".</item>
/// <item>lattice: the three rows after each "direct lattice vectors" (the last one wins).</item>
/// <item>per ionic step: the "POSITION ... TOTAL-FORCE (eV/Angst)" block, then the "FREE ENERGIE OF THE
/// ION-ELECTRON SYSTEM" block's "free  energy   TOTEN" and "energy(sigma->0)" values, which close the step
/// (the per-iteration "free energy TOTEN" lines of the electronic loop are not step energies). VASP &lt;= 5.2
/// prints the energy block first and the POSITION block after it; when the file's first energy block comes before
/// any POSITION block, each POSITION block completes the step its energy block opened.</item>
/// <item>numbers: finite only; NaN, Infinity or an overflowing value (1e999) is a format error at its line.
/// Lines are capped at <see cref="Utf8LineReader.DefaultMaxLineLength"/> bytes (a format error at that line).</item>
/// <item>electronic convergence of a step: VASP prints "aborting loop because EDIFF is reached" when the
/// electronic loop meets EDIFF; when it stops at NELM instead, VASP 5 prints nothing and VASP 6 prints
/// "aborting loop EDIFF was not reached (unconverged)". So a step is converged iff the EDIFF-reached line
/// appears between the previous step's energy block and its own.</item>
/// <item>NEB: the REAL value of the last "NEB: projections on to tangent (spring, REAL)" line; the
/// "NEB: LCLIMB" echo.</item>
/// <item>finished: "General timing and accounting" followed by "Total CPU time used".</item>
/// </list></summary>
public static class OutcarParser
{
    /// <summary>Parses the file at <paramref name="path"/>; <paramref name="displayName"/> is used in errors.</summary>
    public static Outcar Parse(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        using var stream = CompressedFile.OpenRead(path);
        return Parse(stream, name);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Outcar Parse(Stream stream, string displayName)
    {
        var scanner = new OutcarScanner(displayName);
        using var reader = new Utf8LineReader(stream);
        try
        {
            while (reader.TryReadLine(out var line))
                scanner.Consume(line, reader.LineNumber);
        }
        catch (LineTooLongException e)
        {
            throw new VaspFormatException(displayName, e.Line, e.Problem);
        }
        catch (InvalidDataException e)
        {
            throw new VaspFormatException(displayName, reader.LineNumber, $"corrupt gzip data ({e.Message})");
        }
        return scanner.Finish(reader.LineNumber, reader.BytesRead == 0);
    }
}
