using System;
using System.Collections.Generic;
using System.Linq;

namespace NewsRules.Loading;

/// <summary>A rule file that cannot be loaded, with every problem at its line and column.</summary>
public sealed class RuleLoadException : Exception
{
    internal RuleLoadException(IReadOnlyList<RuleProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
    {
        Problems = problems;
    }

    /// <summary>The problems, in file order.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }
}

/// <summary>One problem in a rule file: the same ids and messages the build reports.</summary>
/// <param name="Id">The NR diagnostic id.</param>
/// <param name="IsError">False for a warning.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Path">The rule file.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column.</param>
public sealed record RuleProblem(string Id, bool IsError, string Message, string Path, int Line, int Column)
{
    /// <summary>As compilers print it: <c>path(line,col): error NR0003: message</c>.</summary>
    public override string ToString() => $"{Path}({Line},{Column}): {(IsError ? "error" : "warning")} {Id}: {Message}";
}
