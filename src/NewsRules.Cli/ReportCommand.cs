using System;
using System.CommandLine;
using System.IO;
using System.Text;
using AngleSharp.Dom;
using NewsRules.Cli.Report;
using NewsRules.Html;
using NewsRules.Loading;

namespace NewsRules.Cli;

/// <summary><c>newsrules report</c>: a self-contained HTML page showing, on the page itself, what each field of a rule matched.</summary>
internal static class ReportCommand
{
    /// <summary>Said when no rule serves a page and the generic fallback is off.</summary>
    internal const string NoFallback = "Drop --no-fallback to report what the generic fallback extracts, or pass --rule <file.yaml>, or --url with an address a rule serves.";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var page = new Argument<FileInfo>("page") { Description = "The saved HTML page." };
        var rule = new Option<FileInfo?>("--rule", "-r")
        {
            Description = "One YAML rule to load at run time and report on the page, whatever its URL, instead of the rules folder.",
        };
        var rules = new Option<DirectoryInfo?>("--rules") { Description = ProjectRules.OptionDescription };
        var url = new Option<string?>("--url")
        {
            Description = "The page's URL: picks the rule and resolves relative links. Default: the page's canonical link, else its og:url.",
        };
        var outFile = new Option<FileInfo?>("--out", "-o")
        {
            Description = "Where to write the report. Default: <page>.report.html in the current folder.",
        };

        var noFallback = new Option<bool>("--no-fallback")
        {
            Description = "Fail when no rule serves the URL, instead of reporting what the generic fallback extracts (its JSON, and outlines of the body, captions and left-out elements it chose).",
        };

        var command = new Command("report", "Write an HTML page that outlines, on the saved page, what each field of the rule matched, with the extracted JSON beside it. A page no rule serves gets what the generic fallback chose: body, captions and left-out elements outlined, its JSON and warnings (unless --no-fallback).\n\nExamples:\n  newsrules report rules/arabic.rt.com/samples/lavrov-mali.html --out lavrov.report.html\n  newsrules report page.html --rule draft.yaml --url https://www.example.com/news/1")
        {
            page, rule, rules, url, outFile, noFallback,
        };
        command.SetAction(result => Run(result.GetValue(page)!, result.GetValue(rule), result.GetValue(url), result.GetValue(outFile), output, error, !result.GetValue(noFallback), result.GetValue(rules)));
        return command;
    }

    public static int Run(FileInfo page, FileInfo? ruleFile, string? urlText, FileInfo? outFile, TextWriter output, TextWriter error, bool fallback = true, DirectoryInfo? rulesDirectory = null)
    {
        if (!page.Exists)
        {
            return Fail(error, $"page '{page.FullName}' does not exist. Pass the path of a saved HTML page.");
        }

        IDocument document;
        try
        {
            using var stream = page.OpenRead();
            document = HtmlDocuments.ParseTransient(stream);
        }
        catch (IOException ex)
        {
            return Fail(error, $"cannot read the page '{page.FullName}': {ex.Message}");
        }

        Uri? url;
        if (urlText is not null)
        {
            if (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                return Fail(error, $"--url '{urlText}' is not an absolute http(s) URL; pass the page's address, e.g. --url https://example.com/news/1.");
            }
        }
        else
        {
            url = PageAddress.Find(document);
            if (url is null)
            {
                return Fail(error, $"'{page.Name}' has no canonical link or og:url; pass the page's address with --url.");
            }
        }

        IArticleExtractor extractor;
        string ruleSource;
        if (ruleFile is not null)
        {
            try
            {
                extractor = RuleLoader.LoadFile(ruleFile.FullName);
            }
            catch (RuleLoadException ex)
            {
                error.WriteLine(ex.Message);
                return Fail(error, $"the rule '{ruleFile.Name}' has errors (listed above); fix them, or check it with 'newsrules check {ruleFile.Name}'.");
            }
            catch (IOException ex)
            {
                return Fail(error, $"cannot read the rule '{ruleFile.FullName}': {ex.Message}");
            }

            ruleSource = $"rule file {ruleFile.Name} (loaded at run time)";
        }
        else
        {
            if (ProjectRules.ResolveAndSay(rulesDirectory, error, out var exitCode) is not { } rules)
            {
                return exitCode;
            }

            var serving = NewsRules.Engine.ExtractorRegistry.Find(rules.Extractors, url);
            if (serving is not null)
            {
                extractor = serving;
                ruleSource = rules.Directory is null ? $"compiled rule Sites.{serving.Site} (built into newsrules)" : $"rule {serving.Site} from {RuleFileName(serving)} (loaded at run time)";
            }
            else if (fallback)
            {
                // What the generic fallback chose: its article, warnings, and the body containers,
                // captions and left-out elements content scoring picked, outlined.
                extractor = NewsRules.Generic.GenericExtractor.Instance;
                ruleSource = $"generic fallback (no rule serves {url.Host}; outlines show what content scoring chose)";
                error.WriteLine($"newsrules: note: no rule serves {url}; reporting what the generic fallback extracts (pass --no-fallback to fail instead).");
            }
            else
            {
                return Fail(error, ExtractCommand.NoRuleMessage(url, rules.Extractors) + " " + NoFallback, ExitCodes.ExtractionProblems);
            }
        }

        if (extractor.MatchLength(url) < 0)
        {
            error.WriteLine($"newsrules: warning: rule {extractor.Site} does not serve {url} (its domains or urls patterns do not match); reporting anyway.");
        }

        var report = ReportBuilder.Build(document, url, extractor, new ReportOrigin(page.Name, ruleSource));
        var target = outFile ?? new FileInfo(Path.GetFileNameWithoutExtension(page.Name) + ".report.html");
        try
        {
            if (target.Directory is { Exists: false } folder)
            {
                folder.Create();
            }

            File.WriteAllText(target.FullName, report, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(error, $"cannot write the report to '{target.FullName}': {ex.Message} Pass another path with --out.");
        }

        output.WriteLine($"newsrules: wrote {target.FullName} ({extractor.Site}; open it in a browser: {new Uri(target.FullName).AbsoluteUri})");
        return 0;
    }

    private static string RuleFileName(IArticleExtractor extractor) =>
        extractor is InterpretedExtractor loaded ? Path.GetFileName(loaded.Path) : extractor.Site;

    private static int Fail(TextWriter error, string message, int exitCode = ExitCodes.UsageOrRuleErrors)
    {
        error.WriteLine($"newsrules: {message}");
        return exitCode;
    }
}
