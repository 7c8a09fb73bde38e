namespace NewsRules.Batch.Tests;

/// <summary>Usage errors exit 2 with a message that says what is wrong and how to fix it; --help shows an example.</summary>
public sealed class UsageTests : BatchTestBase
{
    [Fact]
    public void Help_has_an_example_and_the_exit_codes()
    {
        var (exit, output, _) = Run("batch", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Example: newsrules batch ", output, StringComparison.Ordinal);
        Assert.Contains("--resume", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_is_a_usage_error()
    {
        var missing = Path.Combine(Scratch, "nope");
        var (exit, _, error) = Run("batch", missing, "--out", PathIn("o.jsonl"));

        Assert.Equal(2, exit);
        Assert.Contains($"input '{missing}' does not exist", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Scratch, "o.jsonl")), "nothing is written when the run cannot start");
    }

    [Fact]
    public void An_input_of_an_unknown_kind_lists_the_kinds()
    {
        var input = PathIn("notes.txt");
        File.WriteAllText(input, "x");

        var (exit, _, error) = Run("batch", input, "--out", PathIn("o.jsonl"));

        Assert.Equal(2, exit);
        Assert.Contains(".warc/.warc.gz", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_out_is_a_usage_error()
    {
        var (exit, _, error) = Run("batch", Scratch);

        Assert.Equal(2, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);
        Assert.Contains("newsrules batch --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_threads_is_a_usage_error()
    {
        File.Copy(ApPage, PathIn("p/a.html"));
        var (exit, _, error) = Run("batch", Path.Combine(Scratch, "p"), "--out", PathIn("o.jsonl"), "--threads", "0");

        Assert.Equal(2, exit);
        Assert.Contains("--threads 0 is not a positive number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_output_is_kept_unless_resume_or_overwrite()
    {
        File.Copy(ApPage, PathIn("p/a.html"));
        var output = PathIn("o.jsonl");
        File.WriteAllText(output, "precious\n");

        var (exit, _, error) = Run("batch", Path.Combine(Scratch, "p"), "--out", output);
        Assert.Equal(2, exit);
        Assert.Contains("Pass --resume to continue the run that wrote it, or --overwrite", error, StringComparison.Ordinal);
        Assert.Equal("precious\n", File.ReadAllText(output));

        (exit, _, error) = Run("batch", Path.Combine(Scratch, "p"), "--out", output, "--resume");
        Assert.Equal(2, exit);
        Assert.Contains("(1): this line is not a batch output line", error, StringComparison.Ordinal);

        (exit, _, _) = Run("batch", Path.Combine(Scratch, "p"), "--out", output, "--overwrite", "--progress", "none");
        Assert.Equal(0, exit);
        Assert.Equal("ApNews", (string?)Assert.Single(ReadLines(output))["site"]);
    }

    [Fact]
    public void An_empty_folder_is_a_usage_error()
    {
        Directory.CreateDirectory(Path.Combine(Scratch, "empty"));
        var (exit, _, error) = Run("batch", Path.Combine(Scratch, "empty"), "--out", PathIn("o.jsonl"), "--progress", "none");

        Assert.Equal(2, exit);
        Assert.Contains("the inputs hold no records", error, StringComparison.Ordinal);
    }
}

/// <summary>A fact that runs only where <c>/dev/full</c> exists (a device on which every write fails with "no space left").</summary>
public sealed class DevFullFactAttribute : FactAttribute
{
    public DevFullFactAttribute()
    {
        if (!File.Exists("/dev/full"))
        {
            Skip = "/dev/full is not on this machine (it is on Linux): the disk-full test needs it.";
        }
    }
}

/// <summary>An output that cannot be written stops the run with exit 2 instead of hanging the workers.</summary>
public sealed class WriteFailureTests : BatchTestBase
{
    [DevFullTheory]
    [InlineData("1")]
    [InlineData("2")]
    public void A_full_disk_stops_the_run_with_a_message_and_exit_code_2(string threads)
    {
        var folder = Path.GetDirectoryName(PathIn("p/x"))!;
        for (var i = 0; i < 40; i++)
        {
            File.Copy(ApPage, Path.Combine(folder, $"a{i}.html"));
        }

        var (exit, _, error) = Run("batch", folder, "--out", "/dev/full", "--overwrite", "--threads", threads, "--progress", "none");

        Assert.Equal(2, exit);
        Assert.Contains("newsrules: ", error, StringComparison.Ordinal);
        Assert.Contains("--resume", error, StringComparison.Ordinal);
    }
}

/// <summary>A theory that runs only where <c>/dev/full</c> exists (see <see cref="DevFullFactAttribute"/>).</summary>
public sealed class DevFullTheoryAttribute : TheoryAttribute
{
    public DevFullTheoryAttribute()
    {
        if (!File.Exists("/dev/full"))
        {
            Skip = "/dev/full is not on this machine (it is on Linux): the disk-full test needs it.";
        }
    }
}
