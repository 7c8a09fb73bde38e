using NewsRules.Tests.Support;

namespace NewsRules.Tests.Text;

/// <summary>Text rules as a page's HTML reaches them: parsing, entities, <c>&lt;br&gt;</c>.</summary>
public sealed class TextThroughEngineTests
{
    private static string Paragraph(string innerHtml) =>
        Assert.Single(InlineRule.ExtractStory($"<p>{innerHtml}</p>").Body).Text;

    [Fact]
    public void Whitespace_from_source_formatting_collapses()
    {
        Assert.Equal("one two three", Paragraph("\n   one\n\t\ttwo     three\n  "));
    }

    [Fact]
    public void Nbsp_entity_becomes_a_plain_space()
    {
        var text = Paragraph("10&nbsp;km&#160;away");

        Assert.Equal("10 km away", text);
        Assert.DoesNotContain('\u00A0', text);
    }

    [Fact]
    public void Entities_are_decoded()
    {
        Assert.Equal("Tom & Jerry <3 \"quoted\" 'x' © é —", Paragraph("Tom &amp; Jerry &lt;3 &quot;quoted&quot; &#39;x&#39; &copy; &eacute; &#x2014;"));
    }

    [Fact]
    public void Escaped_entity_text_stays_literal()
    {
        Assert.Equal("write &nbsp; for a space", Paragraph("write &amp;nbsp; for a space"));
    }

    [Fact]
    public void Persian_zwnj_survives_written_raw_or_as_entity()
    {
        Assert.Equal("می\u200Cخواهم", Paragraph("می\u200Cخواهم"));
        Assert.Equal("می\u200Cخواهم", Paragraph("می&zwnj;خواهم"));
        Assert.Equal("a\u200Db", Paragraph("a&zwj;b"));
    }

    [Fact]
    public void Zero_width_space_is_dropped()
    {
        Assert.Equal("ab", Paragraph("a&#8203;b"));
        Assert.Equal("ab", Paragraph("a\u200Bb"));
    }

    [Fact]
    public void Br_is_a_line_break_within_the_block()
    {
        var blocks = InlineRule.Blocks(InlineRule.ExtractStory("<p>line one<br>line two<br/>  line three</p>"));

        Assert.Equal([(BlockKind.Paragraph, "line one\nline two\nline three")], blocks);
    }

    [Fact]
    public void Leading_and_trailing_br_are_trimmed()
    {
        Assert.Equal("text", Paragraph("<br> text <br><br>"));
    }

    [Fact]
    public void Block_text_is_trimmed()
    {
        Assert.Equal("padded", Paragraph("   &nbsp; padded &nbsp;  "));
    }

    [Fact]
    public void Title_text_is_normalized_like_body_text()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(),
            "<html><body><h1>\n  Big&nbsp;&amp;\u200B Bold \n</h1><div class=story><p>x</p></div></body></html>");

        Assert.Equal("Big & Bold", article.Title);
    }

    [Fact]
    public void Attribute_values_are_normalized()
    {
        var article = InlineRule.Extract(
            InlineRule.Yaml(title: "meta[property=\"og:title\"]@content"),
            "<html><head><meta property=og:title content='  A&nbsp;&amp;  B  '></head><body><div class=story><p>x</p></div></body></html>");

        Assert.Equal("A & B", article.Title);
    }
}
