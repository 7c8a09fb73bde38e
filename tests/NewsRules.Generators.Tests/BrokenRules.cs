namespace NewsRules.Generators.Tests;

/// <summary>
/// One broken rule file and the one diagnostic it must produce: the NR id, where (one-based
/// line and column, as an editor shows them) and a piece of the message that says how to fix it.
/// </summary>
internal sealed record BrokenRule(string Name, string Yaml, string Id, int Line, int Column, string Fix)
{
    public string Path => $"/rules/{Name}/{Name}.yaml";

    public RuleFile File => new(Path, Yaml);
}

/// <summary>Every kind of broken rule, each alone in its file.</summary>
internal static class BrokenRules
{
    public static readonly IReadOnlyList<BrokenRule> All = new BrokenRule[]
    {
        new("yaml-unclosed-bracket", RuleText.Lines(
                "site: Example",
                "domains: [example.com",
                "title: h1",
                "body: .article"),
            "NR0001", 2, 10, "Add the matching ']'"),
        new("yaml-unclosed-bracket-at-end", RuleText.Lines(
                "site: Example",
                "title: h1",
                "body: .article",
                "domains: [example.com"),
            "NR0001", 5, 1, "Close the '[' opened at line 4, column 10 with ']'"),
        new("yaml-bad-indentation", RuleText.Lines(
                "site: Example",
                "  domains: [example.com]",
                "title: h1",
                "body: .article"),
            "NR0001", 2, 10, "Check the indentation"),
        new("yaml-tab-indentation", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "title:",
                "\tselect: h1",
                "body: .article"),
            "NR0001", 4, 1, "replace the tab with spaces"),
        new("yaml-second-document", RuleText.Minimal + RuleText.Lines(
                "---",
                "site: Other"),
            "NR0001", 5, 1, "remove the second '---'"),
        new("unknown-top-level-key", RuleText.Minimal + RuleText.Lines(
                "publsihed: time"),
            "NR0002", 5, 1, "Did you mean 'published'?"),
        new("unknown-long-form-key", RuleText.Minimal + RuleText.Lines(
                "published:",
                "  select: time",
                "  fromat: ['dd.MM.yyyy']"),
            "NR0002", 7, 3, "Did you mean 'format'?"),
        new("invalid-css-selector", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "title: 'div[['",
                "body: .article"),
            "NR0003", 3, 8, "Check brackets, quotes and combinators"),
        new("invalid-attribute", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "title: 'meta@con tent'",
                "body: .article"),
            "NR0003", 3, 8, "write e.g. 'meta[property=\"og:image\"]@content'"),
        new("attribute-on-body", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "title: h1",
                "body: '.article@class'"),
            "NR0003", 4, 7, "remove '@class'"),
        new("invalid-regex-pattern", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "title: { select: h1, pattern: '(unclosed' }",
                "body: .article"),
            "NR0004", 3, 31, "'(unclosed' is not a valid regular expression"),
        new("invalid-regex-urls", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "urls: ['^/news/[a-']",
                "title: h1",
                "body: .article"),
            "NR0004", 3, 8, "'^/news/[a-' is not a valid regular expression"),
        new("missing-site", RuleText.Lines(
                "domains: [example.com]",
                "title: h1",
                "body: .article"),
            "NR0005", 1, 1, "Add a C# name for it, e.g. 'site: RtArabic'"),
        new("missing-domains", RuleText.Lines(
                "site: Example",
                "title: h1",
                "body: .article"),
            "NR0005", 1, 1, "List the hosts it serves"),
        new("missing-title", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "body: .article"),
            "NR0005", 1, 1, "Add the title's selector, e.g. 'title: h1'"),
        new("missing-body", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "title: h1"),
            "NR0005", 1, 1, "Add the selector of the element(s) holding the article text"),
        new("empty-file", string.Empty,
            "NR0005", 1, 1, "A rule needs at least 'site', 'domains', 'title' and 'body'"),
        new("site-not-identifier", RuleText.Lines(
                "site: rt-arabic",
                "domains: [arabic.rt.com]",
                "title: h1",
                "body: .article"),
            "NR0006", 1, 7, "e.g. 'RtArabic'"),
        new("site-keyword", RuleText.Lines(
                "site: class",
                "domains: [example.com]",
                "title: h1",
                "body: .article"),
            "NR0006", 1, 7, "'class' is not a C# identifier"),
        new("site-reserved", RuleText.Lines(
                "site: All",
                "domains: [example.com]",
                "title: h1",
                "body: .article"),
            "NR0006", 1, 7, "choose another name, e.g. 'AllSite'"),
        new("field-not-identifier", RuleText.Minimal + RuleText.Lines(
                "fields:",
                "  Source Line: .source"),
            "NR0006", 6, 3, "Use e.g. 'SourceLine'"),
        new("field-reserved", RuleText.Minimal + RuleText.Lines(
                "fields:",
                "  Title: .kicker"),
            "NR0006", 6, 3, "e.g. 'SiteTitle'"),
        new("field-named-like-article-type", RuleText.Lines(
                "fields:",
                "  ExampleArticle: .related",
                "site: Example",
                "domains: [example.com]",
                "title: h1",
                "body: .article"),
            "NR0006", 2, 3, "name the field differently, e.g. 'ExampleArticleValue'"),
        new("wrong-type", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "title: { select: { css: h1 } }",
                "body: .article"),
            "NR0009", 3, 18, "expected a string or a list of strings, not a mapping"),
        new("bad-domain", RuleText.Lines(
                "site: Example",
                "domains: ['https://arabic.rt.com/']",
                "title: h1",
                "body: .article"),
            "NR0010", 2, 11, "Write just the host: 'arabic.rt.com'"),
        new("unknown-culture", RuleText.Minimal + RuleText.Lines(
                "published:",
                "  select: time",
                "  culture: xx-Nowhere"),
            "NR0011", 7, 12, "use a name such as 'ar', 'en-US'"),
        new("unknown-timezone", RuleText.Minimal + RuleText.Lines(
                "published:",
                "  select: time",
                "  timezone: Mars/Olympus"),
            "NR0012", 7, 13, "use a name such as 'Europe/Moscow'"),
        new("duplicate-key", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "title: h1",
                "title: h2",
                "body: .article"),
            "NR0013", 4, 1, "keep one"),

        // Rule language 2 (issue 20): long-form alternatives, ld:, split/reject/clean, text tests.
        new("alternative-unknown-key", RuleText.Minimal + RuleText.Lines(
                "author: ['.byline', { select: '.by', patern: 'By (.+)' }]"),
            "NR0002", 5, 38, "Did you mean 'pattern'?"),
        new("alternative-field-key", RuleText.Minimal + RuleText.Lines(
                "author:",
                "  - '.byline'",
                "  - select: '.by'",
                "    many: true"),
            "NR0002", 8, 5, "is not a key of an alternative of 'author'"),
        new("alternative-missing-select", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "body: .article",
                "title: ['h1', { pattern: '(.+) - Site' }]"),
            "NR0005", 4, 15, "an alternative in long form needs 'select:'"),
        new("alternative-select-list", RuleText.Minimal + RuleText.Lines(
                "lead: [{ select: ['.dek', '.summary'], pattern: '(.+)' }]"),
            "NR0009", 5, 18, "an alternative's 'select' is one selector"),
        new("alternative-bad-pattern", RuleText.Minimal + RuleText.Lines(
                "lead: ['.dek', { select: '.summary', pattern: '(.+' }]"),
            "NR0004", 5, 47, "lead.pattern: '(.+' is not a valid regular expression"),
        new("junk-alternative-pattern", RuleText.Minimal + RuleText.Lines(
                "junk: ['.ad', { select: p, pattern: 'x' }]"),
            "NR0002", 5, 28, "is not a key of an alternative of 'junk'"),
        new("junk-bad-text", RuleText.Minimal + RuleText.Lines(
                "junk:",
                "  - { select: p, text: '^(SEE ALSO' }"),
            "NR0004", 6, 24, "junk.text: '^(SEE ALSO' is not a valid regular expression"),
        new("links-only-not-boolean", RuleText.Minimal + RuleText.Lines(
                "junk: [{ select: p, links_only: yes please }]"),
            "NR0009", 5, 33, "expected true or false"),
        new("ld-bad-path", RuleText.Minimal + RuleText.Lines(
                "author: ['ld:author..name', '.byline']"),
            "NR0016", 5, 10, "Write 'ld:' and property names joined by dots"),
        new("ld-empty-path", RuleText.Minimal + RuleText.Lines(
                "published: 'ld:'"),
            "NR0016", 5, 12, "it names no property"),
        new("ld-in-body", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "title: h1",
                "body: ['ld:articleBody', .article]"),
            "NR0016", 4, 8, "body selects elements of the page; give a CSS selector"),
        new("ld-with-text-test", RuleText.Minimal + RuleText.Lines(
                "author: [{ select: 'ld:author.name', text: 'x' }]"),
            "NR0016", 5, 38, "remove 'text'"),
        new("ld-with-field-text-test", RuleText.Minimal + RuleText.Lines(
                "author:",
                "  select: ['.byline', 'ld:author.name']",
                "  links_only: true"),
            "NR0016", 7, 3, "give 'links_only' to the CSS alternatives"),
        new("unknown-cleaner", RuleText.Minimal + RuleText.Lines(
                "author: { select: .byline, clean: bylines }"),
            "NR0017", 5, 35, "Did you mean 'byline'?"),
        new("unknown-cleaner-in-alternative", RuleText.Minimal + RuleText.Lines(
                "author: [{ select: .byline, clean: names }]"),
            "NR0017", 5, 36, "The cleaners are: byline"),
        new("bad-split", RuleText.Minimal + RuleText.Lines(
                "author: { select: .byline, split: '[,' }"),
            "NR0004", 5, 35, "author.split: '[,' is not a valid regular expression"),
        new("bad-reject", RuleText.Minimal + RuleText.Lines(
                "author: ['.byline', { select: '.by', reject: '*' }]"),
            "NR0004", 5, 46, "author.reject: '*' is not a valid regular expression"),
        new("rename-unknown-tag", RuleText.Minimal + RuleText.Lines(
                "rename:",
                "  '.subhead': h7"),
            "NR0018", 6, 15, "use one of p, h1, h2"),
        new("reveal-without-body", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "title: h1",
                "fallback: true",
                "reveal: '.paywall'"),
            "NR0019", 5, 1, "add the article's container"),
        new("rename-not-mapping", RuleText.Minimal + RuleText.Lines(
                "rename: [.subhead, h2]"),
            "NR0009", 5, 9, "expected a mapping of element selectors to tags"),
        new("unwrap-attribute", RuleText.Minimal + RuleText.Lines(
                "unwrap: ['.term@title']"),
            "NR0003", 5, 10, "remove '@title'"),
        new("body-long-form-bad-key", RuleText.Lines(
                "site: Example",
                "domains: [example.com]",
                "title: h1",
                "body: { select: .article, reject: x }"),
            "NR0002", 4, 27, "is not a key of 'body'"),
    };

    /// <summary>A rule file just over the size limit.</summary>
    public static RuleFile Oversized() =>
        RuleFile.Named("oversized", RuleText.Minimal + "# " + new string('x', 1_000_000) + "\n");

    /// <summary>
    /// Billion laughs: nine levels of nine aliases each. Expanded, the last list would hold
    /// 9^9 strings; the reader must share aliases by reference and never expand them.
    /// </summary>
    public static RuleFile AliasBomb()
    {
        var lines = new List<string>
        {
            "site: Example",
            "domains: [example.com]",
            "title: h1",
            "body: .article",
            "junk:",
            "  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
        };
        const string Levels = "abcdefghi";
        for (var i = 1; i < Levels.Length; i++)
        {
            var alias = "*" + Levels[i - 1];
            lines.Add($"  - &{Levels[i]} [{string.Join(", ", Enumerable.Repeat(alias, 9))}]");
        }

        return RuleFile.Named("alias-bomb", RuleText.Lines(lines.ToArray()));
    }

    /// <summary>A list that holds itself: a cycle any recursive walk of the YAML would never leave.</summary>
    public static RuleFile CyclicAlias() =>
        RuleFile.Named("cyclic-alias", RuleText.Minimal + RuleText.Lines("junk: &loop [.ad, *loop]"));

    /// <summary>Brackets nested far deeper than the language needs.</summary>
    public static RuleFile DeeplyNested() =>
        RuleFile.Named("deeply-nested", RuleText.Minimal + "fields: " + new string('[', 200) + new string(']', 200) + "\n");

    /// <summary>Every broken rule above, in one list of files (the duplicate-claim pairs included).</summary>
    public static IEnumerable<RuleFile> EveryFile() =>
        All.Select(r => r.File)
            .Concat(new[] { Oversized(), AliasBomb(), CyclicAlias(), DeeplyNested() })
            .Concat(DuplicateSite())
            .Concat(DuplicateDomain());

    /// <summary>
    /// Two rules named Dup. By ordinal path order "DupOwner.yaml" comes first ('D' sorts before
    /// 'a'), so it owns the name and "a.yaml" is reported; a culture-aware sort would pick the other.
    /// </summary>
    public static RuleFile[] DuplicateSite() => new[]
    {
        new RuleFile("/rules/dup-site/a.yaml", RuleText.Valid("Dup", "dup-a.example")),
        new RuleFile("/rules/dup-site/DupOwner.yaml", RuleText.Valid("Dup", "dup-b.example")),
    };

    /// <summary>Two rules claiming shared.example; the second by ordinal path is the one reported.</summary>
    public static RuleFile[] DuplicateDomain() => new[]
    {
        new RuleFile("/rules/dup-domain/second.yaml", RuleText.Valid("SecondClaim", "shared.example")),
        new RuleFile("/rules/dup-domain/first.yaml", RuleText.Valid("FirstClaim", "shared.example")),
    };
}
