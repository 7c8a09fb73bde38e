using System.Collections.Generic;
using System.Linq;

namespace NewsRules.Generators;

/// <summary>
/// A C# expression to write over one or more lines: text on one line, a constructor call with
/// one argument per line, an array with one element per line. The emitter builds the
/// definitions of a rule from these so that the generated code reads like the YAML (one
/// selector per line) and no line runs long.
/// </summary>
internal abstract class Code
{
    /// <summary>The length up to which a string array stays on one line.</summary>
    public const int ShortLine = 80;

    public static Code Inline(string text) => new InlineCode(text);

    /// <summary>A named argument: <c>name: value</c>.</summary>
    public static Code Named(string name, Code value) => new NamedCode(name, value);

    /// <summary><c>new Type(</c>, each argument on its line, <c>)</c> after the last.</summary>
    public static Code New(string type, IEnumerable<Code> arguments) => new CallCode("new " + type, arguments.ToList());

    /// <summary><c>new Type[]</c>, <c>{</c>, each element on its line with a comma, <c>}</c>; <c>Array.Empty</c> when there are none.</summary>
    public static Code Array(string elementType, IEnumerable<Code> elements)
    {
        var list = elements.ToList();
        return list.Count == 0
            ? Inline($"global::System.Array.Empty<{elementType}>()")
            : new ArrayCode(elementType, list);
    }

    /// <summary>Writes the expression, its first line after <paramref name="prefix"/>, its last followed by <paramref name="suffix"/>.</summary>
    public abstract void WriteTo(SourceWriter w, string prefix, string suffix);

    private sealed class InlineCode(string text) : Code
    {
        public override void WriteTo(SourceWriter w, string prefix, string suffix) => w.Line(prefix + text + suffix);
    }

    private sealed class NamedCode(string name, Code value) : Code
    {
        public override void WriteTo(SourceWriter w, string prefix, string suffix) => value.WriteTo(w, $"{prefix}{name}: ", suffix);
    }

    private sealed class CallCode(string head, List<Code> arguments) : Code
    {
        public override void WriteTo(SourceWriter w, string prefix, string suffix)
        {
            if (arguments.Count == 0)
            {
                w.Line($"{prefix}{head}(){suffix}");
                return;
            }

            w.Line($"{prefix}{head}(");
            w.Indent();
            for (var i = 0; i < arguments.Count; i++)
            {
                arguments[i].WriteTo(w, string.Empty, i == arguments.Count - 1 ? ")" + suffix : ",");
            }

            w.Outdent();
        }
    }

    private sealed class ArrayCode(string elementType, List<Code> elements) : Code
    {
        public override void WriteTo(SourceWriter w, string prefix, string suffix)
        {
            w.Line($"{prefix}new {elementType}[]");
            w.Line("{");
            w.Indent();
            foreach (var element in elements)
            {
                element.WriteTo(w, string.Empty, ",");
            }

            w.Outdent();
            w.Line("}" + suffix);
        }
    }
}
