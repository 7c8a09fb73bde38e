namespace NewsRules.Robustness;

/// <summary>
/// One malformed rule under BadRules/ and the diagnostic it must give: the NR id, where (one-based
/// line and column, as an editor shows them) and a piece of the message that says how to fix it.
/// </summary>
public sealed record BadRule(string File, string Id, int Line, int Column, string Fix)
{
    public string Path => System.IO.Path.Combine(Repo.BadRules, File);

    public override string ToString() => File;
}

/// <summary>
/// The malformed rules of issue 6, point 3. Files that only fail together (a site name or a
/// domain claimed twice) are listed with the one that is reported: the second by ordinal path.
/// </summary>
public static class BadRuleCases
{
    public static readonly IReadOnlyList<BadRule> All = new BadRule[]
    {
        new("syntax-unclosed-flow-list.yaml", "NR0001", 3, 10, "Add the matching ']'"),
        new("syntax-unclosed-quote.yaml", "NR0001", 4, 8, "Check the indentation, quotes and brackets"),
        new("syntax-bad-indentation.yaml", "NR0001", 3, 10, "Check the indentation"),
        new("syntax-tab-indentation.yaml", "NR0001", 5, 1, "replace the tab with spaces"),
        new("syntax-second-document.yaml", "NR0001", 6, 1, "remove the second '---'"),
        new("syntax-mapping-in-plain-scalar.yaml", "NR0001", 4, 9, "must be quoted"),
        new("syntax-undefined-alias.yaml", "NR0001", 4, 8, "define '&nowhere' first"),
        new("nul-characters.yaml", "NR0001", 4, 10, "U+0000"),
        new("non-utf8-windows-1256.yaml", "NR0001", 1, 1, "save it as UTF-8"),
        new("non-utf8-latin1-comment.yaml", "NR0001", 1, 1, "save it as UTF-8"),
        new("unknown-key-top-level.yaml", "NR0002", 6, 1, "Did you mean 'lead'?"),
        new("unknown-key-long-form.yaml", "NR0002", 4, 22, "Did you mean 'pattern'?"),
        new("unknown-key-custom-field.yaml", "NR0002", 7, 30, "Did you mean 'many'?"),
        new("bom-before-unknown-key.yaml", "NR0002", 6, 23, "Did you mean 'pattern'?"),
        new("bad-selector-brackets.yaml", "NR0003", 4, 8, "Check brackets, quotes and combinators"),
        new("bad-selector-dangling-combinator.yaml", "NR0003", 5, 7, "Check brackets, quotes and combinators"),
        new("bad-selector-unknown-pseudo-class.yaml", "NR0003", 7, 5, "Check brackets, quotes and combinators"),
        new("bad-selector-attribute-on-body.yaml", "NR0003", 5, 7, "remove '@class'"),
        new("bad-regex-unclosed-group.yaml", "NR0004", 4, 31, "Not enough )'s"),
        new("bad-regex-urls.yaml", "NR0004", 4, 8, "Unterminated [] set"),
        new("bad-regex-nothing-to-repeat.yaml", "NR0004", 7, 39, "Quantifier '*' following nothing"),
        new("missing-site.yaml", "NR0005", 2, 1, "Add a C# name for it"),
        new("missing-body.yaml", "NR0005", 2, 1, "Add the selector of the element(s) holding the article text"),
        new("missing-select-in-long-form.yaml", "NR0005", 4, 8, "needs 'select:'"),
        new("empty-file.yaml", "NR0005", 1, 1, "A rule needs at least 'site', 'domains', 'title' and 'body'"),
        new("site-not-identifier.yaml", "NR0006", 2, 7, "e.g. 'Bad36'"),
        new("field-reserved-name.yaml", "NR0006", 7, 3, "e.g. 'SiteTitle'"),
        new("duplicate-site-b.yaml", "NR0007", 2, 7, "each rule needs its own site name"),
        new("duplicate-domain-b.yaml", "NR0008", 3, 11, "a domain belongs to one rule"),
        new("wrong-type-site-list.yaml", "NR0009", 2, 7, "expected a single value, not a list"),
        new("wrong-type-domains-mapping.yaml", "NR0009", 3, 10, "not a mapping"),
        new("wrong-type-many-not-boolean.yaml", "NR0009", 7, 36, "expected true or false"),
        new("wrong-type-top-level-list.yaml", "NR0009", 2, 1, "A rule file is a mapping of keys"),
        new("wrong-type-nested-list.yaml", "NR0009", 5, 18, "each item must be a string, not a list"),
        new("alias-bomb.yaml", "NR0009", 7, 5, "each item must be a string, not a list"),
        new("alias-cycle.yaml", "NR0009", 6, 7, "each item must be a string, not a list"),
        new("domain-with-scheme.yaml", "NR0010", 3, 11, "Write just the host: 'bad37.example'"),
        new("unknown-culture.yaml", "NR0011", 6, 63, "use a name such as 'ar', 'en-US'"),
        new("unknown-timezone.yaml", "NR0012", 6, 38, "use a name such as 'Europe/Moscow'"),
        new("duplicate-key-top-level.yaml", "NR0013", 6, 1, "keep one"),
        new("duplicate-key-custom-field.yaml", "NR0013", 8, 3, "keep one"),
        new("huge-file-characters.yaml", "NR0014", 1, 1, "the limit is 1,000,000"),
        new("huge-file-nesting.yaml", "NR0014", 6, 72, "nests deeper than 64 levels"),
        new("huge-file-nodes.yaml", "NR0014", 6, 199960, "more than 50,000 YAML nodes"),

        // Rule language 2 (issue 20).
        new("alternative-unknown-key.yaml", "NR0002", 4, 62, "Did you mean 'pattern'?"),
        new("split-bad-regex.yaml", "NR0004", 5, 35, "author.split: ',|(and' is not a valid regular expression"),
        new("junk-text-bad-regex.yaml", "NR0004", 6, 32, "junk.text: '^[SEE ALSO' is not a valid regular expression"),
        new("alternative-missing-select.yaml", "NR0005", 5, 21, "an alternative in long form needs 'select:'"),
        new("alternative-select-list.yaml", "NR0009", 7, 13, "an alternative's 'select' is one selector"),
        new("ld-path-double-dot.yaml", "NR0016", 5, 21, "Write 'ld:' and property names joined by dots"),
        new("ld-in-junk.yaml", "NR0016", 8, 5, "junk selects elements of the page; give a CSS selector"),
        new("clean-unknown-cleaner.yaml", "NR0017", 5, 35, "Did you mean 'byline'?"),
        new("rename-unknown-tag.yaml", "NR0018", 7, 27, "is not a tag the body reads as a block"),
    };

    /// <summary>Files that are valid alone and wrong only next to their twin (the twin that owns the name or domain).</summary>
    public static readonly IReadOnlyList<string> Owners = new[] { "duplicate-site-a.yaml", "duplicate-domain-a.yaml" };

    public static IEnumerable<object[]> Files => All.Select(r => new object[] { r.File });

    public static BadRule Get(string file) => All.Single(r => r.File == file);
}
