using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NewsRules.Generators.Tests;

/// <summary>The emitted C# compiles with the user's code and the typed extractor returns real values.</summary>
public sealed class EmitTests
{
    internal static readonly RuleFile Gazette = new("/rules/gazette.example/gazette.example.yaml", RuleText.Lines(
        "# A made-up paper with every kind of field.",
        "site: Gazette",
        "domains: [gazette.example]",
        "language: en",
        "title: ['h1.headline', 'meta[property=\"og:title\"]@content']",
        "author: '.byline a'",
        "published: 'meta[property=\"article:published_time\"]@content'",
        "image: 'meta[property=\"og:image\"]@content'",
        "body: .story",
        "captions: .story figure figcaption",
        "junk: [.ad]",
        "fields:",
        "  Source: { select: '.story p:last-of-type', pattern: 'Source:\\s*(.+)' }",
        "  Tags: { select: '.tags a', many: true }",
        "  Missing: .not-on-this-page"));

    internal const string GazettePage = """
        <html><head>
          <meta property="og:image" content="/img/lead.jpg">
          <meta property="article:published_time" content="2024-05-21T15:30:00+02:00">
        </head><body>
          <h1 class="headline">Bridge &amp; River Reopen</h1>
          <p class="byline">By <a>Ana Ruiz</a> and <a>Sam Lee</a></p>
          <div class="story">
            <p>First paragraph.</p>
            <div class="ad">Buy now!</div>
            <figure><img src="x.jpg"><figcaption>The bridge at dawn.</figcaption></figure>
            <p>Source: Reuters</p>
          </div>
          <ul class="tags"><li><a>Politics</a></li><li><a>Europe</a></li></ul>
        </body></html>
        """;

    /// <summary>The user's code: the typed API, no casts.</summary>
    private const string Consumer = """
        namespace Consumer;

        public static class UseGazette
        {
            public static Test.Sites.GazetteArticle Read(string html, string url)
            {
                Test.Sites.GazetteArticle article = Test.Sites.Sites.Gazette.Extract(html, url);
                string? source = article.Source;
                global::System.Collections.Generic.IReadOnlyList<string> tags = article.Tags;
                global::NewsRules.Article untyped = article;
                global::NewsRules.IArticleExtractor extractor = Test.Sites.Sites.Gazette;
                Test.Sites.GazetteExtractor fresh = new Test.Sites.GazetteExtractor();
                return article with { Source = source ?? "none", Tags = tags };
            }
        }
        """;

    [Fact]
    public void Generated_code_compiles_with_user_code_without_errors_or_warnings()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(Consumer), Gazette);

        Assert.Empty(run.Diagnostics);
        Assert.Equal(new[] { "Gazette.g.cs", "Sites.g.cs" }, run.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Empty(run.CompileErrors);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Article_type_has_custom_fields_as_typed_properties()
    {
        var run = GeneratorHarness.Run(Gazette);
        using var assembly = GeneratedAssembly.Load(run.Output);

        var article = assembly.TypeNamed("Test.Sites.GazetteArticle");
        Assert.True(article.IsSealed);
        Assert.Equal(typeof(Article), article.BaseType);

        var nullability = new NullabilityInfoContext();
        var source = article.GetProperty("Source")!;
        Assert.Equal(typeof(string), source.PropertyType);
        Assert.Equal(NullabilityState.Nullable, nullability.Create(source).ReadState);

        var tags = article.GetProperty("Tags")!;
        Assert.Equal(typeof(IReadOnlyList<string>), tags.PropertyType);
        Assert.Equal(NullabilityState.NotNull, nullability.Create(tags).ReadState);

        var extractor = assembly.TypeNamed("Test.Sites.GazetteExtractor");
        Assert.Equal(typeof(ArticleExtractor<>).MakeGenericType(article), extractor.BaseType);
        Assert.Equal(extractor, assembly.Sites.GetProperty("Gazette")!.PropertyType);
    }

    [Fact]
    public void Typed_extractor_reads_a_page()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(Consumer), Gazette);
        using var assembly = GeneratedAssembly.Load(run.Output);

        var read = assembly.TypeNamed("Consumer.UseGazette").GetMethod("Read")!;
        var article = (Article)read.Invoke(null, new object[] { GazettePage, "https://www.gazette.example/2024/bridge" })!;

        Assert.Equal("Test.Sites.GazetteArticle", article.GetType().FullName);
        Assert.Equal("Gazette", article.Site);
        Assert.Equal("Bridge & River Reopen", article.Title);
        Assert.Equal(new[] { "Ana Ruiz", "Sam Lee" }, article.Authors);
        Assert.Equal(new DateTimeOffset(2024, 5, 21, 15, 30, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal("https://www.gazette.example/img/lead.jpg", article.Image);
        Assert.Equal("en", article.Language);
        Assert.Equal(new[] { "The bridge at dawn." }, article.Captions);
        Assert.Contains("First paragraph.", article.Text);
        Assert.DoesNotContain("Buy now!", article.Text);

        Assert.Equal("Reuters", Property<string>(article, "Source"));
        Assert.Equal(new[] { "Politics", "Europe" }, Property<IReadOnlyList<string>>(article, "Tags"));
        Assert.Null(Property<string>(article, "Missing"));
        Assert.Equal("Reuters", article.Fields["Source"]);
    }

    [Fact]
    public void A_fallback_rule_without_title_or_body_compiles_and_the_generic_extractor_fills_them()
    {
        var rule = new RuleFile("/rules/lean.example/lean.example.yaml", RuleText.Lines(
            "site: Lean",
            "domains: [lean.example]",
            "author: .byline",
            "fallback: true"));
        var run = GeneratorHarness.Run(rule);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Contains("title: null,", run.Sources["Lean.g.cs"]);
        Assert.Contains("body: null,", run.Sources["Lean.g.cs"]);

        using var assembly = GeneratedAssembly.Load(run.Output);
        var lean = (IArticleExtractor)assembly.SitesMember("Lean");
        var prose = string.Join(" ", Enumerable.Repeat("The council met on Tuesday and talked about the bridge for a long time.", 8));
        var article = lean.Extract($"<html><body><h1>Bridge reopens</h1><p class=byline>Ana Ruiz</p><div><p>{prose}</p></div></body></html>", "https://lean.example/a");

        Assert.Equal("Bridge reopens", article.Title);
        Assert.Contains("talked about the bridge", article.Text);
        Assert.Equal(new[] { "Ana Ruiz" }, article.Authors);
        Assert.Contains(article.Warnings, w => w.StartsWith("fallback: title", StringComparison.Ordinal) && w.Contains("body", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_fallback_a_rule_without_title_is_still_an_error()
    {
        var run = GeneratorHarness.Run(new RuleFile("/rules/lean.example/lean.example.yaml", RuleText.Lines(
            "site: Lean",
            "domains: [lean.example]",
            "body: .story")));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("NR0005", error.Id);
        Assert.Contains("fallback: true", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Many_field_with_no_match_is_an_empty_list_not_null()
    {
        var run = GeneratorHarness.Run(Gazette);
        using var assembly = GeneratedAssembly.Load(run.Output);
        var gazette = (IArticleExtractor)assembly.SitesMember("Gazette");

        var article = gazette.Extract("<html><body><h1 class=headline>Only a title</h1><div class=story><p>x</p></div></body></html>", "https://gazette.example/a");

        Assert.Equal("Only a title", article.Title);
        Assert.Empty(Property<IReadOnlyList<string>>(article, "Tags")!);
        Assert.Null(Property<string>(article, "Source"));
    }

    [Fact]
    public void Emitted_definition_shows_selectors_and_patterns_as_literals()
    {
        var source = GeneratorHarness.Run(Gazette).Sources["Gazette.g.cs"];

        Assert.StartsWith("// <auto-generated/>\n", source, StringComparison.Ordinal);
        Assert.Contains("#nullable enable", source);
        Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"NewsRules.Generators\",", source);
        Assert.Contains("new global::NewsRules.Engine.Selector(\"meta[property=\\\"og:title\\\"]\", \"content\")", source);
        Assert.Contains("pattern: \"Source:\\\\s*(.+)\"", source);
        Assert.Contains("many: true", source);
    }

    [Fact]
    public void Namespace_falls_back_when_the_build_property_is_missing()
    {
        var texts = new[] { Gazette.ToAdditionalText() };
        var driver = GeneratorHarness.Driver(texts, targetNamespace: null);

        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out _);

        Assert.NotNull(output.GetTypeByMetadataName("NewsRules.Generated.Sites"));
        Assert.NotNull(output.GetTypeByMetadataName("NewsRules.Generated.GazetteArticle"));
    }

    [Fact]
    public void Unusual_but_valid_names_compile()
    {
        // A site whose name ends in "Extractor" next to the site it shadows, a field named like
        // the constructor's parameter, and Arabic identifiers.
        var run = GeneratorHarness.Run(
            RuleFile.Named("foo", RuleText.Valid("Foo", "foo.example")),
            RuleFile.Named("foo-extractor", RuleText.Valid("FooExtractor", "foo-extractor.example")),
            RuleFile.Named("fields", RuleText.Valid("Odd", "odd.example", "fields:", "  article: .a", "  value: .v", "  Definition: .d")),
            RuleFile.Named("arabic", RuleText.Valid("موقع", "arabic.example", "fields:", "  المصدر: .source")));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);

        using var assembly = GeneratedAssembly.Load(run.Output);
        var odd = (IArticleExtractor)assembly.SitesMember("Odd");
        var article = odd.Extract("<html><body><h1>T</h1><div class=article><p class=a>A</p><p class=v>V</p></div></body></html>", "https://odd.example/x");
        Assert.Equal("A", Property<string>(article, "article"));
        Assert.Equal("V", Property<string>(article, "value"));
    }

    private static T? Property<T>(Article article, string name) =>
        (T?)article.GetType().GetProperty(name)!.GetValue(article);
}
