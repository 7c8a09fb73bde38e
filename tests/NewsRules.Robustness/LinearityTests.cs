using NewsRules.Catalog;
using NewsRules.Html;

namespace NewsRules.Robustness;

/// <summary>
/// Issue 6, point 1: time linear in the input. Not an absolute time (machines differ), but the
/// ratio between a page and the same page repeated ten times: about 10 when linear, about 100
/// when quadratic. Each side is the least thread CPU time of several runs, so a busy machine
/// does not decide.
/// </summary>
public sealed class LinearityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Runs = 7;

    /// <summary>Ten times the input may take at most this many times as long (linear is 10, quadratic 100).</summary>
    private const double MaxRatio = 30;

    public static IEnumerable<object[]> Pages()
    {
        foreach (var sample in Repo.Samples)
        {
            yield return new object[] { sample.Name };
        }

        yield return new object[] { "wide:paragraphs" };
        yield return new object[] { "deep:nesting" };
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Ten_times_the_page_takes_about_ten_times_as_long(string name)
    {
        var (html, url) = Page(name);
        var extractor = Sites.ForUrl(url)!;
        var ten = HostilePages.Repeat(html, 10);

        // Warm up both paths (JIT tiers, caches), then take the least CPU time of several runs.
        for (var i = 0; i < 3; i++)
        {
            Run(extractor, html, url);
            Run(extractor, ten, url);
        }

        var one = ThreadCpu.Fastest(() => Run(extractor, html, url), Runs);
        var tenTimes = ThreadCpu.Fastest(() => Run(extractor, ten, url), Runs);

        var ratio = tenTimes.TotalMilliseconds / Math.Max(one.TotalMilliseconds, 0.001);
        output.WriteLine($"{name}: {one.TotalMilliseconds:0.00} ms, 10x: {tenTimes.TotalMilliseconds:0.00} ms, ratio {ratio:0.0}");
        Assert.True(ratio <= MaxRatio, $"{name}: 10x the page took {ratio:0.0}x as long ({one.TotalMilliseconds:0.0} ms vs {tenTimes.TotalMilliseconds:0.0} ms); linear is about 10.");
    }

    /// <summary>Pages no rule serves, built to find quadratic work in the generic fallback's body signals.</summary>
    public static IEnumerable<object[]> FallbackPages() => new[]
    {
        // Thousands of headings in one parent, each followed by links only: every one is a trailing-heading candidate.
        new object[] { "headings-then-links", "<h3>More on this</h3><a href=\"/r\">Another story about the town</a><br>" },
        // Thousands of one-link lines with a label: every one is a read-also candidate.
        new object[] { "read-also-lines", "<p>Read also: <a href=\"/r\">Another long story about the town council</a></p>" },
        // Thousands of short lines with dates, calls to action and credits.
        new object[] { "short-lines", "<p>24.01.2022 | News</p><p>Follow us on Twitter and Instagram!</p><p>Foto: Jane Doe</p>" },
    };

    [Theory]
    [MemberData(nameof(FallbackPages))]
    public void Ten_times_the_page_takes_about_ten_times_as_long_with_the_fallback(string name, string unit)
    {
        var prose = "<p>" + HostilePages.Repeat("The council met on Tuesday and talked about the bridge for a long time. ", 8) + "</p>";
        string Build(int copies) => "<html><head><title>Story</title></head><body><article><h1>Story</h1>" + prose + HostilePages.Repeat(unit, 300 * copies) + prose + "</article></body></html>";
        var url = new Uri("https://news.example.org/2024/05/story");
        var (page, ten) = (Build(1), Build(10));

        for (var i = 0; i < 3; i++)
        {
            Generic.GenericExtractor.Instance.Extract(page, url);
            Generic.GenericExtractor.Instance.Extract(ten, url);
        }

        var one = ThreadCpu.Fastest(() => Assert.Contains("bridge", Generic.GenericExtractor.Instance.Extract(page, url).Text), Runs);
        var tenTimes = ThreadCpu.Fastest(() => Assert.Contains("bridge", Generic.GenericExtractor.Instance.Extract(ten, url).Text), Runs);

        var ratio = tenTimes.TotalMilliseconds / Math.Max(one.TotalMilliseconds, 0.001);
        output.WriteLine($"fallback {name}: {one.TotalMilliseconds:0.00} ms, 10x: {tenTimes.TotalMilliseconds:0.00} ms, ratio {ratio:0.0}");
        Assert.True(ratio <= MaxRatio, $"fallback {name}: 10x the page took {ratio:0.0}x as long ({one.TotalMilliseconds:0.0} ms vs {tenTimes.TotalMilliseconds:0.0} ms); linear is about 10.");
    }

    private static (string Html, Uri Url) Page(string name)
    {
        switch (name)
        {
            case "wide:paragraphs":
                // One container with thousands of siblings: a walk that asks for NextSibling is quadratic here.
                return ("<html><body><div class=\"article\"><h1 class=\"heading\">T</h1><div class=\"text\">" + HostilePages.Repeat("<p>paragraph <b>text</b></p>", 3000) + "</div></div></body></html>", HostilePages.RtUrl);
            case "deep:nesting":
                // Unclosed nesting: the parser's scope checks are quadratic in the depth without the guard.
                return ("<html><body><div class=\"article\"><h1 class=\"heading\">T</h1><div class=\"text\">" + HostilePages.Repeat("<div><span>text ", 1500), HostilePages.RtUrl);
            default:
                var sample = Repo.Samples.Single(s => s.Name == name);
                return (File.ReadAllText(sample.Path), sample.Url);
        }
    }

    private static void Run(IArticleExtractor extractor, string html, Uri url)
    {
        var document = HtmlDocuments.Parse(html);
        var article = extractor.Extract(document, url);
        Assert.NotNull(article.Title);
    }
}
