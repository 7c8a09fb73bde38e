using NewsRules.Cli.Scaffold;
using NewsRules.Generic;
using NewsRules.Html;

namespace NewsRules.Rules.Tests;

/// <summary>
/// The scaffold's text statistics as a view over the page tree of the generic extractor's run:
/// the tree decides which elements are measured and which block owns each text, the view weighs
/// the text its own way (CJK ×3, link text inside any <c>a</c>, furniture as link text, no forms).
/// </summary>
public sealed class TextStatisticsTests
{
    private const string Prose = "The harbour authority said on Monday that the eastern pier would stay closed for weeks.";

    private static (TextStatistics Statistics, AngleSharp.Dom.IDocument Document) Measure(string body)
    {
        var document = HtmlDocuments.Parse($"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>");
        GenericChoices.Of(document, new Uri("https://www.example-news.com/a"), out var tree);
        Assert.NotNull(tree);
        return (TextStatistics.Of(tree!), document);
    }

    [Fact]
    public void The_view_measures_the_elements_of_the_tree_from_the_body_down()
    {
        var (statistics, document) = Measure($"<article id=\"a\"><p>{Prose}</p><p>{Prose}</p></article><script>var x = 1;</script>");

        Assert.Same(document.Body, statistics.Elements[0]);
        Assert.False(statistics.Contains(document.DocumentElement));
        Assert.False(statistics.Contains(document.QuerySelector("script")!));
        var article = statistics[document.GetElementById("a")!];
        Assert.Equal(2, article.ParagraphCount);
        Assert.Equal(2 * TextStatistics.Weight(Prose), article.Paragraphs);
        Assert.Equal(3, article.Elements);
        var at = statistics.IndexOf(document.GetElementById("a")!);
        Assert.Equal(at + 3, statistics.End(at));
        Assert.Equal(-1, statistics.IndexOf(document.QuerySelector("script")!));
        Assert.Equal(article.Paragraphs, statistics.PageParagraphs);
        Assert.False(statistics.IsDeep);
    }

    [Fact]
    public void Cjk_characters_weigh_three_and_a_short_cjk_line_is_a_paragraph()
    {
        // 26 characters: under the 50-letter threshold counted one each, over it at three.
        var (statistics, document) = Measure("<p id=\"j\">東京都は月曜日に新しい防災計画を発表した。市民に備えを</p>");

        var measure = statistics[document.GetElementById("j")!];
        Assert.Equal(1, measure.ParagraphCount);
        Assert.Equal(3 * 26, measure.Paragraphs);
    }

    [Fact]
    public void Text_in_any_a_is_link_text_and_furniture_counts_as_links()
    {
        var (statistics, document) = Measure(
            $"<p id=\"anchor\"><a name=\"x\">{Prose}</a></p><nav><p id=\"nav\">{Prose}</p></nav><p id=\"plain\">{Prose}</p>");

        Assert.Equal(TextStatistics.Weight(Prose), statistics[document.GetElementById("anchor")!].Links);
        Assert.Equal(0, statistics[document.GetElementById("anchor")!].Paragraphs);
        Assert.True(statistics.IsFurniture(document.GetElementById("nav")!));
        Assert.Equal(TextStatistics.Weight(Prose), statistics[document.GetElementById("nav")!].Links);
        Assert.Equal(TextStatistics.Weight(Prose), statistics.PageParagraphs);
    }

    [Fact]
    public void Forms_the_tree_walks_are_left_out()
    {
        var (statistics, document) = Measure($"<form id=\"f\"><p id=\"in\">{Prose}</p></form><p>{Prose}</p>");

        Assert.False(statistics.Contains(document.GetElementById("f")!));
        Assert.False(statistics.Contains(document.GetElementById("in")!));
        Assert.Equal(TextStatistics.Weight(Prose), statistics.PageParagraphs);
    }

    [Fact]
    public void Teaser_lists_count_as_link_text()
    {
        var items = string.Concat(Enumerable.Range(0, 4).Select(i => $"<li class=\"t\"><a href=\"/s/{i}\">Story {i}</a> {Prose}</li>"));
        var (statistics, document) = Measure($"<ul id=\"u\">{items}</ul><p>{Prose}</p>");

        Assert.All(document.QuerySelectorAll("li.t"), li => Assert.True(statistics.IsFurniture(li)));
        Assert.Equal(0, statistics[document.GetElementById("u")!].Paragraphs);
        Assert.Equal(TextStatistics.Weight(Prose), statistics.PageParagraphs);
    }
}
