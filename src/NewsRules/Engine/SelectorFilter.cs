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
/// </remarks>
internal sealed class SelectorFilter
{
    private readonly Subject[] alternatives;

    private SelectorFilter(Subject[] alternatives) => this.alternatives = alternatives;

    /// <summary>The filter for a selector, or null when nothing about its subject can be checked cheaply (<c>*</c>, <c>:first-child</c>…).</summary>
    public static SelectorFilter? For(ISelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var subjects = new List<Subject>();
        foreach (var alternative in Alternatives(selector))
        {
            var subject = SubjectOf(alternative);
            if (subject is null)
            {
                // One unconstrained alternative of a list lets every element through.
                return null;
            }

            subjects.Add(subject);
        }

        return subjects.Count == 0 ? null : new SelectorFilter(subjects.ToArray());
    }

    /// <summary>False when the element certainly does not match; true when it may.</summary>
    public bool MayMatch(IElement element)
    {
        foreach (var subject in alternatives)
        {
            if (subject.MayMatch(element))
            {
                return true;
            }
        }

        return false;
    }

    // A selector list (a, b) is its alternatives; anything else is one alternative.
    private static IEnumerable<ISelector> Alternatives(ISelector selector)
    {
        var shape = Shape.Of(selector);
        return shape.Kind == ShapeKind.List ? shape.Parts : new[] { selector };
    }

    private static Subject? SubjectOf(ISelector selector)
    {
        var shape = Shape.Of(selector);
        switch (shape.Kind)
        {
            case ShapeKind.Combinator:
                // The subject is the rightmost part: "article .text p" selects p elements.
                return shape.Parts.Count == 0 ? null : SubjectOf(shape.Parts[shape.Parts.Count - 1]);
            case ShapeKind.Compound:
                var subject = new Subject();
                foreach (var part in shape.Parts)
                {
                    subject.Add(Shape.Of(part));
                }

                return subject.IsEmpty ? null : subject;
            case ShapeKind.Type or ShapeKind.Id or ShapeKind.Class or ShapeKind.Attribute:
                var single = new Subject();
                single.Add(shape);
                return single.IsEmpty ? null : single;
            default:
                return null;
        }
    }

    /// <summary>What one compound requires of an element.</summary>
    private sealed class Subject
    {
        private readonly List<string> classes = new();
        private readonly List<string> attributes = new();
        private string? localName;
        private string? id;

        public bool IsEmpty => localName is null && id is null && classes.Count == 0 && attributes.Count == 0;

        public void Add(Shape simple)
        {
            var name = simple.Name;
            if (string.IsNullOrEmpty(name) || name.Contains('|'))
            {
                // Namespaced (svg|rect, [xlink|href]) or nameless: not worth second-guessing.
                return;
            }

            switch (simple.Kind)
            {
                case ShapeKind.Type when name != "*":
                    localName = name;
                    break;
                case ShapeKind.Id:
                    id = name;
                    break;
                case ShapeKind.Class when !name.Any(char.IsWhiteSpace):
                    classes.Add(name);
                    break;
                case ShapeKind.Attribute when simple.Operator != "!=":
                    // Every attribute test but AngleSharp's non-standard [a!=b] needs the attribute.
                    attributes.Add(name);
                    break;
            }
        }

        public bool MayMatch(IElement element)
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
                var value = element.GetAttribute("class");
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
                if (!HasAttributeNamed(element, name))
                {
                    return false;
                }
            }

            return true;
        }

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

    private enum ShapeKind
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
    private sealed class Shape : ISelectorVisitor
    {
        private Shape()
        {
        }

        public ShapeKind Kind { get; private set; }

        public IReadOnlyList<ISelector> Parts { get; private set; } = Array.Empty<ISelector>();

        public string? Name { get; private set; }

        public string? Operator { get; private set; }

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

        void ISelectorVisitor.Combinator(IEnumerable<ISelector> selectors, IEnumerable<string> symbols) => SetParts(ShapeKind.Combinator, selectors);

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
