using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using NewsRules.Catalog;
using NewsRules.Html;

namespace NewsRules.Robustness;

/// <summary>
/// Issue 6, point 2: the sample pages, mutated (bytes flipped, cut short, tag soup inserted,
/// regions wrapped thousands of levels deep), run through the shipped rules. No input may
/// throw, and every article must be well formed. The inputs come from CsCheck generators
/// driven by one fixed seed, so a run is the same everywhere and a failure names the
/// generator state that reproduces it (<c>Gen.Sample(…, seed: state)</c>).
/// </summary>
public sealed class FuzzTests
{
    /// <summary>Inputs per run: NEWSRULES_FUZZ_INPUTS, else 10,000.</summary>
    private static readonly int Inputs = int.TryParse(Environment.GetEnvironmentVariable("NEWSRULES_FUZZ_INPUTS"), out var n) && n > 0 ? n : 10_000;

    /// <summary>The seed: NEWSRULES_FUZZ_SEED, else a fixed one.</summary>
    private static readonly ulong Seed = ulong.TryParse(Environment.GetEnvironmentVariable("NEWSRULES_FUZZ_SEED"), out var s) ? s : 20261129UL;

    /// <summary>
    /// Besides its own rule, each input goes through this many other shipped rules, taken in
    /// turn, so that over a run every rule sees hundreds of inputs (all 81 on every input
    /// would take a quarter of an hour on two cores).
    /// </summary>
    private const int OtherRulesPerInput = 4;

    private static readonly string[] Soup =
    {
        "<div>", "</div>", "</p>", "<p>", "<table><tr><td>", "</td></tr></table>", "<!--", "-->", "<script>", "</script>",
        "<style>", "<![CDATA[", "]]>", "&#x0;", "&#xD800;", "&amp", "\"'>", "<b><i></b></i>", "<svg><math><mi>", "</body></html><body>",
        "<div class=\"text\">", "<div class=\"article\">", "<h1 class=\"heading\">", "<figure><figcaption>", "<br>", "<li>", "<pre>",
        "<a href=\"javascript:alert(1)\">", "<img srcset=\"a 1x, b,, c 9999999999999999999w\">", "<base href=\"::\">", "<meta charset=\"utf-16\">",
        "<title>", "<textarea>", "<plaintext>", "<template>", "<select><option>", "\0", "\uFEFF", "\uD800", "<html lang=\"\u0000\">",
    };

    /// <summary>One mutation of a page's bytes; positions are fractions of the length, so they apply to any page.</summary>
    private abstract record Mutation
    {
        public abstract byte[] Apply(byte[] page);

        protected static int Offset(byte[] page, double fraction) => Math.Clamp((int)(fraction * page.Length), 0, page.Length);
    }

    private sealed record FlipBytes(double At, byte[] Values) : Mutation
    {
        public override byte[] Apply(byte[] page)
        {
            var copy = (byte[])page.Clone();
            var start = Offset(page, this.At);
            for (var i = 0; i < Values.Length && start + i < copy.Length; i++)
            {
                copy[start + i] ^= Values[i];
            }

            return copy;
        }
    }

    private sealed record Truncate(double At) : Mutation
    {
        public override byte[] Apply(byte[] page) => page.AsSpan(0, Offset(page, this.At)).ToArray();
    }

    private sealed record InsertSoup(double At, string[] Pieces) : Mutation
    {
        public override byte[] Apply(byte[] page)
        {
            var at = Offset(page, this.At);
            var soup = Encoding.UTF8.GetBytes(string.Concat(Pieces));
            return page.AsSpan(0, at).ToArray().Concat(soup).Concat(page.AsSpan(at).ToArray()).ToArray();
        }
    }

    private sealed record Wrap(double From, double To, int Levels, string Tag) : Mutation
    {
        public override byte[] Apply(byte[] page)
        {
            var from = Offset(page, Math.Min(From, To));
            var to = Offset(page, Math.Max(From, To));
            var open = Encoding.UTF8.GetBytes(HostilePages.Repeat($"<{Tag}>", Levels));
            var close = Encoding.UTF8.GetBytes(HostilePages.Repeat($"</{Tag}>", Levels));
            return page.AsSpan(0, from).ToArray().Concat(open).Concat(page.AsSpan(from, to - from).ToArray()).Concat(close).Concat(page.AsSpan(to).ToArray()).ToArray();
        }
    }

    private sealed record Input(int Sample, Mutation[] Mutations)
    {
        public byte[] Bytes()
        {
            var bytes = Repo.Samples[Sample].Bytes;
            foreach (var mutation in Mutations)
            {
                bytes = mutation.Apply(bytes);
            }

            return bytes;
        }

        public override string ToString() => $"{Repo.Samples[Sample].Name} with {string.Join(", ", Mutations.Select(m => m.ToString()))}";
    }

    private static readonly Gen<Mutation> Mutations = Gen.OneOf<Mutation>(new IGen<Mutation>[] {
        Gen.Select(Gen.Double[0, 1], Gen.Byte.Array[1, 16], (at, values) => (Mutation)new FlipBytes(at, values)),
        Gen.Double[0, 1].Select(at => (Mutation)new Truncate(at)),
        Gen.Select(Gen.Double[0, 1], Gen.OneOf<string>(Soup).Array[1, 8], (at, pieces) => (Mutation)new InsertSoup(at, pieces)),
        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[1, 3000], Gen.OneOf<string>(new[] { "div", "span", "b", "blockquote", "table", "ul", "section" }), (from, to, levels, tag) => (Mutation)new Wrap(from, to, levels, tag)),
    });

    private static readonly Gen<Input> Inputs_ = Gen.Select(Gen.Int[0, Repo.Samples.Count - 1], Mutations.Array[1, 4], (sample, mutations) => new Input(sample, mutations));

    [Fact]
    public void Mutated_samples_never_throw_and_always_give_well_formed_articles()
    {
        // The inputs are drawn in order from one generator state, then checked on every core:
        // the same inputs on any machine, in a fraction of the time.
        var pcg = new PCG(6, Seed);
        var inputs = new (string State, Input Input)[Inputs];
        for (var i = 0; i < Inputs; i++)
        {
            var state = pcg.ToString();
            inputs[i] = (state, Inputs_.Generate(pcg, null, out _));
        }

        var extractors = Sites.All;
        var runs = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Parallel.For(0, Inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (state, input) = inputs[i];
            try
            {
                var bytes = input.Bytes();
                var url = Repo.Samples[input.Sample].Url;
                using var stream = new MemoryStream(bytes, writable: false);
                var document = HtmlDocuments.Parse(stream);
                Outputs.AssertWellFormed(Sites.ForUrl(url)!.Extract(document, url), "own rule");
                Interlocked.Increment(ref runs);
                for (var k = 0; k < OtherRulesPerInput; k++)
                {
                    var extractor = extractors[((i * OtherRulesPerInput) + k) % extractors.Count];
                    Outputs.AssertWellFormed(extractor.Extract(document, url), extractor.Site);
                    Interlocked.Increment(ref runs);
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue($"Input {i} (CsCheck seed '{state}'): {input}\nfailed: {ex.GetType().Name}: {ex.Message}\n{string.Join("\n", (ex.StackTrace ?? string.Empty).Split('\n').Take(6))}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Inputs} inputs failed; the first:\n{string.Join("\n\n", failures.Take(3))}");
        Assert.Equal(Inputs * (1 + OtherRulesPerInput), runs);
    }
}
