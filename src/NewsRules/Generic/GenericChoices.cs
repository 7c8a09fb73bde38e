using System;
using AngleSharp.Dom;

namespace NewsRules.Generic;

/// <summary>
/// The page facts of one document and what the generic extractor chose from them, read once:
/// one walk of the page (<see cref="PageScan"/>, which builds the <see cref="PageTree"/>), the
/// metadata with the elements and sources that gave it (title heading, bylines, date element,
/// "og:title" …) and the content selection (body containers, what it leaves out inside them,
/// captions). <see cref="GenericExtractor"/> reads its article from them
/// (<c>GenericExtractor.Run(document, url, choices: …)</c> takes them when the caller already has
/// them), and the explanation and the report show them from that run; <c>newsrules new</c> reads
/// them to name those elements in a draft rule. Nobody changes them once read.
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
