using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsRules.Dates;
using NewsRules.Html;
using NewsRules.Text;

namespace NewsRules.Generic;

/// <summary>
/// Title text helpers: a loose comparison key, the host's key, and the site name stripped from a
/// title with its separators.
/// </summary>
internal static partial class TitleText
{
    /// <summary>Text compared loosely: case and punctuation ignored.</summary>
    internal static string Key(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// "Headline | Site", "Site » Headline" give "Headline": parts that are the site's name (its
    /// og:site_name or its host) go; of several parts left, the first, as title bars put the page
    /// before the site.
    /// </summary>
    internal static string StripSiteName(string title, string? siteName, string hostKey)
    {
        // A separator left dangling by the site's template ("National Rail Enquiries -") goes.
        title = DanglingSeparator().Replace(title, string.Empty);
        var parts = TitleSeparator().Split(title).Select(p => p.Trim()).Where(p => Key(p).Length > 0).ToArray();
        if (parts.Length < 2)
        {
            return title.Trim();
        }

        var site = siteName is null ? string.Empty : Key(siteName);
        var kept = parts.Where(p => !IsSiteNamePart(Key(p), site, hostKey)).ToArray();
        if (kept.Length == 0)
        {
            return title.Trim();
        }

        if (kept.Length < parts.Length)
        {
            return kept.Length == 1 ? kept[0] : StripSiteName(string.Join(" | ", kept), null, string.Empty);
        }

        // No part names the site: a bar or guillemet ends the headline ("Headline | Section"); a dash
        // may well be part of it ("Leasing oder Finanzierung – was lohnt sich mehr?").
        var bar = BarSeparator().Match(title);
        return bar.Success && bar.Index > 0 ? title.Substring(0, bar.Index).Trim() : title.Trim();
    }

    internal static bool IsSiteNamePart(string part, string site, string hostKey) =>
        (site.Length > 0 && (part == site || (site.Length >= 4 && part.Contains(site, StringComparison.Ordinal) && part.Length <= site.Length + 12)))
        || (hostKey.Length >= 4 && (part == hostKey
            || (part.StartsWith(hostKey, StringComparison.Ordinal) && part.Length <= hostKey.Length + 8)
            || (part.Length >= 4 && hostKey.Contains(part, StringComparison.Ordinal))));

    /// <summary>The host's distinctive part, compared like <see cref="Key"/>: "www.zeit.de" gives "zeit".</summary>
    internal static string HostKey(Uri url)
    {
        var labels = url.Host.Split('.');
        if (labels.Length >= 2)
        {
            return Key(labels[labels.Length - 2]);
        }

        return Key(url.Host);
    }

    [GeneratedRegex(@"\s*\|\s*|\s+(?:»|«|::|//|·|•)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex BarSeparator();

    [GeneratedRegex(@"^(?:\s*[|–—·•»«/-])+\s*|(?:\s+[|–—·•»«/-]|\s*\|)+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DanglingSeparator();

    [GeneratedRegex(@"\s+[|–—·•»«:/-]{1,2}\s+|\s*\|\s*", RegexOptions.CultureInvariant)]
    internal static partial Regex TitleSeparator();
}
