using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Html;

/// <summary>What a page's JSON-LD says about its article (schema.org NewsArticle and kin).</summary>
internal sealed class JsonLdArticle
{
    public string? Headline { get; set; }

    public List<string> Authors { get; } = new();

    /// <summary>Authors named on a WebPage (not an article) object, when the article names none.</summary>
    public List<string> PageAuthors { get; } = new();

    public string? DatePublished { get; set; }

    public string? Image { get; set; }

    public string? Description { get; set; }

    public string? ArticleBody { get; set; }

    public string? Language { get; set; }

    /// <summary>The publisher's or the WebSite's name: a title suffix to strip.</summary>
    public string? SiteName { get; set; }
}

/// <summary>One JSON-LD object of a page and the <c>@id</c> table of its script, for references.</summary>
internal sealed record JsonLdObject(JsonElement Value, Dictionary<string, JsonElement> ById);

/// <summary>
/// Reads <c>&lt;script type="application/ld+json"&gt;</c> blocks with <see cref="JsonDocument"/>
/// (no reflection): objects at the top, in arrays and in <c>@graph</c>, the first one typed as an
/// article (NewsArticle, Article, BlogPosting, ReportageNewsArticle …) wins; authors given as
/// <c>{"@id": …}</c> references are looked up in the same graph. Walks are iterative.
/// </summary>
internal static class JsonLd
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "LiveBlogPosting",
        "TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting", "DiscussionForumPosting", "Blog", "Posting",
    };

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    public static JsonLdArticle? Read(IDocument document) => Read(document.QuerySelectorAll("script[type]"));

    /// <summary>From the page's <c>script[type]</c> elements, in document order.</summary>
    public static JsonLdArticle? Read(IEnumerable<IElement> scripts)
    {
        JsonLdArticle? result = null;
        string? siteName = null;
        string? anyDate = null;
        var pageAuthors = new List<string>();
        foreach (var script in scripts)
        {
            var type = script.GetAttribute("type");
            if (type is null || !type.Trim().StartsWith("application/ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            using var json = Parse(script.TextContent);
            if (json is null)
            {
                continue;
            }

            var objects = Objects(json.RootElement);
            var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var o in objects)
            {
                if (o.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } key)
                {
                    byId.TryAdd(key, o);
                }
            }

            foreach (var o in objects)
            {
                anyDate ??= String(o, "datePublished");
                if (siteName is null && HasType(o, "WebSite"))
                {
                    siteName = String(o, "name");
                }

                if (result is null && IsArticle(o))
                {
                    result = Article(o, byId);
                }
                else if (pageAuthors.Count == 0 && (HasType(o, "WebPage") || HasType(o, "ItemPage")))
                {
                    // Yoast and others type a post as a WebPage and name its author there.
                    AddAuthors(o, byId, pageAuthors);
                }
            }
        }

        // A page that is no article by its type (a WebPage, a video) still says when it was published.
        if (result is not null)
        {
            result.SiteName ??= siteName;
            result.DatePublished ??= anyDate;
        }
        else if (siteName is not null || anyDate is not null || pageAuthors.Count > 0)
        {
            result = new JsonLdArticle { SiteName = siteName, DatePublished = anyDate };
        }

        // Nor does it always name its author on an article object: the WebPage's is the next best.
        if (result is not null && result.Authors.Count == 0)
        {
            result.PageAuthors.AddRange(pageAuthors);
        }

        return result;
    }

    /// <summary>
    /// The article objects of the page's JSON-LD, as <see cref="Read(IEnumerable{IElement})"/> finds them (top level,
    /// arrays, <c>@graph</c>, <c>mainEntity</c>; article types only), in page order, each with its
    /// script's <c>@id</c> table: what the rule language's <c>ld:</c> selectors read.
    /// </summary>
    public static IReadOnlyList<JsonLdObject> ArticleObjects(IEnumerable<IElement> scripts)
    {
        var result = new List<JsonLdObject>();
        foreach (var script in scripts)
        {
            var type = script.GetAttribute("type");
            if (type is null || !type.Trim().StartsWith("application/ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            JsonElement root;
            using (var json = Parse(script.TextContent))
            {
                if (json is null)
                {
                    continue;
                }

                // A copy that outlives the parsed document: the objects are read after it is disposed.
                root = json.RootElement.Clone();
            }

            var objects = Objects(root);
            var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var o in objects)
            {
                if (o.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } key)
                {
                    byId.TryAdd(key, o);
                }
            }

            foreach (var o in objects)
            {
                if (IsArticle(o))
                {
                    result.Add(new JsonLdObject(o, byId));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The values at <paramref name="path"/> (property names) in the first of
    /// <paramref name="objects"/> that has any. Arrays on the way and at the end give one value
    /// per item; <c>{"@id": …}</c> references are looked up in the object's graph; an object at
    /// the end gives its <c>@value</c>, <c>name</c> (or <c>givenName familyName</c>), <c>url</c>
    /// or <c>contentUrl</c>; strings are HTML-decoded, stripped of tags and normalized.
    /// </summary>
    public static List<string> PathValues(IReadOnlyList<JsonLdObject> objects, IReadOnlyList<string> path)
    {
        var values = new List<string>();
        foreach (var o in objects)
        {
            AddPathValues(o.Value, 0, path, o.ById, values);
            if (values.Count > 0)
            {
                break;
            }
        }

        return values;
    }

    // Recursion as deep as the path plus the arrays nested on it (JSON nesting is capped at MaxDepth).
    private static void AddPathValues(JsonElement value, int step, IReadOnlyList<string> path, Dictionary<string, JsonElement> byId, List<string> values)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                AddPathValues(item, step, path, byId, values);
            }

            return;
        }

        value = Resolve(value, byId);
        if (step == path.Count)
        {
            var text = value.ValueKind switch
            {
                JsonValueKind.String => Clean(value.GetString()),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Object => String(value, "@value") ?? String(value, "name") ?? Join(String(value, "givenName"), String(value, "familyName"))
                    ?? String(value, "url") ?? String(value, "contentUrl"),
                _ => null,
            };
            if (text is { Length: > 0 })
            {
                values.Add(text);
            }

            return;
        }

        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(path[step], out var next))
        {
            AddPathValues(next, step + 1, path, byId, values);
        }
    }

    private static JsonDocument? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("<!--", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(4);
        }

        if (trimmed.EndsWith("-->", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(0, trimmed.Length - 3);
        }

        try
        {
            return JsonDocument.Parse(trimmed, Options);
        }
        catch (JsonException)
        {
            // Pages often put raw line breaks and tabs inside JSON strings, which JSON forbids;
            // outside strings they are white space anyway.
            var cleaned = trimmed.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
            try
            {
                return JsonDocument.Parse(cleaned, Options);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>Every object reachable through arrays, <c>@graph</c> and <c>mainEntity</c>, in document order.</summary>
    private static List<JsonElement> Objects(JsonElement root)
    {
        var result = new List<JsonElement>();
        var pending = new Stack<JsonElement>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current.ValueKind == JsonValueKind.Array)
            {
                var items = new List<JsonElement>();
                foreach (var item in current.EnumerateArray())
                {
                    items.Add(item);
                }

                for (var i = items.Count - 1; i >= 0; i--)
                {
                    pending.Push(items[i]);
                }
            }
            else if (current.ValueKind == JsonValueKind.Object)
            {
                result.Add(current);
                foreach (var key in new[] { "mainEntity", "mainEntityOfPage", "@graph" })
                {
                    if (current.TryGetProperty(key, out var nested) && nested.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        pending.Push(nested);
                    }
                }
            }
        }

        return result;
    }

    private static bool IsArticle(JsonElement o)
    {
        if (!o.TryGetProperty("@type", out var type))
        {
            return false;
        }

        foreach (var name in Strings(type))
        {
            if (ArticleTypes.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasType(JsonElement o, string wanted)
    {
        if (!o.TryGetProperty("@type", out var type))
        {
            return false;
        }

        foreach (var name in Strings(type))
        {
            if (name.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonLdArticle Article(JsonElement o, Dictionary<string, JsonElement> byId)
    {
        var article = new JsonLdArticle
        {
            Headline = String(o, "headline") ?? String(o, "name") ?? String(o, "alternativeHeadline"),
            DatePublished = String(o, "datePublished") ?? String(o, "dateCreated") ?? String(o, "uploadDate"),
            Description = String(o, "description"),
            ArticleBody = Raw(o, "articleBody") ?? Raw(o, "text"),
            Language = String(o, "inLanguage"),
            Image = o.TryGetProperty("image", out var image) ? Url(image) : null,
        };
        if (o.TryGetProperty("publisher", out var publisher))
        {
            var p = Resolve(First(publisher), byId);
            if (p.ValueKind == JsonValueKind.Object)
            {
                article.SiteName = String(p, "name");
            }
            else if (p.ValueKind == JsonValueKind.String)
            {
                article.SiteName = Clean(p.GetString());
            }
        }

        AddAuthors(o, byId, article.Authors);
        return article;
    }

    /// <summary>The names in <paramref name="o"/>'s author (else creator): strings, Person objects, references into the graph.</summary>
    private static void AddAuthors(JsonElement o, Dictionary<string, JsonElement> byId, List<string> authors)
    {
        if (o.TryGetProperty("author", out var author) || o.TryGetProperty("creator", out author))
        {
            var items = author.ValueKind == JsonValueKind.Array ? new List<JsonElement>(author.EnumerateArray()) : new List<JsonElement> { author };
            foreach (var item in items)
            {
                var resolved = Resolve(item, byId);
                var name = resolved.ValueKind switch
                {
                    JsonValueKind.String => Clean(resolved.GetString()),
                    JsonValueKind.Object => String(resolved, "name") ?? Join(String(resolved, "givenName"), String(resolved, "familyName")),
                    _ => null,
                };
                if (name is { Length: > 0 } && !authors.Contains(name))
                {
                    authors.Add(name);
                }
            }
        }
    }

    private static JsonElement First(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                return item;
            }
        }

        return value;
    }

    private static JsonElement Resolve(JsonElement value, Dictionary<string, JsonElement> byId)
    {
        if (value.ValueKind == JsonValueKind.Object
            && !value.TryGetProperty("name", out _)
            && value.TryGetProperty("@id", out var id)
            && id.ValueKind == JsonValueKind.String
            && byId.TryGetValue(id.GetString()!, out var target))
        {
            return target;
        }

        return value;
    }

    /// <summary>An image given as a URL, an ImageObject, or a list of either: the first URL.</summary>
    private static string? Url(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString() is { Length: > 0 } s ? s.Trim() : null;
            case JsonValueKind.Object:
                return String(value, "url") ?? String(value, "contentUrl") ?? String(value, "@id");
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (Url(item) is { } url)
                    {
                        return url;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A property's text: a string, the first string of an array, or a number; HTML entities decoded and normalized.</summary>
    private static string? String(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var value))
        {
            return null;
        }

        foreach (var s in Strings(value))
        {
            var cleaned = Clean(s);
            if (cleaned is { Length: > 0 })
            {
                return cleaned;
            }
        }

        return value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null;
    }

    /// <summary>A long text property with its line breaks kept (entities decoded, tags removed), or null.</summary>
    private static string? Raw(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString()!;
        text = text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
        text = text.Contains('<') ? StripTags(text.Replace("</p>", "\n\n", StringComparison.OrdinalIgnoreCase).Replace("<br", "\n<br", StringComparison.OrdinalIgnoreCase)) : text;
        return text.Trim().Length == 0 ? null : text;
    }

    private static IEnumerable<string> Strings(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            yield return value.GetString()!;
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    yield return item.GetString()!;
                }
            }
        }
    }

    private static string? Join(string? given, string? family) =>
        given is null && family is null ? null : TextNormalizer.Normalize($"{given} {family}");

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        // JSON-LD is often written from HTML-escaped fields ("Caf&eacute;", "&amp;").
        var text = value.Contains('&') ? WebUtility.HtmlDecode(value) : value;
        if (text.Contains('<'))
        {
            text = StripTags(text);
        }

        var normalized = TextNormalizer.Normalize(text);
        return normalized.Length == 0 ? null : normalized;
    }

    private static string StripTags(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var inTag = false;
        foreach (var c in text)
        {
            if (c == '<')
            {
                inTag = true;
                builder.Append(' ');
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
