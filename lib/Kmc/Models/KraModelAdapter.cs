using Pipeline.Contracts;
using Pipeline.Kmc.Barriers;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Models;

/// <summary>A fitted <see cref="BarrierModel"/> (model-kra.json) as the kMC's KRA model. Its descriptor set is
/// <c>DescriptorSet.Create(model.DescriptorSet, chemistry)</c>; the set's KRA descriptors (all but delta_e) are handed
/// to <see cref="BarrierModel.Predict"/> in the model's own feature order. A model whose chemistry is not the kMC's,
/// or that uses anything but the set's KRA descriptors (delta_e, extra columns), is refused, naming the file and the
/// element or feature.</summary>
public sealed class KraModelAdapter : IKraModel
{
    private readonly BarrierModel _model;
    private readonly int[] _descriptorOf; // model feature j = set descriptor _descriptorOf[j]

    /// <param name="chemistry">The kMC's chemistry (the CE model's); null takes the barrier model's own.</param>
    public KraModelAdapter(BarrierModel model, string source, Chemistry? chemistry = null)
    {
        chemistry ??= model.Chemistry;
        if (!model.Chemistry.Equals(chemistry))
            throw new InvalidDataException($"{source}: the barrier model is for {model.Chemistry} ({model.Chemistry.Describe()}), " +
                                           $"the kMC runs {chemistry} ({chemistry.Describe()}): {ChemistryMismatch.Difference(model.Chemistry, chemistry)}");
        DescriptorSet set;
        try { set = DescriptorSet.Create(model.DescriptorSet, chemistry); }
        catch (ArgumentException e) { throw new InvalidDataException($"{source}: field 'descriptor_set': {e.Message}", e); }
        _model = model;
        Descriptors = set;
        _descriptorOf = new int[model.Features.Count];
        for (int j = 0; j < model.Features.Count; j++)
        {
            int d = -1;
            for (int k = 0; k < set.KraCount; k++)
                if (set.Names[k] == model.Features[j]) d = k;
            if (d < 0)
                throw new InvalidDataException(
                    $"{source}: field 'features' entry {j} is '{model.Features[j]}'; a KRA model of the {set.Name} descriptor set " +
                    $"may use only its KRA descriptors ({string.Join(", ", set.Names.Take(set.KraCount))})");
            _descriptorOf[j] = d;
        }
    }

    /// <param name="chemistry">The kMC's chemistry; null takes the model's own.</param>
    public static KraModelAdapter Load(string path, Chemistry? chemistry = null) => new(BarrierModel.Load(path), path, chemistry);

    public BarrierModel Model => _model;

    public DescriptorSet Descriptors { get; }

    public double Predict(ReadOnlySpan<double> descriptors)
    {
        Span<double> x = stackalloc double[_descriptorOf.Length];
        for (int j = 0; j < x.Length; j++) x[j] = descriptors[_descriptorOf[j]];
        return _model.Predict(x);
    }
}
