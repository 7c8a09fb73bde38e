using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsRules.Cli;
using NewsRules.Cli.Scaffold;
using NewsRules.Html;
using NewsRules.Loading;

namespace NewsRules.Rules.Tests;

/// <summary>
/// <c>newsrules new</c>: scaffolding a rule from one saved page. Every test writes into its own
/// temporary rules folder (<c>--rules</c>), never into the repository.
/// </summary>
public sealed class NewCommandTests : IDisposable
{
    private const string StoryUrl = "https://www.example-news.com/world/2024/05/harbour-bridge-reopens";

    private readonly string scratch = Directory.CreateTempSubdirectory("newsrules-new-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private string Rules => Path.Combine(scratch, "rules");

    private string RulePath(string domain = "www.example-news.com") => Path.Combine(Rules, domain, domain + ".yaml");

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (CliApp.Run(args, output, error), output.ToString(), error.ToString());
    }

    private string WritePage(string name, string html)
    {
        var path = Path.Combine(scratch, "pages", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, html);
        return path;
    }

    private (int Exit, string Output, string Error) New(string page, string? url = StoryUrl, params string[] extra)
    {
        var args = new List<string> { "new", page, "--rules", Rules };
        if (url is not null)
        {
            args.Add("--url");
            args.Add(url);
        }

        args.AddRange(extra);
        return Run(args.ToArray());
    }

    private Article ExtractWithScaffold(string page, string url = StoryUrl, string domain = "www.example-news.com") =>
        RuleLoader.LoadFile(RulePath(domain)).Extract(File.ReadAllText(page), url);

    [Fact]
    public void Writes_a_rule_that_check_accepts_and_copies_the_page_as_a_sample()
    {
        var page = WritePage("saved.html", Fixtures.Story());

        var (exit, output, error) = New(page);

        Assert.True(exit == 0, error);
        Assert.True(File.Exists(RulePath()), output);
        var sample = Path.Combine(Rules, "www.example-news.com", "samples", "harbour-bridge-reopens.html");
        Assert.Equal(File.ReadAllBytes(page), File.ReadAllBytes(sample));
        var (checkExit, checkOutput, _) = Run("check", RulePath());
        Assert.True(checkExit == 0, checkOutput);
        Assert.Contains("0 error(s), 0 warning(s)", checkOutput);
        Assert.Contains("site: ExampleNews\n", File.ReadAllText(RulePath()));
        Assert.Contains("domains: [example-news.com]\n", File.ReadAllText(RulePath()));
    }

    [Fact]
    public void The_rule_extracts_the_article_and_leaves_the_furniture_out()
    {
        var page = WritePage("saved.html", Fixtures.Story());
        Assert.Equal(0, New(page).Exit);

        var article = ExtractWithScaffold(page);

        Assert.Equal("Harbour bridge reopens after repairs", article.Title);
        Assert.Equal(new[] { "Jane Doe" }, article.Authors);
        Assert.Equal(new DateTimeOffset(2024, 5, 21, 9, 30, 0, TimeSpan.FromHours(1)), article.Published);
        // The lead is the visible standfirst, which says what the description the generic extractor reads says.
        Assert.Equal("The crossing was closed for eight months while engineers replaced all of its cables.", article.Lead);
        Assert.NotEqual(NewsRules.Generic.GenericExtractor.Instance.Extract(File.ReadAllText(page), StoryUrl).Lead, article.Lead);
        Assert.Equal("https://www.example-news.com/images/bridge.jpg", article.Image);
        Assert.Equal("en-GB", article.Language);
        Assert.Equal(new[] { "The bridge at dawn on Tuesday. Photo: Example News" }, article.Captions);
        foreach (var paragraph in Fixtures.Paragraphs)
        {
            Assert.Contains(paragraph, article.Text);
        }

        Assert.Contains("What comes next", article.Text);
        foreach (var furniture in new[] { "Read also", "Ferry fares", "Sign up", "Advertisement", "Share on", "All rights reserved", "Related stories", "Home" })
        {
            Assert.DoesNotContain(furniture, article.Text);
        }

        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Body_and_title_are_named_by_stable_names_never_by_position_or_generated_classes()
    {
        var page = WritePage("saved.html", Fixtures.Story());
        Assert.Equal(0, New(page).Exit);

        var yaml = File.ReadAllText(RulePath());

        Assert.Matches(new Regex(@"^body: '#story-body'", RegexOptions.Multiline), yaml);
        Assert.Matches(new Regex(@"^title: '(\.story-title|ld:headline|meta\[property=""og:title""\]@content)'", RegexOptions.Multiline), yaml);
        Assert.DoesNotContain("nth-", yaml);
        Assert.DoesNotContain("css-", yaml);
    }

    [Fact]
    public void Junk_inside_the_body_is_proposed_by_class_and_by_link_density()
    {
        var page = WritePage("saved.html", Fixtures.Story());
        Assert.Equal(0, New(page).Exit);

        var junk = File.ReadAllLines(RulePath()).SkipWhile(l => l != "junk:").Skip(1).TakeWhile(l => l.StartsWith("  - ", StringComparison.Ordinal)).ToList();

        Assert.Contains(junk, l => l.StartsWith("  - 'aside'", StringComparison.Ordinal) && l.Contains("page furniture by its tag or role (<aside>)", StringComparison.Ordinal));
        Assert.Contains(junk, l => l.StartsWith("  - '.ad-slot'", StringComparison.Ordinal) && l.Contains("page furniture by its class or id ('ad-slot')", StringComparison.Ordinal));
        Assert.Contains(junk, l => l.StartsWith("  - '.newsletter-signup'", StringComparison.Ordinal));
        Assert.Contains(junk, l => l.StartsWith("  - '.more-links'", StringComparison.Ordinal) && l.Contains("block of links", StringComparison.Ordinal));
        // The four above; the generic extractor's left-out "read also" box is the aside already junked, so
        // its own class ('.read-also') is not listed a second time.
        Assert.Equal(4, junk.Count);
        Assert.DoesNotContain(junk, l => l.StartsWith("  - '.read-also'", StringComparison.Ordinal));
    }

    [Fact]
    public void Prints_each_guess_with_a_confidence_and_where_it_wrote()
    {
        var page = WritePage("saved.html", Fixtures.Story());

        var (_, output, _) = New(page);

        foreach (var field in new[] { "title", "author", "published", "lead", "image", "body", "captions", "junk", "language" })
        {
            Assert.Matches(new Regex($@"^{field} +[01]\.\d\d (high|medium|low) ", RegexOptions.Multiline), output);
        }

        Assert.Contains("body       0.", output);
        Assert.Contains("→ 6 block(s)", output);
        Assert.Contains("wrote ", output);
        Assert.Contains("www.example-news.com.yaml", output);
        Assert.Contains("--rule", output);

        // The next steps are the ones a user runs in their own repository: no solution of this one.
        Assert.DoesNotContain("NewsRules.sln", output);
        Assert.Contains("  dotnet test ", output);
        Assert.Contains("newsrules accept --list, then newsrules accept ExampleNews", output);
    }

    [Fact]
    public void Every_guess_has_its_confidence_in_the_rule_file()
    {
        var page = WritePage("saved.html", Fixtures.Story());
        Assert.Equal(0, New(page).Exit);

        var yaml = File.ReadAllText(RulePath());

        foreach (var key in new[] { "title", "author", "published", "lead", "image", "body", "captions", "language" })
        {
            Assert.Matches(new Regex($@"^{key}: .*   # [01]\.\d\d \S", RegexOptions.Multiline), yaml);
        }

        Assert.StartsWith("# ExampleNews (www.example-news.com): scaffolded by `newsrules new` from rules/www.example-news.com/samples/harbour-bridge-reopens.html,", yaml);
        Assert.DoesNotContain(scratch, yaml);
    }

    [Fact]
    public void Refuses_to_overwrite_a_rule_without_force()
    {
        var page = WritePage("saved.html", Fixtures.Story());
        Assert.Equal(0, New(page).Exit);
        File.WriteAllText(RulePath(), "# edited by hand\n");

        var (exit, _, error) = New(page);

        Assert.Equal(2, exit);
        Assert.Contains("already exists", error);
        Assert.Contains("--force", error);
        Assert.Equal("# edited by hand\n", File.ReadAllText(RulePath()));

        var (forced, _, forcedError) = New(page, StoryUrl, "--force");

        Assert.True(forced == 0, forcedError);
        Assert.StartsWith("# ExampleNews", File.ReadAllText(RulePath()));
    }

    [Fact]
    public void Refuses_a_domain_another_rule_in_the_folder_claims()
    {
        Directory.CreateDirectory(Path.Combine(Rules, "example-news"));
        File.WriteAllText(Path.Combine(Rules, "example-news", "example-news.yaml"), "site: Other\ndomains: [www.example-news.com]\ntitle: h1\nbody: p\n");
        var page = WritePage("saved.html", Fixtures.Story());

        var (exit, _, error) = New(page);

        Assert.Equal(2, exit);
        Assert.Contains("the rule Other in", error);
        Assert.Contains("already claims www.example-news.com", error);
        Assert.False(File.Exists(RulePath()));
    }

    [Theory]
    [InlineData("https://arabic.example.com/world/1355930-story/", "arabic.example.com", "ArabicExample")]
    [InlineData("https://www.ipa.go.jp/about/press/20190401.html", "www.ipa.go.jp", "Ipa")]
    [InlineData("https://ici.radio-canada.ca/nouvelle/1022079/titre-long", "ici.radio-canada.ca", "IciRadioCanada")]
    [InlineData("https://www.example.co.uk/news/story-of-the-day", "www.example.co.uk", "Example")]
    [InlineData("https://1843magazine.com/features/a-story", "1843magazine.com", "Site1843magazine")]
    public void The_site_name_is_pascal_case_of_the_domain(string url, string domain, string site)
    {
        var page = WritePage("saved.html", Fixtures.Story());

        var (exit, _, error) = New(page, url);

        Assert.True(exit == 0, error);
        Assert.Contains($"site: {site}\n", File.ReadAllText(RulePath(domain)));
    }

    [Fact]
    public void Site_overrides_the_name_and_a_bad_one_is_refused_with_a_suggestion()
    {
        var page = WritePage("saved.html", Fixtures.Story());

        var (bad, _, error) = New(page, StoryUrl, "--site", "class");

        Assert.Equal(2, bad);
        Assert.Contains("--site 'class' is not a usable site name", error);
        Assert.Contains("Try --site ClassSite", error);

        var (good, _, goodError) = New(page, StoryUrl, "--site", "HarbourTimes");

        Assert.True(good == 0, goodError);
        Assert.Contains("site: HarbourTimes\n", File.ReadAllText(RulePath()));
    }

    [Fact]
    public void Url_defaults_to_the_canonical_link_and_a_page_without_one_gets_a_url_file()
    {
        var page = WritePage("saved.html", Fixtures.Story());
        var (exit, _, error) = New(page, url: null);
        Assert.True(exit == 0, error);
        Assert.True(File.Exists(Path.Combine(Rules, "www.example-news.com", "samples", "harbour-bridge-reopens.html")));

        var bare = WritePage("bare.html", Fixtures.Story(canonical: false));
        var (missing, _, missingError) = New(bare, url: null);
        Assert.Equal(2, missing);
        Assert.Contains("'bare.html' has no canonical link or og:url; pass the article's address with --url.", missingError);

        var (given, _, givenError) = New(bare, "https://news.example.org/2024/05/21/bridge-story.html");
        Assert.True(given == 0, givenError);
        Assert.Equal(
            "https://news.example.org/2024/05/21/bridge-story.html\n",
            File.ReadAllText(Path.Combine(Rules, "news.example.org", "samples", "bridge-story.url")));
    }

    [Theory]
    [InlineData("ftp://example.com/a", "--url 'ftp://example.com/a' is not an absolute http(s) URL.")]
    [InlineData("/world/story", "--url '/world/story' is not an absolute http(s) URL.")]
    public void A_bad_url_is_refused(string url, string message)
    {
        var page = WritePage("saved.html", Fixtures.Story());

        var (exit, _, error) = New(page, url);

        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(Rules));
    }

    [Fact]
    public void A_missing_page_is_refused()
    {
        var (exit, _, error) = New(Path.Combine(scratch, "nope.html"));

        Assert.Equal(2, exit);
        Assert.Contains("nope.html' does not exist", error);
    }

    [Fact]
    public void A_page_without_article_text_is_refused_with_advice()
    {
        var page = WritePage("menu.html", "<html><body><nav><a href=/a>One</a> <a href=/b>Two</a></nav><div id=x>Loading…</div></body></html>");

        var (exit, _, error) = New(page);

        Assert.Equal(1, exit);
        Assert.Contains("found no article text in 'menu.html'", error);
        Assert.Contains("Save it again", error);
        Assert.False(File.Exists(RulePath()));
    }

    [Fact]
    public void Date_and_author_come_from_json_ld_when_the_page_has_nothing_else()
    {
        var page = WritePage("saved.html", Fixtures.JsonLdOnly());

        var (exit, _, error) = New(page);

        Assert.True(exit == 0, error);
        var yaml = File.ReadAllText(RulePath());
        Assert.Contains("published: 'ld:datePublished'", yaml);
        Assert.Contains("author: 'ld:author'", yaml);
        var article = ExtractWithScaffold(page);
        Assert.Equal(new DateTimeOffset(2024, 5, 21, 9, 30, 0, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal(new[] { "Jane Doe" }, article.Authors);
    }

    [Fact]
    public void A_body_pick_holding_far_less_than_the_generic_body_is_left_to_the_fallback()
    {
        // The article's containers have only generated class names; the one stable name inside
        // them (.Lite) holds two of the five paragraphs, and link lists make <body> a poor pick.
        var paragraphs = new[]
        {
            "The harbour authority said on Monday that the eastern pier would stay closed for another three weeks while engineers finish checking the pilings.",
            "Fishing crews who normally land their catch at the eastern pier have been sent to the western quay, where space is tight and the cranes are slower.",
            "The mayor told the council that the repair budget had already been spent twice over and that the town would ask the region for an emergency grant.",
            "Local traders said the closure had cut the number of visitors walking along the waterfront, and several cafes have shortened their opening hours.",
            "Engineers expect to publish their report on the pilings next month, after divers have surveyed the last section of the structure below the waterline.",
        };
        var links = string.Concat(Enumerable.Range(0, 60).Select(i => $"<li><a href=\"/section/{i}\">Section number {i} news and more</a></li>"));
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Eastern pier stays closed</title></head><body>"
            + $"<div class=\"Hx7pQ2\"><ul>{links}</ul></div>"
            + "<div class=\"kT9vRz\"><div class=\"Wq3nL8\"><h1>Eastern pier stays closed</h1>"
            + $"<div class=\"Lite\"><p>{paragraphs[0]}</p><p>{paragraphs[1]}</p></div>"
            + string.Concat(paragraphs.Skip(2).Select(p => $"<p>{p}</p>"))
            + $"</div></div><div class=\"Zr5mY1\"><ul>{links}</ul></div></body></html>";
        var page = WritePage("saved.html", html);

        var (exit, output, error) = New(page);

        Assert.True(exit == 0, error);
        var yaml = File.ReadAllText(RulePath());
        Assert.Contains("# body: '.Lite'   # left to the fallback (the generic extractor's body)", yaml);
        Assert.DoesNotMatch(new Regex("^body:", RegexOptions.Multiline), yaml);
        Assert.Contains("\nfallback: true", yaml);
        Assert.Contains("(the fallback's)", output);
        var (checkExit, checkOutput, _) = Run("check", RulePath());
        Assert.True(checkExit == 0, checkOutput);
        var article = ExtractWithScaffold(page);
        Assert.Equal(NewsRules.Generic.GenericExtractor.Instance.Extract(html, StoryUrl).Text, article.Text);
        Assert.All(paragraphs, p => Assert.Contains(p, article.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_pick_holding_far_more_than_the_generic_body_is_left_to_the_fallback()
    {
        // A page of mostly links whose article sits in elements without any stable name: the
        // scaffold's own pick can only be <body>, which holds the link lists too.
        var paragraphs = new[]
        {
            "The harbour authority said on Monday that the eastern pier would stay closed for another three weeks while engineers finish checking the pilings.",
            "Fishing crews who normally land their catch at the eastern pier have been sent to the western quay, where space is tight and the cranes are slower.",
            "The mayor told the council that the repair budget had already been spent twice over and that the town would ask the region for an emergency grant.",
            "Local traders said the closure had cut the number of visitors walking along the waterfront, and several cafes have shortened their opening hours.",
        };
        var links = string.Concat(Enumerable.Range(0, 40).Select(i => $"<li><a href=\"/section/{i}\">Section number {i} news and more</a></li>"));
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Eastern pier stays closed</title></head><body>"
            + $"<div class=\"Hx7pQ2\"><ul>{links}</ul></div>"
            + "<div class=\"kT9vRz\"><div class=\"Wq3nL8\"><h1>Eastern pier stays closed</h1>"
            + string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))
            + $"</div></div><div class=\"Zr5mY1\"><ul>{links}</ul></div></body></html>";
        var page = WritePage("saved.html", html);

        var (exit, output, error) = New(page);

        Assert.True(exit == 0, error);
        var yaml = File.ReadAllText(RulePath());
        Assert.Matches(new Regex(@"holds \d+(\.\d)? times as many words as it on "), yaml);
        Assert.Contains("# body: 'body'   # left to the fallback (the generic extractor's body)", yaml);
        Assert.DoesNotMatch(new Regex("^body:", RegexOptions.Multiline), yaml);
        Assert.Contains("\nfallback: true", yaml);
        var (checkExit, checkOutput, _) = Run("check", RulePath());
        Assert.True(checkExit == 0, checkOutput);
        var article = ExtractWithScaffold(page);
        Assert.Equal(NewsRules.Generic.GenericExtractor.Instance.Extract(html, StoryUrl).Text, article.Text);
        Assert.DoesNotContain("Section number", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caption_wrapper_with_its_credit_line_is_named_as_captions_and_leaves_the_body()
    {
        var html = Fixtures.Story().Replace(
            "<figure><img src=\"/images/bridge.jpg\" alt=\"\"><figcaption>The bridge at dawn on Tuesday. Photo: Example News</figcaption></figure>",
            "<figure><img src=\"/images/bridge.jpg\" alt=\"\"><div class=\"image-caption-wrapper\"><figcaption>The bridge at dawn on Tuesday.</figcaption> <span class=\"image-copyright\">Harbour Agency</span></div></figure>",
            StringComparison.Ordinal);
        Assert.Contains("image-caption-wrapper", html);
        var page = WritePage("saved.html", html);

        var (exit, _, error) = New(page);

        Assert.True(exit == 0, error);
        Assert.Contains(".image-caption-wrapper", File.ReadAllText(RulePath()));
        var article = ExtractWithScaffold(page);
        Assert.Contains(article.Captions, c => c.Contains("Harbour Agency", StringComparison.Ordinal));
        Assert.DoesNotContain("Harbour Agency", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("dawn on Tuesday", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byline_prefix_in_another_language_becomes_a_pattern()
    {
        var page = WritePage("saved.html", Fixtures.Story(byline: "<div class=\"byline\">كتب: <span class=\"writer-name\">هالة منصور</span></div>", author: false));
        Assert.Equal(0, New(page).Exit);

        var article = ExtractWithScaffold(page);

        // The byline as the generic extractor reads it; its prefix is cut when the generic extractor cuts it.
        Assert.EndsWith("هالة منصور", Assert.Single(article.Authors));
    }

    [Fact]
    public void A_utf8_page_that_declares_a_legacy_charset_is_read_as_utf8_and_a_legacy_page_by_its_charset()
    {
        var japanese = Fixtures.Story().Replace("<meta charset=\"utf-8\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">")
            .Replace("Harbour bridge reopens after repairs", "港の橋が修理後に再開");
        var utf8 = WritePage("utf8.html", japanese);
        var (exit, output, error) = New(utf8);
        Assert.True(exit == 0, error);
        Assert.Contains("港の橋が修理後に再開", output);

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var arabic = Fixtures.Story().Replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1256\">")
            .Replace("Harbour bridge reopens after repairs", "إعادة افتتاح الجسر");
        var legacy = Path.Combine(scratch, "pages", "legacy.html");
        File.WriteAllBytes(legacy, Encoding.GetEncoding(1256).GetBytes(arabic));
        var (legacyExit, legacyOutput, legacyError) = New(legacy, "https://arabic.example.net/world/story-one");
        Assert.True(legacyExit == 0, legacyError);
        Assert.Contains("إعادة افتتاح الجسر", legacyOutput);
    }

    [Fact]
    public void A_page_nested_100000_levels_deep_is_scaffolded_without_overflowing_the_stack()
    {
        const int depth = 100_000;
        var document = HtmlDocuments.Parse(Fixtures.Story());
        var current = document.GetElementById("story-body")!;
        for (var i = 0; i < depth; i++)
        {
            var child = document.CreateElement(i % 2 == 0 ? "div" : "span");
            current.AppendChild(child);
            current = child;
        }

        var paragraph = document.CreateElement("p");
        paragraph.TextContent = "At the bottom of the page there is one more paragraph of running text, long enough to count.";
        current.AppendChild(paragraph);

        var result = RuleScaffolder.Create(document, new Uri(StoryUrl), "ExampleNews", "www.example-news.com", "rules/x/samples/x.html", "rules/x/x.yaml");

        Assert.NotNull(result);
        Assert.Equal("#story-body", result!.Draft.Body.Selectors[0]);
        Assert.Contains("At the bottom of the page", result.Article.Text);
    }
}

/// <summary>
/// How much of the hand-written rules' body text a scaffolded rule reproduces, page by page:
/// issue 5 asks for at least 90% on the samples under rules/ (and, here as well, on the
/// Mercury corpus pages, whose hand-written rules are under rules/ too).
/// </summary>
public sealed class ScaffoldBodyRecallTests
{
    private const double Bar = 0.90;

    private readonly Xunit.Abstractions.ITestOutputHelper log;

    public ScaffoldBodyRecallTests(Xunit.Abstractions.ITestOutputHelper log) => this.log = log;

    [Fact]
    public void Scaffolded_bodies_reproduce_at_least_90_percent_of_the_hand_written_bodies_on_the_samples()
    {
        var pages = NewsRules.Testing.SamplePage.Discover(SampleFiles.RulesDirectory)
            .Select(sample =>
            {
                var url = sample.UrlOf(HtmlDocuments.Parse(File.ReadAllText(sample.HtmlPath)));
                return (sample.Id, sample.HtmlPath, url);
            })
            .ToList();

        Assert.NotEmpty(pages);
        BodyRecall.AssertAverage(pages, Bar, log.WriteLine);
    }

    [MercuryCorpusFact]
    public void Scaffolded_bodies_reproduce_at_least_90_percent_of_the_hand_written_bodies_on_the_mercury_corpus()
    {
        var pages = new List<(string Id, string Page, Uri Url)>();
        foreach (var line in File.ReadLines(Path.Combine(MercuryCorpus.Directory, "cases.jsonl")))
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var root = json.RootElement;
            pages.Add((root.GetProperty("id").GetString()!, Path.Combine(MercuryCorpus.Directory, root.GetProperty("page").GetString()!), new Uri(root.GetProperty("url").GetString()!)));
        }

        Assert.True(pages.Count >= 80, $"Only {pages.Count} cases in the corpus; it has 90.");
        BodyRecall.AssertAverage(pages, Bar, log.WriteLine);
    }

    [Fact]
    public void Recall_and_precision_count_tokens_with_repeats_and_cjk_characters_one_by_one()
    {
        Assert.Equal((1.0, 1.0), BodyRecall.Measure("The cat saw the dog.", "the CAT saw THE dog"));
        Assert.Equal((0.6, 1.0), BodyRecall.Measure("the cat saw the dog", "the cat saw"));
        Assert.Equal((1.0, 0.5), BodyRecall.Measure("the cat", "the cat the cat"));
        Assert.Equal((2.0 / 3, 1.0), BodyRecall.Measure("港の橋", "港の"));
        Assert.Equal((0.0, 0.0), BodyRecall.Measure("something", string.Empty));
    }
}

/// <summary>The body measure: token recall (and precision) of the hand-written rule's body text in the scaffolded rule's.</summary>
internal static class BodyRecall
{
    /// <summary>
    /// Tokens are words (runs of letters and digits, lower-cased) and single CJK characters,
    /// counted with repeats. Recall = the hand-written body's tokens found in the scaffolded
    /// body (each found once), over the hand-written body's tokens; precision = the same count
    /// over the scaffolded body's tokens. Both read <see cref="Article.Text"/> (captions left out).
    /// </summary>
    public static (double Recall, double Precision) Measure(string reference, string candidate)
    {
        // The scaffold's own word splitter (letters and digits, one token per CJK character).
        var expected = Guessing.Tokens(reference);
        var found = Guessing.Tokens(candidate);
        var available = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in found)
        {
            available[token] = available.GetValueOrDefault(token) + 1;
        }

        var matched = 0;
        foreach (var token in expected)
        {
            if (available.GetValueOrDefault(token) > 0)
            {
                available[token]--;
                matched++;
            }
        }

        return (
            expected.Count == 0 ? 1 : (double)matched / expected.Count,
            found.Count == 0 ? 0 : (double)matched / found.Count);
    }

    /// <summary>
    /// Scaffolds a rule for every page into a temporary rules folder, runs it and the compiled
    /// hand-written rule over the page, and asserts the average recall; the failure message
    /// lists every page (so does <paramref name="log"/>, the test's output). Pages whose
    /// hand-written body is empty are listed and not averaged.
    /// </summary>
    public static void AssertAverage(IReadOnlyList<(string Id, string Page, Uri Url)> pages, double bar, Action<string> log)
    {
        var scratch = Directory.CreateTempSubdirectory("newsrules-recall-").FullName;
        try
        {
            var rows = new List<string>();
            var recalls = new List<double>();
            var precisions = new List<double>();
            for (var i = 0; i < pages.Count; i++)
            {
                var (id, page, url) = pages[i];
                var hand = NewsRules.Catalog.Sites.ForUrl(url)
                    ?? throw new InvalidOperationException($"{id}: no compiled rule serves {url}.");
                var html = File.ReadAllText(page, Encoding.UTF8);
                var expected = hand.Extract(HtmlDocuments.Parse(html), url).Text;
                if (expected.Length == 0)
                {
                    rows.Add($"{id}: the hand-written rule's body is empty; not counted");
                    continue;
                }

                var rules = Path.Combine(scratch, i.ToString(CultureInfo.InvariantCulture));
                var output = new StringWriter();
                var error = new StringWriter();
                var exit = CliApp.Run(new[] { "new", page, "--url", url.AbsoluteUri, "--rules", rules }, output, error);
                string actual;
                string selectors;
                if (exit == 0)
                {
                    var rulePath = Path.Combine(rules, url.IdnHost, url.IdnHost + ".yaml");
                    actual = RuleLoader.LoadFile(rulePath).Extract(HtmlDocuments.Parse(html), url).Text;
                    // A draft may leave the body to the fallback (the generic extractor's body): it then has "# body: …" only.
                    selectors = File.ReadLines(rulePath).FirstOrDefault(l => l.StartsWith("body:", StringComparison.Ordinal))
                        ?? "fallback, " + File.ReadLines(rulePath).First(l => l.StartsWith("# body:", StringComparison.Ordinal));
                    selectors = selectors.Substring(0, selectors.IndexOf("   #", StringComparison.Ordinal));
                }
                else
                {
                    actual = string.Empty;
                    selectors = "scaffold failed: " + error.ToString().Trim();
                }

                var (recall, precision) = Measure(expected, actual);
                recalls.Add(recall);
                precisions.Add(precision);
                rows.Add(string.Format(CultureInfo.InvariantCulture, "{0}: recall {1:0.0}%, precision {2:0.0}% ({3})", id, 100 * recall, 100 * precision, selectors));
            }

            var average = recalls.Count == 0 ? 0 : recalls.Average();
            var summary = string.Format(
                CultureInfo.InvariantCulture,
                "{0} page(s): average recall {1:0.0}%, average precision {2:0.0}% (bar: recall {3:0}%)",
                recalls.Count,
                100 * average,
                100 * (precisions.Count == 0 ? 0 : precisions.Average()),
                100 * bar);
            var report = summary + "\n" + string.Join("\n", rows);
            log(report);
            Assert.True(average >= bar, report);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}

/// <summary>The Mercury corpus: <c>NEWSRULES_CORPUS</c>/mercury-dev if set, else <c>../shared/corpus/mercury-dev</c> beside the repository.</summary>
internal static class MercuryCorpus
{
    public static string Directory
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("NEWSRULES_CORPUS");
            var root = !string.IsNullOrWhiteSpace(fromEnvironment)
                ? fromEnvironment
                : Path.Combine(SampleFiles.RulesDirectory, "..", "..", "shared", "corpus");
            return Path.GetFullPath(Path.Combine(root, "mercury-dev"));
        }
    }

    public static bool IsPresent => File.Exists(Path.Combine(Directory, "cases.jsonl"));
}

/// <summary>A fact that skips, saying why, when the Mercury corpus is not on this machine.</summary>
public sealed class MercuryCorpusFactAttribute : FactAttribute
{
    public MercuryCorpusFactAttribute()
    {
        if (!MercuryCorpus.IsPresent)
        {
            Skip = $"The Mercury corpus is not at {MercuryCorpus.Directory} (set NEWSRULES_CORPUS to the folder holding mercury-dev to run this test).";
        }
    }
}

/// <summary>Pages written for these tests (no publisher's page is copied here).</summary>
internal static class Fixtures
{
    public static readonly string[] Paragraphs =
    {
        "The harbour bridge reopened to traffic on Tuesday morning, eight months after engineers closed it to replace the steel cables that hold up its main span.",
        "Commuters who had used the ferry since September said the first crossing felt strange after so long, and several stopped to take photographs from the footpath.",
        "The city council said the repairs cost less than planned because the old cables could be recycled, and that the bridge should not need major work for thirty years.",
        "Engineers will keep monitoring the new cables with sensors that report vibration and temperature every minute to a control room on the north bank.",
        "The ferry service will keep running at weekends until the end of the summer, the operator said, so that visitors can still see the bridge from the water.",
    };

    public static string Story(bool canonical = true, string? byline = null, bool author = true)
    {
        byline ??= "<div class=\"byline\">By <a rel=\"author\" href=\"/authors/jane-doe\">Jane Doe</a> · <time datetime=\"2024-05-21T09:30:00+01:00\">21 May 2024</time></div>";
        var head = new StringBuilder();
        head.Append("<meta charset=\"utf-8\">\n<title>Harbour bridge reopens after repairs | Example News</title>\n");
        if (canonical)
        {
            head.Append("<link rel=\"canonical\" href=\"https://www.example-news.com/world/2024/05/harbour-bridge-reopens\">\n");
        }

        head.Append("<meta property=\"og:title\" content=\"Harbour bridge reopens after repairs\">\n");
        head.Append("<meta property=\"og:description\" content=\"The crossing was closed for eight months while engineers replaced its cables.\">\n");
        head.Append("<meta property=\"og:image\" content=\"/images/bridge.jpg\">\n");
        head.Append("<meta property=\"article:published_time\" content=\"2024-05-21T09:30:00+01:00\">\n");
        if (author)
        {
            head.Append("<meta name=\"author\" content=\"Jane Doe\">\n");
        }

        return $$"""
            <!doctype html>
            <html lang="en-GB">
            <head>
            {{head}}</head>
            <body>
            <header class="site-header"><a href="/" class="logo">Example News</a>
              <nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav>
            </header>
            <main class="css-1q2w3e4">
              <article class="story">
                <h1 class="story-title">Harbour bridge reopens after repairs</h1>
                <p class="standfirst">The crossing was closed for eight months while engineers replaced all of its cables.</p>
                {{byline}}
                <div class="share-bar"><a href="https://twitter.com/share">Share on Twitter</a> <a href="https://facebook.com/share">Share on Facebook</a></div>
                <div id="story-body" class="css-9z8y7x6">
                  <p>{{Paragraphs[0]}}</p>
                  <figure><img src="/images/bridge.jpg" alt=""><figcaption>The bridge at dawn on Tuesday. Photo: Example News</figcaption></figure>
                  <p>{{Paragraphs[1]}}</p>
                  <aside class="read-also"><h3>Read also</h3><ul><li><a href="/world/ferry-fares">Ferry fares rise again</a></li><li><a href="/world/tunnel">New tunnel plans unveiled</a></li></ul></aside>
                  <p>{{Paragraphs[2]}}</p>
                  <div class="ad-slot"><span class="label">Advertisement</span><ins class="adsbygoogle"></ins></div>
                  <h2>What comes next</h2>
                  <p>{{Paragraphs[3]}}</p>
                  <div class="newsletter-signup"><p>Sign up for our morning briefing.</p><form action="/subscribe"><input type="email" name="email"><button>Subscribe</button></form></div>
                  <div class="more-links"><a href="/world/harbour-history">The history of the harbour bridge</a> <a href="/world/cable-engineering">How bridge cables are made</a></div>
                  <p>{{Paragraphs[4]}}</p>
                </div>
                <section class="related-stories"><h2>Related stories</h2><ul>
                  <li><a href="/world/a">Tram line to open next year after long delays</a></li>
                  <li><a href="/world/b">Port traffic up by a fifth as exports recover</a></li>
                  <li><a href="/world/c">Council approves new cycle lanes on the river front</a></li>
                  <li><a href="/world/d">Old lighthouse to become a museum</a></li>
                </ul></section>
              </article>
            </main>
            <footer class="site-footer"><p>© 2024 Example News. All rights reserved. Example News is not responsible for the content of external sites.</p>
              <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
            </body>
            </html>
            """;
    }

    /// <summary>A page whose only date and author are in its JSON-LD.</summary>
    public static string JsonLdOnly() => Story(byline: string.Empty, author: false)
        .Replace("<meta property=\"article:published_time\" content=\"2024-05-21T09:30:00+01:00\">\n", string.Empty)
        .Replace(
            "</head>",
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Harbour bridge reopens after repairs\",\"datePublished\":\"2024-05-21T09:30:00+01:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"}]}</script>\n</head>");
}
