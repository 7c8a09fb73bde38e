using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using NewsRules.Engine;
using NewsRules.Rules.Definition;
using NewsRules.Text;

namespace NewsRules.Cli.Report;

/// <summary>One selector alternative of a field, and the elements it matched on the page.</summary>
/// <param name="Selector">The alternative as the rule wrote it.</param>
/// <param name="Matched">Elements it matched (junk: inside the body only, as the engine removes them).</param>
/// <param name="NonEmpty">Of those, how many gave a value (the explainer's count).</param>
/// <param name="Chosen">True for the alternative the value came from (junk: every selector that removed something).</param>
/// <param name="Elements">The matched elements, document order.</param>
internal sealed record MarkedAlternative(string Selector, int Matched, int NonEmpty, bool Chosen, IReadOnlyList<IElement> Elements);

/// <summary>A field of the rule with its colour and alternatives: one row of the panel, one outline colour on the page.</summary>
/// <param name="Key">Token stem written into <c>data-nr-mark</c>: title, lead, author, published, image, body, captions, junk, or fields.Name.</param>
/// <param name="Label">What the page labels and the panel call it.</param>
/// <param name="Color">CSS colour of its outlines.</param>
/// <param name="Alternatives">Its selector alternatives (junk: each junk selector).</param>
internal sealed record MarkedField(string Key, string Label, string Color, IReadOnlyList<MarkedAlternative> Alternatives)
{
    /// <summary>One line per element the field stands for, when the panel lists them (the boilerplate net: each removal and why).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Runs every selector of a rule over the page (as parsed, before anything is stripped) and
/// writes what each matched into the DOM as <c>data-nr-mark="title#0 body#0 …"</c>: one token
/// per field and alternative, which the report's script turns into outlines.
/// </summary>
internal static class FieldMarks
{
    /// <summary>The attribute that carries the marks.</summary>
    public const string Attribute = "data-nr-mark";

    // Distinct on a white page and from each other: one per standard field, in the table's reading
    // order (title, lead, author, published, image, body, captions); junk is red because it is
    // what leaves the body.
    private static readonly string[] StandardColors = { "#1f5fd6", "#0f9aa8", "#8a3ffc", "#a67c00", "#d12771", "#198038", "#e8590c" };

    private static readonly (string Key, string Color)[] Standard = StandardFields.InReadingOrder
        .Select((field, i) => (field.Name, StandardColors[i % StandardColors.Length]))
        .Append(("junk", "#da1e28"))
        .Append(("net", "#750e13"))
        .ToArray();

    private static readonly string[] CustomColors = { "#6f4e37", "#5a6872", "#b8008a", "#007d79", "#7c5c00", "#3d4fc4" };

    /// <summary>Colours of the built-in fields, by key (for tests and the legend).</summary>
    public static IReadOnlyDictionary<string, string> Colors { get; } = Standard.ToDictionary(s => s.Key, s => s.Color, StringComparer.Ordinal);

    /// <summary>
    /// Marks what every field matched on the run that recorded <paramref name="trace"/> (the
    /// engine's own matches and choices, on this document), the junk it removed inside the body
    /// and what the boilerplate net removed after the junk (one alternative per kind of signal).
    /// Returns the fields in panel order.
    /// </summary>
    public static IReadOnlyList<MarkedField> Apply(SiteRule rule, RunTrace trace)
    {
        var fields = new List<MarkedField>();

        void Add(FieldRule? field, string key, string label, string color)
        {
            if (field is null)
            {
                return;
            }

            var traced = trace.Field(field);
            var alternatives = new List<MarkedAlternative>();
            for (var i = 0; i < field.Select.Count; i++)
            {
                // An ld: alternative reads JSON-LD values: there is no element of the page to outline.
                var alternative = traced is not null && i < traced.Alternatives.Count ? traced.Alternatives[i] : null;
                var elements = alternative?.Elements ?? Array.Empty<IElement>();
                alternatives.Add(new MarkedAlternative(field.Select[i].ToString(), elements.Count, alternative?.WithValue ?? 0, alternative?.Chosen ?? false, elements));
            }

            fields.Add(new MarkedField(key, label, color, alternatives));
        }

        foreach (var standard in StandardFields.InReadingOrder)
        {
            Add(rule.Field(standard), standard.Name, standard.Name, Colors[standard.Name]);
        }

        // Junk as the engine removed it: inside the body containers it read.
        if (trace.Junk.Count > 0)
        {
            var junk = trace.Junk
                .Select(step => new MarkedAlternative(step.Selector, step.InBody, step.InBody, step.InBody > 0, step.Elements))
                .ToList();
            fields.Add(new MarkedField("junk", "junk", Colors["junk"], junk));
        }

        if (trace.Boilerplate is { Count: > 0 } net)
        {
            fields.Add(NetField(net));
        }

        for (var i = 0; i < rule.Fields.Count; i++)
        {
            var custom = rule.Fields[i];
            Add(custom, "fields." + custom.Name, custom.Name, CustomColors[i % CustomColors.Length]);
        }

        Write(fields);
        return fields;
    }

    /// <summary>
    /// What the generic fallback chose on a page no rule serves, marked like a rule's fields: the
    /// body containers content scoring read, the captions it lifted out, and the outermost
    /// elements it left out inside the body (as junk). Its "selector" is the method, not CSS.
    /// <paramref name="choices"/> are those of the generic run whose article the report shows.
    /// </summary>
    public static IReadOnlyList<MarkedField> ApplyGeneric(NewsRules.Generic.GenericChoices choices)
    {
        var selection = choices.Content;
        if (selection is null || selection.Containers.Count == 0)
        {
            return Array.Empty<MarkedField>();
        }

        var captions = new List<IElement>();
        var leftOut = new List<IElement>();
        foreach (var container in selection.Containers)
        {
            foreach (var element in Dom.Elements(container))
            {
                if (selection.Captions.Contains(element) && (captions.Count == 0 || !Dom.IsInside(element, captions[captions.Count - 1])))
                {
                    captions.Add(element);
                }
                else if (selection.Excluded.Contains(element) && (leftOut.Count == 0 || !Dom.IsInside(element, leftOut[leftOut.Count - 1])))
                {
                    leftOut.Add(element);
                }
            }
        }

        MarkedAlternative Chosen(string method, IReadOnlyList<IElement> elements) => new(method, elements.Count, elements.Count, elements.Count > 0, elements);
        var fields = new List<MarkedField>
        {
            new("body", "body", Colors["body"], new[] { Chosen("generic fallback: content scoring", selection.Containers) }),
            new("captions", "captions", Colors["captions"], new[] { Chosen("generic fallback: figcaption and caption-like elements", captions) }),
            new("junk", "left out", Colors["junk"], new[] { Chosen("generic fallback: furniture, link lists, boilerplate lines", leftOut) }),
        };
        Write(fields);
        return fields;
    }

    /// <summary>
    /// The boilerplate net's removals as a field: one alternative per signal ("named as furniture",
    /// "link list", "visually hidden" …, in the order first met), each removal listed with its reason
    /// and the start of its text.
    /// </summary>
    private static MarkedField NetField(IReadOnlyList<BoilerplateRemoval> net)
    {
        var bySignal = new List<(string Signal, List<IElement> Elements)>();
        var notes = new List<string>();
        foreach (var removal in net)
        {
            var signal = Signal(removal.Reason);
            var group = bySignal.FindIndex(g => g.Signal == signal);
            if (group < 0)
            {
                bySignal.Add((signal, new List<IElement>()));
                group = bySignal.Count - 1;
            }

            bySignal[group].Elements.Add(removal.Element);
            var text = HtmlText.Of(removal.Element);
            var note = removal.Reason + ": <" + removal.Element.LocalName + ">";
            notes.Add(text.Length == 0 ? note : note + " \"" + (text.Length <= 80 ? text : text.Substring(0, 79) + "…") + "\"");
        }

        var alternatives = bySignal
            .Select(g => new MarkedAlternative("net: " + g.Signal, g.Elements.Count, g.Elements.Count, true, g.Elements))
            .ToList();
        return new MarkedField("net", "boilerplate net", Colors["net"], alternatives) { Notes = notes };
    }

    /// <summary>The signal of a net reason: "named as furniture (div.share)" → "named as furniture".</summary>
    internal static string Signal(string reason)
    {
        var open = reason.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 ? reason.Substring(0, open) : reason;
    }

    /// <summary>Adds the tokens to the elements; an element matched several times carries each token once.</summary>
    private static void Write(IReadOnlyList<MarkedField> fields)
    {
        var tokens = new Dictionary<IElement, List<string>>();
        foreach (var field in fields)
        {
            for (var i = 0; i < field.Alternatives.Count; i++)
            {
                var token = field.Key + "#" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                foreach (var element in field.Alternatives[i].Elements)
                {
                    if (!tokens.TryGetValue(element, out var list))
                    {
                        tokens[element] = list = new List<string>();
                    }

                    if (!list.Contains(token))
                    {
                        list.Add(token);
                    }
                }
            }
        }

        foreach (var (element, list) in tokens)
        {
            element.SetAttribute(Attribute, string.Join(" ", list));
        }
    }
}
