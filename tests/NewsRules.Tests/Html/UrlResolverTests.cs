using NewsRules.Html;

namespace NewsRules.Tests.Html;

public sealed class UrlResolverTests
{
    private static readonly Uri Page = new("https://example.com/news/story.html");

    [Theory]
    [InlineData("a.jpg 480w, b.jpg 1080w", "b.jpg")]
    [InlineData("b.jpg 1080w, a.jpg 480w", "b.jpg")]
    [InlineData("a.jpg 1x, b.jpg 3x, c.jpg 2x", "b.jpg")]
    [InlineData("only.jpg", "only.jpg")]
    [InlineData("  spaced.jpg   640w  ", "spaced.jpg")]
    [InlineData("a.jpg 1x,b.jpg 2x", "b.jpg")]
    [InlineData("a.jpg, b.jpg 2x", "b.jpg")]
    [InlineData("https://cdn.example/w_480,h_320/a.jpg 480w, https://cdn.example/w_960,h_640/a.jpg 960w", "https://cdn.example/w_960,h_640/a.jpg")]
    [InlineData("a.jpg 480w 320h, b.jpg 800w", "b.jpg")]
    [InlineData("a.jpg 100W, b.jpg 50w", "a.jpg")]
    public void Srcset_picks_the_widest_candidate(string srcset, string expected)
    {
        Assert.Equal(expected, UrlResolver.PickFromSrcset(srcset));
    }

    [Theory]
    [InlineData("/x.jpg", "https://example.com/x.jpg")]
    [InlineData("x.jpg", "https://example.com/news/x.jpg")]
    [InlineData("//cdn.example.net/x.jpg", "https://cdn.example.net/x.jpg")]
    [InlineData("http://other.example/x.jpg", "http://other.example/x.jpg")]
    public void Absolute_resolves_against_the_base(string value, string expected)
    {
        Assert.Equal(expected, UrlResolver.Absolute(Page, value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("DATA:image/png;base64,AAAA")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/x.jpg")]
    [InlineData("mailto:a@example.com")]
    public void Absolute_rejects_what_is_not_a_web_url(string value)
    {
        Assert.Null(UrlResolver.Absolute(Page, value));
    }

    [Fact]
    public void Base_of_a_page_without_base_is_the_page_url()
    {
        var document = HtmlDocuments.Parse("<html><head></head><body></body></html>");

        Assert.Equal(Page, UrlResolver.BaseOf(document, Page));
    }

    [Fact]
    public void Base_href_is_resolved_against_the_page_url()
    {
        var document = HtmlDocuments.Parse("<html><head><base href='../assets/'></head><body></body></html>");

        Assert.Equal(new Uri("https://example.com/assets/"), UrlResolver.BaseOf(document, Page));
    }

    [Fact]
    public void Non_web_base_href_is_ignored()
    {
        var document = HtmlDocuments.Parse("<html><head><base href='javascript:void(0)'></head><body></body></html>");

        Assert.Equal(Page, UrlResolver.BaseOf(document, Page));
    }

    [Theory]
    [InlineData("<head><base href='/first/'><base href='/second/'></head>")]
    [InlineData("<head><base><base href='/first/'></head>")]
    [InlineData("<head><BASE HREF='/first/'></head>")]
    [InlineData("<head><meta charset=utf-8><link rel=x href='/no/'><base href='/first/'></head>")]
    [InlineData("<head><noscript><link rel=x href='/no/'></noscript><base href='/first/'></head>")]
    [InlineData("<head></head><body><base href='/in-body/'></body>")]
    [InlineData("<head><template><base href='/in-template/'></template></head>")]
    [InlineData("<head><title>t</title></head><body><svg><base href='/svg/'></base></svg></body>")]
    public void Base_is_the_one_QuerySelector_finds_in_the_head(string html)
    {
        var document = HtmlDocuments.Parse("<!DOCTYPE html><html>" + html + "</html>");
        var href = document.Head?.QuerySelector("base[href]")?.GetAttribute("href");
        var expected = href is null ? Page : new Uri(Page, href);

        Assert.Equal(expected, UrlResolver.BaseOf(document, Page));
    }
}
