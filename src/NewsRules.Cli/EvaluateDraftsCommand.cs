using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using NewsRules.Cli.Conformance;
using NewsRules.Cli.Scaffold;
using NewsRules.Generic;
using NewsRules.Html;
using NewsRules.Loading;
using NewsRules.Rules.Definition;

namespace NewsRules.Cli;

/// <summary>
/// <c>newsrules evaluate-drafts &lt;corpus&gt;</c>: how good the untouched drafts of
/// <c>newsrules new</c> are. For every case of a Fundus-format corpus it drafts a rule from the
/// page (into a scratch folder, never into a rules folder), loads it with the runtime loader and
/// scores it with the conformance scorer, side by side with the generic extractor on the same
/// page: (a) for every publisher with two or more pages, the draft from its first page scored on
/// its second (an unseen page of the site); (b) for every publisher, the draft scored on its own page.
/// </summary>
internal static class EvaluateDraftsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<DirectoryInfo>("corpus") { Description = "A Fundus-format corpus folder: cases.jsonl plus the pages it names." };
        var scratch = new Option<DirectoryInfo?>("--scratch") { Description = "Where to write the drafts (one folder per case). Default: a new folder under the system's temp folder, removed afterwards." };
        var only = new Option<string?>("--publisher") { Description = "Only publishers whose name contains this text." };
        var perPublisher = new Option<bool>("--per-publisher") { Description = "Also print a line per publisher: assertions passed by the draft and by the generic extractor." };
        var details = new Option<bool>("--details") { Description = "Also print, per page where the draft passes fewer assertions than the generic extractor, the values the draft got wrong." };
        var command = new Command(
            "evaluate-drafts",
            "Score the untouched drafts of 'newsrules new' on a Fundus-format corpus, side by side with the generic extractor: "
            + "a draft from a publisher's first page scored on its second page (publishers with two pages), and a draft scored on its own page.\n"
            + "Example: newsrules evaluate-drafts ../shared/corpus/fundus-dev --per-publisher")
        {
            corpus, scratch, only, perPublisher, details,
        };
        command.SetAction(result => Run(result.GetValue(corpus)!, result.GetValue(scratch), result.GetValue(only), result.GetValue(perPublisher), output, error, result.GetValue(details)));
        return command;
    }

    public static int Run(DirectoryInfo corpus, DirectoryInfo? scratchOption, string? only, bool perPublisher, TextWriter output, TextWriter error, bool details = false)
    {
        if (!corpus.Exists)
        {
            error.WriteLine($"newsrules: corpus folder '{corpus.FullName}' does not exist.");
            return ExitCodes.UsageOrRuleErrors;
        }

        if (!FundusCase.IsFundusCorpus(corpus.FullName))
        {
            error.WriteLine($"newsrules: '{corpus.FullName}' is not a Fundus-format corpus (its cases.jsonl must name a publisher and an expected.body object per case).");
            return ExitCodes.UsageOrRuleErrors;
        }

        List<FundusCase> cases;
        try
        {
            cases = FundusCase.ReadAll(corpus.FullName);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            error.WriteLine($"newsrules: {ex.Message}");
            return ExitCodes.UsageOrRuleErrors;
        }

        var scratch = scratchOption?.FullName ?? Path.Combine(Path.GetTempPath(), "newsrules-drafts-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(scratch);
        try
        {
            var evaluation = Evaluate(corpus.FullName, cases, scratch, only);
            Write(evaluation, output, perPublisher, details);
            return ExitCodes.Ok;
        }
        finally
        {
            if (scratchOption is null)
            {
                try
                {
                    Directory.Delete(scratch, recursive: true);
                }
                catch (IOException)
                {
                    // A scratch folder left behind in the temp folder harms nothing.
                }
            }
        }
    }

    /// <summary>One scored page: the draft's result and the generic extractor's on the same page.</summary>
    internal sealed record Scored(string Publisher, FundusResult Draft, FundusResult Generic);

    /// <summary>Both evaluations: drafts on unseen pages (first page → second) and drafts on their own page.</summary>
    internal sealed record Evaluation(IReadOnlyList<Scored> Unseen, IReadOnlyList<Scored> Own);

    internal static Evaluation Evaluate(string corpusDirectory, IReadOnlyList<FundusCase> cases, string scratch, string? only)
    {
        var unseen = new List<Scored>();
        var own = new List<Scored>();
        var index = 0;
        foreach (var publisher in cases.GroupBy(c => c.Publisher, StringComparer.Ordinal))
        {
            if (only is not null && !publisher.Key.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var pages = publisher.ToList();
            var drafts = new List<(FundusCase Case, IArticleExtractor? Rule, string? Error)>();
            foreach (var item in pages)
            {
                drafts.Add((item, Draft(corpusDirectory, item, Path.Combine(scratch, (index++).ToString("000", CultureInfo.InvariantCulture)), out var problem), problem));
            }

            foreach (var (item, rule, problem) in drafts)
            {
                own.Add(Score(corpusDirectory, publisher.Key, item, rule, problem));
            }

            if (pages.Count >= 2)
            {
                unseen.Add(Score(corpusDirectory, publisher.Key, pages[1], drafts[0].Rule, drafts[0].Error));
            }
        }

        return new Evaluation(unseen, own);
    }

    /// <summary>
    /// Drafts a rule from <paramref name="item"/>'s page as <c>newsrules new</c> would (its URL from
    /// the case), writes it under <paramref name="folder"/> and loads it back with the runtime loader.
    /// </summary>
    private static IArticleExtractor? Draft(string corpusDirectory, FundusCase item, string folder, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(item.Url, UriKind.Absolute, out var url))
        {
            problem = $"'{item.Url}' is not an absolute URL";
            return null;
        }

        var pagePath = Path.Combine(corpusDirectory, item.Page);
        if (!File.Exists(pagePath))
        {
            problem = $"page {item.Page} is missing";
            return null;
        }

        var domain = url.IdnHost.ToLowerInvariant().TrimEnd('.');
        var site = SiteNaming.SiteName(domain);
        if (!Identifiers.IsIdentifier(site) || Identifiers.ReservedSiteNames.Contains(site))
        {
            site = "Draft" + Identifiers.Suggest(site);
        }

        var rulePath = Path.Combine(folder, domain, domain + ".yaml");
        try
        {
            var document = HtmlDocuments.Parse(File.ReadAllText(pagePath, System.Text.Encoding.UTF8));
            var scaffold = RuleScaffolder.Create(new[] { new ScaffoldPage(document, url, $"samples/{Path.GetFileName(item.Page)}") }, site, domain, $"{domain}/{domain}.yaml");
            if (scaffold is null)
            {
                problem = "the scaffold found no article text on the page";
                return null;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(rulePath)!);
            File.WriteAllText(rulePath, scaffold.Yaml);
            return RuleLoader.LoadFile(rulePath);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problem = $"drafting failed: {ex.GetType().Name}: {ex.Message}";
            return null;
        }
    }

    private static Scored Score(string corpusDirectory, string publisher, FundusCase item, IArticleExtractor? rule, string? problem)
    {
        var generic = Run(corpusDirectory, item, GenericExtractor.Instance, true);
        var draft = rule is null
            ? new FundusResult(item, null, false, Array.Empty<FieldResult>(), default, problem ?? "no draft")
            : Run(corpusDirectory, item, rule, false);
        return new Scored(publisher, draft, generic);
    }

    private static FundusResult Run(string corpusDirectory, FundusCase item, IArticleExtractor extractor, bool generic)
    {
        try
        {
            var url = new Uri(item.Url);
            var document = HtmlDocuments.Parse(File.ReadAllText(Path.Combine(corpusDirectory, item.Page), System.Text.Encoding.UTF8));
            return FundusRunner.Compare(item, extractor.Extract(document, url), extractor.Site, generic);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new FundusResult(item, extractor.Site, generic, Array.Empty<FieldResult>(), default, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static void Write(Evaluation evaluation, TextWriter output, bool perPublisher, bool details)
    {
        Section("(a) draft from a publisher's first page, scored on its second page", evaluation.Unseen, output, perPublisher, details);
        output.WriteLine();
        Section("(b) draft scored on its own page", evaluation.Own, output, perPublisher, details);
    }

    private static void Details(IReadOnlyList<Scored> scored, TextWriter output)
    {
        foreach (var one in scored)
        {
            var (dp, _) = Passed(new[] { one.Draft });
            var (gp, _) = Passed(new[] { one.Generic });
            if (dp >= gp || one.Draft.Error is not null)
            {
                continue;
            }

            output.WriteLine($"  {one.Draft.Case.Id}: draft {dp}, generic {gp} assertions passed");
            var generic = one.Generic.Assertions.Where(f => f.Passed).Select(f => (f.Field, f.Expected)).ToHashSet();
            foreach (var failed in one.Draft.Assertions.Where(f => !f.Passed && generic.Contains((f.Field, f.Expected))).Take(4))
            {
                output.WriteLine($"    {failed.Field}: expected '{Guessing.Preview(failed.Expected, 80)}', the draft got '{Guessing.Preview(failed.Actual, 80)}'");
            }

            // What the draft's body has that the expectation does not (and the generic extractor's body lacks), first ones first.
            var genericExtra = one.Generic.Extra.ToHashSet(StringComparer.Ordinal);
            foreach (var extra in one.Draft.Extra.Where(e => !genericExtra.Contains(e)).Take(3))
            {
                output.WriteLine($"    body block the generic extractor leaves out: '{Guessing.Preview(extra, 80)}'");
            }

            if (one.Draft.Assertions.Any(f => f.Field == FundusRunner.Summary && !f.Passed))
            {
                output.WriteLine($"    the draft's body starts '{Guessing.Preview(one.Draft.FirstBlock ?? string.Empty, 80)}', the generic extractor's '{Guessing.Preview(one.Generic.FirstBlock ?? string.Empty, 80)}'");
            }
        }
    }

    private static void Section(string title, IReadOnlyList<Scored> scored, TextWriter output, bool perPublisher, bool details)
    {
        var publishers = scored.GroupBy(s => s.Publisher, StringComparer.Ordinal).ToList();
        output.WriteLine($"{title}: {scored.Count} page(s) of {publishers.Count} publisher(s)");
        var failedDrafts = scored.Where(s => s.Draft.Error is not null).ToList();
        foreach (var failed in failedDrafts)
        {
            output.WriteLine($"  no draft for {failed.Draft.Case.Id}: {failed.Draft.Error}");
        }

        if (details)
        {
            Details(scored, output);
        }

        if (perPublisher)
        {
            output.WriteLine($"  {"publisher",-24} draft passed / asserted   generic passed / asserted");
            foreach (var group in publishers.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var (dp, dt) = Passed(group.Select(s => s.Draft));
                var (gp, gt) = Passed(group.Select(s => s.Generic));
                var mark = Share(dp, dt) >= Share(gp, gt) ? ">=" : "< ";
                output.WriteLine(Invariant($"  {group.Key,-24} {dp,6} / {dt,-6} {Share(dp, dt),5:0.0}%  {mark} {gp,6} / {gt,-6} {Share(gp, gt),5:0.0}%"));
            }
        }

        output.WriteLine($"  {"",-21} {"draft",16}   {"generic",16}");
        foreach (var field in FundusRunner.Fields)
        {
            var (dp, dt) = Field(scored.Select(s => s.Draft), field);
            var (gp, gt) = Field(scored.Select(s => s.Generic), field);
            if (dt + gt > 0)
            {
                output.WriteLine(Invariant($"  {field,-21} {dp,5}/{dt,-5} {Share(dp, dt),5:0.0}%   {gp,5}/{gt,-5} {Share(gp, gt),5:0.0}%"));
            }
        }

        var (draftPassed, draftTotal) = Passed(scored.Select(s => s.Draft));
        var (genericPassed, genericTotal) = Passed(scored.Select(s => s.Generic));
        var (draftPrecision, draftRecall) = FundusReport.Words(scored.Select(s => s.Draft));
        var (genericPrecision, genericRecall) = FundusReport.Words(scored.Select(s => s.Generic));
        var atLeast = publishers.Count(g =>
        {
            var (dp, dt) = Passed(g.Select(s => s.Draft));
            var (gp, gt) = Passed(g.Select(s => s.Generic));
            return Share(dp, dt) >= Share(gp, gt);
        });
        var meanDraft = publishers.Count == 0 ? 0 : publishers.Average(g => { var (p, t) = Passed(g.Select(s => s.Draft)); return Share(p, t); });
        var meanGeneric = publishers.Count == 0 ? 0 : publishers.Average(g => { var (p, t) = Passed(g.Select(s => s.Generic)); return Share(p, t); });
        output.WriteLine(Invariant($"  expected values right: draft {draftPassed}/{draftTotal} ({Share(draftPassed, draftTotal):0.0}%), generic {genericPassed}/{genericTotal} ({Share(genericPassed, genericTotal):0.0}%)"));
        output.WriteLine(Invariant($"  mean per publisher:    draft {meanDraft:0.0}%, generic {meanGeneric:0.0}%"));
        output.WriteLine(Invariant($"  body words:            draft precision {draftPrecision:0.000} recall {draftRecall:0.000}, generic precision {genericPrecision:0.000} recall {genericRecall:0.000}"));
        output.WriteLine(Invariant($"  draft >= generic on {atLeast}/{publishers.Count} publishers ({Share(atLeast, publishers.Count):0.0}%); {failedDrafts.Count} page(s) without a draft"));
    }

    /// <summary>Assertions passed and made; a case that errored counts every assertion it would have made as failed.</summary>
    private static (int Passed, int Total) Passed(IEnumerable<FundusResult> results)
    {
        int passed = 0, total = 0;
        foreach (var result in results)
        {
            passed += result.Assertions.Count(f => f.Passed);
            total += result.Error is null ? result.Assertions.Count : FundusRunner.Fields.Sum(f => FundusReport.Expected(result.Case, f));
        }

        return (passed, total);
    }

    private static (int Passed, int Total) Field(IEnumerable<FundusResult> results, string field)
    {
        int passed = 0, total = 0;
        foreach (var result in results)
        {
            var asserted = result.Assertions.Where(f => f.Field == field).ToList();
            passed += asserted.Count(f => f.Passed);
            total += result.Error is null ? asserted.Count : FundusReport.Expected(result.Case, field);
        }

        return (passed, total);
    }

    private static double Share(int passed, int total) => total == 0 ? 100.0 : 100.0 * passed / total;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
