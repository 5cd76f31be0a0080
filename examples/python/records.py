#!/usr/bin/env python3
"""Training records read against the built-in referential: findings, coverage by theme, and
what one worker may take next.

Loads a file of training records (by default the fictional département of
examples/data/records.xml), validates it against the built-in referential, prints the
coverage of the workforce by theme over a period (workers trained, rate in percent, training
days; "-" where there is no workforce: missing data is never 0), and the modules one worker
should take next with the answer and every reason. The rows are plain dicts: the same list
goes straight into pandas, ``pandas.DataFrame(coverage.to_dicts())``.

    PYTHONPATH=<build>/bindings/python python3 examples/python/records.py \
        [FILE] [--from DATE] [--to DATE] [--worker ID] [--at DATE]
"""

import argparse
import datetime
import pathlib
import sys

import snplp

DEFAULT_FILE = pathlib.Path(__file__).resolve().parents[1] / "data" / "records.xml"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=pathlib.Path, default=DEFAULT_FILE,
                        help="a file of training records (default: %(default)s)")
    parser.add_argument("--from", dest="start", type=datetime.date.fromisoformat,
                        default=datetime.date(2019, 1, 1), help="first day of the period")
    parser.add_argument("--to", dest="end", type=datetime.date.fromisoformat,
                        default=datetime.date(2021, 12, 31), help="last day of the period")
    parser.add_argument("--worker", help="the worker whose next modules are shown "
                                         "(default: the first one with a module to take)")
    parser.add_argument("--at", type=datetime.date.fromisoformat, default=None,
                        help="the date of the eligibility question (default: --to)")
    args = parser.parse_args(argv)

    referential = snplp.Referential.builtin()
    try:
        records = snplp.Records.from_file(args.file)
    except snplp.Error as err:
        print(f"{args.file}: {err}", file=sys.stderr)
        for finding in err.diagnostics:
            print(f"  {finding}", file=sys.stderr)
        return 1

    # 1. the rules of the records, against the referential they refer to
    findings = records.validate(referential)
    errors = [f for f in findings if f.severity == "error"]
    print(f"{args.file.name}: {len(records.workers)} workers, {len(records.sessions)} sessions, "
          f"{len(records.attendance)} attendance records, {len(errors)} errors, "
          f"{len(findings) - len(errors)} warnings")
    for finding in findings:
        print(f"  {finding}")

    # 2. coverage by theme over the period
    coverage = records.coverage(referential, args.start, args.end, by=["theme"])
    print(f"\nCoverage from {coverage.start} to {coverage.end}, by theme")
    print(f"{'theme':42} {'workforce':>9} {'trained':>7} {'rate %':>7} {'days':>6}")
    for row in coverage.to_dicts():
        rate = "-" if row["rate"] is None else str(row["rate"])
        days = str(row["days"]) + ("+?" if row["days_unknown"] else "")
        print(f"{row['theme']:42} {row['workforce']:>9} {row['trained']:>7} {rate:>7} "
              f"{days:>6}")
    print(f"{len(coverage.untrained)} workers with no training yet")

    # 3. what one worker should take next, and why
    at = args.at or args.end
    candidates = [args.worker] if args.worker else records.workers.ids()
    worker_id, modules = None, []
    for worker_id in candidates:
        try:
            modules = records.next_modules(referential, worker_id, at=at)
        except snplp.NotFoundError as err:
            print(f"{worker_id}: {err}", file=sys.stderr)
            return 1
        if modules:
            break
    if worker_id is None:
        print("\nNo worker in the records")
        return 1 if errors else 0
    print(f"\nNext modules of {worker_id} at {at}:"
          + ("" if modules else " none (trained in every module)"))
    for answer in modules:
        print(f"  {answer.module_id}: {answer.answer}")
        for reason in answer.reasons:
            print(f"    {reason['reason']}: {reason['message']}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
