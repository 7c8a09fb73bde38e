using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>
/// The generic extractor's boilerplate net inside a rule's body (issue 19): one small page per
/// signal, the article's own text kept, and <c>boilerplate: keep</c> turning the net off.
/// </summary>
public sealed class BoilerplateNetTests
{
    private const string Prose =
        "<p>The council voted on Tuesday to rebuild the old harbour wall, ending a dispute that had run for more than a decade in the town.</p>" +
        "<p>Residents had asked for the work since the storm of 2014 flooded the lower streets, and the budget now sets aside the money for it.</p>";

    private static string[] Texts(Article article) => article.Body.Select(b => b.Text).ToArray();

    [Theory]
    [InlineData("<div class=\"share-bar\"><a href=\"/s\">Share</a> <a href=\"/t\">Tweet</a> <span>Email this story</span></div>", "Tweet")]
    [InlineData("<div class=\"related-stories\"><h3>You may like</h3><p>Some other text about other things entirely</p></div>", "Some other text")]
    [InlineData("<aside class=\"newsletter-signup\"><p>Get the morning briefing in your inbox every day</p></aside>", "morning briefing")]
    [InlineData("<div class=\"regwall\"><p>Create a free account to keep reading this story today</p></div>", "free account")]
    [InlineData("<p>Advertisement</p>", "Advertisement")]
    [InlineData("<p>Read more: <a href=\"/news/2024/another-story.html\">The mayor's long fight over the harbour budget</a></p>", "mayor's long fight")]
    [InlineData("<p><a href=\"/news/2024/other.html\">SEVEN THINGS TO KNOW ABOUT THE HARBOUR WALL VOTE</a></p>", "SEVEN THINGS")]
    [InlineData("<div class=\"video-wrapper\"><iframe src=\"https://player.example/1\"></iframe><span>Watch: 2:31</span></div>", "Watch")]
    [InlineData("<ul><li><a href=\"/a\">First other headline about the harbour and the sea</a></li><li><a href=\"/b\">Second other headline about the council meeting</a></li><li><a href=\"/c\">Third other headline about the storm of last winter</a></li></ul>", "Second other headline")]
    public void Net_removes_boilerplate_the_rule_did_not_list(string furniture, string leaked)
    {
        var article = InlineRule.ExtractStory(Prose + furniture);

        Assert.DoesNotContain(leaked, article.Text, StringComparison.Ordinal);
        Assert.Contains("rebuild the old harbour wall", article.Text, StringComparison.Ordinal);
        Assert.Contains("storm of 2014", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Visually_hidden_link_text_leaves_the_paragraph()
    {
        var article = InlineRule.ExtractStory(
            "<p>The plan is on <a href=\"https://council.example/plan\">the council's site<span class=\"sr-only\">, opens new tab</span></a> for all to read.</p>" +
            "<p>Also <a href=\"/x\">here<span style=\"position:absolute; clip: rect(0 0 0 0)\"> (external)</span></a> today.</p>");

        Assert.Equal(new[] { "The plan is on the council's site for all to read.", "Also here today." }, Texts(article));
    }

    [Fact]
    public void Boilerplate_keep_turns_the_net_off()
    {
        var article = InlineRule.ExtractStory(Prose + "<p>Advertisement</p>", "boilerplate: keep");

        Assert.Contains("Advertisement", Texts(article));
    }

    [Fact]
    public void Article_text_named_like_furniture_stays_when_it_is_most_of_the_body()
    {
        // A CMS wrapper whose class happens to contain "related": it holds the article's prose.
        var article = InlineRule.ExtractStory($"<div class=\"related-content-wrapper\">{Prose}</div>");

        Assert.Equal(2, article.Body.Count);
    }

    [Fact]
    public void Captions_and_what_holds_them_are_left_to_the_rule()
    {
        var article = InlineRule.ExtractStory(
            Prose + "<figure class=\"video-wrapper\"><iframe src=\"https://player.example/2\"></iframe><figcaption>The wall after the storm</figcaption></figure>",
            "captions: figcaption");

        Assert.Contains("The wall after the storm", article.Captions);
    }

    [Fact]
    public void Bylines_and_short_link_lists_are_the_rules_to_keep()
    {
        // Sites and suites disagree on bylines inside the body: the net leaves them to the rule's junk.
        var article = InlineRule.ExtractStory("<div class=\"author-list\">By <a href=\"/a\">Ann Lee</a> and <a href=\"/b\">Bo Chan</a></div>" + Prose);

        Assert.StartsWith("By Ann Lee and Bo Chan", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_lists_what_the_net_removed_and_why()
    {
        var extractor = InlineRule.Load(InlineRule.Yaml());
        var document = NewsRules.Html.HtmlDocuments.Parse(InlineRule.Page(Prose + "<p>Advertisement</p>"));
        var run = RulePipeline.Run(extractor.Rule, document, new Uri(InlineRule.PageUrl), trace: true);

        var removal = Assert.Single(run.Boilerplate);
        Assert.Equal("boilerplate line", removal.Reason);
        var explained = NewsRules.Engine.RuleExplainer.Explain(extractor.Rule, run.Trace!).ToString();
        Assert.Contains("boilerplate net", explained, StringComparison.Ordinal);
        Assert.Contains("boilerplate line: <p> \"Advertisement\"", explained, StringComparison.Ordinal);
    }
}
