// The second consumer app of tests/consumer/run.sh: code that uses the rule rules/wire.example,
// its generated types and custom fields. The test breaks the rule in several ways and counts
// the build's errors: each mistake must give its NR error at the YAML and nothing else (the
// rule's types stay in place while it is broken).
using Wire;

const string Html = "<html><body><article><h1>Wire story</h1><p class=slug>wire-story</p><p class=tags><a>One</a></p></article></body></html>";
WireArticle article = Sites.Wire.Extract(Html, "https://wire.example/news/1");
string? slug = article.Slug;
IReadOnlyList<string> tags = article.Tags;
Console.WriteLine($"{article.Title} {slug} {tags.Count}");
