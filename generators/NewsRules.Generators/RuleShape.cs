using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using NewsRules.Rules.Definition;

namespace NewsRules.Generators;

/// <summary>
/// What a broken rule would have generated: its site name and its custom fields (name, and
/// whether the field is a list). From it the generator emits the rule's types as stubs, so that
/// a mistake in the YAML gives the NR error(s) at the YAML and no CS0246/CS0117 at every call
/// site. Read only for rules with errors, as leniently as possible: every name that is a valid
/// identifier is kept, whatever else is wrong around it.
/// </summary>
internal sealed record RuleShape(string Site, EquatableArray<StubField> Fields)
{
    // For a file that is not YAML at all: 'site: Name' and the entries of 'fields:' line by line.
    private static readonly Regex SiteLine = new(@"^site\s*:\s*['""]?\s*([^'""#\s]+)\s*['""]?\s*(#.*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex EntryLine = new(@"^(\s+)['""]?([^'""\s:#]+)['""]?\s*:(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex ManyTrue = new(@"\bmany\s*:\s*(true|True|TRUE)\b", RegexOptions.CultureInvariant);
    private static readonly string[] LongFormKeys = { "select", "pattern", "many", "keep_in_body", "format", "culture", "timezone" };

    /// <summary>
    /// The shape of a rule that did not compile, or null when it has no usable site name (then
    /// no type can be named for it). The site name is the one the reader validated in
    /// <paramref name="claims"/>; only a file the reader could not read at all is scanned for it.
    /// </summary>
    public static RuleShape? Read(string path, string? text, RuleClaims? claims, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return null;
        }

        // A file over the size limit is not read as YAML again; its lines are scanned.
        var root = text.Length > YamlTree.MaxChars ? null : YamlTree.Read(path, text, new List<RuleDiagnostic>(), cancellationToken);
        var site = claims is null ? null : claims.Site;
        if (root is YamlMapping top)
        {
            if (claims is null)
            {
                site = SiteName(Value(top, "site") is YamlScalar scalar ? scalar.Value : null);
            }

            return site is null ? null : new RuleShape(site, new EquatableArray<StubField>(FieldsOf(site, Value(top, "fields"))));
        }

        // Not readable as YAML: scan the lines for what the types need.
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd('\r');
        }

        if (site is null)
        {
            foreach (var line in lines)
            {
                if (SiteLine.Match(line) is { Success: true } match)
                {
                    site = SiteName(match.Groups[1].Value);
                    break;
                }
            }
        }

        return site is null ? null : new RuleShape(site, new EquatableArray<StubField>(ScanFields(site, lines)));
    }

    private static string? SiteName(string? value)
    {
        var name = value?.Trim();
        return name is not null && Identifiers.IsIdentifier(name) && !Identifiers.ReservedSiteNames.Contains(name) ? name : null;
    }

    private static bool IsFieldName(string site, string name, HashSet<string> seen) =>
        Identifiers.IsIdentifier(name)
        && !Identifiers.ReservedFieldNames.Contains(name)
        && name != site + "Article"
        && seen.Add(name);

    private static YamlNode? Value(YamlMapping mapping, string key)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    private static List<StubField> FieldsOf(string site, YamlNode? fields)
    {
        var result = new List<StubField>();
        if (fields is not YamlMapping mapping)
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var name = entry.Key.Value.Trim();
            if (IsFieldName(site, name, seen))
            {
                var many = entry.Value is YamlMapping settings
                    && Value(settings, "many") is YamlScalar flag
                    && string.Equals(flag.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
                result.Add(new StubField(name, many));
            }
        }

        return result;
    }

    private static List<StubField> ScanFields(string site, string[] lines)
    {
        // Indentation cannot be trusted in a file that is not YAML (a tab among spaces is the
        // usual mistake), so every indented 'Name:' under 'fields:' is a field, except the keys
        // of a field's long form; a 'many: true' marks the field above it as a list.
        var result = new List<StubField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inFields = false;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                inFields = line.StartsWith("fields", StringComparison.Ordinal) && line.Substring(6).TrimStart().StartsWith(":", StringComparison.Ordinal);
                continue;
            }

            if (!inFields || EntryLine.Match(line) is not { Success: true } entry)
            {
                continue;
            }

            var name = entry.Groups[2].Value;
            if (Array.IndexOf(LongFormKeys, name) >= 0)
            {
                if (name == "many" && result.Count > 0 && ManyTrue.IsMatch(line))
                {
                    result[result.Count - 1] = result[result.Count - 1] with { Many = true };
                }
            }
            else if (IsFieldName(site, name, seen))
            {
                result.Add(new StubField(name, ManyTrue.IsMatch(entry.Groups[3].Value)));
            }
        }

        return result;
    }
}

/// <summary>A custom field of a broken rule: its property name and whether it is a list.</summary>
internal sealed record StubField(string Name, bool Many);

/// <summary>The Parse step's output: the reader's result and, for a rule with errors, its shape.</summary>
internal sealed record ParsedRule(RuleParseResult Result, RuleShape? Stub)
{
    public string Path => Result.Path;
}

/// <summary>A broken rule's shape and the file it came from, for the stub emitter.</summary>
internal sealed record StubSource(string Path, RuleShape Shape);
