using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsRules.Generic.Tests;

/// <summary>`newsrules evaluate` on a corpus written for the test: the metric computed as trafilatura computes it.</summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly TempFolder corpus = new();

    public EvaluateCommandTests()
    {
        corpus.Write("pages/a.html", Page.Html(
            "<meta property=\"og:title\" content=\"Council approves the bridge\"><meta name=\"author\" content=\"Jane Roe\"><meta property=\"article:published_time\" content=\"2021-03-04T09:30:00+01:00\">",
            $"<div id=\"top\">{Page.Nav("Section")}</div><article><h1>Council approves the bridge</h1><p>{Page.Prose("Alpha")}</p></article>"));
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        corpus.Write("pages/b.html", System.Text.Encoding.GetEncoding(1252).GetBytes(Page.Html(
            "<title>Brücke | Stadtblatt</title>",
            "<main><p>Die Gemeinde plant für das nächste Jahr größere Änderungen an der Brücke und am Marktplatz der Stadt, sagt der Bürgermeister.</p></main>",
            lang: "de",
            charset: "windows-1252")));
        corpus.Write("cases.jsonl", string.Join("\n",
            """{"url": "https://news.example.com/2021/03/04/bridge", "page": "pages/a.html", "with": ["Alpha sentence 1", "a snippet that is nowhere"], "without": ["Section 3", "Alpha  sentence\n2"], "title": "Council approves the bridge", "author": "jane roe", "date": "2021-03-04"}""",
            string.Empty,
            """{"url": "hard::b.html", "page": "pages/b.html", "with": ["größere Änderungen"], "without": [], "title": "BRÜCKE", "author": "Someone Else", "date": "2020-01-01"}"""));
    }

    public void Dispose() => corpus.Dispose();

    [Fact]
    public void Counts_are_pooled_and_the_four_ratios_follow_trafilatura()
    {
        var (exit, output, error) = Cli.Run("evaluate", corpus.Path);

        Assert.True(exit == 0, error);
        // a: tp 1 (Alpha sentence 1), fn 1, fp 1 (snippet white space normalized: "Alpha sentence 2"), tn 1 (the navigation is left out).
        // b: tp 1, read from windows-1252 bytes.
        Assert.Contains("body snippets: tp 2, fn 1, fp 1, tn 1", output);
        Assert.Contains("body: precision 0.667, recall 0.667, F1 0.667, accuracy 0.600", output);
        Assert.Contains("pages: 2 (0 by a site rule, 2 by the generic fallback, 0 errors)", output);
    }

    [Fact]
    public void Title_author_and_date_are_compared_where_the_case_knows_them()
    {
        var (_, output, _) = Cli.Run("evaluate", corpus.Path);

        // b's title is upper-cased in the case ("BRÜCKE"), as a site's CSS shows it: right only ignoring case.
        Assert.Contains("title: 1/2 exact (50.0%); 2 ignoring case (100.0%)", output);
        Assert.Contains("author: 1/2 exact (50.0%)", output);
        Assert.Contains("date: 1/2 exact (50.0%)", output);
    }

    [Fact]
    public void Details_name_each_snippet_that_went_wrong()
    {
        var (_, output, _) = Cli.Run("evaluate", corpus.Path, "--details");

        Assert.Contains("pages/a.html: missed \"a snippet that is nowhere\"; leaked \"Alpha sentence 2\"", output);
        Assert.Contains("pages/b.html: title \"Brücke\" (expected \"BRÜCKE\"); author \"\" (expected \"Someone Else\"); date none (expected 2020-01-01)", output);
    }

    [Fact]
    public void Out_writes_each_page_article_as_json_named_after_its_page()
    {
        using var articles = new TempFolder();

        var (exit, _, error) = Cli.Run("evaluate", corpus.Path, "--out", System.IO.Path.Combine(articles.Path, "made"));

        Assert.True(exit == 0, error);
        var a = File.ReadAllText(System.IO.Path.Combine(articles.Path, "made", "a.json"));
        Assert.Contains("\"title\": \"Council approves the bridge\"", a);
        Assert.Contains("Alpha sentence 1", a);
        var b = File.ReadAllText(System.IO.Path.Combine(articles.Path, "made", "b.json"));
        Assert.Contains("größere Änderungen", b);
    }

    [Fact]
    public void A_missing_page_counts_as_nothing_found_and_fails_the_run()
    {
        corpus.Write("cases.jsonl", """{"url": "https://x.example/", "page": "pages/gone.html", "with": ["a", "b"], "without": ["c"]}""");

        var (exit, output, error) = Cli.Run("evaluate", corpus.Path);

        Assert.Equal(1, exit);
        Assert.Contains("body snippets: tp 0, fn 2, fp 0, tn 1", output);
        Assert.Contains("pages/gone.html", error);
        Assert.Contains("missing", error);
    }

    [Fact]
    public void A_folder_without_cases_says_what_a_corpus_holds()
    {
        using var empty = new TempFolder();

        var (exit, _, error) = Cli.Run("evaluate", empty.Path);

        Assert.Equal(2, exit);
        Assert.Contains("cases.jsonl", error);
    }

    [Fact]
    public void A_malformed_line_is_reported_with_its_line_number()
    {
        corpus.Write("cases.jsonl", "{\"url\": \"https://x.example/\", \"page\": \"pages/a.html\", \"with\": [], \"without\": []}\n{not json");

        var (exit, _, error) = Cli.Run("evaluate", corpus.Path);

        Assert.Equal(2, exit);
        Assert.Matches(new Regex(@"cases\.jsonl\(2\)"), error);
    }

    internal static double Number(string output, string name)
    {
        var match = Regex.Match(output, $@"\b{name} (\d+\.\d+)");
        Assert.True(match.Success, $"No '{name}' in:\n{output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
