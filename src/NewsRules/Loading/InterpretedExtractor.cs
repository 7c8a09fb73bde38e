using NewsRules.Engine;

namespace NewsRules.Loading;

/// <summary>An extractor for a rule loaded at run time; it returns plain <see cref="Article"/>s.</summary>
public sealed class InterpretedExtractor : ArticleExtractor<Article>
{
    internal InterpretedExtractor(SiteRule rule, string path)
        : base(rule) => Path = path;

    /// <summary>The rule file it was loaded from.</summary>
    public string Path { get; }

    /// <inheritdoc />
    protected override Article Create(Article article) => article;
}
