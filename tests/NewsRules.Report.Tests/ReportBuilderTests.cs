using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using NewsRules.Loading;
using NewsRules.Output;

namespace NewsRules.Report.Tests;

/// <summary>The report file itself (no browser): what is stripped, what is marked, what the panel holds.</summary>
public sealed class ReportBuilderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    // An authored page that tries every way a saved page could run code or load something.
    private const string HostilePage = """
        <!DOCTYPE html>
        <html lang="en"><head>
        <meta charset="windows-1252">
        <meta http-equiv="refresh" content="0; url=https://tracker.example/">
        <meta http-equiv="Content-Security-Policy" content="script-src 'none'">
        <base href="https://cdn.example/base/">
        <link rel="stylesheet" href="https://cdn.example/site.css">
        <link rel="preload" as="font" href="/fonts/a.woff2">
        <link rel="icon" href="/favicon.ico">
        <link rel="canonical" href="https://news.example/world/1-story">
        <style>.headline { color: rgb(1, 2, 3); }</style>
        <script src="https://cdn.example/app.js"></script>
        <script>document.title = 'ran';</script>
        </head>
        <body onload="alert(1)">
        <div class="story">
          <h1 class="headline" onclick="alert(2)" onmouseover="alert(3)">A headline</h1>
          <p class="byline">By Jane Roe</p>
          <div class="content" style="margin: 3px">
            <p>First paragraph <a href="javascript:alert(4)">link</a> and <a href="/other">other</a>.</p>
            <img src="/img/a.jpg" srcset="/img/a-480.jpg 480w, https://img.example/w_800,c_fill/a.jpg 800w" onerror="alert(5)">
            <iframe src="https://ads.example/frame"></iframe>
            <object data="https://ads.example/flash.swf"></object>
            <embed src="https://ads.example/e.swf">
            <svg><script>alert(6)</script><a href=" java&#9;script:alert(7)"><text>x</text></a></svg>
            <aside class="promo">Subscribe now</aside>
            <p>Second paragraph.</p>
          </div>
        </div>
        <form action="https://tracker.example/collect"><button formaction="javascript:alert(8)">Go</button></form>
        </body></html>
        """;

    private const string HostileRule = """
        site: Hostile
        domains: [news.example]
        title: ['.story h1.headline', 'meta[property="og:title"]@content']
        author: .story .byline
        body: .story .content
        junk: [.promo, .missing]
        fields:
          Kicker: { select: '.kicker' }
        """;

    private (ReportFiles.Result Result, IDocument Report) Hostile()
    {
        var page = temp.Write("hostile.html", HostilePage);
        var rule = temp.Write("hostile.yaml", HostileRule);
        var result = ReportFiles.Run(temp.PathOf("hostile.report.html"), page, "--rule", rule);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.NotNull(result.Report);
        return (result, ReportFiles.Parse(result.Report!));
    }

    private static IReadOnlyList<IElement> ReportScripts(IDocument report) =>
        report.All.Where(e => e.LocalName == "script").ToList();

    [Fact]
    public void Page_scripts_are_gone_and_only_the_reports_own_two_remain()
    {
        var (result, report) = Hostile();

        var scripts = ReportScripts(report);
        Assert.Equal(2, scripts.Count);
        Assert.Equal("newsrules-report-data", scripts[0].Id);
        Assert.Equal("application/json", scripts[0].GetAttribute("type"));
        Assert.All(scripts, s => Assert.False(s.HasAttribute("src")));
        Assert.DoesNotContain("alert(", scripts[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("document.title = 'ran'", result.Report, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(6)", result.Report, StringComparison.Ordinal);

        // Removed elements leave empty placeholders, so positions among siblings stay as the rule saw them.
        var removed = report.QuerySelectorAll("template[data-nr-removed]").Select(t => t.GetAttribute("data-nr-removed")).ToList();
        Assert.Equal(new[] { "script", "script", "iframe", "object", "embed", "script" }, removed);
    }

    [Fact]
    public void Event_handlers_and_script_urls_are_stripped()
    {
        var (result, report) = Hostile();

        var handlers = report.All.SelectMany(e => e.Attributes.Select(a => (e.LocalName, a.Name))).Where(x => x.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Empty(handlers);
        Assert.DoesNotContain("javascript:", result.Report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", result.Report!.Replace(ReportScriptText(report), string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("#", report.QuerySelector("button")!.GetAttribute("formaction"));
    }

    [Fact]
    public void Nothing_external_is_loaded_and_nothing_navigates()
    {
        var (_, report) = Hostile();

        Assert.Empty(report.QuerySelectorAll("iframe, frame, object, embed, base, script[src]"));
        Assert.Empty(report.QuerySelectorAll("meta[http-equiv=refresh]"));
        var links = report.QuerySelectorAll("link").Select(l => l.GetAttribute("rel")).ToList();
        Assert.Equal(new[] { "canonical" }, links);

        // One charset (UTF-8, the report's own) and one policy (the report's own), first in the head.
        var head = report.Head!.Children.ToList();
        Assert.Equal("utf-8", head[0].GetAttribute("charset"));
        Assert.Equal("Content-Security-Policy", head[1].GetAttribute("http-equiv"));
        Assert.Single(report.QuerySelectorAll("meta[charset]"));
        Assert.Single(report.QuerySelectorAll("meta[http-equiv]"));
        var policy = head[1].GetAttribute("content")!;
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy.Split(';').Single(p => p.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);

        // Styles stay; relative addresses point at the site (resolved against the page's <base>), not at files beside the report.
        Assert.Contains(report.QuerySelectorAll("style"), s => s.TextContent.Contains(".headline { color: rgb(1, 2, 3); }", StringComparison.Ordinal));
        Assert.Equal("margin: 3px", report.QuerySelector(".content")!.GetAttribute("style"));
        var image = report.QuerySelector(".content img")!;
        Assert.Equal("https://cdn.example/img/a.jpg", image.GetAttribute("src"));
        Assert.Equal("https://cdn.example/img/a-480.jpg 480w, https://img.example/w_800,c_fill/a.jpg 800w", image.GetAttribute("srcset"));
        Assert.Equal("https://cdn.example/other", report.QuerySelectorAll(".content a")[1].GetAttribute("href"));
    }

    [Fact]
    public void The_policy_allows_exactly_the_reports_inline_script()
    {
        var (_, report) = Hostile();

        var script = ReportScriptText(report);
        var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        var policy = report.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Contains($"script-src '{hash}'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_matched_element_carries_its_marks_and_the_data_names_every_field()
    {
        var (_, report) = Hostile();

        Assert.Equal("title#0", report.QuerySelector("h1.headline")!.GetAttribute("data-nr-mark"));
        Assert.Equal("author#0", report.QuerySelector(".byline")!.GetAttribute("data-nr-mark"));
        Assert.Equal("body#0", report.QuerySelector(".content")!.GetAttribute("data-nr-mark"));
        Assert.Equal("junk#0", report.QuerySelector(".promo")!.GetAttribute("data-nr-mark"));

        using var data = JsonDocument.Parse(report.GetElementById("newsrules-report-data")!.TextContent);
        var groups = data.RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(new[] { "title", "author", "body", "junk", "fields.Kicker" }, groups.Select(g => g.GetProperty("key").GetString()));
        var colors = groups.Select(g => g.GetProperty("color").GetString()).ToList();
        Assert.Equal(colors.Count, colors.Distinct().Count());
        var junk = groups.Single(g => g.GetProperty("key").GetString() == "junk").GetProperty("alternatives").EnumerateArray().ToList();
        Assert.Equal(new[] { ".promo", ".missing" }, junk.Select(a => a.GetProperty("selector").GetString()));
        Assert.Equal(new[] { 1, 0 }, junk.Select(a => a.GetProperty("matched").GetInt32()));
        var title = groups[0].GetProperty("alternatives").EnumerateArray().ToList();
        Assert.True(title[0].GetProperty("chosen").GetBoolean());
        Assert.False(title[1].GetProperty("chosen").GetBoolean());
    }

    [Fact]
    public void The_panel_shows_each_field_with_its_alternatives_counts_and_value_the_json_and_the_warnings()
    {
        var (_, report) = Hostile();
        var panel = Panel(report);

        var fields = panel.QuerySelectorAll(".nr-field").ToDictionary(f => f.GetAttribute("data-field")!);
        Assert.Equal(new[] { "title", "author", "body", "junk", "fields.Kicker" }, fields.Keys);
        Assert.Equal("title", fields["title"].QuerySelector(".nr-field-name")!.TextContent);
        var titleRows = fields["title"].QuerySelectorAll("tr").Select(r => (r.ClassName, r.Children[0].TextContent, r.Children[1].TextContent)).ToList();
        Assert.Equal(("nr-chosen", ".story h1.headline", "1 element"), titleRows[0]);
        Assert.Equal(("nr-none", "meta[property=\"og:title\"]@content", "0 elements"), titleRows[1]);
        Assert.Equal("A headline", fields["title"].QuerySelector(".nr-value")!.TextContent);
        Assert.Equal("Jane Roe", fields["author"].QuerySelector(".nr-value")!.TextContent);
        Assert.Equal("1 element removed", fields["junk"].QuerySelectorAll("td.nr-count")[0].TextContent);
        Assert.Equal("no value", fields["fields.Kicker"].QuerySelector(".nr-value")!.TextContent);

        var warnings = panel.QuerySelectorAll(".nr-warnings li").Select(li => li.TextContent).ToList();
        Assert.Contains("Kicker: nothing matched '.kicker'.", warnings);

        using var json = JsonDocument.Parse(panel.QuerySelector(".nr-json")!.TextContent);
        Assert.Equal("A headline", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("First paragraph link and other.\n\nSecond paragraph.", json.RootElement.GetProperty("text").GetString());
        Assert.Contains("rule file hostile.yaml", panel.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rt_sample_report_marks_every_field_of_the_compiled_rule_and_shows_its_json()
    {
        var result = ReportFiles.Run(temp.PathOf("rt.html"), ReportFiles.RtPage);
        Assert.True(result.ExitCode == 0, result.Error);
        var report = ReportFiles.Parse(result.Report!);

        Assert.Equal("title#0", report.QuerySelector(".article h1.heading")!.GetAttribute("data-nr-mark"));
        Assert.Equal("body#0", report.QuerySelector(".article .text")!.GetAttribute("data-nr-mark"));
        Assert.Equal("captions#0", report.QuerySelector(".article figure figcaption")!.GetAttribute("data-nr-mark"));
        Assert.Equal("junk#0", report.QuerySelector(".article .text .banner")!.GetAttribute("data-nr-mark"));
        Assert.Equal("fields.Source#0", report.QuerySelector(".article .text p:last-of-type")!.GetAttribute("data-nr-mark"));
        // Junk outside the body is not removed by the engine, so it is not marked as junk either.
        Assert.Null(report.QuerySelector(".article__share")!.GetAttribute("data-nr-mark"));

        var extractor = RuleLoader.LoadFile(ReportFiles.RtRule);
        var html = File.ReadAllText(ReportFiles.RtPage);
        var expected = ArticleJson.Serialize(extractor.Extract(html, "https://arabic.rt.com/world/1355930-لافروف-روسيا-ستدعم-مالي-في-حربها-ضد-الإرهاب/"));
        Assert.Equal(expected, Panel(report).QuerySelector(".nr-json")!.TextContent);
        Assert.Contains("rule RtArabic from arabic.rt.com.yaml (loaded at run time)", Panel(report).QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("rtl", report.DocumentElement.GetAttribute("dir"));
        Assert.Equal("ltr", Panel(report).QuerySelector(".nr-panel")!.GetAttribute("dir"));
    }

    [Fact]
    public void A_page_no_rule_serves_reports_what_the_generic_fallback_extracts()
    {
        var page = temp.Write("unknown.html", "<html><head><link rel=canonical href='https://unknown.example/a/1'></head><body><h1>Harbour news</h1><p>The boats came back before the storm, and the harbour master counted every one of them twice.</p></body></html>");
        var result = ReportFiles.Run(temp.PathOf("unknown.report.html"), page);

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(result.Report);
        var report = ReportFiles.Parse(result.Report!);
        Assert.Contains("generic fallback", Panel(report).QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Harbour news", Panel(report).QuerySelector(".nr-json")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("generic fallback", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fallback_report_outlines_the_body_captions_and_left_out_parts_content_scoring_chose()
    {
        const string Paragraph = "<p>The boats came back before the storm, and the harbour master counted every one of them twice, writing each name into the old ledger by the window.</p>";
        var page = temp.Write("harbour.html",
            "<html><head><link rel=canonical href='https://unknown.example/news/harbour'></head><body>" +
            "<nav class='menu'><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>" +
            "<div id='story'><h1>Harbour news</h1>" + Paragraph + Paragraph +
            "<div class='share-bar'><a href='https://share.example/a'>Share</a> <a href='https://share.example/b'>Post</a> <a href='https://share.example/c'>Mail</a></div>" +
            "<figure><img src='/boats.jpg'><figcaption>Boats in the harbour at dusk.</figcaption></figure>" +
            Paragraph + Paragraph + "</div>" +
            "<footer class='site-footer'><a href='/about'>About</a> <a href='/contact'>Contact</a></footer></body></html>");
        var result = ReportFiles.Run(temp.PathOf("harbour.report.html"), page);

        Assert.True(result.ExitCode == 0, result.Error);
        var report = ReportFiles.Parse(result.Report!);
        Assert.Equal("body#0", report.QuerySelector("#story")!.GetAttribute("data-nr-mark"));
        Assert.Equal("captions#0", report.QuerySelector("figcaption")!.GetAttribute("data-nr-mark"));
        Assert.Equal("junk#0", report.QuerySelector(".share-bar")!.GetAttribute("data-nr-mark"));
        Assert.Null(report.QuerySelector("nav")!.GetAttribute("data-nr-mark"));
        var panel = Panel(report).QuerySelector(".nr-fields")!.TextContent;
        Assert.Contains("content scoring", panel, StringComparison.Ordinal);
        Assert.Contains("left out", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("Share", Panel(report).QuerySelector(".nr-json")!.TextContent, StringComparison.Ordinal);
    }

    private const string NetParagraph = "<p>The boats came back before the storm, and the harbour master counted every one of them twice, writing each name into the old ledger by the window.</p>";

    // A rule's body with furniture its author never saw: a share bar, text hidden for screen readers.
    private static readonly string NetPage =
        "<html><head></head><body><h1>Harbour news</h1><div class='story'>" + NetParagraph +
        "<div class='share-bar'><a href='https://share.example/a'>Share</a> <a href='https://share.example/b'>Post</a> <a href='https://share.example/c'>Mail</a></div>" +
        NetParagraph + "<p>Read the <a href='/ledger'>ledger<span class='sr-only'>, opens new tab</span></a> online.</p>" + NetParagraph + "</div></body></html>";

    private (IDocument Report, IDocument Panel) NetReport(string ruleExtra)
    {
        var page = temp.Write("net.html", NetPage);
        var rule = temp.Write("net.yaml", "site: Harbour\ndomains: [news.example]\ntitle: h1\nbody: .story\n" + ruleExtra);
        var result = ReportFiles.Run(temp.PathOf("net.report.html"), page, "--rule", rule, "--url", "https://news.example/harbour");
        Assert.True(result.ExitCode == 0, result.Error);
        var report = ReportFiles.Parse(result.Report!);
        return (report, Panel(report));
    }

    [Fact]
    public void The_report_outlines_what_the_boilerplate_net_removed_inside_a_rules_body_and_lists_why()
    {
        var (report, panel) = NetReport(string.Empty);

        Assert.Equal("net#0", report.QuerySelector(".share-bar")!.GetAttribute("data-nr-mark"));
        Assert.Equal("net#1", report.QuerySelector(".sr-only")!.GetAttribute("data-nr-mark"));
        var net = panel.QuerySelector(".nr-field[data-field=net]");
        Assert.NotNull(net);
        Assert.Equal("boilerplate net", net!.QuerySelector(".nr-field-name")!.TextContent);
        var rows = net.QuerySelectorAll("tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)).ToList();
        Assert.Equal([("net: named as furniture", "1 element removed"), ("net: visually hidden", "1 element removed")], rows);
        var notes = net.QuerySelectorAll(".nr-notes li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, notes.Count);
        Assert.StartsWith("named as furniture (", notes[0], StringComparison.Ordinal);
        Assert.Contains("\"Share Post Mail\"", notes[0], StringComparison.Ordinal);
        Assert.Equal("visually hidden: <span> \", opens new tab\"", notes[1]);

        using var data = JsonDocument.Parse(report.GetElementById("newsrules-report-data")!.TextContent);
        var keys = data.RootElement.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()).ToList();
        Assert.Equal(new[] { "title", "body", "net" }, keys);
        Assert.DoesNotContain("opens new tab", panel.QuerySelector(".nr-json")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void With_boilerplate_keep_nothing_is_outlined_as_the_nets_and_the_panel_says_it_is_off()
    {
        var (report, panel) = NetReport("boilerplate: keep\n");

        Assert.Null(report.QuerySelector(".share-bar")!.GetAttribute("data-nr-mark"));
        Assert.Null(panel.QuerySelector(".nr-field[data-field=net]"));
        Assert.Contains(panel.QuerySelectorAll(".nr-note"), n => n.TextContent.Contains("boilerplate: keep", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rotted_body_is_named_in_the_panel()
    {
        var (_, healthy) = NetReport(string.Empty);
        Assert.Empty(healthy.QuerySelectorAll(".nr-rot"));

        var page = temp.Write("rot.html", NetPage.Replace("class='story'", "class='article-text'", StringComparison.Ordinal));
        var rule = temp.Write("rot.yaml", "site: Harbour\ndomains: [news.example]\ntitle: h1\nbody: .story\n");
        var result = ReportFiles.Run(temp.PathOf("rot.report.html"), page, "--rule", rule, "--url", "https://news.example/harbour");
        Assert.True(result.ExitCode == 0, result.Error);
        var rot = Assert.Single(Panel(ReportFiles.Parse(result.Report!)).QuerySelectorAll(".nr-rot"));
        Assert.StartsWith("rule-rot: body: rule Harbour's body ('.story')", rot.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_fallback_a_page_no_rule_serves_fails_naming_the_host()
    {
        var page = temp.Write("unknown.html", "<html><head><link rel=canonical href='https://unknown.example/a/1'></head><body><h1>x</h1></body></html>");
        var result = ReportFiles.Run(temp.PathOf("unknown.report.html"), page, "--no-fallback");

        Assert.Equal(1, result.ExitCode);
        Assert.Null(result.Report);
        Assert.Contains("no rule for host 'unknown.example'", result.Error, StringComparison.Ordinal);
        Assert.Contains("--no-fallback", result.Error, StringComparison.Ordinal);
        Assert.Contains("--rule", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_arguments_say_what_is_wrong_and_how_to_fix_it()
    {
        var missing = ReportFiles.Run(temp.PathOf("a.html"), temp.PathOf("nope.html"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);

        var badUrl = ReportFiles.Run(temp.PathOf("b.html"), ReportFiles.RtPage, "--url", "ftp://x");
        Assert.Equal(2, badUrl.ExitCode);
        Assert.Contains("--url 'ftp://x' is not an absolute http(s) URL", badUrl.Error, StringComparison.Ordinal);

        var brokenRule = temp.Write("broken.yaml", "site: Broken\ndomains: [arabic.rt.com]\ntitle: 'h1['\nbody: .text\n");
        var broken = ReportFiles.Run(temp.PathOf("c.html"), ReportFiles.RtPage, "--rule", brokenRule);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("NR0003", broken.Error, StringComparison.Ordinal);
        Assert.Contains("broken.yaml", broken.Error, StringComparison.Ordinal);
    }

    /// <summary>The panel's markup: the content of its declarative shadow root.</summary>
    private static IDocument Panel(IDocument report)
    {
        // AngleSharp, like browsers, may attach the declarative shadow root while parsing; else the template is still there.
        var host = report.GetElementById("newsrules-report");
        Assert.NotNull(host);
        var markup = host!.ShadowRoot is { } shadow
            ? string.Concat(shadow.ChildNodes.Select(n => n.ToHtml()))
            : host.QuerySelector("template[shadowrootmode=open]")?.InnerHtml;
        Assert.NotNull(markup);
        return ReportFiles.Parse("<!DOCTYPE html><html><body>" + markup + "</body></html>");
    }

    private static string ReportScriptText(IDocument report) => ReportScripts(report).Last().TextContent;
}
