using System.Collections.Generic;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using NewsRules.Text;

namespace NewsRules.Generic;

/// <summary>
/// Every element the metadata reader looks at, gathered in one walk of the whole page (head and
/// body, hidden parts included), each list in document order: what a dozen page-wide
/// <c>QuerySelectorAll</c> calls found before, one walk each. The selectors are the same,
/// matched element by element, so the lists are exactly what those calls returned.
/// </summary>
internal sealed partial class PageScan
{
    private static readonly ISelector ImageLinkSelector = Parse("link[rel~='image_src'][href]");

    /// <summary><c>meta[content]</c> (or <c>meta[value]</c>).</summary>
    public List<IElement> Metas { get; } = new(32);

    /// <summary><c>script[type]</c>.</summary>
    public List<IElement> Scripts { get; } = new(16);

    /// <summary>The first <c>title</c>.</summary>
    public IElement? Title { get; private set; }

    /// <summary>The first <c>h1</c>.</summary>
    public IElement? FirstH1 { get; private set; }

    /// <summary>The first <c>link[rel~=image_src][href]</c>.</summary>
    public IElement? ImageLink { get; private set; }

    /// <summary>Headings and elements named as the entry's title.</summary>
    public List<IElement> Headings { get; } = new(32);

    /// <summary>Elements that may show a byline.</summary>
    public List<IElement> Authors { get; } = new(16);

    /// <summary>Elements that state a date in an attribute (<c>time[datetime]</c>, microdata).</summary>
    public List<IElement> Dates { get; } = new(8);

    /// <summary>Elements whose class or id says date, time or meta.</summary>
    public List<IElement> DateTexts { get; } = new(64);

    /// <summary>Elements of the body with a text of their own that holds a year-like number (four digits in a row), at most 100 characters long.</summary>
    public List<IElement> DatedLines { get; } = new(32);

    public static PageScan Of(IDocument document) => Walk(document, null, out _);

    /// <summary>
    /// As <see cref="Of(IDocument)"/>, and the page tree of <paramref name="root"/> (the body)
    /// built in the same walk: one walk of the page instead of two.
    /// </summary>
    public static PageScan Of(IDocument document, IElement root, out PageTree tree)
    {
        var scan = Walk(document, root, out var built);
        tree = built ?? PageTree.Build(root);
        return scan;
    }

    private struct Frame
    {
        public INodeList Children;
        public int Next;
        public byte Role;
    }

    // What an element is to the page tree being built alongside: nothing, entered, or the top of a hidden subtree.
    private const byte Outside = 0, Entered = 1, Hidden = 2;

    private static PageScan Walk(IDocument document, IElement? root, out PageTree? tree)
    {
        var scan = new PageScan();
        PageTree.Builder? builder = null;
        var inBody = false;
        var inTree = false;
        var hidden = false;

        // Each level's child list and index on a stack of our own: no recursion, and no
        // NextSibling (AngleSharp searches the parent's children for it).
        var stack = new List<Frame>(64) { new Frame { Children = document.ChildNodes } };
        while (stack.Count > 0)
        {
            var top = stack.Count - 1;
            ref var frame = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stack)[top];
            if (frame.Next >= frame.Children.Length)
            {
                var role = frame.Role;
                stack.RemoveAt(top);
                End(role);
                continue;
            }

            var node = frame.Children[frame.Next++];
            if (node is IElement element)
            {
                inBody |= element.LocalName == "body";
                scan.Visit(element);
                var role = Outside;
                if (root is not null)
                {
                    if (element == root && builder is null)
                    {
                        builder = new PageTree.Builder(root);
                        inTree = true;
                        role = Entered;
                    }
                    else if (inTree && !hidden)
                    {
                        if (PageTree.IsHidden(element))
                        {
                            hidden = true;
                            role = Hidden;
                        }
                        else
                        {
                            builder!.Enter(element);
                            role = Entered;
                        }
                    }
                }

                var children = element.ChildNodes;
                if (children.Length > 0)
                {
                    stack.Add(new Frame { Children = children, Role = role });
                }
                else
                {
                    End(role);
                }
            }
            else if (node is IText text)
            {
                var data = text.Data;
                if (inBody && node.ParentElement is { } parent && HasYear(data)
                    && (scan.DatedLines.Count == 0 || scan.DatedLines[^1] != parent))
                {
                    scan.DatedLines.Add(parent);
                }

                if (inTree && !hidden)
                {
                    builder!.AddText(data);
                }
            }
        }

        tree = builder?.Finish();
        return scan;

        void End(byte role)
        {
            if (role == Entered)
            {
                builder!.Exit();
                inTree = builder.IsOpen;
            }
            else if (role == Hidden)
            {
                hidden = false;
            }
        }
    }

    private void Visit(IElement element)
    {
        switch (element.LocalName)
        {
            case "meta":
                if (element.HasAttribute("content") || element.HasAttribute("value"))
                {
                    Metas.Add(element);
                }

                break;
            case "script":
                if (element.HasAttribute("type"))
                {
                    Scripts.Add(element);
                }

                break;
            case "title":
                if (Title is null)
                {
                    Title = element;
                }

                break;
            case "h1":
                if (FirstH1 is null)
                {
                    FirstH1 = element;
                }

                break;
            case "link":
                if (ImageLink is null && IsImageLink(element))
                {
                    ImageLink = element;
                }

                break;
        }

        if (element.Attributes.Length == 0)
        {
            // Only tag names can match: of the lists below, the headings' h1–h3.
            if (element.LocalName is "h1" or "h2" or "h3")
            {
                Headings.Add(element);
            }

            return;
        }

        // The selectors below, matched by hand (attribute values compare case-sensitively, rel
        // not, as AngleSharp compares them): a selector object allocates on every ~= test.
        // One pass over the attributes rather than a search of them per name.
        string? cls = null, id = null, itemprop = null, rel = null;
        var hasDatetime = false;
        var hasPubdate = false;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            switch (attribute.Name)
            {
                case "class":
                    cls ??= attribute.Value;
                    break;
                case "id":
                    id ??= attribute.Value;
                    break;
                case "itemprop":
                    itemprop ??= attribute.Value;
                    break;
                case "rel":
                    rel ??= attribute.Value;
                    break;
                case "datetime":
                    hasDatetime = true;
                    break;
                case "pubdate":
                    hasPubdate = true;
                    break;
            }
        }

        // Most classes hold none of the words the class tests below look for: one search for all
        // of them, then no test of each (each test still decides when one is there).
        if (cls is not null && !System.MemoryExtensions.ContainsAny(cls, ClassWords))
        {
            cls = null;
        }

        if (element.LocalName is "h1" or "h2" or "h3" || HasWord(itemprop, "headline")
            || Contains(cls, "entry-title") || Contains(cls, "post-title") || Contains(cls, "article-title") || Contains(cls, "posttitle"))
        {
            Headings.Add(element);
        }

        if (HasWord(itemprop, "author") || HasWord(rel, "author", System.StringComparison.OrdinalIgnoreCase) || Contains(cls, "author") || Contains(cls, "byline") || Contains(id, "author")
            || ((Contains(cls, "autor") || Contains(cls, "auteur")) && HasAuthorToken(cls!)))
        {
            Authors.Add(element);
        }

        var dated = Contains(cls, "date");
        if (HasWord(itemprop, "datePublished")
            || (element.LocalName == "time" && (hasPubdate || hasDatetime))
            || (element.LocalName == "abbr" && AbbrSelector.Match(element, null))
            || (dated && hasDatetime))
        {
            Dates.Add(element);
        }

        if (dated || Contains(cls, "time") || Contains(cls, "meta") || Contains(id, "date") || Contains(cls, "datum"))
        {
            DateTexts.Add(element);
        }
    }

    private static readonly ISelector AbbrSelector = Parse("abbr.published[title]");

    /// <summary>Every word a class test of <see cref="Visit"/> looks for (ordinal, as <see cref="Contains"/>).</summary>
    internal static readonly string[] ClassWordList =
        ["entry-title", "post-title", "article-title", "posttitle", "author", "byline", "autor", "auteur", "date", "time", "meta", "datum"];

    private static readonly System.Buffers.SearchValues<string> ClassWords = System.Buffers.SearchValues.Create(ClassWordList, System.StringComparison.Ordinal);

    /// <summary>
    /// <c>link[rel~='image_src'][href]</c> on a <c>link</c>, matched by hand: the selector splits
    /// the rel value into a new array on every test. rel compares case-insensitively, as there.
    /// </summary>
    internal static bool IsImageLink(IElement link) =>
        HasWord(link.GetAttribute("rel"), "image_src", System.StringComparison.OrdinalIgnoreCase) && link.HasAttribute("href");

    /// <summary>The selector <see cref="IsImageLink"/> stands for (the reference its tests compare with).</summary>
    internal static bool IsImageLinkBySelector(IElement link) => ImageLinkSelector.Match(link, null);

    /// <summary>
    /// A class token naming an author box in German, Spanish or French ("autor", "article__autor",
    /// "autorzeile", "auteurs"), not a taxonomy term ("autor-nora-bossong" on a teaser).
    /// </summary>
    internal static bool HasAuthorToken(string classes)
    {
        foreach (var token in classes.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries))
        {
            if (AuthorToken().IsMatch(token))
            {
                return true;
            }
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[\w-]*[-_])?(?:autor|auteur)(?:in|en|innen|s)?(?:[-_]*(?:name|info|zeile|line|link|wrap|wrapper|box|meta|container|text|date|datum))*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex AuthorToken();

    private static bool Contains(string? value, string part) => value is not null && value.Contains(part, System.StringComparison.Ordinal);

    /// <summary>The <c>[attr~=word]</c> test: <paramref name="word"/> is one of the white-space separated values.</summary>
    private static bool HasWord(string? value, string word, System.StringComparison comparison = System.StringComparison.Ordinal)
    {
        if (value is null)
        {
            return false;
        }

        var at = value.IndexOf(word, comparison);
        while (at >= 0)
        {
            var end = at + word.Length;
            if ((at == 0 || IsSpace(value[at - 1])) && (end == value.Length || IsSpace(value[end])))
            {
                return true;
            }

            at = value.IndexOf(word, at + 1, comparison);
        }

        return false;
    }

    private static bool HasYear(string data)
    {
        if (data.Length > 100)
        {
            return false;
        }

        var run = 0;
        foreach (var c in data)
        {
            run = c is >= '0' and <= '9' ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static ISelector Parse(string selector) =>
        new CssSelectorParser().ParseSelector(selector) ?? throw new System.InvalidOperationException($"Bad selector {selector}");
}
