using System.Text;
using System.Text.Json;
using NewsRules.Cli;
using NewsRules.Loading;

namespace NewsRules.Rules.Tests;

/// <summary>
/// <c>newsrules new</c> from several pages, built on the generic extractor's choices, and
/// <c>newsrules evaluate-drafts</c> on a tiny Fundus-format corpus written at run time.
/// </summary>
public sealed class NewFromPagesTests : IDisposable
{
    private const string StoryUrl = "https://www.daily-harbour.com/news/2024/05/bridge-reopens";
    private const string LiveUrl = "https://www.daily-harbour.com/live/2024/05/storm-updates";

    private readonly string scratch = Directory.CreateTempSubdirectory("newsrules-pages-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private string Rules => Path.Combine(scratch, "rules");

    private string RulePath => Path.Combine(Rules, "www.daily-harbour.com", "www.daily-harbour.com.yaml");

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (CliApp.Run(args, output, error), output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(scratch, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Paragraphs(string topic, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i =>
            $"<p>{topic} paragraph {i}: the harbour authority said the work on the old crossing went on through the night, and residents along the waterfront watched the cranes lift the last span into place before dawn.</p>\n"));

    /// <summary>The furniture every page of the site repeats: navigation, a newsletter box, the footer.</summary>
    private const string Header = "<header class=\"site-header\"><nav class=\"main-nav\"><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a> <a href=\"/live\">Live</a></nav></header>\n";

    private const string Footer = "<div class=\"newsletter-box\">Sign up for the Daily Harbour morning briefing, every weekday at seven.</div>\n"
        + "<footer class=\"site-footer\"><p>© Daily Harbour Media. All rights reserved. Terms, privacy and cookies.</p></footer>\n";

    /// <summary>An article page: the body in <c>div.article-body</c> with a generated class beside it.</summary>
    private static string Story(string topic = "Bridge", string url = StoryUrl) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + topic + " reopens | Daily Harbour</title>\n"
        + $"<link rel=\"canonical\" href=\"{url}\">\n"
        + "<meta property=\"og:title\" content=\"" + topic + " reopens after two years of repairs\">\n"
        + "<meta name=\"description\" content=\"The harbour's " + topic + " opens again on Monday.\">\n"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"" + topic + " reopens after two years of repairs\",\"datePublished\":\"2024-05-12T08:30:00+02:00\",\"author\":{\"@type\":\"Person\",\"name\":\"Mara Lind\"}}</script>\n"
        + "</head><body>\n" + Header
        + "<main><h1 class=\"headline\">" + topic + " reopens after two years of repairs</h1>\n"
        + "<p class=\"byline\">By <a href=\"/authors/mara-lind\" rel=\"author\">Mara Lind</a></p>\n"
        + "<div class=\"article-body css-1q2w3e4\" id=\"story-83920174\">\n" + Paragraphs(topic, 6) + "</div></main>\n"
        + Footer + "</body></html>";

    /// <summary>A live page of the same site: another layout, the entries in <c>section.live-feed</c>.</summary>
    private static string Live() =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Storm updates | Daily Harbour</title>\n"
        + $"<link rel=\"canonical\" href=\"{LiveUrl}\">\n"
        + "<meta property=\"og:title\" content=\"Storm updates: the harbour closes\">\n"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Storm updates: the harbour closes\",\"datePublished\":\"2024-05-13T06:00:00+02:00\",\"author\":{\"@type\":\"Person\",\"name\":\"Jon Berg\"}}</script>\n"
        + "</head><body>\n" + Header
        + "<main><h1 class=\"headline\">Storm updates: the harbour closes</h1>\n"
        + "<section class=\"live-feed\">\n" + Paragraphs("Storm", 7) + "</section></main>\n"
        + Footer + "</body></html>";

    [Fact]
    public void A_draft_from_two_layouts_lists_an_alternative_per_layout_and_extracts_the_article_on_both()
    {
        var story = Write("pages/story.html", Story());
        var live = Write("pages/live.html", Live());
        var (exit, output, error) = Run("new", story, live, "--rules", Rules);
        Assert.True(exit == 0, error);

        var yaml = File.ReadAllText(RulePath);
        var body = yaml.Split('\n').Single(l => l.StartsWith("body:", StringComparison.Ordinal));
        Assert.Contains(".article-body", body);
        Assert.Contains("storm-updates.html needs", body);

        var rule = RuleLoader.LoadFile(RulePath);
        var onStory = rule.Extract(File.ReadAllText(story), StoryUrl);
        var onLive = rule.Extract(File.ReadAllText(live), LiveUrl);
        Assert.Equal(6, onStory.Body.Count(b => b.Text.StartsWith("Bridge paragraph", StringComparison.Ordinal)));
        Assert.Equal(7, onLive.Body.Count(b => b.Text.StartsWith("Storm paragraph", StringComparison.Ordinal)));
        Assert.DoesNotContain(onStory.Body.Concat(onLive.Body), b => b.Text.Contains("morning briefing", StringComparison.Ordinal));
        Assert.Equal("Mara Lind", Assert.Single(onStory.Authors));
        Assert.Equal("Jon Berg", Assert.Single(onLive.Authors));

        // Both pages were copied as samples, and the report and the rule say what each page gives.
        Assert.Equal(2, Directory.GetFiles(Path.Combine(Rules, "www.daily-harbour.com", "samples"), "*.html").Length);
        Assert.Contains("# What this draft extracts from the pages it was made from:", yaml);
        Assert.Contains("bridge-reopens.html: title 'Bridge reopens after two years of repairs'", yaml);
        Assert.Contains("storm-updates.html: title 'Storm updates: the harbour closes'", yaml);
        Assert.Contains("what the draft extracts, per page:", output);
    }

    [Fact]
    public void One_selector_serves_pages_of_one_layout_and_generated_names_are_never_used()
    {
        var first = Write("pages/a.html", Story("Bridge"));
        var second = Write("pages/b.html", Story("Ferry", "https://www.daily-harbour.com/news/2024/06/ferry-reopens"));
        var (exit, _, error) = Run("new", first, second, "--rules", Rules);
        Assert.True(exit == 0, error);

        var yaml = File.ReadAllText(RulePath);
        var body = yaml.Split('\n').Single(l => l.StartsWith("body:", StringComparison.Ordinal));
        Assert.StartsWith("body: '.article-body'", body);
        Assert.Contains("on all 2 pages", body);
        Assert.DoesNotContain("css-1q2w3e4", yaml);
        Assert.DoesNotContain("story-83920174", yaml);
    }

    /// <summary>A story whose body ends with the same reporter's note on every page of the site.</summary>
    private static string WithNote(string page) => page.Replace(
        "</div></main>",
        "<div class=\"reporter-note\"><p>Mara Lind has covered the harbour for the Daily Harbour since 2015 and writes about shipping, ferries and the people who work on the water.</p></div>\n</div></main>",
        StringComparison.Ordinal);

    [Fact]
    public void Text_the_same_on_every_page_inside_the_body_is_proposed_as_junk_and_not_with_one_page()
    {
        var first = Write("pages/a.html", WithNote(Story("Bridge")));
        var second = Write("pages/b.html", WithNote(Story("Ferry", "https://www.daily-harbour.com/news/2024/06/ferry-reopens")));
        var (exit, _, error) = Run("new", first, second, "--rules", Rules);
        Assert.True(exit == 0, error);

        var yaml = File.ReadAllText(RulePath);
        var junk = yaml.Split('\n').Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).ToList();
        Assert.Contains(junk, l => l.StartsWith("  - '.reporter-note'", StringComparison.Ordinal) && l.Contains("the same text inside the body on all 2 pages", StringComparison.Ordinal));
        var article = RuleLoader.LoadFile(RulePath).Extract(File.ReadAllText(second), "https://www.daily-harbour.com/news/2024/06/ferry-reopens");
        Assert.DoesNotContain("has covered the harbour", article.Text, StringComparison.Ordinal);
        Assert.Contains("Ferry paragraph 6", article.Text, StringComparison.Ordinal);

        // One page shows no repetition: the note stays.
        var (again, _, againError) = Run("new", first, "--rules", Rules, "--force");
        Assert.True(again == 0, againError);
        Assert.DoesNotContain("the same text inside the body", File.ReadAllText(RulePath), StringComparison.Ordinal);
    }

    [Fact]
    public void Domains_leave_out_www_and_fields_name_where_the_generic_extractor_read_them()
    {
        var page = Write("pages/story.html", Story());
        var (exit, _, error) = Run("new", page, "--rules", Rules);
        Assert.True(exit == 0, error);

        var yaml = File.ReadAllText(RulePath);
        Assert.Contains("domains: [daily-harbour.com]\n", yaml);
        Assert.Contains("author: 'ld:author'", yaml);
        Assert.Contains("published: 'ld:datePublished'", yaml);
        Assert.Contains("fallback: true", yaml);
        Assert.Contains("where the generic extractor read it: JSON-LD datePublished", yaml);
    }

    [Fact]
    public void Pages_of_two_sites_and_a_url_count_that_does_not_match_are_refused()
    {
        var story = Write("pages/story.html", Story());
        var other = Write("pages/other.html", Story("Tunnel", "https://www.other-paper.org/news/tunnel"));
        var (exit, _, error) = Run("new", story, other, "--rules", Rules);
        Assert.NotEqual(0, exit);
        Assert.Contains("a rule is drafted from pages of one site", error);

        (exit, _, error) = Run("new", story, other, "--url", StoryUrl, "--rules", Rules);
        Assert.NotEqual(0, exit);
        Assert.Contains("give one --url per page", error);
        Assert.False(File.Exists(RulePath));
    }

    [Fact]
    public void Evaluate_drafts_scores_a_draft_on_an_unseen_page_of_its_site_beside_the_generic_extractor()
    {
        var corpus = Path.Combine(scratch, "corpus");
        Write("corpus/pages/a.html", Story("Bridge"));
        Write("corpus/pages/b.html", Story("Ferry", "https://www.daily-harbour.com/news/2024/06/ferry-reopens"));
        static string Case(string id, string url, string page, string topic) => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = id,
            ["publisher"] = "DailyHarbour",
            ["country"] = "uk",
            ["url"] = url,
            ["page"] = page,
            ["expected"] = new Dictionary<string, object>
            {
                ["title"] = $"{topic} reopens after two years of repairs",
                ["authors"] = new[] { "Mara Lind" },
                ["publishing_date"] = "2024-05-12 06:30:00+00:00",
                ["body"] = new Dictionary<string, object>
                {
                    ["summary"] = Array.Empty<string>(),
                    ["sections"] = new[]
                    {
                        new Dictionary<string, object>
                        {
                            ["headline"] = Array.Empty<string>(),
                            ["paragraphs"] = Enumerable.Range(1, 6).Select(i => $"{topic} paragraph {i}: the harbour authority said the work on the old crossing went on through the night, and residents along the waterfront watched the cranes lift the last span into place before dawn.").ToArray(),
                        },
                    },
                },
            },
        });
        Write("corpus/cases.jsonl", Case("uk/DailyHarbour/V1", StoryUrl, "pages/a.html", "Bridge") + "\n"
            + Case("uk/DailyHarbour/V2", "https://www.daily-harbour.com/news/2024/06/ferry-reopens", "pages/b.html", "Ferry") + "\n");

        var drafts = Path.Combine(scratch, "drafts");
        var (exit, output, error) = Run("evaluate-drafts", corpus, "--scratch", drafts, "--per-publisher");
        Assert.True(exit == 0, error);
        Assert.Contains("(a) draft from a publisher's first page, scored on its second page: 1 page(s) of 1 publisher(s)", output);
        Assert.Contains("(b) draft scored on its own page: 2 page(s) of 1 publisher(s)", output);

        // Title, authors and six paragraphs on the unseen page (the date in the case is the page's, two hours off UTC).
        Assert.Contains("expected values right: draft 9/9 (100.0%), generic 9/9 (100.0%)", output);
        Assert.Contains("draft >= generic on 1/1 publishers (100.0%)", output);
        Assert.True(Directory.EnumerateFiles(drafts, "*.yaml", SearchOption.AllDirectories).Count() == 2, "one draft per case in the scratch folder");

        // Not a Fundus corpus: a clear error.
        Write("mercury/cases.jsonl", "{\"id\":\"x\",\"url\":\"https://example.com/\",\"page\":\"x.html\",\"expected\":{\"title\":\"T\"}}\n");
        (exit, _, error) = Run("evaluate-drafts", Path.Combine(scratch, "mercury"));
        Assert.NotEqual(0, exit);
        Assert.Contains("not a Fundus-format corpus", error);
    }
}
