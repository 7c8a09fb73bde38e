using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>
/// Junk is found in the one walk of the page and kept when it lies below a body container; the
/// body reader only hashes elements whose tag an excluded or caption element has. What is left
/// out must be what walking each container for junk left out.
/// </summary>
public sealed class JunkInPageWalkTests
{
    private static Article Run(string rule, string bodyHtml) => InlineRule.ExtractBody(rule, bodyHtml);

    [Fact]
    public void A_container_that_itself_matches_junk_is_still_read()
    {
        var article = Run(
            "body: .story\njunk: [.story .ad, .story]",
            "<div class=story><p>Kept.</p><div class=story><p>Nested story is junk.</p></div><p class=ad>Ad.</p><p>Also kept.</p></div>");

        Assert.Equal("Kept.\n\nAlso kept.", article.Text);
    }

    [Fact]
    public void Junk_in_every_container_is_left_out_and_junk_between_them_is_not_read_anyway()
    {
        var article = Run(
            "body: .part\njunk: [.ad, 'aside p']",
            "<div class=part><p>One.</p><p class=ad>Ad one.</p></div><p class=ad>Outside.</p>"
            + "<div class=part><aside><p>Aside paragraph.</p></aside><p>Two.</p></div>"
            + "<div class=part><p>Three.</p><div class=ad><p>Ad three.</p></div></div>");

        Assert.Equal("One.\n\nTwo.\n\nThree.", article.Text);
    }

    [Fact]
    public void Junk_whose_selector_reaches_above_the_container_is_left_out()
    {
        // `main .note` matches through an ancestor above the container, as AngleSharp decides.
        var article = Run(
            "body: .story\njunk: ['main .note']",
            "<main><div class=story><p>Text.</p><p class=note>Note.</p></div></main><p class=note>Outside.</p>");

        Assert.Equal("Text.", article.Text);
    }

    [Fact]
    public void Junk_outside_the_containers_leaves_fields_alone()
    {
        var article = Run(
            "lead: .dek\nbody: .story\njunk: [.dek, .share]",
            "<p class=dek>The lead.</p><div class=story><p class=dek>Inner dek.</p><p>Body.</p><span class=share>Share</span></div>");

        Assert.Equal("The lead.", article.Lead);
        Assert.Equal("Body.", article.Text);
    }

    [Fact]
    public void Many_kinds_of_left_out_elements_and_captions_are_all_honoured()
    {
        // More tag names among the excluded elements than the reader keeps a list of: it falls back to the set.
        var article = Run(
            "body: .story\ncaptions: figcaption\njunk: [.ad]",
            "<div class=story><p>Start.</p>"
            + "<div class=ad>a</div><span class=ad>b</span><em class=ad>c</em><i class=ad>d</i><b class=ad>e</b>"
            + "<u class=ad>f</u><s class=ad>g</s><small class=ad>h</small><mark class=ad>i</mark><q class=ad>j</q>"
            + "<figure><img src=x.jpg><figcaption>The caption.</figcaption></figure><p>End <b>bold</b> <i>it</i>.</p></div>");

        Assert.Equal([(BlockKind.Paragraph, "Start."), (BlockKind.Caption, "The caption."), (BlockKind.Paragraph, "End bold it.")], InlineRule.Blocks(article));
    }
}
