using System.Text.Json;
using NewsRules.Output;
using NewsRules.Testing;

namespace NewsRules.Testing.Tests;

/// <summary>The snapshot form: the body once (no top-level text), fields left out on request, old snapshots migrated safely.</summary>
public sealed class SnapshotJsonTests
{
    private static readonly Article Sample = new("Heron", "https://heron.example/a")
    {
        Title = "Tidal mill",
        Published = new DateTimeOffset(2031, 4, 3, 9, 30, 0, TimeSpan.FromHours(1)),
        Body = new[] { new Block(BlockKind.Paragraph, "First \"quoted\" عربي."), new Block(BlockKind.Caption, "A caption."), new Block(BlockKind.Paragraph, "Second.") },
        Text = "First \"quoted\" عربي.\n\nSecond.",
        Fields = new Dictionary<string, object?> { ["Desk"] = "Coast", ["Updated"] = "today" },
        Warnings = new[] { "lead: nothing matched" },
    };

    [Fact]
    public void The_body_is_written_once_and_everything_else_as_the_contract_writes_it()
    {
        var contract = ArticleJson.Serialize(Sample);

        var snapshot = SnapshotJson.FromArticleJson(contract);

        Assert.DoesNotContain("\n  \"text\":", snapshot, StringComparison.Ordinal);
        Assert.Equal(contract.Split('\n').Where(line => !line.StartsWith("  \"text\": ", StringComparison.Ordinal)), snapshot.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Ignored_fields_are_left_out()
    {
        var snapshot = SnapshotJson.FromArticleJson(ArticleJson.Serialize(Sample), new[] { "warnings", "published", "fields.Updated" });

        using var json = JsonDocument.Parse(snapshot);
        Assert.False(json.RootElement.TryGetProperty("warnings", out _));
        Assert.False(json.RootElement.TryGetProperty("published", out _));
        Assert.False(json.RootElement.GetProperty("fields").TryGetProperty("Updated", out _));
        Assert.Equal("Coast", json.RootElement.GetProperty("fields").GetProperty("Desk").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("body").GetArrayLength());
    }

    [Fact]
    public void Migrating_drops_a_text_that_repeats_the_body_and_nothing_else()
    {
        var old = ArticleJson.Serialize(Sample) + "\n";

        var migrated = SnapshotJson.Migrate(old);

        Assert.Equal(SnapshotJson.FromArticleJson(ArticleJson.Serialize(Sample)), migrated);
        Assert.Equal(migrated, SnapshotJson.Migrate(migrated));
    }

    [Fact]
    public void Migrating_refuses_a_text_that_says_more_than_the_body()
    {
        var old = ArticleJson.Serialize(Sample with { Text = "Something the body does not say." });

        var thrown = Assert.Throws<InvalidDataException>(() => SnapshotJson.Migrate(old));

        Assert.Contains("not the body's non-caption blocks joined by blank lines", thrown.Message, StringComparison.Ordinal);
    }
}
