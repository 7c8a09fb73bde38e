using System;
using System.Collections.Generic;

namespace NewsRules.Cli.Conformance;

/// <summary>
/// The time zones a publisher of a Fundus country code may write its local times in. A Fundus
/// date without an offset is the page's local time; when our value is the same instant but
/// written in another offset (UTC from JSON-LD, say), its wall-clock time in one of these zones
/// is what the expectation states. Codes are Fundus's (<c>uk</c>, <c>ind</c>, <c>isl</c>, <c>gl</c>
/// for global); an unknown code gives no zone, so only our own offset counts.
/// </summary>
internal static class CountryTimeZones
{
    private static readonly Dictionary<string, string[]> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["at"] = new[] { "Europe/Vienna" },
        ["au"] = new[] { "Australia/Sydney", "Australia/Brisbane", "Australia/Adelaide", "Australia/Perth" },
        ["be"] = new[] { "Europe/Brussels" },
        ["ca"] = new[] { "America/Toronto", "America/Winnipeg", "America/Edmonton", "America/Vancouver", "America/Halifax" },
        ["ch"] = new[] { "Europe/Zurich" },
        ["cn"] = new[] { "Asia/Shanghai" },
        ["cz"] = new[] { "Europe/Prague" },
        ["de"] = new[] { "Europe/Berlin" },
        ["dk"] = new[] { "Europe/Copenhagen" },
        ["es"] = new[] { "Europe/Madrid", "Atlantic/Canary" },
        ["fr"] = new[] { "Europe/Paris" },
        ["id"] = new[] { "Asia/Jakarta", "Asia/Makassar" },
        ["il"] = new[] { "Asia/Jerusalem" },
        ["ind"] = new[] { "Asia/Kolkata" },
        ["isl"] = new[] { "Atlantic/Reykjavik" },
        ["it"] = new[] { "Europe/Rome" },
        ["jp"] = new[] { "Asia/Tokyo" },
        ["kr"] = new[] { "Asia/Seoul" },
        ["lb"] = new[] { "Asia/Beirut" },
        ["li"] = new[] { "Europe/Vaduz" },
        ["ls"] = new[] { "Africa/Maseru" },
        ["lt"] = new[] { "Europe/Vilnius" },
        ["lu"] = new[] { "Europe/Luxembourg" },
        ["mx"] = new[] { "America/Mexico_City" },
        ["my"] = new[] { "Asia/Kuala_Lumpur" },
        ["na"] = new[] { "Africa/Windhoek" },
        ["no"] = new[] { "Europe/Oslo" },
        ["pl"] = new[] { "Europe/Warsaw" },
        ["pt"] = new[] { "Europe/Lisbon" },
        ["py"] = new[] { "America/Asuncion" },
        ["ru"] = new[] { "Europe/Moscow" },
        ["se"] = new[] { "Europe/Stockholm" },
        ["tr"] = new[] { "Europe/Istanbul" },
        ["tw"] = new[] { "Asia/Taipei" },
        ["tz"] = new[] { "Africa/Dar_es_Salaam" },
        ["ua"] = new[] { "Europe/Kyiv" },
        ["uk"] = new[] { "Europe/London" },
        ["us"] = new[] { "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles" },
        ["vn"] = new[] { "Asia/Ho_Chi_Minh" },
        ["za"] = new[] { "Africa/Johannesburg" },
    };

    /// <summary>The wall-clock times <paramref name="instant"/> has in the zones of <paramref name="country"/>.</summary>
    public static IEnumerable<DateTime> WallClocks(string country, DateTimeOffset instant)
    {
        if (!Zones.TryGetValue(country, out var ids))
        {
            yield break;
        }

        foreach (var id in ids)
        {
            TimeZoneInfo zone;
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                continue;
            }

            yield return TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        }
    }
}
