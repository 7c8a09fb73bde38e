using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NewsRules.Cli.Conformance;

/// <summary>
/// Prints Fundus conformance results: a row per case (failed assertions below it), the
/// per-field table, the word-level body scores, optional per-country and per-publisher lines,
/// and the closing <c>conformance: P/T assertions passed (X%)</c> line.
/// </summary>
internal static class FundusReport
{
    private const int ShownItems = 4;

    public static (int Passed, int Total, int Errors) Write(IReadOnlyList<FundusResult> results, TextWriter output, bool failuresOnly, bool perCountry, bool perPublisher)
    {
        foreach (var result in results)
        {
            WriteCase(result, output, failuresOnly);
        }

        output.WriteLine();
        output.WriteLine("field                 passed / asserted");
        foreach (var field in FundusRunner.Fields)
        {
            var asserted = results.SelectMany(r => r.Assertions).Where(f => f.Field == field).ToList();
            var errored = results.Where(r => r.Error is not null).Sum(r => Expected(r.Case, field));
            var total = asserted.Count + errored;
            if (total > 0)
            {
                var passed = asserted.Count(f => f.Passed);
                output.WriteLine(Invariant($"{field,-21} {passed,6} / {total,-6} {Percent(passed, total),6:0.0}%"));
            }
        }

        var undeclared = results.Count(r => r.Error is null && r.Case.Topics is not null && !r.Assertions.Any(f => f.Field == FundusRunner.Topics));
        if (undeclared > 0)
        {
            output.WriteLine($"topics not asserted on {undeclared} case(s) whose rule declares no Topics field (or that went to the generic fallback).");
        }

        var (precision, recall) = Words(results);
        output.WriteLine(Invariant($"body words (pooled over {results.Count(r => r.Error is null)} cases): precision {precision:0.000}, paragraph recall {recall:0.000}"));
        var generic = results.Count(r => r.Generic);
        output.WriteLine($"{results.Count - generic} case(s) went to a site rule, {generic} to the generic fallback (no rule serves them).");

        if (perCountry)
        {
            Groups("country", results.GroupBy(r => r.Case.Country), output);
        }

        if (perPublisher)
        {
            Groups("publisher", results.GroupBy(r => r.Case.Publisher), output);
        }

        var passedAll = results.Sum(r => r.Assertions.Count(f => f.Passed));
        var all = results.Sum(r => r.Error is null ? r.Assertions.Count : FundusRunner.Fields.Sum(f => Expected(r.Case, f)));
        var errors = results.Count(r => r.Error is not null);
        if (errors > 0)
        {
            output.WriteLine($"{errors} case(s) errored; their assertions count as failed.");
        }

        output.WriteLine(Invariant($"conformance: {passedAll}/{all} assertions passed ({Percent(passedAll, all):0.0}%)"));
        return (passedAll, all, errors);
    }

    private static void WriteCase(FundusResult result, TextWriter output, bool failuresOnly)
    {
        var failed = result.Assertions.Where(f => !f.Passed).ToList();
        if (failuresOnly && result.Error is null && failed.Count == 0)
        {
            return;
        }

        var status = result.Error is not null ? "ERROR" : failed.Count > 0 ? "FAIL " : "ok   ";
        var marks = new List<string>();
        foreach (var field in new[] { FundusRunner.Title, FundusRunner.Authors, FundusRunner.Published, FundusRunner.Summary, FundusRunner.Topics })
        {
            if (result.Assertions.FirstOrDefault(f => f.Field == field) is { } one)
            {
                marks.Add($"{(field == FundusRunner.Published ? "date" : field)}:{(one.Passed ? "ok" : "FAIL")}");
            }
        }

        var body = result.Assertions.Where(f => f.Field is FundusRunner.Heading or FundusRunner.Paragraph).ToList();
        if (body.Count > 0)
        {
            marks.Add($"body:{body.Count(f => f.Passed)}/{body.Count}");
        }

        var site = result.Site is null ? string.Empty : result.Generic ? " [generic]" : $" [{result.Site}]";
        output.WriteLine($"{status} {result.Case.Id,-36} {string.Join(' ', marks)}{site}{(result.Error is null ? string.Empty : " " + result.Error)}");
        foreach (var field in failed.Where(f => f.Field is not (FundusRunner.Heading or FundusRunner.Paragraph)))
        {
            output.WriteLine($"      {field.Field}: expected {Quote(field.Expected)}");
            output.WriteLine($"      {new string(' ', field.Field.Length)}       got {Quote(field.Actual)}");
        }

        if (result.Missing.Count > 0)
        {
            output.WriteLine($"      body: {result.Missing.Count} expected item(s) not found, e.g.");
            foreach (var missing in result.Missing.Take(ShownItems))
            {
                output.WriteLine($"        - {Quote(missing)}");
            }
        }

        if (result.Extra.Count > 0 && (failed.Count > 0 || !failuresOnly))
        {
            output.WriteLine($"      body: {result.Extra.Count} block(s) of ours not expected, e.g.");
            foreach (var extra in result.Extra.Take(ShownItems))
            {
                output.WriteLine($"        + {Quote(extra)}");
            }
        }
    }

    private static void Groups(string name, IEnumerable<IGrouping<string, FundusResult>> groups, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{name,-24} cases  passed / asserted        words P / R   served by");
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var passed = group.Sum(r => r.Assertions.Count(f => f.Passed));
            var total = group.Sum(r => r.Error is null ? r.Assertions.Count : FundusRunner.Fields.Sum(f => Expected(r.Case, f)));
            var (precision, recall) = Words(group);
            var servedBy = string.Join(",", group.Select(r => r.Site is null ? "-" : r.Generic ? "generic" : r.Site).Distinct(StringComparer.Ordinal));
            output.WriteLine(Invariant($"{group.Key,-24} {group.Count(),5}  {passed,6} / {total,-6} {Percent(passed, total),6:0.0}%  {precision:0.00} / {recall:0.00}   {servedBy}"));
        }
    }

    internal static (double Precision, double Recall) Words(IEnumerable<FundusResult> results)
    {
        long ours = 0, oursExpected = 0, expected = 0, found = 0;
        foreach (var result in results)
        {
            if (result.Error is not null)
            {
                expected += result.Words.Expected;
                continue;
            }

            ours += result.Words.Ours;
            oursExpected += result.Words.OursExpected;
            expected += result.Words.Expected;
            found += result.Words.ExpectedFound;
        }

        return (ours == 0 ? 0 : (double)oursExpected / ours, expected == 0 ? 0 : (double)found / expected);
    }

    /// <summary>How many assertions a case makes of a field when its extraction does not run (it errored).</summary>
    internal static int Expected(FundusCase item, string field) => field switch
    {
        FundusRunner.Title => item.Title is null ? 0 : 1,
        FundusRunner.Authors => item.Authors is null ? 0 : 1,
        FundusRunner.Published => item.Published is null ? 0 : 1,
        FundusRunner.Summary => item.Summary.Any(s => FundusRunner.Normalize(s) is not null) ? 1 : 0,
        FundusRunner.Heading => item.Sections.Sum(s => s.Headlines.Count(h => FundusRunner.Normalize(h) is not null)),
        FundusRunner.Paragraph => item.Sections.Sum(s => s.Paragraphs.Count(p => FundusRunner.Normalize(p) is not null)),
        _ => 0,
    };

    private static double Percent(int passed, int total) => total == 0 ? 100.0 : 100.0 * passed / total;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        return "\"" + (value.Length > 160 ? value.Substring(0, 157) + "…" : value) + "\"";
    }
}
