using System.Globalization;
using System.Text;
using NewsRules.Dates;

namespace NewsRules.Tests.Dates;

/// <summary>
/// <see cref="CultureDateReader"/> reads the rules' culture formats without
/// <c>DateTimeOffset.TryParseExact</c>; wherever it gives an answer it must be exactly that
/// method's. Values are built from the formats (every format the rules use, and a few more),
/// in every culture the rules use and some others, then bent: case, white space, characters
/// swapped for look-alikes (Kelvin sign, long s, ligatures, full-width and Arabic-Indic digits),
/// names swapped, numbers out of range, characters dropped or doubled.
/// </summary>
public sealed class CultureDateReaderTests
{
    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;

    // Every format in rules/*/*.yaml with a culture-aware or custom shape.
    private static readonly string[] RuleFormats =
    [
        "yyyy年M月d日", "MMM d, yyyy 'at' h:mm tt", "yyyy年M月d日 H時m分", "yyyy年M月d日H時m分", "yyyy年M月d日 H:mm",
        "yyyy年M月d日H:mm", "yyyy年MM月dd日 HH時mm分", "yyyy/MM/dd", "yyyy/M/d", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss",
        "dddd d MMMM yyyy - hh:mm tt", "MMMM d, yyyy", "MMMM d, yyyy hh:mm tt", "MMMM d, yyyy h:mm tt", "MMMM d yyyy h:mm tt",
        "MMM d yyyy h:mm tt", "MMM d, yyyy, H:mm", "MMM d, yyyy", "MMM d, yyyy h:mm tt", "M/d/yyyy", "yyyy-MM-dd'|'HH'h'mm",
        "h:mm tt 'EDT', MMMM d, yyyy", "h:mm tt 'EST', MMMM d, yyyy", "ddd MMM dd HH:mm:ss 'EDT' yyyy",
        "ddd MMM dd HH:mm:ss 'EST' yyyy", "d MMMM yyyy 'at' hh:mm tt", "d MMMM yyyy 'at' h:mm tt",
        "MMM d'st' yyyy h:mmtt", "MMM d'nd' yyyy h:mmtt", "MMM d'rd' yyyy h:mmtt", "MMM d'th' yyyy h:mmtt",
    ];

    private static readonly string[] MoreFormats =
    [
        "dddd, MMMM d, yyyy h:mm:ss tt", "d MMM yyyy", "dd.MM.yyyy HH:mm", "ddd, d MMM yyyy HH:mm", "MMMMyyyyd", "d/M/yyyy H:m:s",
    ];

    // ar is read with the invariant culture after ArabicDateText; "" is the invariant culture.
    private static readonly string[] Cultures = ["en-US", "ja-JP", "", "en-GB", "de-DE", "fr-FR", "ru-RU"];

    private static readonly string[] Noise =
    [
        " ", "  ", "\t", "\u00A0", "\u200B", ",", ".", "-", "/", ":", "0", "1", "9", "12", "13", "31", "00", "\u212A", "\u017F",
        "\uFB06", "\uFF11", "\u0661", "A", "M", "P", "a", "m", "p", "AM", "PM", "May", "Sept", "年", "日", "'", "x", "\u0130", "\u0131",
    ];

    [Fact]
    public void The_rules_formats_get_a_reader_in_their_cultures()
    {
        foreach (var format in RuleFormats)
        {
            var culture = format.Contains('年') ? "ja-JP" : "en-US";
            Assert.NotNull(CultureDateReader.For(format, Culture(culture)));
        }

        Assert.NotNull(CultureDateReader.For("dddd d MMMM yyyy - hh:mm tt", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("MMMM d, yyyy", "de-DE")] // März
    [InlineData("d MMMM yyyy", "ru-RU")]
    [InlineData("MMM d, yyyy", "ja-JP")] // 1月
    [InlineData("yyyy-MM-dd HH:mm:ss zzz", "en-US")]
    [InlineData("yy-MM-dd", "en-US")]
    [InlineData("MMMM yyyy", "en-US")]
    [InlineData("h:mm MMM d yyyy", "en-US")]
    [InlineData("MMM d 'at noon' yyyy", "en-US")]
    [InlineData("MMM d yyyy \\a\\t", "en-US")]
    [InlineData("d/M/yyyy", "de-DE")] // the date separator is '.'
    [InlineData("yyyy-MM-dd", "th-TH")] // Buddhist calendar
    public void Names_outside_ascii_and_parts_it_does_not_read_get_no_reader(string format, string culture) =>
        Assert.Null(CultureDateReader.For(format, Culture(culture)));

    [Fact]
    public void Built_values_read_as_TryParseExact_reads_them()
    {
        var random = new Random(20261130);
        var decided = 0;
        var parsed = 0;
        var unknown = 0;
        foreach (var cultureName in Cultures)
        {
            var culture = Culture(cultureName);
            foreach (var format in RuleFormats.Concat(MoreFormats))
            {
                var reader = CultureDateReader.For(format, culture);
                if (reader is null)
                {
                    continue;
                }

                for (var n = 0; n < 400; n++)
                {
                    var value = Bend(Built(format, culture, random), culture, random);
                    var expected = DateTimeOffset.TryParseExact(value, format, culture, Styles, out var exact);
                    switch (reader.Read(value, out var clock))
                    {
                        case CultureDateReader.Outcome.Parsed:
                            Assert.True(expected, $"'{value}' with '{format}' in '{cultureName}': read, TryParseExact fails");
                            Assert.Equal(exact.DateTime, clock);
                            Assert.Equal(DateTimeKind.Unspecified, clock.Kind);
                            decided++;
                            parsed++;
                            break;
                        case CultureDateReader.Outcome.NotParsed:
                            Assert.False(expected, $"'{value}' with '{format}' in '{cultureName}': not read, TryParseExact gives {exact:O}");
                            decided++;
                            break;
                        default:
                            unknown++;
                            break;
                    }
                }
            }
        }

        // Tens of thousands of values decided, a good share of them read; few left to TryParseExact.
        Assert.True(decided > 30_000, $"{decided} decided");
        Assert.True(parsed > decided / 5, $"{parsed} of {decided} read");
        Assert.True(unknown < decided / 4, $"{unknown} undecided");
    }

    [Theory]
    [InlineData("December 12, 2016 9:22 AM", "MMMM d, yyyy h:mm tt", 2016, 12, 12, 9, 22)]
    [InlineData("december 12,2016 12:05 am", "MMMM d, yyyy h:mm tt", 2016, 12, 12, 0, 5)]
    [InlineData("  DEC  12 , 2016   12:05   PM ", "MMM d, yyyy h:mm tt", 2016, 12, 12, 12, 5)]
    [InlineData("Sat Mar 02 07:08:09 EST 2019", "ddd MMM dd HH:mm:ss 'EST' yyyy", 2019, 3, 2, 7, 8)]
    [InlineData("2019年2月27日 9時5分", "yyyy年M月d日 H時m分", 2019, 2, 27, 9, 5)]
    [InlineData("Sep 3rd 2020 11:59pm", "MMM d'rd' yyyy h:mmtt", 2020, 9, 3, 23, 59)]
    public void Typical_values_are_read(string value, string format, int year, int month, int day, int hour, int minute)
    {
        var culture = Culture(format.Contains('年') ? "ja-JP" : "en-US");
        Assert.Equal(CultureDateReader.Outcome.Parsed, CultureDateReader.For(format, culture)!.Read(value, out var clock));
        Assert.Equal(new DateTime(year, month, day, hour, minute, clock.Second), clock);
        Assert.True(DateTimeOffset.TryParseExact(value, format, culture, Styles, out var exact));
        Assert.Equal(exact.DateTime, clock);
    }

    [Theory]
    [InlineData("Fri Mar 02 07:08:09 EST 2019", "ddd MMM dd HH:mm:ss 'EST' yyyy")]
    [InlineData("December 12, 2016 13:22 PM", "MMMM d, yyyy h:mm tt")]
    [InlineData("February 30, 2016", "MMMM d, yyyy")]
    [InlineData("December 12, 2016x", "MMMM d, yyyy")]
    [InlineData("Sep 3th 2020 11:59pm", "MMM d'rd' yyyy h:mmtt")]
    public void Values_TryParseExact_refuses_are_refused(string value, string format)
    {
        var culture = Culture("en-US");
        Assert.Equal(CultureDateReader.Outcome.NotParsed, CultureDateReader.For(format, culture)!.Read(value, out _));
        Assert.False(DateTimeOffset.TryParseExact(value, format, culture, Styles, out _));
    }

    [Fact]
    public void Values_with_names_and_characters_outside_ascii_are_left_to_TryParseExact()
    {
        // The Kelvin sign is a k to ICU's case-insensitive comparison, not to an ASCII one.
        var reader = CultureDateReader.For("MMM d, yyyy", Culture("en-US"))!;
        Assert.Equal(CultureDateReader.Outcome.Unknown, reader.Read("D\u212Aec 5, 2020", out _));
        Assert.Equal(CultureDateReader.Outcome.Unknown, reader.Read("Dec 5, 2020\u00A0", out _));
    }

    [Fact]
    public void DateParser_gives_the_same_instants_through_the_reader()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.True(DateParser.TryParse("9:22 AM EDT, June 3, 2021", ["h:mm tt 'EST', MMMM d, yyyy", "h:mm tt 'EDT', MMMM d, yyyy"], "en-US", newYork, out var result, out var assumed));
        Assert.Equal(new DateTimeOffset(2021, 6, 3, 9, 22, 0, TimeSpan.FromHours(-4)), result);
        Assert.False(assumed);

        Assert.True(DateParser.TryParse("2019年2月27日", ["yyyy年M月d日"], "ja-JP", null, out result, out assumed));
        Assert.Equal(new DateTimeOffset(2019, 2, 27, 0, 0, 0, TimeSpan.Zero), result);
        Assert.True(assumed);
    }

    private static CultureInfo Culture(string name) =>
        name.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(name, predefinedOnly: true);

    // A date in the format, sometimes at the edges of the calendar or the clock.
    private static string Built(string format, CultureInfo culture, Random random)
    {
        var value = random.Next(6) switch
        {
            0 => new DateTime(random.Next(1, 10000), random.Next(1, 13), 1).AddDays(random.Next(31)),
            1 => new DateTime(2024, 1, 1).AddMinutes(random.Next(0, 366 * 24 * 60)),
            2 => new DateTime(2000 + random.Next(30), random.Next(1, 13), 28).AddDays(random.Next(4)).AddHours(random.Next(2) * 12),
            _ => new DateTime(1990 + random.Next(40), 1, 1).AddSeconds(random.NextDouble() * 40 * 365 * 86400),
        };
        return value.ToString(format, culture);
    }

    private static string Bend(string value, CultureInfo culture, Random random)
    {
        var builder = new StringBuilder(value);
        var changes = random.Next(4) == 0 ? 0 : random.Next(1, 4);
        for (var k = 0; k < changes; k++)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(8))
            {
                case 0:
                    builder.Insert(at, Noise[random.Next(Noise.Length)]);
                    break;
                case 1 when at < builder.Length:
                    builder.Remove(at, 1);
                    break;
                case 2 when at < builder.Length:
                    builder[at] = Noise[random.Next(Noise.Length)][0];
                    break;
                case 3:
                    var text = builder.ToString();
                    builder.Clear().Append(random.Next(2) == 0 ? text.ToUpperInvariant() : text.ToLowerInvariant());
                    break;
                case 4:
                    builder.Replace(" ", random.Next(2) == 0 ? string.Empty : "   ");
                    break;
                case 5:
                    var names = culture.DateTimeFormat;
                    var month = random.Next(12);
                    var swapped = builder.ToString()
                        .Replace(names.MonthNames[month], names.AbbreviatedMonthNames[(month + random.Next(2)) % 12], StringComparison.Ordinal)
                        .Replace(names.MonthGenitiveNames[month], names.MonthNames[month], StringComparison.Ordinal);
                    builder.Clear().Append(swapped);
                    break;
                case 6 when at < builder.Length && char.IsAsciiDigit(builder[at]):
                    builder[at] = (char)('0' + random.Next(10));
                    break;
                default:
                    builder.Insert(at, ' ');
                    break;
            }
        }

        return builder.ToString();
    }
}
