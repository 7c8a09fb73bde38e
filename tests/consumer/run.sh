#!/usr/bin/env bash
# Consumer test (issue 8): the packed NewsRules and NewsRules.Testing packages used from fresh
# projects outside the solution, the way a user would use them.
#
#   1. packs both packages, with a version of its own, into a folder feed in a temp dir;
#   2. `dotnet new console` + `dotnet add package NewsRules`, adds a rule for an invented site
#      and a page (template/), builds with the AOT and trim analyzers and warnings as errors,
#      and runs it: the app calls Sites.HeronGazette.Extract and checks the typed article;
#   3. a test project using NewsRules.Testing on that rule: a missing snapshot fails, newsrules
#      accept --list shows it, accepting it passes (the body once in the snapshot), a CI run
#      passes, a changed page fails with a word-level diff, accept --list shows it and
#      newsrules accept <site name> accepts it;
#   4. a project whose code uses a rule's types: each of three mistakes in the rule (NR0002,
#      NR0003, NR0001) fails the build with exactly one error, the NR one at the YAML (the
#      rule's types stay in place); opted out of its rules, or pointed at a folder without any,
#      the project gets warning NR0100 naming the folder searched and the property to set;
#   5. the newsrules tool (NewsRules.Cli packed as a .NET tool) installed with dotnet tool
#      install: its help says newsrules, and inside the consumer it runs the project's rules
#      (NewsRulesDirectory), says so on stderr, and never uses its built-in rules there.
#
# Nothing in the consumer references this repository: it restores from the folder feed and the
# machine's usual NuGet sources, into a package folder of its own (the user's package folder
# is only read, as a fallback folder, so nothing is downloaded twice). Everything is deleted
# at the end.
#
# Usage: tests/consumer/run.sh [--no-build] [--aot] [--keep] [--counts FILE]
#   --no-build     pack the Debug build that `dotnet build NewsRules.sln` already made (.ci/run
#                  does this) instead of building Release into the temp folder
#   --aot          also publish the app as native AOT and compare its output with the JIT run
#                  (downloads the ILCompiler packages; a few minutes)
#   --keep         keep the temp folder and print where it is
#   --counts FILE  write "<passed> <failed>" to FILE (.ci/run adds them to its closing line)
# Exit code: 0 when every check passed, 1 otherwise.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
template="$repo/tests/consumer/template"
aot=false; keep=false; counts=""; no_build=false
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) no_build=true ;;
    --aot) aot=true ;;
    --keep) keep=true ;;
    --counts) counts="${2:?--counts needs a file name}"; shift ;;
    *) echo "consumer: unknown option '$1'. Usage: tests/consumer/run.sh [--no-build] [--aot] [--keep] [--counts FILE]" >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1   # leave no MSBuild worker processes behind

work="$(mktemp -d "${TMPDIR:-/tmp}/newsrules-consumer.XXXXXX")"
cleanup() {
  if [ "$keep" = true ]; then echo "consumer: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() {
  failed=$((failed + 1)); echo "FAIL $1"
  if [ -n "${2:-}" ] && [ -f "$2" ]; then echo "---- last lines of $(basename "$2"):"; tail -n 40 "$2" | sed 's/^/     /'; echo "----"; fi
}
finish() {
  echo "consumer: $passed of $((passed + failed)) checks passed in ${SECONDS} s"
  if [ -n "$counts" ]; then echo "$passed $failed" > "$counts"; fi
  [ "$failed" -eq 0 ]
}
# The package listings are read with unzip, or with python3 where unzip is missing.
list_zip() {
  if command -v unzip >/dev/null; then unzip -Z1 "$1"; else python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; fi
}
read_zip() {
  if command -v unzip >/dev/null; then unzip -p "$1" "$2"; else python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf-8-sig"))' "$1" "$2"; fi
}
version_in_props() { sed -n "s/.*PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$repo/Directory.Packages.props"; }

samples_page="rules/heron-gazette.example/samples/tidal-mill.html"

# ---- 1. pack -------------------------------------------------------------------------------
base_version="$(dotnet msbuild "$repo/src/NewsRules/NewsRules.csproj" -getProperty:Version)"
# A version no earlier run used, so no package folder can hand back a stale copy.
version="$base_version-consumer.$(date -u +%Y%m%d%H%M%S).$$"
feed="$work/feed"
if [ "$no_build" = true ]; then
  pack_options=(-c Debug --no-build)
else
  pack_options=(-c Release --artifacts-path "$work/artifacts")
fi
echo "== consumer: pack NewsRules $version into $feed"
if dotnet pack "$repo/src/NewsRules/NewsRules.csproj" "${pack_options[@]}" -o "$feed" -p:Version="$version" >"$work/pack.log" 2>&1 \
  && dotnet pack "$repo/src/NewsRules.Testing/NewsRules.Testing.csproj" "${pack_options[@]}" -o "$feed" -p:Version="$version" >>"$work/pack.log" 2>&1 \
  && dotnet pack "$repo/src/NewsRules.Cli/NewsRules.Cli.csproj" "${pack_options[@]}" -o "$feed" -p:Version="$version" >>"$work/pack.log" 2>&1; then
  ok "dotnet pack made NewsRules, NewsRules.Testing and the NewsRules.Cli tool $version"
else
  bad "dotnet pack failed" "$work/pack.log"; finish; exit 1
fi

runtime_pkg="$feed/NewsRules.$version.nupkg"
testing_pkg="$feed/NewsRules.Testing.$version.nupkg"
missing=""
contents="$(list_zip "$runtime_pkg")"
for entry in lib/net10.0/NewsRules.dll analyzers/dotnet/cs/NewsRules.Generators.dll analyzers/dotnet/cs/YamlDotNet.dll \
             analyzers/dotnet/cs/AngleSharp.dll buildTransitive/NewsRules.props buildTransitive/NewsRules.targets README.md; do
  grep -qx "$entry" <<<"$contents" || missing="$missing $entry"
done
nuspec="$(read_zip "$runtime_pkg" NewsRules.nuspec)"
for field in '<license type="expression">MIT</license>' '<readme>README.md</readme>' '<description>' '<repository type="git"'; do
  grep -qF "$field" <<<"$nuspec" || missing="$missing nuspec:$field"
done
if [ -z "$missing" ]; then ok "NewsRules package: runtime, generator + YamlDotNet + AngleSharp in analyzers/dotnet/cs, buildTransitive, readme, MIT, repository"; else bad "NewsRules package lacks:$missing"; fi

missing=""
grep -qx "lib/net10.0/NewsRules.Testing.dll" <<<"$(list_zip "$testing_pkg")" || missing="$missing lib/net10.0/NewsRules.Testing.dll"
nuspec="$(read_zip "$testing_pkg" NewsRules.Testing.nuspec)"
for field in "<dependency id=\"NewsRules\" version=\"$version\"" '<dependency id="DiffPlex"' '<dependency id="DiffEngine"' '<license type="expression">MIT</license>' '<readme>README.md</readme>'; do
  grep -qF "$field" <<<"$nuspec" || missing="$missing nuspec:$field"
done
if [ -z "$missing" ]; then ok "NewsRules.Testing package: library, depends on NewsRules $version, DiffPlex and DiffEngine, readme, MIT"; else bad "NewsRules.Testing package lacks:$missing"; fi

# ---- the consumer's folder: its own NuGet settings, nothing inherited from folders above ------
user_packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')"
export NUGET_PACKAGES="$work/packages"
consumer="$work/consumer"
mkdir -p "$consumer"
cat >"$consumer/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <!-- The folder feed with the packages under test; the machine's own sources still apply. -->
  <packageSources>
    <add key="newsrules-under-test" value="$feed" />
  </packageSources>
$(if [ -d "$user_packages" ]; then printf '  <fallbackPackageFolders>\n    <add key="user-packages" value="%s" />\n  </fallbackPackageFolders>\n' "$user_packages"; fi)
</configuration>
EOF
# Empty Directory.Build files stop MSBuild from importing any found in the folders above.
echo '<Project />' >"$consumer/Directory.Build.props"
echo '<Project />' >"$consumer/Directory.Build.targets"
cp -R "$template/rules" "$consumer/rules"
cd "$consumer"

# ---- the newsrules tool ------------------------------------------------------------------------
echo "== consumer: dotnet tool install of the newsrules command (${SECONDS} s)"
tool="$work/tool/newsrules"
if dotnet tool install NewsRules.Cli --tool-path "$work/tool" --version "$version" --add-source "$feed" >"$work/tool-install.log" 2>&1 && [ -x "$tool" ]; then
  ok "dotnet tool install NewsRules.Cli --version $version gives the newsrules command"
  "$tool" --help >"$work/tool-help.txt" 2>&1 || true
  if grep -qx '  newsrules \[command\] \[options\]' "$work/tool-help.txt" && ! grep -q 'NewsRules\.Cli' "$work/tool-help.txt"; then
    ok "newsrules --help says 'Usage: newsrules [command] [options]', not the assembly's name"
  else
    bad "newsrules --help does not call itself newsrules" "$work/tool-help.txt"
  fi
else
  bad "dotnet tool install NewsRules.Cli failed" "$work/tool-install.log"
  tool=""
fi

# ---- 2. the app --------------------------------------------------------------------------------
echo "== consumer: a fresh console app with the NewsRules package (${SECONDS} s)"
app_ready=false
if dotnet new console -n Gazette -o Gazette -f net10.0 --no-restore >"$work/new.log" 2>&1 \
  && dotnet add Gazette/Gazette.csproj package NewsRules --version "$version" >>"$work/new.log" 2>&1; then
  ok "dotnet new console + dotnet add package NewsRules --version $version"
  # The rules live at the solution root, beside the test project, not in the app's folder.
  sed -i 's|</TargetFramework>|</TargetFramework>\n    <NewsRulesDirectory>../rules</NewsRulesDirectory>|' Gazette/Gazette.csproj
  cp "$template/Gazette/Program.cs" Gazette/Program.cs
  app_ready=true
else
  bad "could not create the app or add the package" "$work/new.log"
fi

if [ "$app_ready" = true ]; then
  assets="Gazette/obj/project.assets.json"
  if grep -q '"type": "project"' "$assets" || grep -qF "$repo" "$assets"; then
    bad "the app's restore graph mentions a project or a path of the repository ($assets)"
  else
    ok "the app's restore graph holds packages only, none of the repository's projects or paths"
  fi

  if dotnet build Gazette/Gazette.csproj -warnaserror -p:EnableAotAnalyzer=true -p:EnableTrimAnalyzer=true -p:EnableSingleFileAnalyzer=true >"$work/app-build.log" 2>&1; then
    ok "the app builds (rule compiled by the packed generator; AOT, trim and single-file analyzers on, warnings as errors)"
    if (cd Gazette && dotnet run --no-build >"$work/app-run.json" 2>"$work/app-run.err"); then
      if grep -qF '"title": "Tidal mill turns again after 90 years",' "$work/app-run.json"; then
        ok "Sites.HeronGazette.Extract read the page: typed title, lead, authors, date, image, captions, body, Desk, Topics; Sites.All, ForUrl and the Extract front door (rule, else fallback)"
      else
        bad "the app exited 0 but printed no title" "$work/app-run.json"
      fi
    else
      bad "the app's checks failed" "$work/app-run.err"
    fi
  else
    bad "the app does not build" "$work/app-build.log"
  fi
fi

# ---- the tool in the consumer's repository: the project's rules, said on stderr ---------------------
if [ -n "$tool" ] && [ "$app_ready" = true ]; then
  echo "== consumer: newsrules inside the consumer (${SECONDS} s)"
  page="../rules/heron-gazette.example/samples/tidal-mill.html"
  expected_rules="newsrules: rules: 1 rule from ../rules/ (NewsRulesDirectory of Gazette.csproj)"
  if (cd Gazette && "$tool" extract "$page" >"$work/cli-extract.json" 2>"$work/cli-extract.err") \
    && grep -qxF "$expected_rules" "$work/cli-extract.err" \
    && grep -qF '"title": "Tidal mill turns again after 90 years",' "$work/cli-extract.json" \
    && grep -qF '"Desk": "Coast & Rivers"' "$work/cli-extract.json"; then
    ok "newsrules extract in Gazette/ runs the project's rule and says: $expected_rules"
  else
    bad "newsrules extract in Gazette/ did not run the project's rules as expected" "$work/cli-extract.err"
  fi
  if (cd Gazette && "$tool" report "$page" --out "$work/tidal-mill.report.html" >"$work/cli-report.out" 2>"$work/cli-report.err") \
    && grep -qxF "$expected_rules" "$work/cli-report.err" && grep -qF 'rule HeronGazette from heron-gazette.example.yaml' "$work/tidal-mill.report.html"; then
    ok "newsrules report in Gazette/ outlines the project's rule and says which rules it used"
  else
    bad "newsrules report in Gazette/ did not use the project's rules" "$work/cli-report.err"
  fi
  # A page of a site the tool has a built-in rule for: inside the consumer, only the consumer's rules count.
  cp "$repo/rules/arabic.rt.com/samples/lavrov-mali.html" "$work/rt-page.html"
  status=0; (cd Gazette && "$tool" extract "$work/rt-page.html" --no-fallback >"$work/cli-rt.out" 2>"$work/cli-rt.err") || status=$?
  if [ "$status" -eq 1 ] && grep -qF "no rule for host 'arabic.rt.com' (rules exist for: heron-gazette.example)" "$work/cli-rt.err"; then
    ok "a page of a site built into newsrules is not extracted by the built-in rule inside the consumer (exit 1, names the project's rules)"
  else
    bad "newsrules fell back to its built-in rules inside the consumer (exit $status)" "$work/cli-rt.err"
  fi
  if (cd "$work" && "$tool" extract "$consumer/$samples_page" --rules "$consumer/rules" >"$work/cli-rules.json" 2>"$work/cli-rules.err") \
    && grep -qF "(--rules)" "$work/cli-rules.err" && grep -qF '"site": "HeronGazette",' "$work/cli-rules.json"; then
    ok "--rules DIR from another folder runs that folder's rules and says so"
  else
    bad "--rules DIR did not run that folder's rules" "$work/cli-rules.err"
  fi
fi

# ---- 3. snapshot tests with NewsRules.Testing -----------------------------------------------
echo "== consumer: a test project using NewsRules.Testing (${SECONDS} s)"
samples="rules/heron-gazette.example/samples"
if [ "$app_ready" = true ]; then
  mkdir -p Gazette.Tests
  sed -e "s/@TEST_SDK_VERSION@/$(version_in_props Microsoft.NET.Test.Sdk)/" \
      -e "s/@XUNIT_VERSION@/$(version_in_props xunit)/" \
      -e "s/@XUNIT_RUNNER_VERSION@/$(version_in_props xunit.runner.visualstudio)/" \
      -e "s/@NEWSRULES_VERSION@/$version/" \
      "$template/Gazette.Tests/Gazette.Tests.csproj.in" >Gazette.Tests/Gazette.Tests.csproj
  cp "$template/Gazette.Tests/RuleSnapshotTests.cs" Gazette.Tests/

  if dotnet build Gazette.Tests/Gazette.Tests.csproj -warnaserror >"$work/test-build.log" 2>&1; then
    ok "the test project builds against NewsRules.Testing (and gets no Sites of its own)"
    # CI=false: the first run writes the received file and accepting is allowed (CI forbids both).
    if CI=false dotnet test Gazette.Tests/Gazette.Tests.csproj --no-build >"$work/test-1.log" 2>&1; then
      bad "the snapshot test passed with no verified snapshot" "$work/test-1.log"
    elif grep -qF 'Snapshot tidal-mill.verified.json does not exist yet' "$work/test-1.log" && [ -f "$samples/tidal-mill.received.json" ]; then
      ok "a missing snapshot fails and writes tidal-mill.received.json beside the page"
    else
      bad "a missing snapshot did not fail as expected" "$work/test-1.log"
    fi

    if [ -n "$tool" ] && "$tool" accept --list >"$work/accept-list-1.log" 2>&1 \
      && grep -qF "new      heron-gazette.example/samples/tidal-mill.verified.json" "$work/accept-list-1.log" \
      && [ -f "$samples/tidal-mill.received.json" ]; then
      ok "newsrules accept --list shows the new snapshot and accepts nothing"
    else
      bad "newsrules accept --list did not list the new snapshot" "$work/accept-list-1.log"
    fi

    if CI=false NEWSRULES_ACCEPT=1 dotnet test Gazette.Tests/Gazette.Tests.csproj --no-build >"$work/test-2.log" 2>&1 \
      && grep -qF '"title": "Tidal mill turns again after 90 years",' "$samples/tidal-mill.verified.json" \
      && ! grep -q '^  "text": ' "$samples/tidal-mill.verified.json" \
      && grep -qF '"kind": "quote"' "$samples/tidal-mill.verified.json" \
      && [ ! -f "$samples/tidal-mill.received.json" ]; then
      ok "NEWSRULES_ACCEPT=1 accepts it: tidal-mill.verified.json holds the article, its body once (blocks, no top-level text)"
    else
      bad "accepting the snapshot did not work" "$work/test-2.log"
    fi

    if CI=true dotnet test Gazette.Tests/Gazette.Tests.csproj --no-build >"$work/test-3.log" 2>&1; then
      ok "with the snapshot accepted the test passes (CI=true)"
    else
      bad "the accepted snapshot does not pass" "$work/test-3.log"
    fi

    sed -i 's|<h1 class="headline">Tidal mill turns again after 90 years</h1>|<h1 class="headline">Tidal mill turns again after ninety years</h1>|' "$samples/tidal-mill.html"
    if CI=true dotnet test Gazette.Tests/Gazette.Tests.csproj --no-build >"$work/test-4.log" 2>&1; then
      bad "the snapshot test passed on a changed page" "$work/test-4.log"
    elif grep -qF '"title": "Tidal mill turns again after [-90-]{+ninety+} years",' "$work/test-4.log"; then
      ok "a changed page fails the test with a word-level diff of the title"
    else
      bad "a changed page did not fail with the expected word-level diff" "$work/test-4.log"
    fi

    if [ -n "$tool" ] && "$tool" accept --list >"$work/accept-list-2.log" 2>&1 \
      && grep -qF "changed  heron-gazette.example/samples/tidal-mill.verified.json" "$work/accept-list-2.log" \
      && grep -qF "[-90-]{+ninety+}" "$work/accept-list-2.log" \
      && "$tool" accept HeronGazette >"$work/accept-site.log" 2>&1 \
      && CI=true dotnet test Gazette.Tests/Gazette.Tests.csproj --no-build >"$work/test-5.log" 2>&1; then
      ok "newsrules accept --list shows the change word by word; newsrules accept HeronGazette (the site name) accepts it and the test passes"
    else
      bad "listing or accepting the changed snapshot by site name did not work" "$work/accept-site.log"
    fi
  else
    bad "the test project does not build" "$work/test-build.log"
  fi
fi

# ---- 4. a broken rule: its NR error and nothing else; no rules: warning NR0100 -----------------
echo "== consumer: broken rules and missing rules in a project that uses them (${SECONDS} s)"
# The errors of a build log, each once (MSBuild repeats them in its summary).
errors_of() { grep -E ': error [A-Z]+[0-9]+: ' "$1" | sed 's/ \[[^]]*\]$//' | sort -u; }
if dotnet new console -n Wire -o Wire -f net10.0 --no-restore >"$work/wire-new.log" 2>&1 \
  && dotnet add Wire/Wire.csproj package NewsRules --version "$version" >>"$work/wire-new.log" 2>&1; then
  cp -R "$template/Wire/rules" Wire/rules
  cp "$template/Wire/Program.cs" Wire/Program.cs
  wire_rule="Wire/rules/wire.example/wire.example.yaml"
  fixed_rule="$work/wire-fixed.yaml"
  sed 's/^laed:/lead:/' "$wire_rule" >"$fixed_rule"
  if cp "$fixed_rule" "$wire_rule" && dotnet build Wire/Wire.csproj >"$work/wire-ok.log" 2>&1; then
    ok "the code using Sites.Wire, WireArticle.Slug and .Tags builds with the rule fixed"
  else
    bad "the Wire app does not build with its rule fixed" "$work/wire-ok.log"
  fi
  # Each mistake alone in the rule; the build must list exactly its one NR error.
  check_mistake() {  # id, expected text, description; the rule file is already written
    local id="$1" expected="$2" what="$3" log="$work/wire-$1.log"
    if dotnet build Wire/Wire.csproj >"$log" 2>&1; then
      bad "a project with $what built" "$log"; return
    fi
    local errors; errors="$(errors_of "$log")"
    if [ "$(grep -c . <<<"$errors")" -eq 1 ] && grep -qF "$expected" <<<"$errors" && grep -qF ": error $id: " <<<"$errors"; then
      ok "$what: the build's only error is $id at the YAML, none at the code using the rule's types"
    else
      bad "$what: expected one error, $id, got $(grep -c . <<<"$errors"):"$'\n'"$errors" "$log"
    fi
  }
  cp "$template/Wire/rules/wire.example/wire.example.yaml" "$wire_rule"
  check_mistake NR0002 "rules/wire.example/wire.example.yaml(5,1): error NR0002: 'laed' is not a key of a rule. Did you mean 'lead'?" "a misspelt key"
  sed "s/select: '.tags a'/select: '.tags a[['/" "$fixed_rule" >"$wire_rule"
  check_mistake NR0003 "rules/wire.example/wire.example.yaml(9," "a broken selector in a list field"
  sed 's/^  Slug: .slug/\tSlug: .slug/' "$fixed_rule" >"$wire_rule"
  check_mistake NR0001 "rules/wire.example/wire.example.yaml(8,1): error NR0001: " "a tab in the indentation (not YAML at all)"

  # No rule files: a warning that names the folder searched and the property to set.
  if dotnet build Wire/Wire.csproj --no-incremental -p:NewsRulesDirectory=no-such-rules >"$work/wire-norules.log" 2>&1; then
    bad "the Wire app built without its rules" "$work/wire-norules.log"
  elif grep -qF "warning NR0100: No NewsRules rule files found: no *.yaml or *.yml below $consumer/Wire/no-such-rules/ (NewsRulesDirectory is 'no-such-rules'" "$work/wire-norules.log" \
    && grep -qF 'or set <NewsRulesDirectory>path/to/rules</NewsRulesDirectory> in Wire.csproj' "$work/wire-norules.log"; then
    ok "a project with no rule files gets warning NR0100 naming the folder searched and NewsRulesDirectory"
  else
    bad "no NR0100 warning naming the folder and the property" "$work/wire-norules.log"
  fi
  if dotnet build Wire/Wire.csproj --no-incremental -p:NewsRulesIncludeRules=false >"$work/wire-optout.log" 2>&1; then
    bad "the Wire app built with its rules opted out" "$work/wire-optout.log"
  elif grep -qF 'warning NR0100: No NewsRules rule files found: NewsRulesIncludeRules is false' "$work/wire-optout.log" && ! grep -q 'NR0001' "$work/wire-optout.log"; then
    ok "NewsRulesIncludeRules=false leaves rules/ out (the broken rule is not read) and NR0100 says so"
  else
    bad "NewsRulesIncludeRules=false did not leave the rules out with NR0100" "$work/wire-optout.log"
  fi
else
  bad "could not create the second app or add the package" "$work/wire-new.log"
fi

# ---- optional: native AOT ----------------------------------------------------------------------
if [ "$aot" = true ] && [ "$app_ready" = true ]; then
  echo "== consumer: native AOT publish of the app (${SECONDS} s)"
  cp "$template/$samples/tidal-mill.html" "$samples/tidal-mill.html"   # undo the change of step 3
  if dotnet publish Gazette/Gazette.csproj -r linux-x64 -p:PublishAot=true -o "$work/aot" >"$work/aot.log" 2>&1 \
    && ! grep -qE ': warning [A-Z]+[0-9]+' "$work/aot.log"; then
    if (cd Gazette && "$work/aot/Gazette" >"$work/aot-run.json" 2>"$work/aot-run.err") && cmp -s "$work/aot-run.json" "$work/app-run.json"; then
      ok "native AOT: published without warnings, and the native app prints the same article as the JIT one"
    else
      bad "the native AOT app failed or printed something else" "$work/aot-run.err"
    fi
  else
    bad "native AOT publish failed or warned" "$work/aot.log"
  fi
fi

finish
