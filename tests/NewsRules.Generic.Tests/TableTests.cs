namespace NewsRules.Generic.Tests;

/// <summary>The generic extractor cuts a data table into one table block, as a rule's body reader does.</summary>
public sealed class TableTests
{
    [Fact]
    public void A_data_table_in_the_article_is_one_table_block()
    {
        var table = "<table><caption>Turnout</caption><tr><th>Year</th><th>Votes</th></tr><tr><td>2019</td><td>61%</td></tr><tr><td>2023</td><td>64%</td></tr></table>";
        var body = $"<article><p>{Page.Prose("Alpha")}</p>{table}<p>{Page.Prose("Omega")}</p></article>";

        var article = Page.Extract(Page.Html(string.Empty, body));

        var block = Assert.Single(article.Body, b => b.Kind == BlockKind.Table);
        Assert.Equal("Year | Votes\n2019 | 61%\n2023 | 64%", block.Text);
        Assert.Equal(["2023", "64%"], block.Rows![2]);
        Assert.Contains("Turnout", article.Captions);
        Assert.Contains("Year | Votes\n2019 | 61%", article.Text);
    }

    [Fact]
    public void A_layout_table_around_the_story_reads_as_paragraphs()
    {
        var body = $"<table><tr><td><p>{Page.Prose("Alpha")}</p><p>{Page.Prose("Omega")}</p></td></tr></table>";

        var article = Page.Extract(Page.Html(string.Empty, body));

        Assert.DoesNotContain(article.Body, b => b.Kind == BlockKind.Table);
        Assert.Contains("Alpha sentence 1", article.Text);
        Assert.Contains("Omega sentence 4", article.Text);
    }
}
