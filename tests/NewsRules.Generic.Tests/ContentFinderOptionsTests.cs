using AngleSharp.Html.Parser;

namespace NewsRules.Generic.Tests;

/// <summary>
/// The content finder's thresholds are one immutable options record passed in: a test varies a
/// copy, and the extractor's <see cref="ContentFinderOptions.Default"/> stays as it was.
/// </summary>
public sealed class ContentFinderOptionsTests
{
    private static readonly string Html = Page.Html(string.Empty,
        $"<article><span class=\"x\">Town hall news</span><h1>Council votes to reopen the bridge</h1><p>{Page.Prose("Body")}</p></article>");

    private static ContentSelection Find(ContentFinderOptions? options)
    {
        var document = new HtmlParser().ParseDocument(Html);
        var url = new Uri(Page.Url);
        var scan = PageScan.Of(document, document.Body!, out var tree);
        var metadata = MetadataReader.Read(document, url, url, scan);
        return options is null ? ContentFinder.Find(tree, metadata) : ContentFinder.Find(tree, metadata, options);
    }

    private static bool LeavesOutKicker(ContentSelection selection) =>
        selection.Excluded.Any(e => e.LocalName == "span" && e.TextContent == "Town hall news");

    [Fact]
    public void A_short_line_before_the_headline_is_left_out_with_the_default_options()
    {
        Assert.True(LeavesOutKicker(Find(null)));
        Assert.True(LeavesOutKicker(Find(ContentFinderOptions.Default)));
    }

    [Fact]
    public void A_copy_with_another_threshold_changes_the_choice_and_leaves_the_default_alone()
    {
        var strict = ContentFinderOptions.Default with { BeforeTitleMax = 5 };

        Assert.False(LeavesOutKicker(Find(strict)));
        Assert.Equal(100, ContentFinderOptions.Default.BeforeTitleMax);
        Assert.True(LeavesOutKicker(Find(null)));
    }
}
