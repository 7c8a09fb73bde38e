namespace NewsRules.Cli;

/// <summary>The exit codes of every <c>newsrules</c> command (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>The command ran, but extraction had problems: no rule for a page, error records, errored cases.</summary>
    public const int ExtractionProblems = 1;

    /// <summary>The command could not run: bad arguments, missing inputs, rules with errors.</summary>
    public const int UsageOrRuleErrors = 2;
}
