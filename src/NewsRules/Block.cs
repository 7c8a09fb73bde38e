namespace NewsRules;

/// <summary>What a body block is.</summary>
public enum BlockKind
{
    /// <summary>Running text: a <c>p</c>, or text directly in a container.</summary>
    Paragraph,

    /// <summary>A subheading (<c>h1</c>–<c>h6</c>).</summary>
    Heading,

    /// <summary>Text inside a <c>blockquote</c>.</summary>
    Quote,

    /// <summary>A list item (<c>li</c>).</summary>
    ListItem,

    /// <summary>A caption the rule's <c>captions</c> matched, where it stands in the body.</summary>
    Caption,

    /// <summary>Preformatted text (<c>pre</c>), whitespace kept.</summary>
    Preformatted,
}

/// <summary>One block of the article body.</summary>
/// <param name="Kind">What the block is.</param>
/// <param name="Text">Its normalized text; <c>\n</c> where the page had <c>&lt;br&gt;</c>.</param>
public sealed record Block(BlockKind Kind, string Text);
