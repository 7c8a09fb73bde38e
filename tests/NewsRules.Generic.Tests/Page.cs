namespace NewsRules.Generic.Tests;

/// <summary>Small pages written for one signal each, run through the generic extractor.</summary>
internal static class Page
{
    public const string Url = "https://news.example.com/2021/03/04/a-story";

    public static Article Extract(string html, string url = Url) => GenericExtractor.Instance.Extract(html, url);

    /// <summary>A page with the given head and body markup.</summary>
    public static string Html(string head, string body, string lang = "en", string charset = "utf-8") =>
        $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"{charset}\">{head}</head><body>{body}</body></html>";

    /// <summary>A paragraph of running prose (long enough to count as article text), tagged with a word to find it by.</summary>
    public static string Prose(string tag, int sentences = 4) =>
        string.Join(" ", Enumerable.Range(1, sentences).Select(i =>
            $"{tag} sentence {i} tells the reader, in plain words and with some detail, what happened in the town council on Tuesday."));

    /// <summary>Navigation: a list of short links.</summary>
    public static string Nav(string tag) =>
        "<ul>" + string.Concat(Enumerable.Range(1, 8).Select(i => $"<li><a href=\"/s{i}\">{tag} {i}</a></li>")) + "</ul>";
}
