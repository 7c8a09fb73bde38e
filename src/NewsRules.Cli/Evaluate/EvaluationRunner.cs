using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AngleSharp.Dom;
using NewsRules.Generic;
using NewsRules.Html;

namespace NewsRules.Cli.Evaluate;

/// <summary>How one page fared: snippet counts, the snippets that went wrong, and the metadata compared.</summary>
internal sealed record PageOutcome(
    EvaluationCase Case,
    bool ByRule,
    int TruePositives,
    int FalseNegatives,
    int FalsePositives,
    int TrueNegatives,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> Leaked,
    string? Title,
    string? Author,
    string? Date,
    string? Error)
{
    public bool? TitleCorrect => Case.Title is null || Error is not null ? null : Evaluation.Normalize(Case.Title) == Evaluation.Normalize(Title);

    /// <summary>The title right but for case: a site's CSS upper-cases what the page writes in mixed case, and annotators copy what they see.</summary>
    public bool? TitleCorrectIgnoringCase => Case.Title is null || Error is not null ? null : string.Equals(Evaluation.Normalize(Case.Title), Evaluation.Normalize(Title), StringComparison.OrdinalIgnoreCase);

    public bool? AuthorCorrect => Case.Author is null || Error is not null ? null : string.Equals(Evaluation.Normalize(Case.Author), Evaluation.Normalize(Author), StringComparison.OrdinalIgnoreCase);

    public bool? DateCorrect => Case.Date is null || Error is not null ? null : Case.Date.Trim() == Date;
}

/// <summary>
/// trafilatura's benchmark, as its evaluation computes it: per page, the extracted main text and
/// every snippet are whitespace-normalized (runs of white space to one space, trimmed); a
/// <c>with</c> snippet found as a substring is a true positive, one not found a false negative;
/// a <c>without</c> snippet found is a false positive, one not found a true negative. Counts are
/// pooled over all pages. Title and author(s) are compared after whitespace normalization (authors
/// joined by "; ", case ignored); the date as YYYY-MM-DD in the offset the page gave.
/// </summary>
internal static class Evaluation
{
    public static List<PageOutcome> Run(string corpusDirectory, Func<IDocument, Uri, Article> extract, Func<EvaluationCase, bool>? filter = null, Action<EvaluationCase, Article>? extracted = null)
    {
        var outcomes = new List<PageOutcome>();
        foreach (var item in EvaluationCase.ReadAll(corpusDirectory))
        {
            if (filter is null || filter(item))
            {
                outcomes.Add(RunCase(corpusDirectory, item, extract, extracted));
            }
        }

        return outcomes;
    }

    public static PageOutcome RunCase(string corpusDirectory, EvaluationCase item, Func<IDocument, Uri, Article> extract, Action<EvaluationCase, Article>? extracted = null)
    {
        var pagePath = Path.Combine(corpusDirectory, item.Page);
        if (!File.Exists(pagePath))
        {
            return Failed(item, $"page '{item.Page}' is missing from '{corpusDirectory}'");
        }

        Article article;
        try
        {
            IDocument document;
            using (var stream = File.OpenRead(pagePath))
            {
                // Bytes, not text: the pages keep their charsets (a BOM or a meta charset decides).
                document = HtmlDocuments.ParseTransient(stream);
            }

            article = extract(document, PageUrlOf(item, document));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Failed(item, $"{ex.GetType().Name}: {ex.Message}");
        }

        extracted?.Invoke(item, article);
        var text = Normalize(article.Text);
        var missed = item.With.Where(s => !text.Contains(Normalize(s), StringComparison.Ordinal)).ToList();
        var leaked = item.Without.Where(s => text.Contains(Normalize(s), StringComparison.Ordinal)).ToList();
        return new PageOutcome(
            item,
            !article.Warnings.Any(w => w.StartsWith(GenericExtractor.FallbackWarning, StringComparison.Ordinal)),
            item.With.Count - missed.Count,
            missed.Count,
            leaked.Count,
            item.Without.Count - leaked.Count,
            missed,
            leaked,
            article.Title,
            article.Authors.Count == 0 ? null : string.Join("; ", article.Authors),
            article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            null);
    }

    /// <summary>
    /// The case's URL; a case without a usable one (some say "hard::page.html") takes the page's
    /// canonical link or og:url, else a placeholder under the reserved <c>.invalid</c> domain.
    /// </summary>
    public static Uri PageUrlOf(EvaluationCase item, IDocument document)
    {
        if (Uri.TryCreate(item.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        return PageAddress.Find(document) ?? new Uri("https://unknown.invalid/" + Uri.EscapeDataString(Path.GetFileName(item.Page)));
    }

    /// <summary>
    /// Runs of white space to one space, trimmed (Python's <c>" ".join(s.split())</c>). The
    /// invisible characters the engine's text normalization drops (soft hyphen, zero-width space,
    /// word joiner, BOM, direction marks) are dropped from snippets too: extracted text never
    /// holds them, so a snippet copied with them ("Klima&amp;shy;wandel") could never match.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF' or '\u200E' or '\u200F' or '\u061C')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static PageOutcome Failed(EvaluationCase item, string error) =>
        // As trafilatura counts a page it could not extract: every "with" missed, every "without" avoided.
        new(item, false, 0, item.With.Count, 0, item.Without.Count, item.With, Array.Empty<string>(), null, null, null, error);
}
