using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using NewsRules.Dates;
using NewsRules.Rules.Definition;

namespace NewsRules.Engine;

/// <summary>One field of a rule: ordered selector alternatives and how to read the value.</summary>
/// <remarks>
/// What a field may set is its shape's (<see cref="StandardFields"/>): a value field (title,
/// author, lead, image, custom fields) sets the pattern, a date field (published) also the formats,
/// culture and time zone, and an element field (body, captions) only <see cref="Select"/>; the YAML
/// reader refuses the other keys, so those slots stay empty.
/// </remarks>
public sealed class FieldRule
{
    /// <summary>Creates a field rule. Invalid regexes throw <see cref="ArgumentException"/>.</summary>
    public FieldRule(
        string name,
        IReadOnlyList<Selector> select,
        string? pattern = null,
        bool many = false,
        IReadOnlyList<string>? formats = null,
        string? culture = null,
        string? timeZone = null,
        bool keepInBody = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(select);
        if (select.Count == 0)
        {
            throw new ArgumentException($"Field '{name}' needs at least one selector.", nameof(select));
        }

        Name = name;
        Select = select;
        Pattern = pattern is null ? null : new Regex(pattern, RuleChecks.PatternOptions, RuleChecks.PatternTimeout);
        Many = many;
        KeepInBody = keepInBody;
        Formats = formats ?? Array.Empty<string>();
        Culture = culture;
        TimeZoneId = timeZone;
        if (timeZone is not null && DateParser.TryFindTimeZone(timeZone, out var zone))
        {
            TimeZone = zone;
        }
    }

    /// <summary>The field's name (<c>title</c>, <c>published</c>, or a custom field's name).</summary>
    public string Name { get; }

    /// <summary>The selector alternatives, in order.</summary>
    public IReadOnlyList<Selector> Select { get; }

    /// <summary>Applied to each value: group 1 when the pattern has one, else the whole match.</summary>
    public Regex? Pattern { get; }

    /// <summary>For custom fields: take every match.</summary>
    public bool Many { get; }

    /// <summary>
    /// Leave the element the value came from in the body. By default an element a field reads
    /// inside the body (a byline, a source line) leaves the body; some sites' body text starts with it.
    /// </summary>
    public bool KeepInBody { get; }

    /// <summary>For dates: exact formats tried after ISO 8601 and epochs.</summary>
    public IReadOnlyList<string> Formats { get; }

    /// <summary>For dates: the culture of month and day names.</summary>
    public string? Culture { get; }

    /// <summary>For dates: the IANA zone id as the rule wrote it.</summary>
    public string? TimeZoneId { get; }

    /// <summary>For dates: the zone for values written without an offset; null when unset or unknown here.</summary>
    public TimeZoneInfo? TimeZone { get; }

    /// <summary>The alternatives as the rule wrote them, for messages.</summary>
    public override string ToString() => string.Join(" | ", Select);
}
