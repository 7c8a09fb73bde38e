using NewsRules.Testing;

namespace NewsRules.Testing.Tests;

public sealed class SamplePageTests : IDisposable
{
    private readonly string rules = Directory.CreateTempSubdirectory("newsrules-rules-").FullName;

    public void Dispose() => Directory.Delete(rules, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(rules, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Discovers_every_sample_as_site_slash_name_in_order()
    {
        Write("b.com/samples/two.html", "<html></html>");
        Write("a.com/samples/one.html", "<html></html>");
        Write("a.com/samples/notes.txt", "not a page");
        Write("c.com/c.com.yaml", "site: C");

        var pages = SamplePage.Discover(rules);

        Assert.Equal(new[] { "a.com/one", "b.com/two" }, pages.Select(p => p.Id));
        Assert.EndsWith(Path.Combine("a.com", "samples", "one.verified.json"), pages[0].VerifiedPath);
    }

    [Fact]
    public void Url_comes_from_canonical_then_og_url_then_a_url_file()
    {
        Write("a.com/samples/canonical.html", "<link rel=canonical href='https://a.com/x'><meta property='og:url' content='https://a.com/y'>");
        Write("a.com/samples/og.html", "<meta property='og:url' content='https://a.com/y'>");
        Write("a.com/samples/file.html", "<p>no address</p>");
        Write("a.com/samples/file.url", "\nhttps://a.com/z\n");
        Write("a.com/samples/none.html", "<p>no address</p>");

        var pages = SamplePage.Discover(rules).ToDictionary(p => p.Name);

        Assert.Equal("https://a.com/x", pages["canonical"].UrlOf(pages["canonical"].Load()).AbsoluteUri);
        Assert.Equal("https://a.com/y", pages["og"].UrlOf(pages["og"].Load()).AbsoluteUri);
        Assert.Equal("https://a.com/z", pages["file"].UrlOf(pages["file"].Load()).AbsoluteUri);
        var ex = Assert.Throws<InvalidOperationException>(() => pages["none"].UrlOf(pages["none"].Load()));
        Assert.Contains("none.url", ex.Message);
    }

    [Fact]
    public void Finds_the_nearest_rules_folder_above_a_start_folder()
    {
        var root = Path.Combine(rules, "repo");
        var expected = Directory.CreateDirectory(Path.Combine(root, "rules")).FullName;
        var start = Directory.CreateDirectory(Path.Combine(root, "tests", "bin", "Debug")).FullName;

        Assert.Equal(expected, SamplePage.FindRulesDirectory(start));
    }
}
