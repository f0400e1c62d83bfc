using Pipeline.Fitting.Models;
using Pipeline.Kmc.Barriers;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Models;

/// <summary>A fitted <see cref="BarrierModel"/> (model-kra.json) as the kMC's KRA model: descriptors 1-10 are
/// handed to <see cref="BarrierModel.Predict"/> in the model's own feature order. A model that uses anything but
/// descriptors 1-10 (delta_e, extra columns) is refused, naming the file and the feature.</summary>
public sealed class KraModelAdapter : IKraModel
{
    private readonly BarrierModel _model;
    private readonly int[] _descriptorOf; // model feature j = descriptor _descriptorOf[j]

    public KraModelAdapter(BarrierModel model, string source)
    {
        _model = model;
        _descriptorOf = new int[model.Features.Count];
        for (int j = 0; j < model.Features.Count; j++)
        {
            int d = -1;
            for (int k = 0; k < HopDescriptors.KraCount; k++)
                if (HopDescriptors.Names[k] == model.Features[j]) d = k;
            if (d < 0)
                throw new InvalidDataException(
                    $"{source}: field 'features' entry {j} is '{model.Features[j]}'; a KRA model may use only descriptors 1-10 " +
                    $"({string.Join(", ", HopDescriptors.Names.Take(HopDescriptors.KraCount))})");
            _descriptorOf[j] = d;
        }
    }

    public static KraModelAdapter Load(string path) => new(BarrierModel.Load(path), path);

    public BarrierModel Model => _model;

    public double Predict(ReadOnlySpan<double> descriptors)
    {
        Span<double> x = stackalloc double[_descriptorOf.Length];
        for (int j = 0; j < x.Length; j++) x[j] = descriptors[_descriptorOf[j]];
        return _model.Predict(x);
    }
}
