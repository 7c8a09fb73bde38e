using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace NewsRules.Report.Tests;

/// <summary>A browser fact over the Mercury corpus: skips, saying why, without Chromium or without the corpus.</summary>
public sealed class CorpusBrowserFactAttribute : FactAttribute
{
    public CorpusBrowserFactAttribute()
    {
        if (!Chromium.IsInstalled)
        {
            Skip = new ChromiumFactAttribute().Skip;
        }
        else if (Corpus.Missing("mercury-dev") is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Reports of real publisher pages (with the repository's rules) opened in Chromium: pages the report was not written against.</summary>
public sealed class CorpusReportTests : IClassFixture<BrowserFixture>, IDisposable
{
    // Every tenth case: a spread of publishers, layouts and languages, and a run that stays short.
    private const int Every = 10;

    private readonly BrowserFixture browser;
    private readonly TempFolder temp = new();

    public CorpusReportTests(BrowserFixture browser) => this.browser = browser;

    public void Dispose() => temp.Dispose();

    [CorpusBrowserFact]
    public async Task Every_outline_sits_on_its_element_and_picked_selectors_are_unique_on_real_pages()
    {
        var cases = File.ReadLines(Path.Combine(Corpus.Path("mercury-dev"), "cases.jsonl")).Where(l => l.Trim().Length > 0).Where((_, i) => i % Every == 0).Where(l => Environment.GetEnvironmentVariable("NEWSRULES_REPORT_CASE") is not { Length: > 0 } only || l.Contains(only, StringComparison.Ordinal)).ToList();
        var failures = new List<string>();
        foreach (var line in cases)
        {
            using var entry = JsonDocument.Parse(line);
            var id = entry.RootElement.GetProperty("id").GetString()!;
            var url = entry.RootElement.GetProperty("url").GetString()!;
            var pagePath = Path.Combine(Corpus.Path("mercury-dev"), entry.RootElement.GetProperty("page").GetString()!);
            var reportPath = temp.PathOf("report.html");
            var result = ReportFiles.Run(reportPath, pagePath, "--url", url);
            if (result.ExitCode != 0)
            {
                failures.Add($"{id}: report failed: {result.Error}");
                continue;
            }

            var page = await browser.Context!.NewPageAsync();
            var problems = new List<string>();
            page.Console += (_, message) =>
            {
                // Remote images may fail offline, and the policy blocking a relative image or font of the page's CSS (which would
                // load a file beside the report) is the policy working; a blocked script or anything else is a fault.
                var blockedResource = message.Text.Contains("Content Security Policy", StringComparison.Ordinal)
                    && (message.Text.Contains("\"img-src", StringComparison.Ordinal) || message.Text.Contains("\"font-src", StringComparison.Ordinal));
                if (message.Type == "error" && !blockedResource && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                {
                    problems.Add(message.Text);
                }
            };
            page.PageError += (_, error) => problems.Add("page error: " + error);
            await page.GotoAsync(new Uri(reportPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.WaitForFunctionAsync("() => window.newsrulesReport !== undefined");
            var check = await page.EvaluateAsync<JsonElement>("""
                async () => {
                  const report = window.newsrulesReport;
                  report.place();
                  const root = document.getElementById('newsrules-report').shadowRoot;
                  const wrong = [];
                  let boxes = 0;
                  const marked = [...document.querySelectorAll('[data-nr-mark]')];
                  for (const element of marked) {
                    const r = element.getBoundingClientRect();
                    if (r.width === 0 && r.height === 0) { continue; }
                    for (const token of element.getAttribute('data-nr-mark').split(' ')) {
                      const found = [...root.querySelectorAll('.nr-box')].filter(b => b.dataset.token === token && b.style.display !== 'none')
                        .map(b => b.getBoundingClientRect())
                        // An empty element still shows: its box is at least its two borders (4 px) wide and high.
                        .some(b => Math.abs(b.x - r.x) <= 1 && Math.abs(b.y - r.y) <= 1 && Math.abs(b.width - Math.max(r.width, 4)) <= 1 && Math.abs(b.height - Math.max(r.height, 4)) <= 1);
                      if (found) { boxes++; } else { wrong.push('no box for ' + token + ' on <' + element.localName + '> at ' + JSON.stringify([r.x, r.y, r.width, r.height]) + ' boxes ' + JSON.stringify([...root.querySelectorAll('.nr-box')].filter(b => b.dataset.token === token).map(b => { const q = b.getBoundingClientRect(); return [b.style.display, q.x, q.y, q.width, q.height]; }))); }
                    }
                  }
                  // Selectors for the marked elements and a spread of others.
                  const all = [...document.body.querySelectorAll('*')];
                  const sample = marked.concat(all.filter((_, i) => i % Math.max(1, Math.floor(all.length / 40)) === 0)).slice(0, 80);
                  for (const element of sample) {
                    const selector = report.selectorFor(element);
                    const m = document.querySelectorAll(selector);
                    if (m.length !== 1 || m[0] !== element) { wrong.push('selector ' + selector + ' matches ' + m.length); }
                  }
                  return { boxes, wrong: wrong.slice(0, 5), json: root.querySelector('.nr-json').textContent.length };
                }
                """);
            var wrong = check.GetProperty("wrong").EnumerateArray().Select(w => w.GetString()).ToList();
            if (wrong.Count > 0 || problems.Count > 0 || check.GetProperty("json").GetInt32() == 0)
            {
                failures.Add($"{id}: {string.Join("; ", wrong.Concat(problems.Take(3)))}");
            }

            if (Environment.GetEnvironmentVariable("NEWSRULES_REPORT_SHOTS") is { Length: > 0 } shots)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, id.Replace('#', '_') + ".png") });
            }

            await page.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
