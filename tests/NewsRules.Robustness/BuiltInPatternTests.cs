using System.Reflection;
using System.Text.RegularExpressions;
using NewsRules.Generic;

namespace NewsRules.Robustness;

/// <summary>
/// The engine's own patterns (dates written in text, caption and call-to-action lines, bylines,
/// class-name hints) give the same answer on any machine under any load. A wall-clock timeout on
/// them did not: under a loaded CI run a 1 s timeout on a 250-character line fired and the fuzz
/// test saw a <see cref="RegexMatchTimeoutException"/> escape an extractor. So they carry no
/// timeout, and are written so that none is needed: time linear in the text. (A rule's own
/// patterns keep theirs, PatternTimeoutTests: those are the user's, and may backtrack.)
/// </summary>
public sealed class BuiltInPatternTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static IEnumerable<object[]> GeneratedPatterns() =>
        typeof(IArticleExtractor).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
            .Select(method => new object[] { $"{method.DeclaringType!.FullName}.{method.Name}" });

    [Fact]
    public void The_engine_has_generated_patterns_to_check()
    {
        Assert.True(GeneratedPatterns().Count() >= 40, $"found {GeneratedPatterns().Count()} [GeneratedRegex] methods in the engine; the reflection above no longer finds them");
    }

    [Theory]
    [MemberData(nameof(GeneratedPatterns))]
    public void A_built_in_pattern_has_no_wall_clock_timeout(string name)
    {
        var split = name.LastIndexOf('.');
        var type = typeof(IArticleExtractor).Assembly.GetType(name[..split])!;
        var method = type.GetMethod(name[(split + 1)..], BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)!;
        var regex = (Regex)method.Invoke(null, null)!;

        Assert.True(
            regex.MatchTimeout == Regex.InfiniteMatchTimeout,
            $"{name} times out after {regex.MatchTimeout}: on a loaded machine its answer (and so the article) would depend on the load. Make the pattern linear (atomic groups, no adjacent quantifiers over the same characters) and drop the timeout.");
    }

    /// <summary>
    /// A written date followed by a long run of spaces (a meta value or an attribute is not
    /// normalized): two quantifiers over the same spaces side by side backtracked through every
    /// split of the run, quadratic (20,000 spaces took 250 ms, 200,000 would take 25 s).
    /// </summary>
    [Theory]
    [InlineData("1 abc")]
    [InlineData("1. abc")]
    [InlineData("1 enero de")]
    [InlineData("1 de")]
    [InlineData("01.01.2020")]
    [InlineData("January 1, 2020")]
    [InlineData("Jan 1")]
    [InlineData("2020年1月")]
    [InlineData("1/1/2020 at")]
    [InlineData("12:30")]
    public void A_written_date_before_a_long_run_of_spaces_takes_time_linear_in_the_run(string start)
    {
        string Text(int spaces) => start + new string(' ', spaces) + "x";
        var (short_, long_) = (Text(20_000), Text(200_000));
        for (var i = 0; i < 3; i++)
        {
            Probe(short_);
            Probe(long_);
        }

        var one = ThreadCpu.Fastest(() => Probe(short_), 7);
        var ten = ThreadCpu.Fastest(() => Probe(long_), 7);
        var ratio = ten.TotalMilliseconds / Math.Max(one.TotalMilliseconds, 0.05);
        output.WriteLine($"'{start}': {one.TotalMilliseconds:0.00} ms, 10x: {ten.TotalMilliseconds:0.00} ms, ratio {ratio:0.0}");
        Assert.True(ratio <= 30, $"'{start}' + spaces: 10x the spaces took {ratio:0.0}x as long ({one.TotalMilliseconds:0.00} ms vs {ten.TotalMilliseconds:0.00} ms); linear is about 10.");

        static void Probe(string text)
        {
            _ = DateText.Find(text);
            _ = DateText.IsDateOnly(text);
        }
    }
}
