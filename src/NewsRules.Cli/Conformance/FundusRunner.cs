using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NewsRules.Generic;
using NewsRules.Html;
using NewsRules.Text;

namespace NewsRules.Cli.Conformance;

/// <summary>
/// Word counts of one case's body, for the pooled word-level scores: precision is the share of
/// our body's words that the expectation (summary and sections) has; recall the share of the
/// expected sections' words (sub-headings and paragraphs) that our body has. Words are counted
/// as bags (<see cref="BodyAgreement.Words"/>: Han and kana characters one word each).
/// </summary>
internal readonly record struct BodyWords(int Ours, int OursExpected, int Expected, int ExpectedFound);

/// <summary>The outcome of one Fundus case: its assertions, body word counts, or the error that stopped it.</summary>
internal sealed record FundusResult(FundusCase Case, string? Site, bool Generic, IReadOnlyList<FieldResult> Assertions, BodyWords Words, string? Error)
{
    /// <summary>The body items (headings and paragraphs) that are not in our body, in page order.</summary>
    public IReadOnlyList<string> Missing { get; init; } = Array.Empty<string>();

    /// <summary>Our body blocks that are not in the expectation, in page order.</summary>
    public IReadOnlyList<string> Extra { get; init; } = Array.Empty<string>();

    /// <summary>Our body's first block (captions left out), normalized; null when the body is empty.</summary>
    public string? FirstBlock { get; init; }
}

/// <summary>
/// Runs rules over a Fundus-style corpus. A page no rule serves goes to the generic fallback,
/// as it would for a user. Per case it asserts: the title (equal after whitespace
/// normalization); the authors (the same set); the publishing date (the same instant, to the
/// second; a value written without an offset is the page's local time: see <see cref="Date"/>);
/// the summary (our lead, or
/// our first body blocks, equal to the summary paragraphs); every expected sub-heading and
/// paragraph, one assertion each, found among our body blocks in order (a longest common
/// subsequence, so one missing paragraph fails once); and the topics, when the rule declares a
/// <c>Topics</c> field (the same set).
/// </summary>
internal static partial class FundusRunner
{
    public const string Title = "title";
    public const string Authors = "authors";
    public const string Published = "published";
    public const string Summary = "summary";
    public const string Heading = "body heading";
    public const string Paragraph = "body paragraph";
    public const string Topics = "topics";

    /// <summary>The assertion kinds in report order.</summary>
    public static readonly string[] Fields = { Title, Authors, Published, Summary, Heading, Paragraph, Topics };

    public static List<FundusResult> Run(string corpusDirectory, IReadOnlyList<IArticleExtractor> extractors, Func<string, bool>? filter = null)
    {
        var results = new List<FundusResult>();
        foreach (var item in FundusCase.ReadAll(corpusDirectory))
        {
            if (filter is not null && !filter(item.Id))
            {
                continue;
            }

            results.Add(RunCase(corpusDirectory, item, extractors));
        }

        return results;
    }

    private static FundusResult RunCase(string corpusDirectory, FundusCase item, IReadOnlyList<IArticleExtractor> extractors)
    {
        if (!Uri.TryCreate(item.Url, UriKind.Absolute, out var url))
        {
            return new FundusResult(item, null, false, Array.Empty<FieldResult>(), default, $"'{item.Url}' is not an absolute URL");
        }

        var extractor = Extractor.For(url, extractors);
        if (extractor is null)
        {
            return new FundusResult(item, null, false, Array.Empty<FieldResult>(), default, $"no rule for {url.Host} and the generic extractor does not serve it");
        }

        var generic = extractor is GenericExtractor;
        var pagePath = Path.Combine(corpusDirectory, item.Page);
        if (!File.Exists(pagePath))
        {
            return new FundusResult(item, extractor.Site, generic, Array.Empty<FieldResult>(), default, $"page {item.Page} is missing");
        }

        Article article;
        try
        {
            // The corpus stores every page as UTF-8, whatever charset a page still declares.
            article = extractor.Extract(HtmlDocuments.Parse(File.ReadAllText(pagePath, System.Text.Encoding.UTF8)), url);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new FundusResult(item, extractor.Site, generic, Array.Empty<FieldResult>(), default, $"{ex.GetType().Name}: {ex.Message}");
        }

        return Compare(item, article, extractor.Site, generic);
    }

    /// <summary>Every assertion of <paramref name="item"/> against <paramref name="article"/>.</summary>
    internal static FundusResult Compare(FundusCase item, Article article, string? site, bool generic)
    {
        var fields = new List<FieldResult>();
        if (item.Title is not null)
        {
            var e = Normalize(item.Title);
            var a = Normalize(article.Title);
            fields.Add(new FieldResult(Title, e == a, e, a));
        }

        if (item.Authors is not null)
        {
            fields.Add(Set(Authors, item.Authors, article.Authors));
        }

        if (item.Published is not null)
        {
            fields.Add(Date(item.Published, article.Published, item.Country));
        }

        var summary = item.Summary.Select(s => Normalize(s) ?? string.Empty).Where(s => s.Length > 0).ToList();
        var expected = new List<(string Kind, string Text)>();
        foreach (var section in item.Sections)
        {
            expected.AddRange(section.Headlines.Select(h => (Heading, Normalize(h) ?? string.Empty)));
            expected.AddRange(section.Paragraphs.Select(p => (Paragraph, Normalize(p) ?? string.Empty)));
        }

        expected.RemoveAll(x => x.Text.Length == 0);
        var blocks = Blocks(article, summary.Concat(expected.Select(x => x.Text)).ToHashSet(StringComparer.Ordinal));
        var bodyStart = 0;
        if (summary.Count > 0)
        {
            var joined = string.Join(' ', summary);
            var lead = Normalize(article.Lead);
            if (lead == joined)
            {
                fields.Add(new FieldResult(Summary, true, joined, lead));
            }
            else if (blocks.Count >= summary.Count && blocks.Take(summary.Count).SequenceEqual(summary, StringComparer.Ordinal))
            {
                // The summary as the body's first paragraphs: those blocks are the summary, not body.
                bodyStart = summary.Count;
                fields.Add(new FieldResult(Summary, true, joined, "(the first body blocks)"));
            }
            else
            {
                fields.Add(new FieldResult(Summary, false, joined, lead));
            }
        }

        var ours = blocks.Skip(bodyStart).ToList();
        var (found, used) = Align(expected.Select(x => x.Text).ToList(), ours);
        for (var i = 0; i < expected.Count; i++)
        {
            fields.Add(new FieldResult(expected[i].Kind, found[i], expected[i].Text, found[i] ? expected[i].Text : null));
        }

        if (item.Topics is not null && article.Fields.TryGetValue("Topics", out var topics))
        {
            var list = topics switch
            {
                IReadOnlyList<string> many => many,
                string one => new[] { one },
                _ => Array.Empty<string>(),
            };
            fields.Add(Set(Topics, item.Topics, list));
        }

        var words = Words(summary, expected.Select(x => x.Text).ToList(), blocks);
        return new FundusResult(item, site, generic, fields, words, null)
        {
            Missing = expected.Where((_, i) => !found[i]).Select(x => x.Text).ToList(),
            Extra = ours.Where((_, i) => !used[i]).ToList(),
            FirstBlock = blocks.Count > 0 ? blocks[0] : null,
        };
    }

    /// <summary>
    /// Our body's text blocks (captions left out), normalized. A block with line breaks (a
    /// <c>&lt;br&gt;</c>, kept as <c>\n</c>) that is not itself an expected item counts as its lines:
    /// Fundus splits paragraphs at a single <c>&lt;br&gt;</c>, our blocks keep it inside the block,
    /// and the text and its order are the same either way.
    /// </summary>
    private static List<string> Blocks(Article article, HashSet<string> expected)
    {
        var blocks = new List<string>();
        foreach (var block in article.Body)
        {
            if (block.Kind == BlockKind.Caption || Normalize(block.Text) is not { } whole)
            {
                continue;
            }

            var lines = block.Text.Split('\n').Select(Normalize).OfType<string>().ToList();
            if (lines.Count < 2 || expected.Contains(whole))
            {
                blocks.Add(whole);
            }
            else
            {
                blocks.AddRange(lines);
            }
        }

        return blocks;
    }

    /// <summary>
    /// Which expected items our blocks hold in the same order (a longest common subsequence of
    /// equal texts), and which of our blocks were used for them.
    /// </summary>
    internal static (bool[] Found, bool[] Used) Align(IReadOnlyList<string> expected, IReadOnlyList<string> ours)
    {
        var n = expected.Count;
        var m = ours.Count;
        var length = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                length[i, j] = string.Equals(expected[i], ours[j], StringComparison.Ordinal)
                    ? length[i + 1, j + 1] + 1
                    : Math.Max(length[i + 1, j], length[i, j + 1]);
            }
        }

        var found = new bool[n];
        var used = new bool[m];
        for (int i = 0, j = 0; i < n && j < m;)
        {
            if (string.Equals(expected[i], ours[j], StringComparison.Ordinal))
            {
                found[i++] = true;
                used[j++] = true;
            }
            else if (length[i + 1, j] >= length[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (found, used);
    }

    private static BodyWords Words(IReadOnlyList<string> summary, IReadOnlyList<string> sections, IReadOnlyList<string> blocks)
    {
        var ours = BodyAgreement.Words(string.Join('\n', blocks));
        var reference = BodyAgreement.Words(string.Join('\n', summary.Concat(sections)));
        var body = BodyAgreement.Words(string.Join('\n', sections));
        return new BodyWords(
            ours.Values.Sum(),
            ours.Sum(w => Math.Min(w.Value, reference.GetValueOrDefault(w.Key))),
            body.Values.Sum(),
            body.Sum(w => Math.Min(w.Value, ours.GetValueOrDefault(w.Key))));
    }

    private static FieldResult Set(string field, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var e = expected.Select(x => Normalize(x) ?? string.Empty).Where(x => x.Length > 0).ToHashSet(StringComparer.Ordinal);
        var a = actual.Select(x => Normalize(x) ?? string.Empty).Where(x => x.Length > 0).ToHashSet(StringComparer.Ordinal);
        return new FieldResult(field, e.SetEquals(a), string.Join(" | ", expected), actual.Count == 0 ? null : string.Join(" | ", actual));
    }

    /// <summary>
    /// The same instant to the second. An expected value without an offset is the page's local
    /// time, whose offset the case does not state: it passes when it is our value's own
    /// wall-clock time (in the offset the page or the rule's <c>timezone</c> gave it), or our
    /// instant's wall-clock time in a time zone of the case's country (a rule that read the same
    /// instant written in UTC). A rule that reads a local time as UTC fails.
    /// </summary>
    internal static FieldResult Date(string expected, DateTimeOffset? actual, string country)
    {
        var shown = actual?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture);
        if (actual is not { } value)
        {
            return new FieldResult(Published, false, expected, null);
        }

        var trimmed = expected.Trim();
        if (Offset().IsMatch(trimmed))
        {
            var ok = DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var e)
                && Seconds(e.UtcDateTime) == Seconds(value.UtcDateTime);
            return new FieldResult(Published, ok, expected, shown);
        }

        var local = DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall)
            && (Seconds(wall) == Seconds(value.DateTime) || CountryTimeZones.WallClocks(country, value).Any(w => Seconds(w) == Seconds(wall)));
        return new FieldResult(Published, local, expected + " (local)", shown);
    }

    private static long Seconds(DateTime time) => time.Ticks / TimeSpan.TicksPerSecond;

    internal static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // A <br> in our text (\n) and a line break in the expectation are both a space here.
        var normalized = TextNormalizer.Normalize(text.Replace('\n', ' ').Replace(TextNormalizer.LineBreak, ' '));
        return normalized.Length == 0 ? null : normalized;
    }

    [GeneratedRegex(@"(?:Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Offset();
}
