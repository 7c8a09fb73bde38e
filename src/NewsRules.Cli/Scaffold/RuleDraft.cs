using System;
using System.Collections.Generic;

namespace NewsRules.Cli.Scaffold;

/// <summary>The language the scaffold proposes, and why.</summary>
internal sealed record LanguageGuess(string Tag, double Confidence, string Evidence);

/// <summary>Everything the scaffold guessed for one page: what the YAML writer turns into a rule.</summary>
internal sealed record RuleDraft(
    string Site,
    string Domain,
    Uri Url,
    string SamplePath,
    LanguageGuess? Language,
    FieldGuess? Title,
    FieldGuess? Author,
    FieldGuess? Published,
    FieldGuess? Lead,
    FieldGuess? Image,
    BodyGuess Body,
    FieldGuess? Captions,
    IReadOnlyList<JunkGuess> Junk)
{
    /// <summary>Fields left out after a trial run, with the reason (shown in the report and as YAML comments).</summary>
    public IReadOnlyDictionary<string, string> Dropped { get; init; } = new Dictionary<string, string>();

    /// <summary><c>fallback: true</c>: the fields the draft leaves out, or that come out empty on a page, come from the generic extractor.</summary>
    public bool Fallback { get; init; }

    /// <summary>Per page given: what the draft extracts there (written as comments at the end of the rule).</summary>
    public IReadOnlyList<string> PageNotes { get; init; } = Array.Empty<string>();
}
