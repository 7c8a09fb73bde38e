using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace NewsRules.Rules.Definition;

/// <summary>
/// Reads a YAML rule file into a <see cref="RuleModel"/> and validates it, reporting every
/// problem at its line and column. The one reader of the rule language: the source generator
/// and the runtime loader both compile this file. It never throws for any input.
/// </summary>
internal static class RuleReader
{
    /// <summary>The top-level keys of the rule language, in the order the README lists them.</summary>
    public static readonly string[] TopLevelKeys = new[] { "site", "domains", "urls", "language" }
        .Concat(StandardFields.All.Select(field => field.Name))
        .Concat(new[] { "junk", "fields", "fallback", "unwrap", "rename", "boilerplate", "rot", "reveal" })
        .ToArray();

    private static readonly (string Word, BoilerplateMode Value)[] BoilerplateChoices =
    {
        ("remove", BoilerplateMode.Remove),
        ("keep", BoilerplateMode.Keep),
    };

    private static readonly (string Word, RotPolicy Value)[] RotChoices =
    {
        ("fallback", RotPolicy.Fallback),
        ("fail", RotPolicy.Fail),
        ("warn", RotPolicy.Warn),
    };

    private static readonly string[] CustomKeys = { "select", "pattern", "many", "keep_in_body", "split", "reject", "clean", "text", "links_only" };

    // The long form of one alternative in a list: what it selects, and how its values are read.
    private static readonly string[] ValueAlternativeKeys = { "select", "pattern", "split", "reject", "clean", "text", "links_only" };
    private static readonly string[] ElementAlternativeKeys = { "select", "text", "links_only" };

    public static RuleParseResult Parse(string path, string? text, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<RuleDiagnostic>();
        if (text is null)
        {
            diagnostics.Add(Error(RuleDiagnosticIds.YamlSyntax, "The rule file could not be read as text; save it as UTF-8.", RuleLocation.FileStart(path)));
            return new RuleParseResult(path, null, new EquatableArray<RuleDiagnostic>(diagnostics), null);
        }

        var root = YamlTree.Read(path, text, diagnostics, cancellationToken);
        if (diagnostics.Count > 0 && root is null)
        {
            return new RuleParseResult(path, null, new EquatableArray<RuleDiagnostic>(diagnostics), null);
        }

        var reader = new Reader(path, diagnostics, cancellationToken);
        var (model, claims) = reader.Read(root);
        var hasErrors = diagnostics.Any(d => d.Severity == RuleSeverity.Error);
        return new RuleParseResult(path, hasErrors ? null : model, new EquatableArray<RuleDiagnostic>(diagnostics), claims);
    }

    private static RuleDiagnostic Error(string id, string message, RuleLocation location) =>
        new(id, RuleSeverity.Error, message, location);

    private sealed class Reader
    {
        private readonly string path;
        private readonly List<RuleDiagnostic> diagnostics;
        private readonly CancellationToken cancellationToken;

        public Reader(string path, List<RuleDiagnostic> diagnostics, CancellationToken cancellationToken)
        {
            this.path = path;
            this.diagnostics = diagnostics;
            this.cancellationToken = cancellationToken;
        }

        public (RuleModel? Model, RuleClaims? Claims) Read(YamlNode? root)
        {
            if (root is null || (root is YamlScalar scalarRoot && scalarRoot.IsNull))
            {
                Report(RuleDiagnosticIds.MissingKey, "The rule file is empty. A rule needs at least 'site', 'domains', 'title' and 'body'.", RuleLocation.FileStart(path));
                return (null, null);
            }

            if (root is not YamlMapping top)
            {
                Report(RuleDiagnosticIds.WrongType, $"A rule file is a mapping of keys (site:, domains:, title:, …), not {root.Kind}.", root.Location);
                return (null, null);
            }

            string? site = null;
            var siteLocation = top.Location;
            var domains = new List<ClaimedDomain>();
            var urls = new List<string>();
            string? language = null;
            var standard = new FieldModel?[StandardFields.All.Count];
            var junk = new List<SelectorModel>();
            var fields = new List<FieldModel>();
            var fieldKeys = new Dictionary<string, RuleLocation>(StringComparer.Ordinal);
            var fallback = false;
            var boilerplate = BoilerplateMode.Remove;
            var rot = RotPolicy.Fallback;
            var renames = new List<RenameModel>();
            var reveal = new List<SelectorModel>();
            RuleLocation? revealLocation = null;

            foreach (var (key, value) in Entries(top))
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (key.Value)
                {
                    case "site":
                        site = ReadSite(value);
                        siteLocation = value.Location;
                        break;
                    case "domains":
                        ReadDomains(value, domains);
                        break;
                    case "urls":
                        foreach (var item in Strings(key.Value, value))
                        {
                            var error = RuleChecks.RegexError(item.Value);
                            if (error is null)
                            {
                                urls.Add(item.Value);
                            }
                            else
                            {
                                Report(RuleDiagnosticIds.InvalidRegex, $"urls: '{item.Value}' is not a valid regular expression: {error}", item.Location);
                            }
                        }

                        break;
                    case "language":
                        if (ScalarValue(key.Value, value) is { } tag)
                        {
                            if (RuleChecks.IsLanguageTag(tag.Value))
                            {
                                language = tag.Value;
                            }
                            else
                            {
                                Report(RuleDiagnosticIds.WrongType, $"language: '{tag.Value}' is not a BCP 47 language tag; write e.g. 'ar', 'en' or 'pt-BR'.", tag.Location);
                            }
                        }

                        break;
                    case var name when StandardFields.Named(name) is { } field:
                        standard[StandardFields.IndexOf(field)] = ReadField(field.Name, value, field.Keys, field.AllowsAttribute);
                        break;
                    case "junk":
                        if (value is YamlMapping junkEntry)
                        {
                            // One long-form entry on its own: junk: { select: p, text: '^SEE ALSO:' }.
                            if (ReadAlternative("junk", junkEntry, allowAttribute: false) is { } selector)
                            {
                                junk.Add(selector);
                            }
                        }
                        else
                        {
                            ReadSelectors("junk", value, allowAttribute: false, junk);
                        }

                        break;
                    case "fields":
                        ReadCustomFields(value, fields, fieldKeys);
                        break;
                    case "fallback":
                        ReadBoolean("fallback", value, ref fallback);
                        break;
                    case "boilerplate":
                        ReadChoice("boilerplate", value, BoilerplateChoices, ref boilerplate);
                        break;
                    case "rot":
                        ReadChoice("rot", value, RotChoices, ref rot);
                        break;
                    case "unwrap":
                        var unwrapped = new List<SelectorModel>();
                        if (value is YamlMapping unwrapEntry)
                        {
                            if (ReadAlternative("unwrap", unwrapEntry, allowAttribute: false) is { } one)
                            {
                                unwrapped.Add(one);
                            }
                        }
                        else
                        {
                            ReadSelectors("unwrap", value, allowAttribute: false, unwrapped);
                        }

                        renames.AddRange(unwrapped.Select(selector => new RenameModel(selector, null)));
                        break;
                    case "rename":
                        ReadRenames(value, renames);
                        break;
                    case "reveal":
                        revealLocation = key.Location;
                        if (value is YamlMapping revealEntry)
                        {
                            if (ReadAlternative("reveal", revealEntry, allowAttribute: false) is { } shown)
                            {
                                reveal.Add(shown);
                            }
                        }
                        else
                        {
                            ReadSelectors("reveal", value, allowAttribute: false, reveal);
                        }

                        break;
                    default:
                        UnknownKey(key, TopLevelKeys, "a rule");
                        break;
                }
            }

            // A missing key is reported at the rule's first key (after any leading comments).
            var start = top.Entries.Count > 0 ? top.Entries[0].Key.Location : top.Location;
            if (site is null && !HasKey(top, "site"))
            {
                Report(RuleDiagnosticIds.MissingKey, "The rule has no 'site'. Add a C# name for it, e.g. 'site: RtArabic'; it names the generated RtArabicExtractor and Sites.RtArabic.", start);
            }

            if (domains.Count == 0 && !HasKey(top, "domains"))
            {
                Report(RuleDiagnosticIds.MissingKey, "The rule has no 'domains'. List the hosts it serves, e.g. 'domains: [arabic.rt.com]'.", start);
            }
            else if (domains.Count == 0 && !diagnostics.Any(d => d.Severity == RuleSeverity.Error))
            {
                Report(RuleDiagnosticIds.MissingKey, "'domains' is empty. List the hosts the rule serves, e.g. 'domains: [arabic.rt.com]'.", KeyLocation(top, "domains") ?? start);
            }

            // A rule with 'fallback: true' may leave the title and the body to the generic extractor.
            foreach (var field in StandardFields.All)
            {
                if (field.WhenMissing is { } message && standard[StandardFields.IndexOf(field)] is null && !HasKey(top, field.Name) && !fallback)
                {
                    Report(RuleDiagnosticIds.MissingKey, message, start);
                }
            }

            // Checked once both are known: 'fields' may come before 'site' in the file.
            if (site is not null && fieldKeys.TryGetValue(site + "Article", out var clash))
            {
                Report(RuleDiagnosticIds.InvalidName, $"fields: '{site}Article' is the name of the generated article type, and a property cannot share its type's name; name the field differently, e.g. '{site}ArticleValue'.", clash);
            }

            if (revealLocation is { } revealAt && !HasKey(top, "body"))
            {
                Report(RuleDiagnosticIds.RevealWithoutBody, "reveal: the rule has no 'body'. 'reveal' reads hidden elements inside the rule's own body only (not in the generic extractor's); add the article's container, e.g. body: '.article-body'.", revealAt);
            }

            var claims = new RuleClaims(path, site, siteLocation, new EquatableArray<ClaimedDomain>(domains));
            if (site is null || domains.Count == 0
                || StandardFields.All.Any(field => field.RequiredUnlessFallback && standard[StandardFields.IndexOf(field)] is null && (!fallback || HasKey(top, field.Name))))
            {
                return (null, claims);
            }

            var model = new RuleModel(
                site,
                new EquatableArray<string>(domains.Select(d => d.Domain)),
                new EquatableArray<string>(urls),
                language,
                new EquatableArray<FieldModel>(standard.Where(field => field is not null).Select(field => field!)),
                new EquatableArray<SelectorModel>(junk),
                new EquatableArray<FieldModel>(fields),
                fallback,
                new EquatableArray<RenameModel>(renames),
                boilerplate,
                rot,
                new EquatableArray<SelectorModel>(reveal));
            return (model, claims);
        }

        /// <summary><c>rename: { 'div.subhead': h2 }</c>: element selectors (keys) and the tag each is read as.</summary>
        private void ReadRenames(YamlNode value, List<RenameModel> renames)
        {
            if (value is YamlScalar { IsNull: true })
            {
                return;
            }

            if (value is not YamlMapping mapping)
            {
                Report(RuleDiagnosticIds.WrongType, $"rename: expected a mapping of element selectors to tags (e.g. 'div.subhead: h2'), not {value.Kind}.", value.Location);
                return;
            }

            foreach (var (key, tagNode) in Entries(mapping))
            {
                var selector = ReadSelector("rename", key, allowAttribute: false);
                if (ScalarValue($"rename '{key.Value}'", tagNode) is not { } tagText)
                {
                    continue;
                }

                var tag = tagText.Value.Trim().ToLowerInvariant();
                if (!ValueOptions.IsRenameTag(tag))
                {
                    Report(RuleDiagnosticIds.InvalidRename, $"rename: '{tagText.Value}' is not a tag the body reads as a block; use one of {string.Join(", ", ValueOptions.RenameTags)} (span joins the text to the paragraph around it, as 'unwrap' does).", tagText.Location);
                    continue;
                }

                if (selector is not null)
                {
                    renames.Add(new RenameModel(selector, tag));
                }
            }
        }

        private string? ReadSite(YamlNode value)
        {
            if (ScalarValue("site", value) is not { } scalar)
            {
                return null;
            }

            var name = scalar.Value.Trim();
            if (!Identifiers.IsIdentifier(name))
            {
                Report(RuleDiagnosticIds.InvalidName, $"site: '{name}' is not a C# identifier; it names generated types. Use letters, digits and '_', not starting with a digit, e.g. '{Identifiers.Suggest(name)}'.", scalar.Location);
                return null;
            }

            if (Identifiers.ReservedSiteNames.Contains(name))
            {
                Report(RuleDiagnosticIds.InvalidName, $"site: '{name}' is a member of the generated Sites class; choose another name, e.g. '{name}Site'.", scalar.Location);
                return null;
            }

            return name;
        }

        private void ReadDomains(YamlNode value, List<ClaimedDomain> domains)
        {
            foreach (var item in Strings("domains", value))
            {
                var domain = item.Value.Trim().ToLowerInvariant();
                if (domain.StartsWith("www.", StringComparison.Ordinal))
                {
                    // A host matches its subdomains, so www. adds nothing but a second spelling.
                    domain = domain.Substring(4);
                }

                if (!RuleChecks.IsHostName(domain))
                {
                    var hint = Uri.TryCreate(item.Value.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length > 0
                        ? $" Write just the host: '{uri.Host}'."
                        : " Write just the host, e.g. 'arabic.rt.com'.";
                    Report(RuleDiagnosticIds.InvalidDomain, $"domains: '{item.Value}' is not a host name.{hint}", item.Location);
                    continue;
                }

                if (ToAsciiHost(domain) is { } ascii)
                {
                    // URLs are matched on their ASCII (punycode) host, so an internationalized
                    // domain is kept in that form too.
                    domain = ascii;
                }
                else
                {
                    Report(RuleDiagnosticIds.InvalidDomain, $"domains: '{item.Value}' is not a valid internationalized host name; check each label, or write its punycode form (xn--…).", item.Location);
                    continue;
                }

                if (domains.Any(d => d.Domain == domain))
                {
                    Report(RuleDiagnosticIds.DuplicateDomain, $"domains: '{domain}' is listed twice in this rule; remove one.", item.Location);
                    continue;
                }

                domains.Add(new ClaimedDomain(domain, item.Location));
            }
        }

        /// <summary>The host in ASCII (IDNA punycode for non-ASCII labels), or null when it cannot be encoded.</summary>
        private static string? ToAsciiHost(string domain)
        {
            if (domain.All(c => c < 128))
            {
                return domain;
            }

            try
            {
                return new System.Globalization.IdnMapping().GetAscii(domain).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        private void ReadCustomFields(YamlNode value, List<FieldModel> fields, Dictionary<string, RuleLocation> fieldKeys)
        {
            if (value is YamlScalar { IsNull: true })
            {
                return;
            }

            if (value is not YamlMapping mapping)
            {
                Report(RuleDiagnosticIds.WrongType, $"fields: expected a mapping of field names to selectors (e.g. 'Source: .source'), not {value.Kind}.", value.Location);
                return;
            }

            foreach (var (key, fieldValue) in Entries(mapping))
            {
                var name = key.Value;
                if (!Identifiers.IsIdentifier(name))
                {
                    Report(RuleDiagnosticIds.InvalidName, $"fields: '{name}' is not a C# identifier; it becomes a property of the article. Use e.g. '{Identifiers.Suggest(name)}'.", key.Location);
                    continue;
                }

                if (Identifiers.ReservedFieldNames.Contains(name))
                {
                    Report(RuleDiagnosticIds.InvalidName, $"fields: '{name}' is already a member of every Article; name the custom field differently, e.g. 'Site{name}'.", key.Location);
                    continue;
                }

                fieldKeys[name] = key.Location;
                if (ReadField(name, fieldValue, CustomKeys, allowAttribute: true) is { } field)
                {
                    fields.Add(field);
                }
            }
        }

        private FieldModel? ReadField(string name, YamlNode value, IReadOnlyList<string> allowedKeys, bool allowAttribute)
        {
            var selectors = new List<SelectorModel>();
            var options = new ValueSettings();
            var many = false;
            var keepInBody = false;
            var formats = new List<string>();
            string? culture = null;
            string? timeZone = null;
            var ok = true;

            if (value is YamlMapping mapping)
            {
                var hasSelect = false;
                foreach (var (key, item) in Entries(mapping))
                {
                    if (!allowedKeys.Contains(key.Value))
                    {
                        UnknownKey(key, allowedKeys, $"'{name}'");
                        ok = false;
                        continue;
                    }

                    switch (key.Value)
                    {
                        case "select":
                            hasSelect = true;
                            ok &= ReadSelectors(name, item, allowAttribute, selectors);
                            break;
                        case "pattern" or "split" or "reject" or "clean" or "text" or "links_only":
                            ok &= ReadValueSetting(name, key, item, options);
                            break;
                        case "many":
                            ok &= ReadBoolean($"{name}.many", item, ref many);
                            break;
                        case "keep_in_body":
                            ok &= ReadBoolean($"{name}.keep_in_body", item, ref keepInBody);
                            break;
                        case "format":
                            foreach (var format in Strings($"{name}.format", item))
                            {
                                formats.Add(format.Value);
                            }

                            break;
                        case "culture":
                            if (ScalarValue($"{name}.culture", item) is { } cultureText)
                            {
                                if (RuleChecks.IsKnownCulture(cultureText.Value))
                                {
                                    culture = cultureText.Value;
                                }
                                else
                                {
                                    Report(RuleDiagnosticIds.UnknownCulture, $"{name}.culture: '{cultureText.Value}' is not a culture this machine knows; use a name such as 'ar', 'en-US' or 'fr-FR'.", cultureText.Location);
                                    ok = false;
                                }
                            }

                            break;
                        case "timezone":
                            if (ScalarValue($"{name}.timezone", item) is { } zoneText)
                            {
                                if (RuleChecks.IsKnownTimeZone(zoneText.Value))
                                {
                                    timeZone = zoneText.Value;
                                }
                                else
                                {
                                    Report(RuleDiagnosticIds.UnknownTimeZone, $"{name}.timezone: '{zoneText.Value}' is not an IANA time zone; use a name such as 'Europe/Moscow' or 'America/New_York'.", zoneText.Location);
                                    ok = false;
                                }
                            }

                            break;
                    }
                }

                if (!hasSelect)
                {
                    Report(RuleDiagnosticIds.MissingKey, $"'{name}' in long form needs 'select:' with its selector(s).", mapping.Location);
                    return null;
                }
            }
            else
            {
                ok &= ReadSelectors(name, value, allowAttribute, selectors);
            }

            if (!ok)
            {
                return null;
            }

            if (selectors.Count == 0)
            {
                Report(RuleDiagnosticIds.MissingKey, $"'{name}' has no selector; give a CSS selector or a list of alternatives.", value.Location);
                return null;
            }

            // The field's split, reject, clean, text and links_only hold for every alternative
            // that does not say otherwise; its pattern stays the field's (an alternative's own
            // pattern replaces it at run time).
            for (var i = 0; i < selectors.Count; i++)
            {
                var selector = selectors[i];
                if (selector.IsJsonLd && options.FilterKey is { } filterKey && selector.Text is null && !selector.LinksOnly)
                {
                    Report(RuleDiagnosticIds.InvalidJsonLd, $"{name}.{filterKey.Value}: '{selector}' reads JSON-LD, which has no elements to test; give '{filterKey.Value}' to the CSS alternatives in their own long form ({{ select: …, {filterKey.Value}: … }}) instead.", filterKey.Location);
                    return null;
                }

                selectors[i] = selector with
                {
                    Split = selector.Split ?? options.Split,
                    Reject = selector.Reject ?? options.Reject,
                    Clean = selector.Clean ?? options.Clean,
                    Text = selector.Text ?? options.Text,
                    LinksOnly = selector.LinksOnly || options.LinksOnly,
                };
            }

            return new FieldModel(
                name,
                new EquatableArray<SelectorModel>(selectors),
                options.Pattern,
                many,
                new EquatableArray<string>(formats),
                culture,
                timeZone,
                keepInBody);
        }

        /// <summary>A scalar that must be one of a few words; an unknown word is NR0009 naming the ones allowed.</summary>
        private bool ReadChoice<T>(string name, YamlNode item, (string Word, T Value)[] choices, ref T value)
        {
            if (ScalarValue(name, item) is not { } text)
            {
                return false;
            }

            foreach (var (word, choice) in choices)
            {
                if (string.Equals(text.Value, word, StringComparison.Ordinal))
                {
                    value = choice;
                    return true;
                }
            }

            Report(RuleDiagnosticIds.WrongType, $"{name}: expected {string.Join(" or ", choices.Select(c => "'" + c.Word + "'"))}, not '{text.Value}'.", text.Location);
            return false;
        }

        private bool ReadBoolean(string name, YamlNode item, ref bool value)
        {
            if (ScalarValue(name, item) is not { } text)
            {
                return false;
            }

            if (text.Value is "true" or "True" or "false" or "False")
            {
                value = text.Value is "true" or "True";
                return true;
            }

            Report(RuleDiagnosticIds.WrongType, $"{name}: expected true or false, not '{text.Value}'.", text.Location);
            return false;
        }

        private bool ReadSelectors(string name, YamlNode value, bool allowAttribute, List<SelectorModel> selectors)
        {
            // A value of the wrong shape is reported by Alternatives; failing here keeps it from
            // also being reported as "no selector".
            var reported = diagnostics.Count;
            var ok = true;
            foreach (var item in Alternatives(name, value))
            {
                var selector = item is YamlMapping mapping
                    ? ReadAlternative(name, mapping, allowAttribute)
                    : ReadSelector(name, (YamlScalar)item, allowAttribute);
                if (selector is not null)
                {
                    selectors.Add(selector);
                }
                else
                {
                    ok = false;
                }
            }

            return ok && diagnostics.Count == reported;
        }

        /// <summary>
        /// One alternative in long form, <c>{ select: …, pattern: …, text: … }</c>: one selector and
        /// the settings that hold for it alone. Null (reported) when anything in it is wrong.
        /// </summary>
        private SelectorModel? ReadAlternative(string name, YamlMapping mapping, bool allowAttribute)
        {
            // allowAttribute is false exactly where elements are selected (body, captions, junk).
            var allowedKeys = allowAttribute ? ValueAlternativeKeys : ElementAlternativeKeys;
            var settings = new ValueSettings();
            SelectorModel? selector = null;
            YamlNode? selectNode = null;
            var ok = true;
            foreach (var (key, item) in Entries(mapping))
            {
                if (Array.IndexOf(allowedKeys, key.Value) < 0)
                {
                    UnknownKey(key, allowedKeys, $"an alternative of '{name}'");
                    ok = false;
                    continue;
                }

                if (key.Value == "select")
                {
                    selectNode = item;
                    if (item is YamlScalar { IsNull: false } scalar)
                    {
                        selector = ReadSelector(name, scalar, allowAttribute);
                        ok &= selector is not null;
                    }
                    else
                    {
                        Report(RuleDiagnosticIds.WrongType, $"{name}: an alternative's 'select' is one selector, not {(item is YamlScalar ? "nothing" : item.Kind)}; list the others as alternatives of their own.", item.Location);
                        ok = false;
                    }

                    continue;
                }

                ok &= ReadValueSetting(name, key, item, settings);
            }

            if (selectNode is null)
            {
                Report(RuleDiagnosticIds.MissingKey, $"{name}: an alternative in long form needs 'select:' with its selector, e.g. {{ select: '.byline', pattern: 'By (.+)' }}.", mapping.Location);
                return null;
            }

            if (!ok || selector is null)
            {
                return null;
            }

            if (selector.IsJsonLd && settings.FilterKey is { } filterKey)
            {
                Report(RuleDiagnosticIds.InvalidJsonLd, $"{name}.{filterKey.Value}: '{selector}' reads JSON-LD, which has no elements to test; remove '{filterKey.Value}' (use 'reject' to drop values).", filterKey.Location);
                return null;
            }

            return selector with
            {
                Pattern = settings.Pattern,
                Split = settings.Split,
                Reject = settings.Reject,
                Clean = settings.Clean,
                Text = settings.Text,
                LinksOnly = settings.LinksOnly,
            };
        }

        /// <summary>pattern, split, reject, clean, text or links_only, of a field or of one alternative.</summary>
        private bool ReadValueSetting(string name, YamlScalar key, YamlNode item, ValueSettings settings)
        {
            var what = $"{name}.{key.Value}";
            if (key.Value == "links_only")
            {
                var linksOnly = false;
                var read = ReadBoolean(what, item, ref linksOnly);
                settings.LinksOnly = linksOnly;
                if (linksOnly)
                {
                    settings.FilterKey ??= key;
                }

                return read;
            }

            if (ScalarValue(what, item) is not { } text)
            {
                return false;
            }

            if (key.Value == "clean")
            {
                var cleaner = text.Value.Trim();
                if (!ValueOptions.IsCleaner(cleaner))
                {
                    var nearest = Suggestions.Nearest(cleaner, ValueOptions.Cleaners);
                    var hint = nearest is null ? $"The cleaners are: {string.Join(", ", ValueOptions.Cleaners)}." : $"Did you mean '{nearest}'?";
                    Report(RuleDiagnosticIds.UnknownCleaner, $"{what}: '{text.Value}' is not a cleaner. {hint}", text.Location);
                    return false;
                }

                settings.Clean = cleaner;
                return true;
            }

            var error = RuleChecks.RegexError(text.Value);
            if (error is not null)
            {
                Report(RuleDiagnosticIds.InvalidRegex, $"{what}: '{text.Value}' is not a valid regular expression: {error}", text.Location);
                return false;
            }

            switch (key.Value)
            {
                case "pattern":
                    settings.Pattern = text.Value;
                    break;
                case "split":
                    settings.Split = text.Value;
                    break;
                case "reject":
                    settings.Reject = text.Value;
                    break;
                default:
                    settings.Text = text.Value;
                    settings.FilterKey ??= key;
                    break;
            }

            return true;
        }

        private SelectorModel? ReadSelector(string name, YamlScalar item, bool allowAttribute)
        {
            if (SelectorSyntax.IsJsonLd(item.Value))
            {
                if (!allowAttribute)
                {
                    Report(RuleDiagnosticIds.InvalidJsonLd, $"{name}: '{item.Value.Trim()}' reads JSON-LD values, but {name} selects elements of the page; give a CSS selector.", item.Location);
                    return null;
                }

                if (SelectorSyntax.JsonLdPathError(item.Value) is { } pathError)
                {
                    Report(RuleDiagnosticIds.InvalidJsonLd, $"{name}: '{item.Value.Trim()}' is not a JSON-LD selector: {pathError}. Write 'ld:' and property names joined by dots, e.g. 'ld:author.name' or 'ld:datePublished'.", item.Location);
                    return null;
                }

                return new SelectorModel(item.Value.Trim(), null);
            }

            var selector = SelectorSyntax.Split(item.Value);
            if (!SelectorSyntax.IsValidCss(selector.Css))
            {
                var what = selector.Css.Length == 0 ? "an empty selector" : $"'{selector.Css}' is not a valid CSS selector";
                Report(RuleDiagnosticIds.InvalidSelector, $"{name}: {what}. Check brackets, quotes and combinators; to read an attribute write 'selector@attr'.", item.Location);
                return null;
            }

            if (selector.Attribute is not null)
            {
                if (!allowAttribute)
                {
                    Report(RuleDiagnosticIds.InvalidSelector, $"{name}: '{item.Value}' reads an attribute, but {name} selects elements; remove '@{selector.Attribute}'.", item.Location);
                    return null;
                }

                if (!SelectorSyntax.IsValidAttributeName(selector.Attribute))
                {
                    Report(RuleDiagnosticIds.InvalidSelector, $"{name}: '@{selector.Attribute}' is not an attribute name; write e.g. 'meta[property=\"og:image\"]@content'.", item.Location);
                    return null;
                }
            }

            return selector;
        }

        /// <summary>A selector, or a list of alternatives each a selector (scalar) or a long form (mapping).</summary>
        private IEnumerable<YamlNode> Alternatives(string name, YamlNode value)
        {
            switch (value)
            {
                case YamlScalar { IsNull: true }:
                    yield break;
                case YamlScalar scalar:
                    yield return scalar;
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if ((item is YamlScalar itemScalar && !itemScalar.IsNull) || item is YamlMapping)
                        {
                            yield return item;
                        }
                        else
                        {
                            Report(RuleDiagnosticIds.WrongType, $"{name}: each item must be a string, not {(item is YamlScalar ? "empty" : item.Kind)}; write a selector, or one alternative in long form ({{ select: …, pattern: … }}).", item.Location);
                        }
                    }

                    break;
                default:
                    Report(RuleDiagnosticIds.WrongType, $"{name}: expected a string or a list of strings, not {value.Kind}.", value.Location);
                    break;
            }
        }

        /// <summary>A string, or a list of strings, as scalars with positions.</summary>
        private IEnumerable<YamlScalar> Strings(string name, YamlNode value)
        {
            switch (value)
            {
                case YamlScalar { IsNull: true }:
                    yield break;
                case YamlScalar scalar:
                    yield return scalar;
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item is YamlScalar itemScalar && !itemScalar.IsNull)
                        {
                            yield return itemScalar;
                        }
                        else
                        {
                            Report(RuleDiagnosticIds.WrongType, $"{name}: each item must be a string, not {(item is YamlScalar ? "empty" : item.Kind)}.", item.Location);
                        }
                    }

                    break;
                default:
                    Report(RuleDiagnosticIds.WrongType, $"{name}: expected a string or a list of strings, not {value.Kind}.", value.Location);
                    break;
            }
        }

        private YamlScalar? ScalarValue(string name, YamlNode value)
        {
            if (value is YamlScalar scalar && !scalar.IsNull)
            {
                return scalar;
            }

            Report(RuleDiagnosticIds.WrongType, $"{name}: expected a single value, not {(value is YamlScalar ? "nothing" : value.Kind)}.", value.Location);
            return null;
        }

        /// <summary>The entries of a mapping, each key once: a repeated key is reported and skipped.</summary>
        private IEnumerable<(YamlScalar Key, YamlNode Value)> Entries(YamlMapping mapping)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in mapping.Entries)
            {
                if (!seen.Add(entry.Key.Value))
                {
                    Report(RuleDiagnosticIds.DuplicateKey, $"'{entry.Key.Value}' appears twice in the same mapping; keep one (a list gives alternatives).", entry.Key.Location);
                    continue;
                }

                yield return (entry.Key, entry.Value);
            }
        }

        private void UnknownKey(YamlScalar key, IReadOnlyList<string> validKeys, string where)
        {
            var nearest = Suggestions.Nearest(key.Value, validKeys);
            var hint = nearest is null
                ? $" Valid keys: {string.Join(", ", validKeys)}."
                : $" Did you mean '{nearest}'?";
            Report(RuleDiagnosticIds.UnknownKey, $"'{key.Value}' is not a key of {where}.{hint}", key.Location);
        }

        private static bool HasKey(YamlMapping mapping, string key) => mapping.Entries.Any(e => e.Key.Value == key);

        private static RuleLocation? KeyLocation(YamlMapping mapping, string key) =>
            mapping.Entries.Where(e => e.Key.Value == key).Select(e => (RuleLocation?)e.Key.Location).FirstOrDefault();

        private void Report(string id, string message, RuleLocation location) =>
            diagnostics.Add(Error(id, message, location));
    }

    /// <summary>What a field's or an alternative's long form says about reading values, as read so far.</summary>
    private sealed class ValueSettings
    {
        public string? Pattern { get; set; }

        public string? Split { get; set; }

        public string? Reject { get; set; }

        public string? Clean { get; set; }

        public string? Text { get; set; }

        public bool LinksOnly { get; set; }

        /// <summary>The first <c>text</c> or <c>links_only: true</c> key, which an <c>ld:</c> alternative cannot honour.</summary>
        public YamlScalar? FilterKey { get; set; }
    }
}
