using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Cli.Scaffold;

/// <summary>
/// What the page's JSON-LD says about the article (schema.org NewsArticle, Article,
/// BlogPosting…): the first article object's headline, dates, authors, image, description and
/// language. Read with <see cref="JsonDocument"/>; scripts that are not valid JSON are skipped.
/// </summary>
internal sealed class JsonLd
{
    /// <summary>The CSS that selects the JSON-LD scripts in a rule.</summary>
    public const string ScriptSelector = "script[type=\"application/ld+json\"]";

    /// <summary>A rule pattern that takes <c>datePublished</c> out of a JSON-LD script's text.</summary>
    public const string DatePublishedPattern = "\"datePublished\"\\s*:\\s*\"([^\"]+)\"";

    /// <summary>A rule pattern that takes the first author's name (an object's <c>name</c>, or a plain string) out of a JSON-LD script's text.</summary>
    public const string AuthorPattern = "\"author\"\\s*:\\s*(?:\\[\\s*)?(?:\\{[^{}]*?\"name\"\\s*:\\s*)?\"([^\"]+)\"";

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "Report",
        "SocialMediaPosting", "AdvertiserContentArticle", "SatiricalArticle",
    };

    private JsonLd()
    {
    }

    /// <summary>True when the page has an article object at all.</summary>
    public bool HasArticle { get; private set; }

    public string? Headline { get; private set; }

    public string? DatePublished { get; private set; }

    public List<string> Authors { get; } = new();

    public string? Image { get; private set; }

    public string? Description { get; private set; }

    public string? Language { get; private set; }

    /// <summary>Reads every JSON-LD script of the page.</summary>
    public static JsonLd Read(IDocument document)
    {
        var result = new JsonLd();
        var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
        foreach (var script in SelectorNaming.All(document, "script[type]"))
        {
            if (!string.Equals(script.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(ScriptText(script), options);
                result.Visit(json.RootElement);
            }
            catch (JsonException)
            {
                // Not JSON (pages ship templates and broken escapes here): nothing to learn from it.
            }
        }

        return result;
    }

    // Iterative: a page decides how deep its JSON nests.
    private void Visit(JsonElement root)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray().Reverse())
                {
                    pending.Push(item);
                }

                continue;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (IsArticle(element))
            {
                Take(element);
            }

            foreach (var name in new[] { "@graph", "mainEntity", "mainEntityOfPage", "itemListElement" })
            {
                if (element.TryGetProperty(name, out var child) && child.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };
    }

    private void Take(JsonElement article)
    {
        HasArticle = true;
        Headline ??= Text(article, "headline") ?? Text(article, "name");
        DatePublished ??= Text(article, "datePublished");
        Description ??= Text(article, "description");
        Language ??= Text(article, "inLanguage");
        Image ??= Url(article, "image");
        if (Authors.Count == 0 && article.TryGetProperty("author", out var author))
        {
            var items = author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToList() : new List<JsonElement> { author };
            foreach (var item in items)
            {
                var name = item.ValueKind switch
                {
                    JsonValueKind.String => item.GetString(),
                    JsonValueKind.Object => Text(item, "name"),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(name))
                {
                    Authors.Add(TextNormalizer.Normalize(name));
                }
            }
        }
    }

    private static string? Text(JsonElement element, string name)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            var text = TextNormalizer.Normalize(value.GetString() ?? string.Empty);
            return text.Length > 0 ? text : null;
        }

        return null;
    }

    private static string? Url(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var first = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().FirstOrDefault() : value;
        return first.ValueKind switch
        {
            JsonValueKind.String => first.GetString(),
            JsonValueKind.Object => Text(first, "url"),
            _ => null,
        };
    }

    // A script element holds its text as text children.
    private static string ScriptText(IElement script)
    {
        var text = new System.Text.StringBuilder();
        foreach (var child in script.ChildNodes)
        {
            if (child is IText part)
            {
                text.Append(part.Data);
            }
        }

        return text.ToString();
    }
}
