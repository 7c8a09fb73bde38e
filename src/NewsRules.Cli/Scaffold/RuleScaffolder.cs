using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Loading;

namespace NewsRules.Cli.Scaffold;

/// <summary>The result of scaffolding: the rule's text, what it guessed, and the article the rule extracts from the page.</summary>
internal sealed record ScaffoldResult(RuleDraft Draft, string Yaml, Article Article);

/// <summary>One page a draft is made from: the parsed page, its address, and how the rule's comments name it.</summary>
internal sealed record ScaffoldPage(IDocument Document, Uri Url, string SamplePath);

/// <summary>
/// Drafts a rule for a page of a site no rule knows: finds the body, then the metadata and
/// junk around it, writes the YAML, and runs it over the page through the same loader and
/// engine as <c>extract --rule</c>. Fields that come out empty are left out (as comments), so
/// the rule it returns loads, and extracts something from the page.
/// </summary>
internal static class RuleScaffolder
{
    /// <summary>Drafts a rule from several pages of one site; null when they hold no paragraph text to build a body from.</summary>
    public static ScaffoldResult? Create(IReadOnlyList<ScaffoldPage> pages, string site, string domain, string rulePath) =>
        Create(pages[0].Document, pages[0].Url, site, domain, pages[0].SamplePath, rulePath);

    /// <summary>Drafts a rule; null when the page holds no paragraph text to build a body from.</summary>
    public static ScaffoldResult? Create(IDocument document, Uri url, string site, string domain, string samplePath, string rulePath)
    {
        if (document.DocumentElement is null)
        {
            return null;
        }

        var statistics = TextStatistics.Measure(document.DocumentElement);
        var body = BodyFinder.Find(document, statistics);
        if (body is null)
        {
            return null;
        }

        var jsonLd = JsonLd.Read(document);
        var captions = CaptionFinder.Find(document, statistics, body.Selectors[0], body.Containers, out var captionsDeclined);
        var language = LanguageFinder.Find(document, jsonLd);
        var draft = new RuleDraft(
            site,
            domain,
            url,
            samplePath,
            language,
            TitleFinder.Find(document, statistics, jsonLd),
            AuthorFinder.Find(document, statistics, jsonLd, body.Containers),
            DateFinder.Find(document, statistics, jsonLd),
            LeadFinder.Find(document, statistics, body.Containers),
            ImageFinder.Find(document),
            body,
            captions,
            JunkFinder.Find(document, body.Containers, statistics))
        {
            Dropped = captionsDeclined is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["captions"] = captionsDeclined },
        };

        return TrialRun(draft, document, url, rulePath, jsonLd);
    }

    /// <summary>Runs the draft over the page; drops optional fields that extract nothing (or not what the page says), then runs the final rule.</summary>
    private static ScaffoldResult TrialRun(RuleDraft draft, IDocument document, Uri url, string rulePath, JsonLd jsonLd)
    {
        var yaml = RuleYamlWriter.Write(draft, rulePath);
        var article = RuleLoader.LoadText(yaml, rulePath).Extract(document, url);

        var dropped = new Dictionary<string, string>(draft.Dropped, StringComparer.Ordinal);
        if (draft.Author is not null && (article.Authors.Count == 0 || (draft.Author.Selectors[0] == JsonLd.ScriptSelector && article.Authors.Any(a => !jsonLd.Authors.Contains(a)))))
        {
            dropped["author"] = $"'{string.Join("', '", draft.Author.Selectors)}' gave no clean name when run";
        }

        if (draft.Published is not null && article.Published is null)
        {
            dropped["published"] = $"'{string.Join("', '", draft.Published.Selectors)}' gave no date the engine reads when run";
        }

        if (draft.Lead is not null && article.Lead is null)
        {
            dropped["lead"] = $"'{string.Join("', '", draft.Lead.Selectors)}' gave nothing when run";
        }

        if (draft.Image is not null && article.Image is null)
        {
            dropped["image"] = $"'{string.Join("', '", draft.Image.Selectors)}' gave nothing when run";
        }

        if (draft.Captions is not null && article.Captions.Count == 0)
        {
            dropped["captions"] = "the caption selector matched no text when run";
        }

        if (dropped.Count == draft.Dropped.Count)
        {
            return new ScaffoldResult(draft, yaml, article);
        }

        var final = draft with
        {
            Author = dropped.ContainsKey("author") ? null : draft.Author,
            Published = dropped.ContainsKey("published") ? null : draft.Published,
            Lead = dropped.ContainsKey("lead") ? null : draft.Lead,
            Image = dropped.ContainsKey("image") ? null : draft.Image,
            Captions = dropped.ContainsKey("captions") ? null : draft.Captions,
            Dropped = dropped,
        };
        yaml = RuleYamlWriter.Write(final, rulePath);
        article = RuleLoader.LoadText(yaml, rulePath).Extract(document, url);
        return new ScaffoldResult(final, yaml, article);
    }
}
