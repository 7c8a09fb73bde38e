using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Engine;
using NewsRules.Generic;
using NewsRules.Html;

namespace NewsRules.Cli.Conformance;

/// <summary>
/// Rule rot at its extreme: every site rule that serves a page of a Mercury-format corpus forced
/// onto the pages of the corpus's other sites. Each forced run is scored against the page's own
/// rule (its lead and body, as <see cref="BodyAgreement"/> scores the generic extractor), twice:
/// "before", the rule engine alone as it was before issue 19 (no boilerplate net, no rot guard;
/// <c>fallback: true</c> rules still fill empty fields), and "after", the front door of today
/// (net, rot guard against the generic extractor). The generic extractor alone on the same pages
/// is the line "after" should reach.
/// </summary>
internal static class CrossRules
{
    private const int MinimumWords = 30;

    public sealed record Totals
    {
        public long Common { get; set; }

        public long Got { get; set; }

        public long Want { get; set; }

        public int Pairs { get; set; }

        public double Precision => Got == 0 ? 0 : (double)Common / Got;

        public double Recall => Want == 0 ? 0 : (double)Common / Want;

        public void Add((int Common, int Got, int Want) score)
        {
            Common += score.Common;
            Got += score.Got;
            Want += score.Want;
            Pairs++;
        }
    }

    /// <summary>What one rule did on the other sites' pages.</summary>
    public sealed record RuleLine(string Site)
    {
        public Totals Before { get; } = new();

        public Totals After { get; } = new();

        public int RotBody { get; set; }

        public int RotTitle { get; set; }

        public int EmptyBefore { get; set; }

        public int EmptyAfter { get; set; }

        public int Errors { get; set; }
    }

    public static int Run(string corpusDirectory, IReadOnlyList<IArticleExtractor> extractors, TextWriter output, TextWriter error)
    {
        // One page per site: the first case of each host that a rule serves.
        var pages = new List<(ConformanceCase Case, Uri Url, IRuleExtractor Own, IDocument Document, Dictionary<string, int> Want, int WantTotal)>();
        var seenSites = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in ConformanceCase.ReadAll(corpusDirectory))
        {
            if (!Uri.TryCreate(item.Url, UriKind.Absolute, out var url)
                || ExtractorRegistry.Find(extractors, url) is not IRuleExtractor own
                || !seenSites.Add(own.Site))
            {
                continue;
            }

            var path = Path.Combine(corpusDirectory, item.Page);
            if (!File.Exists(path))
            {
                error.WriteLine($"newsrules: page {item.Page} is missing; left out.");
                continue;
            }

            var document = HtmlDocuments.Parse(File.ReadAllText(path, System.Text.Encoding.UTF8));
            Article reference;
            try
            {
                reference = own.Extract(document, url);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                error.WriteLine($"newsrules: {item.Id}: its own rule failed ({ex.GetType().Name}); left out.");
                continue;
            }

            var want = BodyAgreement.Words(string.IsNullOrEmpty(reference.Lead) ? reference.Text : reference.Lead + "\n" + reference.Text);
            var total = want.Values.Sum();
            if (total >= MinimumWords)
            {
                pages.Add((item, url, own, document, want, total));
            }
        }

        var rules = pages.Select(p => p.Own).ToList();
        var lines = new List<RuleLine>();
        var generic = new Totals();
        var genericByPage = new Dictionary<string, (int Common, int Got, int Want)>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var score = Score(GenericExtractor.Instance.Extract(page.Document, page.Url).Text, page.Want, page.WantTotal);
            genericByPage[page.Case.Id] = score;
        }

        var worseAfter = 0;
        foreach (var rule in rules)
        {
            var line = new RuleLine(rule.Site);
            foreach (var page in pages)
            {
                if (ReferenceEquals(page.Own, rule))
                {
                    continue;
                }

                try
                {
                    var before = RuleEngine.Run(rule.Rule, page.Document, page.Url);
                    if (rule.Rule.Fallback)
                    {
                        before = FallbackFill.Apply(before, () => GenericExtractor.Run(page.Document, page.Url).Article);
                    }

                    var after = RulePipeline.Run(rule.Rule, page.Document, page.Url);
                    var b = Score(before.Text, page.Want, page.WantTotal);
                    var a = Score(after.Article.Text, page.Want, page.WantTotal);
                    line.Before.Add(b);
                    line.After.Add(a);
                    generic.Add(genericByPage[page.Case.Id]);
                    line.EmptyBefore += before.Body.Count == 0 ? 1 : 0;
                    line.EmptyAfter += after.Article.Body.Count == 0 ? 1 : 0;
                    line.RotBody += after.Rot.Any(r => r.Field == "body") ? 1 : 0;
                    line.RotTitle += after.Rot.Any(r => r.Field == "title") ? 1 : 0;
                    worseAfter += F1(a) < F1(b) - 1e-9 ? 1 : 0;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    line.Errors++;
                }
            }

            lines.Add(line);
        }

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"cross-rules: {rules.Count} site rules, each forced onto the other {pages.Count - 1} sites' pages (one page a site), scored against each page's own rule"));
        output.WriteLine(string.Create(inv, $"{"rule",-28} {"pairs",5}  {"before P / R",13}  {"after P / R",13}  {"empty before/after",18}  {"rot body/title",14}"));
        foreach (var line in lines.OrderBy(l => l.Site, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(inv,
                $"{line.Site,-28} {line.Before.Pairs,5}  {line.Before.Precision,6:0.000} / {line.Before.Recall,5:0.000}  {line.After.Precision,6:0.000} / {line.After.Recall,5:0.000}  {line.EmptyBefore,8} / {line.EmptyAfter,-7}  {line.RotBody,6} / {line.RotTitle,-5}{(line.Errors > 0 ? $"  errors {line.Errors}" : string.Empty)}"));
        }

        var pooledBefore = Pool(lines.Select(l => l.Before));
        var pooledAfter = Pool(lines.Select(l => l.After));
        var pairs = lines.Sum(l => l.Before.Pairs);
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"pooled over {pairs} forced pairs: before precision {pooledBefore.Precision:0.000}, recall {pooledBefore.Recall:0.000}; after precision {pooledAfter.Precision:0.000}, recall {pooledAfter.Recall:0.000}; the generic extractor alone on the same pairs: precision {generic.Precision:0.000}, recall {generic.Recall:0.000}"));
        output.WriteLine(string.Create(inv,
            $"empty bodies: before {lines.Sum(l => l.EmptyBefore)}, after {lines.Sum(l => l.EmptyAfter)}; rule-rot warnings after: body {lines.Sum(l => l.RotBody)}, title {lines.Sum(l => l.RotTitle)}; pairs whose body F1 fell from before to after: {worseAfter}; errors: {lines.Sum(l => l.Errors)}"));
        return ExitCodes.Ok;
    }

    private static Totals Pool(IEnumerable<Totals> parts)
    {
        var pooled = new Totals();
        foreach (var part in parts)
        {
            pooled.Common += part.Common;
            pooled.Got += part.Got;
            pooled.Want += part.Want;
            pooled.Pairs += part.Pairs;
        }

        return pooled;
    }

    private static (int Common, int Got, int Want) Score(string text, Dictionary<string, int> want, int wantTotal)
    {
        var got = BodyAgreement.Words(text);
        var common = 0;
        foreach (var (word, count) in got)
        {
            common += Math.Min(count, want.GetValueOrDefault(word));
        }

        return (common, got.Values.Sum(), wantTotal);
    }

    private static double F1((int Common, int Got, int Want) score)
    {
        var p = score.Got == 0 ? 0 : (double)score.Common / score.Got;
        var r = score.Want == 0 ? 0 : (double)score.Common / score.Want;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
