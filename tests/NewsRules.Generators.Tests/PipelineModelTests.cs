using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NewsRules.Generators.Tests;

/// <summary>
/// The pipeline caches by equality, so its values must hold no Roslyn objects: they compare by
/// reference, change every run and keep whole compilations alive.
/// </summary>
public sealed class PipelineModelTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Diagnostic),
    };

    [Fact]
    public void Tracked_step_outputs_hold_no_Roslyn_objects()
    {
        // Valid rules, broken ones and a duplicate pair, so that diagnostics and claims are in the model too.
        var run = GeneratorHarness.Run(
            BrokenRules.All.Select(r => r.File)
                .Concat(BrokenRules.DuplicateSite())
                .Append(EmitTests.Gazette)
                .ToArray());

        var visited = 0;
        foreach (var name in CachingTests.AllStepNames())
        {
            foreach (var step in run.Result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    visited += Walk(value, $"{name} output", new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
                }
            }
        }

        Assert.True(visited > 100, $"Only {visited} values were walked; the walk is not reaching into the model.");
    }

    [Fact]
    public void Pipeline_model_types_declare_no_Roslyn_members()
    {
        var modelTypes = new[]
        {
            typeof(RuleSource), typeof(RegistryEntry), typeof(SiteOwner), typeof(SiteOwners),
            typeof(ParsedRule), typeof(RuleShape), typeof(StubField), typeof(StubSource),
            typeof(NewsRules.Rules.Definition.RuleParseResult), typeof(NewsRules.Rules.Definition.RuleModel),
            typeof(NewsRules.Rules.Definition.RuleDiagnostic), typeof(NewsRules.Rules.Definition.RuleClaims),
        };

        foreach (var type in modelTypes)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Assert.False(IsForbidden(field.FieldType), $"{type.Name}.{field.Name} is a {field.FieldType}.");
            }
        }
    }

    [Fact]
    public void Walk_finds_a_Roslyn_object_hidden_inside_a_value()
    {
        var hidden = (new SiteOwner("Example", "/rules/example.yaml"), new object[] { "text", new List<object> { Location.None } });

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Walk(hidden, "value", new HashSet<object>(ReferenceEqualityComparer.Instance), 0));
    }

    /// <summary>Walks a value and everything it holds; returns how many values it saw.</summary>
    private static int Walk(object? value, string path, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is Type)
        {
            return 1;
        }

        var type = value.GetType();
        Assert.False(IsForbidden(type), $"{path} is a {type.FullName}, a Roslyn type the pipeline must not carry.");
        Assert.True(depth < 64, $"{path} nests too deep to be plain data.");
        if (!type.IsValueType && !seen.Add(value))
        {
            return 0;
        }

        var count = 1;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                count += Walk(item, $"{path}[{i++}]", seen, depth + 1);
            }

            return count;
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Assert.False(IsForbidden(field.FieldType), $"{path}.{field.Name} is declared as {field.FieldType}.");
                count += Walk(field.GetValue(value), $"{path}.{field.Name}", seen, depth + 1);
            }
        }

        return count;
    }

    private static bool IsForbidden(Type type) =>
        Forbidden.Any(f => f.IsAssignableFrom(type))
        || (type.IsGenericType && type.GetGenericArguments().Any(IsForbidden))
        || (type.IsArray && IsForbidden(type.GetElementType()!));
}
