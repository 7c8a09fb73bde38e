using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using NewsRules.Output;

namespace NewsRules.Cli.Report;

/// <summary>Where the rule came from and what the page is called, for the panel's header.</summary>
/// <param name="PageName">The saved page's file name.</param>
/// <param name="RuleSource">How the rule was found ("compiled rule Sites.RtArabic", "rule file x.yaml").</param>
internal sealed record ReportOrigin(string PageName, string RuleSource);

/// <summary>
/// Builds the review page: the saved page with what each field of the rule matched marked in
/// its DOM, made inert and self-contained, plus a side panel (extracted JSON, selector
/// alternatives with their match counts, warnings, a selector picker) and the script that
/// outlines the marked elements. One HTML file; it loads nothing and needs no network.
/// </summary>
internal static class ReportBuilder
{
    /// <summary>The id of the element that hosts the panel's shadow root.</summary>
    public const string HostId = "newsrules-report";

    /// <summary>
    /// Extracts the article, marks the matches and writes the report. The document is changed
    /// (marked and stripped): pass a fresh parse of the page.
    /// </summary>
    public static string Build(IDocument document, Uri url, IArticleExtractor extractor, ReportOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(origin);

        // Extraction and matching see the page exactly as the engine does, before anything is
        // removed. The generic extractor's run keeps the page facts and choices it read, to outline.
        var generic = extractor is NewsRules.Generic.GenericExtractor ? NewsRules.Generic.GenericExtractor.Run(document, url) : null;
        var article = generic?.Article ?? extractor.Extract(document, url);
        // For a rule, the front door's run again on the same document, traced: what each field's
        // alternatives matched and which one the engine chose, the junk and what the boilerplate
        // net removed (elements of this document, to outline), and which fields rotted.
        var run = extractor is IRuleExtractor rule ? RulePipeline.Run(rule.Rule, document, url, trace: true) : null;
        var fields = extractor switch
        {
            IRuleExtractor backed => FieldMarks.Apply(backed.Rule, run!.Trace!),
            NewsRules.Generic.GenericExtractor => FieldMarks.ApplyGeneric(generic!.Choices),
            _ => Array.Empty<MarkedField>(),
        };
        PageSanitizer.Apply(document, url);
        AddHead(document);

        var html = document.ToHtml();
        var tail = new StringBuilder();
        tail.Append('\n');
        AppendPanel(tail, article, fields, extractor, url, origin, run);
        tail.Append("<script type=\"application/json\" id=\"newsrules-report-data\">").Append(DataJson(fields)).Append("</script>\n");
        tail.Append("<script>").Append(ReportScript.Text).Append("</script>\n");

        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + tail : html.Substring(0, end) + tail + html.Substring(end);
    }

    /// <summary>The Content-Security-Policy the report declares: its own script only, inline styles, images; no frames, fetches, forms or fonts from elsewhere.</summary>
    public static string ContentSecurityPolicy =>
        "default-src 'none'; script-src '" + ScriptHash + "'; style-src 'unsafe-inline'; img-src data: http: https:; font-src data:; form-action 'none'; base-uri 'none'";

    private static string ScriptHash => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(ReportScript.Text)));

    private static void AddHead(IDocument document)
    {
        IElement? head = document.Head;
        if (head is null)
        {
            head = document.CreateElement("head");
            document.DocumentElement.Prepend(head);
        }

        // First in the head: the charset the report is written in, and the policy, before anything it governs.
        var charset = document.CreateElement("meta");
        charset.SetAttribute("charset", "utf-8");
        var policy = document.CreateElement("meta");
        policy.SetAttribute("http-equiv", "Content-Security-Policy");
        policy.SetAttribute("content", ContentSecurityPolicy);
        head.Prepend(charset, policy);

        var style = document.CreateElement("style");
        style.SetAttribute("id", "newsrules-report-page-style");
        style.TextContent = ReportStyles.Page;
        head.AppendChild(style);
    }

    private static void AppendPanel(StringBuilder html, Article article, IReadOnlyList<MarkedField> fields, IArticleExtractor extractor, Uri url, ReportOrigin origin, RuleRun? run)
    {
        html.Append("<newsrules-report id=\"").Append(HostId).Append("\"><template shadowrootmode=\"open\">\n");
        html.Append("<style>").Append(ReportStyles.Panel).Append("</style>\n");
        html.Append("<div class=\"nr-layer\"></div>\n<div class=\"nr-tip\" hidden></div>\n");
        html.Append("<aside class=\"nr-panel\" dir=\"ltr\" lang=\"en\" aria-label=\"NewsRules report\">\n");
        html.Append("<header><h1>NewsRules report</h1><button type=\"button\" class=\"nr-collapse\">Hide panel</button></header>\n");

        html.Append("<dl>");
        Row(html, "site", article.Site);
        Row(html, "rule", origin.RuleSource);
        Row(html, "page", origin.PageName);
        Row(html, "url", url.ToString(), "ltr");
        html.Append("</dl>\n");
        if (extractor.MatchLength(url) < 0)
        {
            html.Append("<p class=\"nr-note\">Rule ").Append(Escape(extractor.Site)).Append(" does not serve this URL (its domains or urls patterns do not match); shown anyway.</p>\n");
        }

        if (fields.Count == 0)
        {
            html.Append("<p class=\"nr-note\">This extractor exposes no selectors, so nothing is outlined; the JSON below is what it extracted.</p>\n");
        }

        if (run is not null)
        {
            foreach (var rot in run.Rot)
            {
                // Outlines show what the rule's selectors matched; the value is the generic extractor's.
                html.Append("<p class=\"nr-note nr-rot\">").Append(Escape(rot.Message)).Append("</p>\n");
            }

            if (extractor is IRuleExtractor { Rule.Boilerplate: NewsRules.Rules.Definition.BoilerplateMode.Keep })
            {
                html.Append("<p class=\"nr-note\">The boilerplate net is off for this rule (boilerplate: keep).</p>\n");
            }
        }

        html.Append("<section class=\"nr-picker\"><h2>Selector for an element</h2>");
        html.Append("<p class=\"nr-hint\">Click any element of the page for a short selector that matches only it, ready to paste into the rule. Hover an outline to see its field and selector.</p>");
        html.Append("<code class=\"nr-picked-selector\" dir=\"ltr\"></code>");
        html.Append("<p><button type=\"button\" class=\"nr-copy\" disabled>Copy</button></p>");
        html.Append("<p class=\"nr-picked-info\" dir=\"auto\"></p><p class=\"nr-picked-fields\" dir=\"ltr\"></p></section>\n");

        html.Append("<section class=\"nr-fields\"><h2>Fields</h2>\n");
        html.Append("<p class=\"nr-hint\">Solid outline: the alternative the value came from. Dashed: an alternative that was not used. Uncheck a field to hide its outlines.</p>\n");
        foreach (var field in fields)
        {
            AppendField(html, field, article);
        }

        html.Append("</section>\n");

        html.Append("<section class=\"nr-warnings-section\"><h2>Warnings</h2>");
        if (article.Warnings.Count == 0)
        {
            html.Append("<p class=\"nr-ok\">No warnings.</p>");
        }
        else
        {
            html.Append("<ul class=\"nr-warnings\">");
            foreach (var warning in article.Warnings)
            {
                html.Append("<li dir=\"auto\">").Append(Escape(warning)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>\n");
        html.Append("<section class=\"nr-json-section\"><h2>Extracted JSON</h2><pre class=\"nr-json\" dir=\"ltr\">")
            .Append(Escape(ArticleJson.Serialize(article)))
            .Append("</pre></section>\n");
        html.Append("</aside>\n</template></newsrules-report>\n");
    }

    private static void AppendField(StringBuilder html, MarkedField field, Article article)
    {
        html.Append("<div class=\"nr-field\" data-field=\"").Append(Escape(field.Key)).Append("\" style=\"border-left-color:").Append(field.Color).Append("\">");
        html.Append("<label><input type=\"checkbox\" checked data-toggle=\"").Append(Escape(field.Key)).Append("\">")
            .Append("<span class=\"nr-field-name\">").Append(Escape(field.Label)).Append("</span></label>");
        html.Append("<table>");
        foreach (var alternative in field.Alternatives)
        {
            var css = alternative.Chosen ? "nr-chosen" : alternative.Matched == 0 ? "nr-none" : "nr-unused";
            html.Append("<tr class=\"").Append(css).Append("\"><td><code dir=\"ltr\">").Append(Escape(alternative.Selector)).Append("</code></td>");
            html.Append("<td class=\"nr-count\">").Append(Escape(Count(field, alternative))).Append("</td></tr>");
        }

        html.Append("</table>");
        if (field.Notes.Count > 0)
        {
            html.Append("<ul class=\"nr-notes\">");
            foreach (var note in field.Notes)
            {
                html.Append("<li dir=\"auto\">").Append(Escape(note)).Append("</li>");
            }

            html.Append("</ul>");
        }

        var value = Value(field, article);
        if (value is not null)
        {
            html.Append(value.Length == 0
                ? "<div class=\"nr-value nr-missing\">no value</div>"
                : "<div class=\"nr-value\" dir=\"auto\">" + Escape(Shorten(value, 600)) + "</div>");
        }

        html.Append("</div>\n");
    }

    private static string Count(MarkedField field, MarkedAlternative alternative)
    {
        var text = alternative.Matched.ToString(CultureInfo.InvariantCulture) + (alternative.Matched == 1 ? " element" : " elements");
        if (field.Key is "junk" or "net")
        {
            return text + " removed";
        }

        if (field.Key is not "body" and not "captions" && alternative.NonEmpty != alternative.Matched)
        {
            text += ", " + alternative.NonEmpty.ToString(CultureInfo.InvariantCulture) + " with a value";
        }

        var inHead = alternative.Elements.Count > 0 && alternative.Elements.All(e => e.Closest("head") is not null);
        return inHead ? text + " (in <head>, not drawn)" : text;
    }

    /// <summary>What the field gave, as the panel shows it; null for junk (it gives no value), empty when the field has none.</summary>
    private static string? Value(MarkedField field, Article article)
    {
        switch (field.Key)
        {
            case "junk":
            case "net":
                return null;
            case "title":
                return article.Title ?? string.Empty;
            case "lead":
                return article.Lead ?? string.Empty;
            case "author":
                return string.Join("\n", article.Authors);
            case "published":
                return article.Published is { } published ? ArticleJson.FormatDate(published) : string.Empty;
            case "image":
                return article.Image ?? string.Empty;
            case "captions":
                return string.Join("\n", article.Captions);
            case "body":
                var blocks = article.Body.Count;
                return blocks == 0 ? string.Empty : $"{blocks} block(s), {article.Text.Length.ToString(CultureInfo.InvariantCulture)} characters of text:\n{article.Text}";
        }

        var name = field.Key.Substring("fields.".Length);
        return article.Fields.TryGetValue(name, out var custom)
            ? custom switch
            {
                IReadOnlyList<string> list => string.Join("\n", list),
                null => string.Empty,
                var single => single.ToString() ?? string.Empty,
            }
            : string.Empty;
    }

    /// <summary>The fields, their colours and alternatives for the script; JSON escaped so that it cannot end its script element.</summary>
    private static string DataJson(IReadOnlyList<MarkedField> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("groups");
            foreach (var field in fields)
            {
                writer.WriteStartObject();
                writer.WriteString("key", field.Key);
                writer.WriteString("label", field.Label);
                writer.WriteString("color", field.Color);
                writer.WriteStartArray("alternatives");
                foreach (var alternative in field.Alternatives)
                {
                    writer.WriteStartObject();
                    writer.WriteString("selector", alternative.Selector);
                    writer.WriteNumber("matched", alternative.Matched);
                    writer.WriteBoolean("chosen", alternative.Chosen);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Row(StringBuilder html, string name, string value, string direction = "auto") =>
        html.Append("<dt>").Append(name).Append("</dt><dd dir=\"").Append(direction).Append("\">").Append(Escape(value)).Append("</dd>");

    private static string Shorten(string text, int length) => text.Length <= length ? text : text.Substring(0, length - 1) + "…";

    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
