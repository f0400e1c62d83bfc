using System.CommandLine;

namespace Pipeline.Cli;

public static class CommandTree
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("pipeline: reproducible Li-diffusion workflow from VASP NEB output to kMC");
        // The engine helper adds the engine commands and an IStageHost implementation here.
        return root.Parse(args).Invoke();
    }
}
