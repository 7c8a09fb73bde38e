using NewsRules.Text;

namespace NewsRules.Tests.Text;

/// <summary>The one text normalization, called directly.</summary>
public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("  a \t\n  b   c  ", "a b c")]
    [InlineData("\r\n\ta\r\n", "a")]
    [InlineData("a\u00A0\u00A0b", "a b")]
    [InlineData("a\u202Fb", "a b")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Whitespace_runs_collapse_to_one_space_and_ends_are_trimmed(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Zero_width_joiner_and_non_joiner_are_kept()
    {
        // Persian "می‌خواهم" (I want) is written with a ZWNJ after "می"; dropping it changes the spelling.
        const string persian = "می\u200Cخواهم";
        const string withJoiner = "a\u200Db";

        Assert.Equal(persian, TextNormalizer.Normalize(persian));
        Assert.Equal(withJoiner, TextNormalizer.Normalize(withJoiner));
    }

    [Theory]
    [InlineData("ab\u200Bc", "abc")]
    [InlineData("\uFEFFabc", "abc")]
    [InlineData("ab\u00ADc", "abc")]
    [InlineData("a\u2060b", "ab")]
    [InlineData("\u200Fنص\u200E", "نص")]
    [InlineData("a\u0001b", "ab")]
    public void Invisible_characters_that_carry_no_meaning_are_dropped(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Line_break_marker_becomes_newline_and_absorbs_spaces_around_it()
    {
        var input = "first  " + TextNormalizer.LineBreak + "  second";

        Assert.Equal("first\nsecond", TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Line_break_markers_at_either_end_are_trimmed()
    {
        var input = $"{TextNormalizer.LineBreak} text {TextNormalizer.LineBreak}";

        Assert.Equal("text", TextNormalizer.Normalize(input));
    }

    [Theory]
    [InlineData("\u200B \u00A0\uFEFF")]
    [InlineData("\u200C")]
    [InlineData(" \u200C \u200D ")]
    public void Text_made_only_of_invisible_characters_is_empty(string input)
    {
        // Persian pages use <p>&zwnj;</p> as a spacer: joiners alone are no text.
        Assert.Equal(string.Empty, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Preformatted_keeps_indentation_and_lines()
    {
        var input = "\n  int x = 1;\r\n    return x;   \n\n";

        Assert.Equal("  int x = 1;\n    return x;", TextNormalizer.NormalizePreformatted(input));
    }
}
