#!/usr/bin/env python3
"""Reads files of the snplp XML format and prints every finding, one per line, as
FILE:LINE:COLUMN: severity: [code] message (the output of `snplp validate`), with a progress
bar on standard error for large files.

Usage: validate_file.py [--strict] [--progress] FILE...

Exit status: 0 when no file has an error (warnings allowed), 1 otherwise, 2 wrong usage.
"""

import argparse
import pathlib
import sys

import snplp


def report(path: pathlib.Path, findings) -> None:
    for d in findings:
        where = f"{path}:{d.line}:{d.column}" if d.line else f"{path}"
        print(f"{where}: {d.severity}: [{d.name}] {d.message}")


def progress_bar(path: pathlib.Path):
    def show(done: int, total: int) -> bool:
        if total:
            width = 40
            filled = width * done // total
            print(f"\r{path.name}: [{'#' * filled}{'.' * (width - filled)}] "
                  f"{100 * done // total:3d}%", end="", file=sys.stderr, flush=True)
            if done == total:
                print(file=sys.stderr)
        return True  # False would cancel the import

    return show


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--strict", action="store_true",
                        help="also validate with libxml2's XSD validator against the schema")
    parser.add_argument("--progress", action="store_true", help="show a progress bar")
    parser.add_argument("files", nargs="+", type=pathlib.Path, metavar="FILE")
    args = parser.parse_args()

    status = 0
    for path in args.files:
        progress = progress_bar(path) if args.progress else None
        try:
            ref = snplp.Referential.from_file(path, strict=args.strict, progress=progress)
        except (snplp.ParseError, snplp.ValidationError, snplp.InputOutputError) as err:
            report(path, err.diagnostics)
            if not any(d.severity == "error" for d in err.diagnostics):
                print(f"{path}: error: {err}")
            status = 1
            continue
        report(path, ref.import_diagnostics)  # warnings of a successful import
        print(f"{path}: ok, {len(ref)} items", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
