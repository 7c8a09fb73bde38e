using NewsRules.Html;

namespace NewsRules.Generic.Tests;

/// <summary>
/// Class/id verdicts: <see cref="Hints.OfNames"/> splits each pattern into plain words (one
/// vectorised search) and a small pattern for the words that want a boundary; it must say what
/// the patterns say (<see cref="Hints.OfNamesByPatterns"/>) on names written to sit on every
/// boundary, on random mixes of the patterns' words, and on every class and id of the corpus.
/// </summary>
public sealed class HintSplitTests
{
    [Theory]
    [InlineData("ad", "Boilerplate")]
    [InlineData("header shadow", "None")]
    [InlineData("ad-slot", "Boilerplate")]
    [InlineData("top_ads", "Boilerplate")]
    [InlineData("loaded", "None")]
    [InlineData("my-widget", "None")]
    [InlineData("widget", "Structure")]
    [InlineData("elementor-widget-container", "None")]
    [InlineData("nav", "Structure")]
    [InlineData("canvas", "None")]
    [InlineData("nav_main", "Structure")]
    [InlineData("submenu", "Boilerplate")]
    [InlineData("mainmenu", "Boilerplate")]
    [InlineData("entry-content tags", "Boilerplate")]
    [InlineData("entry-content share-buttons", "Boilerplate")]
    [InlineData("entry-content author-box", "None")]
    [InlineData("EntryContent", "Content")]
    [InlineData("hentry", "Content")]
    [InlineData("thentry", "None")]
    [InlineData("teaser", "Teaser")]
    [InlineData("promo-card", "Boilerplate")]
    [InlineData("card", "Teaser")]
    [InlineData("scorecard", "None")]
    [InlineData("article", "MaybeContent")]
    [InlineData("respond", "Boilerplate")]
    [InlineData("correspondent", "None")]
    [InlineData("Kommentar-Bereich über", "None")]
    [InlineData("Teilen NAV", "Structure")]
    public void Verdicts_of_names_on_the_boundaries(string names, string expected)
    {
        Assert.Equal(expected, Hints.OfNamesByPatterns(names).ToString());
        Assert.Equal(expected, Hints.OfNames(names).ToString());
    }

    [Fact]
    public void Random_names_from_the_patterns_words_get_the_patterns_verdicts()
    {
        string[] words =
        {
            "ad", "ads", "tag", "tags", "nav", "menu", "widget", "promo", "card", "hentry", "respond", "reply", "pager",
            "banner", "dfp", "rss", "vote", "like", "likes", "tools", "cta", "button", "btn", "icon", "icons", "share",
            "entry", "content", "article", "body", "post", "main", "text", "story", "more", "stories", "most", "read",
            "teaser", "comment", "footer", "side", "bar", "meta", "info", "top", "site", "skip", "link", "x", "Ad", "NAV",
        };
        string[] joins = { "", "-", "_", " ", "--", "__", "1" };
        var random = new Random(5);
        for (var round = 0; round < 50_000; round++)
        {
            var builder = new System.Text.StringBuilder();
            var count = random.Next(1, 5);
            for (var k = 0; k < count; k++)
            {
                if (k > 0 || random.Next(4) == 0)
                {
                    builder.Append(joins[random.Next(joins.Length)]);
                }

                builder.Append(words[random.Next(words.Length)]);
            }

            var names = builder.ToString();
            Assert.True(Hints.OfNamesByPatterns(names) == Hints.OfNames(names), names);
        }
    }

    [CorpusFact("trafilatura-eval")]
    public void Every_class_and_id_of_the_corpus_gets_the_patterns_verdict()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, document) in CorpusPages.TrafilaturaEval())
        {
            foreach (var element in document.All)
            {
                if (Hints.Names(element) is { } name)
                {
                    names.Add(name);
                }
            }
        }

        Assert.True(names.Count > 10_000, $"only {names.Count} names");
        var different = names.Where(n => Hints.OfNames(n) != Hints.OfNamesByPatterns(n)).Take(10).ToList();
        Assert.True(different.Count == 0, "Different verdicts: " + string.Join(" | ", different));
    }
}
