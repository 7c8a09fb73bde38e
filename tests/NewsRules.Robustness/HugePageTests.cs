using System.Text.Json;
using NewsRules.Catalog;
using NewsRules.Html;
using Xunit.Abstractions;

namespace NewsRules.Robustness;

/// <summary>
/// Issue 6, point 1: a 50 MB page through its extractor and through <c>newsrules extract</c>,
/// and the memory it costs as a multiple of its size. (Through all 81 shipped extractors it
/// would take minutes on two cores; the smaller hostile pages go through all of them.)
/// </summary>
public sealed class HugePageTests(ITestOutputHelper output)
{
    /// <summary>The DOM kept for a page may be at most this many times its size in bytes.</summary>
    private const double MaxRetainedMultiple = 45;

    [Fact]
    public void A_fifty_megabyte_page_gives_its_article_within_a_stated_multiple_of_its_size_in_memory()
    {
        var page = HostilePages.FiftyMegabytes();
        Assert.True(page.Bytes.Length >= 50 * 1024 * 1024, $"the page has {page.Bytes.Length:N0} bytes");

        var figures = MemoryFigures.Measure(page.Bytes, page.Url);
        output.WriteLine(figures.ToString());
        Assert.True(figures.RetainedMultiple <= MaxRetainedMultiple, figures.ToString());
        Assert.True(figures.Paragraphs > 100_000, figures.ToString());

        using var scratch = new Cli.Scratch();
        var path = scratch.Write("page-50mb.html", page.Bytes);
        var result = Cli.Run("extract", path, "--format", "text");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("Headline", result.Output, StringComparison.Ordinal);
    }
}

/// <summary>Memory for one page, measured without a benchmark harness: what parsing and extracting allocate, and what the parsed page keeps alive.</summary>
internal sealed record MemoryFigures(long InputBytes, long AllocatedBytes, long RetainedBytes, int Paragraphs)
{
    public double AllocatedMultiple => (double)AllocatedBytes / InputBytes;

    public double RetainedMultiple => (double)RetainedBytes / InputBytes;

    public static MemoryFigures Measure(byte[] bytes, Uri url)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        using var stream = new MemoryStream(bytes, writable: false);
        var document = HtmlDocuments.Parse(stream);
        var article = Sites.ForUrl(url)!.Extract(document, url);
        var json = NewsRules.Output.ArticleJson.Serialize(article);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        using (JsonDocument.Parse(json))
        {
        }

        GC.KeepAlive(document);
        GC.KeepAlive(article);
        return new MemoryFigures(bytes.Length, allocated, retained, article.Body.Count);
    }

    public override string ToString() =>
        $"input {InputBytes / 1048576.0:0.0} MB: allocated {AllocatedBytes / 1048576.0:0} MB ({AllocatedMultiple:0.0}x), " +
        $"retained (DOM + article + JSON) {RetainedBytes / 1048576.0:0} MB ({RetainedMultiple:0.0}x), {Paragraphs:N0} paragraphs";
}
