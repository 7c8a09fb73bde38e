using AngleSharp.Dom;
using NewsRules.Engine;
using NewsRules.Html;
using NewsRules.Text;

namespace NewsRules.Tests.Engine;

/// <summary>
/// The page walk and the body reader read an element's attributes in one pass; what they read
/// must be what AngleSharp's own accessors give (<c>Id</c>, <c>GetAttribute("class")</c>,
/// <c>HasAttribute("hidden")</c>, <c>GetAttribute("style")</c>) on every element of awkward markup.
/// </summary>
public sealed class AttributeReadingTests
{
    private const string Awkward = """
        <!DOCTYPE html>
        <html lang=ar dir=rtl><head><title>t</title><meta name=x content=y></head>
        <body>
          <div ID=Upper CLASS="A  b">upper-case names</div>
          <div id="" class="">empty values</div>
          <div id=first id=second class=one class=two>duplicates: the parser keeps the first</div>
          <p data-id=no data-class=no>look-alike names</p>
          <span class="  spaced
            classes  " id=" padded ">white space kept as written</span>
          <svg class=icon id=svg1 viewBox="0 0 1 1" xml:id=xmlid style="display:none">
            <use xlink:href="#a" class=used></use>
            <a xlink:href="#b" class=svg-link>svg link</a>
            <foreignObject><div class=inside id=fo hidden>html inside svg</div></foreignObject>
          </svg>
          <math class=m id=m1><mi class=mi>x</mi></math>
          <p hidden>hidden</p>
          <p HIDDEN=hidden>hidden, upper case</p>
          <p style="DISPLAY: NONE">style upper case</p>
          <p style="color:red" style="display:none">two styles: the first counts</p>
          <p style="visibility : hidden" hidden-not=1>visibility</p>
          <p class=x xmlns:foo="urn:foo" foo:class=no>prefixed look-alike</p>
          <template id=tpl class=tpl><p class=in-template>template</p></template>
          <p>نص عربي <b class="ب">غامق</b></p>
        </body></html>
        """;

    [Fact]
    public void Id_and_class_are_what_AngleSharp_reads()
    {
        var document = HtmlDocuments.Parse(Awkward);
        var upper = document.QuerySelector("div")!;

        Assert.Equal("Upper", ElementFacts.Of(upper).Id);
        Assert.Equal("A  b", ElementFacts.Of(upper).Class);
        Assert.Equal("first", ElementFacts.Of(document.QuerySelectorAll("div")[2]).Id);
        Assert.Equal("icon", ElementFacts.Of(document.QuerySelector("svg")!).Class);
    }

    [Fact]
    public void Id_and_class_agree_with_the_accessors_on_every_element()
    {
        var document = HtmlDocuments.Parse(Awkward);
        var elements = document.All.ToList();
        Assert.True(elements.Count > 25);
        foreach (var element in elements)
        {
            var facts = ElementFacts.Of(element);
            var expected = ElementFacts.ThroughAccessors(element);
            Assert.Same(expected.LocalName, facts.LocalName);
            Assert.Equal(expected.Id, facts.Id);
            Assert.Equal(expected.Class, facts.Class);
        }
    }

    [Fact]
    public void Skipped_elements_are_those_hidden_or_styled_away_as_before()
    {
        var document = HtmlDocuments.Parse(Awkward);
        var skipped = 0;
        foreach (var element in document.All)
        {
            var expected = HtmlText.Skipped.Contains(element.LocalName)
                || element.HasAttribute("hidden")
                || IsDisplayNone(element.GetAttribute("style"));
            Assert.Equal(expected, HtmlText.IsSkipped(element));
            skipped += expected ? 1 : 0;
        }

        Assert.True(skipped >= 8);
    }

    private static bool IsDisplayNone(string? style)
    {
        if (style is null)
        {
            return false;
        }

        var compact = style.Replace(" ", string.Empty).ToLowerInvariant();
        return compact.Contains("display:none") || compact.Contains("visibility:hidden");
    }
}
