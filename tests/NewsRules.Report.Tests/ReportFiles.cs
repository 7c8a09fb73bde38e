using System.Reflection;
using AngleSharp.Dom;
using NewsRules.Cli;
using NewsRules.Html;

namespace NewsRules.Report.Tests;

/// <summary>Sample pages and rules of the repository, and the report command run in-process.</summary>
internal static class ReportFiles
{
    public static string RulesDirectory { get; } =
        typeof(ReportFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RulesDirectory").Value
        ?? throw new InvalidOperationException("The RulesDirectory assembly metadata has no value.");

    public static string RtPage => Path.Combine(RulesDirectory, "arabic.rt.com", "samples", "lavrov-mali.html");

    public static string RtRule => Path.Combine(RulesDirectory, "arabic.rt.com", "arabic.rt.com.yaml");

    public sealed record Result(int ExitCode, string Output, string Error, string? Report);

    /// <summary>Runs <c>newsrules report</c> with the arguments, writing to <paramref name="reportPath"/>.</summary>
    public static Result Run(string reportPath, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(["report", .. args, "--out", reportPath], output, error);
        return new Result(code, output.ToString(), error.ToString(), File.Exists(reportPath) ? File.ReadAllText(reportPath) : null);
    }

    public static IDocument Parse(string html) => HtmlDocuments.Parse(html);
}

/// <summary>A temporary folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("newsrules-report-");

    public string PathOf(string name) => Path.Combine(Directory.FullName, name);

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(recursive: true);
}
