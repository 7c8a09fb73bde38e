using NewsRules.Loading;
using NewsRules.Output;

namespace NewsRules.Generators.Tests;

/// <summary>
/// The rules of the rule language's second round (issue 20), generated, compiled and loaded once;
/// every test runs its page through the generated extractor and through the same YAML loaded at
/// run time, and both must give the same JSON.
/// </summary>
public sealed class RuleLanguageFixture : IDisposable
{
    internal static readonly RuleFile[] Rules =
    {
        // Long form per alternative: each alternative with its own pattern, short and long mixed.
        RuleFile.Named("alternatives.example", RuleText.Lines(
            "site: Alternatives",
            "domains: [alternatives.example]",
            "title: ['h1.missing', { select: title, pattern: '^(.+?) \\| Alternatives$' }]",
            "author: ['meta[name=author]@content', { select: 'script[type=\"application/ld+json\"]', pattern: '\"name\":\"([^\"]+)\"' }]",
            "lead: [{ select: .dek, pattern: 'Summary: (.+)' }, .standfirst]",
            "body: .story",
            "fields:",
            "  Source:",
            "    select: ['.story p.credit', { select: '.story p.source', pattern: 'Quelle: (.+)' }]",
            "    pattern: 'Source: (.+)'")),

        // JSON-LD without regex.
        RuleFile.Named("ld.example", RuleText.Lines(
            "site: Ld",
            "domains: [ld.example]",
            "title: ['ld:headline', h1]",
            "author: ld:author.name",
            "published: ld:datePublished",
            "image: ld:image",
            "body: .story",
            "fields:",
            "  Keywords: { select: 'ld:keywords', many: true, split: ',' }",
            "  Genres: { select: 'ld:genre', many: true }",
            "  Creators: { select: 'ld:creator', many: true }",
            "  Publisher: ld:publisher.name",
            "  Section: ['ld:articleSection', '.kicker']",
            "  Missing: ld:wordCount")),

        // split, reject, clean.
        RuleFile.Named("bylines.example", RuleText.Lines(
            "site: Bylines",
            "domains: [bylines.example]",
            "title: h1",
            "author:",
            "  - { select: 'meta[name=author]@content', reject: '^https?://' }",
            "  - { select: .byline, split: ',\\s*|\\s+and\\s+', clean: byline }",
            "body: .story",
            "fields:",
            "  Arabic: { select: .ar, clean: byline }",
            "  Chinese: { select: .zh, clean: byline }",
            "  Role: { select: .role, clean: byline }",
            "  Photo: { select: .photo, reject: '^(?i:photo)' }")),

        // Select by text: junk, fields and body.
        RuleFile.Named("texts.example", RuleText.Lines(
            "site: Texts",
            "domains: [texts.example]",
            "boilerplate: keep",
            "title: h1",
            "body: [{ select: 'section', text: 'first paragraph' }]",
            "junk:",
            "  - .ad",
            "  - { select: p, text: '^(SEE ALSO|READ MORE):' }",
            "  - { select: p, links_only: true }",
            "  - { select: h3, text: '^_+$' }",
            "fields:",
            "  Related: { select: 'section p', links_only: true, many: true }",
            "  Label: { select: 'section span', text: '^advertisement$' }")),

        // Declarative transforms: lazy images, unwrap and rename.
        RuleFile.Named("transforms.example", RuleText.Lines(
            "site: Transforms",
            "domains: [transforms.example]",
            "title: h1",
            "image: ['.missing img', '.lead figure', 'meta[property=\"og:image\"]@content']",
            "body: .story",
            "unwrap: ['.story .term', { select: '.story div.note', text: '^\\(' }]",
            "rename:",
            "  '.story div.subhead': h2",
            "  '.story p.pull': blockquote")),
    };

    public RuleLanguageFixture()
    {
        var run = GeneratorHarness.Run(Rules);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Sources = run.Sources;
        Assembly = GeneratedAssembly.Load(run.Output);
    }

    internal GeneratedAssembly Assembly { get; }

    internal IReadOnlyDictionary<string, string> Sources { get; }

    public void Dispose() => Assembly.Dispose();
}

public sealed class RuleLanguageTests : IClassFixture<RuleLanguageFixture>
{
    private readonly RuleLanguageFixture fixture;

    public RuleLanguageTests(RuleLanguageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Each_alternative_uses_its_own_pattern_and_a_value_it_does_not_match_passes_to_the_next()
    {
        var article = Extract("https://alternatives.example/a/1", """
            <html><head><title>Bridge reopens | Alternatives</title>
            <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ana Ruiz"}}</script>
            </head><body>
            <p class="dek">No summary here</p><p class="standfirst">The standfirst.</p>
            <div class="story"><p>Text.</p><p class="source">Quelle: dpa</p></div>
            </body></html>
            """);

        Assert.Equal("Bridge reopens", article.Title);
        Assert.Equal(new[] { "Ana Ruiz" }, article.Authors);
        Assert.Equal("The standfirst.", article.Lead);

        // The field's pattern holds for the alternatives without their own; the long form's replaces it.
        Assert.Equal("dpa", article.Fields["Source"]);
        Assert.DoesNotContain("Quelle", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_pattern_still_holds_for_short_alternatives_beside_long_ones()
    {
        var article = Extract("https://alternatives.example/a/2", """
            <html><head><title>Other | Alternatives</title><meta name="author" content="Sam Lee"></head><body>
            <p class="dek">Summary: The dek.</p>
            <div class="story"><p>Text.</p><p class="credit">Source: Reuters</p><p class="source">Quelle: dpa</p></div>
            </body></html>
            """);

        Assert.Equal(new[] { "Sam Lee" }, article.Authors);
        Assert.Equal("The dek.", article.Lead);
        Assert.Equal("Reuters", article.Fields["Source"]);
    }

    [Fact]
    public void Json_ld_selectors_read_graphs_references_arrays_and_nested_objects()
    {
        var article = Extract("https://ld.example/news/1", """
            <html><head>
            <script type="application/ld+json">{"@type":"BreadcrumbList","name":"Not the article","headline":"Not the article"}</script>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"#site","name":"The Ld Times"},
              {"@type":"Person","@id":"#ana","name":"Ana Ruiz"},
              {"@type":"NewsArticle","headline":"Bridge &amp; river reopen","datePublished":"2024-05-21T15:30:00+02:00",
               "author":[{"@id":"#ana"},{"@type":"Person","name":"Sam Lee","url":"/by/sam"}],
               "creator":[{"@type":"Person","givenName":"Li","familyName":"Wei"},"Jo Park",{"@type":"Organization","url":"https://ld.example/"}],
               "image":[{"@type":"ImageObject","url":"/img/lead.jpg"},"/img/other.jpg"],
               "keywords":"Bridges, Rivers,  Towns","genre":["News","Local"],
               "publisher":{"@type":"Organization","name":"Ld Media"}}
            ]}
            </script></head><body>
            <h1>A different heading</h1><p class="kicker">Local</p><div class="story"><p>Text.</p></div>
            </body></html>
            """);

        Assert.Equal("Bridge & river reopen", article.Title);
        Assert.Equal(new[] { "Ana Ruiz", "Sam Lee" }, article.Authors);
        Assert.Equal(new DateTimeOffset(2024, 5, 21, 15, 30, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal("https://ld.example/img/lead.jpg", article.Image);
        Assert.Equal(new[] { "Bridges", "Rivers", "Towns" }, (IReadOnlyList<string>)article.Fields["Keywords"]!);
        Assert.Equal(new[] { "News", "Local" }, (IReadOnlyList<string>)article.Fields["Genres"]!);
        Assert.Equal(new[] { "Li Wei", "Jo Park", "https://ld.example/" }, (IReadOnlyList<string>)article.Fields["Creators"]!);
        Assert.Equal("Ld Media", article.Fields["Publisher"]);

        // No articleSection in the JSON-LD: the next alternative, a CSS one, gives the value.
        Assert.Equal("Local", article.Fields["Section"]);
        Assert.Null(article.Fields["Missing"]);
        Assert.Contains("Missing: nothing matched 'ld:wordCount'.", article.Warnings);
    }

    [Fact]
    public void Json_ld_selectors_fall_through_when_the_page_has_no_article_object()
    {
        var article = Extract("https://ld.example/news/2", """
            <html><head><script type="application/ld+json">[{"@type":"WebPage","headline":"A page, not an article"}]</script></head>
            <body><h1>The heading</h1><div class="story"><p>Text.</p></div></body></html>
            """);

        Assert.Equal("The heading", article.Title);
        Assert.Empty(article.Authors);
        Assert.Contains("author: nothing matched 'ld:author.name'.", article.Warnings);
    }

    [Fact]
    public void Reject_drops_a_value_so_the_next_alternative_is_tried_and_split_and_clean_make_names()
    {
        var article = Extract("https://bylines.example/s/1", """
            <html><head><meta name="author" content="https://www.facebook.com/ana.ruiz"></head><body>
            <h1>Title</h1><p class="byline">By Ana Ruiz, Sam Lee and Li Wei</p>
            <p class="ar">بقلم: محمد علي</p><p class="zh">文/张伟</p><p class="role">Von Jane Doe, Staff Writer</p>
            <p class="photo">Photo: AP</p>
            <div class="story"><p>Text.</p></div>
            </body></html>
            """);

        Assert.Equal(new[] { "Ana Ruiz", "Sam Lee", "Li Wei" }, article.Authors);
        Assert.Equal("محمد علي", article.Fields["Arabic"]);
        Assert.Equal("张伟", article.Fields["Chinese"]);
        Assert.Equal("Jane Doe", article.Fields["Role"]);
        Assert.Null(article.Fields["Photo"]);
        Assert.Contains("Photo: every value of '{ select: .photo, reject: ^(?i:photo) }' was dropped by its 'reject' or 'clean' (1 value(s)).", article.Warnings);
    }

    [Fact]
    public void A_value_reject_does_not_match_is_kept()
    {
        var article = Extract("https://bylines.example/s/2", """
            <html><head><meta name="author" content="Ana Ruiz"></head><body>
            <h1>Title</h1><p class="byline">By Someone Else</p><p class="photo">Jane Doe / AP</p>
            <div class="story"><p>Text.</p></div>
            </body></html>
            """);

        Assert.Equal(new[] { "Ana Ruiz" }, article.Authors);
        Assert.Equal("Jane Doe / AP", article.Fields["Photo"]);
    }

    [Fact]
    public void Text_and_links_only_tests_pick_junk_fields_and_the_body()
    {
        var article = Extract("https://texts.example/t/1", """
            <html><body><h1>Title</h1>
            <section><p>Navigation only</p></section>
            <section>
              <p>First paragraph with <a href="/x">a link</a> inside.</p>
              <p>SEE ALSO: <a href="/y">Other story</a></p>
              <p><strong><a href="/z">ANOTHER STORY IN CAPS</a></strong></p>
              <h3>____</h3>
              <p>Read more: the archive</p>
              <p>• <a href="/1">One</a> | <a href="/2">Two</a></p>
              <p><span>Advertisement</span> <span>Advertisement label</span></p>
              <p>Last paragraph.</p>
            </section></body></html>
            """);

        Assert.Equal(
            new[] { "First paragraph with a link inside.", "Advertisement label", "Last paragraph." },
            article.Body.Select(b => b.Text));
        Assert.Equal(new[] { "ANOTHER STORY IN CAPS", "• One | Two" }, (IReadOnlyList<string>)article.Fields["Related"]!);
        // The span the field took leaves the body; the other span, which the test turned down, stays.
        Assert.Equal("Advertisement", article.Fields["Label"]);
    }

    [Fact]
    public void An_image_selected_as_an_element_gives_its_lazy_loaded_source_and_unwrap_and_rename_shape_the_body()
    {
        var article = Extract("https://transforms.example/n/1", """
            <html><head><meta property="og:image" content="/og.jpg"></head><body><h1>Title</h1>
            <div class="lead"><figure><img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-srcset="/img/a-400.jpg 400w, /img/a-1200.jpg 1200w"></figure></div>
            <div class="story">
              <div class="text">The court heard <div class="term">habeas corpus</div> arguments today.</div>
              <div class="text">See <div class="note">(in brackets)</div> here.</div>
              <div class="note">A note of its own.</div>
              <div class="subhead">Background</div>
              <p class="pull">A quote.</p>
            </div></body></html>
            """);

        Assert.Equal("https://transforms.example/img/a-1200.jpg", article.Image);
        Assert.Equal(
            new[]
            {
                (BlockKind.Paragraph, "The court heard habeas corpus arguments today."),
                (BlockKind.Paragraph, "See (in brackets) here."),
                (BlockKind.Paragraph, "A note of its own."),
                (BlockKind.Heading, "Background"),
                (BlockKind.Quote, "A quote."),
            },
            article.Body.Select(b => (b.Kind, b.Text)));
    }

    [Fact]
    public void A_lazy_image_falls_back_to_its_noscript_copy_and_an_element_without_an_image_to_the_next_alternative()
    {
        var withNoscript = Extract("https://transforms.example/n/2", """
            <html><body><h1>Title</h1>
            <div class="lead"><figure><img class="lazyload" src="/img/blank.gif"><noscript><img src="/img/real.jpg"></noscript></figure></div>
            <div class="story"><p>Text.</p></div></body></html>
            """);
        Assert.Equal("https://transforms.example/img/real.jpg", withNoscript.Image);

        var withoutImage = Extract("https://transforms.example/n/3", """
            <html><head><meta property="og:image" content="/og.jpg"></head><body><h1>Title</h1>
            <div class="lead"><figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></figure></div>
            <div class="story"><p>Text.</p></div></body></html>
            """);
        Assert.Equal("https://transforms.example/og.jpg", withoutImage.Image);
    }

    [Fact]
    public void Long_form_settings_are_emitted_as_named_arguments_and_short_forms_as_before()
    {
        var bylines = fixture.Sources["Bylines.g.cs"];
        Assert.Contains("new global::NewsRules.Engine.Selector(\"meta[name=author]\", \"content\", reject: \"^https?://\")", bylines, StringComparison.Ordinal);
        Assert.Contains("clean: \"byline\")", bylines, StringComparison.Ordinal);
        Assert.Contains("new global::NewsRules.Engine.Selector(\"h1\")", bylines, StringComparison.Ordinal);
        Assert.Contains("linksOnly: true", fixture.Sources["Texts.g.cs"], StringComparison.Ordinal);
        Assert.Contains("renames: new global::NewsRules.Engine.ElementRename[]\n", fixture.Sources["Transforms.g.cs"], StringComparison.Ordinal);
        Assert.Contains("    new global::NewsRules.Engine.ElementRename(new global::NewsRules.Engine.Selector(\".story .term\")),\n", fixture.Sources["Transforms.g.cs"], StringComparison.Ordinal);
    }

    /// <summary>The page through the generated extractor and through the interpreted rule: the same JSON, and the article.</summary>
    private Article Extract(string url, string html)
    {
        var generated = fixture.Assembly.ForUrl(url);
        Assert.NotNull(generated);
        var host = new Uri(url).Host;
        var rule = RuleLanguageFixture.Rules.Single(r => r.Path.Contains($"/{host}/", StringComparison.Ordinal));
        var interpreted = RuleLoader.LoadText(rule.Yaml, rule.Path);

        var fromGenerated = generated.Extract(html, url);
        var fromInterpreted = interpreted.Extract(html, url);

        Assert.Equal(ArticleJson.Serialize(fromGenerated), ArticleJson.Serialize(fromInterpreted));
        return fromGenerated;
    }
}
