using System;
using System.Collections.Generic;
using AngleSharp.Dom;

namespace NewsRules.Engine;

/// <summary>
/// Many selectors matched in one walk of a subtree, the way browsers match style rules: each
/// selector alternative is filed under one thing its subject requires (its id, else a class,
/// else its tag, else an attribute name), so an element is only tested against the
/// alternatives filed under its own id, classes, attribute names and tag, plus the few that
/// require nothing cheap. An alternative found that way still passes its whole
/// <see cref="SelectorFilter"/> (subject, then ancestors) before AngleSharp's
/// <c>Match</c> decides, so the matches are exactly AngleSharp's. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Before, every element of the page was tested against every selector of the rule (10 to 20,
/// each reading the element's attributes again); that loop was half of an extraction's time.
/// The walk also keeps what it read of each open ancestor, so ancestor chains cost no
/// attribute lookups.
/// </remarks>
internal sealed class SelectorIndex
{
    private static readonly int[] None = Array.Empty<int>();

    private readonly int groupCount;
    private readonly Selector[] selectors;
    private readonly Entry[] entries;
    private readonly Dictionary<string, int[]> byId;
    private readonly Dictionary<string, int[]> byClass;
    private readonly Dictionary<string, int[]> byAttribute;
    private readonly Dictionary<string, int[]> byTag;
    private readonly int[] always;

    // A necessary condition for a class to be filed in byClass, 256 bits (see ClassBucket).
    private readonly ulong[] classBuckets = new ulong[4];

    /// <summary>
    /// An index of <paramref name="groups"/>: <see cref="Match"/> gives, for each group, the
    /// elements that match any of its selectors, in document order, each once.
    /// </summary>
    public SelectorIndex(IReadOnlyList<IReadOnlyList<Selector>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        groupCount = groups.Count;
        var selectorSlots = new Dictionary<Selector, int>(ReferenceEqualityComparer.Instance);
        var selectorList = new List<Selector>();
        var entryList = new List<Entry>();
        var ids = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var classes = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var attributes = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var tags = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var alwaysList = new List<int>();
        for (var group = 0; group < groups.Count; group++)
        {
            foreach (var selector in groups[group])
            {
                if (!selectorSlots.TryGetValue(selector, out var slot))
                {
                    slot = selectorList.Count;
                    selectorSlots.Add(selector, slot);
                    selectorList.Add(selector);
                }

                foreach (var alternative in SelectorFilter.Decompose(selector.Parsed))
                {
                    var index = entryList.Count;
                    entryList.Add(new Entry(group, slot, alternative));
                    var subject = alternative.Subject;
                    if (subject is null)
                    {
                        alwaysList.Add(index);
                    }
                    else if (subject.Id is { } id)
                    {
                        File(ids, id, index);
                    }
                    else if (subject.Classes.Count > 0)
                    {
                        File(classes, subject.Classes[0], index);
                    }
                    else if (subject.LocalName is { } tag)
                    {
                        // meta[property="og:title"] under meta, not under property: an attribute name in
                        // the index costs a lookup for every attribute of every element of the page,
                        // a tag one lookup per element, which the walk makes anyway.
                        File(tags, tag, index);
                    }
                    else
                    {
                        File(attributes, subject.Attributes[0], index);
                    }
                }
            }
        }

        selectors = selectorList.ToArray();
        entries = entryList.ToArray();
        byId = Freeze(ids);
        byClass = Freeze(classes);
        foreach (var name in byClass.Keys)
        {
            var bucket = ClassBucket(name);
            classBuckets[bucket >> 6] |= 1UL << (bucket & 63);
        }

        byAttribute = Freeze(attributes);
        byTag = Freeze(tags);
        always = alwaysList.ToArray();
    }

    /// <summary>
    /// The matches of each group among the elements below <paramref name="root"/> (not the root
    /// itself), in document order. Iterative: child lists are walked by index with an explicit
    /// stack. The document must not change meanwhile.
    /// </summary>
    public List<IElement>[] Match(INode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var state = new State(this, root as IElement);
        var pending = new Stack<(INodeList Children, int Next)>(32);
        var children = root.ChildNodes;
        var index = 0;
        while (true)
        {
            if (index < children.Length)
            {
                // NodeType first: a cast that fails (text nodes, half of a page) scans the node's whole interface map.
                if (children[index++] is { NodeType: NodeType.Element } and IElement element)
                {
                    var facts = ElementFacts.Of(element);
                    state.Test(facts);
                    var below = element.ChildNodes;
                    if (below.Length > 0)
                    {
                        pending.Push((children, index));
                        state.Ancestors.Add(facts);
                        children = below;
                        index = 0;
                    }
                }
            }
            else if (pending.Count > 0)
            {
                (children, index) = pending.Pop();
                state.Ancestors.RemoveAt(state.Ancestors.Count - 1);
            }
            else
            {
                return state.Results;
            }
        }
    }

    /// <summary>
    /// A bucket of 256 for a class name, from its length and its first and last characters as
    /// <see cref="StringComparer.OrdinalIgnoreCase"/> compares them (each character upper-cased
    /// invariantly), so two names it calls equal share a bucket. A page's classes are mostly
    /// none of the rule's: most of them are turned down by one bit test instead of a hash of
    /// the name and a dictionary lookup.
    /// </summary>
    internal static int ClassBucket(ReadOnlySpan<char> name) =>
        name.IsEmpty ? 0 : ((name.Length * 17) ^ (char.ToUpperInvariant(name[0]) * 5) ^ char.ToUpperInvariant(name[^1])) & 255;

    private static void File(Dictionary<string, List<int>> index, string key, int entry)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = new List<int>();
            index.Add(key, list);
        }

        list.Add(entry);
    }

    private static Dictionary<string, int[]> Freeze(Dictionary<string, List<int>> index)
    {
        var frozen = new Dictionary<string, int[]>(index.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, list) in index)
        {
            frozen.Add(key, list.ToArray());
        }

        return frozen;
    }

    private sealed class Entry
    {
        public Entry(int group, int selector, SelectorFilter.Alternative alternative)
        {
            Group = group;
            Selector = selector;
            Alternative = alternative;
        }

        public int Group { get; }

        public int Selector { get; }

        public SelectorFilter.Alternative Alternative { get; }
    }

    /// <summary>One walk's state: the results so far, and which selectors the current element was already tested against.</summary>
    private sealed class State
    {
        private const int TagSlots = 64;

        private readonly SelectorIndex index;
        private readonly IElement? rootElement;
        private readonly int[] groupStamp;
        private readonly int[] selectorStamp;
        private readonly bool[] selectorResult;
        // Per thread, emptied for every walk (a walk never starts another on its thread); a pair of
        // arrays per walk was 0.1 MB per corpus pass.
        [ThreadStatic]
        private static string?[]? threadTagNames;

        [ThreadStatic]
        private static int[]?[]? threadTagEntries;

        private readonly string?[] tagNames;
        private readonly int[]?[] tagEntries;
        private int stamp;

        public State(SelectorIndex index, IElement? rootElement)
        {
            this.index = index;
            this.rootElement = rootElement;
            groupStamp = new int[index.groupCount];
            selectorStamp = new int[index.selectors.Length];
            selectorResult = new bool[index.selectors.Length];
            tagNames = threadTagNames ??= new string?[TagSlots];
            tagEntries = threadTagEntries ??= new int[]?[TagSlots];
            Array.Clear(tagNames);
            Array.Clear(tagEntries);
            Results = new List<IElement>[index.groupCount];
            for (var i = 0; i < Results.Length; i++)
            {
                Results[i] = new List<IElement>();
            }
        }

        public List<IElement>[] Results { get; }

        /// <summary>What the walk read of the open elements above the current one, outermost first.</summary>
        public List<ElementFacts> Ancestors { get; } = new(32);

        public void Test(in ElementFacts element)
        {
            stamp++;
            if (index.byTag.Count > 0 && EntriesOfTag(element.LocalName) is { } byTag)
            {
                Consider(byTag, element);
            }

            if (element.Id is { } id && index.byId.Count > 0 && index.byId.TryGetValue(id, out var byId))
            {
                Consider(byId, element);
            }

            if (element.Class is { } classes && index.byClass.Count > 0)
            {
                ConsiderClasses(classes, element);
            }

            if (index.byAttribute.Count > 0)
            {
                var attributes = element.Element.Attributes;
                for (var i = 0; i < attributes.Length; i++)
                {
                    if (attributes[i] is not { } attribute)
                    {
                        continue;
                    }

                    if (index.byAttribute.TryGetValue(attribute.Name, out var byName))
                    {
                        Consider(byName, element);
                    }

                    if (!string.Equals(attribute.LocalName, attribute.Name, StringComparison.OrdinalIgnoreCase)
                        && index.byAttribute.TryGetValue(attribute.LocalName, out var byLocalName))
                    {
                        Consider(byLocalName, element);
                    }
                }
            }

            if (index.always.Length > 0)
            {
                Consider(index.always, element);
            }
        }

        /// <summary>
        /// The alternatives filed under a tag name. The parser gives every element of a tag the
        /// same name string, so the name is looked up once per string in a small cache by
        /// identity (a slot per length and first character), not hashed for every element.
        /// </summary>
        private int[]? EntriesOfTag(string name)
        {
            var slot = name.Length == 0 ? 0 : ((name.Length * 31) + name[0]) & (TagSlots - 1);
            if (ReferenceEquals(tagNames[slot], name))
            {
                return tagEntries[slot];
            }

            index.byTag.TryGetValue(name, out var entries);
            tagNames[slot] = name;
            tagEntries[slot] = entries;
            return entries;
        }

        // Each class of the element (split at any white space, as the filter reads them).
        private void ConsiderClasses(string value, in ElementFacts element)
        {
            var lookup = index.byClass.GetAlternateLookup<ReadOnlySpan<char>>();
            var start = -1;
            for (var i = 0; i <= value.Length; i++)
            {
                if (i == value.Length || char.IsWhiteSpace(value[i]))
                {
                    if (start >= 0 && MayBeFiled(value.AsSpan(start, i - start)) && lookup.TryGetValue(value.AsSpan(start, i - start), out var entries))
                    {
                        Consider(entries, element);
                    }

                    start = -1;
                }
                else if (start < 0)
                {
                    start = i;
                }
            }
        }

        private bool MayBeFiled(ReadOnlySpan<char> name)
        {
            var bucket = ClassBucket(name);
            return (index.classBuckets[bucket >> 6] & (1UL << (bucket & 63))) != 0;
        }

        private void Consider(int[] candidates, in ElementFacts element)
        {
            foreach (var candidate in candidates)
            {
                var entry = index.entries[candidate];
                if (groupStamp[entry.Group] == stamp)
                {
                    // Already in the group's results.
                    continue;
                }

                bool matched;
                if (selectorStamp[entry.Selector] == stamp)
                {
                    // The whole selector already answered for this element (for another group, or through another alternative).
                    matched = selectorResult[entry.Selector];
                }
                else
                {
                    var alternative = entry.Alternative;
                    if ((alternative.Subject is { } subject && !subject.MayMatch(element)) || !AncestorsHold(alternative.Ancestors, exact: false))
                    {
                        continue;
                    }

                    selectorStamp[entry.Selector] = stamp;

                    // An exact alternative that certainly matches answers for its whole selector (a list
                    // matches when any alternative does) without AngleSharp, which would build class lists.
                    var selector = index.selectors[entry.Selector];
                    matched = ((alternative.IsExact && alternative.Subject!.Matches(element) && AncestorsHold(alternative.Ancestors, exact: true))
                               || selector.Parsed.Match(element.Element, null))
                              && selector.PassesTextTests(element.Element);
                    selectorResult[entry.Selector] = matched;
                }

                if (matched)
                {
                    groupStamp[entry.Group] = stamp;
                    Results[entry.Group].Add(element.Element);
                }
            }
        }

        // As SelectorFilter.Alternative.AncestorsMayMatch, reading the open ancestors the walk
        // already knows, then the walk's root and its ancestors: nearest first, an ancestor that
        // may match (exact: certainly matches) each compound. Across descendant combinators the
        // nearest is as good as any.
        private bool AncestorsHold(SelectorFilter.Compound[] chain, bool exact)
        {
            var next = 0;
            for (var i = Ancestors.Count - 1; i >= 0 && next < chain.Length; i--)
            {
                if (exact ? chain[next].Matches(Ancestors[i]) : chain[next].MayMatch(Ancestors[i]))
                {
                    next++;
                }
            }

            for (var current = rootElement; current is not null && next < chain.Length; current = current.ParentElement)
            {
                var facts = ElementFacts.Of(current);
                if (exact ? chain[next].Matches(facts) : chain[next].MayMatch(facts))
                {
                    next++;
                }
            }

            return next == chain.Length;
        }
    }
}
