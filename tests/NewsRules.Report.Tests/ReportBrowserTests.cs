using System.Threading.Tasks;
using System.Text.Json;
using Microsoft.Playwright;
using NewsRules.Engine;
using NewsRules.Loading;

namespace NewsRules.Report.Tests;

/// <summary>The RT Arabic sample's report opened in headless Chromium: outlines, panel, hover, click-to-selector, right-to-left.</summary>
public sealed class ReportBrowserTests : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly BrowserFixture browser;
    private readonly TempFolder temp = new();

    public ReportBrowserTests(BrowserFixture browser) => this.browser = browser;

    public void Dispose() => temp.Dispose();

    private static SiteRule RtRule => RuleLoader.LoadFile(ReportFiles.RtRule).Rule;

    /// <summary>Writes the report, opens it, and records every request and console message of the page.</summary>
    private async Task<(IPage Page, List<IRequest> Requests, List<string> Problems)> Open(params string[] args)
    {
        var path = temp.PathOf("report.html");
        var result = ReportFiles.Run(path, args);
        Assert.True(result.ExitCode == 0, result.Error);

        var page = await browser.Context!.NewPageAsync();
        var requests = new List<IRequest>();
        var problems = new List<string>();
        page.Request += (_, request) => requests.Add(request);
        page.Console += (_, message) =>
        {
            // Remote images may be tried and fail offline; anything else the console reports is a fault of the report.
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add(message.Type + ": " + message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForFunctionAsync("() => window.newsrulesReport !== undefined");
        return (page, requests, problems);
    }

    private static Task Settle(IPage page) =>
        page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))");

    private sealed record Geometry(double[][] Boxes, double[][] Elements);

    /// <summary>The drawn boxes of one field, and the rectangles of the elements the given selector matches (inside the body's containers, for junk).</summary>
    private static async Task<Geometry> Measure(IPage page, string field, string css, string? inside = null)
    {
        await Settle(page);
        var json = await page.EvaluateAsync<JsonElement>("""
            ([field, css, inside]) => {
              const rect = r => [r.x, r.y, r.width, r.height];
              const root = document.getElementById('newsrules-report').shadowRoot;
              const boxes = [...root.querySelectorAll('.nr-box[data-field="' + field + '"]')]
                .filter(b => getComputedStyle(b).display !== 'none').map(b => rect(b.getBoundingClientRect()));
              const elements = (inside ? [...document.querySelectorAll(inside)].flatMap(c => [...c.querySelectorAll(css)]) : [...document.querySelectorAll(css)])
                .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 || r.height > 0).map(rect);
              return { boxes, elements };
            }
            """, new[] { field, css, inside });
        return new Geometry(
            json.GetProperty("boxes").EnumerateArray().Select(b => b.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray(),
            json.GetProperty("elements").EnumerateArray().Select(b => b.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray());
    }

    private static void AssertOutlined(Geometry geometry, string field)
    {
        Assert.True(geometry.Elements.Length > 0, $"the rule's {field} selector matched no visible element");
        Assert.Equal(geometry.Elements.Length, geometry.Boxes.Length);
        foreach (var element in geometry.Elements)
        {
            Assert.True(
                geometry.Boxes.Any(box => box.Zip(element).All(p => Math.Abs(p.First - p.Second) <= 1.0)),
                $"no {field} outline at [{string.Join(", ", element)}]; outlines at {string.Join(" ", geometry.Boxes.Select(b => "[" + string.Join(", ", b) + "]"))}");
        }
    }

    [ChromiumFact]
    public async Task Outlines_sit_on_the_elements_the_rule_matched_and_follow_them_when_the_page_scrolls()
    {
        var (page, _, problems) = await Open(ReportFiles.RtPage);
        var rule = RtRule;
        var body = rule.Body!.Select[0].Css;

        await page.Locator(rule.Title!.Select[0].Css).ScrollIntoViewIfNeededAsync();
        AssertOutlined(await Measure(page, "title", rule.Title!.Select[0].Css), "title");
        AssertOutlined(await Measure(page, "body", body), "body");
        AssertOutlined(await Measure(page, "captions", rule.Captions!.Select[0].Css), "captions");
        AssertOutlined(await Measure(page, "junk", rule.Junk[0].Css, inside: body), "junk");

        await page.EvaluateAsync("() => window.scrollBy(0, 250)");
        AssertOutlined(await Measure(page, "title", rule.Title!.Select[0].Css), "title after scrolling");
        AssertOutlined(await Measure(page, "junk", rule.Junk[0].Css, inside: body), "junk after scrolling");

        // Each field's outline and label are in the field's own colour, and the label names field and selector.
        var label = await page.Locator("#newsrules-report .nr-box[data-token='title#0'] .nr-label").TextContentAsync();
        Assert.Equal("title: .article h1.heading", label);
        var colors = await page.EvaluateAsync<string[]>("""
            () => ['title', 'body', 'captions', 'junk'].map(f =>
              getComputedStyle(document.getElementById('newsrules-report').shadowRoot.querySelector('.nr-box[data-field="' + f + '"]')).borderTopColor)
            """);
        Assert.Equal(4, colors.Distinct().Count());

        // The picture docs/report-rt-arabic.png shows: the article at the top, a paragraph picked, the hover tip on the junk.
        await page.EvaluateAsync("() => { document.querySelector('.article').scrollIntoView(); window.scrollBy(0, -8); }");
        await page.Locator(".article .text p >> nth=1").ClickAsync();
        await page.Locator(".article .text .banner .banner__label").HoverAsync();
        await Settle(page);
        var shot = Environment.GetEnvironmentVariable("NEWSRULES_REPORT_SCREENSHOT") is { Length: > 0 } wanted ? Path.GetFullPath(wanted) : temp.PathOf("report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
        var png = await File.ReadAllBytesAsync(shot);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png.Take(4));
        Assert.Empty(problems);
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task The_panel_shows_the_json_counts_and_warnings_left_to_right_beside_a_right_to_left_page()
    {
        var (page, requests, problems) = await Open(ReportFiles.RtPage);

        var json = await page.Locator("#newsrules-report .nr-json").TextContentAsync();
        using (var article = JsonDocument.Parse(json!))
        {
            Assert.Equal("لافروف: روسيا ستدعم مالي في حربها ضد الإرهاب", article.RootElement.GetProperty("title").GetString());
            Assert.Equal("نوفوستي", article.RootElement.GetProperty("fields").GetProperty("Source").GetString());
        }

        Assert.True(await page.Locator("#newsrules-report .nr-json").IsVisibleAsync());
        Assert.Equal("1 element", await page.Locator("#newsrules-report .nr-field[data-field='title'] td.nr-count").First.TextContentAsync());
        Assert.Equal("No warnings.", await page.Locator("#newsrules-report .nr-ok").TextContentAsync());

        var layout = await page.EvaluateAsync<JsonElement>("""
            () => {
              const panel = document.getElementById('newsrules-report').shadowRoot.querySelector('.nr-panel');
              const p = panel.getBoundingClientRect();
              const heading = document.querySelector('.article h1.heading').getBoundingClientRect();
              return {
                pageDirection: getComputedStyle(document.documentElement).direction,
                panelDirection: getComputedStyle(panel).direction,
                panelLeft: p.left, panelRight: p.right, width: document.documentElement.clientWidth,
                headingRight: heading.right,
                jsonDirection: getComputedStyle(panel.querySelector('.nr-json')).direction,
              };
            }
            """);
        Assert.Equal("rtl", layout.GetProperty("pageDirection").GetString());
        Assert.Equal("ltr", layout.GetProperty("panelDirection").GetString());
        Assert.Equal("ltr", layout.GetProperty("jsonDirection").GetString());
        // The panel stands at the right edge; the right-to-left page starts at its left, not under it.
        Assert.True(Math.Abs(layout.GetProperty("panelRight").GetDouble() - layout.GetProperty("width").GetDouble()) <= 1);
        Assert.True(layout.GetProperty("headingRight").GetDouble() <= layout.GetProperty("panelLeft").GetDouble() + 1);

        // Nothing but the report itself was loaded (remote images may be asked for and fail: the browser is offline).
        var loaded = requests.Where(r => !r.Url.StartsWith("file:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.All(loaded, r => Assert.Equal("image", r.ResourceType));
        Assert.Single(requests, r => r.ResourceType == "document");
        Assert.Empty(problems);
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task Hovering_an_outlined_element_names_its_field_and_selector()
    {
        var (page, _, _) = await Open(ReportFiles.RtPage);

        await page.Locator(".article .text .banner .banner__label").HoverAsync();
        var tip = page.Locator("#newsrules-report .nr-tip");
        Assert.True(await tip.IsVisibleAsync());
        var lines = (await tip.TextContentAsync())!.Split('\n');
        Assert.Equal(new[] { "inside junk: .banner", "inside body: .article .text" }, lines);

        await page.Locator(".article h1.heading").HoverAsync();
        Assert.Equal("title: .article h1.heading", await tip.TextContentAsync());
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task Clicking_an_element_gives_a_short_selector_that_matches_exactly_that_element()
    {
        var (page, _, _) = await Open(ReportFiles.RtPage);
        var selectorBox = page.Locator("#newsrules-report .nr-picked-selector");

        // Elements with distinctive classes, one with only an id, paragraphs without any, a link (which must not navigate).
        string[] targets = { ".article h1.heading", ".media__copyright", "#adfox_in_text_1", ".article .text p >> nth=1", ".share__link_x", ".card_main .card__title", ".footer__links li >> nth=2" };
        var url = page.Url;
        var seen = new List<string>();
        foreach (var target in targets)
        {
            var element = page.Locator(target);
            await Click(element);
            var selector = (await selectorBox.TextContentAsync())!;
            Assert.False(string.IsNullOrWhiteSpace(selector), $"no selector for {target}");
            var same = await element.EvaluateAsync<bool>("(element, selector) => { const m = document.querySelectorAll(selector); return m.length === 1 && m[0] === element; }", selector);
            Assert.True(same, $"'{selector}' (for {target}) does not match exactly the clicked element");
            Assert.DoesNotContain("data-nr", selector, StringComparison.Ordinal);
            Assert.True(selector.Length <= 60, $"'{selector}' is not short");
            seen.Add(selector);
        }

        // Distinctive names, not positions, wherever the page has them.
        Assert.Equal(".media__copyright", seen[1]);
        Assert.Equal(".share__link_x", seen[4]);
        Assert.Equal(".card_main .card__title", seen[5]);

        Assert.Equal(url, page.Url);
        Assert.Equal(".heading", await ClickAndRead(page, ".article h1.heading"));
        Assert.Equal("#adfox_in_text_1", await ClickAndRead(page, "#adfox_in_text_1"));
        var fields = await page.Locator("#newsrules-report .nr-picked-fields").TextContentAsync();
        Assert.Contains("inside junk: .banner", fields, StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task A_rule_loaded_at_run_time_is_reported_the_same_way()
    {
        var (page, _, problems) = await Open(ReportFiles.RtPage, "--rule", ReportFiles.RtRule);
        var rule = RtRule;

        Assert.Contains("rule file arabic.rt.com.yaml", await page.Locator("#newsrules-report dl").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator(rule.Title!.Select[0].Css).ScrollIntoViewIfNeededAsync();
        AssertOutlined(await Measure(page, "title", rule.Title!.Select[0].Css), "title");
        AssertOutlined(await Measure(page, "fields.Source", rule.Fields[0].Select[0].Css), "Source");

        // Unchecking a field hides its outlines.
        await page.Locator("#newsrules-report input[data-toggle='title']").UncheckAsync();
        Assert.Empty((await Measure(page, "title", rule.Title!.Select[0].Css)).Boxes);
        Assert.Empty(problems);
        await page.CloseAsync();
    }

    /// <summary>A real click; an element with no size (an empty ad slot) cannot be clicked with the mouse, so it gets the click event itself.</summary>
    private static async Task Click(ILocator element)
    {
        if (await element.IsVisibleAsync())
        {
            await element.ClickAsync();
        }
        else
        {
            await element.DispatchEventAsync("click");
        }
    }

    private static async Task<string> ClickAndRead(IPage page, string target)
    {
        await Click(page.Locator(target));
        return (await page.Locator("#newsrules-report .nr-picked-selector").TextContentAsync())!;
    }
}
