using AngleSharp.Dom;

namespace NewsRules.Cli.Scaffold;

/// <summary>The lead image: og:image, else twitter:image, else <c>link rel=image_src</c>.</summary>
internal static class ImageFinder
{
    public static FieldGuess? Find(IDocument document)
    {
        if (MetaTags.Find(document, "og:image", "og:image:url", "og:image:secure_url") is { } og)
        {
            var twitter = MetaTags.Find(document, "twitter:image", "twitter:image:src");
            return FieldGuess.Of("image", twitter is null ? new[] { og.Selector } : new[] { og.Selector, twitter.Selector }, 0.9, "og:image");
        }

        if (MetaTags.Find(document, "twitter:image", "twitter:image:src") is { } card)
        {
            return FieldGuess.Of("image", new[] { card.Selector }, 0.7, "twitter:image (no og:image)");
        }

        if (SelectorNaming.First(document, "link[rel~=\"image_src\"][href]") is not null)
        {
            return FieldGuess.Of("image", new[] { "link[rel~=\"image_src\"]@href" }, 0.6, "link rel=image_src (no og:image)");
        }

        return null;
    }
}
