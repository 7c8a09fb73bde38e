using System.Globalization;
using NewsRules.Dates;

namespace NewsRules.Tests.Dates;

/// <summary>
/// A value read with a rule's format is parsed a second time only to learn whether it carried
/// an offset; <see cref="DateParser.MayReadOffset"/> skips that parse for formats that cannot
/// read one. It must never skip it when the value did carry one.
/// </summary>
public sealed class OffsetFormatTests
{
    [Theory]
    [InlineData("MMMM d, yyyy h:mm tt", false)]
    [InlineData("dd.MM.yyyy HH:mm", false)]
    [InlineData("yyyy年M月d日", false)]
    [InlineData("d 'de' MMMM 'de' yyyy", false)]
    [InlineData("dd/MM/yyyy HH:mm zzz", true)]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssK", true)]
    [InlineData("yyyy-MM-dd HH:mm:ss'Z'", true)]
    [InlineData("ddd, dd MMM yyyy HH:mm:ss GMT", true)]
    [InlineData("dd MMM yyyy gg", true)]
    [InlineData("d", true)]
    [InlineData("r", true)]
    public void Formats_that_may_read_an_offset_are_recognised(string format, bool mayRead) =>
        Assert.Equal(mayRead, DateParser.MayReadOffset(format));

    [Fact]
    public void A_format_said_to_read_no_offset_never_yields_a_written_one()
    {
        var cases = new (string Value, string Format, string Culture)[]
        {
            ("December 12, 2016 9:22 AM", "MMMM d, yyyy h:mm tt", "en-US"),
            ("12.03.2019 14:05", "dd.MM.yyyy HH:mm", "de-DE"),
            ("2019年2月27日", "yyyy年M月d日", "ja-JP"),
            ("5 de marzo de 2020", "d 'de' MMMM 'de' yyyy", "es-ES"),
            ("  01/02/2003  ", "dd/MM/yyyy", ""),
            ("0001-01-01 00:00", "yyyy-MM-dd HH:mm", ""),
            ("9999-12-31 23:59", "yyyy-MM-dd HH:mm", ""),
            ("31 Dec 9999 11:59 PM", "dd MMM yyyy hh:mm tt", "en-GB"),
        };
        foreach (var (value, format, culture) in cases)
        {
            var provider = culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);
            Assert.False(DateParser.MayReadOffset(format));
            Assert.True(DateTimeOffset.TryParseExact(value, format, provider, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out _), value);
            Assert.False(DateParser.HasWrittenOffset(value, format, provider), value);
        }
    }

    [Fact]
    public void Values_with_and_without_an_offset_read_as_before()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        Assert.True(DateParser.TryParse("December 12, 2016 9:22 AM", ["MMMM d, yyyy h:mm tt"], "en-US", newYork, out var local, out var assumed));
        Assert.Equal(new DateTimeOffset(2016, 12, 12, 9, 22, 0, TimeSpan.FromHours(-5)), local);
        Assert.False(assumed);

        Assert.True(DateParser.TryParse("December 12, 2016 9:22 AM", ["MMMM d, yyyy h:mm tt"], "en-US", null, out var utc, out assumed));
        Assert.Equal(new DateTimeOffset(2016, 12, 12, 9, 22, 0, TimeSpan.Zero), utc);
        Assert.True(assumed);

        Assert.True(DateParser.TryParse("12/12/2016 09:22 +03:00", ["dd/MM/yyyy HH:mm zzz"], "", newYork, out var written, out assumed));
        Assert.Equal(new DateTimeOffset(2016, 12, 12, 9, 22, 0, TimeSpan.FromHours(3)), written);
        Assert.False(assumed);
    }
}
