using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NewsRules.Cli.Evaluate;

/// <summary>The pooled numbers of an evaluation run.</summary>
internal sealed record EvaluationSummary(
    int Pages,
    int ByRule,
    int Errors,
    int TruePositives,
    int FalseNegatives,
    int FalsePositives,
    int TrueNegatives,
    int TitlesCorrect,
    int TitlesCorrectIgnoringCase,
    int TitlesKnown,
    int AuthorsCorrect,
    int AuthorsKnown,
    int DatesCorrect,
    int DatesKnown)
{
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Ratio(2 * TruePositives, (2 * TruePositives) + FalsePositives + FalseNegatives);

    public double Accuracy => Ratio(TruePositives + TrueNegatives, TruePositives + TrueNegatives + FalsePositives + FalseNegatives);

    public double TitleAccuracy => Ratio(TitlesCorrect, TitlesKnown);

    public double AuthorAccuracy => Ratio(AuthorsCorrect, AuthorsKnown);

    public double DateAccuracy => Ratio(DatesCorrect, DatesKnown);

    public static EvaluationSummary Of(IReadOnlyCollection<PageOutcome> outcomes) => new(
        outcomes.Count,
        outcomes.Count(o => o.ByRule && o.Error is null),
        outcomes.Count(o => o.Error is not null),
        outcomes.Sum(o => o.TruePositives),
        outcomes.Sum(o => o.FalseNegatives),
        outcomes.Sum(o => o.FalsePositives),
        outcomes.Sum(o => o.TrueNegatives),
        outcomes.Count(o => o.TitleCorrect == true),
        outcomes.Count(o => o.TitleCorrectIgnoringCase == true),
        outcomes.Count(o => o.Case.Title is not null),
        outcomes.Count(o => o.AuthorCorrect == true),
        outcomes.Count(o => o.Case.Author is not null),
        outcomes.Count(o => o.DateCorrect == true),
        outcomes.Count(o => o.Case.Date is not null));

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>Prints an evaluation: optionally a line per page that went wrong, then the pooled numbers.</summary>
internal static class EvaluationReport
{
    public static EvaluationSummary Write(IReadOnlyCollection<PageOutcome> outcomes, TextWriter output, bool details)
    {
        if (details)
        {
            foreach (var o in outcomes)
            {
                WritePage(o, output);
            }
        }

        var s = EvaluationSummary.Of(outcomes);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pages: {s.Pages} ({s.ByRule} by a site rule, {s.Pages - s.ByRule - s.Errors} by the generic fallback, {s.Errors} errors)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"body snippets: tp {s.TruePositives}, fn {s.FalseNegatives}, fp {s.FalsePositives}, tn {s.TrueNegatives}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"body: precision {s.Precision:0.000}, recall {s.Recall:0.000}, F1 {s.F1:0.000}, accuracy {s.Accuracy:0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"title: {s.TitlesCorrect}/{s.TitlesKnown} exact ({100 * s.TitleAccuracy:0.0}%); {s.TitlesCorrectIgnoringCase} ignoring case ({100.0 * s.TitlesCorrectIgnoringCase / Math.Max(1, s.TitlesKnown):0.0}%)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"author: {s.AuthorsCorrect}/{s.AuthorsKnown} exact ({100 * s.AuthorAccuracy:0.0}%)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"date: {s.DatesCorrect}/{s.DatesKnown} exact ({100 * s.DateAccuracy:0.0}%)"));
        return s;
    }

    private static void WritePage(PageOutcome o, TextWriter output)
    {
        var problems = new List<string>();
        if (o.Error is not null)
        {
            problems.Add($"error: {o.Error}");
        }

        problems.AddRange(o.Missed.Select(m => $"missed \"{Short(m)}\""));
        problems.AddRange(o.Leaked.Select(l => $"leaked \"{Short(l)}\""));
        if (o.TitleCorrect == false)
        {
            problems.Add($"title \"{o.Title}\" (expected \"{o.Case.Title}\")");
        }

        if (o.AuthorCorrect == false)
        {
            problems.Add($"author \"{o.Author}\" (expected \"{o.Case.Author}\")");
        }

        if (o.DateCorrect == false)
        {
            problems.Add($"date {o.Date ?? "none"} (expected {o.Case.Date})");
        }

        if (problems.Count == 0)
        {
            return;
        }

        output.WriteLine($"{o.Case.Page}: {string.Join("; ", problems)}");
    }

    private static string Short(string s)
    {
        var n = Evaluation.Normalize(s);
        return n.Length <= 60 ? n : n.Substring(0, 57) + "…";
    }
}
