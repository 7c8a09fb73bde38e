using System.Text.Json;
using NewsRules.Cli;

namespace NewsRules.Batch.Tests;

/// <summary>
/// The CLI runs without dynamic PGO's instrumented tier: in a batch of a few thousand pages
/// that tier cost a third of the CPU time (docs/performance.md, "Batch throughput").
/// </summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void The_cli_turns_the_instrumented_tier_off()
    {
        var assembly = typeof(CliApp).Assembly.Location;
        var config = Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly) + ".runtimeconfig.json");
        Assert.True(File.Exists(config), $"{config} is copied beside the CLI assembly");

        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var options = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(options.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }

    [Fact]
    public void The_cli_uses_the_server_gc()
    {
        // Issue 24: batch workers allocate about 1 MB a page; the workstation GC's small gen-0 budget stopped them every few pages.
        var assembly = typeof(CliApp).Assembly.Location;
        var config = Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly) + ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));

        Assert.True(json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.Server").GetBoolean());
    }

    [Fact]
    public void The_cli_tiers_up_without_the_call_counting_delay()
    {
        // Issue 24: the default 100 ms delay kept restarting while batch met new code, so a 1,000-page run stayed in tier-0 code.
        var assembly = typeof(CliApp).Assembly.Location;
        var config = Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly) + ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));

        Assert.Equal(0, json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
    }

    [Fact]
    public void The_cli_keeps_page_sized_strings_out_of_the_large_object_heap()
    {
        // Issue 24: a decoded page (about 660 KB) as a large object cost page faults and clearing on every page.
        var assembly = typeof(CliApp).Assembly.Location;
        var config = Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly) + ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var threshold = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.LOHThreshold");
        var bytes = threshold.ValueKind == JsonValueKind.String ? long.Parse(threshold.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : threshold.GetInt64();
        Assert.Equal(2L << 20, bytes);
    }

    [Fact]
    public void The_cli_does_not_spin_in_idle_thread_pool_threads()
    {
        // Issue 24: batch's reader and writer wait on queues; each wait spun before sleeping, 5.6 % of a 1-thread run's CPU.
        var assembly = typeof(CliApp).Assembly.Location;
        var config = Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly) + ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var limit = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit");
        Assert.Equal(0, limit.ValueKind == JsonValueKind.String ? int.Parse(limit.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : limit.GetInt32());
    }
}
