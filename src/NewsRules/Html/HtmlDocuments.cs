using System;
using System.IO;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsRules.Html;

/// <summary>
/// Parses pages the way every extractor does, so that the engine, the command line and the
/// benchmarks all see the same DOM.
/// </summary>
public static class HtmlDocuments
{
    [ThreadStatic]
    private static HtmlParser? parser;

    static HtmlDocuments()
    {
        // Pages still arrive in windows-1256, windows-1251, Shift_JIS…: make the code pages available.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The parser options the engine uses.</summary>
    public static HtmlParserOptions Options => new()
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        SkipComments = true,
        SkipProcessingInstructions = true,
        DisableElementPositionTracking = true,
    };

    /// <summary>Parses HTML text.</summary>
    public static IDocument Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Parser.ParseDocument(html);
    }

    /// <summary>Parses HTML bytes: a BOM wins, then a declared charset, then UTF-8.</summary>
    public static IDocument Parse(Stream html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Parser.ParseDocument(html);
    }

    // One parser per thread: HtmlParser keeps per-parse state, and creating a browsing context per call is wasteful.
    private static HtmlParser Parser => parser ??= new HtmlParser(Options, BrowsingContext.New(Configuration.Default));
}
