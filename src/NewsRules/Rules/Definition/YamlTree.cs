using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NewsRules.Rules.Definition;

/// <summary>A node of a rule file with its position, built from YamlDotNet's event stream.</summary>
internal abstract class YamlNode
{
    protected YamlNode(RuleLocation location) => Location = location;

    public RuleLocation Location { get; }

    public abstract string Kind { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, RuleLocation location)
        : base(location)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>True for an unquoted scalar (where <c>~</c> and empty mean null).</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string Kind => "a string";
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(RuleLocation location)
        : base(location)
    {
    }

    public List<YamlNode> Items { get; } = new();

    public override string Kind => "a list";
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(RuleLocation location)
        : base(location)
    {
    }

    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = new();

    public override string Kind => "a mapping";
}

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/>s. Our own small tree rather than YamlDotNet's
/// representation model, because we need: positions for every key and value, duplicate keys
/// reported (not thrown), aliases shared by reference (so an alias bomb never expands), and
/// hard limits on size, so that no rule file can take the compiler down.
/// </summary>
internal static class YamlTree
{
    /// <summary>Rule files larger than this are refused: a rule is a few dozen lines.</summary>
    public const int MaxChars = 1_000_000;

    /// <summary>Nodes allowed in one rule file.</summary>
    public const int MaxNodes = 50_000;

    /// <summary>Nesting allowed in one rule file (the language needs four levels).</summary>
    public const int MaxDepth = 64;

    private static readonly Regex MarkPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

    public static YamlNode? Read(string path, string text, List<RuleDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (text.Length > MaxChars)
        {
            diagnostics.Add(new RuleDiagnostic(
                RuleDiagnosticIds.TooLarge,
                RuleSeverity.Error,
                $"The rule file has {text.Length:N0} characters; the limit is {MaxChars:N0}. A site rule is a few dozen lines: split it or remove what it does not need.",
                RuleLocation.FileStart(path)));
            return null;
        }

        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlNode>();
        var stack = new Stack<YamlNode>();
        var pendingKeys = new Stack<YamlScalar?>();
        YamlNode? root = null;
        var nodes = 0;
        var documents = 0;

        try
        {
            while (parser.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ev = parser.Current!;
                switch (ev)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Add(new RuleDiagnostic(
                                RuleDiagnosticIds.YamlSyntax,
                                RuleSeverity.Error,
                                "A rule file holds one YAML document; remove the second '---' or move that rule to its own file.",
                                At(path, ev.Start, ev.End)));
                            return root;
                        }

                        break;

                    case Scalar scalar:
                        Attach(new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, At(path, ev.Start, ev.End)), scalar.Anchor);
                        break;

                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            diagnostics.Add(new RuleDiagnostic(
                                RuleDiagnosticIds.YamlSyntax,
                                RuleSeverity.Error,
                                $"The alias '*{alias.Value.Value}' names no anchor defined before it; define '&{alias.Value.Value}' first.",
                                At(path, ev.Start, ev.End)));
                            return null;
                        }

                        // Shared by reference: an alias never copies, so it can never blow up.
                        Attach(target, AnchorName.Empty);
                        break;

                    case SequenceStart sequenceStart:
                        var sequence = new YamlSequence(At(path, ev.Start, ev.End));
                        Attach(sequence, sequenceStart.Anchor);
                        Push(sequence);
                        break;

                    case MappingStart mappingStart:
                        var mapping = new YamlMapping(At(path, ev.Start, ev.End));
                        Attach(mapping, mappingStart.Anchor);
                        Push(mapping);
                        break;

                    case SequenceEnd:
                    case MappingEnd:
                        stack.Pop();
                        pendingKeys.Pop();
                        break;
                }

                if (nodes > MaxNodes || stack.Count > MaxDepth)
                {
                    diagnostics.Add(new RuleDiagnostic(
                        RuleDiagnosticIds.TooLarge,
                        RuleSeverity.Error,
                        nodes > MaxNodes
                            ? $"The rule file has more than {MaxNodes:N0} YAML nodes; a site rule needs a few dozen."
                            : $"The rule file nests deeper than {MaxDepth} levels; the rule language needs four.",
                        At(path, ev.Start, ev.End)));
                    return null;
                }
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new RuleDiagnostic(
                RuleDiagnosticIds.YamlSyntax,
                RuleSeverity.Error,
                SyntaxMessage(ex),
                At(path, ex.Start, ex.End)));
            return null;
        }

        return root;

        void Push(YamlNode container)
        {
            stack.Push(container);
            pendingKeys.Push(null);
        }

        void Attach(YamlNode node, AnchorName anchor)
        {
            nodes++;
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = node;
            }

            if (stack.Count == 0)
            {
                root ??= node;
                return;
            }

            switch (stack.Peek())
            {
                case YamlSequence sequence:
                    sequence.Items.Add(node);
                    break;
                case YamlMapping mapping:
                    var key = pendingKeys.Pop();
                    if (key is null)
                    {
                        if (node is YamlScalar scalarKey)
                        {
                            pendingKeys.Push(scalarKey);
                        }
                        else
                        {
                            // A list or mapping used as a key: keep a placeholder so the value still pairs up.
                            diagnostics.Add(new RuleDiagnostic(
                                RuleDiagnosticIds.WrongType,
                                RuleSeverity.Error,
                                $"A key must be a plain name, not {node.Kind}.",
                                node.Location));
                            pendingKeys.Push(new YamlScalar("?", isPlain: false, node.Location));
                        }
                    }
                    else
                    {
                        mapping.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, node));
                        pendingKeys.Push(null);
                    }

                    break;
            }
        }
    }

    private static string SyntaxMessage(YamlException ex)
    {
        var message = MarkPrefix.Replace(ex.Message, string.Empty).Trim();
        if (message.Length == 0)
        {
            message = "invalid YAML";
        }

        if (message.IndexOf("tab", System.StringComparison.OrdinalIgnoreCase) >= 0)
        {
            message += " (YAML indentation must use spaces, not tabs)";
        }

        return "YAML syntax error: " + message + (message.EndsWith(".", System.StringComparison.Ordinal) ? string.Empty : ".");
    }

    private static RuleLocation At(string path, Mark start, Mark end)
    {
        // YamlDotNet marks are one-based; Roslyn's line positions are zero-based.
        var startLine = (int)System.Math.Max(0, start.Line - 1);
        var startColumn = (int)System.Math.Max(0, start.Column - 1);
        var endLine = (int)System.Math.Max(startLine, end.Line - 1);
        var endColumn = (int)System.Math.Max(0, end.Column - 1);
        var startIndex = (int)System.Math.Max(0, start.Index);
        var endIndex = (int)System.Math.Max(startIndex, end.Index);
        if (endLine == startLine && endColumn < startColumn)
        {
            endColumn = startColumn;
        }

        return new RuleLocation(path, startIndex, endIndex, startLine, startColumn, endLine, endColumn);
    }
}
