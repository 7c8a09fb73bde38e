using System;
using System.CommandLine;
using System.IO;
using NewsRules.Cli.Evaluate;
using NewsRules.Generic;
using NewsRules.Output;

namespace NewsRules.Cli;

/// <summary>
/// <c>newsrules evaluate &lt;corpus&gt;</c>: how well extraction does on a trafilatura-style
/// evaluation corpus (body snippets that must and must not appear; title, author, date).
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<DirectoryInfo>("corpus") { Description = "A corpus folder: cases.jsonl (url, page, with, without[, title, author, date]) plus the pages it names." };
        var genericOnly = new Option<bool>("--generic-only") { Description = "Use the generic extractor on every page, even where a rule serves the URL." };
        var rules = new Option<DirectoryInfo?>("--rules") { Description = ProjectRules.OptionDescription };
        var page = new Option<string?>("--page") { Description = "Only cases whose page path contains this text." };
        var details = new Option<bool>("--details") { Description = "Also print a line per page that went wrong: snippets missed or leaked, title, author or date different." };
        var outFolder = new Option<DirectoryInfo?>("--out") { Description = "Also write each page's article as JSON to this folder (<page name>.json), to read what was extracted." };
        var command = new Command("evaluate", "Measure extraction on a trafilatura-style corpus: body precision, recall, F1 and accuracy; title, author and date accuracy.\n\nExamples:\n  newsrules evaluate ../shared/corpus/trafilatura-eval\n  newsrules evaluate ../shared/corpus/trafilatura-eval --generic-only --page spiegel\n  newsrules evaluate ../shared/corpus/trafilatura-eval --details --out eval-articles")
        {
            corpus, genericOnly, rules, page, details, outFolder,
        };
        command.SetAction(result => Run(result.GetValue(corpus)!, result.GetValue(genericOnly), result.GetValue(page), result.GetValue(details), output, error, result.GetValue(outFolder), result.GetValue(rules)));
        return command;
    }

    public static int Run(DirectoryInfo corpus, bool genericOnly, string? page, bool details, TextWriter output, TextWriter error, DirectoryInfo? outFolder = null, DirectoryInfo? rulesDirectory = null)
    {
        if (!corpus.Exists)
        {
            error.WriteLine($"newsrules: corpus folder '{corpus.FullName}' does not exist; pass the folder that holds cases.jsonl and pages/.");
            return ExitCodes.UsageOrRuleErrors;
        }

        if (genericOnly && rulesDirectory is not null)
        {
            error.WriteLine("newsrules: --generic-only evaluates the generic extractor alone; leave out --rules.");
            return ExitCodes.UsageOrRuleErrors;
        }

        var rules = System.Array.Empty<IArticleExtractor>() as System.Collections.Generic.IReadOnlyList<IArticleExtractor>;
        if (!genericOnly)
        {
            if (ProjectRules.ResolveAndSay(rulesDirectory, error, out var exitCode) is not { } found)
            {
                return exitCode;
            }

            rules = found.Extractors;
        }

        Action<EvaluationCase, Article>? write = null;
        if (outFolder is not null)
        {
            try
            {
                outFolder.Create();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"newsrules: cannot create the --out folder '{outFolder.FullName}': {ex.Message}");
                return ExitCodes.UsageOrRuleErrors;
            }

            write = (item, article) => File.WriteAllText(
                Path.Combine(outFolder.FullName, Path.GetFileNameWithoutExtension(item.Page) + ".json"),
                ArticleJson.Serialize(article));
        }

        System.Collections.Generic.List<PageOutcome> outcomes;
        try
        {
            outcomes = Evaluation.Run(
                corpus.FullName,
                genericOnly ? (document, url) => GenericExtractor.Instance.Extract(document, url) : (document, url) => Extractor.Extract(document, url, rules),
                page is null ? null : c => c.Page.Contains(page, StringComparison.OrdinalIgnoreCase),
                write);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine($"newsrules: {ex.Message}");
            return ExitCodes.UsageOrRuleErrors;
        }

        if (outcomes.Count == 0)
        {
            error.WriteLine(page is null
                ? $"newsrules: '{corpus.FullName}' has no cases in cases.jsonl."
                : $"newsrules: no case's page contains '{page}'; drop --page or pick another part of a page's path.");
            return ExitCodes.UsageOrRuleErrors;
        }

        var summary = EvaluationReport.Write(outcomes, output, details);
        foreach (var failed in outcomes)
        {
            if (failed.Error is not null)
            {
                error.WriteLine($"newsrules: {failed.Case.Page} (cases.jsonl line {failed.Case.Line}): {failed.Error}");
            }
        }

        return summary.Errors == 0 ? ExitCodes.Ok : ExitCodes.ExtractionProblems;
    }
}
