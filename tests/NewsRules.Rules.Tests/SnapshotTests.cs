using NewsRules.Catalog;
using NewsRules.Testing;

namespace NewsRules.Rules.Tests;

/// <summary>
/// Every sample page under rules/&lt;site&gt;/samples/ is a test case (&lt;site&gt;/&lt;name&gt;): its full
/// JSON output through the compiled rules must equal &lt;name&gt;.verified.json. A rule or engine
/// change that moves any output shows up here as a diff.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var page in SamplePage.Discover(SamplePage.FindRulesDirectory()))
        {
            data.Add(page.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_output_matches_its_verified_snapshot(string sample)
    {
        var page = SamplePage.Discover(SamplePage.FindRulesDirectory()).Single(p => p.Id == sample);
        ArticleSnapshots.Verify(page, Sites.All);
    }

    [Fact]
    public void Every_sample_is_served_by_a_compiled_rule()
    {
        var pages = SamplePage.Discover(SamplePage.FindRulesDirectory());
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.NotNull(Sites.ForUrl(page.UrlOf(page.Load()))));
    }
}
