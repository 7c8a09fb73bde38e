using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Html;
using NewsRules.Loading;
using NewsRules.Output;

namespace NewsRules.Cli;

/// <summary><c>newsrules extract</c>: run a rule over a saved page and print the article.</summary>
internal static class ExtractCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var page = new Argument<FileInfo>("page") { Description = "The saved HTML page." };
        var url = new Option<string?>("--url")
        {
            Description = "The page's URL: picks the rule and resolves relative links. Default: the page's canonical link, else its og:url.",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output: json (the full contract), text (title, lead, body) or markdown.",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "text", "markdown");
        var rule = new Option<FileInfo?>("--rule", "-r")
        {
            Description = "One YAML rule to load at run time and run on the page, whatever its URL, instead of the rules folder.",
        };
        var rules = new Option<DirectoryInfo?>("--rules") { Description = ProjectRules.OptionDescription };

        var field = new Option<string?>("--field")
        {
            Description = "Print only this field: title, lead, authors, published, image, language, captions, body, text, warnings, or a custom field's name.",
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "Also show, on stderr, how many elements each selector alternative matched, which one gave the value, and what junk removed.",
        };

        var noFallback = new Option<bool>("--no-fallback")
        {
            Description = "Fail when no rule serves the URL, instead of extracting with the generic fallback.",
        };

        var command = new Command("extract", "Extract the article from a saved page and print it. The rules are those of your project (see --rules; stderr says which were used). A page no rule serves is extracted with the generic fallback unless --no-fallback is given.\n\nExamples:\n  newsrules extract rules/arabic.rt.com/samples/lavrov-mali.html\n  newsrules extract page.html --url https://example.com/news/1 --rule example.yaml --explain\n  newsrules extract page.html --url https://blog.example.org/post --rules ../rules --no-fallback") { page, url, format, rule, rules, field, explain, noFallback };
        command.SetAction(result => Guarded(result.GetValue(page)!, error, () => Run(
            result.GetValue(page)!,
            result.GetValue(url),
            result.GetValue(format) ?? "json",
            result.GetValue(rule),
            output,
            error,
            result.GetValue(field),
            result.GetValue(explain),
            !result.GetValue(noFallback),
            result.GetValue(rules))));
        return command;
    }

    /// <summary>
    /// Any page gives an article or one line on stderr: never a stack trace, which would
    /// also break a script that runs extract over many pages.
    /// </summary>
    internal static int Guarded(FileInfo page, TextWriter error, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(error, $"cannot read '{page.FullName}': {OneLine(ex.Message)} Check the path and its permissions.", ExitCodes.UsageOrRuleErrors);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Fail(error, $"extracting '{page.Name}' failed ({ex.GetType().Name}: {OneLine(ex.Message)}). This is a bug in NewsRules; please report it with the page.", ExitCodes.ExtractionProblems);
        }
    }

    private static string OneLine(string message) => string.Join(" ", message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));

    public static int Run(FileInfo page, string? urlText, string format, FileInfo? ruleFile, TextWriter output, TextWriter error, string? field = null, bool explain = false, bool fallback = true, DirectoryInfo? rulesDirectory = null)
    {
        if (!page.Exists)
        {
            return Fail(error, $"page '{page.FullName}' does not exist.", ExitCodes.UsageOrRuleErrors);
        }

        IDocument document;
        using (var stream = page.OpenRead())
        {
            document = HtmlDocuments.ParseTransient(stream);
        }

        Uri? url;
        if (urlText is not null)
        {
            if (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                return Fail(error, $"--url '{urlText}' is not an absolute http(s) URL.", ExitCodes.UsageOrRuleErrors);
            }
        }
        else
        {
            url = PageAddress.Find(document);
            if (url is null)
            {
                return Fail(error, $"'{page.Name}' has no canonical link or og:url; pass the page's address with --url.", ExitCodes.UsageOrRuleErrors);
            }
        }

        IArticleExtractor? extractor;
        if (ruleFile is not null)
        {
            try
            {
                extractor = RuleLoader.LoadFile(ruleFile.FullName);
            }
            catch (RuleLoadException ex)
            {
                error.WriteLine(ex.Message);
                return Fail(error, $"the rule '{ruleFile.Name}' has errors (listed above).", ExitCodes.UsageOrRuleErrors);
            }
            catch (IOException ex)
            {
                return Fail(error, $"cannot read the rule '{ruleFile.FullName}': {ex.Message}", ExitCodes.UsageOrRuleErrors);
            }
        }
        else
        {
            // The front door over the project's rules: the rule that serves the URL, else the generic fallback.
            if (ProjectRules.ResolveAndSay(rulesDirectory, error, out var exitCode) is not { } rules)
            {
                return exitCode;
            }

            extractor = Extractor.For(url, rules.Extractors, fallback);
            if (extractor is null)
            {
                return Fail(error, NoRuleMessage(url, rules.Extractors) + " Or drop --no-fallback to extract it with the generic fallback.", ExitCodes.ExtractionProblems);
            }

            if (extractor is NewsRules.Generic.GenericExtractor)
            {
                error.WriteLine($"newsrules: note: no rule serves {url}; extracted with the generic fallback (pass --no-fallback to fail instead).");
            }
        }

        if (extractor.MatchLength(url) < 0)
        {
            // --rule runs the rule anyway: the author is trying it on this page on purpose.
            error.WriteLine($"newsrules: warning: rule {extractor.Site} does not serve {url} (its domains or urls patterns do not match); extracting anyway.");
        }

        Article article;
        RuleRun? run = null;
        NewsRules.Generic.GenericResult? generic = null;
        try
        {
            if (extractor is IRuleExtractor ruleExtractor)
            {
                // The run the explanation reads is the one whose article is printed.
                run = RulePipeline.Run(ruleExtractor.Rule, document, url, trace: explain);
                article = run.Article;
            }
            else if (extractor is NewsRules.Generic.GenericExtractor)
            {
                // The run the explanation reads (its sources and choices) is the one whose article is printed.
                generic = NewsRules.Generic.GenericExtractor.Run(document, url);
                article = generic.Article;
            }
            else
            {
                article = extractor.Extract(document, url);
            }
        }
        catch (RuleRotException ex)
        {
            return Fail(error, $"{ex.Message} (the rule says 'rot: fail').", ExitCodes.ExtractionProblems);
        }

        foreach (var rot in run?.Rot ?? Array.Empty<RotFinding>())
        {
            error.WriteLine($"newsrules: {rot.Message}");
        }

        if (explain && (extractor is IRuleExtractor or NewsRules.Generic.GenericExtractor))
        {
            error.Write(extractor is IRuleExtractor backed
                ? NewsRules.Engine.RuleExplainer.Explain(backed.Rule, run!.Trace!).ToString()
                : NewsRules.Generic.GenericExtractor.Explain(generic!, url));
            foreach (var warning in article.Warnings)
            {
                error.WriteLine($"warning: {warning}");
            }
        }

        if (field is not null)
        {
            if (!ArticleFields.TryRender(article, field, out var value))
            {
                return Fail(error, $"'{field}' is not a field of {article.Site}; fields: {string.Join(", ", ArticleFields.Names(article))}.", ExitCodes.UsageOrRuleErrors);
            }

            output.Write(value);
            output.Write('\n');
            return 0;
        }

        var text = format switch
        {
            "text" => ArticlePlainText.Text(article),
            "markdown" => ArticlePlainText.Markdown(article).TrimEnd('\n'),
            _ => ArticleJson.Serialize(article),
        };
        output.Write(text);
        output.Write('\n');
        return 0;
    }

    /// <summary>Why no rule of <paramref name="rules"/> serves the URL: no rule for the host, or a rule whose urls patterns reject the path.</summary>
    internal static string NoRuleMessage(Uri url, IReadOnlyList<IArticleExtractor> rules)
    {
        var forHost = rules.Where(s => s.Domains.Any(d => url.Host.Equals(d, StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase))).ToList();
        if (forHost.Count > 0)
        {
            var names = string.Join(", ", forHost.Select(s => s.Site));
            return $"rule {names} serves host '{url.Host}', but none of its urls patterns match the path '{url.AbsolutePath}'. Check the URL, or widen the rule's urls.";
        }

        var known = string.Join(", ", rules.SelectMany(s => s.Domains).OrderBy(d => d, StringComparer.Ordinal));
        return rules.Count == 0
            ? $"no rule for host '{url.Host}' (the rules folder has none). Add one under rules/<domain>/ (newsrules new <page.html> drafts it) or pass --rule <file.yaml>."
            : $"no rule for host '{url.Host}' (rules exist for: {known}). Add one under rules/<domain>/ or pass --rule <file.yaml>.";
    }

    private static int Fail(TextWriter error, string message, int exitCode)
    {
        error.WriteLine($"newsrules: {message}");
        return exitCode;
    }
}
