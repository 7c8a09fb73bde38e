using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>How body HTML is cut into blocks and what kind each block is.</summary>
public sealed class BlockKindTests
{
    private static (BlockKind Kind, string Text)[] Blocks(string storyHtml) => InlineRule.Blocks(InlineRule.ExtractStory(storyHtml));

    [Fact]
    public void P_is_a_paragraph()
    {
        Assert.Equal([(BlockKind.Paragraph, "One."), (BlockKind.Paragraph, "Two.")], Blocks("<p>One.</p><p>Two.</p>"));
    }

    [Theory]
    [InlineData("h2")]
    [InlineData("h3")]
    [InlineData("h6")]
    public void Subheadings_are_headings(string tag)
    {
        Assert.Equal(
            [(BlockKind.Paragraph, "Intro."), (BlockKind.Heading, "Section"), (BlockKind.Paragraph, "Body.")],
            Blocks($"<p>Intro.</p><{tag}>Section</{tag}><p>Body.</p>"));
    }

    [Fact]
    public void Blockquote_text_is_a_quote()
    {
        Assert.Equal([(BlockKind.Quote, "To be or not to be.")], Blocks("<blockquote>To be or not to be.</blockquote>"));
    }

    [Fact]
    public void Paragraphs_inside_a_blockquote_are_quotes()
    {
        Assert.Equal(
            [(BlockKind.Paragraph, "He said:"), (BlockKind.Quote, "First."), (BlockKind.Quote, "Second."), (BlockKind.Paragraph, "After.")],
            Blocks("<p>He said:</p><blockquote><p>First.</p><p>Second.</p></blockquote><p>After.</p>"));
    }

    [Fact]
    public void List_items_are_list_items()
    {
        Assert.Equal(
            [(BlockKind.Paragraph, "Steps:"), (BlockKind.ListItem, "one"), (BlockKind.ListItem, "two"), (BlockKind.ListItem, "three")],
            Blocks("<p>Steps:</p><ul><li>one</li><li>two</li></ul><ol><li>three</li></ol>"));
    }

    [Fact]
    public void Pre_is_preformatted_with_whitespace_kept()
    {
        var blocks = Blocks("<p>Code:</p><pre>\nif (x)\n    return  y;\n</pre>");

        Assert.Equal([(BlockKind.Paragraph, "Code:"), (BlockKind.Preformatted, "if (x)\n    return  y;")], blocks);
    }

    [Fact]
    public void Pre_with_inline_code_keeps_whitespace()
    {
        var blocks = Blocks("<pre><code>a  =  1\n  b</code></pre>");

        Assert.Equal([(BlockKind.Preformatted, "a  =  1\n  b")], blocks);
    }

    [Fact]
    public void Text_directly_in_a_div_is_a_paragraph()
    {
        Assert.Equal(
            [(BlockKind.Paragraph, "Loose text."), (BlockKind.Paragraph, "A paragraph."), (BlockKind.Paragraph, "More loose text.")],
            Blocks("Loose text.<p>A paragraph.</p>More loose text."));
    }

    [Fact]
    public void Text_in_nested_divs_is_a_paragraph()
    {
        Assert.Equal([(BlockKind.Paragraph, "Deep."), (BlockKind.Paragraph, "Deeper.")], Blocks("<div><div>Deep.</div><div><span>Deeper.</span></div></div>"));
    }

    [Fact]
    public void Inline_elements_join_their_block()
    {
        Assert.Equal(
            [(BlockKind.Paragraph, "Read the full report from the agency now.")],
            Blocks("<p>Read <a href='/r'>the <strong>full</strong> report</a> from <span>the agency</span> <em>now</em>.</p>"));
    }

    [Fact]
    public void Inline_elements_directly_in_the_container_form_one_paragraph()
    {
        Assert.Equal([(BlockKind.Paragraph, "Bold start and a link.")], Blocks("<strong>Bold start</strong> and <a href='#'>a link</a>."));
    }

    [Theory]
    [InlineData("<script>var ad = 1;</script>")]
    [InlineData("<style>p { color: red }</style>")]
    [InlineData("<noscript>Enable JavaScript</noscript>")]
    [InlineData("<form><label>Subscribe</label><input value='email'><button>Go</button></form>")]
    [InlineData("<iframe src='https://ads.example/'>frame text</iframe>")]
    [InlineData("<div hidden>Hidden text</div>")]
    [InlineData("<div style='display: none'>Hidden text</div>")]
    [InlineData("<span style='visibility:hidden'>Hidden text</span>")]
    [InlineData("<template><p>Template text</p></template>")]
    [InlineData("<svg><text>Vector text</text></svg>")]
    public void Non_text_and_hidden_elements_are_dropped(string element)
    {
        var article = InlineRule.ExtractStory($"<p>Before.</p>{element}<p>After.</p>");

        Assert.Equal([(BlockKind.Paragraph, "Before."), (BlockKind.Paragraph, "After.")], InlineRule.Blocks(article));
        Assert.Equal("Before.\n\nAfter.", article.Text);
    }

    [Fact]
    public void Script_inside_a_paragraph_leaves_the_paragraph_whole()
    {
        Assert.Equal([(BlockKind.Paragraph, "Half one half two.")], Blocks("<p>Half one <script>document.write('x')</script>half two.</p>"));
    }

    [Theory]
    [InlineData("<p></p>")]
    [InlineData("<p>   </p>")]
    [InlineData("<p>&nbsp;</p>")]
    [InlineData("<p><br></p>")]
    [InlineData("<div><span> </span></div>")]
    [InlineData("<h2></h2>")]
    [InlineData("<ul><li> </li></ul>")]
    [InlineData("<p>&#8203;</p>")]
    [InlineData("<p>&zwnj;</p>")]
    [InlineData("<p>\u200C \u200D</p>")]
    public void Empty_elements_make_no_block(string empty)
    {
        Assert.Equal([(BlockKind.Paragraph, "One."), (BlockKind.Paragraph, "Two.")], Blocks($"<p>One.</p>{empty}<p>Two.</p>"));
    }

    [Fact]
    public void Text_joins_paragraphs_with_blank_lines()
    {
        var article = InlineRule.ExtractStory("<p>One.</p><h2>Two</h2><ul><li>Three</li></ul>");

        Assert.Equal("One.\n\nTwo\n\nThree", article.Text);
    }

    [Fact]
    public void A_heading_inside_a_blockquote_stays_a_heading()
    {
        Assert.Equal([(BlockKind.Heading, "Title"), (BlockKind.Quote, "Quoted.")], Blocks("<blockquote><h3>Title</h3><p>Quoted.</p></blockquote>"));
    }

    [Fact]
    public void A_body_container_that_is_a_pre_keeps_its_whitespace()
    {
        var article = InlineRule.Extract(InlineRule.Yaml(body: "pre.code"), "<html><body><h1>H</h1><pre class=code>a  =  1\n    b</pre></body></html>");

        Assert.Equal([(BlockKind.Preformatted, "a  =  1\n    b")], InlineRule.Blocks(article));
    }

    [Fact]
    public void Body_containers_that_are_list_items_are_list_items()
    {
        var article = InlineRule.Extract(InlineRule.Yaml(body: ".points li"), "<html><body><h1>H</h1><ul class=points><li>One</li><li>Two</li></ul></body></html>");

        Assert.Equal([(BlockKind.ListItem, "One"), (BlockKind.ListItem, "Two")], InlineRule.Blocks(article));
    }

    [Theory]
    [InlineData("<div class=ad>Buy now</div>")]
    [InlineData("<div hidden>Hidden</div>")]
    [InlineData("<div style='display:none'>Hidden</div>")]
    [InlineData("<p class=dek>The lead</p>")]
    [InlineData("<form><input></form>")]
    public void A_left_out_block_still_separates_the_text_around_it(string leftOut)
    {
        var article = InlineRule.ExtractStory($"Text one{leftOut}Text two", "junk: [.ad]\nlead: .story .dek");

        Assert.Equal([(BlockKind.Paragraph, "Text one"), (BlockKind.Paragraph, "Text two")], InlineRule.Blocks(article));
    }

    [Fact]
    public void A_left_out_inline_element_does_not_split_the_paragraph()
    {
        var article = InlineRule.ExtractStory("<p>Text one <span class=ad>AD</span>and more</p>", "junk: [.ad]");

        Assert.Equal([(BlockKind.Paragraph, "Text one and more")], InlineRule.Blocks(article));
    }
}
