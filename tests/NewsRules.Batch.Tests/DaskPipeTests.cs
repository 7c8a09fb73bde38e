using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsRules.Cli;

namespace NewsRules.Batch.Tests;

/// <summary>A fact that needs Dask's distributed scheduler (Debian: python3-dask, python3-distributed); skips, saying why, without it.</summary>
public sealed class DaskFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    public DaskFactAttribute()
    {
        if (!Available())
        {
            Skip = $"Dask's distributed scheduler is not importable by {Python}: install Debian's python3-dask and python3-distributed (apt-get install -y python3-dask python3-distributed; .ci/run does this on CI) to run the cluster test.";
        }
    }

    private static bool Available()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(Python, "-c \"import dask.bag, distributed\"") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false });
            if (probe is null)
            {
                return false;
            }

            probe.WaitForExit(60_000);
            return probe.HasExited && probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>
/// Issue 24, point 3: the standard input / output contract under a real distributed engine.
/// A Dask cluster of two local worker processes splits JSONL records into partitions and pipes
/// each partition through <c>newsrules batch - --out -</c>, as Spark's <c>rdd.pipe()</c> and Hadoop
/// Streaming do; every record must come back exactly once.
/// </summary>
public sealed class DaskPipeTests : BatchTestBase
{
    private const string Driver = """
        import json, subprocess, sys
        from dask.distributed import Client, LocalCluster
        import dask.bag as db

        cli, records_path, out_path = sys.argv[1], sys.argv[2], sys.argv[3]

        def pipe(lines):
            # One batch process per partition, fed on stdin, read on stdout: the pipe() contract.
            lines = list(lines)
            run = subprocess.run(['dotnet', cli, 'batch', '-', '--out', '-', '--progress', 'none', '--threads', '1', '--allow-errors'],
                                 input=''.join(lines).encode('utf-8'), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if run.returncode != 0:
                raise RuntimeError('newsrules batch exited %d: %s' % (run.returncode, run.stderr.decode('utf-8', 'replace')))
            return [l for l in run.stdout.decode('utf-8').split('\n') if l]

        if __name__ == '__main__':
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
                with open(records_path, encoding='utf-8') as f:
                    records = f.readlines()
                bag = db.from_sequence(records, npartitions=5)
                lines = bag.map_partitions(pipe).compute()
            with open(out_path, 'w', encoding='utf-8') as out:
                for line in lines:
                    out.write(line + '\n')
            print('%d lines from %d records' % (len(lines), len(records)))
        """;

    [DaskFact]
    public void Every_record_piped_through_a_dask_cluster_comes_back_exactly_once()
    {
        // 23 records: the two samples at distinct URLs, a page no rule serves (generic fallback) and a bad line.
        var urls = new List<string>();
        var lines = new List<string>();
        for (var n = 1; n <= 21; n++)
        {
            var page = n % 2 == 1 ? RtPage : ApPage;
            urls.Add($"{UrlOf(page)}?copy={n}");
            lines.Add(JsonSerializer.Serialize(new { url = urls[^1], html = File.ReadAllText(page) }));
        }

        urls.Add("https://unknown.example/harbour");
        lines.Add(JsonSerializer.Serialize(new { url = urls[^1], html = "<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1><p>The boats came back before the storm, and the harbour master counted every one of them twice.</p></article></body></html>" }));
        lines.Add("not json");
        var records = PathIn("records.jsonl");
        File.WriteAllText(records, string.Join("\n", lines) + "\n");
        var driver = PathIn("driver.py");
        File.WriteAllText(driver, Driver);
        var output = PathIn("out.jsonl");
        var cli = typeof(CliApp).Assembly.Location;

        var start = new ProcessStartInfo(DaskFactAttribute.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { driver, cli, records, output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(300_000), "the Dask run finished within 5 minutes");
        Assert.True(process.ExitCode == 0, $"the Dask driver exited {process.ExitCode}: {stderr.Result}");

        var results = File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(lines.Count, results.Count);
        var articles = results.Where(r => r["error"] is null).ToList();
        Assert.Equal(urls.OrderBy(u => u, StringComparer.Ordinal), articles.Select(a => (string)a["url"]!).OrderBy(u => u, StringComparer.Ordinal));
        var bad = Assert.Single(results, r => r["error"] is not null);
        Assert.Equal("unreadable", Problem(bad));
        var first = articles.Single(a => ((string)a["url"]!).EndsWith("?copy=1", StringComparison.Ordinal));
        Assert.Equal((string?)Expected(RtPage)["title"], (string?)first["title"]);
        Assert.Equal("unknown.example", (string?)articles.Single(a => (string)a["url"]! == "https://unknown.example/harbour")["site"]);
    }
}
