using System;
using AngleSharp.Dom;

namespace NewsRules.Generic;

/// <summary>
/// What the generic extractor chose on a page, element by element: the metadata with the
/// elements and sources that gave it (title heading, bylines, date element, "og:title" …) and
/// the content selection (body containers, what it leaves out inside them, captions). Read by
/// <c>newsrules new</c> to name those elements in a draft rule. Read-only: it runs the same
/// passes as <see cref="GenericExtractor.Extract(IDocument, Uri)"/> and changes nothing it returns.
/// </summary>
internal sealed record GenericChoices(PageMetadata Metadata, ContentSelection? Content)
{
    /// <summary>The generic extractor's choices on <paramref name="document"/>.</summary>
    public static GenericChoices Of(IDocument document, Uri url)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(url);
        var root = document.Body ?? document.DocumentElement;
        PageTree? tree = null;
        var scan = root is null ? PageScan.Of(document) : PageScan.Of(document, root, out tree);
        var metadata = MetadataReader.Read(document, url, Html.UrlResolver.BaseOf(document, url), scan);
        return new GenericChoices(metadata, tree is null ? null : ContentFinder.Find(tree, metadata));
    }
}
