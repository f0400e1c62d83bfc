// Entry point of the `pipeline` tool; the command tree is built in CommandTree.
return Pipeline.Cli.CommandTree.Run(args);
