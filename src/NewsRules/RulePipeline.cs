using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using NewsRules.Engine;
using NewsRules.Generic;
using NewsRules.Rules.Definition;

namespace NewsRules;

/// <summary>What running a rule on a page gave, and what the front door did beside the rule.</summary>
/// <param name="Article">The article every extractor returns for the page.</param>
/// <param name="Boilerplate">What the boilerplate net left out of the rule's body, and why.</param>
/// <param name="Rot">The fields found rotted (empty, or far short of the generic extractor's).</param>
/// <param name="Trace">What the run matched and chose, when the caller asked for it (else null).</param>
internal sealed record RuleRun(Article Article, IReadOnlyList<BoilerplateRemoval> Boilerplate, IReadOnlyList<RotFinding> Rot, RunTrace? Trace = null);

/// <summary>
/// A rule and the generic extractor as one engine: the rule's selectors first, then the generic
/// boilerplate net inside its body (unless <c>boilerplate: keep</c>), then rule rot caught against
/// the generic extractor, its body less the rule's junk (<see cref="RotGuard"/>), then <c>fallback: true</c>'s empty fields filled
/// (<see cref="FallbackFill"/>). The rule engine itself knows nothing of the generic extractor; it
/// is composed here. The generic extractor runs at most once a page, and only when needed.
/// With <c>trace: true</c> the run records what it matched and chose (<see cref="RunTrace"/>), for
/// <c>--explain</c> and the report; without, it records nothing.
/// </summary>
internal static class RulePipeline
{
    public static RuleRun Run(SiteRule rule, IDocument document, Uri url, bool trace = false)
    {
        var removed = new List<BoilerplateRemoval>();
        var net = rule.Boilerplate == BoilerplateMode.Remove ? BoilerplateNet.Instance : null;
        var junk = new List<IElement>();
        var recorder = trace ? new RunTrace() : null;
        var article = RuleEngine.Run(rule, document, url, net, removed, junk, recorder);

        // The rot guard compares the rule's body with the generic body less the rule's junk: what
        // the rule's author removed on purpose (teasers, a live blog's entries) is not rot.
        GenericResult? generic = null;
        GenericResult GenericRun() => generic ??= GenericExtractor.Run(document, url, junk);
        Article Generic() => GenericRun().Article;

        article = RotGuard.Apply(rule, article, GenericRun, out var rot);
        if (rule.Fallback)
        {
            article = FallbackFill.Apply(article, Generic, recorder?.FilledByFallback);
        }

        if (recorder is not null)
        {
            recorder.Boilerplate = removed;
            recorder.Rot = rot;
            recorder.GenericRan = generic is not null;
        }

        return new RuleRun(article, removed, rot, recorder);
    }
}
