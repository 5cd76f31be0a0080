#!/usr/bin/env python3
"""Records what the `snplp` program answers on every fixture and example, to compare two builds.

    snapshot.py SNPLP_BINARY OUT_DIR            writes one file per command into OUT_DIR
    snapshot.py --compare DIR_A DIR_B           exit 0 when both snapshots are byte-identical

Each file holds the command line, the exit status, standard output and standard error (and,
for import-csv and `report --csv -o`, the file written), byte for byte. The commands: validate
(default and --strict) on every document; report with a fixed --at (2021-06-30, and 2023-06-01
with --threshold 90) on every document and on every pair of example files of conventions (a
synthesis); report --csv in both dialects (to standard output and with -o); import-csv of every
CSV fixture and of each example's own export, in both dialects; coverage (text, every axis,
CSV) of every document of training records and eligibility of a worker of the two examples of
records; export-builtin; validate and import-lheo of the example LHEO feed
(examples/data/lheo/offres.xml: with and without --accept-matches, --min-score 3,
--lheo-schema, --themes; the files written); --help and
--version; and the command lines of USAGE (usage errors and the ways of spelling options: `--`,
`-` (standard input, empty in a snapshot), options after file names, `--opt=value` and `--opt value`, repeated and
abbreviated options...). Paths in the outputs are relative to the repository, so two checkouts
compare equal.

Used for issue 15 (the house: no change of behaviour) and any refactoring that promises
byte-identical output (docs/testing.md).
"""
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def documents():
    docs = []
    for folder in ("tests/fixtures/xml", "tests/fixtures/xml-conventions", "tests/fixtures/xml-records",
                   "tests/fixtures/cli", "examples/data"):
        docs += sorted(os.path.join(folder, f) for f in os.listdir(os.path.join(ROOT, folder))
                       if f.endswith(".xml"))
    docs.append("libsnplp/data/referential.xml")
    return docs


def conventions_examples():
    return [os.path.join("examples/data", f)
            for f in sorted(os.listdir(os.path.join(ROOT, "examples/data")))
            if f.startswith("convention")]


CONV = "examples/data/convention-49.xml"
CONVS = "examples/data/conventions-52.xml"
CSV = "tests/fixtures/csv/sample-intl.csv"
VALUES = "WORK/values.csv"  # CONV's own values, as `report --csv` writes them
REF = "examples/data/catalogue.xml"
MISSING = "no-such-file.xml"
LHEO = "examples/data/lheo/offres.xml"
XSD = "tests/lheo/lheo-2.3.xsd"
# Command lines on the edges of each command's usage; WORK/ names the snapshot's own folder (the
# files written there are recorded). None writes a file in the repository.
USAGE = [
    [], [""], ["-h"], ["--help", "extra"], ["--version", "extra"], ["help"], ["-x"], ["--verb"],
    ["--"], ["-"], ["validat"],
    # validate: options first; the first FILE ends them
    ["validate"], ["validate", "--"], ["validate", "--strict"], ["validate", "--strict", "--"],
    ["validate", "--", "--strict"], ["validate", "--", "--"], ["validate", "-"],
    ["validate", "-", REF], ["validate", REF, "--strict"], ["validate", REF, "--bogus"],
    ["validate", "--strict", "--strict", REF], ["validate", "--strict", "--", REF],
    ["validate", "--str", REF], ["validate", "--strict=yes", REF], ["validate", "--strict=", REF],
    ["validate", "-s", REF], ["validate", "-strict", REF], ["validate", "--bogus", REF],
    ["validate", "--=x", REF], ["validate", "---", REF], ["validate", "--", ""],
    ["validate", ""], ["validate", "-o", "x", REF], ["validate", "--strict", "-x"],
    ["validate", "-:", REF], ["validate", "-?", REF], ["validate", "-W", "strict", REF],
    # export-builtin: -o FILE once, nothing else
    ["export-builtin", "extra"], ["export-builtin", "-o"], ["export-builtin", "--"],
    ["export-builtin", "-"], ["export-builtin", "-x"], ["export-builtin", "--output", "WORK/a"],
    ["export-builtin", "--o", "WORK/a"], ["export-builtin", "-o=WORK/a"],
    ["export-builtin", "-oWORK/a"], ["export-builtin", "-o", "WORK/a", "extra"],
    ["export-builtin", "-o", "WORK/a", "-o", "WORK/b"], ["export-builtin", "-o", "WORK/a", "-o"],
    ["export-builtin", "-o", "WORK/a", "--"], ["export-builtin", "--", "-o", "WORK/a"],
    ["export-builtin", "-o", "WORK/a", "-oWORK/b"], ["export-builtin", "-o", "WORK/a", "-x"],
    ["export-builtin", "-o", "WORK/a"], ["export-builtin", "-oo", "WORK/a"],
    # report: options anywhere, "--" ends them
    ["report"], ["report", "--"], ["report", "--at", "2021-06-30", "--"],
    ["report", "--at", "2021-06-30", "--", CONV], ["report", CONV, "--at", "2021-06-30"],
    ["report", CONV, "--at=2021-06-30"], ["report", "--at=2021-06-30", CONV],
    ["report", "--at", "2021-06-30", "--at", "2021-03-30", CONV], ["report", "--at"],
    ["report", CONV, "--at"], ["report", "--at=", CONV], ["report", "--at", "", CONV],
    ["report", "--at", "--csv", CONV], ["report", "--at", "2021-06-30", "--", "--csv"],
    ["report", "--", "--at", "2021-06-30"], ["report", "--at", "2021-06-30", "-"],
    ["report", "--at", "2021-06-30", ""], ["report", "--at", "2021-06-30", CONV, "-", CONV],
    ["report", "--threshold"], ["report", "--threshold=90", "--at", "2021-06-30", CONV],
    ["report", "--at", "2021-06-30", "--threshold", "90", CONV, "--threshold", "82.5"],
    ["report", "--thr", "90", CONV], ["report", "--a", "2021-06-30", CONV],
    ["report", "--threshold", "0", CONV], ["report", "--threshold", "100.0001", CONV],
    ["report", "--threshold", "abc", CONV], ["report", "--threshold", "", CONV],
    ["report", "--threshold", "-5", CONV], ["report", "--at", "2021-02-29", CONV],
    ["report", "--at", "2021-6-30", CONV], ["report", "--csv=1", CONV],
    ["report", "--csv", "--csv", CONV], ["report", "--cs", CONV], ["report", "--c", CONV],
    ["report", "--csv", "-o=WORK/a", CONV], ["report", "--csv", "-oWORK/a", CONV],
    ["report", "--csv", "-o"], ["report", "--csv", CONV, "-o"], ["report", "--csv", "-o", "--", MISSING],
    ["report", "--csv", CONV, "-o", "WORK/a"], ["report", "--csv", "-o", "WORK/a", "-o", "WORK/b", CONV],
    ["report", "--csv", "--dialect"], ["report", "--csv", "--dialect=fr", CONV],
    ["report", "--csv", "--dialect", "FR", CONV], ["report", "--csv", "--dialect=", CONV],
    ["report", "--csv", "--dial", "fr", CONV], ["report", "--csv", "--dialect", "fr", "--dialect", "intl", CONV],
    ["report", "-o", "WORK/a", CONV], ["report", "--dialect", "fr", CONV],
    ["report", "--dialect", "fr", "-o", "WORK/a", CONV], ["report", "--csv", "--at", "2021-06-30", CONV],
    ["report", "--csv", "--threshold", "90", "--at", "2021-06-30", CONV],
    ["report", "--at", "2021-06-30", "--bogus", CONV], ["report", "--bogus", "--at"],
    ["report", "--at", "2021-06-30", "-x", CONV], ["report", "-xo", CONV], ["report", "-ox", "--csv", CONV],
    ["report", "---", CONV], ["report", "--=x", CONV], ["report", "-", "--bogus"],
    ["report", "--at", "2021-06-30", MISSING, "--bogus"], ["report", "--csv", "--", CONV, "--csv"],
    ["report", "-:", CONV], ["report", "-?", CONV], ["report", "-W", "at", CONV],
    ["report", "--at", "2021-06-30", CONV, CONVS, "--threshold", "90"],
    # import-csv: CONV.xml VALUES.csv -o OUT.xml, options anywhere
    ["import-csv"], ["import-csv", CONV], ["import-csv", CONV, CSV], ["import-csv", CONV, CSV, "-o"],
    ["import-csv", CONV, CSV, "extra", "-o", "WORK/a"], ["import-csv", CONV, CSV, CONV, CSV],
    ["import-csv", "-o", "WORK/a", CONV, CSV], ["import-csv", CONV, "-o", "WORK/a", CSV],
    ["import-csv", "-o=WORK/a", CONV, CSV], ["import-csv", "-oWORK/a", CONV, CSV],
    ["import-csv", "-o", "WORK/a", "-o", "WORK/b", CONV, CSV], ["import-csv", "--dialect"],
    ["import-csv", CONV, CSV, "-o", "WORK/a", "--dialect"],
    ["import-csv", "--dialect=intl", CONV, CSV, "-o", "WORK/a"],
    ["import-csv", "--dialect", "fr", CONV, CSV, "-o", "WORK/a"],
    ["import-csv", "--dialect", "xx", CONV, CSV, "-o", "WORK/a"],
    ["import-csv", "--dial", "fr", CONV, CSV, "-o", "WORK/a"], ["import-csv", "--csv", CONV, CSV],
    ["import-csv", "--", CONV, CSV, "-o", "WORK/a"], ["import-csv", "-o", "WORK/a", "--", CONV, CSV],
    ["import-csv", CONV, "--", CSV, "-o", "WORK/a"], ["import-csv", "-", CSV, "-o", "WORK/a"],
    ["import-csv", CONV, "-", "-o", "WORK/a"], ["import-csv", CONV, CSV, "-o", "WORK/a", "--bogus"],
    ["import-csv", CONV, CSV, "-o", "--", "--bogus"], ["import-csv", "-o", "WORK/a", "--bogus", CONV],
    ["import-csv", "-xo", CONV, CSV], ["import-csv", "---", CONV, CSV], ["import-csv", "-o", "", CONV, CSV],
    ["import-csv", CONV, CSV, "-o", "WORK/a", "extra"], ["import-csv", "-W", "dialect", CONV, CSV],
    ["import-csv", CONV, VALUES, "-o", "WORK/a"], ["import-csv", "-o=WORK/a", CONV, VALUES],
    ["import-csv", CONV, "-o", "WORK/b", VALUES, "-o", "WORK/a"],
    ["import-csv", "--dialect=intl", "--", CONV, VALUES, "-o", "WORK/a"],
    ["import-csv", "-o", "WORK/a", "--dialect", "fr", "--dialect", "intl", "--", CONV, VALUES],
    # (new entries go last: the records of the others keep their numbers)
    # validate --lheo-schema XSD: an LHEO document read with the LHEO import, checked as it streams
    ["validate", "--lheo-schema"], ["validate", "--lheo-schema", XSD],
    ["validate", "--lheo-schema", XSD, LHEO], ["validate", "--lheo-schema=" + XSD, LHEO],
    ["validate", "--lheo-schema", MISSING, LHEO], ["validate", "--lheo-schema", XSD, REF],
    ["validate", "--lheo-schema", XSD, LHEO, REF], ["validate", "--lheo", XSD, LHEO],
    ["validate", LHEO, "--lheo-schema", XSD], ["validate", "--lheo-schema", REF, LHEO],
    ["validate", "--lheo-schema", MISSING, "--lheo-schema", XSD, LHEO],
    ["validate", "--quiet", LHEO],
    # import-lheo: LHEO.xml -o CATALOGUE.xml [-r RECORDS.xml], options anywhere
    ["import-lheo"], ["import-lheo", "--"], ["import-lheo", LHEO], ["import-lheo", LHEO, "-o"],
    ["import-lheo", "-o", "WORK/a"], ["import-lheo", LHEO, LHEO, "-o", "WORK/a"],
    ["import-lheo", LHEO, "-o", "-"], ["import-lheo", LHEO, "-o", "WORK/a", "-r", "-"],
    ["import-lheo", LHEO, "-o", "WORK/a", "-r", "WORK/a"], ["import-lheo", LHEO, "-o", LHEO],
    ["import-lheo", LHEO, "-o", "WORK/a", "-r", LHEO],
    ["import-lheo", LHEO, "-o", "WORK/a", "-o", "WORK/b"],
    ["import-lheo", LHEO, "-o", "WORK/a", "-r", "WORK/b", "-r", "WORK/b"],
    ["import-lheo", "--min-score", "x", LHEO, "-o", "WORK/a"],
    ["import-lheo", "--min-score", "-1", LHEO, "-o", "WORK/a"],
    ["import-lheo", "--min-score", "", LHEO, "-o", "WORK/a"],
    ["import-lheo", "--min-score", "3", "--min-score", "2", LHEO, "-o", "WORK/a"],
    ["import-lheo", LHEO, "-o", "WORK/a", "--min-score"],
    ["import-lheo", "--accept-matches=yes", LHEO, "-o", "WORK/a"],
    ["import-lheo", "--accept", LHEO, "-o", "WORK/a"], ["import-lheo", "--bogus", LHEO],
    ["import-lheo", "-x", LHEO, "-o", "WORK/a"], ["import-lheo", "-oWORK/a", LHEO],
    ["import-lheo", "--", LHEO, "-o", "WORK/a"], ["import-lheo", "-o", "WORK/a", "--", LHEO],
    ["import-lheo", "--themes", "tests/fixtures/cli/records-small.xml", LHEO, "-o", "WORK/a"],
    ["import-lheo", "--themes", MISSING, LHEO, "-o", "WORK/a"],
    ["import-lheo", "--themes", "-", "-", "-o", "WORK/a"],
    ["import-lheo", "-", "-o", "WORK/a", "-r", "WORK/b"],
    ["import-lheo", MISSING, "-o", "WORK/a", "-r", "WORK/b"],
    ["import-lheo", REF, "-o", "WORK/a", "-r", "WORK/b"],
    ["import-lheo", "tests/fixtures/cli/lheo-other-namespace.xml", "-o", "WORK/a"],
    ["import-lheo", "--lheo-schema", MISSING, LHEO, "-o", "WORK/a", "-r", "WORK/b"],
    ["import-lheo", "-o=WORK/a", "-r=WORK/b", LHEO],
]


def run(binary, args, out_dir, name, work, files=()):
    """Runs binary with args from the repository root; writes the record to out_dir/name."""
    # standard input empty: "-" names it (issue 16), and a snapshot must not wait on a terminal
    proc = subprocess.run([binary] + args, cwd=ROOT, capture_output=True, timeout=120,
                          stdin=subprocess.DEVNULL,
                          env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C"})
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(b"$ snplp " + " ".join(args).replace(work, "WORK").encode() + b"\n")
        f.write(b"exit %d\n--- stdout\n" % proc.returncode)
        f.write(proc.stdout.replace(work.encode(), b"WORK"))
        f.write(b"\n--- stderr\n")
        f.write(proc.stderr.replace(work.encode(), b"WORK"))
        for path in files:
            f.write(b"\n--- file " + os.path.basename(path).encode() + b"\n")
            if os.path.exists(path):
                with open(path, "rb") as g:
                    f.write(g.read())
                os.unlink(path)
            else:
                f.write(b"(not written)\n")


def snapshot(binary, out_dir):
    binary = os.path.abspath(binary)
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="snplp-snapshot-")
    count = 0

    def record(args, name, files=()):
        nonlocal count
        run(binary, args, out_dir, name.replace("/", "_"), work, files)
        count += 1

    try:
        subprocess.run([binary, "report", "--csv", "-o", VALUES.replace("WORK", work), CONV],
                       cwd=ROOT, check=True)
        for i, args in enumerate(USAGE):
            args = [a.replace("WORK/", work + "/") for a in args]
            outputs = [os.path.join(work, name) for name in ("a", "b")]
            record(args, "usage-%03d" % i, [o for o in outputs if any(o in a for a in args)])
        record(["--help"], "help")
        record(["--version"], "version")
        record(["export-builtin"], "export-builtin")
        for doc in documents():
            record(["validate", doc], "validate-" + doc)
            record(["validate", "--strict", doc], "validate-strict-" + doc)
            record(["report", "--at", "2021-06-30", doc], "report-" + doc)
        for doc in conventions_examples() + sorted(
                os.path.join("tests/fixtures/xml-conventions", f)
                for f in os.listdir(os.path.join(ROOT, "tests/fixtures/xml-conventions"))
                if f.startswith("valid-")):
            record(["report", "--at", "2023-06-01", "--threshold", "90", doc],
                   "report-threshold-" + doc)
            for dialect in ("intl", "fr"):
                record(["report", "--csv", "--dialect", dialect, doc],
                       "report-csv-%s-%s" % (dialect, doc))
            out = os.path.join(work, "values.csv")
            record(["report", "--csv", "-o", out, doc], "report-csv-file-" + doc, [out])
        # training records (issue 17): coverage (text and CSV) and eligibility
        for doc in [d for d in documents() if "records" in os.path.basename(d) or
                    "xml-records" in d]:
            record(["coverage", "--builtin", "--at", "2021-12-31", doc], "coverage-" + doc)
            record(["coverage", "--builtin", "--from", "2019-01-01", "--to", "2021-12-31",
                    "--by", "theme,plan,profession,territory", "--all", doc],
                   "coverage-all-" + doc)
            record(["coverage", "--builtin", "--at", "2021-12-31", "--csv", "--dialect", "fr",
                    doc], "coverage-csv-fr-" + doc)
        # LHEO 2.3: validate the example feed; import-lheo it, with the files written
        record(["validate", LHEO], "validate-" + LHEO)
        record(["validate", "--strict", LHEO], "validate-strict-" + LHEO)
        record(["validate", "--lheo-schema", XSD, LHEO], "validate-lheo-schema-" + LHEO)
        cat, recs = os.path.join(work, "catalogue.xml"), os.path.join(work, "records.xml")
        for name, options in (("default", []), ("accept", ["--accept-matches"]),
                              ("min-score-3", ["--min-score", "3"]),
                              ("min-score-4", ["--min-score", "4"]),
                              ("schema", ["--lheo-schema", XSD, "--accept-matches"]),
                              ("themes", ["--themes", REF, "--accept-matches"])):
            record(["import-lheo"] + options + [LHEO, "-o", cat], "import-lheo-%s" % name, [cat])
            record(["import-lheo"] + options + [LHEO, "-o", cat, "-r", recs],
                   "import-lheo-records-%s" % name, [cat, recs])
        for doc, worker in (("tests/fixtures/cli/records-small.xml", "w2"),
                            ("examples/data/records.xml", "w49-0004")):
            record(["eligibility", "--builtin", "--at", "2021-12-31", doc, worker],
                   "eligibility-%s-%s" % (doc, worker))
        examples = conventions_examples()
        for i, a in enumerate(examples):
            for b in examples[i + 1:]:
                record(["report", "--at", "2021-06-30", a, b], "synthesis-%s-%s" % (a, b))
                record(["report", "--at", "2022-04-15", b, a], "synthesis-%s-%s" % (b, a))
        csvs = sorted(os.path.join("tests/fixtures/csv", f)
                      for f in os.listdir(os.path.join(ROOT, "tests/fixtures/csv"))
                      if f.endswith(".csv"))
        for conv in examples:
            for dialect in ("intl", "fr"):
                own = os.path.join(work, "own-%s.csv" % dialect)
                subprocess.run([binary, "report", "--csv", "--dialect", dialect, "-o", own, conv],
                               cwd=ROOT, check=True)
                # the export with the actual value of every row that has one changed, so that
                # the merge changes something (the fourth and fifth fields: target, actual)
                sep = b";" if dialect == "fr" else b","
                with open(own, "rb") as f:
                    lines = f.read().split(b"\n")
                for k in range(1, len(lines)):
                    fields = lines[k].split(sep)
                    if len(fields) > 4 and fields[4][:1].isdigit():
                        fields[4] = b"7" + fields[4]
                        lines[k] = sep.join(fields)
                changed = os.path.join(work, "changed-%s.csv" % dialect)
                with open(changed, "wb") as f:
                    f.write(b"\n".join(lines))
                for csv in csvs + [own, changed]:
                    out = os.path.join(work, "out.xml")
                    record(["import-csv", "--dialect", dialect, conv, csv, "-o", out],
                           "import-csv-%s-%s-%s" % (dialect, conv,
                                                   os.path.basename(csv)), [out])
                os.unlink(own)
                os.unlink(changed)
    finally:
        shutil.rmtree(work)
    print("%d commands recorded in %s" % (count, out_dir))


def compare(a, b):
    names = sorted(set(os.listdir(a)) | set(os.listdir(b)))
    different = [n for n in names
                 if not (os.path.exists(os.path.join(a, n)) and os.path.exists(os.path.join(b, n))
                         and filecmp.cmp(os.path.join(a, n), os.path.join(b, n), shallow=False))]
    for n in different:
        print("differs: " + n)
    print("%d records compared, %d differ" % (len(names), len(different)))
    return 1 if different or not names else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    snapshot(sys.argv[1], sys.argv[2])
