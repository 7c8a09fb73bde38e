using System.Globalization;
using System.Text.Json;
using NewsRules.Cli;

namespace NewsRules.Batch.Tests;

/// <summary>
/// The run-time settings the CLI ships in its runtimeconfig.json, each measured for batch
/// (docs/performance.md, "Batch throughput" and "Batch at engine speed").
/// </summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void The_cli_keeps_dynamic_pgo_on()
    {
        // Issue 24, seventh round: once its instrumented tier has settled, batch spends 20-25 % less CPU a page with it.
        Assert.True(Option("System.Runtime.TieredPGO").GetBoolean());
    }

    [Fact]
    public void The_cli_turns_the_server_gcs_dynamic_adaptation_off()
    {
        // Issue 24, seventh round: with DATAS, 2 threads over small pages kept only 1.48 of 2 cores busy.
        Assert.Equal(0, Option("System.GC.DynamicAdaptationMode").GetInt32());
    }

    [Fact]
    public void The_cli_uses_the_server_gc()
    {
        // Issue 24: batch workers allocate about 1 MB a page; the workstation GC's small gen-0 budget stopped them every few pages.
        Assert.True(Option("System.GC.Server").GetBoolean());
    }

    [Fact]
    public void The_cli_tiers_up_without_the_call_counting_delay()
    {
        // Issue 24: the default 100 ms delay kept restarting while batch met new code, so a 1,000-page run stayed in tier-0 code.
        Assert.Equal(0, Number(Option("System.Runtime.TieredCompilation.CallCountingDelayMs")));
    }

    [Fact]
    public void The_cli_keeps_page_sized_strings_out_of_the_large_object_heap()
    {
        // Issue 24: a decoded page (about 660 KB) as a large object cost page faults and clearing on every page.
        Assert.Equal(2L << 20, Number(Option("System.GC.LOHThreshold")));
    }

    [Fact]
    public void The_cli_does_not_spin_in_idle_thread_pool_threads()
    {
        // Issue 24: batch's reader and writer once waited on queues, and each wait spun before sleeping (2.5-5.6 % of a
        // 1-thread run's CPU); the progress loop and the other verbs' pool threads still wait.
        Assert.Equal(0, Number(Option("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit")));
    }

    [Fact]
    public void The_cli_s_runtimeconfig_names_no_path_of_the_build_machine()
    {
        // DiffEngine's build props would add its viewer's folder in the NuGet cache of whoever built the tool.
        var text = File.ReadAllText(RuntimeConfigPath());
        Assert.DoesNotContain("DiffEngine.ViewerDirectory", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetFullPath(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget")), text, StringComparison.Ordinal);
    }

    private static string RuntimeConfigPath()
    {
        var assembly = typeof(CliApp).Assembly.Location;
        return Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly) + ".runtimeconfig.json");
    }

    /// <summary>A property of the CLI's runtimeconfig.json (copied beside its assembly).</summary>
    private static JsonElement Option(string name)
    {
        var assembly = typeof(CliApp).Assembly.Location;
        var config = Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly) + ".runtimeconfig.json");
        Assert.True(File.Exists(config), $"{config} is copied beside the CLI assembly");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        Assert.True(json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").TryGetProperty(name, out var value), $"{config} sets {name}");
        return value.Clone();
    }

    /// <summary>A number the SDK may write as a JSON number or as a string.</summary>
    private static long Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();
}
