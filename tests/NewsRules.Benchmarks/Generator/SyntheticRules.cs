using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NewsRules.Benchmarks.Pages;
using NewsRules.Loading;

namespace NewsRules.Benchmarks.Generator;

/// <summary>
/// A large rule set made in memory from the repository's real rules: rule <c>i</c> is real
/// rule <c>i mod N</c> with its site renamed <c>&lt;Site&gt;N&lt;i&gt;</c> and each of its
/// domains renamed <c>n&lt;i&gt;-&lt;domain&gt;</c> (wherever the domain appears in the
/// file), so every rule is valid, every name and domain is unique, and the selectors,
/// patterns and shapes are those of real rules. Nothing is written to disk.
/// </summary>
internal static class SyntheticRules
{
    public static IReadOnlyList<InMemoryAdditionalText> Create(int count)
    {
        var originals = RuleLoader.FindRuleFiles(Repository.RulesDirectory)
            .Select(path => (Path: path, Yaml: File.ReadAllText(path), Rule: RuleLoader.LoadFile(path)))
            .ToList();
        if (originals.Count == 0)
        {
            throw new InvalidOperationException($"No rule files under {Repository.RulesDirectory} to make the generator benchmark's rules from.");
        }

        var rules = new List<InMemoryAdditionalText>(count);
        for (var i = 0; i < count; i++)
        {
            var (_, yaml, rule) = originals[i % originals.Count];
            var tag = i.ToString("D4", CultureInfo.InvariantCulture);
            var site = rule.Site + "N" + tag;
            var renamed = Regex.Replace(
                yaml,
                @"^(site:[ \t]*['""]?)" + Regex.Escape(rule.Site) + @"\b",
                m => m.Groups[1].Value + site,
                RegexOptions.Multiline);
            if (ReferenceEquals(renamed, yaml) || renamed == yaml)
            {
                throw new InvalidOperationException($"The rule of site '{rule.Site}' has no 'site: {rule.Site}' line to rename; the generator benchmark needs one per rule.");
            }

            // Every domain at once, longest first, so that one containing another is renamed once.
            // The model's domains have "www." dropped; the file may still say "www.example.com",
            // which becomes "www.n0042-example.com".
            var domains = string.Join("|", rule.Domains.OrderByDescending(d => d.Length).Select(Regex.Escape));
            renamed = Regex.Replace(renamed, @"(?<![\w-])(" + domains + @")(?![\w-])", m => "n" + tag + "-" + m.Value, RegexOptions.IgnoreCase);
            rules.Add(new InMemoryAdditionalText($"/rules/{site}/{site}.yaml", renamed));
        }

        return rules;
    }

    /// <summary>
    /// The same rule file with one meaningful edit (its <c>language</c> changed, or added), as a
    /// user saving a rule in the IDE: the rule's model changes, so its extractor is generated
    /// again; its registry entry (site, domains, file) does not, so the Sites registry and the
    /// other rules' steps stay cached.
    /// </summary>
    public static InMemoryAdditionalText Edit(InMemoryAdditionalText rule)
    {
        var language = new Regex(@"^language:[ \t]*(\S+)[ \t]*$", RegexOptions.Multiline);
        var match = language.Match(rule.Text);
        var edited = match.Success
            ? language.Replace(rule.Text, match.Groups[1].Value == "es" ? "language: fr" : "language: es", 1)
            : rule.Text.TrimEnd() + "\nlanguage: es\n";
        return new InMemoryAdditionalText(rule.Path, edited);
    }
}
