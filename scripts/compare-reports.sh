#!/usr/bin/env bash
# Compares the JSON reports of two revisions of the checker on every document the repository
# holds (seeds, corpus copies, rule fixtures, variants, unseen documents) and on ../shared/corpus
# when it is there, in Chinese and in English. For a restructuring that must change no finding:
#
#   scripts/compare-reports.sh OLD_REV [NEW_REV]     (NEW_REV: the working tree)
#
# Exit 0 when every report is byte-identical, 1 otherwise (the differing files are listed).
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: compare-reports.sh OLD_REV [NEW_REV]}
new=${2:-}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/old" >/dev/null 2>&1 || true; [ -n "$new" ] && git worktree remove --force "$work/new" >/dev/null 2>&1 || true' EXIT

build() { # rev dir -> path of the binary
    git worktree add --detach "$2" "$1" >/dev/null 2>&1
    (cd "$2" && CARGO_TARGET_DIR="$work/target-$(basename "$2")" cargo build --release --quiet)
    echo "$work/target-$(basename "$2")/release/budget-check"
}
old_bin=$(build "$old" "$work/old")
if [ -n "$new" ]; then new_bin=$(build "$new" "$work/new"); else cargo build --release --quiet; new_bin=target/release/budget-check; fi

docs=$(find tests/fixtures tests/rules -name '*.txt' 2>/dev/null; [ -d ../shared/corpus ] && ls ../shared/corpus/*.txt ../shared/seeds/*.txt 2>/dev/null)
n=0 bad=0
for f in $docs; do
    for lang in zh en; do
        n=$((n + 1))
        "$old_bin" --format json --lang "$lang" "$f" >"$work/a.json" 2>/dev/null || true
        "$new_bin" --format json --lang "$lang" "$f" >"$work/b.json" 2>/dev/null || true
        if ! cmp -s "$work/a.json" "$work/b.json"; then
            bad=$((bad + 1)); echo "differs: $f ($lang)"
        fi
    done
done
echo "$((n - bad)) identical, $bad differing (of $n reports)"
[ "$bad" -eq 0 ]
