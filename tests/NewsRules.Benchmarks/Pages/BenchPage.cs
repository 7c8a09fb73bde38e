using System;
using System.IO;
using System.Text;
using NewsRules.Loading;

namespace NewsRules.Benchmarks.Pages;

/// <summary>
/// One page to measure: the saved HTML, the URL it was served at, the compiled extractor that
/// serves that URL (<c>Sites.ForUrl</c>) and the same rule loaded at run time from its YAML.
/// The HTML and the interpreted rule are read on first use, so listing pages stays cheap.
/// </summary>
internal sealed class BenchPage
{
    private readonly Lazy<string> html;
    private readonly Lazy<InterpretedExtractor> interpreted;

    public BenchPage(string name, string path, Uri url, IArticleExtractor generated, Func<string, InterpretedExtractor> loadRule)
    {
        Name = name;
        Path = path;
        Url = url;
        Generated = generated;
        Bytes = new FileInfo(path).Length;
        // The corpus stores pages as UTF-8 whatever charset they still declare (see its README);
        // the repository's samples are UTF-8 too. Read as text, as the conformance runner does.
        html = new Lazy<string>(() => File.ReadAllText(path, Encoding.UTF8));
        interpreted = new Lazy<InterpretedExtractor>(() => loadRule(generated.Site));
    }

    /// <summary>The page's short name: its file name without <c>.html</c>.</summary>
    public string Name { get; }

    public string Path { get; }

    public Uri Url { get; }

    public long Bytes { get; }

    public string Html => html.Value;

    /// <summary>The compiled rule (NewsRules.Catalog) that serves <see cref="Url"/>.</summary>
    public IArticleExtractor Generated { get; }

    /// <summary>The same rule, loaded from its YAML file with <see cref="RuleLoader.LoadFile"/>.</summary>
    public InterpretedExtractor Interpreted => interpreted.Value;

    public override string ToString() => Name;
}

/// <summary>
/// A page as a BenchmarkDotNet parameter: its name and size, shown in the tables. The page
/// itself is looked up by name in each benchmark process.
/// </summary>
public sealed class PageCase
{
    public PageCase(string name, long bytes)
    {
        Name = name;
        Bytes = bytes;
    }

    public string Name { get; }

    public long Bytes { get; }

    public override string ToString() => $"{Name} ({(Bytes + 512) / 1024} KB)";
}
