using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NewsRules.Cli.Conformance;

/// <summary>Prints conformance results: a row per case, a per-field summary, and the closing line.</summary>
internal static class ConformanceReport
{
    public static (int Passed, int Total, int Errors) Write(IReadOnlyList<CaseResult> results, TextWriter output, bool failuresOnly)
    {
        foreach (var result in results)
        {
            var failed = result.Fields.Where(f => !f.Passed).ToList();
            if (failuresOnly && result.Error is null && failed.Count == 0)
            {
                continue;
            }

            var status = result.Error is not null ? "ERROR" : failed.Count > 0 ? "FAIL " : result.Fields.Count == 0 ? "none " : "ok   ";
            var marks = string.Join(' ', result.Fields.Select(f => $"{Short(f.Field)}:{(f.Passed ? "ok" : "FAIL")}"));
            output.WriteLine($"{status} {result.Case.Id,-40} {marks}{(result.Error is null ? string.Empty : " " + result.Error)}");
            foreach (var field in failed)
            {
                output.WriteLine($"      {field.Field}: expected {Quote(field.Expected)}");
                output.WriteLine($"      {new string(' ', field.Field.Length)}       got {Quote(field.Actual)}");
            }
        }

        output.WriteLine();
        output.WriteLine("field                 passed / asserted");
        foreach (var field in ConformanceCase.Fields)
        {
            var asserted = results.SelectMany(r => r.Fields).Where(f => f.Field == field).ToList();
            var erroredAssertions = results.Where(r => r.Error is not null).Sum(r => r.Case.Expected.ContainsKey(field) ? 1 : 0);
            var total = asserted.Count + erroredAssertions;
            if (total > 0)
            {
                output.WriteLine($"{field,-21} {asserted.Count(f => f.Passed),6} / {total}");
            }
        }

        var passed = results.Sum(r => r.Fields.Count(f => f.Passed));
        var all = results.Sum(r => r.Error is null ? r.Fields.Count : r.Case.Expected.Count);
        var errors = results.Count(r => r.Error is not null);
        if (errors > 0)
        {
            output.WriteLine($"{errors} case(s) errored; their assertions count as failed.");
        }

        var percent = all == 0 ? 100.0 : 100.0 * passed / all;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"conformance: {passed}/{all} assertions passed ({percent:0.0}%)"));
        return (passed, all, errors);
    }

    private static string Short(string field) => field switch
    {
        "date_published" => "date",
        "lead_image_url" => "image",
        "content_first_words" => "content",
        _ => field,
    };

    private static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        return "\"" + (value.Length > 160 ? value.Substring(0, 157) + "…" : value) + "\"";
    }
}
