using System;

namespace NewsRules.Rules.Definition;

/// <summary>
/// Where something stands in a rule file: character offsets and zero-based line/column
/// (Roslyn's convention), so the generator can build a <c>Location</c> and the runtime can
/// print <c>path(line,col)</c> without either holding the other's types.
/// </summary>
internal readonly record struct RuleLocation(
    string Path,
    int StartIndex,
    int EndIndex,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    public static RuleLocation FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);

    /// <summary>The location as compilers print it: <c>path(line,col)</c>, one-based.</summary>
    public override string ToString() => $"{Path}({StartLine + 1},{StartColumn + 1})";
}

/// <summary>How bad a rule problem is.</summary>
internal enum RuleSeverity
{
    Warning,
    Error,
}

/// <summary>One problem in a rule file, as data (no Roslyn types): id, message, where.</summary>
internal sealed record RuleDiagnostic(string Id, RuleSeverity Severity, string Message, RuleLocation Location)

{
    /// <summary>The diagnostic as compilers print it: <c>path(line,col): error NR0003: message</c>.</summary>
    public override string ToString() =>
        $"{Location}: {(Severity == RuleSeverity.Error ? "error" : "warning")} {Id}: {Message}";
}
