using System.Reflection;
using NewsRules;
using NewsRules.Catalog;

namespace NewsRules.Rules.Tests;

/// <summary>
/// Field-by-field expectations for the sample pages under rules/*/samples, written by hand
/// (the snapshot test pins the same pages as JSON; this one says in code what each rule must
/// produce and what it must leave out).
/// </summary>
public sealed class SamplePageTests
{
    private const string RtUrl = "https://arabic.rt.com/world/1355930-لافروف-روسيا-ستدعم-مالي-في-حربها-ضد-الإرهاب/";
    private const string ApUrl = "https://apnews.com/article/vermont-covered-bridge-reopens-flood-repair-4b7e9c2d1a6f3e8b5c0d9a7f2e1b4c6d";
    private const string AlMasryUrl = "https://www.almasryalyoum.com/news/details/3152741";

    private static string RulesDirectory =>
        typeof(SamplePageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RulesDirectory").Value
        ?? throw new InvalidOperationException("The RulesDirectory assembly metadata has no value.");

    private static string ReadSample(string domain, string file) =>
        File.ReadAllText(Path.Combine(RulesDirectory, domain, "samples", file));

    // ---------------------------------------------------------------- arabic.rt.com

    private const string RtTitle = "لافروف: روسيا ستدعم مالي في حربها ضد الإرهاب";
    private const string RtLead = "صرح وزير الخارجية الروسي، سيرغي لافروف، بأن روسيا سوف تواصل دعم مالي في حربها ضد الإرهاب.";
    private const string RtCaption = "وزير الخارجية الروسي سيرغي لافروف (صورة أرشيفية) / MFA Russia / Globallookpress";

    private static readonly string[] RtParagraphs =
    [
        "جاء ذلك في بداية اجتماع لافروف بوزير خارجية مالي، عبد الله ديوب، حيث قال: \"من المهم للغاية بالنسبة لنا أن نستمع إلى تقييماتك الجديدة للوضع المتطور في بلدكم، وحول جهود حكومتكم في تطبيع الوضع، بما في ذلك ما يتعلق بالقضاء على التهديدات الإرهابية. وسوف نواصل كافة الدعم الممكن لكم\".",
        "وتابع لافروف: \"إن إفريقيا هي صديقتنا القديمة، ونحن معنيون بالمساعدة في حل الأزمات التي تواجهها القارة، والتي لا زالت قائمة مع الأسف، في أقرب وقت ممكن. وروسيا، بصفتها عضوا في مجلس الأمن التابع لهيئة الأمم المتحدة، وكذلك على المستوى الثنائي، سوف تستمر في تقديم الدعم والمساعدة\".",
        "تأتي هذه الزيارة في توقيت دقيق على خلفية محاولة انقلاب في مالي ليلة 11-12 مايو، حيث صرحت وزارة الإدارة الإقليمية واللامركزية بقيام الجيش، بدعم من \"دولة غربية\" بمحاولة للانقلاب، إلا أن قوات الدفاع والأمن في البلاد تمكنت من إفشال هذه المحاولة.",
    ];

    private static RtArabicArticle ExtractRt() =>
        Sites.RtArabic.Extract(ReadSample("arabic.rt.com", "lavrov-mali.html"), RtUrl);

    [Fact]
    public void RtArabic_metadata()
    {
        RtArabicArticle a = ExtractRt();

        Assert.Equal("RtArabic", a.Site);
        Assert.Equal(new Uri(RtUrl), new Uri(a.Url));
        Assert.Equal(RtTitle, a.Title);
        Assert.Equal(RtLead, a.Lead);
        Assert.Empty(a.Authors);
        Assert.Equal(new DateTimeOffset(2022, 5, 20, 13, 16, 0, TimeSpan.FromHours(3)), a.Published);
        Assert.Equal(new DateTime(2022, 5, 20, 10, 16, 0, DateTimeKind.Utc), a.Published?.UtcDateTime);
        Assert.Equal(TimeSpan.FromHours(3), a.Published?.Offset);
        Assert.Equal("https://mf.b37mrtl.ru/media/pics/2022.05/original/6287a2e54236045a7e1b8c4d.jpg", a.Image);
        Assert.Equal("ar", a.Language);
        Assert.Equal([RtCaption], a.Captions);
        Assert.Empty(a.Warnings);
    }

    [Fact]
    public void RtArabic_body_is_the_three_paragraphs()
    {
        RtArabicArticle a = ExtractRt();

        // The cover figure stands before the `.text` container, outside the body, so the body
        // holds no caption block; its caption is still listed in Captions. The ad slot and the
        // scripts between the paragraphs are gone, and so is the "المصدر: نوفوستي" line,
        // which the Source field reads.
        Assert.Equal(
            RtParagraphs.Select(p => (BlockKind.Paragraph, p)).ToArray(),
            a.Body.Select(b => (b.Kind, b.Text)).ToArray());
        Assert.Equal(string.Join("\n\n", RtParagraphs), a.Text);
    }

    [Fact]
    public void RtArabic_source_field()
    {
        RtArabicArticle a = ExtractRt();

        Assert.Equal("نوفوستي", a.Source);
        KeyValuePair<string, object?> field = Assert.Single(a.Fields);
        Assert.Equal("Source", field.Key);
        Assert.Equal("نوفوستي", field.Value);
    }

    [Theory]
    [InlineData("مباشر")]
    [InlineData("أين يمكنك متابعتنا")]
    [InlineData("أقسام مهمة")]
    [InlineData("الشرق الأوسط")]
    [InlineData("Stories")]
    [InlineData("46 خبر")]
    [InlineData("سوريا بعد الأسد")]
    [InlineData("فيديوهات")]
    [InlineData("خارج الملعب")]
    [InlineData("غزة والضفة تحت النيران الإسرائيلية")]
    [InlineData("انتخاب جوزيف عون")]
    [InlineData("بلومبيرغ")]
    [InlineData("20.05.2022")]
    [InlineData("التعليقات")]
    [InlineData("محمد بن سلمان")]
    [InlineData("الجيش الإسرائيلي يعلن")]
    [InlineData("تقرير عبري")]
    [InlineData("وزير الدفاع السوري")]
    [InlineData("إعلان")]
    [InlineData("adfox")]
    [InlineData("yaContextCb")]
    [InlineData("تابعوا RT")]
    [InlineData("شارك")]
    [InlineData("فيسبوك")]
    [InlineData("واتساب")]
    [InlineData("جميع الحقوق محفوظة")]
    public void RtArabic_junk_appears_nowhere(string junk) => AssertNowhere(ExtractRt(), junk);

    [Theory]
    [InlineData(RtTitle)]
    [InlineData(RtLead)]
    [InlineData("صورة أرشيفية")]
    [InlineData("Globallookpress")]
    [InlineData("المصدر")]
    [InlineData("نوفوستي")]
    public void RtArabic_metadata_is_not_repeated_in_the_body(string text) => AssertNotInBody(ExtractRt(), text);

    // ---------------------------------------------------------------- apnews.com

    private const string ApCaptionLead = "Residents walk across the reopened Whitcomb Bridge in Alder Falls, Vt., Tuesday, May 21, 2024. (AP Photo/Daniel Reyes)";
    private const string ApCaptionTruss = "Workers lower a replacement truss section onto the Whitcomb Bridge in Alder Falls, Vt., on March 12, 2024. (AP Photo/Daniel Reyes)";
    private const string ApCaptionRiver = "The rebuilt Whitcomb Bridge spans the Alder River in Alder Falls, Vt., on Tuesday, May 21, 2024. (AP Photo/Daniel Reyes)";

    private static readonly (BlockKind Kind, string Text)[] ApBody =
    [
        (BlockKind.Paragraph, "ALDER FALLS, Vt. (AP) — A 19th-century covered bridge that was knocked off its abutments by floodwaters last July reopened to traffic Tuesday, ending a 10-month detour that added as much as 20 minutes to some residents’ trips to school and work."),
        (BlockKind.Paragraph, "Crews spent the winter lifting the 112-foot Whitcomb Bridge back onto rebuilt stone abutments and replacing about a third of its timber trusses, town officials said. The work cost about $2.4 million, most of it covered by federal disaster aid."),
        (BlockKind.Caption, ApCaptionTruss),
        (BlockKind.Paragraph, "About 150 people gathered on the riverbank for a ribbon cutting, and the first vehicle across was the town’s school bus, which had been rerouted through a neighboring town since the flood."),
        (BlockKind.Quote, "“We measured every trip in detours for almost a year. This morning the bus driver honked the whole way across,” said Ellen Pratt, who chairs the town’s select board."),
        (BlockKind.Heading, "Original timbers reused"),
        (BlockKind.Paragraph, "Engineers said they were able to save most of the original spruce beams by drying them over the winter in a heated barn. New pieces were cut from trees harvested in the same county."),
        (BlockKind.Paragraph, "The restoration included:"),
        (BlockKind.ListItem, "Rebuilt granite abutments set 3 feet higher than before"),
        (BlockKind.ListItem, "A new steel-reinforced deck rated for emergency vehicles"),
        (BlockKind.ListItem, "Fire-retardant treatment for the roof and trusses"),
        (BlockKind.Caption, ApCaptionRiver),
        (BlockKind.Paragraph, "Vermont has more than 100 covered bridges, according to the state’s transportation agency, and several others damaged in last summer’s flooding are still awaiting repairs."),
    ];

    private static ApNewsArticle ExtractAp() =>
        Sites.ApNews.Extract(ReadSample("apnews.com", "covered-bridge.html"), ApUrl);

    [Fact]
    public void ApNews_metadata()
    {
        ApNewsArticle a = ExtractAp();

        Assert.Equal("ApNews", a.Site);
        Assert.Equal(new Uri(ApUrl), new Uri(a.Url));
        Assert.Equal("Vermont town reopens covered bridge rebuilt after flood damage", a.Title);
        Assert.Equal("A 19th-century covered bridge that was knocked off its abutments by floodwaters last July reopened to traffic Tuesday in a small Vermont town.", a.Lead);
        // The byline reads "By Jane Holloway"; the leading "By " is stripped.
        Assert.Equal(["Jane Holloway"], a.Authors);
        Assert.Equal("https://assets.apnews.com/5c/81/3e9a7d2b4f6c1e8a0b5d9f3c7a2e/covered-bridge-reopens.jpg", a.Image);
        Assert.Equal("en", a.Language);
        Assert.Equal([ApCaptionLead, ApCaptionTruss, ApCaptionRiver], a.Captions);
        Assert.Empty(a.Fields);
        Assert.Empty(a.Warnings);
    }

    [Fact]
    public void ApNews_published_is_read_from_the_date_in_words()
    {
        ApNewsArticle a = ExtractAp();

        // "Published 3:41 PM EDT, May 21, 2024" is New York daylight time (UTC-4). The page's
        // article:published_time meta says 19:41:08Z; the rule does not read it, so the
        // seconds are zero.
        Assert.Equal(new DateTimeOffset(2024, 5, 21, 15, 41, 0, TimeSpan.FromHours(-4)), a.Published);
        Assert.Equal(new DateTime(2024, 5, 21, 19, 41, 0, DateTimeKind.Utc), a.Published?.UtcDateTime);
        Assert.Equal(TimeSpan.FromHours(-4), a.Published?.Offset);
    }

    [Fact]
    public void ApNews_body_keeps_every_block_kind_in_order()
    {
        ApNewsArticle a = ExtractAp();

        Assert.Equal(ApBody, a.Body.Select(b => (b.Kind, b.Text)).ToArray());
        Assert.Equal(
            string.Join("\n\n", ApBody.Where(b => b.Kind != BlockKind.Caption).Select(b => b.Text)),
            a.Text);
    }

    [Theory]
    [InlineData("Politics")]
    [InlineData("Entertainment")]
    [InlineData("Newsletters")]
    [InlineData("Sign in")]
    [InlineData("U.S. News")]
    [InlineData("Share")]
    [InlineData("Copy Link")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("apAds")]
    [InlineData("Related")]
    [InlineData("Read more")]
    [InlineData("Vermont towns still rebuilding roads")]
    [InlineData("Why New England keeps restoring")]
    [InlineData("Morning Wire")]
    [InlineData("Sign up")]
    [InlineData("Most read")]
    [InlineData("Farmers watch the sky")]
    [InlineData("Libraries report record")]
    [InlineData("independent global news organization")]
    [InlineData("All Rights Reserved")]
    public void ApNews_junk_appears_nowhere(string junk) => AssertNowhere(ExtractAp(), junk);

    [Theory]
    [InlineData("By Jane Holloway")]
    [InlineData("Published 3:41 PM")]
    [InlineData("Vermont town reopens covered bridge rebuilt after flood damage")]
    [InlineData("Residents walk across the reopened")]
    public void ApNews_metadata_is_not_repeated_in_the_body(string text) => AssertNotInBody(ExtractAp(), text);

    // ---------------------------------------------------------------- almasryalyoum.com

    private const string AlMasryCaption = "مواطنون على كورنيش النيل بالقاهرة - صورة أرشيفية";

    private static readonly (BlockKind Kind, string Text)[] AlMasryBody =
    [
        (BlockKind.Paragraph, "توقعت الهيئة العامة للأرصاد الجوية أن تشهد البلاد ارتفاعًا تدريجيًا في درجات الحرارة بداية من يوم الخميس المقبل، على أن تسجل العظمى في القاهرة الكبرى 38 درجة مئوية."),
        (BlockKind.Paragraph, "وقالت الهيئة، في بيان، اليوم الثلاثاء، إن الطقس سيكون معتدلًا في الصباح الباكر، حارًا نهارًا على أغلب الأنحاء، شديد الحرارة على جنوب الصعيد، ولطيفًا ليلًا."),
        (BlockKind.Caption, AlMasryCaption),
        (BlockKind.Paragraph, "وأضافت أن الفرصة مهيأة لتكون شبورة مائية صباحًا على الطرق الزراعية والسريعة المؤدية إلى القاهرة ومدن القناة، وقد تكون كثيفة على بعض المناطق."),
        (BlockKind.Paragraph, "ونصحت الهيئة المواطنين بعدم التعرض لأشعة الشمس في أوقات الذروة، والإكثار من شرب المياه، وارتداء الملابس القطنية الخفيفة."),
        (BlockKind.Paragraph, "وتوقعت الهيئة أن تسجل العظمى في الإسكندرية 29 درجة، وفي أسوان 43 درجة، بينما تتراوح الصغرى بين 18 و27 درجة."),
    ];

    private static AlMasryAlYoumArticle ExtractAlMasry() =>
        Sites.AlMasryAlYoum.Extract(ReadSample("almasryalyoum.com", "heat-forecast.html"), AlMasryUrl);

    [Fact]
    public void AlMasryAlYoum_metadata()
    {
        AlMasryAlYoumArticle a = ExtractAlMasry();

        Assert.Equal("AlMasryAlYoum", a.Site);
        Assert.Equal(new Uri(AlMasryUrl), new Uri(a.Url));
        Assert.Equal("الأرصاد: ارتفاع تدريجي في درجات الحرارة بداية من الخميس والعظمى بالقاهرة 38", a.Title);
        // The rule declares no lead (the site prints none); an undeclared field is null
        // without a warning.
        Assert.Null(a.Lead);
        // "كتب: هالة منصور": the pattern keeps the name.
        Assert.Equal(["هالة منصور"], a.Authors);
        Assert.Equal("https://mediaaws.almasryalyoum.com/news/large/2024/05/21/2318447_0.jpg", a.Image);
        Assert.Equal("ar", a.Language);
        Assert.Equal([AlMasryCaption], a.Captions);
        Assert.Empty(a.Warnings);
    }

    [Fact]
    public void AlMasryAlYoum_published_is_read_from_the_arabic_date()
    {
        AlMasryAlYoumArticle a = ExtractAlMasry();

        // "الثلاثاء ٢١ مايو ٢٠٢٤ - ٠٣:٣٠ م" = Tuesday 21 May 2024, 3:30 PM Cairo time; Egypt
        // keeps summer time (UTC+3) from late April to late October since 2023.
        Assert.Equal(new DateTimeOffset(2024, 5, 21, 15, 30, 0, TimeSpan.FromHours(3)), a.Published);
        Assert.Equal(new DateTime(2024, 5, 21, 12, 30, 0, DateTimeKind.Utc), a.Published?.UtcDateTime);
        Assert.Equal(TimeSpan.FromHours(3), a.Published?.Offset);
    }

    [Fact]
    public void AlMasryAlYoum_body_has_the_inline_caption_in_place()
    {
        AlMasryAlYoumArticle a = ExtractAlMasry();

        Assert.Equal(AlMasryBody, a.Body.Select(b => (b.Kind, b.Text)).ToArray());
        Assert.Equal(
            string.Join("\n\n", AlMasryBody.Where(b => b.Kind != BlockKind.Caption).Select(b => b.Text)),
            a.Text);
    }

    [Fact]
    public void AlMasryAlYoum_tags_field()
    {
        AlMasryAlYoumArticle a = ExtractAlMasry();

        KeyValuePair<string, object?> field = Assert.Single(a.Fields);
        Assert.Equal("Tags", field.Key);
        IReadOnlyList<string> tags = Assert.IsAssignableFrom<IReadOnlyList<string>>(field.Value);
        Assert.Equal(["الطقس", "الأرصاد الجوية", "درجات الحرارة"], tags);
    }

    [Theory]
    [InlineData("الرئيسية")]
    [InlineData("اقتصاد")]
    [InlineData("شارك")]
    [InlineData("فيسبوك")]
    [InlineData("واتساب")]
    [InlineData("اقرأ أيض")]
    [InlineData("الأرصاد تحذر من شبورة")]
    [InlineData("موعد انتهاء الموجة الحارة")]
    [InlineData("إعلان")]
    [InlineData("googletag")]
    [InlineData("الكلمات المفتاحية")]
    [InlineData("الأكثر قراءة")]
    [InlineData("مواعيد القطارات")]
    [InlineData("أسعار الخضروات")]
    [InlineData("من نحن")]
    [InlineData("جميع الحقوق محفوظة")]
    [InlineData("كتب:")]
    [InlineData("٢٠٢٤")]
    public void AlMasryAlYoum_junk_appears_nowhere(string junk) => AssertNowhere(ExtractAlMasry(), junk);

    [Theory]
    [InlineData("هالة منصور")]
    [InlineData("الأرصاد: ارتفاع تدريجي")]
    [InlineData("الأرصاد الجوية أن تشهد البلاد ارتفاعًا تدريجيًا في درجات الحرارة بداية من يوم الخميس المقبل.")]
    public void AlMasryAlYoum_metadata_is_not_repeated_in_the_body(string text) => AssertNotInBody(ExtractAlMasry(), text);

    // ---------------------------------------------------------------- registry

    [Theory]
    [InlineData(RtUrl, "arabic.rt.com", "lavrov-mali.html", "RtArabic", typeof(RtArabicArticle))]
    [InlineData(ApUrl, "apnews.com", "covered-bridge.html", "ApNews", typeof(ApNewsArticle))]
    [InlineData("https://www.apnews.com/article/vermont-covered-bridge-reopens-flood-repair-4b7e9c2d1a6f3e8b5c0d9a7f2e1b4c6d", "apnews.com", "covered-bridge.html", "ApNews", typeof(ApNewsArticle))]
    [InlineData(AlMasryUrl, "almasryalyoum.com", "heat-forecast.html", "AlMasryAlYoum", typeof(AlMasryAlYoumArticle))]
    public void ForUrl_picks_the_site_by_host(string url, string domain, string sample, string site, Type articleType)
    {
        IArticleExtractor? extractor = Sites.ForUrl(new Uri(url));
        Assert.NotNull(extractor);

        Article? article = extractor.Extract(ReadSample(domain, sample), url);

        Assert.NotNull(article);
        Assert.IsType(articleType, article);
        Assert.Equal(site, article.Site);
        Assert.NotEmpty(article.Text);
        Assert.Empty(article.Warnings);
    }

    [Theory]
    [InlineData("https://example.org/world/1355930-test/")]
    [InlineData("https://rt.com/world/1355930-test/")]
    [InlineData("https://notapnews.com/article/vermont-covered-bridge")]
    [InlineData("https://apnews.com.example.net/article/vermont-covered-bridge")]
    [InlineData("https://almasryalyoum.org/news/details/3152741")]
    public void ForUrl_returns_null_for_an_unknown_host(string url) =>
        Assert.Null(Sites.ForUrl(new Uri(url)));

    // ---------------------------------------------------------------- helpers

    /// <summary>Junk must not surface in any output string: body, text, metadata or fields.</summary>
    private static void AssertNowhere(Article a, string junk)
    {
        AssertNotInBody(a, junk);
        Assert.DoesNotContain(junk, a.Title ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(junk, a.Lead ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Authors, s => s.Contains(junk, StringComparison.Ordinal));
        Assert.DoesNotContain(a.Captions, s => s.Contains(junk, StringComparison.Ordinal));
        foreach (KeyValuePair<string, object?> field in a.Fields)
        {
            IEnumerable<string> values = field.Value switch
            {
                string s => [s],
                IEnumerable<string> many => many,
                _ => [],
            };
            Assert.DoesNotContain(values, s => s.Contains(junk, StringComparison.Ordinal));
        }
    }

    /// <summary>The text must not appear in <see cref="Article.Text"/> nor in any body block.</summary>
    private static void AssertNotInBody(Article a, string text)
    {
        Assert.DoesNotContain(text, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Body, b => b.Text.Contains(text, StringComparison.Ordinal));
    }
}
