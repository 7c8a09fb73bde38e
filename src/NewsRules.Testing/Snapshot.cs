using System;
using System.IO;
using System.Text;

namespace NewsRules.Testing;

/// <summary>
/// Compares text with a committed <c>*.verified.*</c> file, Verify-style: a mismatch writes
/// <c>*.received.*</c> beside it and fails with a word-level diff of the changed lines; a missing snapshot fails in CI
/// and, locally, writes the received file and says how to accept it.
/// </summary>
public static class Snapshot
{
    /// <summary>Set to 1 or true to accept every received snapshot while the tests run.</summary>
    public const string AcceptVariable = "NEWSRULES_ACCEPT";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>True when the environment asks to accept snapshots (<see cref="AcceptVariable"/>).</summary>
    public static bool AcceptRequested => IsTrue(Environment.GetEnvironmentVariable(AcceptVariable));

    /// <summary>True on a CI machine (the <c>CI</c> variable is set to anything but false/0).</summary>
    public static bool IsContinuousIntegration
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("CI");
            return !string.IsNullOrWhiteSpace(value) && value.Trim() is not ("0" or "false" or "False" or "FALSE");
        }
    }

    /// <summary>
    /// Verifies <paramref name="received"/> against <paramref name="verifiedPath"/>
    /// (a path containing <c>.verified.</c>); throws <see cref="SnapshotMismatchException"/> on any difference.
    /// </summary>
    public static void Verify(string received, string verifiedPath, SnapshotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(verifiedPath);
        options ??= SnapshotOptions.FromEnvironment();
        var acceptHint = options.AcceptCommand;
        var receivedPath = ReceivedPathFor(verifiedPath);
        var text = Normalize(received);
        var exists = File.Exists(verifiedPath);
        var verified = exists ? Normalize(File.ReadAllText(verifiedPath, Encoding.UTF8)) : null;

        if (verified == text)
        {
            DeleteIfExists(receivedPath);
            return;
        }

        if (options.Accept && !options.IsContinuousIntegration)
        {
            File.WriteAllText(verifiedPath, text, Utf8NoBom);
            DeleteIfExists(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, text, Utf8NoBom);
        var name = Path.GetFileName(verifiedPath);
        var accept = $"See every pending change with `{acceptHint} --list`, accept it with `{acceptHint} <site>` (or `{AcceptVariable}=1 dotnet test`), and commit {name}.";
        if (verified is null)
        {
            throw new SnapshotMismatchException(options.IsContinuousIntegration
                ? $"Snapshot {name} is missing, and CI never creates snapshots. Run the tests locally, review {Path.GetFileName(receivedPath)}, accept it and commit {name}."
                : $"Snapshot {name} does not exist yet; the output was written to {Path.GetFileName(receivedPath)}. {accept}");
        }

        // Word by word, changed lines only: a changed paragraph is one long line, and a line diff
        // would show it twice in full. The received file beside the snapshot has everything.
        var diff = WordDiff.Describe(verified, text);
        if (options.LaunchDiffTool)
        {
            LaunchDiffTool(receivedPath, verifiedPath);
        }

        throw new SnapshotMismatchException(
            $"The output differs from {name} (written to {Path.GetFileName(receivedPath)}); changed lines of the received file, words removed [-like this-], added {{+like this+}}:\n{diff.TrimEnd('\n')}\n" +
            (options.IsContinuousIntegration ? "If the change is intended, accept it locally and commit the verified file." : accept));
    }

    /// <summary><c>page.verified.json</c> → <c>page.received.json</c>.</summary>
    public static string ReceivedPathFor(string verifiedPath)
    {
        var directory = Path.GetDirectoryName(verifiedPath) ?? string.Empty;
        var file = Path.GetFileName(verifiedPath);
        var index = file.LastIndexOf(".verified.", StringComparison.Ordinal);
        if (index < 0)
        {
            throw new ArgumentException($"'{file}' is not a snapshot path: it must contain '.verified.' (e.g. page.verified.json).", nameof(verifiedPath));
        }

        return Path.Combine(directory, file.Substring(0, index) + ".received." + file.Substring(index + ".verified.".Length));
    }

    /// <summary>The stable form of snapshot text: LF line ends, exactly one final newline.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n') + "\n";

    // The user's diff tool (DiffEngine finds it: Rider, VS Code, Beyond Compare, …) on the received
    // and verified files. Never a reason to fail differently: any problem launching it is ignored.
    private static void LaunchDiffTool(string receivedPath, string verifiedPath)
    {
        try
        {
            DiffEngine.DiffRunner.LaunchForText(receivedPath, verifiedPath);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No tool, or it would not start: the message and the received file say everything.
        }
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
}

/// <summary>How <see cref="Snapshot.Verify"/> behaves; by default read from the environment.</summary>
public sealed record SnapshotOptions
{
    /// <summary>Accept received output as the new snapshot (never on CI).</summary>
    public bool Accept { get; init; }

    /// <summary>On CI a missing snapshot fails and nothing is accepted.</summary>
    public bool IsContinuousIntegration { get; init; }

    /// <summary>
    /// Open the user's diff tool (found by DiffEngine) on a changed snapshot. Off by default;
    /// <see cref="FromEnvironment"/> turns it on only off CI (neither <c>CI</c> nor DiffEngine's
    /// own build-server detection) and when DiffEngine is not disabled (<c>DiffEngine_Disabled=true</c>).
    /// </summary>
    public bool LaunchDiffTool { get; init; }

    /// <summary>The command named in failure messages for accepting snapshots.</summary>
    public string AcceptCommand { get; init; } = "newsrules accept";

    /// <summary>Reads <see cref="Snapshot.AcceptVariable"/> and <c>CI</c>.</summary>
    public static SnapshotOptions FromEnvironment() => new()
    {
        Accept = Snapshot.AcceptRequested,
        IsContinuousIntegration = Snapshot.IsContinuousIntegration,
        LaunchDiffTool = DiffToolAllowed(Snapshot.IsContinuousIntegration, DiffEngine.BuildServerDetector.Detected, DiffEngine.DiffRunner.Disabled),
    };

    /// <summary>Whether a diff tool may open: never on CI (ours or DiffEngine's detection), never when DiffEngine is disabled.</summary>
    public static bool DiffToolAllowed(bool continuousIntegration, bool buildServerDetected, bool diffEngineDisabled) =>
        !continuousIntegration && !buildServerDetected && !diffEngineDisabled;
}

/// <summary>A snapshot that does not match, or does not exist; the message holds the diff and how to accept.</summary>
public sealed class SnapshotMismatchException : Exception
{
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }
}
