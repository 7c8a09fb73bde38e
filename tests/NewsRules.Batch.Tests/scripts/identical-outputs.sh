#!/usr/bin/env bash
# Issue 24's proof that a change to how pages are read changes no output: runs two builds of
# the CLI (before and after) over the same inputs and compares what they write, byte for byte.
#
#   tests/NewsRules.Batch.Tests/scripts/identical-outputs.sh <before NewsRules.Cli.dll> <after NewsRules.Cli.dll> [corpus folder] [scratch folder]
#
# Build each side first (dotnet build -c Release src/NewsRules.Cli in each checkout; the DLL is
# src/NewsRules.Cli/bin/Release/net10.0/NewsRules.Cli.dll). The corpus folder defaults to
# ../shared/corpus beside the repository. Inputs:
#   - every rules/*/samples/*.html page through `extract` (JSON, and the exit code);
#   - the mercury-dev, fundus-dev and trafilatura-eval page folders through `batch` (URLs from
#     canonical links; pages without one are no-url lines);
#   - the same corpora as WARC.gz files built from their cases.jsonl (corpus-warc.py): every page
#     at its case's URL through the byte path, and fundus-dev again with a charset header;
#   - mercury-dev as JSONL ({url, html}), the text path.
# Outputs stay in the scratch folder (never in the repository). Exit 0 when all are identical.
# IGNORE_ROT=1 compares batch lines without the "rot" field that issue 19 added at the end of
# article lines whose rule rotted (to compare a build from before that field with one after it);
# the lines that carry it on each side are counted in the verdict.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
before="$(realpath "$1")"; after="$(realpath "$2")"
corpus="$(realpath "${3:-$repo/../shared/corpus}")"
scratch="${4:-$(mktemp -d)}"; mkdir -p "$scratch"; scratch="$(realpath "$scratch")"
here="$(dirname "$0")"

echo "inputs in $scratch"
mkdir -p "$scratch/in"
for name in mercury-dev fundus-dev trafilatura-eval; do
  python3 "$here/corpus-warc.py" "$corpus/$name" "$scratch/in/$name.warc.gz"
done
python3 "$here/corpus-warc.py" "$corpus/fundus-dev" "$scratch/in/fundus-dev-charset.warc.gz" --charset-header
python3 - "$corpus/mercury-dev" "$scratch/in/mercury-dev.jsonl" <<'PY'
import json, os, sys
corpus, out = sys.argv[1], sys.argv[2]
seen = set()
with open(out, 'w', encoding='utf-8') as f:
    for line in open(os.path.join(corpus, 'cases.jsonl'), encoding='utf-8'):
        if line.strip():
            case = json.loads(line)
            if case['page'] not in seen:
                seen.add(case['page'])
                html = open(os.path.join(corpus, case['page']), encoding='utf-8', errors='replace').read()
                f.write(json.dumps({'url': case['url'], 'html': html}) + '\n')
PY

run() { # side dll
  local side="$1" dll="$2"
  mkdir -p "$scratch/$side/samples"
  for page in "$repo"/rules/*/samples/*.html; do
    local name; name="$(basename "$(dirname "$(dirname "$page")")")--$(basename "$page" .html)"
    local code=0
    dotnet "$dll" extract "$page" > "$scratch/$side/samples/$name.json" 2> "$scratch/$side/samples/$name.err" || code=$?
    echo "exit $code" >> "$scratch/$side/samples/$name.err"
  done
  local code=0
  dotnet "$dll" batch "$corpus/mercury-dev/pages" "$corpus/fundus-dev/pages" "$corpus/trafilatura-eval/pages" \
    "$scratch"/in/*.warc.gz "$scratch/in/mercury-dev.jsonl" \
    --out "$scratch/$side/batch.jsonl" --threads 1 --progress none --overwrite > "$scratch/$side/batch.summary" || code=$?
  echo "exit $code" >> "$scratch/$side/batch.summary"
  # Lines come in completion order: compare them sorted.
  if [ "${IGNORE_ROT:-0}" = 1 ]; then
    grep -c ',"rot":\[' "$scratch/$side/batch.jsonl" > "$scratch/$side/batch.rot-lines" || true
    sed -E 's/,"rot":\[[^]]*\]\}$/}/' "$scratch/$side/batch.jsonl" | LC_ALL=C sort > "$scratch/$side/batch.sorted.jsonl"
  else
    LC_ALL=C sort "$scratch/$side/batch.jsonl" > "$scratch/$side/batch.sorted.jsonl"
  fi
}

run before "$before"
run after "$after"

status=0
samples=0
for file in "$scratch"/before/samples/*; do
  samples=$((samples + 1))
  cmp "$file" "$scratch/after/samples/$(basename "$file")" || status=1
done
cmp "$scratch/before/batch.sorted.jsonl" "$scratch/after/batch.sorted.jsonl" || status=1
lines=$(wc -l < "$scratch/after/batch.sorted.jsonl")
articles=$(grep -vc '"error":' "$scratch/after/batch.sorted.jsonl" || true)
if [ "$status" -eq 0 ]; then
  rot=""
  if [ "${IGNORE_ROT:-0}" = 1 ]; then
    rot=", without \"rot\" (lines with it: before $(cat "$scratch/before/batch.rot-lines"), after $(cat "$scratch/after/batch.rot-lines"))"
  fi
  echo "identical: $((samples / 2)) sample pages (JSON and stderr), $lines batch lines ($articles articles)$rot"
else
  echo "DIFFERENT: see the files above under $scratch"
fi
exit "$status"
