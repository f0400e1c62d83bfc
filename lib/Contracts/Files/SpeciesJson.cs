using System.Text.Json.Nodes;
using Pipeline.RockSalt;

namespace Pipeline.Contracts;

/// <summary>The "species" block of model files: {mobile_ion, cations, anions, substituent} (DOMAIN.md section 10),
/// one writer and one reader so barrier models and the CE describe a chemistry the same way.</summary>
public static class SpeciesJson
{
    public static JsonObject Write(Chemistry chemistry)
    {
        var json = new JsonObject
        {
            ["mobile_ion"] = chemistry.MobileIon,
            ["cations"] = JsonFields.Array(chemistry.OtherCations),
            ["anions"] = JsonFields.Array(chemistry.Anions),
        };
        if (chemistry.Substituent is not null) json["substituent"] = chemistry.Substituent;
        return json;
    }

    /// <summary>Errors name the file and the field.</summary>
    public static Chemistry Read(JsonFields f)
    {
        try
        {
            return new Chemistry(f.String("mobile_ion"), f.Strings("cations"), f.Strings("anions"),
                f.Has("substituent") ? f.String("substituent") : null);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{f.Source}: {e.Message}", e);
        }
    }
}
