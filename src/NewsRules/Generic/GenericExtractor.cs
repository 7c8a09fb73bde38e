using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Html;
using NewsRules.Text;

namespace NewsRules.Generic;

/// <summary>
/// The article of a page no rule serves: metadata from JSON-LD, OpenGraph and meta tags,
/// <c>&lt;time datetime&gt;</c> and the <c>&lt;h1&gt;</c>; the body by content scoring (see
/// <see cref="ContentFinder"/>), cut into blocks exactly as the rule engine cuts a rule's body,
/// captions lifted out. <see cref="Article.Site"/> is the page's host and the warnings say the
/// fallback was used. Stateless: one instance serves any number of threads.
/// </summary>
public sealed class GenericExtractor : IArticleExtractor
{
    /// <summary>The warning every generic article carries (followed by the host).</summary>
    public const string FallbackWarning = "fallback: no site rule was used; the generic extractor found this article by content scoring";

    private GenericExtractor()
    {
    }

    /// <summary>The one instance.</summary>
    public static GenericExtractor Instance { get; } = new();

    /// <summary>"Generic": the name this extractor goes by among rules (articles carry the host as their site).</summary>
    public string Site => "Generic";

    /// <summary>None: it serves every host, less specifically than any rule.</summary>
    public IReadOnlyList<string> Domains => Array.Empty<string>();

    /// <summary>0 for every http(s) URL, so that any rule that serves the URL (length ≥ 1) wins over it.</summary>
    public int MatchLength(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? 0 : -1;
    }

    /// <inheritdoc />
    public Article Extract(string html, string url) => Extract(html, ParseUrl(url));

    /// <inheritdoc />
    public Article Extract(string html, Uri url)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Extract(HtmlDocuments.Parse(html), url);
    }

    /// <inheritdoc />
    public Article Extract(Stream html, Uri url)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Extract(HtmlDocuments.ParseTransient(html), url);
    }

    /// <inheritdoc />
    public Article Extract(IDocument document, Uri url)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(url);
        return Run(document, url).Article;
    }

    /// <summary>Extracts the article and says where each field came from (for <c>fallback: true</c> rules and explanations).</summary>
    /// <remarks>
    /// <paramref name="alsoLeftOut"/> (a rule's junk, for rule rot): elements inside the chosen
    /// body that a second reading leaves out; its text is <see cref="GenericResult.TextWithoutLeftOut"/>.
    /// The article itself is the generic extractor's, unchanged. <paramref name="choices"/>: the
    /// page facts and choices already read on this document (<see cref="GenericChoices.Of(IDocument, Uri)"/>), so
    /// that the page is scanned once; read here when not given. They are not changed.
    /// </remarks>
    internal static GenericResult Run(IDocument document, Uri url, IReadOnlyCollection<IElement>? alsoLeftOut = null, GenericChoices? choices = null)
    {
        choices ??= GenericChoices.Of(document, url);
        var metadata = choices.Metadata;
        var sources = new Dictionary<string, string>(metadata.Sources, StringComparer.Ordinal);
        var warnings = new List<string> { $"{FallbackWarning} (host {url.Host})." };

        var blocks = new List<Block>();
        var captions = new List<string>();
        string? textWithout = null;
        if (choices.Content is { } selection)
        {
            var reader = new BodyReader(selection.Excluded, selection.Captions);
            foreach (var container in selection.Containers)
            {
                reader.Read(container);
            }

            blocks = reader.Blocks;
            textWithout = TextWithout(selection, alsoLeftOut);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var block in blocks)
            {
                if (block.Kind == BlockKind.Caption && seen.Add(block.Text))
                {
                    captions.Add(block.Text);
                }
            }
        }

        var text = string.Join("\n\n", blocks.Where(b => b.Kind != BlockKind.Caption).Select(b => b.Text));
        if (metadata.ArticleBody is { } articleBody && Visible(articleBody) > 2 * Visible(text) + 200)
        {
            // The page shows less than its JSON-LD articleBody holds (rendered by script, or behind a
            // "read more"): the publisher's own text is the better body.
            blocks = articleBody.Split('\n')
                .Select(TextNormalizer.Normalize)
                .Where(p => p.Length > 0)
                .Select(p => new Block(BlockKind.Paragraph, p))
                .ToList();
            captions.Clear();
            text = string.Join("\n\n", blocks.Select(b => b.Text));
            textWithout = null;
            sources["body"] = "JSON-LD articleBody";
            warnings.Add("body: the page shows little text; taken from its JSON-LD articleBody.");
        }
        else
        {
            sources["body"] = "content scoring";
        }

        if (metadata.Title is null)
        {
            warnings.Add("title: not found (no JSON-LD headline, og:title, <h1> or <title>).");
        }

        if (blocks.Count == 0)
        {
            warnings.Add("body: no running text found on the page.");
        }

        var article = new Article(url.Host, url.OriginalString)
        {
            Title = metadata.Title,
            Lead = metadata.Lead,
            Authors = metadata.Authors,
            Published = metadata.Published,
            Image = metadata.Image,
            Language = metadata.Language,
            Captions = captions,
            Body = blocks,
            Text = text,
            Warnings = warnings,
        };
        return new GenericResult(article, sources, choices) { TextWithoutLeftOut = textWithout ?? text };
    }

    /// <summary>
    /// The body's text read again without <paramref name="leaveOut"/>'s elements that stand inside
    /// its containers (not a container or an ancestor of one); null when none does.
    /// </summary>
    private static string? TextWithout(ContentSelection selection, IReadOnlyCollection<IElement>? leaveOut)
    {
        if (leaveOut is null || leaveOut.Count == 0 || selection.Containers.Count == 0)
        {
            return null;
        }

        var containers = new HashSet<INode>(selection.Containers, ReferenceEqualityComparer.Instance);
        var excluded = new HashSet<IElement>(selection.Excluded);
        var any = false;
        foreach (var element in leaveOut)
        {
            if (containers.Contains(element))
            {
                continue;
            }

            for (var node = element.Parent; node is not null; node = node.Parent)
            {
                if (containers.Contains(node))
                {
                    any |= excluded.Add(element);
                    break;
                }
            }
        }

        if (!any)
        {
            return null;
        }

        var reader = new BodyReader(excluded, selection.Captions);
        foreach (var container in selection.Containers)
        {
            reader.Read(container);
        }

        return string.Join("\n\n", reader.Blocks.Where(b => b.Kind != BlockKind.Caption).Select(b => b.Text));
    }

    /// <summary>
    /// What the generic extractor did on a page, for <c>newsrules extract --explain</c>: where each
    /// field came from, which element(s) it read the body from, and what it left out there; read
    /// from <paramref name="result"/>, the run whose article is printed (the page is not read again).
    /// </summary>
    internal static string Explain(GenericResult result, Uri url)
    {
        var text = new System.Text.StringBuilder();
        text.Append("generic fallback on ").Append(url.Host).Append('\n');
        foreach (var member in ArticleMembers.Filled)
        {
            if (member.Field is null)
            {
                continue;
            }

            text.Append("  ").Append(member.Name).Append(": ")
                .Append(result.Sources.TryGetValue(member.Name, out var source) ? source : "not found")
                .Append('\n');
        }

        if (result.Choices.Content is { } selection)
        {
            foreach (var container in selection.Containers)
            {
                text.Append("  body container: ").Append(Describe(container)).Append('\n');
            }

            text.Append("  left out inside: ").Append(selection.Excluded.Count).Append(" element(s)");
            var shown = selection.Excluded.Take(12).Select(Describe).ToList();
            if (shown.Count > 0)
            {
                text.Append(": ").Append(string.Join(", ", shown)).Append(selection.Excluded.Count > shown.Count ? ", …" : string.Empty);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Describe(IElement element)
    {
        var builder = new System.Text.StringBuilder(element.LocalName);
        if (!string.IsNullOrEmpty(element.Id))
        {
            builder.Append('#').Append(element.Id);
        }

        var cls = element.GetAttribute("class");
        if (!string.IsNullOrWhiteSpace(cls))
        {
            foreach (var name in cls.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(3))
            {
                builder.Append('.').Append(name);
            }
        }

        return builder.ToString();
    }

    private static int Visible(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }

    private static Uri ParseUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new ArgumentException($"'{url}' is not an absolute URL; pass the page's full address (https://…).", nameof(url));
    }
}

/// <summary>
/// A generic article, per field where the generic extractor found it ("title" → "og:title"), and
/// the page facts and choices it was read from (for explanations and the report).
/// </summary>
internal sealed record GenericResult(Article Article, IReadOnlyDictionary<string, string> Sources, GenericChoices Choices)
{
    /// <summary>The body text without the elements the caller asked to leave out (a rule's junk); the article's text when none stood in the body.</summary>
    public string TextWithoutLeftOut { get; init; } = Article.Text;
}
