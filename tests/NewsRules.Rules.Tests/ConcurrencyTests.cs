using System.Collections.Concurrent;
using System.Threading;
using AngleSharp.Dom;
using NewsRules.Catalog;
using NewsRules.Html;
using NewsRules.Output;

namespace NewsRules.Rules.Tests;

/// <summary>
/// Extractors are shared, immutable and used from many threads at once: running every one over
/// every sample page from many threads must give exactly the output of a single-threaded run.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 8;

    // A page through its own extractor is cheap: many iterations.
    private const int OwnIterations = 30;

    // Every extractor over every page is quadratic in the catalog: each iteration of a thread
    // takes one slice of the extractors, so that every thread covers all of them every Slices
    // iterations (CrossIterations / Slices full passes per thread).
    private const int CrossIterations = 8;
    private const int Slices = 4;

    private sealed record Page(string Name, string Html, byte[] Bytes, Uri Url);

    private static List<Page> Pages()
    {
        var pages = SampleFiles.All()
            .Select(name =>
            {
                var html = SampleFiles.Read(name);
                return new Page(name, html, File.ReadAllBytes(SampleFiles.PagePath(name)), SampleFiles.UrlOf(html));
            })
            .ToList();
        Assert.NotEmpty(pages);
        return pages;
    }

    [Fact]
    public void Compiled_extractors_give_identical_output_on_many_threads()
    {
        AssertSameOutputInParallel(Sites.All);
    }

    [Fact]
    public void Each_page_through_its_own_compiled_extractor_gives_identical_output_on_many_threads()
    {
        AssertOwnExtractorInParallel(url => Sites.ForUrl(url));
    }

    [Fact]
    public void Each_page_through_its_own_interpreted_extractor_gives_identical_output_on_many_threads()
    {
        var interpreted = SampleFiles.Interpreted;
        AssertOwnExtractorInParallel(url => NewsRules.Engine.ExtractorRegistry.Find(interpreted, url));
    }

    /// <summary>The full path a caller takes (HTML text in, the site's extractor found by URL, JSON out), many times over.</summary>
    private static void AssertOwnExtractorInParallel(Func<Uri, IArticleExtractor?> find)
    {
        var pages = Pages();
        var expected = pages.Select(p => ArticleJson.Serialize(find(p.Url)!.Extract(p.Html, p.Url))).ToArray();

        RunOnThreads(OwnIterations, (thread, iteration, failures) =>
        {
            for (var k = 0; k < pages.Count; k++)
            {
                var index = (k + thread) % pages.Count;
                var page = pages[index];
                var json = ArticleJson.Serialize(find(page.Url)!.Extract(page.Html, page.Url));
                if (json != expected[index])
                {
                    failures.Enqueue($"thread {thread}, iteration {iteration}: {page.Name} differs from the single-threaded run.");
                }
            }
        });
    }

    private static void AssertSameOutputInParallel(IReadOnlyList<IArticleExtractor> extractors)
    {
        Assert.NotEmpty(extractors);
        var pages = Pages();

        // The single-threaded run: every extractor over every page.
        var expected = new string[pages.Count, extractors.Count];
        for (var p = 0; p < pages.Count; p++)
        {
            var document = HtmlDocuments.Parse(pages[p].Html);
            for (var e = 0; e < extractors.Count; e++)
            {
                expected[p, e] = ArticleJson.Serialize(extractors[e].Extract(document, pages[p].Url));
            }
        }

        RunOnThreads(CrossIterations, (thread, iteration, failures) =>
        {
            for (var p = 0; p < pages.Count; p++)
            {
                var page = pages[(p + thread) % pages.Count];
                var pageIndex = (p + thread) % pages.Count;

                // Each thread parses its own copy, alternating the text and byte entry points, and
                // starts at a different extractor so that different rules overlap in time.
                IDocument document = (thread + iteration) % 2 == 0
                    ? HtmlDocuments.Parse(page.Html)
                    : HtmlDocuments.Parse(new MemoryStream(page.Bytes, writable: false));
                for (var k = 0; k < extractors.Count; k++)
                {
                    var e = (k + thread * 7 + iteration) % extractors.Count;
                    if ((e + thread + iteration) % Slices != 0)
                    {
                        continue;
                    }

                    var json = ArticleJson.Serialize(extractors[e].Extract(document, page.Url));
                    if (json != expected[pageIndex, e])
                    {
                        failures.Enqueue($"thread {thread}, iteration {iteration}: {extractors[e].Site} over {page.Name} differs from the single-threaded run.");
                    }
                }
            }
        });
    }

    /// <summary>Runs <paramref name="work"/> on <see cref="Threads"/> threads released together, <paramref name="iterations"/> times each.</summary>
    private static void RunOnThreads(int iterations, Action<int, int, ConcurrentQueue<string>> work)
    {
        var failures = new ConcurrentQueue<string>();
        var completed = 0;
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
        {
            start.SignalAndWait();
            for (var iteration = 0; iteration < iterations; iteration++)
            {
                try
                {
                    work(thread, iteration, failures);
                }
                catch (Exception ex)
                {
                    failures.Enqueue($"thread {thread}, iteration {iteration} threw {ex.GetType().Name}: {ex.Message}");
                }

                Interlocked.Increment(ref completed);
            }
        })
        { IsBackground = true }).ToList();

        threads.ForEach(t => t.Start());
        foreach (var thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromMinutes(5)), "a worker thread did not finish");
        }

        Assert.Equal(Threads * iterations, completed);
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
    }
}
