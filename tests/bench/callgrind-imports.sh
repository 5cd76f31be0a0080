#!/usr/bin/env bash
# Instruction counts of the factor-1 imports (a referential, a national file of conventions
# and a département's training records, the benchmarks' generated documents), measured by
# valgrind's callgrind, and an LHEO feed (gen_lheo.py): the instructions executed inside
# snplp_referential_import_file(), snplp_conventions_import_file(), snplp_records_import_file()
# and snplp_lheo_import_file() alone (libxml2's and ICU's included, process start-up not).
# The count is deterministic for one binary and one input, unlike wall time here: compare two
# versions of the library with it (issue 15 asked for at most 2% more).
#
#     tests/bench/callgrind-imports.sh BUILD_DIR [WORK_DIR]
#
# BUILD_DIR is a CMake build directory of this project (its tests/bench programs built).
set -euo pipefail
build=$(cd "$1" && pwd)
work=${2:-$(mktemp -d)}
mkdir -p "$work"
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3
[ -x "$python" ] || python=python3
"$python" "$here/gen_referential.py" --factor 1 -o "$work/referential-1x.xml"
"$python" "$here/gen_conventions.py" --factor 1 --seed 1 -o "$work/conventions-1x.xml" \
    --referential "$work/conventions-referential-1x.xml"
"$python" "$here/gen_records.py" --factor 1 --seed 1 -o "$work/records-1x.xml"
"$python" "$here/gen_lheo.py" --factor 1 --seed 1 -o "$work/lheo-1x.xml"
for kind in referential conventions records lheo; do
    fn=snplp_${kind}_import_file
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$kind" \
        --toggle-collect="$fn" "$build/tests/bench/snplp-import-once" $kind \
        "$work/$kind-1x.xml" 2>"$work/callgrind.$kind.log"
    count=$(grep -E '^(summary|totals):' "$work/callgrind.$kind" | head -1 | awk '{print $2}')
    echo "$kind import (factor 1): $count instructions"
done
