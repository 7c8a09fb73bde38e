using NewsRules.Dates;

namespace NewsRules.Tests.Dates;

public sealed class DateParserTests
{
    private static readonly string[] NoFormats = [];

    private static TimeZoneInfo Zone(string id)
    {
        Assert.True(DateParser.TryFindTimeZone(id, out var zone), $"time zone {id} missing on this machine");
        return zone!;
    }

    private static DateTimeOffset Parse(string? value, string[]? formats = null, string? culture = null, TimeZoneInfo? zone = null)
    {
        Assert.True(DateParser.TryParse(value, formats ?? NoFormats, culture, zone, out var result, out _), $"could not parse '{value}'");
        return result;
    }

    private static DateTimeOffset At(int y, int mo, int d, int h, int mi, int s, double offsetHours) =>
        new(y, mo, d, h, mi, s, TimeSpan.FromHours(offsetHours));

    // ---- ISO 8601 / RFC 3339 ----

    [Fact]
    public void Iso_with_Z_is_utc_and_not_assumed()
    {
        Assert.True(DateParser.TryParse("2024-05-21T09:41:00Z", NoFormats, null, Zone("Europe/Moscow"), out var result, out var assumed));

        Assert.Equal(At(2024, 5, 21, 9, 41, 0, 0), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
        Assert.False(assumed);
    }

    [Theory]
    [InlineData("2024-05-21T09:41:00+03:00")]
    [InlineData("2024-05-21T09:41:00+0300")]
    [InlineData("2024-05-21T09:41+03:00")]
    [InlineData("2024-05-21 09:41:00 +03:00")]
    public void Iso_keeps_the_written_offset_even_when_a_zone_is_given(string value)
    {
        Assert.True(DateParser.TryParse(value, NoFormats, null, Zone("America/New_York"), out var result, out var assumed));

        Assert.Equal(TimeSpan.FromHours(3), result.Offset);
        Assert.Equal(new DateTime(2024, 5, 21, 9, 41, 0), result.DateTime);
        Assert.False(assumed);
    }

    [Fact]
    public void Iso_negative_offset_is_kept()
    {
        var result = Parse("2024-05-21T09:41:00-05:30");

        Assert.Equal(TimeSpan.FromMinutes(-330), result.Offset);
        Assert.Equal(new DateTime(2024, 5, 21, 15, 11, 0), result.UtcDateTime);
    }

    [Theory]
    [InlineData("2016-12-22T18:47:31-500", -5)]
    [InlineData("2016-12-22T18:47:31+530", 5.5)]
    public void Iso_with_a_three_digit_offset_reads_it_as_hmm(string value, double hours)
    {
        var result = Parse(value);

        Assert.Equal(TimeSpan.FromHours(hours), result.Offset);
        Assert.Equal(new DateTime(2016, 12, 22, 18, 47, 31), result.DateTime);
    }

    [Fact]
    public void Iso_without_offset_and_without_zone_is_assumed_utc()
    {
        Assert.True(DateParser.TryParse("2024-05-21T09:41:00", NoFormats, null, null, out var result, out var assumed));

        Assert.Equal(At(2024, 5, 21, 9, 41, 0, 0), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
        Assert.True(assumed);
    }

    [Fact]
    public void Iso_without_offset_is_read_in_the_given_zone()
    {
        Assert.True(DateParser.TryParse("2024-05-21T09:41:00", NoFormats, null, Zone("Europe/Moscow"), out var result, out var assumed));

        Assert.Equal(At(2024, 5, 21, 9, 41, 0, 3), result);
        Assert.Equal(TimeSpan.FromHours(3), result.Offset);
        Assert.False(assumed);
    }

    [Fact]
    public void Iso_with_space_instead_of_T_is_accepted()
    {
        Assert.Equal(At(2024, 5, 21, 9, 41, 7, 0), Parse("2024-05-21 09:41:07"));
    }

    [Theory]
    [InlineData("2024-05-21T09:41:00.5Z", 5_000_000L)]
    [InlineData("2024-05-21T09:41:00.123Z", 1_230_000L)]
    [InlineData("2024-05-21T09:41:00.1234567Z", 1_234_567L)]
    [InlineData("2024-05-21T09:41:00.123456789Z", 1_234_567L)] // nanoseconds are cut to ticks
    public void Iso_fractional_seconds_become_ticks(string value, long expectedTicks)
    {
        var result = Parse(value);

        Assert.Equal(expectedTicks, result.Ticks % TimeSpan.TicksPerSecond);
        Assert.Equal(41, result.Minute);
    }

    [Fact]
    public void Iso_date_only_is_midnight_in_the_zone()
    {
        Assert.True(DateParser.TryParse("2024-05-21", NoFormats, null, Zone("Europe/Moscow"), out var result, out var assumed));

        Assert.Equal(At(2024, 5, 21, 0, 0, 0, 3), result);
        Assert.False(assumed);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-05-21T24:00:00Z")]
    [InlineData("2024-05-21T09:41:00+15:00")]
    public void Iso_impossible_values_are_rejected(string value)
    {
        Assert.False(DateParser.TryParse(value, NoFormats, null, null, out _, out _));
    }

    // ---- RFC 1123 / RFC 822 ----

    [Fact]
    public void Rfc1123_gmt_is_parsed_as_utc()
    {
        Assert.True(DateParser.TryParse("Tue, 21 May 2024 09:41:00 GMT", NoFormats, null, Zone("Europe/Moscow"), out var result, out var assumed));

        Assert.Equal(At(2024, 5, 21, 9, 41, 0, 0), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
        Assert.False(assumed);
    }

    [Theory]
    [InlineData("Tue, 21 May 2024 09:41:00 +0300", 3)]
    [InlineData("Tue, 21 May 2024 09:41:00 -0400", -4)]
    [InlineData("Tue, 21 May 2024 09:41:00 EDT", -4)]
    [InlineData("21 May 2024 09:41 PST", -8)]
    public void Rfc822_offsets_are_kept(string value, int offsetHours)
    {
        var result = Parse(value);

        Assert.Equal(TimeSpan.FromHours(offsetHours), result.Offset);
        Assert.Equal(new DateTime(2024, 5, 21, 9, 41, 0), result.DateTime);
    }

    [Fact]
    public void Rfc1123_with_wrong_weekday_is_rejected()
    {
        Assert.False(DateParser.TryParse("Mon, 21 May 2024 09:41:00 GMT", NoFormats, null, null, out _, out _));
    }

    // ---- Unix epoch ----

    [Fact]
    public void Epoch_seconds_are_utc()
    {
        Assert.True(DateParser.TryParse("1716284460", NoFormats, null, Zone("Europe/Moscow"), out var result, out var assumed));

        Assert.Equal(At(2024, 5, 21, 9, 41, 0, 0), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
        Assert.False(assumed); // an epoch is an instant, nothing was assumed
    }

    [Fact]
    public void Epoch_milliseconds_are_utc()
    {
        var result = Parse("1716284460123");

        Assert.Equal(At(2024, 5, 21, 9, 41, 0, 0).AddMilliseconds(123), result);
    }

    [Fact]
    public void Epoch_in_arabic_indic_digits_is_parsed()
    {
        Assert.Equal(At(2024, 5, 21, 9, 41, 0, 0), Parse("١٧١٦٢٨٤٤٦٠"));
    }

    [Theory]
    [InlineData("12345678")] // 8 digits: too short for an epoch
    [InlineData("123456789012345")] // 15 digits: too long
    public void Digit_runs_outside_the_epoch_lengths_are_not_epochs(string value)
    {
        Assert.False(DateParser.TryParse(value, NoFormats, null, null, out _, out _));
    }

    [Fact]
    public void Eight_digit_value_can_still_match_a_format()
    {
        Assert.Equal(At(2024, 5, 21, 0, 0, 0, 0), Parse("20240521", ["yyyyMMdd"]));
    }

    // ---- Digit and whitespace normalization ----

    [Fact]
    public void Arabic_indic_digits_in_iso_are_normalized()
    {
        Assert.Equal(At(2024, 5, 21, 9, 41, 0, 3), Parse("٢٠٢٤-٠٥-٢١T٠٩:٤١:٠٠+٠٣:٠٠"));
    }

    [Fact]
    public void Extended_arabic_indic_digits_are_normalized_for_any_culture()
    {
        Assert.Equal(At(2024, 5, 21, 0, 0, 0, 0), Parse("۲۱/۰۵/۲۰۲۴", ["dd/MM/yyyy"], "fr-FR"));
    }

    [Fact]
    public void Whitespace_runs_nbsp_and_direction_marks_are_normalized()
    {
        var value = "  May\u00A0\u00A021,\u200F   2024\u202F3:41\tPM ";

        var result = Parse(value, ["MMMM d, yyyy h:mm tt"], "en-US");

        Assert.Equal(new DateTime(2024, 5, 21, 15, 41, 0), result.DateTime);
    }

    // ---- Arabic ----

    [Fact]
    public void Arabic_egyptian_date_with_weekday_and_pm_is_read_in_cairo_summer_time()
    {
        // The tz database on this machine (zdump -v Africa/Cairo) has EEST (+03:00) from 26 Apr to 31 Oct 2024.
        Assert.True(DateParser.TryParse(
            "الثلاثاء ٢١ مايو ٢٠٢٤ - ٠٣:٣٠ م",
            ["dddd d MMMM yyyy - hh:mm tt"],
            "ar",
            Zone("Africa/Cairo"),
            out var result,
            out var assumed));

        Assert.Equal(At(2024, 5, 21, 15, 30, 0, 3), result);
        Assert.Equal(TimeSpan.FromHours(3), result.Offset);
        Assert.False(assumed);
    }

    [Fact]
    public void Arabic_cairo_winter_date_gets_standard_offset()
    {
        var result = Parse("٢١ يناير ٢٠٢٤ ١٠:٠٠ ص", ["d MMMM yyyy hh:mm tt"], "ar-EG", Zone("Africa/Cairo"));

        Assert.Equal(At(2024, 1, 21, 10, 0, 0, 2), result);
        Assert.Equal(TimeSpan.FromHours(2), result.Offset);
    }

    [Theory]
    [InlineData("21 أيار 2024", 5)]
    [InlineData("21 ايار 2024", 5)]
    [InlineData("21 آب 2024", 8)]
    [InlineData("21 كانون الثاني 2024", 1)]
    [InlineData("21 كانون الأول 2024", 12)]
    [InlineData("21 تشرين الاول 2024", 10)]
    [InlineData("21 تشرين الثاني 2024", 11)]
    [InlineData("21 حزيران 2024", 6)]
    [InlineData("21 يونيه 2024", 6)]
    [InlineData("21 إبريل 2024", 4)]
    [InlineData("21 جويلية 2024", 7)]
    public void Arabic_month_names_from_every_region_are_understood(string value, int month)
    {
        Assert.Equal(At(2024, month, 21, 0, 0, 0, 0), Parse(value, ["d MMMM yyyy"], "ar-SA"));
    }

    [Fact]
    public void Arabic_saudi_culture_is_not_read_with_the_hijri_calendar()
    {
        // ar-SA's .NET default calendar is Um Al-Qura; 2024 must stay a Gregorian year.
        var result = Parse("٢١/٠٥/٢٠٢٤", ["dd/MM/yyyy"], "ar-SA");

        Assert.Equal(2024, result.Year);
        Assert.Equal(5, result.Month);
    }

    [Fact]
    public void Arabic_extended_digits_and_comma_are_understood()
    {
        var result = Parse("الثلاثاء، ۲۱ مايو ۲۰۲۴", ["dddd, d MMMM yyyy"], "ar");

        Assert.Equal(At(2024, 5, 21, 0, 0, 0, 0), result);
    }

    [Fact]
    public void Arabic_pm_attached_to_the_time_is_understood()
    {
        var result = Parse("21 مايو 2024 03:30م", ["d MMMM yyyy hh:mm tt"], "ar");

        Assert.Equal(15, result.Hour);
    }

    [Fact]
    public void Arabic_tatweel_and_bidi_marks_are_ignored()
    {
        var result = Parse("\u200F21 مـــايو\u061C 2024", ["d MMMM yyyy"], "ar");

        Assert.Equal(At(2024, 5, 21, 0, 0, 0, 0), result);
    }

    [Fact]
    public void Arabic_wrong_weekday_fails_cleanly()
    {
        // 21 May 2024 was a Tuesday, not a Monday.
        Assert.False(DateParser.TryParse(
            "الاثنين ٢١ مايو ٢٠٢٤ - ٠٣:٣٠ م",
            ["dddd d MMMM yyyy - hh:mm tt"],
            "ar",
            Zone("Africa/Cairo"),
            out var result,
            out var assumed));

        Assert.Equal(default, result);
        Assert.False(assumed);
    }

    [Theory]
    [InlineData("مايو", "May")]
    [InlineData("ص", "AM")]
    [InlineData("03:30 م", "03:30 PM")]
    [InlineData("03:30م", "03:30 PM")]
    [InlineData("2024م", "2024م")] // era marker after a year, not a time
    [InlineData("الأحد", "Sunday")]
    [InlineData("الاحد", "Sunday")]
    [InlineData("مساء", "مساء")] // م inside a word is a letter
    [InlineData("صباحا", "صباحا")] // ص inside a word is a letter
    [InlineData("كانون الثاني", "January")]
    [InlineData("كانون  الأول", "December")]
    [InlineData("ومايو", "ومايو")] // not a whole word
    [InlineData("مايوه", "مايوه")] // not a whole word
    [InlineData("الثلاثاء، ٢١", "Tuesday, ٢١")]
    public void ArabicDateText_rewrites_only_whole_words(string input, string expected)
    {
        Assert.Equal(expected, ArabicDateText.ToInvariant(input));
    }

    // ---- Other cultures ----

    [Fact]
    public void English_us_time_is_read_in_new_york_daylight_time()
    {
        Assert.True(DateParser.TryParse(
            "May 21, 2024 3:41 PM",
            ["MMMM d, yyyy h:mm tt"],
            "en-US",
            Zone("America/New_York"),
            out var result,
            out var assumed));

        Assert.Equal(At(2024, 5, 21, 15, 41, 0, -4), result);
        Assert.Equal(TimeSpan.FromHours(-4), result.Offset);
        Assert.False(assumed);
    }

    [Fact]
    public void French_month_name_is_parsed_with_fr_FR()
    {
        Assert.Equal(At(2024, 5, 21, 0, 0, 0, 0), Parse("21 mai 2024", ["d MMMM yyyy"], "fr-FR"));
    }

    [Fact]
    public void French_month_name_fails_with_the_invariant_culture()
    {
        Assert.False(DateParser.TryParse("21 mai 2024", ["d MMMM yyyy"], null, null, out _, out _));
    }

    [Fact]
    public void Thai_culture_reads_gregorian_years_not_buddhist_ones()
    {
        // th-TH defaults to the Buddhist calendar (2024 would be read as 1481 AD).
        var result = Parse("21/05/2024", ["dd/MM/yyyy"], "th-TH");

        Assert.Equal(2024, result.Year);
    }

    [Fact]
    public void Format_with_an_offset_keeps_it_instead_of_the_zone()
    {
        Assert.True(DateParser.TryParse(
            "21/05/2024 09:41 +05:30",
            ["dd/MM/yyyy HH:mm zzz"],
            "en-GB",
            Zone("Europe/Moscow"),
            out var result,
            out var assumed));

        Assert.Equal(TimeSpan.FromMinutes(330), result.Offset);
        Assert.Equal(new DateTime(2024, 5, 21, 9, 41, 0), result.DateTime);
        Assert.False(assumed);
    }

    [Fact]
    public void Format_without_offset_and_no_zone_is_assumed_utc()
    {
        Assert.True(DateParser.TryParse("21/05/2024 09:41", ["dd/MM/yyyy HH:mm"], "en-GB", null, out var result, out var assumed));

        Assert.Equal(At(2024, 5, 21, 9, 41, 0, 0), result);
        Assert.True(assumed);
    }

    // ---- DST edges ----

    [Fact]
    public void Time_in_the_spring_forward_gap_does_not_throw_and_uses_standard_offset()
    {
        // 02:30 on 10 March 2024 never happened in New York (clocks jumped 02:00 -> 03:00).
        var result = Parse("2024-03-10T02:30:00", zone: Zone("America/New_York"));

        Assert.Equal(TimeSpan.FromHours(-5), result.Offset);
        Assert.Equal(new DateTime(2024, 3, 10, 2, 30, 0), result.DateTime);
    }

    [Fact]
    public void Ambiguous_fall_back_time_does_not_throw_and_uses_standard_offset()
    {
        // 01:30 on 3 November 2024 happened twice in New York (EDT, then EST).
        var result = Parse("11/03/2024 01:30", ["MM/dd/yyyy HH:mm"], "en-US", Zone("America/New_York"));

        Assert.Equal(TimeSpan.FromHours(-5), result.Offset);
    }

    // ---- Format order and robustness ----

    [Fact]
    public void Formats_are_tried_in_order()
    {
        Assert.Equal(At(2024, 6, 5, 0, 0, 0, 0), Parse("05/06/2024", ["dd/MM/yyyy", "MM/dd/yyyy"]));
        Assert.Equal(At(2024, 5, 6, 0, 0, 0, 0), Parse("05/06/2024", ["MM/dd/yyyy", "dd/MM/yyyy"]));
    }

    [Fact]
    public void Later_format_is_used_when_earlier_ones_do_not_match()
    {
        Assert.Equal(At(2024, 5, 21, 0, 0, 0, 0), Parse("21.05.2024", ["yyyy-MM-dd", "dd/MM/yyyy", "dd.MM.yyyy"]));
    }

    [Fact]
    public void Malformed_or_empty_formats_are_skipped_without_throwing()
    {
        Assert.Equal(At(2024, 5, 21, 0, 0, 0, 0), Parse("21.05.2024", ["%", "", "dd.MM.yyyy"]));
    }

    [Fact]
    public void Unknown_culture_does_not_parse_formats_but_iso_still_works()
    {
        Assert.False(DateParser.TryParse("21 mai 2024", ["d MMMM yyyy"], "xx-nonsense", null, out _, out _));
        Assert.True(DateParser.TryParse("2024-05-21", ["d MMMM yyyy"], "xx-nonsense", null, out _, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200F")]
    [InlineData("not a date")]
    [InlineData("2024-05-21T")]
    [InlineData("yesterday at noon")]
    [InlineData("Tue, 21 Foo 2024 09:41:00 GMT")]
    public void Garbage_null_and_empty_return_false(string? value)
    {
        Assert.False(DateParser.TryParse(value, ["d MMMM yyyy", "dd/MM/yyyy"], "ar", Zone("Africa/Cairo"), out var result, out var assumed));

        Assert.Equal(default, result);
        Assert.False(assumed);
    }

    [Fact]
    public void Values_over_200_characters_are_rejected()
    {
        var padded = "2024-05-21" + new string('x', 200);

        Assert.False(DateParser.TryParse(padded, ["yyyy-MM-dd" + new string('x', 200)], null, null, out _, out _));
    }

    [Fact]
    public void Huge_whitespace_padding_is_trimmed_before_the_length_cap()
    {
        var padded = new string(' ', 100_000) + "2024-05-21" + new string(' ', 100_000);

        Assert.Equal(At(2024, 5, 21, 0, 0, 0, 0), Parse(padded));
    }

    [Fact]
    public void Extreme_dates_with_offsets_do_not_throw()
    {
        Assert.False(DateParser.TryParse("0001-01-01T00:00:00+01:00", NoFormats, null, null, out _, out _));
        Assert.False(DateParser.TryParse("9999-12-31T23:59:59-01:00", NoFormats, null, null, out _, out _));
        Assert.False(DateParser.TryParse("0001-01-01", NoFormats, null, Zone("Asia/Tokyo"), out _, out _));
    }

    // ---- Zones and cultures ----

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void Unknown_zone_id_is_not_found(string id)
    {
        Assert.False(DateParser.TryFindTimeZone(id, out var zone));
        Assert.Null(zone);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Africa/Cairo")]
    [InlineData("America/New_York")]
    public void Known_zone_id_is_found(string id)
    {
        Assert.True(DateParser.TryFindTimeZone(id, out var zone));
        Assert.NotNull(zone);
    }

    [Theory]
    [InlineData("xx-nonsense", false)]
    [InlineData("not a culture", false)]
    [InlineData("fr-FR", true)]
    [InlineData("en-US", true)]
    [InlineData("th-TH", true)]
    [InlineData("ar", true)]
    [InlineData("ar-EG", true)]
    [InlineData("ar-SA", true)]
    [InlineData("", true)] // invariant
    public void IsKnownCulture_reports_whether_the_culture_exists(string culture, bool expected)
    {
        Assert.Equal(expected, DateParser.IsKnownCulture(culture));
    }
}
