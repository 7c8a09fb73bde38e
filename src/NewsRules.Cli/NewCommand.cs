using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Cli.Scaffold;
using NewsRules.Html;
using NewsRules.Loading;
using NewsRules.Output;
using NewsRules.Rules.Definition;

namespace NewsRules.Cli;

/// <summary>
/// <c>newsrules new &lt;page.html&gt; --url &lt;url&gt;</c>: scaffolds a rule for a site no rule
/// knows yet, writes it to <c>rules/&lt;domain&gt;/&lt;domain&gt;.yaml</c> with the page as its
/// first sample, and prints what it guessed with a confidence for each field.
/// </summary>
internal static class NewCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var page = new Argument<FileInfo[]>("pages")
        {
            Description = "Saved article pages of the new site (.html); several pages (of each layout the site has) give selectors that hold on all of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var url = new Option<string[]>("--url")
        {
            Description = "The pages' addresses, one --url per page in the same order: give the domain, the site name and the samples' names. Default: each page's canonical link, else its og:url.",
        };
        var rules = new Option<DirectoryInfo?>("--rules")
        {
            Description = "The rules folder to write into. Default: the NewsRulesDirectory of the project file in the current folder, else the nearest 'rules' folder at or above it.",
        };
        var site = new Option<string?>("--site")
        {
            Description = "The rule's site name (a C# identifier, e.g. ExampleNews). Default: PascalCase of the domain without www. and its suffix.",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Overwrite an existing rule file (and a sample page of the same name).",
        };
        var command = new Command(
            "new",
            "Scaffold a rule for a new site from saved pages: names, with stable selectors, what the generic extractor reads on every page "
            + "(title, author, date, lead, image, body, captions), proposes junk and language, "
            + "writes rules/<domain>/<domain>.yaml and copies the pages to rules/<domain>/samples/.\n"
            + "Examples:\n  newsrules new ~/Downloads/story.html --url https://www.example.com/news/2024/05/story\n"
            + "  newsrules new story.html live.html --url https://www.example.com/news/a --url https://www.example.com/live/b")
        {
            page, url, rules, site, force,
        };
        command.SetAction(result => Run(
            result.GetValue(page)!,
            result.GetValue(url),
            result.GetValue(rules),
            result.GetValue(site),
            result.GetValue(force),
            output,
            error));
        return command;
    }

    public static int Run(FileInfo page, string? urlText, DirectoryInfo? rulesOption, string? siteOption, bool force, TextWriter output, TextWriter error) =>
        Run(new[] { page }, urlText is null ? Array.Empty<string>() : new[] { urlText }, rulesOption, siteOption, force, output, error);

    public static int Run(FileInfo[] pages, string[]? urlTexts, DirectoryInfo? rulesOption, string? siteOption, bool force, TextWriter output, TextWriter error)
    {
        urlTexts ??= Array.Empty<string>();
        if (urlTexts.Length > 0 && urlTexts.Length != pages.Length)
        {
            return Fail(error, $"{pages.Length} page(s) but {urlTexts.Length} --url: give one --url per page, in the pages' order, or none (each page's canonical link is used).");
        }

        var read = new List<(FileInfo Page, IDocument Document, Uri Url, Uri? Stated)>();
        for (var i = 0; i < pages.Length; i++)
        {
            var one = pages[i];
            if (!one.Exists)
            {
                return Fail(error, $"page '{one.FullName}' does not exist. Pass the path of a saved article page (.html).");
            }

            var pageDocument = Read(one.FullName);
            Uri? pageUrl;
            if (urlTexts.Length > 0)
            {
                if (!Uri.TryCreate(urlTexts[i], UriKind.Absolute, out pageUrl) || (pageUrl.Scheme != Uri.UriSchemeHttp && pageUrl.Scheme != Uri.UriSchemeHttps))
                {
                    return Fail(error, $"--url '{urlTexts[i]}' is not an absolute http(s) URL. Pass the article's address, e.g. --url https://www.example.com/news/story.");
                }
            }
            else
            {
                pageUrl = PageAddress.Find(pageDocument);
                if (pageUrl is null)
                {
                    return Fail(error, $"'{one.Name}' has no canonical link or og:url; pass the article's address with --url{(pages.Length > 1 ? " (one per page, in the pages' order)" : string.Empty)}.");
                }
            }

            read.Add((one, pageDocument, pageUrl, PageAddress.Find(pageDocument)));
        }

        var page = read[0].Page;
        var document = read[0].Document;
        var url = read[0].Url;
        static string Claimed(Uri u)
        {
            var host = u.IdnHost.ToLowerInvariant().TrimEnd('.');
            return host.StartsWith("www.", StringComparison.Ordinal) ? host.Substring(4) : host;
        }

        foreach (var other in read.Skip(1))
        {
            if (Claimed(other.Url) != Claimed(url))
            {
                return Fail(error, $"'{other.Page.Name}' is on {other.Url.Host}, '{page.Name}' on {url.Host}: a rule is drafted from pages of one site. Draft the other site with its own 'newsrules new'.");
            }
        }

        var domain = url.IdnHost.ToLowerInvariant().TrimEnd('.');
        if (!RuleChecks.IsHostName(domain))
        {
            return Fail(error, $"the URL's host '{domain}' is not a domain name a rule can claim. Pass the article's public address with --url.");
        }

        var siteName = siteOption ?? SiteNaming.SiteName(domain);
        if (!Identifiers.IsIdentifier(siteName) || Identifiers.ReservedSiteNames.Contains(siteName))
        {
            return Fail(error, $"--site '{siteName}' is not a usable site name: it must be a C# identifier other than {string.Join(", ", Identifiers.ReservedSiteNames.OrderBy(n => n, StringComparer.Ordinal))}. Try --site {Identifiers.Suggest(siteName + "Site")}.");
        }

        string rulesDirectory;
        try
        {
            rulesDirectory = rulesOption?.FullName
                ?? ProjectRules.FindDirectory(null, Directory.GetCurrentDirectory())?.Directory
                ?? throw new DirectoryNotFoundException($"no rules folder in or above {Directory.GetCurrentDirectory()}, and no NewsRulesDirectory in a project file there.");
        }
        catch (DirectoryNotFoundException ex)
        {
            return Fail(error, $"{ex.Message} Run it in your project's folder (or create a rules/ folder), or pass --rules <folder>.");
        }

        var folder = Path.Combine(rulesDirectory, domain);
        var rulePath = Path.Combine(folder, domain + ".yaml");
        if (File.Exists(rulePath) && !force)
        {
            return Fail(error, $"'{rulePath}' already exists. Edit it, or pass --force to replace it with a new scaffold.");
        }

        if (Conflict(rulesDirectory, rulePath, siteName, domain) is { } conflict)
        {
            return Fail(error, conflict);
        }

        // What the rule's comments call the files: relative to the rules folder's parent, never this machine's absolute paths.
        var display = Path.GetFileName(rulesDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var shownRule = $"{display}/{domain}/{domain}.yaml";
        var samples = new List<(string Name, string Path)>();
        foreach (var one in read)
        {
            var name = SiteNaming.SampleName(one.Url, one.Page.Name);
            while (samples.Any(s => s.Name == name))
            {
                name += "-2";
            }

            var path = Path.Combine(folder, "samples", name + ".html");
            if (File.Exists(path) && !force && !SameFile(path, one.Page.FullName))
            {
                return Fail(error, $"'{path}' already exists and is another page. Pass --force to replace it.");
            }

            samples.Add((name, path));
        }

        var samplePath = samples[0].Path;
        var scaffoldPages = read.Select((one, i) => new ScaffoldPage(one.Document, one.Url, $"{display}/{domain}/samples/{samples[i].Name}.html")).ToList();

        ScaffoldResult? scaffold;
        try
        {
            scaffold = RuleScaffolder.Create(scaffoldPages, siteName, domain, shownRule);
        }
        catch (RuleLoadException ex)
        {
            // The scaffold wrote a rule its own loader rejects: a bug here, not in the page.
            return Fail(error, $"the scaffolded rule does not load (please report this with the page):\n{ex.Message}", ExitCodes.ExtractionProblems);
        }

        if (scaffold is null)
        {
            return Fail(error, $"found no article text in '{page.Name}': no element holds paragraphs of running text. Is it an article page, saved after it loaded? Save it again (in a browser: Save Page As…, 'Web Page, HTML only') and retry.", ExitCodes.ExtractionProblems);
        }

        Directory.CreateDirectory(Path.Combine(folder, "samples"));
        File.WriteAllText(rulePath, scaffold.Yaml, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        for (var i = 0; i < read.Count; i++)
        {
            if (!SameFile(samples[i].Path, read[i].Page.FullName))
            {
                File.Copy(read[i].Page.FullName, samples[i].Path, overwrite: true);
            }

            // A sample needs its address; when the page does not state it, the tests read it from <name>.url.
            if (read[i].Stated is null)
            {
                File.WriteAllText(Path.Combine(folder, "samples", samples[i].Name + ".url"), read[i].Url.AbsoluteUri + "\n");
            }
        }

        var stated = read[0].Stated;
        Report(scaffold, url, rulePath, samplePath, stated, output);
        for (var i = 1; i < samples.Count; i++)
        {
            output.WriteLine($"copied {Shown(samples[i].Path)}");
        }
        return 0;
    }

    /// <summary>
    /// Parses the saved page. Bytes that are valid UTF-8 are read as UTF-8 even when the page
    /// declares another charset: pages re-saved by editors and tools keep their old
    /// <c>&lt;meta charset&gt;</c>, and text in a legacy charset is almost never valid UTF-8.
    /// Anything else goes by the BOM or the declared charset, as <c>extract</c> reads it.
    /// </summary>
    internal static IDocument Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var utf16 = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
        if (!utf16)
        {
            try
            {
                var text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
                return HtmlDocuments.Parse(text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text);
            }
            catch (System.Text.DecoderFallbackException)
            {
                // A legacy charset: let the parser follow the page's declaration.
            }
        }

        using var stream = new MemoryStream(bytes);
        return HtmlDocuments.Parse(stream);
    }

    private static void Report(ScaffoldResult scaffold, Uri url, string rulePath, string samplePath, Uri? stated, TextWriter output)
    {
        var draft = scaffold.Draft;
        var article = scaffold.Article;
        output.WriteLine($"Scaffolded rule {draft.Site} for {draft.Domain} from {url}");
        output.WriteLine();
        output.WriteLine("field      confidence  selector → value");
        Row(output, "title", draft.Title, article.Title);
        Row(output, "author", draft.Author, article.Authors.Count == 0 ? null : string.Join("; ", article.Authors), draft.Dropped);
        Row(output, "published", draft.Published, article.Published is { } date ? ArticleJson.FormatDate(date) : null, draft.Dropped);
        Row(output, "lead", draft.Lead, article.Lead, draft.Dropped);
        Row(output, "image", draft.Image, article.Image, draft.Dropped);
        var blocks = article.Body.Count(b => b.Kind != BlockKind.Caption);
        output.WriteLine(Line("body", draft.Body.Confidence, draft.Body.LeftToFallback ? "(the fallback's)" : string.Join(" | ", draft.Body.Selectors), $"{blocks} block(s), {article.Text.Length} characters: {Guessing.Preview(article.Text)}"));
        output.WriteLine($"{string.Empty,23}{draft.Body.Evidence}");
        Row(output, "captions", draft.Captions, article.Captions.Count == 0 ? null : $"{article.Captions.Count} caption(s): {article.Captions[0]}", draft.Dropped);
        foreach (var junk in draft.Junk)
        {
            output.WriteLine(Line("junk", junk.Confidence, junk.Selector, junk.Evidence));
        }

        if (draft.Junk.Count == 0)
        {
            output.WriteLine($"{"junk",-10} {"-",-10}  none found inside the body");
        }

        output.WriteLine(draft.Language is { } language
            ? Line("language", language.Confidence, language.Tag, language.Evidence)
            : $"{"language",-10} {"-",-10}  not found (the engine will use the page's <html lang> if a page has one)");

        foreach (var warning in article.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        if (stated is not null && !string.Equals(stated.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            output.WriteLine($"warning: the page says its address is {stated}, on another host than --url; the sample tests pick the rule by the page's own address, so they will not use this rule for it.");
        }

        if (draft.Fallback)
        {
            output.WriteLine("fallback: true: the fields left out, or empty on a page, come from the generic extractor.");
        }

        output.WriteLine();
        output.WriteLine("what the draft extracts, per page:");
        foreach (var note in draft.PageNotes)
        {
            output.WriteLine($"  {note}");
        }

        output.WriteLine();
        output.WriteLine($"wrote {Shown(rulePath)}");
        output.WriteLine($"copied the page to {Shown(samplePath)}");
        output.WriteLine("Next: review every selector (low confidence first), then");
        output.WriteLine($"  newsrules extract {Shown(samplePath)} --rule {Shown(rulePath)} --explain");
        output.WriteLine($"  newsrules check {Shown(rulePath)}");
        output.WriteLine("  dotnet test   (in your solution: the snapshot tests fail once on the new sample and write its snapshot to review;");
        output.WriteLine("                 see \"Snapshot tests\" in docs/use-in-your-project.md to set them up)");
        output.WriteLine("  newsrules accept --list, then newsrules accept " + draft.Site);
    }

    private static void Row(TextWriter output, string field, FieldGuess? guess, string? value, IReadOnlyDictionary<string, string>? dropped = null)
    {
        if (guess is null)
        {
            var why = dropped is not null && dropped.TryGetValue(field, out var reason) ? reason : RuleYamlWriter.MissingReason(field);
            output.WriteLine($"{field,-10} {"-",-10}  not found: {why}");
            return;
        }

        var settings = new[]
            {
                guess.Pattern is null ? null : $"pattern {guess.Pattern}",
                guess.Format is null ? null : $"format {guess.Format}",
                guess.Culture is null ? null : $"culture {guess.Culture}",
                guess.TimeZone is null ? null : $"timezone {guess.TimeZone}",
                guess.KeepInBody ? "keep_in_body" : null,
            }.OfType<string>().ToList();
        var selectors = string.Join(" | ", guess.Selectors) + (settings.Count == 0 ? string.Empty : $" ({string.Join(", ", settings)})");
        output.WriteLine(Line(field, guess.Confidence, selectors, value is null ? "(empty)" : Guessing.Preview(value)));
        output.WriteLine($"{string.Empty,23}{guess.Evidence}");
    }

    private static string Line(string field, double confidence, string selectors, string value) =>
        $"{field,-10} {Level(confidence),-10}  {selectors} → {value}";

    private static string Level(double confidence)
    {
        var word = confidence >= 0.8 ? "high" : confidence >= 0.5 ? "medium" : "low";
        return confidence.ToString("0.00", CultureInfo.InvariantCulture) + " " + word;
    }

    /// <summary>A rule elsewhere in the rules folder that already claims the site name or the domain.</summary>
    private static string? Conflict(string rulesDirectory, string rulePath, string site, string domain)
    {
        if (!Directory.Exists(rulesDirectory))
        {
            return null;
        }

        // Rules claim hosts without "www." (it adds nothing: a host matches its subdomains).
        var claimed = domain.StartsWith("www.", StringComparison.Ordinal) ? domain.Substring(4) : domain;
        var target = Path.GetFullPath(rulePath);
        foreach (var file in RuleLoader.FindRuleFiles(rulesDirectory))
        {
            if (string.Equals(Path.GetFullPath(file), target, StringComparison.Ordinal))
            {
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException)
            {
                continue;
            }

            var claims = RuleReader.Parse(file, text).Claims;
            if (claims is null)
            {
                continue;
            }

            if (claims.Domains.Any(d => string.Equals(d.Domain, claimed, StringComparison.OrdinalIgnoreCase)))
            {
                return $"the rule {claims.Site ?? "(unnamed)"} in '{file}' already claims {domain}. Edit that rule instead, or remove it first.";
            }

            if (string.Equals(claims.Site, site, StringComparison.Ordinal))
            {
                return $"the rule in '{file}' is already named {site}. Pass another name with --site (e.g. --site {site}News).";
            }
        }

        return null;
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static int Fail(TextWriter error, string message, int exitCode = ExitCodes.UsageOrRuleErrors)
    {
        error.WriteLine($"newsrules: {message}");
        return exitCode;
    }
}
