using System.CommandLine;

namespace Pipeline.Cli;

public static class CommandTree
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("pipeline: reproducible Li-diffusion workflow from VASP NEB output to kMC");
        foreach (var m in Modules.All)
            foreach (var c in m.Commands)
                root.Subcommands.Add(c);
        return root.Parse(args).Invoke();
    }
}
