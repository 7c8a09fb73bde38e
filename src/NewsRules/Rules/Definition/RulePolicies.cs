namespace NewsRules.Rules.Definition;

/// <summary>
/// <c>boilerplate:</c> in a rule: whether the generic extractor's boilerplate net also runs inside
/// the rule's body (share bars, related lists, newsletter walls, visually hidden text …).
/// </summary>
public enum BoilerplateMode
{
    /// <summary><c>boilerplate: remove</c> (the default): the net removes what it recognises, after the rule's own junk.</summary>
    Remove,

    /// <summary><c>boilerplate: keep</c>: only the rule's <c>junk</c> leaves the body.</summary>
    Keep,
}

/// <summary>
/// <c>rot:</c> in a rule: what the front door does when the rule's title or body comes out empty,
/// or its body holds far less than the generic extractor finds on the page (the site changed
/// under the rule).
/// </summary>
public enum RotPolicy
{
    /// <summary><c>rot: fallback</c> (the default): the generic extractor's value replaces the rotted field, with a <c>rule-rot:</c> warning.</summary>
    Fallback,

    /// <summary><c>rot: fail</c>: extraction throws <c>RuleRotException</c> (the command line exits 1).</summary>
    Fail,

    /// <summary><c>rot: warn</c>: the rule's own output is kept, with a <c>rule-rot:</c> warning.</summary>
    Warn,
}
