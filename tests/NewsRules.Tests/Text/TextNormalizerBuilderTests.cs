using System.Text;
using NewsRules.Text;

namespace NewsRules.Tests.Text;

/// <summary>
/// <see cref="TextNormalizer.Normalize(StringBuilder)"/> normalizes straight out of the builder the
/// body reader and element texts gather into; it must give exactly what the string version gave
/// before it was rewritten over spans (the reference below is that version, kept verbatim).
/// </summary>
public sealed class TextNormalizerBuilderTests
{
    public static TheoryData<string> Tricky => new()
    {
        string.Empty,
        "   ",
        "  a \t\n  b   c  ",
        "a\u00A0\u00A0b\u202Fc",
        "one\u2028two\u2028 \u2028three",
        " \u2028lead break and trailing\u2028 ",
        "مرحبا\u200F بالعالم \u200E123 \u061Cنص",
        "می\u200Cخواهم a\u200Db",
        "\u200C\u200D",
        " \u200C ",
        "ab\u200Bc\uFEFF\u00AD\u2060d",
        "pair \uD83D\uDE00 ok",
        "lone high \uD83D end",
        "lone low \uDE00 end",
        "\uD83D",
        "\uDE00\uD83D",
        "a\u0001b\u0000c\u001Fd\fe\rf",
        "&amp; &lt;p&gt; entities stay as decoded text",
        "tab\tand\u000Bvertical\u0085next\u3000ideographic",
    };

    [Theory]
    [MemberData(nameof(Tricky))]
    public void Builder_and_string_give_what_the_reference_gives(string text)
    {
        var expected = Reference(text);

        Assert.Equal(expected, TextNormalizer.Normalize(text));
        Assert.Equal(expected, TextNormalizer.Normalize(new StringBuilder(text)));
    }

    [Fact]
    public void Text_over_many_builder_chunks_and_random_characters_agree_with_the_reference()
    {
        // Characters chosen to hit every branch: white space, the break marker, dropped marks,
        // joiners, surrogate halves, Arabic, controls, plain letters.
        const string alphabet = " \t\n\u00A0\u2028\u200B\u200C\u200D\u200E\u200F\u061C\uFEFF\u00AD\u0001\uD83D\uDE00\u0627\u0644abcXYZ.";
        var random = new Random(7);
        for (var round = 0; round < 2000; round++)
        {
            var builder = new StringBuilder(4);
            var length = random.Next(0, round % 50 == 0 ? 20_000 : 80);
            for (var i = 0; i < length; i++)
            {
                // Appending one character at a time makes a builder of many chunks.
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var text = builder.ToString();
            var expected = Reference(text);
            Assert.Equal(expected, TextNormalizer.Normalize(builder));
            Assert.Equal(expected, TextNormalizer.Normalize(text));
        }
    }

    [Fact]
    public void A_builder_cleared_and_reused_is_read_in_place_and_agrees_with_the_reference()
    {
        // The readers reuse one builder: after Clear it is one chunk, which the normalizer reads
        // where it stands; grown again by single appends it is many, which it copies out.
        const string alphabet = " \t\n\u00A0\u2028\u200B\u200C\u200D\uD83D\uDE00\u0627abcXYZ.  ";
        var random = new Random(17);
        var builder = new StringBuilder(4);
        var chunks = new HashSet<int>();
        for (var round = 0; round < 3000; round++)
        {
            builder.Clear();
            var length = random.Next(0, round % 100 == 0 ? 5_000 : 200);
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var count = 0;
            foreach (var chunk in builder.GetChunks())
            {
                count += chunk.Length > 0 ? 1 : 0;
            }

            chunks.Add(Math.Min(count, 2));
            Assert.Equal(Reference(builder.ToString()), TextNormalizer.Normalize(builder));
        }

        Assert.Contains(1, chunks);
        Assert.Contains(2, chunks);
    }

    [Fact]
    public void Mostly_plain_ascii_text_agrees_with_the_reference()
    {
        // The normalizer copies runs of printable ASCII with single spaces in one go: words,
        // single and double spaces, and every neighbour of the range (controls, DEL, U+0080,
        // no-break space, the break marker, tabs) at either end of a run.
        const string alphabet = "aaaaaaaaaaaa      !~.\u001F\u007F\u0080\u00A0\u2028\t\n\u200B\u200D\u0627";
        var random = new Random(11);
        for (var round = 0; round < 5000; round++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, round % 100 == 0 ? 5_000 : 60);
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var text = builder.ToString();
            var expected = Reference(text);
            Assert.Equal(expected, TextNormalizer.Normalize(text));
            Assert.Equal(expected, TextNormalizer.Normalize(builder));
        }
    }

    [Theory]
    [InlineData("plain words only")]
    [InlineData(" leading and trailing ")]
    [InlineData("two  spaces, then  two more")]
    [InlineData("ends in a space \u2028next line")]
    [InlineData("~!tilde and bang at the edges!~")]
    [InlineData("del\u007Finside and\u0080after")]
    [InlineData("\u200Dword\u200D")]
    [InlineData("a")]
    [InlineData("a ")]
    public void Plain_ascii_runs_give_what_the_reference_gives(string text)
    {
        Assert.Equal(Reference(text), TextNormalizer.Normalize(text));
        Assert.Equal(Reference(text), TextNormalizer.Normalize(new StringBuilder(text)));
    }

    [Fact]
    public void Builder_is_left_as_it_was()
    {
        var builder = new StringBuilder(" a  b ");

        TextNormalizer.Normalize(builder);

        Assert.Equal(" a  b ", builder.ToString());
    }

    // TextNormalizer.Normalize(string) as it was before the span rewrite.
    private static string Reference(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreak = false;
        var visible = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == TextNormalizer.LineBreak)
            {
                pendingBreak = true;
                continue;
            }

            if (c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F' or '\u061C'
                || (c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f'))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (builder.Length > 0)
            {
                if (pendingBreak)
                {
                    builder.Append('\n');
                }
                else if (pendingSpace)
                {
                    builder.Append(' ');
                }
            }

            pendingSpace = false;
            pendingBreak = false;
            visible |= c is not ('\u200C' or '\u200D');
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }
                else
                {
                    builder.Append('\uFFFD');
                }

                continue;
            }

            builder.Append(c);
        }

        return visible ? builder.ToString() : string.Empty;
    }
}
