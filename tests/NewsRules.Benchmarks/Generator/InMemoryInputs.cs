using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace NewsRules.Benchmarks.Generator;

/// <summary>An AdditionalFiles item held in memory, as the compiler hands a rule file to the generator.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        Text = text;
        this.text = SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public string Text { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}

/// <summary>The one MSBuild property the generator reads (<c>NewsRulesNamespace</c>), as the Catalog project sets it.</summary>
internal sealed class NamespaceOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Empty = new DictionaryOptions(new Dictionary<string, string>());

    public NamespaceOptionsProvider(string targetNamespace) =>
        GlobalOptions = new DictionaryOptions(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["build_property.NewsRulesNamespace"] = targetNamespace,
        });

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> values;

        public DictionaryOptions(Dictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
