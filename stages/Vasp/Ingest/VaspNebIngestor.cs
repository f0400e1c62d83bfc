using Pipeline.Vasp.Neb;

namespace Pipeline.Vasp.Ingest;

/// <summary>Ingests a dataset folder of VASP NEB and single-point calculations:
/// scan (layout checks) → hash raw files → parse cache lookup → parse the misses image by image in parallel
/// (largest OUTCAR first, for load balance) → store → NEB analysis and acceptance checks, in dataset order.</summary>
public static class VaspNebIngestor
{
    public static IngestResult Ingest(string datasetRoot, IngestOptions options, CancellationToken cancellation = default)
    {
        var plans = DatasetScanner.Scan(datasetRoot);
        if (plans.Count == 0)
            throw new NoCalculationsException(datasetRoot, Directory.EnumerateFileSystemEntries(datasetRoot)
                .Select(e => Path.GetFileName(e) + (Directory.Exists(e) ? "/" : "")).Order(StringComparer.Ordinal).ToList());
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.Parallelism),
            CancellationToken = cancellation,
        };
        var hashes = HashRawFiles(plans, parallel);
        var cache = new ParseCache(options.CacheDirectory);
        var result = new IngestResult();

        var parses = new CalcParse?[plans.Count];
        var keys = new string?[plans.Count];
        for (int i = 0; i < plans.Count; i++)
        {
            if (plans[i].Early is not null)
                continue;
            keys[i] = ParseCache.KeyOf(plans[i].Kind, plans[i].Files.Zip(hashes[i]));
            if (cache.TryLoad(keys[i]!, out var cached))
            {
                parses[i] = cached;
                result.CachedCalculations++;
            }
        }

        foreach (int i in ParseMisses(plans, parses, parallel))
        {
            cache.Store(keys[i]!, parses[i]!);
            result.ParsedCalculations++;
        }

        for (int i = 0; i < plans.Count; i++)
            Accept(plans[i], parses[i], hashes[i], options, result);
        return result;
    }

    private static string[][] HashRawFiles(List<CalcPlan> plans, ParallelOptions parallel)
    {
        var hashes = plans.Select(p => new string[p.Files.Count]).ToArray();
        var jobs = plans.SelectMany((p, i) => p.Files.Select((_, f) => (Plan: i, File: f))).ToArray();
        Parallel.ForEach(jobs, parallel, job =>
            hashes[job.Plan][job.File] = RawFileHasher.HashFile(plans[job.Plan].FullPath(plans[job.Plan].Files[job.File])));
        return hashes;
    }

    /// <summary>Parses every calculation that has no parse yet; returns their indices.</summary>
    private static List<int> ParseMisses(List<CalcPlan> plans, CalcParse?[] parses, ParallelOptions parallel)
    {
        var imageParses = new ImageParse[plans.Count][];
        var jobs = new List<(int Plan, int Image, long Size)>();
        for (int i = 0; i < plans.Count; i++)
        {
            if (plans[i].Early is not null || parses[i] is not null)
                continue;
            imageParses[i] = new ImageParse[plans[i].Images.Count];
            for (int k = 0; k < plans[i].Images.Count; k++)
                jobs.Add((i, k, new FileInfo(plans[i].FullPath(plans[i].Images[k].OutcarFile)).Length));
        }
        var ordered = jobs.OrderByDescending(j => j.Size).ToArray();
        Parallel.ForEach(ordered, parallel, job =>
        {
            var plan = plans[job.Plan];
            var image = plan.Images[job.Image];
            try
            {
                imageParses[job.Plan][job.Image] = ImageReader.Read(plan, image);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Bad input is a rejection; anything else is a bug, but it must still say which files it was reading.
                throw new InvalidOperationException(
                    $"unexpected error while reading {plan.DatasetPath(image.OutcarFile)} / {plan.DatasetPath(image.StructureFile)}: {e.Message}", e);
            }
        });
        var parsed = new List<int>();
        for (int i = 0; i < plans.Count; i++)
        {
            if (imageParses[i] is not { } images)
                continue;
            parses[i] = plans[i].Kind == CalcKind.Neb
                ? CalcParse.OfNeb(plans[i], images)
                : CalcParse.OfSinglePoint(images[0]);
            parsed.Add(i);
        }
        return parsed;
    }

    private static void Accept(CalcPlan plan, CalcParse? parse, string[] hashes, IngestOptions options, IngestResult result)
    {
        var rejection = plan.Early ?? parse!.Rejection;
        if (rejection is null && parse!.Band is { } band)
        {
            var analysis = NebAnalysis.Of(band);
            rejection = HopAcceptance.Check(analysis, options, plan.Images[^1].StructureFile);
            if (rejection is null)
            {
                var raw = string.Join(';', plan.Files.Zip(hashes, (f, h) => $"{plan.DatasetPath(f)}={h}").Order(StringComparer.Ordinal));
                result.Hops.Add(new AcceptedHop(plan.CalcId, band, analysis, raw, plan.Images.Select(i => i.Folder).ToList()));
                return;
            }
        }
        else if (rejection is null && parse!.SinglePoint is { } image)
        {
            result.SinglePoints.Add(new AcceptedSinglePoint(plan.CalcId, image));
            return;
        }
        result.Rejected.Add(new RejectedCalc(plan.CalcId, rejection!, plan.DatasetPath(rejection!.File)));
    }
}
