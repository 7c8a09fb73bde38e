using System.Collections.Generic;
using System.IO;
using System.Linq;
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

        // A byte order mark decoded as text (an editor's UTF-8 BOM) is not YAML content; YamlDotNet
        // would read it as part of the first key. Skip it, keeping offsets into the text as given.
        var indexOffset = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
            indexOffset = 1;
        }

        if (ForbiddenCharacter(path, text, indexOffset) is { } forbidden)
        {
            diagnostics.Add(forbidden);
            return null;
        }

        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlNode>();
        var stack = new Stack<YamlNode>();
        var openFlows = new Stack<(char Bracket, Mark Start)>(); // one per open container; '\0' for block style
        Mark lastEnd = Mark.Empty;
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
                lastEnd = ev.End;
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
                                At(path, ev.Start, ev.End, indexOffset)));
                            return root;
                        }

                        break;

                    case Scalar scalar:
                        Attach(new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, At(path, ev.Start, ev.End, indexOffset)), scalar.Anchor);
                        break;

                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            diagnostics.Add(new RuleDiagnostic(
                                RuleDiagnosticIds.YamlSyntax,
                                RuleSeverity.Error,
                                $"The alias '*{alias.Value.Value}' names no anchor defined before it; define '&{alias.Value.Value}' first.",
                                At(path, ev.Start, ev.End, indexOffset)));
                            return null;
                        }

                        // Shared by reference: an alias never copies, so it can never blow up.
                        Attach(target, AnchorName.Empty);
                        break;

                    case SequenceStart sequenceStart:
                        var sequence = new YamlSequence(At(path, ev.Start, ev.End, indexOffset));
                        Attach(sequence, sequenceStart.Anchor);
                        Push(sequence, sequenceStart.Style == SequenceStyle.Flow ? '[' : '\0', ev.Start);
                        break;

                    case MappingStart mappingStart:
                        var mapping = new YamlMapping(At(path, ev.Start, ev.End, indexOffset));
                        Attach(mapping, mappingStart.Anchor);
                        Push(mapping, mappingStart.Style == MappingStyle.Flow ? '{' : '\0', ev.Start);
                        break;

                    case SequenceEnd:
                    case MappingEnd:
                        stack.Pop();
                        pendingKeys.Pop();
                        openFlows.Pop();
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
                        At(path, ev.Start, ev.End, indexOffset)));
                    return null;
                }
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Add(SyntaxError(ex.Message, ex.Start, ex.End));
            return null;
        }
        catch (System.InvalidOperationException)
        {
            // YamlDotNet sometimes fails with a bare InvalidOperationException (an unclosed '['
            // followed by more lines, for one); it is still the user's syntax, not our failure.
            diagnostics.Add(SyntaxError(string.Empty, lastEnd, lastEnd));
            return null;
        }

        return root;

        RuleDiagnostic SyntaxError(string parserMessage, Mark start, Mark end)
        {
            var message = CleanMessage(parserMessage);
            if (message.IndexOf("tab", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // YamlDotNet often marks a tab error at the start of the file or of the previous
                // token; point at the tab itself.
                return new RuleDiagnostic(
                    RuleDiagnosticIds.YamlSyntax,
                    RuleSeverity.Error,
                    "YAML syntax error: this line is indented with a tab. YAML indentation must use spaces: replace the tab with spaces.",
                    FirstIndentingTab(path, text, start.Line, indexOffset) ?? At(path, start, end, indexOffset));
            }

            var innermostFlow = openFlows.FirstOrDefault(f => f.Bracket != '\0');
            if (innermostFlow.Bracket != '\0')
            {
                var (bracket, opened) = innermostFlow;
                var closing = bracket == '[' ? ']' : '}';
                if (message.Length == 0)
                {
                    return new RuleDiagnostic(
                        RuleDiagnosticIds.YamlSyntax,
                        RuleSeverity.Error,
                        $"YAML syntax error: the '{bracket}' opened here is not closed. Add the matching '{closing}', and separate items with ','.",
                        At(path, opened, opened, indexOffset));
                }

                if (message.IndexOf("flow", System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return new RuleDiagnostic(
                        RuleDiagnosticIds.YamlSyntax,
                        RuleSeverity.Error,
                        $"YAML syntax error: {message.TrimEnd('.')}. Close the '{bracket}' opened at line {opened.Line}, column {opened.Column} with '{closing}', and separate its items with ','.",
                        At(path, start, end, indexOffset));
                }
            }

            return new RuleDiagnostic(RuleDiagnosticIds.YamlSyntax, RuleSeverity.Error, SyntaxMessage(message), At(path, start, end, indexOffset));
        }

        void Push(YamlNode container, char flowBracket, Mark start)
        {
            stack.Push(container);
            pendingKeys.Push(null);
            openFlows.Push((flowBracket, start));
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

    private static string CleanMessage(string parserMessage) =>
        MarkPrefix.Replace(parserMessage, string.Empty).Trim();

    /// <summary>The parser's complaint, with a hint at the usual cause, since its wording rarely says how to fix it.</summary>
    private static string SyntaxMessage(string message)
    {
        if (message.Length == 0)
        {
            message = "invalid YAML";
        }

        message = message.TrimEnd('.');
        string hint;
        if (message.IndexOf("mapping", System.StringComparison.OrdinalIgnoreCase) >= 0 || message.IndexOf("expected key", System.StringComparison.OrdinalIgnoreCase) >= 0)
        {
            hint = "Check the indentation: the keys of one mapping start in the same column, and a value that contains ': ' or starts with a special character must be quoted.";
        }
        else
        {
            hint = "Check the indentation, quotes and brackets around this position.";
        }

        return "YAML syntax error: " + message + ". " + hint;
    }

    /// <summary>The first tab in the indentation of a line, from the one-based line <paramref name="fromLine"/> on.</summary>
    private static RuleLocation? FirstIndentingTab(string path, string text, long fromLine, int indexOffset)
    {
        var line = 1;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            if (line >= fromLine)
            {
                for (var i = lineStart; i < text.Length && (text[i] == ' ' || text[i] == '\t'); i++)
                {
                    if (text[i] == '\t')
                    {
                        var column = i - lineStart;
                        return new RuleLocation(path, i + indexOffset, i + indexOffset + 1, line - 1, column, line - 1, column + 1);
                    }
                }
            }

            var next = text.IndexOf('\n', lineStart);
            if (next < 0)
            {
                break;
            }

            lineStart = next + 1;
            line++;
        }

        return null;
    }

    /// <summary>
    /// The first character YAML does not allow (control characters other than tab and line
    /// breaks, half of a surrogate pair, U+FFFE/U+FFFF) as an error at its position. YamlDotNet
    /// lets a NUL through into a value, where a selector silently matches nothing.
    /// </summary>
    private static RuleDiagnostic? ForbiddenCharacter(string path, string text, int indexOffset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            var forbidden = (c < ' ' && c != '\t' && c != '\r') || c == '\u007F' || c == '\uFFFE' || c == '\uFFFF'
                || (char.IsHighSurrogate(c) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
            if (forbidden)
            {
                var column = i - lineStart;
                return new RuleDiagnostic(
                    RuleDiagnosticIds.YamlSyntax,
                    RuleSeverity.Error,
                    $"The rule file holds the character U+{(int)c:X4} here, which YAML does not allow (of the control characters only tab and line breaks are). Delete it; an editor may show nothing there.",
                    new RuleLocation(path, i + indexOffset, i + indexOffset + 1, line, column, line, column + 1));
            }
        }

        return null;
    }

    private static RuleLocation At(string path, Mark start, Mark end, int indexOffset)
    {
        // YamlDotNet marks are one-based; Roslyn's line positions are zero-based.
        var startLine = (int)System.Math.Max(0, start.Line - 1);
        var startColumn = (int)System.Math.Max(0, start.Column - 1);
        var endLine = (int)System.Math.Max(startLine, end.Line - 1);
        var endColumn = (int)System.Math.Max(0, end.Column - 1);
        var startIndex = (int)System.Math.Max(0, start.Index) + indexOffset;
        var endIndex = (int)System.Math.Max(startIndex, end.Index + indexOffset);
        if (endLine == startLine && endColumn < startColumn)
        {
            endColumn = startColumn;
        }

        return new RuleLocation(path, startIndex, endIndex, startLine, startColumn, endLine, endColumn);
    }
}
