namespace Pipeline.RockSalt;
