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
    public static GenericChoices Of(IDocument document, Uri url) => Of(document, url, out _);

    /// <summary>
    /// As <see cref="Of(IDocument, Uri)"/>, and the page tree the choices were read from (null
    /// when the document has no element). The choices do not keep it: a caller that wants the
    /// tree after the run (the CLI's scaffold) asks for it here, and extraction callers do not
    /// hold it past their run.
    /// </summary>
    public static GenericChoices Of(IDocument document, Uri url, out PageTree? tree)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(url);
        var root = document.Body ?? document.DocumentElement;
        tree = null;
        var scan = root is null ? PageScan.Of(document) : PageScan.Of(document, root, out tree);
        var metadata = MetadataReader.Read(document, url, Html.UrlResolver.BaseOf(document, url), scan);
        return new GenericChoices(metadata, tree is null ? null : ContentFinder.Find(tree, metadata));
    }
}
