using System.Text.Json.Nodes;
using NewsRules.Cli;
using NewsRules.Cli.Batch;

namespace NewsRules.Batch.Tests;

/// <summary>
/// Issue 19, item 3: batch counts rule rot. A rule whose selectors match nothing on a page that
/// has article text is rot (the front door's <c>rule-rot:</c> warning): its line carries
/// <c>"rot": [fields]</c> and the summary counts rotted records per site and per field. A healthy
/// rule's lines carry no <c>rot</c> and the summary says 0.
/// </summary>
public sealed class RotCountTests : BatchTestBase
{
    // The site's current layout: the article sits in <article><div class="article-body">.
    private static string Page(string host, int n) =>
        $"<html><head><title>Harbour wall {n} | {host}</title><link rel=canonical href='https://{host}/news/{n}'></head><body>" +
        "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>" +
        $"<article><h2 class=\"headline\">Harbour wall {n} to be rebuilt</h2><div class=\"article-body\">" +
        string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<p>Paragraph {i}: the council voted on Tuesday to rebuild the old harbour wall, ending a dispute that had run for more than a decade, and residents welcomed the decision at the meeting.</p>")) +
        "</div></article><footer>Contact us</footer></body></html>";

    private static string Rule(string site, string host, string title, string body) =>
        $"site: {site}\ndomains: [{host}]\ntitle: '{title}'\nbody: '{body}'\n";

    /// <summary>Three rules: Heron's body and title selectors are gone from its pages, Gull's body only, Tern's are healthy.</summary>
    private (string Rules, string Pages) Setup()
    {
        var rules = Path.Combine(Scratch, "rules");
        File.WriteAllText(PathIn("rules/heron.example/heron.example.yaml"), Rule("Heron", "heron.example", "h1.gone", ".story"));
        File.WriteAllText(PathIn("rules/gull.example/gull.example.yaml"), Rule("Gull", "gull.example", "h2.headline", ".story"));
        File.WriteAllText(PathIn("rules/tern.example/tern.example.yaml"), Rule("Tern", "tern.example", "h2.headline", ".article-body"));
        for (var n = 1; n <= 3; n++)
        {
            File.WriteAllText(PathIn($"pages/heron-{n}.html"), Page("heron.example", n));
            File.WriteAllText(PathIn($"pages/tern-{n}.html"), Page("tern.example", n));
        }

        File.WriteAllText(PathIn("pages/gull-1.html"), Page("gull.example", 1));
        return (rules, Path.Combine(Scratch, "pages"));
    }

    [Fact]
    public void A_rule_that_matches_nothing_is_counted_as_rot_on_its_lines_and_in_the_summary()
    {
        var (rules, pages) = Setup();
        var output = PathIn("out.jsonl");

        var (exit, summary, error) = Run("batch", pages, "--rules", rules, "--out", output, "--threads", "1", "--progress", "none");

        Assert.True(exit == 0, error);
        var lines = ReadLines(output);
        Assert.Equal(7, lines.Count);
        foreach (var line in lines.Where(l => (string?)l["site"] == "Heron"))
        {
            Assert.Equal(new[] { "title", "body" }, line["rot"]!.AsArray().Select(f => (string)f!).ToArray());
            // The rotted fields were filled by the generic extractor, and the warning says so.
            Assert.Contains("Paragraph 6:", (string)line["text"]!, StringComparison.Ordinal);
            Assert.Contains(line["warnings"]!.AsArray(), w => ((string)w!).StartsWith("rule-rot: body: rule Heron", StringComparison.Ordinal));
        }

        var gull = Assert.Single(lines, l => (string?)l["site"] == "Gull");
        Assert.Equal(new[] { "body" }, gull["rot"]!.AsArray().Select(f => (string)f!).ToArray());
        Assert.All(lines.Where(l => (string?)l["site"] == "Tern"), l => Assert.False(l.ContainsKey("rot")));

        Assert.Contains("  rot:      4 record(s) (fields: body 4, title 3) from 2 site(s): Heron 3, Gull 1\n", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Healthy_rules_count_no_rot_and_their_lines_have_no_rot_field()
    {
        var (rules, _) = Setup();
        var pages = Path.Combine(Scratch, "tern-pages");
        Directory.CreateDirectory(pages);
        foreach (var page in Directory.EnumerateFiles(Path.Combine(Scratch, "pages"), "tern-*.html"))
        {
            File.Copy(page, Path.Combine(pages, Path.GetFileName(page)));
        }

        var output = PathIn("out.jsonl");

        var (exit, summary, error) = Run("batch", pages, "--rules", rules, "--out", output, "--progress", "none");

        Assert.True(exit == 0, error);
        var lines = ReadLines(output);
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.Equal("Tern", (string?)l["site"]);
            Assert.False(l.ContainsKey("rot"));
            Assert.DoesNotContain(l["warnings"]!.AsArray(), w => ((string)w!).StartsWith("rule-rot:", StringComparison.Ordinal));
        });
        Assert.Contains("  rot:      0\n", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_counts_the_rot_of_the_lines_already_written()
    {
        var (rules, pages) = Setup();
        var output = PathIn("out.jsonl");
        Run("batch", pages, "--rules", rules, "--out", output, "--threads", "1", "--progress", "none");
        // Keep only the first three lines, as if the run had been stopped there.
        var kept = File.ReadAllText(output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(3).ToList();
        File.WriteAllText(output, string.Join("\n", kept) + "\n");

        var (exit, summary, error) = Run("batch", pages, "--rules", rules, "--out", output, "--resume", "--progress", "none");

        Assert.True(exit == 0, error);
        Assert.Equal(7, ReadLines(output).Count);
        Assert.Contains("  rot:      4 record(s) (fields: body 4, title 3) from 2 site(s): Heron 3, Gull 1\n", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_names_the_top_sites_by_rot_and_counts_the_rest()
    {
        var counts = new BatchCounts();
        for (var site = 1; site <= BatchCommand.SummarySites + 3; site++)
        {
            for (var n = 0; n < site; n++)
            {
                counts.Add(new BatchResult("", $"Site{site:00}", null, new[] { "body" }));
            }
        }

        counts.Add(new BatchResult("", "Healthy", null));

        var text = BatchCommand.RotOf(counts);

        // Sites 13 down to 4 are named (13 + 12 + … + 4 = 85); sites 1–3 hold the other 6.
        Assert.Equal("91 record(s) (fields: body 91) from 13 site(s): Site13 13, Site12 12, Site11 11, Site10 10, Site09 9, Site08 8, Site07 7, Site06 6, Site05 5, Site04 4, and 6 from 3 more site(s)", text);
        Assert.Equal(92, counts.Articles);
    }

    [Fact]
    public void Rot_fields_come_from_the_rule_rot_warnings_only()
    {
        var fields = BatchLine.RotFields(new[]
        {
            "boilerplate: removed 2 paragraph(s)",
            "rule-rot: body: rule X's body ('.story') gave no text on this page; the generic extractor's body is used.",
            "rule-rot: title: rule X's title ('h1') matched nothing on this page",
            "rule-rot: body: again",
        });

        Assert.Equal(new[] { "body", "title" }, fields);
        Assert.Empty(BatchLine.RotFields(new[] { "no rot here: rule-rot: body:" }));
    }

    [Fact]
    public void An_article_line_with_rot_is_the_contract_plus_record_and_rot()
    {
        var article = new Article("Site", "https://a.example/x")
        {
            Warnings = new[] { "rule-rot: body: rule Site's body ('.story') gave no text on this page" },
        };

        var result = BatchLine.Article(article, "/in/x.html");

        Assert.EndsWith(",\"record\":\"/in/x.html\",\"rot\":[\"body\"]}", result.Line, StringComparison.Ordinal);
        Assert.Equal(new[] { "body" }, result.Rot);
        Assert.NotNull(JsonNode.Parse(result.Line));
    }
}
