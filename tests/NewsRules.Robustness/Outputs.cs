using System.Text.Json;
using NewsRules.Output;

namespace NewsRules.Robustness;

/// <summary>What every article must be, whatever the page was: the JSON contract holds and the parts agree.</summary>
internal static class Outputs
{
    private static readonly string[] ContractOrder =
    {
        "site", "url", "title", "lead", "authors", "published", "image", "language", "captions", "body", "text", "fields", "warnings",
    };

    /// <summary>Serializes the article and checks it; returns the JSON.</summary>
    public static string AssertWellFormed(Article article, string context)
    {
        var json = ArticleJson.Serialize(article);
        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        Assert.True(
            root.EnumerateObject().Select(p => p.Name).SequenceEqual(ContractOrder),
            $"{context}: the JSON's properties are not the contract's, in order: {string.Join(", ", root.EnumerateObject().Select(p => p.Name))}");

        var joined = string.Join("\n\n", article.Body.Where(b => b.Kind != BlockKind.Caption).Select(b => b.Text));
        Assert.True(article.Text == joined, $"{context}: text is not the non-caption blocks joined by blank lines.");
        Assert.True(root.GetProperty("text").GetString() == article.Text, $"{context}: the JSON's text differs from Article.Text.");
        Assert.True(root.GetProperty("body").GetArrayLength() == article.Body.Count, $"{context}: the JSON's body has another count of blocks.");
        foreach (var block in article.Body)
        {
            Assert.True(block.Text.Length > 0, $"{context}: an empty {block.Kind} block.");
            Assert.True(block.Kind == BlockKind.Preformatted || block.Text == block.Text.Trim(), $"{context}: a {block.Kind} block is not trimmed.");
        }

        foreach (var value in Strings(article))
        {
            Assert.True(IsWellFormedUtf16(value), $"{context}: a value holds half of a surrogate pair.");
            Assert.DoesNotContain('\0', value);
        }

        return json;
    }

    private static IEnumerable<string> Strings(Article article)
    {
        foreach (var value in new[] { article.Title, article.Lead, article.Image, article.Language, article.Text })
        {
            if (value is not null)
            {
                yield return value;
            }
        }

        foreach (var list in new[] { article.Authors, article.Captions, article.Warnings })
        {
            foreach (var value in list)
            {
                yield return value;
            }
        }

        foreach (var block in article.Body)
        {
            yield return block.Text;
        }

        foreach (var field in article.Fields.Values)
        {
            switch (field)
            {
                case string text:
                    yield return text;
                    break;
                case IReadOnlyList<string> list:
                    foreach (var value in list)
                    {
                        yield return value;
                    }

                    break;
            }
        }
    }

    private static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
