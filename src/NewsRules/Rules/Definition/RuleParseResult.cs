namespace NewsRules.Rules.Definition;

/// <summary>
/// What reading one rule file gives: the model (null when the file has errors), every
/// diagnostic, and the names the rule claims with their positions (for the cross-rule
/// duplicate checks). Value-equatable, so the incremental generator can cache it.
/// </summary>
internal sealed record RuleParseResult(
    string Path,
    RuleModel? Model,
    EquatableArray<RuleDiagnostic> Diagnostics,
    RuleClaims? Claims)
{
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Severity == RuleSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>The site name and domains a rule claims, where it claims them.</summary>
internal sealed record RuleClaims(
    string Path,
    string? Site,
    RuleLocation SiteLocation,
    EquatableArray<ClaimedDomain> Domains);

/// <summary>One domain a rule claims, where it claims it.</summary>
internal sealed record ClaimedDomain(string Domain, RuleLocation Location);
