using NewsRules.Cli;
using NewsRules.Loading;

namespace NewsRules.Rules.Tests;

/// <summary>
/// <c>newsrules new</c> on pages that show their date only as text (Arabic, German, Japanese,
/// English): the draft proposes the element with a <c>format</c>, <c>culture</c> and
/// <c>timezone</c>, and the engine, loading the written rule with <see cref="RuleLoader"/>, reads
/// the date with them. Also the visible standfirst as the lead, and the zone a machine-readable
/// date's offset shows.
/// </summary>
public sealed class NewVisibleDatesTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("newsrules-dates-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private string Rules => Path.Combine(scratch, "rules");

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (CliApp.Run(args, output, error), output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(scratch, "pages", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A page whose only date is <paramref name="dateLine"/>: no meta tag, no JSON-LD, no time element.</summary>
    private static string Page(string language, string url, string headline, string dateLine, string paragraph, string? head = null) =>
        $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{headline}</title>\n"
        + $"<link rel=\"canonical\" href=\"{url}\">{head}</head><body>\n"
        + "<nav class=\"main-nav\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n"
        + $"<article class=\"story\"><h1 class=\"headline\">{headline}</h1>\n{dateLine}\n"
        + "<div class=\"story-body\">" + string.Concat(Enumerable.Repeat($"<p>{paragraph}</p>\n", 5)) + "</div></article>\n"
        + "<footer class=\"site-footer\"><p>Footer</p></footer></body></html>";

    private (string Yaml, Article Article, string Output) Draft(string page, string url, string domain)
    {
        var (exit, output, error) = Run("new", page, "--url", url, "--rules", Rules);
        Assert.True(exit == 0, error + output);
        var rulePath = Path.Combine(Rules, domain, domain + ".yaml");
        var yaml = File.ReadAllText(rulePath);
        var article = RuleLoader.LoadFile(rulePath).Extract(File.ReadAllText(page), url);
        return (yaml, article, output);
    }

    [Fact]
    public void An_arabic_date_with_arabic_indic_digits_is_read_with_culture_ar()
    {
        const string url = "https://www.akhbar-example.sa/news/2024/infrastructure.html";
        var page = Write("ar.html", Page(
            "ar",
            url,
            "خطة جديدة للبنية التحتية",
            "<div class=\"story-date\">١٢ مايو ٢٠٢٤</div>",
            "أعلنت الحكومة اليوم عن خطة جديدة لتطوير البنية التحتية في جميع أنحاء البلاد، وتشمل الخطة بناء طرق ومدارس ومستشفيات جديدة خلال السنوات الخمس القادمة."));

        var (yaml, article, output) = Draft(page, url, "www.akhbar-example.sa");

        Assert.Contains("select: '.story-date'", yaml);
        Assert.Contains("format: 'd MMMM yyyy'", yaml);
        Assert.Contains("culture: 'ar'", yaml);
        Assert.Contains("timezone: 'Asia/Riyadh'", yaml);
        Assert.Equal(new DateTimeOffset(2024, 5, 12, 0, 0, 0, TimeSpan.FromHours(3)), article.Published);
        Assert.Contains("culture ar", output);
    }

    [Fact]
    public void A_german_date_after_a_label_gets_a_pattern_format_culture_and_the_zone_of_the_country()
    {
        const string url = "https://www.nachrichten-beispiel.de/politik/2024/plan.html";
        var page = Write("de.html", Page(
            "de",
            url,
            "Neuer Plan für die Infrastruktur",
            "<span class=\"datum\">Veröffentlicht am 12. Mai 2024, 14:30 Uhr</span>",
            "Die Regierung hat heute einen neuen Plan für den Ausbau der Infrastruktur im ganzen Land vorgestellt, der neue Straßen, Schulen und Krankenhäuser vorsieht."));

        var (yaml, article, _) = Draft(page, url, "www.nachrichten-beispiel.de");

        Assert.Contains("select: '.datum'", yaml);
        Assert.Contains("pattern: '(\\d.*)$'", yaml);
        Assert.Contains("format: 'd. MMMM yyyy, HH:mm ''Uhr'''", yaml);
        Assert.Contains("culture: 'de'", yaml);
        Assert.Contains("timezone: 'Europe/Berlin'", yaml);
        Assert.Equal(new DateTimeOffset(2024, 5, 12, 14, 30, 0, TimeSpan.FromHours(2)), article.Published);
    }

    [Fact]
    public void A_japanese_date_is_read_with_culture_ja_in_tokyo_time()
    {
        const string url = "https://www.shimbun-example.jp/articles/2024/0512.html";
        var page = Write("ja.html", Page(
            "ja",
            url,
            "新しいインフラ計画を発表",
            "<p class=\"hizuke\">2024年5月12日 9時05分</p>",
            "政府は本日、全国のインフラ整備に向けた新たな計画を発表した。計画には今後五年間で新しい道路や学校、病院を建設することが含まれている。関係者によると、予算は来年度から段階的に配分される見通しだという。"));

        var (yaml, article, _) = Draft(page, url, "www.shimbun-example.jp");

        Assert.Contains("select: '.hizuke'", yaml);
        Assert.Contains("format: 'yyyy年M月d日 H時m分'", yaml);
        Assert.Contains("culture: 'ja'", yaml);
        Assert.Contains("timezone: 'Asia/Tokyo'", yaml);
        Assert.Equal(new DateTimeOffset(2024, 5, 12, 9, 5, 0, TimeSpan.FromHours(9)), article.Published);
    }

    [Fact]
    public void An_english_date_with_at_and_a_clock_time_is_read_with_culture_en()
    {
        const string url = "https://www.harbour-example.com/news/2016/bridge.html";
        var page = Write("en.html", Page(
            "en",
            url,
            "The harbour bridge reopens after repairs",
            "<div class=\"dateline\">Published: Dec 13, 2016 at 3:45 PM</div>",
            "The harbour authority said the work on the old crossing went on through the night, and residents along the waterfront watched the cranes lift the last span into place before dawn."));

        var (yaml, article, _) = Draft(page, url, "www.harbour-example.com");

        Assert.Contains("select: '.dateline'", yaml);
        Assert.Contains("format: 'MMM d, yyyy ''at'' h:mm tt'", yaml);
        Assert.Contains("culture: 'en'", yaml);
        Assert.DoesNotContain("  timezone:", yaml);
        Assert.Contains("no zone known for the site: add 'timezone:'", yaml);
        Assert.Equal(new DateTimeOffset(2016, 12, 13, 15, 45, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void A_page_with_a_machine_readable_date_keeps_it_and_reads_offsetless_values_in_the_zone_its_offset_shows()
    {
        const string url = "https://www.nachrichten-beispiel.de/politik/2024/plan.html";
        var page = Write("meta.html", Page(
            "de",
            url,
            "Neuer Plan für die Infrastruktur",
            "<span class=\"datum\">12. Mai 2024</span>",
            "Die Regierung hat heute einen neuen Plan für den Ausbau der Infrastruktur im ganzen Land vorgestellt, der neue Straßen, Schulen und Krankenhäuser vorsieht.",
            "<meta property=\"article:published_time\" content=\"2024-05-12T14:30:00+02:00\">"));

        var (yaml, article, _) = Draft(page, url, "www.nachrichten-beispiel.de");

        Assert.Contains("select: 'meta[property=\"article:published_time\"]@content'", yaml);
        Assert.Contains("timezone: 'Europe/Berlin'", yaml);
        Assert.DoesNotContain("format:", yaml);
        Assert.Equal(new DateTimeOffset(2024, 5, 12, 14, 30, 0, TimeSpan.FromHours(2)), article.Published);

        // Another page of the site that leaves the offset out is read in Berlin time, not UTC.
        var other = Write("other.html", File.ReadAllText(page).Replace("2024-05-12T14:30:00+02:00", "2024-05-12T14:30:00", StringComparison.Ordinal));
        var rule = RuleLoader.LoadFile(Path.Combine(Rules, "www.nachrichten-beispiel.de", "www.nachrichten-beispiel.de.yaml"));
        Assert.Equal(TimeSpan.FromHours(2), rule.Extract(File.ReadAllText(other), url).Published!.Value.Offset);
    }

    [Fact]
    public void The_visible_standfirst_that_says_what_the_description_says_is_the_lead_with_the_description_after_it()
    {
        const string url = "https://www.harbour-example.com/news/2024/bridge.html";
        var page = Write("lead.html", Page(
            "en",
            url,
            "The harbour bridge reopens after repairs",
            "<p class=\"intro-text\">The harbour's old bridge opens again on Monday after eight months of repairs to its cables.</p>",
            "The harbour authority said the work on the old crossing went on through the night, and residents along the waterfront watched the cranes lift the last span into place before dawn.",
            "<meta property=\"og:description\" content=\"The old bridge opens again on Monday after eight months of repairs.\">"));

        var (yaml, article, _) = Draft(page, url, "www.harbour-example.com");

        Assert.Contains("['.intro-text', 'meta[property=\"og:description\"]@content']", yaml);
        Assert.Equal("The harbour's old bridge opens again on Monday after eight months of repairs to its cables.", article.Lead);

        // A page of the site without the visible standfirst gets the description.
        var other = File.ReadAllText(page).Replace("class=\"intro-text\"", "class=\"other\"", StringComparison.Ordinal);
        var rule = RuleLoader.LoadFile(Path.Combine(Rules, "www.harbour-example.com", "www.harbour-example.com.yaml"));
        Assert.Equal("The old bridge opens again on Monday after eight months of repairs.", rule.Extract(other, url).Lead);
    }

    private static string RulesDirectory => typeof(NewVisibleDatesTests).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().First(a => a.Key == "RulesDirectory").Value!;

    [Fact]
    public void The_drafts_junk_never_hides_a_caption()
    {
        // The RT Arabic sample: the generic extractor lifts the photo's caption (.media__footer) out of
        // its text; a junk entry for it would leave the draft's captions empty.
        const string url = "https://arabic.rt.com/world/1355930-lavrov-mali/";
        var page = Path.Combine(RulesDirectory, "arabic.rt.com", "samples", "lavrov-mali.html");
        var (exit, output, error) = Run("new", page, "--url", url, "--rules", Rules);
        Assert.True(exit == 0, error + output);

        var rulePath = Path.Combine(Rules, "arabic.rt.com", "arabic.rt.com.yaml");
        var yaml = File.ReadAllText(rulePath);
        Assert.DoesNotContain("media__footer", yaml, StringComparison.Ordinal);
        var article = RuleLoader.LoadFile(rulePath).Extract(File.ReadAllText(page), url);
        Assert.Contains(article.Body, b => b.Kind == BlockKind.Caption && b.Text.Contains("لافروف", StringComparison.Ordinal));

        // No junk entry removes only what an earlier one removes.
        var junk = yaml.Split('\n').Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).ToList();
        Assert.Equal(junk.Count, junk.Distinct(StringComparer.Ordinal).Count());
    }
}
