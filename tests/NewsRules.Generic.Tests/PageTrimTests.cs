using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using NewsRules.Html;

namespace NewsRules.Generic.Tests;

/// <summary>
/// The pre-pass that drops script code, style rules and comments before the generic extractor
/// parses a page (<see cref="PageTrim"/>): on tricky markup, on random mixes of it and on every
/// page of the corpus, the trimmed page must parse to the same tree as the page itself, but for
/// the text of the scripts and styles it emptied.
/// </summary>
public sealed class PageTrimTests
{
    public static TheoryData<string> Tricky => new()
    {
        // End tags spelt in JavaScript strings, upper case, with attributes, with '>' in quotes.
        "<p>a</p><script>var s = '</scr' + 'ipt>'; if (a < b) x();</script><p>b</p>",
        "<p>a</p><SCRIPT>x = 1</SCRIPT ><p>b</p>",
        "<p>a</p><script>x = '</scripts>'; y = '</script'</script\t><p>b</p>",
        "<div title=\"a > b\" data-x='<script>'>t<script data-a=\">\">alert('<p>')</script>u</div>",
        "<div class=a>b>c<script src=x.js></script></div>",
        "<div a= =\"x>y\"<p>q</div>",
        "<div a=\"x\"b='y'/><script>1</script><p>z</p>",
        // JSON-LD is kept, whatever the case of its type.
        "<script type=\"application/ld+json\">{\"headline\": \"</p><p>\"}</script><p>x</p>",
        "<script TYPE='Application/LD+JSON'>{\"a\":1}</script><p>x</p>",
        "<script type=application&#x2f;ld+json>{\"a\":1}</script>",
        // Comments: inside scripts, holding tags, abrupt and bang endings, never closed.
        "<script><!-- document.write('<script>x</script>'); --></script><p>after</p></script><p>late</p>",
        "<script><!-- var a = 1; //--></script><p>b</p>",
        "<p>a<!-- <script>x</script> -->b</p><script>y</script>",
        "<p>a<!-->b<!--->c<!-- d --!>e<!-- f --->g</p>",
        "<p>a<!--!>b--></p><script>z</script>",
        "<p>a</p><!-- never closed <script>x</script>",
        // Raw text and RCDATA that hold tags.
        "<textarea><script>x</script></textarea><p>a</p><script>y</script>",
        "<title>a <script> b</title><style>p { color: red } /* </p> */</style><p>c</p>",
        "<xmp><style></xmp><p>a</p><style>b{}</style>",
        "<iframe><!--</iframe><script>x</script>--></iframe>",
        "<noscript><script>x</script><style>y{}</style><p>n</p></noscript>",
        "<noframes></noframes><noembed><script></noembed><p>a</p>",
        // Cut off by the end of the page.
        "<p>a</p><script>var x = '<p>'",
        "<p>a</p><style>p{}",
        "<p>a</p><div class=\"x",
        "<p>a</p><script",
        // SVG and MathML: script and style are elements there, CDATA is CDATA, HTML breaks out.
        "<svg><style>.a{fill:red}</style><path d='M0 0'/><title>Logo</title></svg><script>x</script><p>a</p>",
        "<svg><script>if (a < b) {}</script></svg><script>y</script><p>b</p>",
        "<svg><![CDATA[ <script> ]]><g><rect/></g></svg><style>z{}</style><p>c</p>",
        "<svg><p>breaks out</p><script>q</script></svg><script>w</script>",
        "<svg><foreignObject><style>a{}</style></foreignObject></svg><style>b{}</style>",
        "<math><mi>x</mi><annotation-xml><script>1</script></annotation-xml></math><script>2</script>",
        "<svg><g></div><script>3</script></svg><script>4</script>",
        "<svg/><script>5</script><p>d</p>",
        "<svg><path></svg><script>6</script>",
        // Where start tags of raw text are ignored, and where the tokenizer never returns.
        "<select><option>a<style><b>x</b></style></select><script>7</script>",
        "<select><script>8</script></select><style>c{}</style>",
        "<frameset><script>9</script></frameset>",
        "<plaintext><script>10</script>",
        "<table><style>t{}</style><tr><td><script>11</script>x</td></tr></table>",
        "<template><style>u{}</style><script>12</script></template><p>e</p>",
        // Odd tag starts.
        "<p>a < b and c <> d </ e> f </> g <?php echo 1 ?> h <!DOCTYPE x> i <![CDATA[ j ]]> k</p><script>l</script>",
        "<div\n\tclass=\"a\"\r\n>text<script\r\ntype=\"text/javascript\"\r\n>m</script\r\n></div>",
    };

    [Theory]
    [MemberData(nameof(Tricky))]
    public void Tricky_markup_parses_to_the_same_tree(string body)
    {
        var html = Page.Html("<script>var head = '<div>';</script><style>h1{}</style>", body);

        AssertSameTree(HtmlDocuments.Parse(html), GenericExtractor.Parse(html), body);
        // White space before the doctype changes nothing, and moves the markup past the prefix the bytes keep.
        var bytes = Encoding.UTF8.GetBytes(new string(' ', PageTrim.BytePrefix) + html);
        AssertSameTree(HtmlDocuments.Parse(new MemoryStream(bytes)), GenericExtractor.Parse(new MemoryStream(bytes)), body);
    }

    [Fact]
    public void Script_code_style_rules_and_comments_are_dropped_and_json_ld_is_kept()
    {
        var html = "<html><head><script type=\"application/ld+json\">{\"headline\":\"H\"}</script>"
            + "<script>var a = '</scr' + 'ipt>';</script><STYLE media=\"x>y\">p{}</STYLE><!-- c --></head>"
            + "<body><p>a</p><script type=\"module\">import x</script><p>b</p></body></html>";

        Assert.Equal(
            "<html><head><script type=\"application/ld+json\">{\"headline\":\"H\"}</script>"
            + "<script></script><STYLE media=\"x>y\"></STYLE><!----></head>"
            + "<body><p>a</p><script type=\"module\"></script><p>b</p></body></html>",
            PageTrim.Apply(html));
    }

    [Theory]
    [InlineData("<p>a</p><script><!-- x = '<script>'; --></script><script>y</script>")]
    [InlineData("<svg><p>x</p></svg><script>y</script>")]
    [InlineData("<select><style>a</style></select><script>y</script>")]
    [InlineData("<frameset></frameset><script>y</script>")]
    [InlineData("<p>a</p><script>never closed")]
    public void Leaves_the_rest_of_the_page_alone_where_it_cannot_follow_the_tokenizer(string html)
    {
        Assert.Same(html, PageTrim.Apply(html));
    }

    [Fact]
    public void Bytes_keep_their_first_kilobyte_for_the_charset_prescan()
    {
        var script = "<script>" + new string('x', 2000) + "</script>";
        var html = "<html><head>" + script + "<meta charset=\"windows-1252\"><title>caf\u00e9</title></head><body>" + script + "<p>caf\u00e9</p></body></html>";
        var bytes = Encoding.Latin1.GetBytes(html);

        var trimmed = PageTrim.Apply(bytes);

        Assert.Equal(bytes.Length - 2000, trimmed.Length);
        var document = GenericExtractor.Parse(new MemoryStream(bytes));
        Assert.Equal("caf\u00e9", document.Title);
        Assert.Equal("caf\u00e9", document.QuerySelector("p")!.TextContent);
        AssertSameTree(HtmlDocuments.Parse(new MemoryStream(bytes)), document, "windows-1252 page");
    }

    [Fact]
    public void Random_mixes_of_tricky_markup_parse_to_the_same_tree()
    {
        string[] pieces =
        {
            "<script>", "</script>", "</SCRIPT >", "<script type=\"application/ld+json\">", "<style>", "</style>",
            "<!--", "-->", "--!>", "<!-->", "<svg>", "</svg>", "<math>", "</math>", "<![CDATA[", "]]>", "<p>",
            "</p>", "<div class=\"a>b\">", "</div>", "<textarea>", "</textarea>", "<title>", "</title>", "<select>",
            "</select>", "<noscript>", "</noscript>", "<iframe>", "</iframe>", "<table>", "<td>", "text", " < ",
            "'", "\"", "=", ">", "<b>", "<path d='1'/>", "<foreignObject>", "<template>", "</template>", "<xmp>",
            "</xmp>", "<a href=x>", "</a>", "<?x>", "</ x>", "<!x>",
        };
        var random = new Random(9);
        for (var round = 0; round < 3000; round++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 24);
            for (var k = 0; k < count; k++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            var html = builder.ToString();
            AssertSameTree(HtmlDocuments.Parse(html), GenericExtractor.Parse(html), html);
        }
    }

    [CorpusTheory("trafilatura-eval")]
    [InlineData("trafilatura-eval", 0.7)]
    [InlineData("mercury-dev", 1.0)]
    public void Every_corpus_page_parses_to_the_same_tree(string corpus, double share)
    {
        var folder = Corpus.Path(corpus);
        var pages = 0;
        long before = 0, after = 0;
        foreach (var line in File.ReadLines(Path.Combine(folder, "cases.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var path = Path.Combine(folder, json.RootElement.GetProperty("page").GetString()!);
            if (!File.Exists(path))
            {
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            var original = HtmlDocuments.Parse(new MemoryStream(bytes));
            AssertSameTree(original, GenericExtractor.Parse(new MemoryStream(bytes)), path);

            var text = original.DocumentElement.OuterHtml;
            AssertSameTree(HtmlDocuments.Parse(text), GenericExtractor.Parse(text), path + " (as text)");
            before += bytes.Length;
            after += PageTrim.Apply(bytes).Length;
            pages++;
        }

        Assert.True(pages > 50, $"only {pages} pages read");
        // The pre-pass pays only if it drops a good part of the pages (mercury-dev's pages were saved without most scripts).
        Assert.True(after <= before * share, $"{after:N0} of {before:N0} bytes left");
    }

    /// <summary>
    /// The same nodes, names, attributes and texts (adjacent texts joined, as a dropped comment
    /// may join them), but for the content of scripts the trim empties and of styles.
    /// </summary>
    private static void AssertSameTree(IDocument expected, IDocument actual, string what)
    {
        var left = new StringBuilder();
        var right = new StringBuilder();
        Describe(expected, left);
        Describe(actual, right);
        if (left.ToString() != right.ToString())
        {
            var a = left.ToString();
            var b = right.ToString();
            var at = 0;
            while (at < a.Length && at < b.Length && a[at] == b[at])
            {
                at++;
            }

            var from = Math.Max(0, at - 200);
            Assert.Fail($"Different trees for {what} at {at}:\n  parsed:  …{a.Substring(from, Math.Min(400, a.Length - from))}\n  trimmed: …{b.Substring(from, Math.Min(400, b.Length - from))}");
        }
    }

    private static void Describe(INode node, StringBuilder into)
    {
        var stack = new Stack<(INode Node, bool Close)>();
        stack.Push((node, false));
        while (stack.Count > 0)
        {
            var (current, close) = stack.Pop();
            if (close)
            {
                into.Append("</").Append(current.NodeName).Append('>');
                continue;
            }

            if (current is IElement element)
            {
                into.Append('<').Append(element.NamespaceUri).Append(':').Append(element.NodeName);
                foreach (var attribute in element.Attributes)
                {
                    into.Append(' ').Append(attribute.Name).Append("=\"").Append(attribute.Value).Append('"');
                }

                into.Append('>');
                var type = element.GetAttribute("type") ?? string.Empty;
                if ((element.LocalName is "script" or "style") && element.NamespaceUri == "http://www.w3.org/1999/xhtml"
                    && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
                {
                    into.Append("</").Append(element.NodeName).Append('>');
                    continue;
                }
            }
            else if (current is IText)
            {
                into.Append(current.TextContent);
                continue;
            }
            else if (current is IDocumentType doctype)
            {
                into.Append("<!").Append(doctype.Name).Append('>');
                continue;
            }
            else if (current is IComment)
            {
                continue;
            }

            stack.Push((current, true));
            for (var k = current.ChildNodes.Length - 1; k >= 0; k--)
            {
                stack.Push((current.ChildNodes[k], false));
            }
        }
    }
}
