using Pipeline.RockSalt;

namespace Pipeline.Kmc.Models;

/// <summary>Says in words how two chemistries differ, naming the first element that tells them apart.</summary>
public static class ChemistryMismatch
{
    public static string Difference(Chemistry a, Chemistry b)
    {
        foreach (var e in a.Symbols.Skip(1))
            if (!b.TryCode(e, out _)) return $"{e} is in {a} but not in {b}";
        foreach (var e in b.Symbols.Skip(1))
            if (!a.TryCode(e, out _)) return $"{e} is in {b} but not in {a}";
        if (a.MobileIon != b.MobileIon) return $"the mobile ion is {a.MobileIon} in one and {b.MobileIon} in the other";
        for (byte c = 1; c < a.CodeCount; c++)
            if (a.Symbol(c) != b.Symbol(c))
                return $"the same elements in another order ({a.Symbol(c)} has code {c} in {a}, {b.Symbol(c)} in {b})";
        return $"the substituent anion is {a.Substituent ?? "none"} in {a} and {b.Substituent ?? "none"} in {b}";
    }
}
