using NewsRules.Testing;

// A namespace below the app's on purpose: a generated Sites class in this test project would
// hide Gazette.Sites here. The package gives a project without rule files no generator.
namespace Gazette.Tests;

/// <summary>Every page under rules/&lt;site&gt;/samples/ against its .verified.json.</summary>
public sealed class RuleSnapshotTests
{
    // The nearest rules folder above the test's bin folder: the solution's rules/.
    private static readonly IReadOnlyList<SamplePage> Pages = SamplePage.Discover(SamplePage.FindRulesDirectory());

    public static TheoryData<string> Samples() => new(Pages.Select(page => page.Id));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_page_matches_its_snapshot(string id) =>
        ArticleSnapshots.Verify(Pages.Single(page => page.Id == id), Sites.All);
}
