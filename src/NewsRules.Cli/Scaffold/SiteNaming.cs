using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NewsRules.Rules.Definition;

namespace NewsRules.Cli.Scaffold;

/// <summary>Names derived from the page's address: the site's C# name and the sample's file name.</summary>
internal static class SiteNaming
{
    private static readonly string[] HostPrefixes = { "www.", "www1.", "www2.", "m.", "amp.", "mobile." };

    // Second-level labels of country domains (example.co.uk, example.com.au, ipa.go.jp).
    private static readonly HashSet<string> SecondLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        "co", "com", "net", "org", "gov", "go", "ac", "ne", "or", "ed", "edu", "gob", "gouv", "nic", "ltd", "plc", "sch", "mil", "info", "nom",
    };

    /// <summary>
    /// The site's name in PascalCase from its host, without "www." and the public suffix:
    /// arabic.rt.com → ArabicRt, www.theguardian.com → Theguardian, ici.radio-canada.ca → IciRadioCanada.
    /// Always a valid site name (a C# identifier that is not reserved).
    /// </summary>
    public static string SiteName(string host)
    {
        var name = host.ToLowerInvariant().TrimEnd('.');
        foreach (var prefix in HostPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
            {
                name = name.Substring(prefix.Length);
                break;
            }
        }

        var labels = name.Split('.').ToList();
        if (labels.Count > 1)
        {
            labels.RemoveAt(labels.Count - 1);
            if (labels.Count > 1 && SecondLevel.Contains(labels[labels.Count - 1]))
            {
                labels.RemoveAt(labels.Count - 1);
            }
        }

        if (labels.Count > 0 && labels[0].StartsWith("xn--", StringComparison.Ordinal))
        {
            labels[0] = labels[0].Substring(4);
        }

        var site = Identifiers.Suggest(string.Join(" ", labels));
        if (!Identifiers.IsIdentifier(site) || Identifiers.ReservedSiteNames.Contains(site))
        {
            site += "Site";
        }

        return site;
    }

    /// <summary>
    /// A sample's file name (without extension) from the article's URL slug, else from the saved
    /// file's name: lower-case letters, digits and dashes, at most 60 characters.
    /// </summary>
    public static string SampleName(Uri url, string pagePath)
    {
        // The last segment that says something: a slug, else an article number ("1355930-لافروف"
        // keeps its digits), not "index" or a section name further up.
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            var slug = Slug(Path.GetFileNameWithoutExtension(Uri.UnescapeDataString(segments[i])));
            var number = slug.All(c => char.IsDigit(c) || c == '-');
            if ((number ? slug.Length >= 5 : slug.Length >= 3) && slug is not ("index" or "article" or "story" or "amp" or "default"))
            {
                return slug;
            }
        }

        var fromFile = Slug(Path.GetFileNameWithoutExtension(pagePath));
        return fromFile.Length > 0 ? fromFile : "page";
    }

    private static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 60)
        {
            var cut = slug.LastIndexOf('-', 60);
            slug = slug.Substring(0, cut > 20 ? cut : 60).Trim('-');
        }

        return slug;
    }
}
