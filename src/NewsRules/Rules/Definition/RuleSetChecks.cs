using System;
using System.Collections.Generic;
using System.Linq;

namespace NewsRules.Rules.Definition;

/// <summary>Checks that need every rule at once: no two rules share a site name or a domain.</summary>
internal static class RuleSetChecks
{
    public static List<RuleDiagnostic> Duplicates(IEnumerable<RuleClaims> claims)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var sites = new Dictionary<string, RuleClaims>(StringComparer.Ordinal);
        var domains = new Dictionary<string, RuleClaims>(StringComparer.Ordinal);

        // Ordinal path order: the first file claims, the later ones are reported, on every machine alike.
        foreach (var rule in claims.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            if (rule.Site is not null)
            {
                if (sites.TryGetValue(rule.Site, out var first))
                {
                    diagnostics.Add(new RuleDiagnostic(
                        RuleDiagnosticIds.DuplicateSite,
                        RuleSeverity.Error,
                        $"site: '{rule.Site}' is already the name of the rule in {FileName(first.Path)}; each rule needs its own site name.",
                        rule.SiteLocation));
                }
                else
                {
                    sites.Add(rule.Site, rule);
                }
            }

            foreach (var domain in rule.Domains)
            {
                if (domains.TryGetValue(domain.Domain, out var owner) && !ReferenceEquals(owner, rule))
                {
                    diagnostics.Add(new RuleDiagnostic(
                        RuleDiagnosticIds.DuplicateDomain,
                        RuleSeverity.Error,
                        $"domains: '{domain.Domain}' is already claimed by {owner.Site ?? "the rule"} in {FileName(owner.Path)}; a domain belongs to one rule. Serve both layouts from that rule (selectors take a list of alternatives), or claim a more specific subdomain (e.g. 'news.{domain.Domain}') in this one.",
                        domain.Location));
                }
                else
                {
                    domains[domain.Domain] = rule;
                }
            }
        }

        return diagnostics;
    }

    private static string FileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
