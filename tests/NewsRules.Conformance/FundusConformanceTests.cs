using System.Globalization;
using System.Text.RegularExpressions;
using NewsRules.Cli;

namespace NewsRules.Conformance;

/// <summary>
/// Our rules (and the generic fallback, for pages no rule serves) on the Fundus parser test
/// pages (fundus-dev: 258 current pages of 181 publishers): the share of the values Fundus's own
/// parsers are held to that come out right must not drop below the bar measured when the rules
/// were written (docs/fundus.md), and neither may the word-level body scores.
/// </summary>
public sealed class FundusConformanceTests
{
    private const double Bar = 97.7;
    private const double PrecisionBar = 0.978;
    private const double RecallBar = 0.99;

    // One run serves every corpus test: it reads 258 pages.
    private static readonly Lazy<(int Exit, string Output, string Error)> Run = new(() => Cli("conformance", Corpus.Path("fundus-dev"), "--per-publisher"));

    [CorpusFact("fundus-dev")]
    public void Rules_and_fallback_pass_the_bar_on_the_fundus_corpus()
    {
        var (exit, report, error) = Run.Value;

        Assert.True(exit == 0, $"Some cases errored (missing page, extractor exception):\n{report}\n{error}");
        var (passed, total) = Closing(report);
        Assert.True(total >= 6000, $"Only {total} assertions ran; the corpus has about 6,400.");
        var percent = 100.0 * passed / total;
        Assert.True(percent >= Bar, $"{passed}/{total} = {percent:0.0}% is below the {Bar}% bar. Failures:\n{Failures(report)}");
    }

    [CorpusFact("fundus-dev")]
    public void Body_word_precision_and_recall_hold_their_bars()
    {
        var (precision, recall) = BodyWords(Run.Value.Output);
        Assert.True(precision >= PrecisionBar, $"Body word precision {precision:0.000} is below {PrecisionBar}.\n{Failures(Run.Value.Output)}");
        Assert.True(recall >= RecallBar, $"Body paragraph word recall {recall:0.000} is below {RecallBar}.\n{Failures(Run.Value.Output)}");
    }

    [CorpusFact("fundus-dev")]
    public void Every_field_of_the_format_is_asserted_and_every_publisher_has_a_line()
    {
        var report = Run.Value.Output;
        foreach (var field in new[] { "title", "authors", "published", "summary", "body heading", "body paragraph" })
        {
            Assert.Matches(new Regex("^" + Regex.Escape(field) + @"\s+\d+ / \d+", RegexOptions.Multiline), report);
        }

        var publishers = File.ReadLines(Path.Combine(Corpus.Path("fundus-dev"), "cases.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => Regex.Match(l, "\"publisher\": ?\"([^\"]+)\"").Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(publishers.Count > 100, $"Only {publishers.Count} publishers read from the corpus.");
        foreach (var publisher in publishers)
        {
            Assert.Matches(new Regex("^" + Regex.Escape(publisher) + @"\s+\d+\s+\d+ / \d+", RegexOptions.Multiline), report);
        }
    }

    /// <summary>
    /// A two-case corpus written here, with a rule loaded at run time, pins what each assertion
    /// means: whitespace-normalized title, authors as a set, a date without offset read as the
    /// page's local time (our value's own wall clock, or its instant in the country's zone: 10:00
    /// at +02:00 is 17:00 in Japan), one with an offset as an instant, each body item once and in
    /// order (a block's &lt;br&gt; lines count apart, as Fundus splits paragraphs there), topics as
    /// a set, and the pooled word scores.
    /// </summary>
    [Fact]
    public void A_fundus_corpus_is_recognised_and_each_assertion_counts_once()
    {
        var folder = Directory.CreateTempSubdirectory("fundus-format-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "pages"));
            Directory.CreateDirectory(Path.Combine(folder.FullName, "rules"));
            File.WriteAllText(Path.Combine(folder.FullName, "pages", "probe.html"), """
                <html><head><title>x</title></head><body>
                <h1>A   title</h1><p class="by"><a>Ann Lee</a> and <a>Bo Chen</a></p>
                <time datetime="2024-05-03T10:00:00+02:00">3 May</time>
                <article><h2>Sub</h2><p>One.</p><p>Two.</p><p>Four.<br>Five.</p><p>Extra words here.</p></article>
                <ul class="tags"><li><a>x</a></li><li><a>y</a></li></ul>
                </body></html>
                """);
            File.WriteAllText(Path.Combine(folder.FullName, "rules", "probe.yaml"), """
                site: FundusProbe
                domains: [news.example]
                title: h1
                author: '.by a'
                published: 'time@datetime'
                body: article
                fields:
                  Topics: { select: '.tags a', many: true }
                """);
            const string page = "\"url\": \"https://news.example/a/1\", \"crawl_date\": \"2024-05-03 12:00:00\", \"page\": \"pages/probe.html\"";
            File.WriteAllLines(Path.Combine(folder.FullName, "cases.jsonl"), new[]
            {
                "{\"id\": \"xx/Probe/V1\", \"publisher\": \"Probe\", \"country\": \"xx\", \"version\": \"V1\", " + page + ", \"expected\": {"
                    + "\"title\": \"A title\", \"authors\": [\"Bo Chen\", \"Ann Lee\"], \"publishing_date\": \"2024-05-03 10:00:00\", "
                    + "\"body\": {\"summary\": [], \"sections\": [{\"headline\": [\"Sub\"], \"paragraphs\": [\"One.\", \"Missing one.\", \"Two.\", \"Four.\", \"Five.\"]}]}, "
                    + "\"topics\": [\"y\", \"x\"]}}",
                "",
                "{\"id\": \"xx/Probe/V2\", \"publisher\": \"Probe\", \"country\": \"xx\", \"version\": \"V2\", " + page + ", \"expected\": {"
                    + "\"title\": \"Another title\", \"publishing_date\": \"2024-05-03 10:00:00+00:00\", \"body\": {\"summary\": [], \"sections\": []}}}",
                "{\"id\": \"jp/Probe/V3\", \"publisher\": \"Probe\", \"country\": \"jp\", \"version\": \"V3\", " + page + ", \"expected\": {"
                    + "\"publishing_date\": \"2024-05-03 17:00:00\", \"body\": {\"summary\": [], \"sections\": []}}}",
            });

            var (exit, report, error) = Cli("conformance", folder.FullName, "--rules", Path.Combine(folder.FullName, "rules"), "--per-country");

            Assert.True(exit == 0, report + error);
            Assert.Equal((10, 13), Closing(report));
            Assert.Matches(@"(?m)^title\s+1 / 2\b", report);
            Assert.Matches(@"(?m)^authors\s+1 / 1\b", report);
            Assert.Matches(@"(?m)^published\s+2 / 3\b", report);
            Assert.Matches(@"(?m)^body heading\s+1 / 1\b", report);
            Assert.Matches(@"(?m)^body paragraph\s+4 / 5\b", report);
            Assert.Matches(@"(?m)^topics\s+1 / 1\b", report);
            Assert.Contains("- \"Missing one.\"", report, StringComparison.Ordinal);
            Assert.Contains("+ \"Extra words here.\"", report, StringComparison.Ordinal);
            Assert.Equal((Math.Round(5 / 24.0, 3), Math.Round(5 / 7.0, 3)), BodyWords(report));
            Assert.Matches(@"(?m)^xx\s+2\s+9 / 12\b.*FundusProbe", report);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Per_publisher_lines_need_a_fundus_corpus()
    {
        var folder = Directory.CreateTempSubdirectory("mercury-format-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "cases.jsonl"), "{\"id\": \"a#0\", \"url\": \"https://a.example/1\", \"page\": \"pages/a.html\", \"expected\": {\"title\": \"T\"}}\n");
            var (exit, _, error) = Cli("conformance", folder.FullName, "--per-publisher");
            Assert.Equal(2, exit);
            Assert.Contains("need a Fundus-format corpus", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (int Exit, string Output, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static (int Passed, int Total) Closing(string report)
    {
        var last = report.TrimEnd().Split('\n').Last();
        var match = Regex.Match(last, @"^conformance: (\d+)/(\d+) assertions passed \(\d+\.\d%\)$");
        Assert.True(match.Success, $"Unexpected closing line: {last}");
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static (double Precision, double Recall) BodyWords(string report)
    {
        var match = Regex.Match(report, @"^body words \(pooled over \d+ cases\): precision (\d\.\d+), paragraph recall (\d\.\d+)", RegexOptions.Multiline);
        Assert.True(match.Success, "The report has no body words line.");
        return (Math.Round(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 3), Math.Round(double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), 3));
    }

    private static string Failures(string report) =>
        string.Join('\n', report.Split('\n').Where(l => !l.StartsWith("ok", StringComparison.Ordinal)).Take(400));
}
