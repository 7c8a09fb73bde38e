using System.Text;
using System.Text.Json;
using NewsRules.Catalog;
using NewsRules.Html;

namespace NewsRules.Robustness;

/// <summary>
/// Issue 6, point 1: every hostile page through every shipped extractor, as bytes and as text,
/// and through <c>newsrules extract</c>: a well-formed article or a one-line error, never an
/// exception, a stack overflow (which would end this process) or a hang.
/// </summary>
public sealed class HostilePageTests
{
    [Theory]
    [MemberData(nameof(HostilePages.Names), MemberType = typeof(HostilePages))]
    public void Every_shipped_extractor_gives_a_well_formed_article_from_the_bytes(string name)
    {
        var page = HostilePages.Get(name);
        using var stream = new MemoryStream(page.Bytes, writable: false);
        var document = HtmlDocuments.Parse(stream);

        foreach (var extractor in Sites.All)
        {
            Outputs.AssertWellFormed(extractor.Extract(document, page.Url), $"{name} through {extractor.Site}");
        }
    }

    [Theory]
    [MemberData(nameof(HostilePages.Names), MemberType = typeof(HostilePages))]
    public void Every_shipped_extractor_gives_a_well_formed_article_from_the_text(string name)
    {
        var page = HostilePages.Get(name);
        var html = Encoding.UTF8.GetString(page.Bytes);

        // Text as a caller may hold it: NULs and lone surrogates survive in a .NET string.
        if (name == "nul-and-lone-surrogates")
        {
            html = html.Replace("nul", "nul\0\0", StringComparison.Ordinal).Replace("lone surrogate", "lone surrogate\uD800 \uDFFF", StringComparison.Ordinal);
        }

        foreach (var extractor in Sites.All)
        {
            Outputs.AssertWellFormed(extractor.Extract(html, page.Url), $"{name} (text) through {extractor.Site}");
        }
    }

    [Theory]
    [MemberData(nameof(HostilePages.Names), MemberType = typeof(HostilePages))]
    public void Cli_extract_prints_an_article_or_one_line(string name)
    {
        var page = HostilePages.Get(name);
        using var scratch = new Cli.Scratch();
        var path = scratch.Write(name + ".html", page.Bytes);

        // With --url, the rule is known: an article must come out.
        var withUrl = Cli.Run("extract", path, "--url", page.Url.ToString());
        Assert.True(withUrl.ExitCode == 0, $"{name}: exit code {withUrl.ExitCode}, stderr: {withUrl.Error}");
        using (var json = JsonDocument.Parse(withUrl.Output))
        {
            Assert.Equal("RtArabic", json.RootElement.GetProperty("site").GetString());
        }

        // Without it, the page must say where it is from; none of these does: one line, exit 2.
        var withoutUrl = Cli.Run("extract", path);
        Assert.Equal(NewsRules.Cli.ExitCodes.UsageOrRuleErrors, withoutUrl.ExitCode);
        Assert.Equal(string.Empty, withoutUrl.Output);
        var line = Assert.Single(withoutUrl.ErrorLines);
        Assert.StartsWith("newsrules: ", line, StringComparison.Ordinal);
        Assert.Contains("--url", line, StringComparison.Ordinal);

        foreach (var format in new[] { "text", "markdown" })
        {
            var prose = Cli.Run("extract", path, "--url", page.Url.ToString(), "--format", format);
            Assert.True(prose.ExitCode == 0, $"{name} --format {format}: exit code {prose.ExitCode}, stderr: {prose.Error}");
        }
    }

    [Fact]
    public void A_byte_order_mark_wins_over_a_wrong_meta_charset()
    {
        var article = Extract("bom-with-wrong-meta-charset");
        Assert.Equal(HostilePages.ArabicTitle, article.Title);
        Assert.Equal("نص", article.Text);
    }

    [Fact]
    public void Declared_windows_1256_is_decoded_as_arabic()
    {
        var article = Extract("windows-1256-declared");
        Assert.Equal(HostilePages.ArabicTitle, article.Title);
        Assert.Equal("نص المقال", article.Text);
    }

    [Fact]
    public void Undeclared_windows_1256_still_gives_an_article_with_the_markup_intact()
    {
        // Without a declaration the bytes are read as UTF-8: the Arabic letters are lost (as a
        // browser with a non-Arabic locale loses them), the structure is not.
        var article = Extract("windows-1256-undeclared");
        Assert.NotNull(article.Title);
        Assert.Single(article.Body);
    }

    [Fact]
    public void Nul_and_lone_surrogates_become_nothing_and_replacement_characters()
    {
        var article = Extract("nul-and-lone-surrogates");
        Assert.Equal("nulhere", article.Body[0].Text);
        Assert.StartsWith("lone surrogate", article.Body[1].Text, StringComparison.Ordinal);

        var fromText = Sites.RtArabic.Extract("<div class=article><h1 class=heading>a\0b\uD800c\uDC00d\uD83D\uDE00</h1><div class=text><p>x</p></div></div>", HostilePages.RtUrl);
        Assert.Equal("ab\uFFFDc\uFFFDd\uD83D\uDE00", fromText.Title);
    }

    [Fact]
    public void Deep_nesting_keeps_its_text_and_what_follows()
    {
        var article = Extract("nesting-100000-div");
        Assert.Equal("Headline", article.Title);
        Assert.Contains("deep text", article.Text, StringComparison.Ordinal);
        Assert.Contains("after the nest", article.Text, StringComparison.Ordinal);

        var unclosed = Extract("nesting-100000-unclosed-mixed");
        Assert.Contains("deep text", unclosed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_past_the_depth_limit_loses_its_tags_not_its_text()
    {
        var html = "<body>" + HostilePages.Repeat("<div>", 2 * HtmlDocuments.MaxNestingDepth) + "bottom</body>";
        var document = HtmlDocuments.Parse(html);

        Assert.Equal("bottom", document.Body!.TextContent);
        var depth = 0;
        for (AngleSharp.Dom.INode? node = document.Body; node?.FirstChild is { } child; node = child)
        {
            depth++;
        }

        Assert.InRange(depth, HtmlDocuments.MaxNestingDepth - 16, HtmlDocuments.MaxNestingDepth + 16);
    }

    [Fact]
    public void Pages_nested_within_the_limit_are_parsed_as_given()
    {
        var html = "<body>" + HostilePages.Repeat("<div class=d>", 300) + "bottom<!-- <div> --><script>'<div>'</script>" + HostilePages.Repeat("</div>", 300) + "</body>";
        var document = HtmlDocuments.Parse(html);
        Assert.Equal(300, document.QuerySelectorAll("div.d").Length);
        Assert.Equal(301, Depth(document.Body!));
    }

    [Fact]
    public void A_page_of_one_ten_megabyte_text_node_is_one_paragraph()
    {
        var article = Extract("text-node-10mb");
        var block = Assert.Single(article.Body);
        Assert.Equal((2_000_000 * 5) - 1, block.Text.Length);
    }

    [Fact]
    public void Unterminated_comments_and_cdata_hide_what_follows_them_only()
    {
        foreach (var name in new[] { "comment-never-ends", "script-never-ends" })
        {
            var article = Extract(name);
            Assert.Equal("before", article.Text);
        }
    }

    [Fact]
    public void Cdata_in_html_is_a_bogus_comment_that_ends_at_the_next_angle_bracket()
    {
        // As browsers read it: "<![CDATA[ never ends <p>" is one comment, then "x" is a paragraph.
        Assert.Equal("before\n\nx", Extract("cdata-in-html-never-ends").Text);
    }

    [Fact]
    public void Empty_and_binary_pages_give_no_title_and_say_so()
    {
        foreach (var name in new[] { "empty-file", "binary-bytes" })
        {
            var article = Extract(name);
            Assert.Null(article.Title);
            Assert.Contains(article.Warnings, w => w.StartsWith("title: nothing matched", StringComparison.Ordinal));
            if (article.Body.Count > 0)
            {
                // Bytes decoded as text are text to the generic extractor: the rule's empty body is
                // rule rot, and the warning says where the body came from.
                Assert.Contains(article.Warnings, w => w.StartsWith("rule-rot: body:", StringComparison.Ordinal));
            }
        }
    }

    private static Article Extract(string name)
    {
        var page = HostilePages.Get(name);
        using var stream = new MemoryStream(page.Bytes, writable: false);
        var article = Sites.RtArabic.Extract(stream, page.Url);
        Outputs.AssertWellFormed(article, name);
        return article;
    }

    private static int Depth(AngleSharp.Dom.INode root)
    {
        var depth = 0;
        for (var node = root; node.FirstChild is { } child; node = child)
        {
            depth++;
        }

        return depth;
    }
}
