using System;
using System.Collections.Generic;
using System.Linq;
using NewsRules.Engine;
using NewsRules.Generic;
using NewsRules.Rules.Definition;

namespace NewsRules;

/// <summary>A field of a rule that has stopped matching its site.</summary>
/// <param name="Field">"title" or "body".</param>
/// <param name="Message">The <c>rule-rot:</c> warning: the field, the rule, its selectors and what was done.</param>
public sealed record RotFinding(string Field, string Message);

/// <summary>A rule with <c>rot: fail</c> found rotted on a page: its title or body no longer matches the site.</summary>
public sealed class RuleRotException : InvalidOperationException
{
    /// <summary>Creates the exception from the findings.</summary>
    public RuleRotException(string site, IReadOnlyList<RotFinding> findings)
        : base(string.Join(" ", findings.Select(f => f.Message)))
    {
        Site = site;
        Findings = findings;
    }

    /// <summary>The rule's site name.</summary>
    public string Site { get; }

    /// <summary>The rotted fields.</summary>
    public IReadOnlyList<RotFinding> Findings { get; }
}

/// <summary>
/// Rule rot: a site changed its layout under the rule. The rule's title coming out empty, its body
/// coming out empty, or its body holding less than a third of the text the generic extractor finds
/// on the same page (less what the rule's <c>junk</c> removes there), is rot. Per the rule's <c>rot:</c> setting, the generic extractor's value
/// replaces the field (<c>fallback</c>, the default), extraction throws (<c>fail</c>) or the rule's
/// value stays (<c>warn</c>); a <c>rule-rot:</c> warning says so every time.
/// </summary>
internal static class RotGuard
{
    /// <summary>
    /// A body with at least this many letters and digits is not compared with the generic
    /// extractor's: the comparison costs a second extraction, and no rotted rule measured gave a
    /// body this long (docs/rule-rot.md).
    /// </summary>
    internal const int CompareBelow = 1200;

    /// <summary>A body with less than this share of the generic extractor's text is rotted.</summary>
    internal const double ShortShare = 1.0 / 3;

    /// <summary>The generic body must be at least this long (letters and digits) to call a rule's body short.</summary>
    internal const int GenericFloor = 400;

    /// <summary>
    /// Checks the rule's article for rot against <paramref name="generic"/> (run only when needed).
    /// A short body is measured against the generic body less the rule's junk
    /// (<see cref="GenericResult.TextWithoutLeftOut"/>): a rule whose junk removes teasers on
    /// purpose is not rotted for it. What replaces a rotted field is the generic article's own.
    /// </summary>
    internal static Article Apply(SiteRule rule, Article article, Func<GenericResult> generic, out IReadOnlyList<RotFinding> findings)
    {
        var found = new List<RotFinding>();
        var ruleText = Letters(article.Text);
        var checkTitle = rule.Title is not null && article.Title is null && !rule.Fallback;
        var checkBody = rule.Body is not null && (ruleText == 0 ? !rule.Fallback : ruleText < CompareBelow);
        if (!checkTitle && !checkBody)
        {
            findings = found;
            return article;
        }

        var run = generic();
        var theirs = run.Article;
        var replaceTitle = false;
        var replaceBody = false;
        if (checkTitle && theirs.Title is not null)
        {
            replaceTitle = true;
            found.Add(new RotFinding("title", $"rule-rot: title: rule {rule.Site}'s title ({Selectors(rule.Title!)}) matched nothing on this page{Outcome(rule, "title")}"));
        }

        var genericText = Letters(theirs.Text);
        if (checkBody && genericText > 0)
        {
            if (ruleText == 0)
            {
                replaceBody = true;
                found.Add(new RotFinding("body", $"rule-rot: body: rule {rule.Site}'s body ({Selectors(rule.Body!)}) gave no text on this page{Outcome(rule, "body")}"));
            }
            else if (Letters(run.TextWithoutLeftOut) is var comparable
                && comparable >= GenericFloor && ruleText < ShortShare * comparable)
            {
                replaceBody = true;
                var lessJunk = comparable != genericText ? " once the rule's junk is left out of it" : string.Empty;
                found.Add(new RotFinding("body", $"rule-rot: body: rule {rule.Site}'s body ({Selectors(rule.Body!)}) holds {ruleText} letters where the generic extractor finds {comparable}{lessJunk}{Outcome(rule, "body")}"));
            }
        }

        findings = found;
        if (found.Count == 0)
        {
            return article;
        }

        if (rule.Rot == RotPolicy.Fail)
        {
            throw new RuleRotException(rule.Site, found);
        }

        var warnings = new List<string>(article.Warnings);
        warnings.AddRange(found.Select(f => f.Message));
        if (rule.Rot == RotPolicy.Warn)
        {
            return article with { Warnings = warnings };
        }

        var result = article with { Warnings = warnings };
        if (replaceTitle)
        {
            result = result with { Title = theirs.Title };
        }

        if (replaceBody)
        {
            result = result with { Body = theirs.Body, Text = theirs.Text, Captions = theirs.Captions };
        }

        return result;
    }

    /// <summary>Letters and digits: a length that counts scripts written without spaces alike.</summary>
    internal static int Letters(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                count++;
            }
        }

        return count;
    }

    private static string Selectors(FieldRule field) => string.Join(", ", field.Select.Select(s => "'" + s + "'"));

    private static string Outcome(SiteRule rule, string field) => rule.Rot switch
    {
        RotPolicy.Warn => $"; the rule's {field} is kept (rot: warn). Fix the rule's selectors.",
        RotPolicy.Fail => $". Fix the rule's selectors.",
        _ => $"; the generic extractor's {field} is used instead. Fix the rule's selectors (or set 'rot: fail' to stop on this).",
    };
}
