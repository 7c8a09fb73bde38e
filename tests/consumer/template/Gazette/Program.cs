// The consumer app of tests/consumer/run.sh: a fresh console project that references only the
// NewsRules package. It calls the extractor generated from ../rules and checks, through the
// typed article, what it read. Exit code 0 when every check holds; 1 with the failures listed.
using System.Globalization;
using Gazette;
using NewsRules;
using NewsRules.Output;

const string Url = "https://www.heron-gazette.example/2031/04/tidal-mill-turns-again";
var page = args.Length > 0 ? args[0] : Path.Combine("..", "rules", "heron-gazette.example", "samples", "tidal-mill.html");
var html = File.ReadAllText(page);

// The generated, typed extractor: Desk and Topics are properties of HeronGazetteArticle.
HeronGazetteArticle article = Sites.HeronGazette.Extract(html, Url);
string? desk = article.Desk;
IReadOnlyList<string> topics = article.Topics;

var failures = new List<string>();
void Expect(string what, object? actual, object? expected)
{
    if (!Equals(actual, expected))
    {
        failures.Add($"{what}: expected <{expected}>, got <{actual}>");
    }
}

Expect("title", article.Title, "Tidal mill turns again after 90 years");
Expect("lead", article.Lead, "Volunteers spent six winters rebuilding the wheel at Saltmarsh Creek.");
Expect("authors", string.Join(" | ", article.Authors), "Inês Marlow | Tom Reed");
Expect("published (Europe/Lisbon, summer time)", article.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), "2031-04-03T09:30:00+01:00");
Expect("image", article.Image, "https://www.heron-gazette.example/media/2031/04/mill-wheel.jpg");
Expect("captions", string.Join(" | ", article.Captions), "The new oak wheel on its first tide. Photo: Ana Pires");
Expect("body kinds", string.Join(",", article.Body.Select(b => b.Kind)), "Caption,Paragraph,Heading,Paragraph,Quote");
Expect("junk left out", article.Text.Contains("newsletter", StringComparison.Ordinal) || article.Text.Contains("dredging", StringComparison.Ordinal), false);
Expect("Desk", desk, "Coast & Rivers");
Expect("Topics", string.Join(",", topics), "Heritage,Mills");
Expect("warnings", article.Warnings.Count, 0);

// The registry: every rule of this project, and lookup by URL.
Expect("Sites.All", string.Join(",", Sites.All.Select(e => e.GetType().Name)), "HeronGazetteExtractor");
IArticleExtractor? byUrl = Sites.ForUrl(new Uri(Url));
Expect("Sites.ForUrl(article)", byUrl?.GetType().Name, "HeronGazetteExtractor");
Expect("Sites.ForUrl(other host)", Sites.ForUrl(new Uri("https://news.example/2031/04/x")), null);

// The front door: the rule where one serves the URL, else the generic fallback.
Expect("Sites.Extract(article)", Sites.Extract(html, Url).Title, article.Title);
var elsewhere = Sites.Extract(html.Replace("heron-gazette.example", "news.example", StringComparison.Ordinal), "https://news.example/2031/04/x");
Expect("Sites.Extract(other host) is the fallback's", elsewhere.Site, "news.example");
Expect("the fallback finds the headline", elsewhere.Title, "Tidal mill turns again after 90 years");

Console.WriteLine(ArticleJson.Serialize(article));
foreach (var failure in failures)
{
    Console.Error.WriteLine("consumer check failed: " + failure);
}

return failures.Count == 0 ? 0 : 1;
