// Entry point of the `pipeline` tool; the command tree is built in CommandTree (engine helper fills it).
return Pipeline.Cli.CommandTree.Run(args);
