using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Css;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace NewsRules.Engine;

/// <summary>
/// A cheap first test before AngleSharp's own <see cref="ISelector.Match"/>: the tag, id,
/// classes and attribute names the selector's subject (its rightmost compound) requires,
/// read straight from the element's attributes.
/// </summary>
/// <remarks>
/// Why: AngleSharp answers a class test through <c>element.ClassList</c>, which builds and
/// caches a token list (a list, an array, a string per class, a change handler) on every
/// element it is asked about. A rule walks the whole page with selectors such as
/// <c>.lyrics</c> or <c>.article .text</c>, so before this filter three quarters of the bytes
/// an extraction allocated were class lists of elements that could never match (measured on
/// the mercury-dev corpus; see docs/performance.md). The filter is only ever a necessary
/// condition, never a sufficient one: it compares case-insensitively and splits classes at
/// any white space, so whatever AngleSharp would match, it lets through.
/// <para>
/// The ancestors of a descendant or child combinator (<c>.article .text p</c>,
/// <c>ul.tags &gt; li a</c>) are checked the same way before AngleSharp's <c>ComplexSelector</c>
/// is asked, which otherwise collects the ancestors of every candidate into a list and builds
/// their class lists: the element needs, nearest first, an ancestor that may match each compound
/// to the left of it (child combinators read as descendant ones, a weaker condition; the chain
/// stops at the first sibling combinator).
/// </para>
/// </remarks>
internal sealed class SelectorFilter
{
    private readonly Alternative[] alternatives;

    private SelectorFilter(Alternative[] alternatives) => this.alternatives = alternatives;

    /// <summary>The filter for a selector, or null when nothing about its subject can be checked cheaply (<c>*</c>, <c>:first-child</c>…).</summary>
    public static SelectorFilter? For(ISelector selector)
    {
        var alternatives = Decompose(selector);
        foreach (var alternative in alternatives)
        {
            if (alternative.Subject is null)
            {
                // One unconstrained alternative of a list lets every element through.
                return null;
            }
        }

        return alternatives.Length == 0 ? null : new SelectorFilter(alternatives);
    }

    /// <summary>False when the element certainly does not match; true when it may.</summary>
    public bool MayMatch(IElement element)
    {
        var facts = ElementFacts.Of(element);
        foreach (var alternative in alternatives)
        {
            if (alternative.Subject!.MayMatch(facts) && alternative.AncestorsMayMatch(element.ParentElement))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The cheap conditions of every alternative of a selector (one for a selector that is not a list).</summary>
    internal static Alternative[] Decompose(ISelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var result = new List<Alternative>();
        foreach (var alternative in Alternatives(selector))
        {
            result.Add(AlternativeOf(alternative));
        }

        return result.ToArray();
    }

    // A selector list (a, b) is its alternatives; anything else is one alternative.
    private static IEnumerable<ISelector> Alternatives(ISelector selector)
    {
        var shape = Shape.Of(selector);
        return shape.Kind == ShapeKind.List ? shape.Parts : new[] { selector };
    }

    private static Alternative AlternativeOf(ISelector selector)
    {
        var shape = Shape.Of(selector);
        if (shape.Kind != ShapeKind.Combinator || shape.Parts.Count == 0)
        {
            var compound = CompoundOf(shape);
            return new Alternative(compound, Array.Empty<Compound>(), compound is { IsExact: true });
        }

        // The subject is the rightmost part: "article .text p" selects p elements. Symbols[k]
        // stands between Parts[k] and Parts[k + 1].
        var parts = shape.Parts;
        var subject = CompoundOf(Shape.Of(parts[parts.Count - 1]));
        var ancestors = new List<Compound>();

        // Exact: descendant combinators only, every compound exact and none left out.
        var exact = subject is { IsExact: true } && shape.Symbols.Count == parts.Count - 1;
        for (var k = parts.Count - 2; k >= 0 && k < shape.Symbols.Count; k--)
        {
            if (shape.Symbols[k] is not (" " or ">"))
            {
                // A sibling combinator: what stands left of it is not an ancestor of the subject.
                exact = false;
                break;
            }

            var ancestor = CompoundOf(Shape.Of(parts[k]));
            exact &= shape.Symbols[k] == " " && ancestor is { IsExact: true };
            if (ancestor is not null)
            {
                ancestors.Add(ancestor);
            }
        }

        return new Alternative(subject, ancestors.ToArray(), exact);
    }

    private static Compound? CompoundOf(Shape shape)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Compound:
                var compound = new Compound();
                foreach (var part in shape.Parts)
                {
                    compound.Add(Shape.Of(part));
                }

                return compound.IsEmpty ? null : compound;
            case ShapeKind.Type or ShapeKind.Id or ShapeKind.Class or ShapeKind.Attribute:
                var single = new Compound();
                single.Add(shape);
                return single.IsEmpty ? null : single;
            default:
                return null;
        }
    }

    /// <summary>One alternative of a selector: what its subject and its ancestors (nearest first) require.</summary>
    internal sealed class Alternative
    {
        public Alternative(Compound? subject, Compound[] ancestors, bool isExact)
        {
            Subject = subject;
            Ancestors = ancestors;
            IsExact = isExact;
        }

        /// <summary>
        /// True when the alternative is nothing but exact compounds (<see cref="Compound.IsExact"/>)
        /// joined by descendant combinators, so that <see cref="Compound.Matches"/> on the subject
        /// and, nearest first, on one ancestor for each compound to the left (taking the nearest never
        /// loses a match across descendant combinators) proves that AngleSharp matches it.
        /// </summary>
        public bool IsExact { get; }

        /// <summary>Null when the subject has nothing cheap to check.</summary>
        public Compound? Subject { get; }

        /// <summary>The compounds left of the subject across descendant and child combinators, nearest first, unconstrained ones left out.</summary>
        public Compound[] Ancestors { get; }

        /// <summary>
        /// True when the ancestors, from <paramref name="parent"/> up, may hold the chain:
        /// for each compound in turn, the nearest remaining ancestor that may match it. Taking
        /// the nearest never loses a match, so this is a necessary condition.
        /// </summary>
        public bool AncestorsMayMatch(IElement? parent)
        {
            var next = 0;
            for (var current = parent; current is not null && next < Ancestors.Length; current = current.ParentElement)
            {
                if (Ancestors[next].MayMatch(ElementFacts.Of(current)))
                {
                    next++;
                }
            }

            return next == Ancestors.Length;
        }
    }

    /// <summary>What one compound requires of an element.</summary>
    internal sealed class Compound
    {
        private readonly List<string> classes = new();
        private readonly List<string> attributes = new();
        private string? localName;
        private string? id;
        private bool everyPartRead = true;

        public bool IsEmpty => localName is null && id is null && classes.Count == 0 && attributes.Count == 0;

        /// <summary>
        /// True when the compound is only a tag (not <c>*</c>), ids and classes, with nothing left
        /// out: then <see cref="Matches"/> can prove a match, not only rule one out.
        /// </summary>
        public bool IsExact => everyPartRead && attributes.Count == 0 && !IsEmpty;

        /// <summary>The tag name it requires, or null.</summary>
        public string? LocalName => localName;

        /// <summary>The id it requires, or null.</summary>
        public string? Id => id;

        /// <summary>The classes it requires.</summary>
        public IReadOnlyList<string> Classes => classes;

        /// <summary>The attribute names it requires.</summary>
        public IReadOnlyList<string> Attributes => attributes;

        public void Add(Shape simple)
        {
            var name = simple.Name;
            if (string.IsNullOrEmpty(name) || name.Contains('|'))
            {
                // Namespaced (svg|rect, [xlink|href]) or nameless: not worth second-guessing.
                everyPartRead = false;
                return;
            }

            switch (simple.Kind)
            {
                case ShapeKind.Type when name != "*" && localName is null:
                    localName = name;
                    break;
                case ShapeKind.Id when id is null:
                    id = name;
                    break;
                case ShapeKind.Class when !name.Any(char.IsWhiteSpace):
                    classes.Add(name);
                    break;
                case ShapeKind.Attribute when simple.Operator != "!=":
                    // Every attribute test but AngleSharp's non-standard [a!=b] needs the attribute.
                    attributes.Add(name);
                    break;
                default:
                    everyPartRead = false;
                    break;
            }
        }

        public bool MayMatch(in ElementFacts element)
        {
            if (localName is not null && !string.Equals(element.LocalName, localName, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (id is not null && !string.Equals(element.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (classes.Count > 0)
            {
                var value = element.Class;
                if (value is null)
                {
                    return false;
                }

                foreach (var name in classes)
                {
                    if (!HasToken(value, name))
                    {
                        return false;
                    }
                }
            }

            foreach (var name in attributes)
            {
                if (!HasAttributeNamed(element.Element, name))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True only when AngleSharp certainly matches the element (for an <see cref="IsExact"/>
        /// compound that <see cref="MayMatch"/> let through): the tag as AngleSharp's type selector
        /// compares it (ignoring case), the id equal as written (AngleSharp ignores its case only in
        /// quirks mode), each class a token of the element's own <c>class</c> attribute (no
        /// namespace), as written, between HTML white space (space, tab, line feed, form feed,
        /// carriage return: where AngleSharp's class list splits). False means: ask AngleSharp.
        /// </summary>
        public bool Matches(in ElementFacts element)
        {
            if (localName is not null && !string.Equals(element.LocalName, localName, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (id is not null && !string.Equals(element.Id, id, StringComparison.Ordinal))
            {
                return false;
            }

            if (classes.Count == 0)
            {
                return true;
            }

            if (element.Class is not { } value || !IsOwnClassAttribute(element.Element, value))
            {
                return false;
            }

            foreach (var name in classes)
            {
                if (!HasHtmlToken(value, name))
                {
                    return false;
                }
            }

            return true;
        }

        // The class value the facts read is the one AngleSharp's class list reads: the attribute
        // without a namespace whose local name is "class".
        private static bool IsOwnClassAttribute(IElement element, string value)
        {
            var attributes = element.Attributes;
            for (var i = 0; i < attributes.Length; i++)
            {
                if (attributes[i] is { } attribute && attribute.LocalName == "class" && attribute.NamespaceUri is null)
                {
                    return ReferenceEquals(attribute.Value, value);
                }
            }

            return false;
        }

        private static bool HasHtmlToken(string value, string token)
        {
            var start = 0;
            while (start < value.Length)
            {
                var index = value.IndexOf(token, start, StringComparison.Ordinal);
                if (index < 0)
                {
                    return false;
                }

                var end = index + token.Length;
                if ((index == 0 || IsHtmlSpace(value[index - 1])) && (end == value.Length || IsHtmlSpace(value[end])))
                {
                    return true;
                }

                start = index + 1;
            }

            return false;
        }

        private static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

        private static bool HasToken(string value, string token)
        {
            var start = 0;
            while (start < value.Length)
            {
                var index = value.IndexOf(token, start, StringComparison.OrdinalIgnoreCase);
                if (index < 0)
                {
                    return false;
                }

                var end = index + token.Length;
                if ((index == 0 || char.IsWhiteSpace(value[index - 1])) && (end == value.Length || char.IsWhiteSpace(value[end])))
                {
                    return true;
                }

                start = index + 1;
            }

            return false;
        }

        private static bool HasAttributeNamed(IElement element, string name)
        {
            var attributes = element.Attributes;
            for (var i = 0; i < attributes.Length; i++)
            {
                var attribute = attributes[i];
                if (attribute is not null
                    && (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(attribute.LocalName, name, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal enum ShapeKind
    {
        Other,
        List,
        Combinator,
        Compound,
        Type,
        Id,
        Class,
        Attribute,
    }

    /// <summary>The top level of a parsed selector, read through AngleSharp's visitor.</summary>
    internal sealed class Shape : ISelectorVisitor
    {
        private Shape()
        {
        }

        public ShapeKind Kind { get; private set; }

        public IReadOnlyList<ISelector> Parts { get; private set; } = Array.Empty<ISelector>();

        public string? Name { get; private set; }

        public string? Operator { get; private set; }

        /// <summary>A combinator's symbols: Symbols[k] stands between Parts[k] and Parts[k + 1].</summary>
        public IReadOnlyList<string> Symbols { get; private set; } = Array.Empty<string>();

        public static Shape Of(ISelector selector)
        {
            var shape = new Shape();
            selector.Accept(shape);
            return shape;
        }

        // A lone simple selector reports itself directly; Subject treats it as a one-part compound.
        void ISelectorVisitor.Type(string name) => Set(ShapeKind.Type, name);

        void ISelectorVisitor.Id(string value) => Set(ShapeKind.Id, value);

        void ISelectorVisitor.Class(string name) => Set(ShapeKind.Class, name);

        void ISelectorVisitor.Attribute(string name, string op, string? value)
        {
            Set(ShapeKind.Attribute, name);
            Operator = op;
        }

        void ISelectorVisitor.Child(string name, int step, int offset, ISelector selector) => Kind = ShapeKind.Other;

        void ISelectorVisitor.PseudoClass(string name) => Kind = ShapeKind.Other;

        void ISelectorVisitor.PseudoElement(string name) => Kind = ShapeKind.Other;

        void ISelectorVisitor.List(IEnumerable<ISelector> selectors) => SetParts(ShapeKind.List, selectors);

        void ISelectorVisitor.Combinator(IEnumerable<ISelector> selectors, IEnumerable<string> symbols)
        {
            SetParts(ShapeKind.Combinator, selectors);
            Symbols = symbols.ToList();
        }

        void ISelectorVisitor.Many(IEnumerable<ISelector> selectors) => SetParts(ShapeKind.Compound, selectors);

        private void Set(ShapeKind kind, string name)
        {
            Kind = kind;
            Name = name;
        }

        private void SetParts(ShapeKind kind, IEnumerable<ISelector> selectors)
        {
            Kind = kind;
            Parts = selectors.ToList();
        }
    }
}

/// <summary>What the filter reads of an element, read once: its tag name, id and class attribute.</summary>
internal readonly struct ElementFacts
{
    public ElementFacts(IElement element, string localName, string? id, string? @class)
    {
        Element = element;
        LocalName = localName;
        Id = id;
        Class = @class;
    }

    public IElement Element { get; }

    public string LocalName { get; }

    public string? Id { get; }

    public string? Class { get; }

    /// <summary>
    /// The element's tag, <c>id</c> (as <c>element.Id</c>: the first attribute without a namespace
    /// whose local name is <c>id</c>, else the empty string) and <c>class</c> (as <c>GetAttribute("class")</c>: the first whose
    /// qualified name is <c>class</c>), from one pass over its attributes: <c>element.Id</c> and
    /// <c>GetAttribute</c> each searched them again, a fifth of the page walk's time.
    /// </summary>
    public static ElementFacts Of(IElement element)
    {
        var attributes = element.Attributes;
        var count = attributes.Length;
        if (count == 0)
        {
            return new(element, element.LocalName, null, null);
        }

        // element.Id gives the empty string when there is no id attribute; GetAttribute gives null.
        var id = string.Empty;
        string? @class = null;
        var idFound = false;
        var classFound = false;
        for (var i = 0; i < count && !(idFound && classFound); i++)
        {
            if (attributes[i] is not { } attribute)
            {
                continue;
            }

            var localName = attribute.LocalName;
            if (!idFound && localName == "id" && attribute.NamespaceUri is null)
            {
                id = attribute.Value;
                idFound = true;
            }

            if (!classFound && localName == "class" && attribute.Name == "class")
            {
                @class = attribute.Value;
                classFound = true;
            }
        }

        return new(element, element.LocalName, id, @class);
    }

    /// <summary>The facts as <see cref="Of"/> read them before it read the attributes itself (for tests).</summary>
    internal static ElementFacts ThroughAccessors(IElement element) =>
        element.Attributes.Length == 0
            ? new(element, element.LocalName, null, null)
            : new(element, element.LocalName, element.Id, element.GetAttribute("class"));
}
