using System.Text;

namespace NewsRules.Generators;

/// <summary>A small indented writer: readable generated code, always <c>\n</c> line endings.</summary>
internal sealed class SourceWriter
{
    // An extractor's source is 2 to 6 KB: start at 4 K characters rather than growing from 16.
    private readonly StringBuilder builder = new(4096);
    private int indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', indent * 4);
            builder.Append(text);
        }

        builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        indent--;
        Line("}" + suffix);
        return this;
    }

    public SourceWriter Indent()
    {
        indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        indent--;
        return this;
    }

    public override string ToString() => builder.ToString();
}
