using NewsRules.Output;
using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>
/// Data tables are one <see cref="BlockKind.Table"/> block (rows of cells, text one row per line,
/// cells separated by " | "); layout tables read as running text, as before.
/// </summary>
public sealed class TableTests
{
    private const string Results =
        "<table><tr><th>Year</th><th>Prime minister</th><th>Days</th></tr>"
        + "<tr><td>2002</td><td>Ann Lee</td><td>30</td></tr>"
        + "<tr><td>2006</td><td>Bo Chen</td><td>93</td></tr></table>";

    private static (BlockKind Kind, string Text)[] Blocks(string storyHtml) => InlineRule.Blocks(InlineRule.ExtractStory(storyHtml));

    private static Block Table(Article article) => Assert.Single(article.Body, b => b.Kind == BlockKind.Table);

    [Fact]
    public void A_data_table_is_one_block_with_one_row_per_line()
    {
        var blocks = Blocks($"<p>Before.</p>{Results}<p>After.</p>");

        Assert.Equal(
            [
                (BlockKind.Paragraph, "Before."),
                (BlockKind.Table, "Year | Prime minister | Days\n2002 | Ann Lee | 30\n2006 | Bo Chen | 93"),
                (BlockKind.Paragraph, "After."),
            ],
            blocks);
    }

    [Fact]
    public void Rows_hold_the_cells_with_the_th_header_row_first()
    {
        var table = Table(InlineRule.ExtractStory(Results));

        Assert.NotNull(table.Rows);
        Assert.Equal(3, table.Rows!.Count);
        Assert.Equal(["Year", "Prime minister", "Days"], table.Rows[0]);
        Assert.Equal(["2006", "Bo Chen", "93"], table.Rows[2]);
    }

    [Fact]
    public void Thead_tbody_and_tfoot_rows_are_read_in_order()
    {
        var table = Table(InlineRule.ExtractStory(
            "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody><tfoot><tr><td>Sum</td><td>3</td></tr></tfoot></table>"));

        Assert.Equal("A | B\n1 | 2\nSum | 3", table.Text);
    }

    [Fact]
    public void Empty_cells_keep_their_place()
    {
        var table = Table(InlineRule.ExtractStory("<table><tr><td></td><td>B</td><td>C</td></tr><tr><td>1</td><td></td><td>3</td></tr></table>"));

        Assert.Equal("| B | C\n1 | | 3", table.Text);
        Assert.Equal(["", "B", "C"], table.Rows![0]);
    }

    [Fact]
    public void A_table_one_cell_wide_is_a_layout_table_read_as_paragraphs()
    {
        var blocks = Blocks("<table><tr><td>First paragraph of the story.</td></tr><tr><td>Second paragraph.</td></tr></table>");

        Assert.Equal([(BlockKind.Paragraph, "First paragraph of the story."), (BlockKind.Paragraph, "Second paragraph.")], blocks);
    }

    [Fact]
    public void An_image_beside_its_text_is_layout_not_data()
    {
        var blocks = Blocks("<table><tr><td><img src=\"a.jpg\"></td><td>Text beside the photo.</td></tr><tr><td><img src=\"b.jpg\"></td><td>More text.</td></tr></table>");

        Assert.Equal([(BlockKind.Paragraph, "Text beside the photo."), (BlockKind.Paragraph, "More text.")], blocks);
    }

    [Fact]
    public void A_table_that_holds_a_table_lays_out_the_page_and_its_inner_data_table_is_still_a_table()
    {
        var blocks = Blocks($"<table><tr><td><p>Story text in the left column.</p>{Results}</td><td>Sidebar</td></tr></table>");

        Assert.Equal(BlockKind.Paragraph, blocks[0].Kind);
        Assert.Equal("Story text in the left column.", blocks[0].Text);
        Assert.Equal((BlockKind.Table, "Year | Prime minister | Days\n2002 | Ann Lee | 30\n2006 | Bo Chen | 93"), blocks[1]);
        Assert.Equal((BlockKind.Paragraph, "Sidebar"), blocks[2]);
    }

    [Theory]
    [InlineData("presentation")]
    [InlineData("none")]
    [InlineData("Presentation")]
    public void A_table_with_role_presentation_or_none_reads_as_today(string role)
    {
        var blocks = Blocks($"<table role=\"{role}\"><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>");

        Assert.DoesNotContain(blocks, b => b.Kind == BlockKind.Table);
        Assert.Equal(["a", "b", "c", "d"], blocks.Select(b => b.Text).ToArray());
    }

    [Fact]
    public void A_cell_of_prose_makes_a_layout_table()
    {
        var prose = string.Join(" ", Enumerable.Repeat("A long sentence of the article that the table only positions on the page.", 8));
        var blocks = Blocks($"<table><tr><td>Left</td><td>{prose}</td></tr><tr><td>x</td><td>y</td></tr></table>");

        Assert.DoesNotContain(blocks, b => b.Kind == BlockKind.Table);
        Assert.Contains((BlockKind.Paragraph, prose), blocks);
    }

    [Fact]
    public void A_cell_with_several_paragraphs_or_a_list_makes_a_layout_table()
    {
        var paragraphs = Blocks("<table><tr><td><p>One.</p><p>Two.</p></td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>");
        var list = Blocks("<table><tr><td><ul><li>One</li></ul></td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>");

        Assert.DoesNotContain(paragraphs, b => b.Kind == BlockKind.Table);
        Assert.DoesNotContain(list, b => b.Kind == BlockKind.Table);
    }

    [Fact]
    public void One_paragraph_wrapping_a_value_is_still_data()
    {
        var table = Table(InlineRule.ExtractStory("<table><tr><td><p>a</p></td><td><p>b</p></td></tr><tr><td><p>c</p></td><td><p>d</p></td></tr></table>"));

        Assert.Equal("a | b\nc | d", table.Text);
    }

    [Fact]
    public void The_caption_is_a_caption_block_before_the_table_and_not_a_row()
    {
        var blocks = Blocks("<table><caption>Votes by year</caption><tr><td>2002</td><td>30</td></tr><tr><td>2006</td><td>93</td></tr></table>");

        Assert.Equal([(BlockKind.Caption, "Votes by year"), (BlockKind.Table, "2002 | 30\n2006 | 93")], blocks);
    }

    [Fact]
    public void Hidden_rows_and_cells_are_left_out()
    {
        var blocks = Blocks(
            "<table><tr><td>a</td><td>b</td></tr><tr style=\"display:none\"><td>secret</td><td>row</td></tr>"
            + "<tr><td>c</td><td hidden>gone</td><td>d</td></tr><tr><td>e</td><td>f</td></tr></table>");

        Assert.Equal([(BlockKind.Table, "a | b\nc | d\ne | f")], blocks);
    }

    [Fact]
    public void Junk_rows_are_left_out()
    {
        var article = InlineRule.ExtractStory(
            "<table><tr><td>a</td><td>b</td></tr><tr class=\"ad\"><td>Buy</td><td>now</td></tr><tr><td>c</td><td>d</td></tr></table>",
            "junk: ['.ad']");

        Assert.Equal("a | b\nc | d", Table(article).Text);
    }

    [Fact]
    public void The_body_text_holds_the_table_text()
    {
        var article = InlineRule.ExtractStory($"<p>Before.</p>{Results}");

        Assert.Equal("Before.\n\nYear | Prime minister | Days\n2002 | Ann Lee | 30\n2006 | Bo Chen | 93", article.Text);
    }

    [Fact]
    public void Line_breaks_inside_a_cell_become_spaces()
    {
        var table = Table(InlineRule.ExtractStory("<table><tr><td>a<br>b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>"));

        Assert.Equal("a b | c\nd | e", table.Text);
    }

    [Fact]
    public void Json_writes_the_rows_of_a_table_block_only()
    {
        var article = InlineRule.ExtractStory("<p>P.</p><table><tr><td>a</td><td>b \"q\"</td></tr><tr><td>c</td><td>d</td></tr></table>");
        var json = ArticleJson.Serialize(article);

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var body = document.RootElement.GetProperty("body");
        Assert.False(body[0].TryGetProperty("rows", out _));
        Assert.Equal("table", body[1].GetProperty("kind").GetString());
        Assert.Equal("a | b \"q\"\nc | d", body[1].GetProperty("text").GetString());
        var rows = body[1].GetProperty("rows");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal(new[] { "a", "b \"q\"" }, rows[0].EnumerateArray().Select(c => c.GetString() ?? string.Empty).ToArray());
        Assert.Contains("\"rows\": [\n        [\"a\", \"b \\\"q\\\"\"],\n        [\"c\", \"d\"]\n      ]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_writes_a_table_with_the_first_row_as_header_and_pipes_escaped()
    {
        var article = InlineRule.ExtractStory("<table><tr><th>Name</th><th>Note</th></tr><tr><td>a|b</td><td>*x*</td></tr><tr><td>c</td></tr></table>");

        var markdown = ArticlePlainText.Markdown(article);

        Assert.Contains("| Name | Note |\n| --- | --- |\n| a\\|b | \\*x\\* |\n| c |  |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocks_with_the_same_text_but_other_cells_differ()
    {
        var a = new Block(BlockKind.Table, "a | b") { Rows = [["a", "b"]] };
        var b = new Block(BlockKind.Table, "a | b") { Rows = [["a | b"]] };

        Assert.NotEqual(a, b);
        Assert.Equal(a, new Block(BlockKind.Table, "a | b") { Rows = [["a", "b"]] });
    }
}
