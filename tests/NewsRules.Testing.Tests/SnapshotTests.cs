using System.Text;
using NewsRules.Testing;

namespace NewsRules.Testing.Tests;

public sealed class SnapshotTests : IDisposable
{
    private static readonly SnapshotOptions Local = new() { Accept = false, IsContinuousIntegration = false };
    private static readonly SnapshotOptions OnCi = new() { Accept = false, IsContinuousIntegration = true };
    private readonly string directory = Directory.CreateTempSubdirectory("newsrules-snapshot-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Verified => Path.Combine(directory, "page.verified.json");

    private string Received => Path.Combine(directory, "page.received.json");

    [Fact]
    public void Matching_output_passes_and_removes_a_stale_received_file()
    {
        File.WriteAllText(Verified, "{\n  \"a\": 1\n}\n");
        File.WriteAllText(Received, "old");

        Snapshot.Verify("{\r\n  \"a\": 1\r\n}", Verified, Local);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void A_mismatch_writes_received_and_fails_with_a_word_level_diff_of_the_changed_lines()
    {
        File.WriteAllText(Verified, "line one\nline two\nline three\n");

        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify("line one\nline 2\nline three\n", Verified, Local));

        Assert.Equal("line one\nline 2\nline three\n", File.ReadAllText(Received));
        Assert.Contains("differs from page.verified.json (written to page.received.json)", ex.Message);
        Assert.Contains("  line 2: line [-two-]{+2+}\n", ex.Message);
        Assert.DoesNotContain("line one", ex.Message);
        Assert.Contains("newsrules accept --list", ex.Message);
        Assert.Contains("NEWSRULES_ACCEPT=1 dotnet test", ex.Message);
    }

    [Fact]
    public void A_long_changed_paragraph_shows_the_changed_words_with_a_little_context_once()
    {
        var words = string.Join(" ", Enumerable.Range(1, 200).Select(i => $"word{i}"));
        File.WriteAllText(Verified, "{\n  \"text\": \"" + words + "\"\n}\n");

        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify("{\n  \"text\": \"" + words.Replace("word100 ", "changed ", StringComparison.Ordinal) + "\"\n}\n", Verified, Local));

        Assert.Contains("[-word100-]{+changed+}", ex.Message);
        Assert.Contains("…", ex.Message);
        Assert.DoesNotContain("word3 ", ex.Message);
        Assert.DoesNotContain("word190", ex.Message);
    }

    [Fact]
    public void A_missing_snapshot_fails_locally_with_the_accept_command_and_writes_received()
    {
        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify("new output", Verified, Local));

        Assert.True(File.Exists(Received));
        Assert.False(File.Exists(Verified));
        Assert.Contains("does not exist yet", ex.Message);
        Assert.Contains("newsrules accept", ex.Message);
    }

    [Theory]
    [InlineData(false, false, false, true)]
    [InlineData(true, false, false, false)]
    [InlineData(false, true, false, false)]
    [InlineData(false, false, true, false)]
    public void The_diff_tool_opens_only_off_ci_and_when_diffengine_is_not_disabled(bool ci, bool buildServer, bool disabled, bool opens) =>
        Assert.Equal(opens, SnapshotOptions.DiffToolAllowed(ci, buildServer, disabled));

    [Fact]
    public void A_missing_snapshot_fails_on_ci_and_is_never_created()
    {
        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify("new output", Verified, OnCi with { Accept = true }));

        Assert.False(File.Exists(Verified));
        Assert.Contains("CI never creates snapshots", ex.Message);
    }

    [Fact]
    public void Accepting_writes_the_verified_file_as_utf8_without_bom_with_lf()
    {
        File.WriteAllText(Received, "stale");

        Snapshot.Verify("عربي\r\ntext", Verified, Local with { Accept = true });

        var bytes = File.ReadAllBytes(Verified);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("عربي\ntext\n", Encoding.UTF8.GetString(bytes));
        Assert.False(File.Exists(Received));
    }

    [Theory]
    [InlineData("page.verified.json", "page.received.json")]
    [InlineData("Site.g.verified.cs", "Site.g.received.cs")]
    public void Received_path_follows_the_verify_convention(string verified, string received) =>
        Assert.Equal(received, Path.GetFileName(Snapshot.ReceivedPathFor(Path.Combine("x", verified))));

    [Fact]
    public void A_path_without_verified_is_refused() =>
        Assert.Throws<ArgumentException>(() => Snapshot.ReceivedPathFor("page.json"));
}
