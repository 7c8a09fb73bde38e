using NewsRules.Tests.Support;

namespace NewsRules.Tests.Engine;

/// <summary>URLs read by fields are made absolute, against the page URL or the page's base.</summary>
public sealed class UrlFieldTests
{
    private static Article Run(string extraYaml, string head, string bodyHtml = "", string url = InlineRule.PageUrl) =>
        InlineRule.Extract(
            InlineRule.Yaml(extra: extraYaml),
            $"<html><head>{head}</head><body><h1>H</h1>{bodyHtml}<div class=story><p>Body.</p></div></body></html>",
            url);

    [Theory]
    [InlineData("/media/a.jpg", "https://example.com/media/a.jpg")]
    [InlineData("a.jpg", "https://example.com/news/2024/a.jpg")]
    [InlineData("../a.jpg", "https://example.com/news/a.jpg")]
    [InlineData("//cdn.example.net/a.jpg", "https://cdn.example.net/a.jpg")]
    [InlineData("https://cdn.example.net/a.jpg", "https://cdn.example.net/a.jpg")]
    [InlineData("  /media/a b.jpg ", "https://example.com/media/a%20b.jpg")]
    public void Image_is_made_absolute_against_the_page_url(string src, string expected)
    {
        var article = Run("image: 'meta[property=\"og:image\"]@content'", $"<meta property=og:image content='{src}'>");

        Assert.Equal(expected, article.Image);
    }

    [Fact]
    public void Image_is_made_absolute_against_base_href()
    {
        var article = Run("image: 'meta[property=\"og:image\"]@content'", "<base href='https://static.example.org/assets/'><meta property=og:image content='img/a.jpg'>");

        Assert.Equal("https://static.example.org/assets/img/a.jpg", article.Image);
    }

    [Fact]
    public void Relative_base_href_is_resolved_against_the_page_url()
    {
        var article = Run("image: 'meta[property=\"og:image\"]@content'", "<base href='/static/'><meta property=og:image content='a.jpg'>");

        Assert.Equal("https://example.com/static/a.jpg", article.Image);
    }

    [Fact]
    public void Image_read_from_an_img_src_in_the_body_is_absolute()
    {
        var article = Run("image: '.story img@src'", string.Empty, "<div class=story><img src='/lead.jpg'></div>");

        Assert.Equal("https://example.com/lead.jpg", article.Image);
    }

    [Fact]
    public void Image_read_as_element_text_is_still_made_absolute()
    {
        var article = Run("image: '.image-url'", string.Empty, "<span class=image-url> /from-text.jpg </span>");

        Assert.Equal("https://example.com/from-text.jpg", article.Image);
    }

    [Fact]
    public void Srcset_picks_the_widest_candidate()
    {
        var article = Run("image: 'img.lead@srcset'", string.Empty, "<img class=lead srcset='/s.jpg 480w, /xl.jpg 1920w, /m.jpg 1080w'>");

        Assert.Equal("https://example.com/xl.jpg", article.Image);
    }

    [Fact]
    public void Srcset_with_density_descriptors_picks_the_highest()
    {
        var article = Run("image: 'img.lead@srcset'", string.Empty, "<img class=lead srcset='/a.jpg, /b.jpg 2x, /c.jpg 1.5x'>");

        Assert.Equal("https://example.com/b.jpg", article.Image);
    }

    [Fact]
    public void Srcset_urls_with_commas_are_kept_whole()
    {
        // Image CDNs put commas in paths (Cloudinary "w_480,c_fill"); a candidate ends at whitespace.
        var article = Run(
            "image: 'img.lead@srcset'",
            string.Empty,
            "<img class=lead srcset='https://res.example.net/w_480,c_fill/a.jpg 480w, https://res.example.net/w_1200,c_fill/a.jpg 1200w'>");

        Assert.Equal("https://res.example.net/w_1200,c_fill/a.jpg", article.Image);
    }

    [Fact]
    public void Data_image_urls_are_rejected_and_the_next_match_is_used()
    {
        var article = Run(
            "image: '.story img@src'",
            string.Empty,
            "<div class=story><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><img src='/real.jpg'></div>");

        Assert.Equal("https://example.com/real.jpg", article.Image);
    }

    [Fact]
    public void Only_data_url_leaves_image_null_with_a_warning()
    {
        var article = Run("image: '.story img@src'", string.Empty, "<div class=story><img src='data:image/png;base64,iVBORw0KGgo='></div>");

        Assert.Null(article.Image);
        Assert.Contains(article.Warnings, w => w.StartsWith("image:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("javascript:void(0)")]
    [InlineData("mailto:desk@example.com")]
    public void Non_web_urls_are_rejected(string src)
    {
        var article = Run("image: 'meta[property=\"og:image\"]@content'", $"<meta property=og:image content='{src}'>");

        Assert.Null(article.Image);
    }

    [Theory]
    [InlineData("a.more@href", "<a class=more href='../next.html'>Next</a>", "https://example.com/news/next.html")]
    [InlineData("video@src", "<video src='/v.mp4'></video>", "https://example.com/v.mp4")]
    [InlineData("img@data-src", "<img data-src='/lazy.jpg'>", "https://example.com/lazy.jpg")]
    public void Custom_fields_reading_url_attributes_are_made_absolute(string selector, string html, string expected)
    {
        var article = Run($"fields:\n  Link: '{selector}'", string.Empty, html);

        Assert.Equal(expected, article.Fields["Link"]);
    }

    [Fact]
    public void Many_field_of_hrefs_is_a_list_of_absolute_urls()
    {
        var article = Run("fields:\n  Links: { select: '.related a@href', many: true }", "<base href='https://example.com/base/'>", "<div class=related><a href='one'>1</a><a href='/two'>2</a></div>");

        Assert.Equal(["https://example.com/base/one", "https://example.com/two"], Assert.IsAssignableFrom<IReadOnlyList<string>>(article.Fields["Links"]));
    }

    [Fact]
    public void Non_url_attributes_are_left_as_written()
    {
        var article = Run("fields:\n  Id: 'article@data-id'", string.Empty, "<article data-id='/not/a/url'></article>");

        Assert.Equal("/not/a/url", article.Fields["Id"]);
    }
}
