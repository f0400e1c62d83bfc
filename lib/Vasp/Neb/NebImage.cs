using Pipeline.Vasp.Structure;

namespace Pipeline.Vasp.Neb;

/// <summary>One image of a NEB band as the analysis sees it, whatever file format it came from.</summary>
/// <param name="Structure">Geometry of the image (endpoints: the fixed POSCAR; intermediates: CONTCAR).</param>
/// <param name="Energy">energy(sigma->0) of the last ionic step (eV).</param>
/// <param name="Toten">free energy TOTEN of the last ionic step (eV; NaN when unknown).</param>
/// <param name="MaxForce">max |F| over atoms of the last ionic step (eV/Angstrom; NaN when unknown).</param>
/// <param name="TangentForce">VTST "projections on to tangent" REAL force (NaN when absent).</param>
public sealed record NebImage(Crystal Structure, double Energy, double Toten, double MaxForce, double TangentForce);

/// <summary>A NEB band: images 0..N in path order and whether it was run with a climbing image.</summary>
public sealed record NebBand(IReadOnlyList<NebImage> Images, bool Climbing);
