using System.Threading.Tasks;
using Microsoft.Playwright;

namespace NewsRules.Report.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright over its own pipe. Playwright's browser downloads
/// are never used (they fail here): the system browser at <see cref="ExecutablePath"/> is.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static readonly string[] Arguments =
    {
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
    };
}

/// <summary>A fact that skips, saying why, when Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsInstalled)
        {
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath}: install Debian's 'chromium' package (apt-get install -y chromium; .ci/run does this on CI) to run the browser tests.";
        }
    }
}

/// <summary>One headless Chromium per test class, with a fresh user-data dir that is deleted afterwards.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly DirectoryInfo userData = Directory.CreateTempSubdirectory("newsrules-chromium-");
    private IPlaywright? playwright;

    public IBrowserContext? Context { get; private set; }

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            return;
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Context = await playwright.Chromium.LaunchPersistentContextAsync(userData.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "en-US",
            Offline = true,
        });
    }

    public async Task DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.CloseAsync();
        }

        playwright?.Dispose();
        userData.Delete(recursive: true);
    }
}
