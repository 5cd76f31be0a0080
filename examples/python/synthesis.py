#!/usr/bin/env python3
"""The synthesis of a région: the conventions of several files aggregated indicator by
indicator, each figure saying how many territories it covers and which lack what.

    PYTHONPATH=<build>/bindings/python python3 examples/python/synthesis.py \
        [FILE...] [--threshold PERCENT]

By default it aggregates the fictional conventions of the région Pays de la Loire shipped in
examples/data (convention-49.xml and conventions-52.xml). A missing value is never read as
zero: a figure aggregates only the conventions that have both a target and an actual, and the
others are listed with what they lack.
"""

import argparse
import pathlib
import sys

import snplp

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"
DEFAULT_FILES = [DATA / "convention-49.xml", DATA / "conventions-52.xml"]


def show(value) -> str:
    return "-" if value is None else str(value)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=pathlib.Path, default=DEFAULT_FILES,
                        help="files of conventions (default: the two example files)")
    parser.add_argument("--threshold", default=None,
                        help="the percent from which a target is partly reached (default 80)")
    args = parser.parse_args(argv)

    conventions = []
    for path in args.files:
        try:
            conventions.extend(snplp.ConventionList.from_file(path))
        except snplp.Error as err:
            print(f"{path}: {err}", file=sys.stderr)
            for finding in err.diagnostics:
                print(f"  {finding}", file=sys.stderr)
            return 1

    matrix, findings = snplp.synthesis(conventions, threshold=args.threshold)

    print(f"Synthesis of {matrix.convention_count} conventions, years "
          f"{matrix.years.start} to {matrix.years.stop - 1}; a target is partly reached "
          f"from {matrix.threshold}% of it")
    for conv in conventions:
        print(f"  {conv.id}: {conv.territory_kind} {conv.territory_code} {conv.territory_name}")
    print()
    print(f"{'indicator':<30} {'unit':<8} {'year':>4} {'target':>8} {'actual':>8} "
          f"{'rate':>7}  {'status':<15} covered  lacking")
    for row in matrix:
        for cell in row:
            rate = "-" if cell.rate is None else f"{cell.rate:.1%}"
            lacking = ", ".join(f"{m.convention_id} ({'+'.join(sorted(m.what))})"
                                for m in cell.missing)
            line = (f"{row.id:<30} {row.unit:<8} {cell.year:>4} {show(cell.target):>8} "
                    f"{show(cell.actual):>8} {rate:>7}  {cell.status:<15} "
                    f"{cell.covered}/{cell.expected:<5}  {lacking}")
            print(line.rstrip())
    print()
    print("Cells by status")
    for status, count in matrix.status_counts().items():
        print(f"  {status:<15} {count}")
    if findings:
        print()
        print("Findings")
        for finding in findings:
            print(f"  {finding}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
