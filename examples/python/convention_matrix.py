#!/usr/bin/env python3
"""The follow-up matrix of a convention as a list of dicts, printed as JSON.

Loads a file of conventions (by default the fictional convention of Maine-et-Loire,
examples/data/convention-49.xml), computes the matrix of each convention it holds and prints
one JSON object per cell: indicator, label, unit, polarity, year, status, target and actual
(exact decimals, written as strings: "12.50" stays "12.50"), achievement rate, and how many
conventions the figures cover. The same list of dicts goes straight into pandas:
``pandas.DataFrame(matrix.to_dicts())``.

    PYTHONPATH=<build>/bindings/python python3 examples/python/convention_matrix.py \
        [FILE] [--threshold PERCENT]
"""

import argparse
import json
import pathlib
import sys

import snplp

DEFAULT_FILE = pathlib.Path(__file__).resolve().parents[1] / "data" / "convention-49.xml"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=pathlib.Path, default=DEFAULT_FILE,
                        help="a file of conventions (default: %(default)s)")
    parser.add_argument("--threshold", default=None,
                        help="the percent from which a target is partly reached (default 80)")
    args = parser.parse_args(argv)

    try:
        conventions = snplp.ConventionList.from_file(args.file)
    except snplp.Error as err:
        print(f"{args.file}: {err}", file=sys.stderr)
        for finding in err.diagnostics:
            print(f"  {finding}", file=sys.stderr)
        return 1

    out = []
    for conv in conventions:
        matrix = conv.matrix(threshold=args.threshold)
        for cell in matrix.to_dicts():
            out.append({"convention": conv.id, **cell})
    # default=str writes each Decimal exactly as the library keeps it ("41.70", not 41.7)
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False, default=str)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
