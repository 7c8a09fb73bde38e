using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace NewsRules.Rules.Definition;

/// <summary>Checks that rule names can become C# type and property names.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Names a custom field may not take: the members every <c>Article</c> already has.</summary>
    public static readonly ImmutableHashSet<string> ReservedFieldNames = ImmutableHashSet.Create(StringComparer.Ordinal,
        "Site", "Url", "Title", "Lead", "Authors", "Published", "Image", "Language", "Captions", "Body", "Text",
        "Fields", "Warnings", "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct",
        "MemberwiseClone", "Finalize", "PrintMembers");

    /// <summary>Names a site may not take: the members of the generated <c>Sites</c> registry.</summary>
    public static readonly ImmutableHashSet<string> ReservedSiteNames = ImmutableHashSet.Create(StringComparer.Ordinal,
        "All", "ForUrl", "Extract", "Sites", "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals");

    /// <summary>A C# identifier (letters, digits, underscores; not starting with a digit) that is not a keyword.</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || name.Length > 200 || Keywords.Contains(name))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(name[i]);
            var ok = category switch
            {
                UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
                UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => i > 0 || name[i] == '_',
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Turns any text into a PascalCase identifier, for suggestions ("rt-arabic" → "RtArabic").</summary>
    public static string Suggest(string name)
    {
        var result = new System.Text.StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                result.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (result.Length == 0 || char.IsDigit(result[0]))
        {
            result.Insert(0, "Site");
        }

        return result.ToString();
    }
}
