#!/usr/bin/env bash
# Packs NewsRules, NewsRules.Testing and the newsrules tool (NewsRules.Cli) into a folder feed,
# all three with one version no earlier pack used: <Version>-local.<UTC time>. NuGet caches a
# package by id and version forever (~/.nuget/packages), so re-packing with the same version
# would silently restore the old, cached copy; a new version per pack cannot.
#
# Usage: tools/pack-local.sh [FEED] [extra dotnet pack options...]
#   FEED  the folder to pack into (default: ./artifacts/feed); created when missing
# Prints the version last, alone on its line, for scripts: version="$(tools/pack-local.sh feed | tail -n 1)"
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
feed="${1:-$repo/artifacts/feed}"
shift || true
mkdir -p "$feed"
feed="$(cd "$feed" && pwd)"

base="$(dotnet msbuild "$repo/src/NewsRules/NewsRules.csproj" -getProperty:Version)"
version="$base-local.$(date -u +%Y%m%d%H%M%S)"
for project in src/NewsRules src/NewsRules.Testing src/NewsRules.Cli; do
  echo "pack-local: $project $version -> $feed" >&2
  dotnet pack "$repo/$project" -c Release -o "$feed" -p:Version="$version" "$@" >&2
done
cat >&2 <<MSG
pack-local: done. In your project (the folder feed as a source once: dotnet nuget add source "$feed" --name newsrules-local):
  dotnet add package NewsRules --version $version
  dotnet add package NewsRules.Testing --version $version      # in the test project
  dotnet tool install --global NewsRules.Cli --version $version --add-source "$feed"   # or: dotnet tool update …
MSG
echo "$version"
