using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NewsRules.Robustness;

/// <summary>
/// CPU time of the calling thread, so that a ratio of two measurements does not depend on how
/// busy the machine is (wall time on a shared two-core machine varies tenfold). Linux and macOS
/// have a per-thread clock; elsewhere this falls back to wall time.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    private static readonly bool HasThreadClock = !OperatingSystem.IsWindows() && Probe();

    public static TimeSpan Now()
    {
        if (HasThreadClock && clock_gettime(ClockThreadCpuTime, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        return Stopwatch.GetElapsedTime(0);
    }

    /// <summary>The least CPU time of <paramref name="runs"/> runs of <paramref name="action"/>.</summary>
    public static TimeSpan Fastest(Action action, int runs)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var start = Now();
            action();
            var took = Now() - start;
            best = took < best ? took : best;
        }

        return best;
    }

    private static bool Probe()
    {
        try
        {
            return clock_gettime(ClockThreadCpuTime, out _) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
