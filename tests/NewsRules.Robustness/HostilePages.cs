using System.Text;

namespace NewsRules.Robustness;

/// <summary>A hostile page: what it is called, its bytes, and the address to extract it as.</summary>
public sealed record HostilePage(string Name, byte[] Bytes, Uri Url, bool Huge = false)
{
    public override string ToString() => Name;
}

/// <summary>
/// The hostile-page matrix of issue 6, built in memory (nothing of a real page is stored):
/// malformed markup, pathological sizes and depths, broken bytes and encodings. Each is
/// extracted as an arabic.rt.com page, so one shipped rule's selectors really match in it.
/// </summary>
public static class HostilePages
{
    public static readonly Uri RtUrl = new("https://arabic.rt.com/world/1355930-hostile/");

    /// <summary>An Arabic headline, to check that decoding got it right.</summary>
    public const string ArabicTitle = "لافروف: روسيا ستدعم مالي";

    private const string ArticleStart = "<div class=\"article\"><h1 class=\"heading\">Headline</h1><div class=\"text\">";
    private const string ArticleEnd = "</div></div>";

    private static readonly Lazy<IReadOnlyList<HostilePage>> Small = new(BuildSmall);

    /// <summary>Every page of the matrix except the 50 MB one.</summary>
    public static IReadOnlyList<HostilePage> All => Small.Value;

    public static IEnumerable<object[]> Names => All.Select(p => new object[] { p.Name });

    public static HostilePage Get(string name) => All.Single(p => p.Name == name);

    private static IReadOnlyList<HostilePage> BuildSmall() => new[]
    {
        Utf8("unclosed-tags", "<html><head><title>T</head><body>" + "<div class=\"article\"><h1 class=\"heading\">Title<p>one<p>two<div><span><b>bold<i>italic<ul><li>a<li>b<table><tr><td>cell"),
        Utf8("misnested-tags", "<html><body>" + ArticleStart + "<b><i>x</b>y</i><p><table><tr><td>a</p></td><div>b</table><a href=x><a href=y>z</a></b></i></form></p></p><p>after</div></span>end" + ArticleEnd),
        Utf8("nesting-100000-div", "<html><body>" + ArticleStart + Repeat("<div>", 100_000) + "deep text" + Repeat("</div>", 100_000) + "<p>after the nest</p>" + ArticleEnd),
        Utf8("nesting-100000-unclosed-mixed", "<html><body>" + ArticleStart + Repeat("<div><span><b><ul><li><table><tr><td><blockquote><section>", 10_000) + "deep text"),
        Utf8("nesting-100000-inline", "<html><body>" + ArticleStart + Repeat("<span><em><font>", 33_334) + "deep text"),
        Utf8("text-node-10mb", "<html><body>" + ArticleStart + "<p>" + Repeat("word ", 2_000_000) + "</p>" + ArticleEnd),
        new HostilePage("binary-bytes", RandomBytes(1 << 20, seed: 6), RtUrl),
        new HostilePage("binary-bytes-in-markup", Concat(Encoding.UTF8.GetBytes("<html><body>" + ArticleStart + "<p>"), RandomBytes(256 << 10, seed: 7), Encoding.UTF8.GetBytes("</p>" + ArticleEnd)), RtUrl),
        new HostilePage("empty-file", Array.Empty<byte>(), RtUrl),
        new HostilePage("bom-with-wrong-meta-charset", Concat(new byte[] { 0xEF, 0xBB, 0xBF }, Encoding.UTF8.GetBytes("<html><head><meta charset=\"windows-1256\"><title>x</title></head><body>" + ArticleStart.Replace("Headline", ArabicTitle, StringComparison.Ordinal) + "<p>نص</p>" + ArticleEnd)), RtUrl),
        new HostilePage("windows-1256-declared", Windows1256("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body>" + ArticleStart.Replace("Headline", ArabicTitle, StringComparison.Ordinal) + "<p>نص المقال</p>" + ArticleEnd), RtUrl),
        new HostilePage("windows-1256-undeclared", Windows1256("<html><body>" + ArticleStart.Replace("Headline", ArabicTitle, StringComparison.Ordinal) + "<p>نص المقال</p>" + ArticleEnd), RtUrl),
        new HostilePage("nul-and-lone-surrogates", Concat(
            Encoding.UTF8.GetBytes("<html><body>" + ArticleStart + "<p>nul"),
            new byte[] { 0x00, 0x00 },
            Encoding.UTF8.GetBytes("here</p><p>lone surrogate"),
            new byte[] { 0xED, 0xA0, 0x80, 0xED, 0xBF, 0xBF },
            Encoding.UTF8.GetBytes("<span title=\""),
            new byte[] { 0xED, 0xA0, 0x80, 0x00 },
            Encoding.UTF8.GetBytes("\">x</span></p>" + ArticleEnd)), RtUrl),
        Utf8("comment-never-ends", "<html><body>" + ArticleStart + "<p>before</p><!-- this comment never ends <p>hidden</p>" + Repeat("<div>", 1000)),
        Utf8("cdata-never-ends", "<html><body>" + ArticleStart + "<p>before</p><svg><![CDATA[ never ends <p>x</p>" + Repeat("]]", 1000)),
        Utf8("cdata-in-html-never-ends", "<html><body>" + ArticleStart + "<p>before</p><![CDATA[ never ends <p>x</p>"),
        Utf8("script-never-ends", "<html><body>" + ArticleStart + "<p>before</p><script>var x = '</scr' + 'ipt>'; <!-- <script>"),
        Utf8("attribute-never-ends", "<html><body>" + ArticleStart + "<p>before</p><p class=\"never ends>" + Repeat("<div>", 1000)),
        Utf8("tag-soup", "<html><body>" + ArticleStart + Repeat("<p><</p>&amp&#x110000;&#0;&#xD800;<a <b c=\"\"\"></a ><!-- -- --!><?php ?></", 2000) + ArticleEnd),
    };

    /// <summary>A 50 MB page: the article's paragraphs, many times over, in one container.</summary>
    public static HostilePage FiftyMegabytes()
    {
        var paragraph = "<p>فقرة من نص المقال مع <a href=\"/x\">رابط</a> و<b>نص عريض</b> and some English words as well.</p>\n";
        var builder = new StringBuilder(40 << 20);
        builder.Append("<html lang=\"ar\"><head><title>x</title><link rel=\"canonical\" href=\"").Append(RtUrl).Append("\"></head><body>").Append(ArticleStart);
        var count = (50 * 1024 * 1024 / Encoding.UTF8.GetByteCount(paragraph)) + 1;
        for (var i = 0; i < count; i++)
        {
            builder.Append(paragraph);
        }

        builder.Append(ArticleEnd).Append("</body></html>");
        return Utf8("page-50mb", builder.ToString(), huge: true);
    }

    public static string Repeat(string value, int count) => new StringBuilder(value.Length * count).Insert(0, value, count).ToString();

    private static HostilePage Utf8(string name, string html, bool huge = false) => new(name, Encoding.UTF8.GetBytes(html), RtUrl, huge);

    private static byte[] Windows1256(string html)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256).GetBytes(html);
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
