using NewsRules.Html;
using NewsRules.Text;

namespace NewsRules.Tests.Text;

/// <summary>Reading one element's text, as fields and captions do.</summary>
public sealed class HtmlTextTests
{
    private static string TextOf(string html, string selector = "#x") =>
        HtmlText.Of(HtmlDocuments.Parse($"<html><head></head><body>{html}</body></html>").QuerySelector(selector)!);

    [Theory]
    [InlineData("<figcaption id=x><p>Caption text</p>AP Photo</figcaption>", "Caption text AP Photo")]
    [InlineData("<div id=x><div>Part</div>Two</div>", "Part Two")]
    [InlineData("<div id=x>One<p>Two</p><p>Three</p>Four</div>", "One Two Three Four")]
    [InlineData("<div id=x><ul><li>a</li><li>b</li></ul>c</div>", "a b c")]
    public void Block_children_are_separated_by_a_space_on_both_sides(string html, string expected)
    {
        Assert.Equal(expected, TextOf(html));
    }

    [Fact]
    public void Inline_children_join_without_extra_spaces()
    {
        Assert.Equal("Bold, italic and linked.", TextOf("<p id=x><b>Bold</b>, <i>italic</i> and <a>linked</a>.</p>"));
    }

    [Fact]
    public void Skipped_children_are_left_out()
    {
        Assert.Equal("Keep this", TextOf("<p id=x>Keep<script>drop()</script> <span hidden>gone</span>this<style>p{}</style></p>"));
    }

    [Fact]
    public void Skipped_block_child_still_separates_words()
    {
        Assert.Equal("one two", TextOf("<div id=x>one<div hidden>gone</div>two</div>"));
    }

    [Fact]
    public void Br_is_a_newline()
    {
        Assert.Equal("one\ntwo", TextOf("<p id=x>one<br>two</p>"));
    }

    [Fact]
    public void The_element_itself_is_read_even_when_the_body_would_skip_it()
    {
        Assert.Equal("{\"a\": 1}", TextOf("<script id=x type='application/ld+json'>{\"a\": 1}</script>"));
        Assert.Equal("hidden date", TextOf("<span id=x hidden>hidden date</span>"));
    }

    [Fact]
    public void Append_leaves_out_a_skipped_element_entirely()
    {
        var element = HtmlDocuments.Parse("<body><span id=x hidden>hidden</span></body>").QuerySelector("#x")!;
        var builder = new System.Text.StringBuilder();

        HtmlText.Append(element, builder);

        Assert.Equal(string.Empty, builder.ToString());
    }
}
