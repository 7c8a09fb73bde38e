using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NewsRules.Catalog;
using NewsRules.Cli.Conformance;
using NewsRules.Generic;
using NewsRules.Loading;

namespace NewsRules.Cli;

/// <summary><c>newsrules conformance &lt;corpus&gt; [--rules dir]</c>: check rules against a corpus of pages with known answers.</summary>
internal static class ConformanceCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Argument<DirectoryInfo>("corpus") { Description = "A corpus folder: cases.jsonl plus the pages it names (Mercury fixture format, or Fundus's: recognised by its first case)." };
        var rules = new Option<DirectoryInfo?>("--rules") { Description = "Load YAML rules from this folder at run time; they add to, or replace for their domains, the compiled rules." };
        var only = new Option<string?>("--case") { Description = "Only cases whose id contains this text." };
        var failures = new Option<bool>("--failures-only") { Description = "Print only the cases that failed or errored." };
        var genericOnly = new Option<bool>("--generic-only") { Description = "Check the generic extractor instead of the rules: every case goes to the fallback, as a page from a site without a rule would; its whole body is also held against the compiled site rule's (word precision, recall, F1)." };
        var perCountry = new Option<bool>("--per-country") { Description = "Fundus corpora: also print a line per country (assertions passed, body word precision and recall, the rules that served it)." };
        var perPublisher = new Option<bool>("--per-publisher") { Description = "Fundus corpora: also print a line per publisher (as --per-country)." };
        var crossRules = new Option<bool>("--cross-rules") { Description = "Mercury corpora: force every site rule onto the other sites' pages (rule rot at its extreme) and score each body against the page's own rule's, before (rule engine alone: no boilerplate net, no rot guard) and after (today's front door), per rule and pooled, beside the generic extractor alone." };
        var command = new Command(
            "conformance",
            "Check the rules against a corpus of real pages with known values.\n\n"
            + "Mercury format: title, author, date, dek, lead image and the body's first words per case. "
            + "Fundus format (cases with publisher, country and expected.body.sections): title, authors (as a set), publishing date (same instant), "
            + "summary (our lead or first body blocks), every expected sub-heading and paragraph (in order, one assertion each) and topics "
            + "(when the rule declares a Topics field), plus body word precision and recall; a page no rule serves goes to the generic fallback.\n\n"
            + "Examples:\n  newsrules conformance ../shared/corpus/mercury-dev --rules rules/www.cnn.com --case cnn\n  newsrules conformance ../shared/corpus/mercury-dev --generic-only --failures-only\n"
            + "  newsrules conformance ../shared/corpus/fundus-dev --per-publisher --failures-only")
        {
            corpus, rules, only, failures, genericOnly, perCountry, perPublisher, crossRules,
        };
        command.SetAction(result => Run(result.GetValue(corpus)!, result.GetValue(rules), result.GetValue(only), result.GetValue(failures), output, error, result.GetValue(genericOnly), result.GetValue(perCountry), result.GetValue(perPublisher), result.GetValue(crossRules)));
        return command;
    }

    public static int Run(DirectoryInfo corpus, DirectoryInfo? rulesDirectory, string? only, bool failuresOnly, TextWriter output, TextWriter error, bool genericOnly = false, bool perCountry = false, bool perPublisher = false, bool crossRules = false)
    {
        if (!corpus.Exists)
        {
            error.WriteLine($"newsrules: corpus folder '{corpus.FullName}' does not exist.");
            return ExitCodes.UsageOrRuleErrors;
        }

        if (crossRules && (genericOnly || only is not null || FundusCase.IsFundusCorpus(corpus.FullName)))
        {
            error.WriteLine("newsrules: --cross-rules runs every rule on a Mercury-format corpus's other sites; leave out --generic-only and --case, and give a Mercury-format corpus (cases.jsonl without publisher/country).");
            return ExitCodes.UsageOrRuleErrors;
        }

        if (genericOnly && rulesDirectory is not null)
        {
            error.WriteLine("newsrules: --generic-only checks the generic extractor alone; leave out --rules.");
            return ExitCodes.UsageOrRuleErrors;
        }

        IReadOnlyList<IArticleExtractor> extractors;
        try
        {
            extractors = genericOnly ? new IArticleExtractor[] { GenericExtractor.Instance } : Extractors(rulesDirectory);
        }
        catch (RuleLoadException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine("newsrules: the rules under --rules have errors (listed above).");
            return ExitCodes.UsageOrRuleErrors;
        }

        Func<string, bool>? filter = only is null ? null : id => id.Contains(only, StringComparison.OrdinalIgnoreCase);
        if (FundusCase.IsFundusCorpus(corpus.FullName))
        {
            List<FundusResult> fundus;
            try
            {
                fundus = FundusRunner.Run(corpus.FullName, extractors, filter);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                error.WriteLine($"newsrules: {ex.Message}");
                return ExitCodes.UsageOrRuleErrors;
            }

            var (_, _, fundusErrors) = FundusReport.Write(fundus, output, failuresOnly, perCountry, perPublisher);
            return fundusErrors == 0 ? ExitCodes.Ok : ExitCodes.ExtractionProblems;
        }

        if (crossRules)
        {
            try
            {
                return CrossRules.Run(corpus.FullName, extractors, output, error);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                error.WriteLine($"newsrules: {ex.Message}");
                return ExitCodes.UsageOrRuleErrors;
            }
        }

        if (perCountry || perPublisher)
        {
            error.WriteLine("newsrules: --per-country and --per-publisher need a Fundus-format corpus (its cases name a publisher and a country).");
            return ExitCodes.UsageOrRuleErrors;
        }

        List<CaseResult> results;
        try
        {
            results = ConformanceRunner.Run(corpus.FullName, extractors, filter);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            error.WriteLine($"newsrules: {ex.Message}");
            return ExitCodes.UsageOrRuleErrors;
        }

        var (_, _, errors) = ConformanceReport.Write(results, output, failuresOnly);
        if (genericOnly)
        {
            // The corpus asserts only the body's first words; the site rules give whole bodies to
            // hold the fallback's against.
            var byRules = ConformanceRunner.Run(corpus.FullName, Sites.All, filter);
            BodyAgreement.Write(results, byRules, output);
        }

        return errors == 0 ? ExitCodes.Ok : ExitCodes.ExtractionProblems;
    }

    /// <summary>The compiled rules, with the rules of <paramref name="rulesDirectory"/> added and replacing compiled ones for their domains.</summary>
    public static IReadOnlyList<IArticleExtractor> Extractors(DirectoryInfo? rulesDirectory)
    {
        if (rulesDirectory is null)
        {
            return Sites.All;
        }

        if (!rulesDirectory.Exists)
        {
            throw new DirectoryNotFoundException($"rules folder '{rulesDirectory.FullName}' does not exist.");
        }

        var loaded = RuleLoader.LoadDirectory(rulesDirectory.FullName);
        var domains = loaded.SelectMany(r => r.Domains).ToHashSet(StringComparer.Ordinal);
        return loaded.Cast<IArticleExtractor>()
            .Concat(Sites.All.Where(compiled => !compiled.Domains.Any(domains.Contains)))
            .ToList();
    }
}
