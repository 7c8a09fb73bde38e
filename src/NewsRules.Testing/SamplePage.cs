using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Html;

namespace NewsRules.Testing;

/// <summary>
/// A saved page under <c>rules/&lt;site&gt;/samples/&lt;name&gt;.html</c>, its URL and its
/// snapshot <c>&lt;name&gt;.verified.json</c>.
/// </summary>
public sealed class SamplePage
{
    private SamplePage(string site, string name, string htmlPath)
    {
        Site = site;
        Name = name;
        HtmlPath = htmlPath;
        VerifiedPath = Path.Combine(Path.GetDirectoryName(htmlPath)!, name + ".verified.json");
    }

    /// <summary>The rule folder's name (usually the domain).</summary>
    public string Site { get; }

    /// <summary>The page's file name without <c>.html</c>.</summary>
    public string Name { get; }

    /// <summary>The test case name: <c>&lt;site&gt;/&lt;name&gt;</c>.</summary>
    public string Id => Site + "/" + Name;

    public string HtmlPath { get; }

    public string VerifiedPath { get; }

    /// <summary>Every sample page below a rules folder, ordered by id.</summary>
    public static IReadOnlyList<SamplePage> Discover(string rulesDirectory)
    {
        if (!Directory.Exists(rulesDirectory))
        {
            throw new DirectoryNotFoundException($"The rules folder '{rulesDirectory}' does not exist.");
        }

        return Directory.EnumerateDirectories(rulesDirectory)
            .SelectMany(site => Directory.Exists(Path.Combine(site, "samples"))
                ? Directory.EnumerateFiles(Path.Combine(site, "samples"), "*.html").Select(html => new SamplePage(Path.GetFileName(site), Path.GetFileNameWithoutExtension(html), html))
                : Enumerable.Empty<SamplePage>())
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The nearest <c>rules</c> folder at or above <paramref name="start"/> (default: the test
    /// assembly's folder), so tests find the repository's rules wherever they run from.
    /// </summary>
    public static string FindRulesDirectory(string? start = null)
    {
        for (var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "rules");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No 'rules' folder at or above '{start ?? AppContext.BaseDirectory}'.");
    }

    /// <summary>Parses the page (bytes, so a BOM or declared charset is honoured).</summary>
    public IDocument Load()
    {
        using var stream = File.OpenRead(HtmlPath);
        return HtmlDocuments.Parse(stream);
    }

    /// <summary>
    /// The page's URL: its canonical link or og:url, else the first line of <c>&lt;name&gt;.url</c>
    /// beside it. Throws with a fix when there is none.
    /// </summary>
    public Uri UrlOf(IDocument document)
    {
        if (PageAddress.Find(document) is { } url)
        {
            return url;
        }

        var urlFile = Path.Combine(Path.GetDirectoryName(HtmlPath)!, Name + ".url");
        if (File.Exists(urlFile))
        {
            var line = File.ReadLines(urlFile).FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
            if (line is not null && Uri.TryCreate(line, UriKind.Absolute, out var fromFile))
            {
                return fromFile;
            }
        }

        throw new InvalidOperationException($"Sample {Id} has no canonical link or og:url; put its URL in {Name}.url beside it.");
    }

    public override string ToString() => Id;
}
