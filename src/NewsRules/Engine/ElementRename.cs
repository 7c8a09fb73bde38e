using System;
using NewsRules.Rules.Definition;

namespace NewsRules.Engine;

/// <summary>
/// A declarative body transform: the elements <see cref="Select"/> matches are read as if their
/// tag were <see cref="Tag"/> (<c>rename</c>), or as inline text that joins the paragraph around
/// them when <see cref="Tag"/> is null (<c>unwrap</c>). The document is not changed.
/// </summary>
public sealed class ElementRename
{
    /// <summary>Creates a transform; throws <see cref="ArgumentException"/> for a tag the body reader gives no block kind to.</summary>
    public ElementRename(Selector select, string? tag = null)
    {
        Select = select ?? throw new ArgumentNullException(nameof(select));
        if (tag is not null && !ValueOptions.IsRenameTag(tag))
        {
            throw new ArgumentException($"'{tag}' is not a tag the body reads as a block; use one of {string.Join(", ", ValueOptions.RenameTags)}.", nameof(tag));
        }

        Tag = tag;
    }

    /// <summary>The elements to read differently (inside the body).</summary>
    public Selector Select { get; }

    /// <summary>The tag they are read as; null to unwrap them (read as inline text).</summary>
    public string? Tag { get; }

    /// <summary>The tag name the body reader uses for matched elements.</summary>
    internal string ReadAs => Tag ?? "span";

    /// <summary>The transform as the rule wrote it.</summary>
    public override string ToString() => Tag is null ? $"unwrap {Select}" : $"rename {Select}: {Tag}";
}
