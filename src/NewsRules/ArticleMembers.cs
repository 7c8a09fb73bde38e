using System;
using System.Collections.Generic;
using NewsRules.Rules.Definition;

namespace NewsRules;

/// <summary>
/// One member of <see cref="Article"/> that a rule's standard field (or the rule's language tag)
/// fills: its name as the output and the warnings say it, when it counts as empty, and how it is
/// taken from another article (the body takes its text and captions with it).
/// </summary>
internal sealed class ArticleMember
{
    private readonly Func<Article, bool> isEmpty;
    private readonly Func<Article, Article, Article> take;

    private ArticleMember(string name, StandardField? field, Func<Article, bool> isEmpty, Func<Article, Article, Article> take)
    {
        Name = name;
        Field = field;
        this.isEmpty = isEmpty;
        this.take = take;
    }

    /// <summary>The member's name in the JSON output and in warnings ("authors").</summary>
    public string Name { get; }

    /// <summary>The standard field that fills it; null for the language (the rule's tag, else the page's).</summary>
    public StandardField? Field { get; }

    public bool IsEmpty(Article article) => isEmpty(article);

    /// <summary><paramref name="into"/> with this member as <paramref name="from"/> has it.</summary>
    public Article Take(Article into, Article from) => take(into, from);

    /// <summary>The member a standard field fills, or null for captions (they come with the body).</summary>
    internal static ArticleMember? Of(StandardField field)
    {
        if (field == StandardFields.Title)
        {
            return new("title", field, a => a.Title is null, (a, b) => a with { Title = b.Title });
        }

        if (field == StandardFields.Lead)
        {
            return new("lead", field, a => a.Lead is null, (a, b) => a with { Lead = b.Lead });
        }

        if (field == StandardFields.Author)
        {
            return new("authors", field, a => a.Authors.Count == 0, (a, b) => a with { Authors = b.Authors });
        }

        if (field == StandardFields.Published)
        {
            return new("published", field, a => a.Published is null, (a, b) => a with { Published = b.Published });
        }

        if (field == StandardFields.Image)
        {
            return new("image", field, a => a.Image is null, (a, b) => a with { Image = b.Image });
        }

        if (field == StandardFields.Body)
        {
            return new("body", field, a => a.Body.Count == 0, (a, b) => a with { Body = b.Body, Text = b.Text, Captions = b.Captions });
        }

        if (field == StandardFields.Captions)
        {
            return null;
        }

        // A field added to the table needs its member here (ArticleMembersTests reads every one).
        throw new InvalidOperationException($"The standard field '{field.Name}' has no member of Article; add it to ArticleMember.Of.");
    }

    internal static readonly ArticleMember Language = new("language", null, a => a.Language is null, (a, b) => a with { Language = b.Language });
}

/// <summary>The article's members the standard-field table fills, for the <c>fallback: true</c> merge.</summary>
internal static class ArticleMembers
{
    /// <summary>
    /// In <see cref="StandardFields.InReadingOrder"/>: the value fields, then the language, then
    /// the element fields (the body, which brings its text and captions).
    /// </summary>
    public static readonly IReadOnlyList<ArticleMember> Filled = Build();

    private static ArticleMember[] Build()
    {
        var members = new List<ArticleMember>();
        foreach (var field in StandardFields.InReadingOrder)
        {
            if (field.Shape != FieldShape.Elements && ArticleMember.Of(field) is { } member)
            {
                members.Add(member);
            }
        }

        members.Add(ArticleMember.Language);
        foreach (var field in StandardFields.InReadingOrder)
        {
            if (field.Shape == FieldShape.Elements && ArticleMember.Of(field) is { } member)
            {
                members.Add(member);
            }
        }

        return members.ToArray();
    }
}
