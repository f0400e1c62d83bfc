namespace Pipeline.Core;
