using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using BenchmarkDotNet.Attributes;
using NewsRules.Benchmarks.Pages;
using NewsRules.Engine;
using NewsRules.Generic;
using NewsRules.Html;

namespace NewsRules.Benchmarks.Rot;

/// <summary>
/// The cost of the rot check (issue 19): the rule run as the front door runs it
/// (<c>RulePipeline</c>: rule, boilerplate net, rot guard, fallback fill) beside the rule engine
/// with the net alone (no rot guard), over every bench page with its own rule (healthy rules:
/// the generic extractor runs only where a body is under 1,200 letters), and with each page's
/// rule forced onto the next page (every rule rotted: the generic extractor runs on every
/// page). The generic extractor alone is the floor of the rotted case. Pages are parsed once in
/// setup; one operation is the whole set.
/// </summary>
public class RotCheckBenchmarks
{
    private IDocument[] documents = Array.Empty<IDocument>();
    private Uri[] urls = Array.Empty<Uri>();
    private SiteRule[] rules = Array.Empty<SiteRule>();

    [GlobalSetup]
    public void Setup()
    {
        var pages = PageSet.Current.Pages.ToArray();
        documents = pages.Select(p => HtmlDocuments.Parse(p.Html)).ToArray();
        urls = pages.Select(p => p.Url).ToArray();
        rules = pages.Select(p => ((IRuleExtractor)p.Interpreted).Rule).ToArray();
    }

    [Benchmark(Baseline = true, Description = "Own rule: engine + net, no rot guard")]
    public int OwnNoGuard()
    {
        var blocks = 0;
        for (var i = 0; i < documents.Length; i++)
        {
            blocks += RuleEngine.Run(rules[i], documents[i], urls[i], BoilerplateNet.Instance, new List<BoilerplateRemoval>()).Body.Count;
        }

        return blocks;
    }

    [Benchmark(Description = "Own rule: front door (net + rot guard)")]
    public int OwnPipeline()
    {
        var blocks = 0;
        for (var i = 0; i < documents.Length; i++)
        {
            blocks += NewsRules.RulePipeline.Run(rules[i], documents[i], urls[i]).Article.Body.Count;
        }

        return blocks;
    }

    [Benchmark(Description = "Rotted (next page's rule): front door")]
    public int RottedPipeline()
    {
        var blocks = 0;
        for (var i = 0; i < documents.Length; i++)
        {
            var rule = rules[(i + 1) % rules.Length];
            try
            {
                blocks += NewsRules.RulePipeline.Run(rule, documents[i], urls[i]).Article.Body.Count;
            }
            catch (NewsRules.RuleRotException)
            {
                // A rule with rot: fail stops on a page it does not serve.
            }
        }

        return blocks;
    }

    [Benchmark(Description = "Generic extractor alone")]
    public int GenericAlone()
    {
        var blocks = 0;
        for (var i = 0; i < documents.Length; i++)
        {
            blocks += GenericExtractor.Instance.Extract(documents[i], urls[i]).Body.Count;
        }

        return blocks;
    }
}
