#!/usr/bin/env bash
# The ABI guard (docs/architecture.md, "ABI"): compares a freshly built libsnplp.so.1 with the
# committed baseline tests/abi/libsnplp.abi.
#   tests/abi/check.sh [--abidw PATH] [--abidiff PATH] [--update] BASELINE LIBRARY HEADERS_DIR...
# HEADERS_DIR: the public headers (include/snplp and the build's include/snplp, for version.h).
#
# The library's ABI is written with abidw, restricted to the public types (--drop-private-types
# with the public headers) and without anything that changes between machines or checkouts
# (corpus and compilation paths, source locations, architecture, DT_NEEDED list, the internal
# data of the generated sources in the build directory: --exported-interfaces-only; type ids are
# hashes). With --update that is the new baseline (tools/update-abi-baseline); otherwise it is
# compared with the baseline by abidiff --no-added-syms, and the check fails (exit 1) on
#  - any difference abidiff reports: a removed function, a changed signature, a changed public
#    type (e.g. snplp_decimal), a symbol moved to another version node, a changed SONAME. Added
#    symbols are not differences. abidiff's status is a bit field (1/2: error, 4: ABI change,
#    8: incompatible change); a changed signature gives 4, not 12: any non-zero status fails;
#  - a symbol of a closed node (every node the baseline holds: SNPLP_1.0, SNPLP_1.1...) that
#    the baseline does not list: additions go into a new node of libsnplp/libsnplp.map.
# Both sides go through the same abidw options, so the comparison is of like with like. The
# library needs DWARF debug info (Debug or RelWithDebInfo, both give the same ABI).
set -euo pipefail

abidw=abidw
abidiff=abidiff
update=0
while [ $# -gt 0 ]; do
    case $1 in
        --abidw) abidw=$2; shift 2 ;;
        --abidiff) abidiff=$2; shift 2 ;;
        --update) update=1; shift ;;
        *) break ;;
    esac
done
if [ $# -lt 3 ]; then
    echo "usage: $0 [--abidw PATH] [--abidiff PATH] [--update] BASELINE LIBRARY HEADERS_DIR..." >&2
    exit 2
fi
baseline=$1
library=$2
shift 2
[ -f "$library" ] || { echo "abi: $library does not exist" >&2; exit 1; }
[ $update = 1 ] || [ -f "$baseline" ] || { echo "abi: no baseline $baseline" >&2; exit 1; }
if ! readelf -S -W "$library" | grep -q '\.debug_info'; then
    echo "abi: $library has no debug info (build it as Debug or RelWithDebInfo)" >&2
    exit 1
fi

headers=()
for d in "$@"; do
    headers+=(--headers-dir "$d")
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$abidw" --no-corpus-path --no-comp-dir-path --no-show-locs --short-locs --no-architecture \
    --no-elf-needed --type-id-style hash --exported-interfaces-only --drop-private-types \
    --drop-undefined-syms \
    "${headers[@]}" --out-file "$tmp/current.abi" "$library"
if [ $update = 1 ]; then
    cp "$tmp/current.abi" "$baseline"
    echo "abi: wrote $baseline from $library"
    exit 0
fi

status=0
"$abidiff" --no-added-syms --no-architecture "$baseline" "$tmp/current.abi" || status=$?
if [ $status -ne 0 ]; then
    echo "abi: FAILED: abidiff status $status: $library differs from the baseline $baseline" >&2
    echo "abi: an incompatible change needs a new SONAME and a written reason; a compatible" \
        "addition goes into a new version node, then tools/update-abi-baseline" \
        "(docs/architecture.md, \"ABI\")" >&2
    exit 1
fi

# Every version node of the baseline (SNPLP_1.0, SNPLP_1.1...) is closed: every symbol the
# library exports with one of them is in the baseline.
symbols() { grep -o "<elf-symbol name='[^']*' version='$2'" "$1" | sed "s/^<elf-symbol name='\([^']*\)'.*/\1/" | sort -u; }
nodes=$(grep -o "<elf-symbol name='[^']*' version='[^']*'" "$baseline" | sed "s/.* version='\([^']*\)'/\1/" | sort -u)
total=0
for node in $nodes; do
    new_syms=$(comm -13 <(symbols "$baseline" "$node") <(symbols "$tmp/current.abi" "$node"))
    if [ -n "$new_syms" ]; then
        echo "abi: FAILED: new symbols in the closed version node $node:" >&2
        printf '  %s\n' $new_syms >&2
        echo "abi: put them into a new node (SNPLP_1.N { global: ...; } SNPLP_1.M;) in" \
            "libsnplp/libsnplp.map, then run tools/update-abi-baseline" >&2
        exit 1
    fi
    total=$((total + $(symbols "$baseline" "$node" | grep -c .)))
done
echo "abi: ok: $library matches $baseline ($total symbols in the closed nodes $(echo $nodes))"
