using NewsRules.Output;

namespace NewsRules.Tests.Output;

/// <summary>The plain text and Markdown renderings.</summary>
public sealed class ArticlePlainTextTests
{
    private static Article Sample() => new("Example", "https://example.com/a")
    {
        Title = "The headline",
        Lead = "The lead.",
        Authors = ["Ann Lee", "Bo Chen"],
        Published = new DateTimeOffset(2024, 5, 21, 9, 41, 0, TimeSpan.FromHours(3)),
        Image = "https://example.com/a.jpg",
        Body =
        [
            new Block(BlockKind.Paragraph, "First paragraph."),
            new Block(BlockKind.Heading, "A section"),
            new Block(BlockKind.Quote, "Quoted line one\nquoted line two"),
            new Block(BlockKind.ListItem, "Item one"),
            new Block(BlockKind.ListItem, "Item two"),
            new Block(BlockKind.Caption, "A caption"),
            new Block(BlockKind.Preformatted, "x = 1\n  y = 2"),
        ],
        Text = "First paragraph.\n\nA section\n\nQuoted line one\nquoted line two\n\nItem one\n\nItem two\n\nx = 1\n  y = 2",
    };

    private static string[] MarkdownParagraphs() => ArticlePlainText.Markdown(Sample()).Split("\n\n");

    [Fact]
    public void Text_is_title_lead_and_body_text_separated_by_blank_lines()
    {
        var article = Sample();

        Assert.Equal($"The headline\n\nThe lead.\n\n{article.Text}", ArticlePlainText.Text(article));
    }

    [Fact]
    public void Text_leaves_out_missing_parts_and_captions()
    {
        var article = new Article("Example", "https://example.com/") { Title = "Only title", Text = "Body.", Body = [new Block(BlockKind.Caption, "Cap")] };

        Assert.Equal("Only title\n\nBody.", ArticlePlainText.Text(article));
    }

    [Fact]
    public void Markdown_title_is_a_level_one_heading()
    {
        Assert.Equal("# The headline", MarkdownParagraphs()[0]);
    }

    [Fact]
    public void Markdown_has_byline_with_date_then_lead_in_italics_then_image()
    {
        var parts = MarkdownParagraphs();

        Assert.Equal("Ann Lee, Bo Chen · 2024-05-21T09:41:00+03:00", parts[1]);
        Assert.Equal("*The lead.*", parts[2]);
        Assert.Equal("![](<https://example.com/a.jpg>)", parts[3]);
    }

    [Fact]
    public void Markdown_headings_start_with_two_hashes()
    {
        Assert.Contains("## A section", MarkdownParagraphs());
    }

    [Fact]
    public void Markdown_quotes_start_every_line_with_a_marker()
    {
        Assert.Contains("> Quoted line one\n> quoted line two", MarkdownParagraphs());
    }

    [Fact]
    public void Markdown_list_items_start_with_a_dash()
    {
        var parts = MarkdownParagraphs();

        Assert.Contains("- Item one", parts);
        Assert.Contains("- Item two", parts);
    }

    [Fact]
    public void Markdown_captions_are_italic_and_preformatted_is_fenced()
    {
        var markdown = ArticlePlainText.Markdown(Sample());

        Assert.Contains("\n\n*A caption*\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains("```\nx = 1\n  y = 2\n```", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_ends_with_exactly_one_newline()
    {
        var markdown = ArticlePlainText.Markdown(Sample());

        Assert.EndsWith("```\n", markdown, StringComparison.Ordinal);
        Assert.False(markdown.EndsWith("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_escapes_text_that_would_change_meaning()
    {
        var article = new Article("Example", "https://example.com/")
        {
            Body = [new Block(BlockKind.Paragraph, "# not a heading with *stars* and [brackets]"), new Block(BlockKind.Paragraph, "- not a list")],
        };

        var parts = ArticlePlainText.Markdown(article).TrimEnd('\n').Split("\n\n");

        Assert.Equal("\\# not a heading with \\*stars\\* and \\[brackets\\]", parts[0]);
        Assert.Equal("\\- not a list", parts[1]);
    }

    [Fact]
    public void Markdown_paragraph_line_breaks_are_hard_breaks()
    {
        var article = new Article("Example", "https://example.com/") { Body = [new Block(BlockKind.Paragraph, "line one\nline two")] };

        Assert.Equal("line one  \nline two\n", ArticlePlainText.Markdown(article));
    }

    [Theory]
    [InlineData("2024. A year of change", "2024\\. A year of change")]
    [InlineData("1) First point", "1\\) First point")]
    [InlineData("3.5 million people", "3.5 million people")]
    [InlineData("In 2024. Then", "In 2024. Then")]
    [InlineData("line one\n- not a list", "line one  \n\\- not a list")]
    [InlineData("line one\n# not a heading", "line one  \n\\# not a heading")]
    [InlineData("line one\n===", "line one  \n\\===")]
    [InlineData("a - b + c > d", "a - b + c > d")]
    public void Markdown_escapes_markers_at_the_start_of_every_line(string text, string expected)
    {
        var article = new Article("Example", "https://example.com/") { Body = [new Block(BlockKind.Paragraph, text)] };

        Assert.Equal(expected + "\n", ArticlePlainText.Markdown(article));
    }

    [Fact]
    public void Markdown_quote_lines_are_escaped_after_the_marker()
    {
        var article = new Article("Example", "https://example.com/") { Body = [new Block(BlockKind.Quote, "first\n- second")] };

        Assert.Equal("> first\n> \\- second\n", ArticlePlainText.Markdown(article));
    }
}
