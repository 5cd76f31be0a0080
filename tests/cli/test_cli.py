#!/usr/bin/env python3
"""Tests of the snplp command-line program (tools/snplp/), run by CTest:
    test_cli.py SNPLP_PROGRAM SCHEMA_FILE
Each check runs the program and asserts its exit status and output. The report and CSV checks
read the example conventions of examples/data (found from this file's place in the tree)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

PROG, SCHEMA = sys.argv[1], sys.argv[2]
# The program's messages follow the environment's language (LC_ALL, LC_MESSAGES, LANG): the
# checks read English, whatever the machine's locale; the language checks set their own.
os.environ["LC_ALL"] = "C.UTF-8"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONV49 = os.path.join(ROOT, "examples", "data", "convention-49.xml")
CONV52 = os.path.join(ROOT, "examples", "data", "conventions-52.xml")
RECORDS = os.path.join(ROOT, "tests", "fixtures", "xml-records", "valid-complete.xml")
RECORDS_BAD = os.path.join(ROOT, "tests", "fixtures", "xml-records", "several-problems.xml")
failures = []


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def run(*args, stdin=None):
    p = subprocess.run([PROG, *args], input=stdin, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def check(name, cond, detail=""):
    if not cond:
        failures.append(f"{name}: {detail}")


COMMANDS = ("validate", "export-builtin", "report", "import-csv", "coverage", "eligibility",
            "export-lheo", "import-lheo")


def hint(args):
    """The hint a usage error of the program called with args ends with."""
    cmd = args[0] if args and args[0] in COMMANDS else None
    return f"Try 'snplp {cmd} --help'.\n" if cmd else "Try 'snplp --help'.\n"


def usage_error(args, message):
    """The program called with args exits 2 with exactly "snplp CMD: message" then the hint on
    standard error (one line each, not the whole help), and nothing on standard output."""
    rc, out, err = run(*args)
    check(f"usage error {args}", rc == 2 and out == "" and err == message + "\n" + hint(args),
          (rc, out[:200], err[:200]))


SUMMARY = re.compile(r"^(?P<file>.+): (?P<kind>referential|conventions|records|unknown kind): "
                     r"(?P<errors>\d+) errors?, (?P<warnings>\d+) warnings?$")


def findings(out):
    """The findings validate printed: its output without the line per file (SUMMARY)."""
    return "".join(l for l in out.splitlines(True) if not SUMMARY.match(l.rstrip("\n")))


LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info): "
                  r"\[(?P<code>[a-z-]+)\] .+$")

VALID = """<?xml version="1.0" encoding="UTF-8"?>
<referential xmlns="urn:snplp:1.0">
  <theme id="theme-a"><title>Aller vers</title></theme>
  <module id="module-a" theme="theme-a" level="fundamentals" duration-days="2.5">
    <title>Module</title>
  </module>
</referential>
"""
# three problems on three lines: an unknown attribute, a bad value, a dangling theme is not
# reported (model rules wait for a document that follows the schema)
INVALID = """<?xml version="1.0" encoding="UTF-8"?>
<referential xmlns="urn:snplp:1.0">
  <commitment id="c-1" colour="blue"><title>A</title></commitment>
  <lever><title>L</title></lever>
  <module id="m-1" theme="t" level="master"><title>M</title></module>
</referential>
"""
MODEL = """<?xml version="1.0" encoding="UTF-8"?>
<referential xmlns="urn:snplp:1.0">
  <module id="m-1" theme="theme-none" level="expert"><title>M</title></module>
</referential>
"""
NFC = """<?xml version="1.0" encoding="UTF-8"?>
<referential xmlns="urn:snplp:1.0">
  <commitment id="c-1"><title>e\u0301galite\u0301</title></commitment>
</referential>
"""

with tempfile.TemporaryDirectory() as tmp:
    def write(name, text):
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    valid, invalid = write("valid.xml", VALID), write("invalid.xml", INVALID)
    model, nfc = write("model.xml", MODEL), write("nfc.xml", NFC)

    # --help, --version, usage errors
    rc, out, err = run("--help")
    check("--help", rc == 0 and "snplp validate" in out and "export-builtin" in out
          and "snplp report" in out and "--csv" in out and "snplp import-csv" in out, out)
    rc, out, _ = run("--version")
    check("--version", rc == 0 and re.fullmatch(
        r"snplp (\d+\.\d+\.\d+) \(XML namespace urn:snplp:1\.0\)\n"
        r"libsnplp \1, XML format urn:snplp:1\.0, ICU \d+\.\d+(\.\d+)*, libxml2 \d+\.\d+\.\d+\n",
        out), out)
    for args in [(), ("frobnicate",), ("validate",), ("validate", "--bogus", valid),
                 ("export-builtin", "extra"), ("export-builtin", "-o")]:
        rc, out, err = run(*args)
        check(f"usage {args}", rc == 2 and err.endswith(hint(args)) and len(err.splitlines()) == 2
              and out == "", (rc, out, err))

    # validate: a valid file prints no finding, says what it is, and exits 0
    rc, out, err = run("validate", valid)
    check("validate valid", rc == 0 and out == valid + ": referential: 0 errors, 0 warnings\n"
          and err == "", (rc, out, err))
    rc, out, err = run("validate", "--strict", valid)
    check("validate --strict valid", rc == 0 and findings(out) == "", (rc, out, err))
    rc, out, err = run("validate", "--quiet", valid)
    check("validate --quiet valid", rc == 0 and out == "" and err == "", (rc, out, err))

    # every problem, each on its own line, in the documented form
    rc, out, err = run("validate", invalid)
    check("validate invalid summary", out.endswith(invalid + ": referential: 3 errors, 0 warnings\n"),
          out)
    out = findings(out)
    lines = out.splitlines()
    check("validate invalid status", rc == 1, rc)
    check("validate invalid form", lines and all(LINE.match(l) for l in lines), out)
    got = [(int(LINE.match(l)["line"]), LINE.match(l)["code"]) for l in lines if LINE.match(l)]
    for want in [(3, "unknown-attribute"), (4, "missing-attribute"), (5, "bad-value")]:
        check(f"validate invalid {want}", want in got, got)
    check("validate invalid file name", all(l.startswith(invalid + ":") for l in lines), out)

    # strict adds the XSD validator's findings, same verdict
    rc, out, _ = run("validate", "--quiet", "--strict", invalid)
    check("validate --strict invalid", rc == 1 and "[schema]" in out, out)

    # model rules, warnings, several files, a missing file
    rc, out, _ = run("validate", "--quiet", model)
    check("validate model", rc == 1 and "[missing-parent]" in out and ":3:" in out, out)
    rc, out, _ = run("validate", nfc)
    check("validate warning only", rc == 0 and ": warning: [text-normalized]" in out
          and out.endswith(nfc + ": referential: 0 errors, 1 warning\n"), out)
    rc, out, _ = run("validate", "--quiet", valid, invalid, valid)
    check("validate several", rc == 1 and out.count(invalid + ":") >= 3 and valid not in out, out)
    missing = os.path.join(tmp, "missing.xml")
    rc, out, _ = run("validate", missing)
    check("validate missing file", rc == 1 and out == missing + ": error: [io] cannot open " +
          missing + ": No such file or directory\n", out)
    # cannot open X says why: a directory, no permission (unless root, who may read anything)
    rc, out, _ = run("validate", tmp)
    check("validate a directory", rc == 1 and out == tmp + ": error: [io] cannot open " + tmp +
          ": Is a directory\n", out)
    if os.geteuid() != 0:
        locked = write("locked.xml", VALID)
        os.chmod(locked, 0)
        rc, out, _ = run("validate", locked)
        check("validate no permission", rc == 1 and out.endswith(": Permission denied\n"), out)
        os.unlink(locked)
    # any document of the format, strict mode included, says which kind it found
    for strict in ((), ("--strict",)):
        rc, out, err = run("validate", *strict, CONV49, CONV52)
        check(f"validate conventions {strict}", rc == 0 and err == "" and out ==
              CONV49 + ": conventions: 0 errors, 0 warnings\n" +
              CONV52 + ": conventions: 0 errors, 0 warnings\n", (rc, out, err))
    conv_bad = write("conv-bad.xml", read_text(CONV49).replace('<convention id=', '<convention colour="x" id=', 1))
    rc, out, _ = run("validate", "--strict", conv_bad)
    check("validate conventions with errors", rc == 1 and "[unknown-attribute]" in out
          and "[schema]" in out and SUMMARY.match(out.splitlines()[-1])["kind"] == "conventions",
          out)
    # training records (format 1.1): told by their root, read by their own import, then
    # checked against the built-in referential (or --referential REF)
    small = os.path.join(ROOT, "tests", "fixtures", "cli", "records-small.xml")
    for strict in ((), ("--strict",)):
        rc, out, err = run("validate", *strict, small)
        check(f"validate records {strict}", rc == 0 and err == "" and
              out == small + ": records: 0 errors, 0 warnings\n", (rc, out, err))
    # valid-complete.xml declares a profession with an id the built-in referential uses:
    # a finding of snplp_records_validate(), printed without a line
    clash = (RECORDS + ": error: [profession-in-referential] profession 'profession-eje' "
             "declared by the records has the id of a profession of the referential")
    rc, out, err = run("validate", RECORDS)
    check("validate records against the built-in referential", rc == 1 and err == "" and
          out.startswith(clash) and out.endswith(RECORDS + ": records: 1 error, 0 warnings\n")
          and out.count("\n") == 2, (rc, out, err))
    ref_xml = os.path.join(tmp, "ref-for-validate.xml")
    rc, _, _ = run("export-builtin", "-o", ref_xml)
    rc2, out2, err2 = run("validate", "--referential", ref_xml, RECORDS, small)
    check("validate --referential REF", rc == 0 and rc2 == 1 and err2 == "" and
          out2 == out + small + ": records: 0 errors, 0 warnings\n", (rc2, out2, err2))
    # a referential whose professions do not clash: the same records then have no finding
    other_ref = os.path.join(tmp, "ref-renamed.xml")
    with open(ref_xml, encoding="utf-8") as f, open(other_ref, "w", encoding="utf-8") as g:
        g.write(f.read().replace('"profession-eje"', '"profession-eje-ref"'))
    rc, out, err = run("validate", "--referential", other_ref, RECORDS)
    check("validate --referential: the rules follow REF", rc == 0 and err == "" and
          out == RECORDS + ": records: 0 errors, 0 warnings\n", (rc, out, err))
    rc, out, err = run("validate", "--referential", CONV49, small)
    check("validate --referential not a referential", rc == 1 and
          out.startswith(CONV49 + ": --referential: not a referential of the format\n"),
          (rc, out, err))
    rc, out, err = run("validate", "--referential", os.path.join(tmp, "none.xml"), small)
    check("validate --referential missing file", rc == 1 and "none.xml" in out, (rc, out, err))
    rc, out, err = run("validate", "--referential")
    check("validate --referential without value", rc == 2 and
          "option --referential needs a value" in err, (rc, out, err))
    rc, out, err = run("validate", "--referential", CONV49, CONV49)
    check("validate --referential read only for records", rc == 0 and
          "--referential" not in out, (rc, out, err))
    rc, out, _ = run("validate", "--strict", RECORDS_BAD)
    lines = out.splitlines()
    check("validate records with errors", rc == 1 and "[bad-value]" in out
          and "[missing-attribute]" in out and "[bad-id]" in out and "[duplicate-id]" in out
          and "[schema]" in out and SUMMARY.match(lines[-1])["kind"] == "records"
          and any(l.startswith(RECORDS_BAD + ":7:") for l in lines), out)
    rc, out, _ = run("validate", "-", stdin=read_text(small).encode())
    check("validate records -", rc == 0 and out == "-: records: 0 errors, 0 warnings\n", out)
    other = write("other.xml", '<?xml version="1.0"?>\n<!-- x -->\n<catalogue xmlns="urn:snplp:1.0"/>\n')
    rc, out, _ = run("validate", other)
    check("validate unknown kind", rc == 1 and out.endswith(": unknown kind: 1 error, 0 warnings\n"),
          out)
    # "-": standard input, its findings named "-"
    rc, out, _ = run("validate", "-", stdin=read_text(CONV49).encode())
    check("validate -", rc == 0 and out == "-: conventions: 0 errors, 0 warnings\n", out)
    rc, out, _ = run("validate", "-", stdin=INVALID.encode())
    check("validate - invalid", rc == 1 and "\n-:3:" in "\n" + out, out)
    rc, out, _ = run("validate", "-", "-", stdin=VALID.encode())
    check("validate - twice", rc == 1 and "-: error: [io] cannot open standard input twice" in out,
          out)

    # export-builtin: to stdout, to a file (same bytes), valid against the schema
    rc, out, err = run("export-builtin")
    check("export-builtin stdout", rc == 0 and out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
          and "theme-insertion" in out and err == "", (rc, err))
    target = os.path.join(tmp, "builtin.xml")
    write("builtin.xml", "old content")
    before = sorted(os.listdir(tmp))
    rc, _, err = run("export-builtin", "-o", target)
    with open(target, encoding="utf-8") as f:
        check("export-builtin -o", rc == 0 and f.read() == out and err == "", err)
    check("export-builtin leaves no temporary file", sorted(os.listdir(tmp)) == before,
          os.listdir(tmp))
    rc, dash, err = run("export-builtin", "-o", "-")
    check("export-builtin -o -", rc == 0 and dash == out and err == "", (rc, err))
    rc, help_out, err = run("export-builtin", "--help")
    check("export-builtin --help", rc == 0 and help_out.startswith("usage: snplp export-builtin")
          and err == "", (rc, help_out, err))
    rc, vout, _ = run("validate", "--strict", "--quiet", target)
    check("export-builtin validates", rc == 0 and vout == "", vout)
    xl = subprocess.run(["xmllint", "--noout", "--schema", SCHEMA, target], capture_output=True)
    check("export-builtin xmllint", xl.returncode == 0, xl.stderr)
    rc, _, err = run("export-builtin", "-o", os.path.join(tmp, "no", "such", "dir.xml"))
    check("export-builtin bad dir", rc == 1 and "snplp export-builtin:" in err, err)

    # how each command reads its options (usage errors are exact, with the usage after them)
    usage_error(("frobnicate",), "snplp: unknown command frobnicate")
    usage_error(("-x",), "snplp: unknown command -x")
    # validate: options first, the first FILE ends them; no abbreviation, no value
    usage_error(("validate",), "snplp validate: no FILE given")
    usage_error(("validate", "--strict", "--"), "snplp validate: no FILE given")
    for opt in ["--str", "--strict=yes", "-s", "-strict", "--bogus", "---", "-o"]:
        usage_error(("validate", opt, valid), "snplp validate: unknown option " + opt)
    usage_error(("validate", "--strict", "-x", valid), "snplp validate: unknown option -x")
    rc, out, err = run("validate", "--strict", "--strict", "--", valid)
    check("validate --strict twice, --", rc == 0 and findings(out) == "" and err == "",
          (rc, out, err))
    rc, out, _ = run("validate", "--quiet", valid, "--strict")
    check("validate FILE --strict reads a file --strict", rc == 1 and valid not in out
          and out.startswith("--strict: error: [io]"), out)
    rc, out, _ = run("validate", "--", "--strict")
    check("validate -- --strict", rc == 1 and out.startswith("--strict: error: [io]"), out)
    # export-builtin: -o FILE once, and nothing else
    first, second = os.path.join(tmp, "first.xml"), os.path.join(tmp, "second.xml")
    for args, bad in [(("extra",), "extra"), (("-o",), "-o"), (("--",), "--"), (("-",), "-"),
                      (("-o", first, "-o", second), "-o"), (("-o", first, "--"), "--"),
                      (("-o", first, "extra"), "extra"), (("-o=" + first,), "-o=" + first),
                      (("-o" + first,), "-o" + first), (("--o", first), "--o"),
                      (("--output", first), "--output"), (("-oo", first), "-oo")]:
        usage_error(("export-builtin",) + args, "snplp export-builtin: unexpected argument " + bad)
    check("export-builtin usage errors write nothing", not os.path.exists(first)
          and not os.path.exists(second), os.listdir(tmp))


# ---- report, report --csv, import-csv (conventions) ----

def width(text):
    """Terminal columns, as the program counts them (tools/snplp/termtext.c)."""
    w = 0
    for c in text:
        if unicodedata.category(c) in ("Mn", "Me", "Cf", "Cc"):
            continue
        w += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return w


def section(out, first, last):
    """The lines of out from the line starting with first up to (not including) the next line
    starting with last."""
    lines = out.splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.startswith(first))
    except StopIteration:
        return []
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith(last)), len(lines))
    return lines[start:end]


def matrix_rows(out, first="indicator ", last="Cells by status", cells=r"\s+"):
    """The rows of the (first) matrix table with a year: {(indicator, year): fields}, where
    fields are the cells after the year (separated by the pattern cells); and the set of display
    columns the year starts at."""
    lines = section(out, first, last)
    rows, columns, current = {}, set(), None
    for line in lines[2:]:
        m = re.match(r"^(\S+)(\s|$)", line)
        if m:
            current = m.group(1)
        y = re.search(r"(?<= )(\d{4})(?= )", line)
        if not y:
            continue
        columns.add(width(line[:y.start()]))
        rows[(current, int(y.group(1)))] = [c for c in re.split(cells, line[y.end():].strip()) if c]
    return rows, columns


def report_years(out, conv_heading=None):
    """{year: state} from the first table of execution reports (after conv_heading if given)."""
    if conv_heading:
        out = out[out.index(conv_heading):]
    lines = section(out, "Execution reports at", "Credits at")
    return {int(l.split()[0]): l.split()[-1] for l in lines[3:] if l.strip()}


LONG_LABEL = ("Part des personnes accompagnées par un référent de parcours unique qui déclarent "
              "que leur situation s’est améliorée « à l’issue de l’accompagnement », "
              "mesurée par l’enquête annuelle du département auprès des bénéficiaires")
LONG_ID = "indicateur-dont-l-identifiant-est-plus-long-que-la-premiere-colonne"
MINI = """<?xml version="1.0" encoding="UTF-8"?>
<conventions xmlns="urn:snplp:1.0">
  <convention id="calpae-01-2020" territory-kind="departement" territory-code="01" first-year="2020" last-year="2022">
    <territory-name>Ain</territory-name>
    <report year="2020" sent="2021-03-31"/>
    <indicator id="satisfaction" unit="percent" aggregation="none">
      <label>""" + LONG_LABEL + """</label>
      <values year="2020" target="50" actual="41"/>
      <values year="2021" target="60"/>
    </indicator>
    <indicator id="x" unit="count">
      <label>Cafe\u0301s q\u0301 全角</label>
      <values year="2020" target="10" actual="10"/>
    </indicator>
    <indicator id="LONG_ID" unit="days" polarity="lower-is-better">
      <label>Texte \u202einversé\u202c\tavec tabulation
et saut de ligne</label>
      <values year="2021" target="5" actual="6"/>
    </indicator>
  </convention>
</conventions>
""".replace("LONG_ID", LONG_ID)
NO_YEARS = """<?xml version="1.0" encoding="UTF-8"?>
<conventions xmlns="urn:snplp:1.0">
  <convention id="calpae-02-2020" territory-kind="departement" territory-code="02">
    <territory-name>Aisne</territory-name>
  </convention>
</conventions>
"""
BROKEN = """<?xml version="1.0" encoding="UTF-8"?>
<conventions xmlns="urn:snplp:1.0">
  <convention id="calpae-03-2020" territory-kind="departement" territory-code="03" colour="blue">
    <territory-name>Allier</territory-name>
  </convention>
</conventions>
"""
HEADER_INTL = "convention,indicator,year,target,actual,unit,source,comment\r\n"
HEADER_FR = "\ufeffconvention;indicator;year;target;actual;unit;source;comment\r\n"

with tempfile.TemporaryDirectory() as tmp:
    def write(name, text, newline=None):
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8", newline=newline) as f:
            f.write(text)
        return path

    def read(path):
        with open(path, "rb") as f:
            return f.read()

    mini, no_years, broken = write("mini.xml", MINI), write("no-years.xml", NO_YEARS), \
        write("broken.xml", BROKEN)
    missing = os.path.join(tmp, "missing.xml")

    # usage errors: exit 2, the usage on standard error, nothing on standard output, and no
    # file is read (the files named do not exist)
    for args in [("report",), ("report", "--at"), ("report", "--at", "2021-02-30", missing),
                 ("report", "--at", "31/03/2021", missing), ("report", "--at=2021-13-01", missing),
                 ("report", "--threshold", "0", missing), ("report", "--threshold", "100.5", missing),
                 ("report", "--threshold", "80%", missing), ("report", "--bogus", missing),
                 ("report", "--dialect", "fr", missing), ("report", "-o", "x.csv", missing),
                 ("report", "--csv", "--dialect", "de", missing),
                 ("report", "--csv", "--at", "2021-01-01", missing),
                 ("report", "--csv", "--threshold", "90", missing),
                 ("import-csv",), ("import-csv", missing, "v.csv"),
                 ("import-csv", missing, "-o", "out.xml"),
                 ("import-csv", missing, "v.csv", "w.csv", "-o", "out.xml"),
                 ("import-csv", "--dialect", "xx", missing, "v.csv", "-o", "out.xml"),
                 ("import-csv", "--frobnicate", missing, "v.csv", "-o", "out.xml")]:
        rc, out, err = run(*args)
        check(f"usage {args}", rc == 2 and err.endswith(hint(args)) and len(err.splitlines()) == 2
              and out == "", (rc, out, err))
    rc, _, err = run("report", "--at", "2021-02-30", CONV49)
    check("report bad date message", rc == 2 and err.startswith("snplp report: --at 2021-02-30:")
          and "28 days" in err, err)

    # the report on one convention: header, aligned matrix, counts, reports, credits, coherence
    rc, out, err = run("report", "--at", "2021-06-30", CONV49)
    check("report one", rc == 0 and err == "", (rc, err))
    check("report one header", out.startswith(
        "Convention calpae-49-2019: departement 49 Maine-et-Loire, 2019 to 2021 (" + CONV49 + ")\n"
        "At 2021-06-30; a target is partly reached from 80% of it\n"), out[:300])
    rows, columns = matrix_rows(out)
    check("report one aligned", len(columns) == 1, columns)
    want = {("jeunes-ase-accompagnes", 2019): ["120", "131", "109.2%", "reached"],
            ("jeunes-ase-accompagnes", 2020): ["150", "128", "85.3%", "partly-reached"],
            # the report on 2021 is due on 31 March 2022: not yet due on 30 June 2021
            ("jeunes-ase-accompagnes", 2021): ["180", "-", "-", "not-yet-due"],
            ("orientation-rsa-1-mois", 2019): ["60", "48.5", "80.8%", "partly-reached"],
            ("delai-premier-accueil", 2019): ["10", "9", "100.0%", "reached"],
            ("delai-premier-accueil", 2020): ["8", "-", "-", "actual-missing"],
            ("referents-parcours", 2020): ["600", "420", "70.0%", "not-reached"],
            # the fictional training indicator, its actuals computed from training records
            ("agents-formes-themes-plan", 2019): ["20", "18", "90.0%", "partly-reached"],
            ("agents-formes-themes-plan", 2020): ["25", "26", "104.0%", "reached"],
            ("agents-formes-themes-plan", 2021): ["30", "-", "-", "not-yet-due"]}
    for key, fields in want.items():
        check(f"report one cell {key}", rows.get(key) == fields, rows.get(key))
    check("report one cells", len(rows) == 21, sorted(rows))
    check("report one unit", re.search(r"^delai-premier-accueil +days \u2193 +2019 ", out, re.M)
          and "unit \u2193: lower is better" in out, out)
    check("report one label", "\n  Délai moyen avant un premier" in out, out)
    counts = section(out, "Cells by status", "Execution reports")
    check("report one counts", "  cells           21" in counts and
          any(re.match(r"^  actual-missing +1$", l) for l in counts) and
          any(re.match(r"^  not-yet-due +7$", l) for l in counts) and
          not any("not-computable" in l for l in counts), counts)
    rc, later, _ = run("report", "--at", "2022-04-01", CONV49)
    rows_later, _ = matrix_rows(later)
    check("report later: missing", rc == 0 and rows_later.get(("jeunes-ase-accompagnes", 2021)) ==
          ["180", "-", "-", "actual-missing"] and "not-yet-due   " not in
          "\n".join(section(later, "indicator ", "Cells by status")), rows_later)
    check("report one reports", report_years(out) ==
          {2019: "on-time", 2020: "late", 2021: "not-yet-due"}, report_years(out))
    credits = "\n".join(section(out, "Credits at 2021-06-30", "Coherence at"))
    check("report one credits", re.search(r"^  2020  withheld\n +\[blocking\] action-not-done: "
                                          r"action action-mobilite", credits, re.M)
          and re.search(r"^  2021  withheld$", credits, re.M)
          and "[note] report-late: the report on 2020 was sent on 2021-04-12" in credits
          and "[note] action-dropped:" in credits and "  2019  " not in credits, credits)
    check("report one coherence", "\nCoherence at 2021-06-30: 1 error, 0 warnings\n"
          "  error: [actual-missing] indicator 'delai-premier-accueil'" in out, out)

    # --at around 31 March: the report on 2020 (sent 12 April 2021) is not yet due on 30 and
    # 31 March, missing from 1 April, late once sent; the missing 2020 actual becomes a finding
    for day, state, finding in [("2021-03-30", "not-yet-due", False),
                                ("2021-03-31", "not-yet-due", False),
                                ("2021-04-01", "missing", True), ("2021-04-11", "missing", True),
                                ("2021-04-12", "late", True)]:
        rc, out, err = run("report", "--at", day, CONV49)
        years = report_years(out)
        check(f"report --at {day}", rc == 0 and years.get(2020) == state
              and years.get(2019) == "on-time" and ("[actual-missing]" in out) == finding,
              (rc, err, years))
        credits = "\n".join(section(out, "Credits at", "Coherence at"))
        check(f"report --at {day} credits", ("[blocking] report-missing: the report on 2020" in
                                             credits) == (state != "late"), credits)
    # --at before the signature (28 June 2019): a located warning, the run still succeeds
    rc, out, _ = run("report", "--at", "2019-01-01", CONV49)
    check("report --at before the signature", rc == 0 and
          "\nCoherence at 2019-01-01: 0 errors, 1 warning\n  warning: [implausible-date] the date "
          "of the check, 2019-01-01, is before convention 'calpae-49-2019' was signed "
          "(2019-06-28)" in out, out)
    rc, out, _ = run("report", "--at=2022-04-01", CONV49)
    check("report --at= form", rc == 0 and report_years(out).get(2021) == "missing", out)
    rc, today, _ = run("report", CONV49)
    check("report default today", rc == 0 and re.search(r"^At \d{4}-\d\d-\d\d;", today, re.M), today)

    # --threshold: 48.5 of 60 is 80.8%, partly reached from 80%, not from 82.5%
    rc, out, _ = run("report", "--at", "2021-06-30", "--threshold", "82.5", CONV49)
    rows, _ = matrix_rows(out)
    check("report --threshold", rc == 0 and "partly reached from 82.5% of it" in out
          and rows.get(("orientation-rsa-1-mois", 2019)) == ["60", "48.5", "80.8%", "not-reached"]
          and rows.get(("jeunes-ase-accompagnes", 2020))[-1] == "partly-reached", rows)
    rc, out, _ = run("report", "--at", "2021-06-30", "--threshold", "100", CONV49)
    check("report --threshold 100", rc == 0 and "partly-reached" not in
          "\n".join(section(out, "indicator ", "Cells by status")), out)

    # long labels wrap within the first column and end with "…" past three lines; accents,
    # combining marks and wide characters are counted in columns, so the table stays aligned
    rc, out, err = run("report", "--at", "2023-06-30", mini)
    check("report mini", rc == 0 and re.fullmatch(
        re.escape(mini) + r":\d+:\d+: warning: \[text-normalized\] [^\n]+\n", err), (rc, err))
    rows, columns = matrix_rows(out)
    check("report mini aligned", len(columns) == 1, (columns, out))
    block = section(out, "satisfaction", "x ")
    labels = [l[:36].rstrip() for l in block if l.startswith("  ")]
    check("report mini wrapped", len(labels) == 3 and labels[-1].endswith("\u2026")
          and all(width(l) <= 36 for l in labels)
          and " ".join(l.strip() for l in labels).rstrip("\u2026") in LONG_LABEL, labels)
    # "é" was normalized to NFC on import; "q" has no precomposed form with an accent
    check("report mini combining", "\n  Caf\u00e9s q\u0301 全角  " in out, out)
    check("report mini long id", re.search("^" + LONG_ID + "$", out, re.M)
          and rows.get((LONG_ID, 2021)) == ["5", "6", "83.3%", "partly-reached"], rows)
    check("report mini controls", "\n  Texte inversé avec tabulation et  " in out
          and "\u202e" not in out and "\t" not in out, out)
    check("report mini three years", rows.get(("satisfaction", 2022)) == ["-", "-", "-", "no-target"]
          and rows.get(("satisfaction", 2020)) == ["50", "41", "82.0%", "partly-reached"], rows)

    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            p = subprocess.run([PROG, "report", "--at", "2021-06-30", CONV49], stdout=full,
                               stderr=subprocess.PIPE)
        check("report to a full disk", p.returncode == 1 and
              b"writing to standard output failed" in p.stderr, p.stderr)

    # a convention whose years are not set: no matrix, no credits, a coherence finding
    rc, out, err = run("report", "--at", "2021-06-30", no_years)
    check("report no years", rc == 0 and "years not set" in out and "[years-missing]" in out
          and "Credits at" not in out, (rc, out, err))

    # several files: the synthesis, with coverage and the conventions lacking values, then each
    # convention's reports and credits
    rc, out, err = run("report", "--at", "2021-06-30", CONV49, CONV52)
    check("report synthesis", rc == 0 and err == "" and out.startswith("Synthesis of 4 conventions\n"),
          (rc, err, out[:200]))
    rows, columns = matrix_rows(out)
    check("report synthesis aligned", len(columns) == 1, columns)
    check("report synthesis matrix", "Synthesis matrix of 4 conventions" in out
          and re.search(r"^indicator +unit +year +target +actual +rate +status +covered +lacking$",
                        out, re.M), out)
    cell = rows.get(("referents-parcours", 2020), [])
    check("report synthesis covered", len(cell) >= 5 and cell[4] == "2/3"
          and "calpae-53-2019" in " ".join(cell[5:]), cell)
    check("report synthesis sections", all(f"== Convention {c}:" in out for c in
                                           ["calpae-49-2019", "calpae-44-2019", "calpae-53-2019",
                                            "calpae-85-2019"]), out)
    check("report synthesis mayenne", report_years(out, "== Convention calpae-53-2019").get(2020)
          == "missing", out)
    check("report synthesis vendée", report_years(out, "== Convention calpae-85-2019").get(2019)
          == "late", out)
    # the same file twice: the synthesis reports the duplicate and leaves it out
    rc, out, err = run("report", "--at", "2021-06-30", CONV49, CONV49)
    check("report duplicate", rc == 0 and "error: [duplicate-convention]" in out
          and "Synthesis matrix of 1 convention\n" in out, (rc, err, out[:600]))
    # a file without years next to others: left out of the synthesis, said so
    rc, out, err = run("report", "--at", "2021-06-30", CONV49, no_years)
    check("report synthesis no years", rc == 0 and "calpae-02-2020 is left out of the synthesis"
          in out and "Synthesis matrix of 1 convention\n" in out, (rc, err))

    # files that cannot be read: every finding on standard error, exit 1, no report
    rc, out, err = run("report", missing)
    check("report missing file", rc == 1 and out == "" and err.startswith(missing + ": error: [io]"),
          (rc, out, err))
    rc, out, err = run("report", "--at", "2021-06-30", CONV49, broken, missing)
    lines = err.splitlines()
    check("report broken", rc == 1 and out == "" and any(
        LINE.match(l) and l.startswith(broken + ":3:") and "[unknown-attribute]" in l
        for l in lines) and any(l.startswith(missing + ": error: [io]") for l in lines), err)
    rc, out, err = run("report", "--csv", broken)
    check("report --csv broken", rc == 1 and out == "" and broken + ":3:" in err, (rc, out, err))

    # --csv: the values, to standard output or a file, in both dialects
    rc, intl, err = run("report", "--csv", CONV49)
    check("csv intl", rc == 0 and err == "" and intl.startswith(HEADER_INTL)
          and "\r\ncalpae-49-2019,orientation-rsa-1-mois,2019,60,48.5,percent," in intl
          and "\r\ncalpae-49-2019,jeunes-ase-accompagnes,2021,180,,count," in intl, (rc, err, intl[:300]))
    rc, fr, err = run("report", "--csv", "--dialect", "fr", CONV49)
    check("csv fr", rc == 0 and err == "" and fr.startswith(HEADER_FR)
          and "\r\ncalpae-49-2019;orientation-rsa-1-mois;2019;60;48,5;percent;" in fr, (rc, err, fr[:300]))
    rc, intl_d, _ = run("report", "--csv", "--dialect=intl", CONV49)
    check("csv --dialect intl is the default", rc == 0 and intl_d == intl, intl_d[:200])
    target = os.path.join(tmp, "values.csv")
    write("values.csv", "old")
    before = sorted(os.listdir(tmp))
    rc, out, err = run("report", "--csv", "--dialect", "fr", "-o", target, CONV49)
    check("csv -o", rc == 0 and out == "" and err == "" and read(target) == fr.encode("utf-8"),
          (rc, out, err))
    check("csv -o leaves no temporary file", sorted(os.listdir(tmp)) == before, os.listdir(tmp))
    rc, out, err = run("report", "--csv", "-o", os.path.join(tmp, "no", "dir.csv"), CONV49)
    check("csv -o bad dir", rc == 1 and out == "" and "snplp report:" in err, (rc, err))
    rc, both, err = run("report", "--csv", CONV49, CONV52)
    check("csv several files", rc == 0 and both.startswith(HEADER_INTL) and both.count(HEADER_INTL) == 1
          and "\r\ncalpae-53-2019," in both and "\r\ncalpae-49-2019," in both, (rc, err))
    rc, out, err = run("report", "--csv", CONV49, CONV49)
    check("csv duplicate ids", rc == 1 and out == "" and "[duplicate-convention]" in err, (rc, out, err))

    # import-csv: merge values into a convention, all or nothing
    merged = os.path.join(tmp, "merged.xml")
    updated = intl.replace("\r\ncalpae-49-2019,jeunes-ase-accompagnes,2021,180,,count,",
                           "\r\ncalpae-49-2019,jeunes-ase-accompagnes,2021,180,175,count,")
    check("csv edit", updated != intl, "")
    values = write("update.csv", updated, newline="")
    rc, out, err = run("import-csv", CONV49, values, "-o", merged)
    check("import-csv", rc == 0 and out == "" and err == "" and os.path.exists(merged), (rc, out, err))
    rc, out, _ = run("report", "--at", "2022-06-30", merged)
    rows, _ = matrix_rows(out)
    check("import-csv merged", rows.get(("jeunes-ase-accompagnes", 2021)) ==
          ["180", "175", "97.2%", "partly-reached"], rows.get(("jeunes-ase-accompagnes", 2021)))
    rc, again, _ = run("report", "--csv", merged)
    check("import-csv round trip", again == updated, again[:300])
    xl = subprocess.run(["xmllint", "--noout", "--schema", SCHEMA, merged], capture_output=True)
    check("import-csv xmllint", xl.returncode == 0, xl.stderr)
    # in the French dialect, and in place (OUT.xml is CONV.xml)
    inplace = write("inplace.xml", read(CONV49).decode("utf-8"))
    frvalues = write("fr.csv", HEADER_FR + "calpae-49-2019;orientation-rsa-1-mois;2021;;88,5;;;\r\n",
                     newline="")
    rc, out, err = run("import-csv", "--dialect", "fr", inplace, frvalues, "-o", inplace)
    rc2, out2, _ = run("report", "--at", "2022-06-30", inplace)
    rows, _ = matrix_rows(out2)
    check("import-csv fr in place", rc == 0 and err == "" and
          rows.get(("orientation-rsa-1-mois", 2021)) == ["90", "88.5", "98.3%", "partly-reached"],
          (rc, err, rows.get(("orientation-rsa-1-mois", 2021))))
    # failures: every finding with its line and column, nothing written
    bad = write("bad.csv", HEADER_INTL +
                "calpae-49-2019,jeunes-ase-accompagnes,2021,,abc,,,\r\n"
                "calpae-49-2019,no-such-indicator,2021,,1,,,\r\n"
                "calpae-99-2019,referents-parcours,2021,,1,,,\r\n", newline="")
    write("kept.xml", "old content")
    kept = os.path.join(tmp, "kept.xml")
    before = sorted(os.listdir(tmp))
    for name, args in [("bad values", (CONV49, bad, "-o", kept)),
                       ("fr read as intl", (CONV49, frvalues, "-o", kept)),
                       ("missing csv", (CONV49, os.path.join(tmp, "none.csv"), "-o", kept)),
                       ("broken xml", (broken, values, "-o", kept)),
                       ("missing xml", (missing, values, "-o", kept))]:
        rc, out, err = run("import-csv", *args)
        check(f"import-csv fails: {name}", rc == 1 and out == "" and err != "", (rc, out, err))
        check(f"import-csv fails: {name}: not written", read(kept) == b"old content"
              and sorted(os.listdir(tmp)) == before, os.listdir(tmp))
    rc, out, err = run("import-csv", CONV49, bad, "-o", kept)
    lines = [l for l in err.splitlines() if LINE.match(l)]
    check("import-csv findings", [(LINE.match(l)["file"], LINE.match(l)["line"]) for l in lines] ==
          [(bad, "2"), (bad, "3"), (bad, "4")] and "[bad-number]" in lines[0]
          and "[unknown-indicator]" in lines[1] and "[unknown-convention]" in lines[2], err)
    check("import-csv says nothing was written", "not written" in err, err)
    rc, out, err = run("import-csv", CONV49, values, "-o", os.path.join(tmp, "no", "dir.xml"))
    check("import-csv bad output dir", rc == 1 and "snplp import-csv:" in err, (rc, err))

    # report reads options anywhere, in order; "--" ends them; "-" is a file
    rc, ref, _ = run("report", "--at", "2021-06-30", CONV49)
    for args in [(CONV49, "--at", "2021-06-30"), (CONV49, "--at=2021-06-30"),
                 ("--at", "2021-03-30", CONV49, "--at", "2021-06-30"),
                 ("--at", "2021-06-30", "--", CONV49), ("--threshold", "90", "--threshold=80",
                                                        "--at", "2021-06-30", CONV49)]:
        rc, out, err = run("report", *args)
        check(f"report {args}", rc == 0 and out == ref and err == "", (rc, err))
    for opt in ["--at", "--threshold", "--dialect", "-o"]:
        usage_error(("report", CONV49, opt), f"snplp report: option {opt} needs a value")
    for opt in ["--thr", "--a", "--csv=1", "--cs", "--dial", "-oout.csv", "-xo", "-x", "---",
                "--at-", "-W"]:
        usage_error(("report", "--csv", opt, "90", missing), "snplp report: unknown option " + opt)
    usage_error(("report", missing, "--bogus", "--at"), "snplp report: unknown option --bogus")
    usage_error(("report", "--at", "2021-06-30", "--"), "snplp report: no FILE given")
    rc, _, err = run("report", "--at", "--csv", CONV49)
    check("report --at takes the next argument", rc == 2 and
          err.startswith("snplp report: --at --csv: not a date YYYY-MM-DD: "), err)
    for args, name in [(("--at", "2021-06-30", "--", "--csv"), "--csv"),
                       (("--", "--at", "2021-06-30"), "--at")]:
        rc, out, err = run("report", *args)
        check(f"report {args} reads a file {name}", rc == 1 and out == "" and
              err.startswith(name + ": error: [io]"), (rc, out, err))
    first, second = os.path.join(tmp, "first.csv"), os.path.join(tmp, "second.csv")
    rc, out, err = run("report", "--csv", "-o=" + first, "--dialect=fr", CONV49)
    check("report -o=FILE", rc == 0 and out == "" and err == "" and read(first) == fr.encode(),
          (rc, out, err))
    os.unlink(first)
    rc, out, err = run("report", CONV49, "-o", first, "--csv", "-o", second)
    check("report -o twice: the last", rc == 0 and not os.path.exists(first)
          and read(second) == intl.encode(), (rc, out, err))
    os.unlink(second)
    # import-csv: options anywhere, two arguments
    usage_error(("import-csv", CONV49, values, "-o"), "snplp import-csv: option needs a value: -o")
    usage_error(("import-csv", CONV49, values, "--dialect"),
                "snplp import-csv: option needs a value: --dialect")
    for opt in ["--dial", "--csv", "-o" + merged, "-xo", "--dialect-", "--o"]:
        usage_error(("import-csv", opt, CONV49, values, "-o", merged),
                    "snplp import-csv: unknown option " + opt)
    usage_error(("import-csv", "--", CONV49, values, "-o", merged),
                "snplp import-csv: unexpected argument -o")
    usage_error(("import-csv", CONV49, values, CONV49, "--bogus"),
                "snplp import-csv: unexpected argument " + CONV49)
    os.unlink(merged)
    for args in [("-o", merged, CONV49, values), (CONV49, "-o=" + merged, values),
                 ("-o", kept, "--dialect=fr", "-o", merged, "--dialect", "intl", "--", CONV49,
                  values)]:
        rc, out, err = run("import-csv", *args)
        rc2, again, _ = run("report", "--csv", merged)
        check(f"import-csv {args}", rc == 0 and out == "" and err == "" and again == updated
              and read(kept) == b"old content", (rc, out, err))
        os.unlink(merged)

    # ---- issue 16: files and the command line ----

    # every command's --help: exit 0, its synopsis and text on standard output, the same text
    # as in snplp --help (the man page is made from it too: the install test)
    rc, full, _ = run("--help")
    for cmd in COMMANDS:
        rc, out, err = run(cmd, "--help")
        text = out.split("\n\n", 1)[1].rsplit("\nSee snplp --help", 1)[0] if "\n\n" in out else ""
        check(f"{cmd} --help", rc == 0 and err == "" and out.startswith("usage: snplp " + cmd)
              and len(text) > 100 and text in full, (rc, out[:200], err))
    rc, out, _ = run("report", CONV49, "--help", "--bogus-after")
    check("report --help first", rc == 2, (rc, out))
    rc, out, _ = run("report", "--help", CONV49)
    check("report --help with a file", rc == 0 and out.startswith("usage: snplp report"), out[:100])

    # "-": standard input for every file, standard output for -o
    rc, ref_out, _ = run("report", "--at", "2021-06-30", CONV49)
    rc, out, err = run("report", "--at", "2021-06-30", "-", stdin=read(CONV49))
    check("report -", rc == 0 and err == "" and out.replace("(-)", "(" + CONV49 + ")") == ref_out,
          (rc, err))
    rc, out, err = run("report", "--csv", "-o", "-", "-", stdin=read(CONV49))
    check("report --csv -o - -", rc == 0 and out == intl and err == "", (rc, err))
    rc, out, err = run("import-csv", "-", values, "-o", "-", stdin=read(CONV49))
    rc2, again, _ = run("report", "--csv", "-", stdin=out.encode())
    check("import-csv - VALUES -o -", rc == 0 and err == "" and again == updated, (rc, err))
    rc, out, err = run("import-csv", CONV49, "-", "-o", "-", stdin=updated.encode())
    rc2, again, _ = run("report", "--csv", "-", stdin=out.encode())
    check("import-csv CONV - -o -", rc == 0 and err == "" and again == updated, (rc, err))
    usage_error(("import-csv", "-", "-", "-o", "-"),
                "snplp import-csv: CONV.xml and VALUES.csv cannot both be standard input")
    rc, out, err = run("report", "--csv", "-", "-", stdin=read(CONV49))
    check("report - twice", rc == 1 and "cannot open standard input twice" in err, err)

    # cannot open X says why
    rc, out, err = run("report", missing)
    check("report missing says why", rc == 1 and err == missing + ": error: [io] cannot open " +
          missing + ": No such file or directory\n", err)
    rc, out, err = run("report", tmp)
    check("report directory says why", rc == 1 and err.endswith(": Is a directory\n"), err)
    rc, out, err = run("import-csv", CONV49, tmp, "-o", os.path.join(tmp, "x.xml"))
    check("import-csv directory says why", rc == 1 and tmp + ": error: [io] cannot open " + tmp +
          ": Is a directory\n" in err and not os.path.exists(os.path.join(tmp, "x.xml")), err)

    # an output onto an input is refused, the input left as it is; import-csv -o CONV.xml is
    # the documented update in place (tested above)
    conv = write("conv.xml", read(CONV49).decode())
    csvfile = write("v.csv", updated, newline="")
    os.link(conv, os.path.join(tmp, "hard.xml"))
    os.symlink("conv.xml", os.path.join(tmp, "soft.xml"))
    for name, args, shown in [
            ("report --csv -o CONV CONV", ("report", "--csv", "-o", conv, conv), conv),
            ("report --csv -o link CONV", ("report", "--csv", "-o", os.path.join(tmp, "soft.xml"),
                                           conv), conv),
            ("report --csv -o hard link", ("report", "--csv", "-o", os.path.join(tmp, "hard.xml"),
                                           CONV52, conv), conv),
            ("import-csv -o VALUES", ("import-csv", conv, csvfile, "-o", csvfile), csvfile),
            ("import-csv -o link to VALUES", ("import-csv", conv, os.path.join(tmp, "vlink.csv"),
                                              "-o", csvfile), None)]:
        if name == "import-csv -o link to VALUES":
            os.symlink("v.csv", os.path.join(tmp, "vlink.csv"))
        before = {f: read(os.path.join(tmp, f)) for f in ("conv.xml", "v.csv")}
        rc, out, err = run(*args)
        check(f"output onto input: {name}", rc == 2 and out == "" and "that is the input" in err
              and err.endswith(hint(args)) and (shown is None or shown in err), (rc, err))
        check(f"output onto input: {name}: unchanged",
              {f: read(os.path.join(tmp, f)) for f in ("conv.xml", "v.csv")} == before, name)
    # an -o that is a symbolic link keeps it: the file it leads to is written
    real = write("real.csv", "old")
    link = os.path.join(tmp, "link.csv")
    os.symlink("real.csv", link)
    rc, out, err = run("report", "--csv", "-o", link, CONV49)
    check("report --csv -o symlink", rc == 0 and os.path.islink(link)
          and os.readlink(link) == "real.csv" and read(real) == intl.encode(), (rc, err))
    merged_link = os.path.join(tmp, "merged-link.xml")
    os.symlink("conv.xml", merged_link)
    rc, out, err = run("import-csv", merged_link, csvfile, "-o", merged_link)
    rc2, again, _ = run("report", "--csv", conv)
    check("import-csv in place through a link", rc == 0 and os.path.islink(merged_link)
          and again == updated, (rc, err))

    def convention(n, target, actual, last=2021):
        return (f'<convention id="calpae-{n:03d}-2019" territory-kind="departement" '
                f'territory-code="{n if n < 20 else n + 1:02d}" first-year="2019" '
                f'last-year="{last}">'
                f'<territory-name>T{n}</territory-name>'
                f'<indicator id="taux" unit="count"><label>L</label>'
                f'<values year="2019" target="{target}"' +
                (f' actual="{actual}"' if actual is not None else "") + '/></indicator>'
                '</convention>')
    # CONV49 over two years only: a warning (years-span), no error
    two = read(CONV49).decode().replace('last-year="2021"', 'last-year="2020"')
    two = re.sub(r'\s*<(\w+) year="2021"[^>]*/>', "", two)
    two = re.sub(r'\s*<(\w+) year="2021"[^>]*>.*?</\1>', "", two, flags=re.S)
    two_years = write("two-years.xml", two)
    # import-csv -o CONV.xml keeps the comments before the root (the example's opening comment)
    kept_comments = write("comments.xml", read(CONV49).decode())
    rc, out, err = run("import-csv", kept_comments, csvfile, "-o", kept_comments)
    head = read(CONV49).decode().split("<conventions ", 1)[0]
    check("import-csv keeps the leading comments", rc == 0 and "<!--" in head
          and read(kept_comments).decode().startswith(head), (rc, err))

    # --fail-on: coherence errors (or warnings) fail the run with 3, the report still printed
    rc, out, err = run("report", "--at", "2021-06-30", "--fail-on", "error", CONV49)
    check("--fail-on error with an error", rc == 3 and out == ref_out and err == "", (rc, err))
    rc, out, _ = run("report", "--at", "2021-06-30", "--fail-on=warning", CONV49)
    check("--fail-on warning with an error", rc == 3 and out == ref_out, rc)
    rc, out, _ = run("report", "--at", "2020-01-15", "--fail-on", "warning", CONV49)
    check("--fail-on warning, no finding", rc == 0 and "no finding" in out, rc)
    for level, want in [("error", 0), ("warning", 3)]:
        rc, out, err = run("report", "--at", "2020-01-15", "--fail-on", level, two_years)
        check(f"--fail-on {level} with a warning", rc == want and "[years-span]" in out, (rc, err))
    usage_error(("report", "--fail-on", "info", CONV49),
                "snplp report: --fail-on info: give error or warning")
    usage_error(("report", "--csv", "--fail-on", "error", CONV49),
                "snplp report: --fail-on applies to the text report, not to --csv (the CSV file "
                "holds values, not statuses)")

    # report tables at national size: the lacking list is capped, absurd rates are compact,
    # --each prints each convention's own matrix
    national = write("national.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
                     '<conventions xmlns="urn:snplp:1.0">' +
                     convention(1, 1, 100000000) +
                     "".join(convention(n, 10, None) for n in range(2, 10)) + '</conventions>\n')
    rc, out, err = run("report", "--at", "2019-06-30", national)
    rows, columns = matrix_rows(out)
    cell = rows.get(("taux", 2019), [])
    check("report lacking capped", rc == 0 and "and 3 more" in " ".join(cell)
          and " ".join(cell).count("(actual)") == 5, cell)
    check("report synthesis aligned at national size", len(columns) == 1, columns)
    rc, out, err = run("report", "--at", "2019-06-30", "--each", national)
    own = section(out, "== Convention calpae-001-2019", "== Convention calpae-002-2019")
    check("report --each", rc == 0 and out.count("Follow-up matrix\n") == 9
          and any(l.split()[-2:] == ["1.0e+10%", "reached"] for l in own), own)
    rc, out, err = run("report", "--at", "2019-06-30", national.replace("national", "national"))
    rc, one, _ = run("report", "--at", "2019-06-30", write("one.xml", '<?xml version="1.0"?>\n'
                     '<conventions xmlns="urn:snplp:1.0">' + convention(1, 1, 100000000) +
                     '</conventions>\n'))
    rows, _ = matrix_rows(one)
    check("report absurd rate compact", rows.get(("taux", 2019)) == ["1", "100000000", "1.0e+10%",
                                                                    "reached"], rows)
    usage_error(("report", "--csv", "--each", CONV49),
                "snplp report: --each applies to the text report, not to --csv (the CSV file "
                "holds values, not statuses)")

    # what a command did, on standard error only when it is a terminal: never when piped
    # (every run above has its standard error piped: they check err == "")
    rc, out, err = run("import-csv", conv, csvfile, "-o", conv)
    check("import-csv says nothing when piped", rc == 0 and err == "", err)

    # progress of a long read: never when standard error is piped
    big = write("big.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<conventions xmlns="urn:snplp:1.0">' +
                "".join(convention(n, 10, 5).replace("<label>L</label>", "<label>" + "x" * 20000 +
                                                    "</label>") for n in range(1, 80)) +
                '</conventions>\n')
    rc, out, err = run("report", "--csv", big)
    check("no progress when piped", rc == 0 and err == "", (rc, err[:200]))
    rc, out, err = run("validate", big)
    check("validate big", rc == 0 and err == "", (rc, err[:200]))

    # the same on a terminal (a pseudo-terminal as standard error): the progress and what was
    # written show, --quiet silences the message
    try:
        import pty
    except ImportError:
        pty = None
    if pty is not None:
        def run_tty(*args):
            """Runs the program with standard error on a pseudo-terminal; returns (rc, stdout,
            what the terminal received)."""
            master, slave = pty.openpty()
            p = subprocess.Popen([PROG, *args], stdout=subprocess.PIPE, stderr=slave,
                                 stdin=subprocess.DEVNULL)
            os.close(slave)
            got = b""
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                got += chunk
            out = p.stdout.read()
            p.stdout.close()
            rc = p.wait()
            os.close(master)
            return rc, out.decode(), got.decode("utf-8", "replace")
        rc, out, tty = run_tty("report", "--csv", "-o", os.path.join(tmp, "big.csv"), big)
        check("progress on a terminal", rc == 0 and "reading " + big + ": " in tty
              and "100%" in tty and "wrote the values of 79 conventions to" in tty, (rc, tty[-300:]))
        rc, out, tty = run_tty("report", "--csv", "--quiet", "-o", os.path.join(tmp, "big.csv"),
                               big)
        check("--quiet on a terminal", rc == 0 and "wrote" not in tty, (rc, tty[-300:]))
        rc, out, tty = run_tty("import-csv", conv, csvfile, "-o", conv)
        check("import-csv says what it did on a terminal", rc == 0 and
              "merged the values of " + csvfile + " into 1 convention, written to " + conv in tty,
              (rc, tty))
        rc, out, tty = run_tty("report", "--csv", conv)
        check("no progress for a small file", rc == 0 and tty == "", tty)
        rc, out, tty = run_tty("export-builtin", "-o", os.path.join(tmp, "b.xml"))
        check("export-builtin says what it did on a terminal", rc == 0 and
              "wrote the built-in referential to " + os.path.join(tmp, "b.xml") in tty, tty)
        rc, out, tty = run_tty("export-builtin", "--quiet", "-o", os.path.join(tmp, "b.xml"))
        check("export-builtin --quiet on a terminal", rc == 0 and tty == "", tty)
        rc, out, tty = run_tty("export-builtin")
        check("export-builtin to standard output says nothing", rc == 0 and tty == "", tty)

# --threshold says what is wrong with the value
for value, says in [("80.00000000000000000001", "20 digits after the decimal point, at most 18"),
                    ("123456789012345678901", "out of range"), ("101", "out of range"),
                    ("8O", "unexpected character 'O'")]:
    rc, out, err = run("report", "--threshold", value, CONV49)
    first = err.split("\n")[0]
    check(f"--threshold {value}", rc == 2 and out == "" and first.startswith(
        f"snplp report: --threshold {value}: ") and says in first
        and "not a percentage" not in first, (rc, first))

# ---- issue 17: coverage and eligibility (training records) ----

SMALL = os.path.join(ROOT, "tests", "fixtures", "cli", "records-small.xml")
EXAMPLE_RECORDS = os.path.join(ROOT, "examples", "data", "records.xml")


def table_rows(out, first_header):
    """The rows of the first table whose heading line starts with first_header, as lists of
    cells (cells are separated by two spaces or more; no cell of these tables holds two)."""
    lines = out.splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.startswith(first_header))
    except StopIteration:
        return None, []
    headers = re.split(r"\s{2,}", lines[start].strip())
    rows = []
    for line in lines[start + 2:]:
        if not line.strip() or line.startswith("("):
            break
        rows.append(re.split(r"\s{2,}", line.strip()))
    return headers, rows


def csv_rows(text, dialect="intl"):
    """The CSV text parsed back: (header, rows), checking the dialect's framing (CRLF, the
    byte-order mark of fr)."""
    import csv
    import io
    if dialect == "fr":
        check("coverage csv fr: byte-order mark", text.startswith("\ufeff"), text[:20])
        text = text[1:]
    check(f"coverage csv {dialect}: CRLF", text.endswith("\r\n") and "\n" not in
          text.replace("\r\n", ""), repr(text[:100]))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if dialect == "fr"
                           else ","))
    return rows[0], rows[1:]


def eligibility_answers(out):
    """{module: (answer, [reason kinds])} from the output of eligibility."""
    answers, current = {}, None
    for line in out.splitlines():
        m = re.match(r"^(?:\d+\. )?(module-[a-z0-9-]+): (priority|open|not-yet)$", line)
        if m:
            current = m.group(1)
            answers[current] = (m.group(2), [])
            continue
        r = re.match(r"^   - ([a-z-]+): ", line)
        if r and current:
            answers[current][1].append(r.group(1))
    return answers


with tempfile.TemporaryDirectory() as tmp:
    def write(name, text):
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return path

    def read(path):
        with open(path, "rb") as f:
            return f.read()

    # --help names the commands; each one's help is complete (and in the man page: install)
    rc, out, _ = run("--help")
    check("--help: coverage and eligibility", rc == 0 and "snplp coverage" in out
          and "snplp eligibility" in out, out[:300])
    for cmd in ("coverage", "eligibility"):
        rc, out, err = run(cmd, "--help")
        check(f"{cmd} --help", rc == 0 and err == "" and out.startswith("usage: snplp " + cmd)
              and all(len(l) <= 80 for l in out.splitlines()), (rc, out[:200]))

    # coverage of the small records in 2021, by theme and profession (the default): every
    # figure as the fixture's comment computes it
    rc, out, err = run("coverage", "--builtin", SMALL, "--at", "2021-12-31")
    check("coverage: exit 0, no finding", rc == 0 and err == "", (rc, err))
    check("coverage: heading", out.startswith(
        f"Coverage of {SMALL}, read with the built-in referential\n"
        "From 2021-01-01 to 2021-12-31, by theme and profession\n"
        "Workforce in scope: 5 workers; trained: 4 (80.00%); training days: 11 (and 1 "
        "attendance record whose days are unknown, not counted)\n"), out[:400])
    headers, rows = table_rows(out, "theme ")
    check("coverage: columns", headers == ["theme", "profession", "workforce", "trained", "rate",
                                           "days", "days unknown"], headers)
    check("coverage: rows where someone was trained", rows == [
        ["plan-theme-early-childhood-days-5", "profession-childcare-auxiliary", "1", "1",
         "100.00%", "1", "0"],
        ["theme-insertion", "profession-ass", "2", "1", "50.00%", "4", "0"],
        ["theme-insertion", "profession-es", "1", "1", "100.00%", "3", "1"],
        ["theme-insertion", "profession-me", "1", "1", "100.00%", "3", "0"]], rows)
    check("coverage: rows left out said", re.search(
        r"^\(44 rows where no one was trained left out: --all shows them\)$", out, re.M), out)
    check("coverage: untrained", out.endswith("\nNo training at all by 2021-12-31: 1 worker: "
                                              "w2\n"), out[-200:])
    block = section(out, "theme ", "(")
    check("coverage: aligned (the last column to the right: every line as wide)",
          len(block) == 6 and len({width(l) for l in block}) == 1, block)
    rc, all_out, _ = run("coverage", "--builtin", SMALL, "--at", "2021-12-31", "--all")
    _, all_rows = table_rows(all_out, "theme ")
    check("coverage --all: every combination", rc == 0 and len(all_rows) == 48 and
          "left out" not in all_out and all(r in all_rows for r in rows), len(all_rows))
    check("coverage --all: zeros are zeros",
          ["theme-digital", "profession-ass", "2", "0", "0.00%", "0", "0"] in all_rows, all_rows[:5])

    # other axes and periods
    rc, out, _ = run("coverage", "--builtin", SMALL, "--at=2021-12-31", "--by", "territory")
    check("coverage --by territory", rc == 0 and table_rows(out, "territory ")[1] == [
        ["80", "3", "2", "66.67%", "7", "0"], ["80021", "2", "2", "100.00%", "4", "1"]], out)
    rc, out, _ = run("coverage", "--builtin", SMALL, "--at", "2021-05-31", "--by", "none")
    check("coverage --at: the year to date", rc == 0 and
          "From 2021-01-01 to 2021-05-31, as a whole\n" in out and
          table_rows(out, "workforce ")[1] == [["5", "3", "60.00%", "9"]], out)
    rc, out, _ = run("coverage", "--builtin", SMALL, "--from", "2020-01-01", "--to", "2020-12-31",
                     "--by", "none")
    check("coverage --from --to", rc == 0 and "From 2020-01-01 to 2020-12-31" in out and
          table_rows(out, "workforce ")[1] == [["5", "1", "20.00%", "3"]] and
          out.endswith("No training at all by 2020-12-31: 4 workers: w2, w3, w4, w5\n"), out)
    rc, out, _ = run("coverage", "--builtin", SMALL, "--at", "2021-12-31", "--by",
                     "plan,theme,territory,profession")
    headers, rows = table_rows(out, "theme ")
    check("coverage --by in any order: the columns in the library's order", rc == 0 and
          headers[:4] == ["theme", "plan", "profession", "territory"] and
          ["theme-insertion", "training-plan", "profession-ass", "80", "2", "1", "50.00%", "4",
           "0"] in rows, (headers, rows))
    rc, out, _ = run("coverage", "--builtin", SMALL, "--at", "2010-06-30")
    check("coverage: no workforce", rc == 0 and "(no row: no worker in the workforce during the "
          "period)" in out and "Workforce in scope: 0 workers; trained: 0;" in out, out)

    # --csv, parsed back, in both dialects; every row, an empty rate where there is no
    # workforce (never 0)
    rc, text, err = run("coverage", "--builtin", SMALL, "--at", "2021-12-31", "--csv", "--by",
                        "profession,territory")
    header, rows = csv_rows(text)
    check("coverage --csv", rc == 0 and err == "" and header == [
        "profession", "territory", "workforce", "trained", "rate", "days", "days-unknown"],
          (rc, err, header))
    check("coverage --csv rows", rows == [
        ["profession-ass", "80", "2", "1", "50.00", "4", "0"],
        ["profession-childcare-auxiliary", "80021", "1", "1", "100.00", "1", "0"],
        ["profession-es", "80021", "1", "1", "100.00", "3", "1"],
        ["profession-me", "80", "1", "1", "100.00", "3", "0"]], rows)
    rc, text, _ = run("coverage", "--builtin", SMALL, "--at", "2010-06-30", "--csv", "--by",
                      "theme")
    header, rows = csv_rows(text)
    check("coverage --csv: no workforce, no rate (never 0)", rc == 0 and len(rows) == 12 and
          rows[0] == ["plan-theme-early-childhood-days-1", "0", "0", "", "0", "0"], rows)
    rc, text_fr, _ = run("coverage", "--builtin", SMALL, "--at", "2021-12-31", "--csv",
                         "--dialect", "fr", "--by", "territory")
    header, rows = csv_rows(text_fr, "fr")
    check("coverage --csv fr", rc == 0 and rows == [["80", "3", "2", "66,67", "7", "0"],
                                                    ["80021", "2", "2", "100,00", "4", "1"]],
          rows)
    rc, text, _ = run("coverage", "--builtin", SMALL, "--at", "2021-12-31", "--csv")
    _, csv_all = csv_rows(text)
    check("coverage --csv: the rows of --all", rc == 0 and csv_all ==
          [[c.rstrip("%") for c in r] for r in all_rows], (len(csv_all), csv_all[:3]))
    target = os.path.join(tmp, "coverage.csv")
    write("coverage.csv", "old")
    link = os.path.join(tmp, "link.csv")
    os.symlink(target, link)
    before = sorted(os.listdir(tmp))
    rc, out, err = run("coverage", "--builtin", SMALL, "--at", "2021-12-31", "--csv", "-o", link,
                       "--quiet")
    check("coverage --csv -o", rc == 0 and out == "" and err == "" and
          read(target).decode() == text and os.path.islink(link) and
          sorted(os.listdir(tmp)) == before, (rc, out, err, os.listdir(tmp)))
    rc, out, err = run("coverage", "--builtin", SMALL, "--csv", "-o",
                       os.path.join(tmp, "no", "dir.csv"))
    check("coverage --csv -o bad dir", rc == 1 and out == "" and
          err.startswith("snplp coverage: cannot write ") and len(err.splitlines()) == 1, err)

    # several RECORDS: not merged, one coverage each (the CSV: a column records)
    rc, out, _ = run("coverage", "--builtin", SMALL, EXAMPLE_RECORDS, "--at", "2021-12-31",
                     "--by", "none")
    check("coverage: several RECORDS", rc == 0 and out.count("Coverage of ") == 2 and
          f"Coverage of {EXAMPLE_RECORDS}, read" in out and
          "Workforce in scope: 282 workers; trained: 162 (57.45%); training days: 275.5\n" in out,
          out)
    rc, text, _ = run("coverage", "--builtin", SMALL, EXAMPLE_RECORDS, "--at", "2021-12-31",
                      "--by", "none", "--csv")
    header, rows = csv_rows(text)
    check("coverage --csv: several RECORDS", rc == 0 and header[0] == "records" and rows == [
        [SMALL, "5", "4", "80.00", "11", "1"],
        [EXAMPLE_RECORDS, "282", "162", "57.45", "275.5", "0"]],
          rows)

    # the referential as a file, and "-" for standard input
    builtin_xml = os.path.join(tmp, "builtin.xml")
    run("export-builtin", "-o", builtin_xml)
    rc, ref_out, _ = run("coverage", "--builtin", SMALL, "--at", "2021-12-31")
    rc, out, err = run("coverage", builtin_xml, SMALL, "--at", "2021-12-31")
    check("coverage REFERENTIAL file", rc == 0 and err == "" and out == ref_out.replace(
        "the built-in referential", "the referential " + builtin_xml), (rc, err, out[:300]))
    rc, out, err = run("coverage", builtin_xml, "-", "--at", "2021-12-31", stdin=read(SMALL))
    check("coverage RECORDS -", rc == 0 and err == "" and out == ref_out.replace(
        "the built-in referential", "the referential " + builtin_xml).replace(
        SMALL, "(standard input)"), (rc, err, out[:200]))
    rc, out, err = run("coverage", "-", SMALL, "--at", "2021-12-31", stdin=read(builtin_xml))
    check("coverage REFERENTIAL -", rc == 0 and "read with the referential (standard input)"
          in out, (rc, err, out[:200]))
    rc, out, err = run("coverage", "-", "-", stdin=read(builtin_xml))
    check("coverage - -", rc == 1 and "cannot open standard input twice" in err, (rc, err))

    # usage errors: one line and the hint, exit 2
    for args, message in [
            (("coverage",), "give the REFERENTIAL (or --builtin) and RECORDS"),
            (("coverage", builtin_xml), "no RECORDS given"),
            (("coverage", "--builtin"), "no RECORDS given"),
            (("coverage", "--builtin", SMALL, "--at", "2021-02-30"),
             "--at 2021-02-30: not a date YYYY-MM-DD: "),
            (("coverage", "--builtin", SMALL, "--at", "yesterday"),
             "--at yesterday: not a date YYYY-MM-DD: "),
            (("coverage", "--builtin", SMALL, "--from", "2021-01-01"),
             "--from goes with --to: give both ends of the period"),
            (("coverage", "--builtin", SMALL, "--to", "2021-01-01"),
             "--to goes with --from: give both ends of the period"),
            (("coverage", "--builtin", SMALL, "--from", "2021-03-01", "--to", "2021-01-01"),
             "--from 2021-03-01 is after --to 2021-01-01"),
            (("coverage", "--builtin", SMALL, "--at", "2021-03-01", "--from", "2021-01-01",
              "--to", "2021-12-31"), "give --at, or --from and --to, not both"),
            (("coverage", "--builtin", SMALL, "--by", "theme,year"),
             "--by theme,year: 'year' is not an axis: give theme, plan, profession or territory, "
             "separated by commas, or none"),
            (("coverage", "--builtin", SMALL, "--by", ""),
             "--by : '' is not an axis: give theme, plan, profession or territory, separated by "
             "commas, or none"),
            (("coverage", "--builtin", SMALL, "--dialect", "fr"),
             "--dialect goes with --csv (the tables go to standard output)"),
            (("coverage", "--builtin", SMALL, "-o", "x.csv"),
             "-o goes with --csv (the tables go to standard output)"),
            (("coverage", "--builtin", SMALL, "--csv", "--all"),
             "--all goes with the tables: the CSV file has every row"),
            (("coverage", "--builtin", SMALL, "--csv", "--dialect", "de"),
             "--dialect de: not a dialect of CSV (fr or intl)"),
            (("coverage", "--builtin", SMALL, "--fail-on", "note"),
             "--fail-on note: give error or warning"),
            (("coverage", "--builtin", SMALL, "--csv", "-o", SMALL),
             f"-o {SMALL}: that is the input {SMALL}; write to another file"),
            (("coverage", "--builtin", SMALL, "--bogus"), "unknown option --bogus"),
            (("coverage", "--builtin", SMALL, "--at"), "option --at needs a value"),
            (("coverage", SMALL, SMALL),
             f"REFERENTIAL {SMALL} holds training records, not a referential (give the "
             "referential first, or --builtin for the built-in one)"),
            (("coverage", "--builtin", builtin_xml),
             f"RECORDS {builtin_xml} holds a referential, not training records"),
            (("coverage", "--builtin", CONV49),
             f"RECORDS {CONV49} holds conventions, not training records")]:
        rc, out, err = run(*args)
        check(f"usage error {args}", rc == 2 and out == "" and
              err.startswith("snplp coverage: " + message) and err.endswith(hint(args)) and
              len(err.splitlines()) == 2, (rc, out[:100], err))

    # files that cannot be read: every finding located, exit 1, no output
    missing = os.path.join(tmp, "none.xml")
    rc, out, err = run("coverage", "--builtin", missing)
    check("coverage: missing file", rc == 1 and out == "" and
          err == f"{missing}: error: [io] cannot open {missing}: No such file or directory\n", err)
    broken = write("broken.xml", '<?xml version="1.0"?>\n<records xmlns="urn:snplp:1.0">\n'
                   '  <worker id="x" profession="profession-ass"\n')
    rc, out, err = run("coverage", "--builtin", SMALL, broken)
    check("coverage: broken file", rc == 1 and out == "" and err and
          all(LINE.match(l) and l.startswith(broken + ":") for l in err.splitlines()), err)
    rc, out, err = run("coverage", missing, SMALL)
    check("coverage: missing referential", rc == 1 and out == "" and
          err.startswith(f"{missing}: error: [io] cannot open {missing}") and
          len(err.splitlines()) == 1, err)

    # findings of the check against the referential: on standard error, the coverage printed
    # (exit 0), --fail-on exits 3 after it, --quiet prints them not
    dangling = write("dangling.xml", read_text(SMALL).replace(
        "</records>", '  <attendance worker="w1" session="s-none" status="attended"/>\n'
        "</records>"))
    rc, out, err = run("coverage", "--builtin", dangling, "--at", "2021-12-31", "--by", "none")
    check("coverage: findings of the check", rc == 0 and "Workforce in scope: 5 workers" in out
          and err == f"{dangling}: error: [record-dangling-reference] the attendance of 'w1' at "
          "'s-none': its session 's-none' names nothing in the records or the referential: add "
          "it or name a session of the records\n", (rc, err))
    rc, out, err = run("coverage", "--builtin", dangling, "--by", "none", "--fail-on", "error")
    check("coverage --fail-on error", rc == 3 and "Workforce in scope" in out and
          "[record-dangling-reference]" in err, (rc, err))
    rc, out, err = run("coverage", "--builtin", dangling, "--by", "none", "--fail-on", "warning",
                       "--quiet")
    check("coverage --fail-on warning --quiet", rc == 3 and "Workforce in scope" in out and
          err == "", (rc, err))
    rc, out, err = run("coverage", "--builtin", SMALL, "--by", "none", "--fail-on", "warning")
    check("coverage --fail-on: no finding", rc == 0 and err == "", (rc, err))

    # eligibility: what a worker may take next, in the plan's order, with every reason
    rc, out, err = run("eligibility", "--builtin", SMALL, "w2", "--at", "2021-12-31")
    check("eligibility: heading", rc == 0 and err == "" and out.startswith(
        f"Worker w2 at 2021-12-31 ({SMALL}, read with the built-in referential)\n"
        "Profession profession-ass (assistants de service social), diploma level unknown, "
        "employer e80, territory 80\n\n2 modules to take next, in the plan's order:\n"),
          (rc, err, out[:300]))
    answers = eligibility_answers(out)
    check("eligibility: the plan's order", list(answers) == [
        "module-insertion-fundamentals", "module-insertion-expert"] and
          out.index("1. module-insertion-fundamentals") < out.index("2. module-insertion-expert"),
          answers)
    check("eligibility: answers and reasons", answers == {
        "module-insertion-fundamentals": ("open", ["profession-targeted", "diploma-unknown"]),
        "module-insertion-expert": ("not-yet", ["profession-targeted", "diploma-unknown",
                                                "prerequisite-missing"])}, answers)
    check("eligibility: an id is never cut", "'module-insertion-fundamentals'" in out and
          all(len(l) <= 80 or " " not in l.strip() for l in out.splitlines()[3:]), out)
    rc, out, _ = run("eligibility", "--builtin", SMALL, "w4", "--at", "2021-12-31")
    check("eligibility: prerequisite trained", rc == 0 and eligibility_answers(out) == {
        "module-insertion-expert": ("open", ["profession-targeted", "diploma-below",
                                             "prerequisite-trained"])}, out)
    rc, out, _ = run("eligibility", "--builtin", SMALL, "w5", "--at", "2021-12-31")
    check("eligibility: a profession of the records", rc == 0 and
          "Profession profession-childcare-auxiliary (auxiliaires de puériculture)" in out and
          eligibility_answers(out)["module-insertion-fundamentals"] ==
          ("open", ["profession-not-targeted", "diploma-below"]), out)
    rc, out, _ = run("eligibility", "--builtin", SMALL, "w1", "--at", "2021-12-31")
    check("eligibility: nothing left", rc == 0 and out.endswith(
        "\nNo module left to take: trained in every module of the referential.\n"), out)
    rc, out, _ = run("eligibility", "--builtin", SMALL, "w1", "--at", "2021-12-31", "--module",
                     "module-insertion-expert")
    check("eligibility --module", rc == 0 and eligibility_answers(out) == {
        "module-insertion-expert": ("priority", ["profession-targeted", "diploma-met",
                                                 "prerequisite-trained", "already-trained"])},
          out)
    rc, out, _ = run("eligibility", "--builtin", SMALL, "w1", "--at", "2021-03-01", "--module",
                     "module-insertion-expert")
    check("eligibility --at: before the training", rc == 0 and eligibility_answers(out) == {
        "module-insertion-expert": ("priority", ["profession-targeted", "diploma-met",
                                                 "prerequisite-trained"])}, out)
    rc, out2, err = run("eligibility", builtin_xml, "-", "w1", "--at=2021-03-01",
                        "--module=module-insertion-expert", stdin=read(SMALL))
    check("eligibility REFERENTIAL RECORDS -", rc == 0 and err == "" and out2 == out.replace(
        SMALL, "(standard input)").replace("the built-in referential",
                                           "the referential " + builtin_xml), (rc, err, out2))
    rc, out, err = run("eligibility", "--builtin", SMALL, "nobody", "--at", "2021-12-31")
    check("eligibility: unknown worker", rc == 1 and out == "" and
          err == f"snplp eligibility: no worker 'nobody' in {SMALL}\n", (rc, out, err))
    rc, out, err = run("eligibility", "--builtin", SMALL, "w1", "--module", "module-none")
    check("eligibility: unknown module", rc == 1 and out == "" and
          err == "snplp eligibility: --module module-none: no module 'module-none' in the "
          "built-in referential\n", (rc, out, err))
    rc, out, err = run("eligibility", "--builtin", missing, "w1")
    check("eligibility: missing file", rc == 1 and out == "" and
          err == f"{missing}: error: [io] cannot open {missing}: No such file or directory\n", err)
    rc, out, err = run("eligibility", "--builtin", dangling, "w2", "--at", "2021-12-31",
                       "--fail-on", "error")
    check("eligibility --fail-on", rc == 3 and "2 modules to take next" in out and
          "[record-dangling-reference]" in err, (rc, err))
    rc, out, err = run("eligibility", "--builtin", dangling, "w2", "--quiet")
    check("eligibility --quiet", rc == 0 and err == "" and out.startswith("Worker w2"), (rc, err))
    for args, message in [
            (("eligibility",), "give REFERENTIAL (or --builtin), RECORDS and WORKER"),
            (("eligibility", "--builtin", SMALL), "give RECORDS and WORKER"),
            (("eligibility", builtin_xml, SMALL), "give REFERENTIAL (or --builtin), RECORDS "
             "and WORKER"),
            (("eligibility", "--builtin", SMALL, "w1", "w2"), "unexpected argument w2"),
            (("eligibility", builtin_xml, SMALL, "w1", "w2"), "unexpected argument w2"),
            (("eligibility", "--builtin", SMALL, "w1", "--at", "2021-13-01"),
             "--at 2021-13-01: not a date YYYY-MM-DD: "),
            (("eligibility", "--builtin", SMALL, "w1", "--fail-on", "all"),
             "--fail-on all: give error or warning"),
            (("eligibility", "--builtin", SMALL, "w1", "--module"),
             "option --module needs a value"),
            (("eligibility", "--builtin", SMALL, "w1", "--by", "theme"),
             "unknown option --by"),
            (("eligibility", SMALL, SMALL, "w1"),
             f"REFERENTIAL {SMALL} holds training records, not a referential")]:
        rc, out, err = run(*args)
        check(f"usage error {args}", rc == 2 and out == "" and
              err.startswith("snplp eligibility: " + message) and err.endswith(hint(args)) and
              len(err.splitlines()) == 2, (rc, out[:100], err))


# LHEO 2.3: import-lheo of the example feed (three offers: the first matches theme-insertion by
# its title, score 3; the second theme-digital by its objectives, score 3 too; the third
# nothing), and validate of an LHEO document
LHEO = os.path.join(ROOT, "examples", "data", "lheo", "offres.xml")
LHEO_XSD = os.path.join(ROOT, "tests", "lheo", "lheo-2.3.xsd")
SNPLP_NS = "{urn:snplp:1.0}"


def module_themes(path):
    """{module id: theme id} of the referential at path."""
    root = ET.parse(path).getroot()
    return {m.get("id"): m.get("theme") for m in root.iter(SNPLP_NS + "module")}


def match_rows(out):
    """{module id: [theme, score, applied]} of the table import-lheo printed (the columns
    module, title, theme, score, applied, labels; a title holds spaces, so the columns are cut
    where the dashes under the headings say)."""
    lines = out.splitlines()
    if len(lines) < 2 or not lines[0].startswith("module"):
        return {}
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[1])]
    rows = {}
    for line in lines[2:]:
        cells = [line[a:b + 2 if i + 1 < len(spans) else None].strip()
                 for i, (a, b) in enumerate(spans)]
        rows[cells[0]] = cells[2:5]
    return rows


with tempfile.TemporaryDirectory() as tmp:
    def write(name, text):
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    cat, recs = os.path.join(tmp, "catalogue.xml"), os.path.join(tmp, "records.xml")

    # without --accept-matches: the matches are shown, none is applied; without -r, the
    # sessions are said not written
    rc, out, err = run("import-lheo", LHEO, "-o", cat)
    rows = match_rows(out)
    check("import-lheo default", rc == 0 and rows == {
        "of-fictif-insertion-1": ["theme-insertion", "3", "no"],
        "of-fictif-numerique-1": ["theme-digital", "3", "no"],
        "of-fictif-gestes-1": ["-", "-", "no"]} and not os.path.exists(recs)
        and "[lheo-theme-match]" in err and "were not written (give -r RECORDS.xml)" in err
        and "3 modules have no theme" in err, (rc, out, err))
    check("import-lheo default catalogue", set(module_themes(cat).values()) == {"theme-none"},
          module_themes(cat))
    os.unlink(cat)

    # --accept-matches: of-fictif-insertion-1 under theme-insertion; with -r, the records
    rc, out, err = run("import-lheo", "--accept-matches", LHEO, "-o", cat, "-r", recs)
    rows = match_rows(out)
    themes = module_themes(cat) if os.path.exists(cat) else {}
    check("import-lheo --accept-matches", rc == 0 and rows.get("of-fictif-insertion-1") ==
          ["theme-insertion", "3", "yes"] and rows.get("of-fictif-gestes-1") == ["-", "-", "no"]
          and themes == {"of-fictif-insertion-1": "theme-insertion",
                         "of-fictif-numerique-1": "theme-digital",
                         "of-fictif-gestes-1": "theme-none"}
          and "were not written" not in err and "1 module has no theme" in err, (rc, out, err))
    # they read back: the records import; the catalogue is refused only for its module
    # without a theme (theme-none names no theme)
    rc, out, err = run("validate", "--referential", cat, recs)
    check("import-lheo output reread", rc == 1 and
          f"{recs}: records: 0 errors, 0 warnings" in out and
          out.count("error: [") == 1 and "'of-fictif-gestes-1'" in out and "theme-none" in out,
          (rc, out, err))

    # --min-score 3 applies both matches of score 3; 4 none
    for score, applied in (("3", "yes"), ("4", "no")):
        rc, out, err = run("import-lheo", "--min-score", score, LHEO, "-o", cat)
        rows = match_rows(out)
        check(f"import-lheo --min-score {score}", rc == 0 and
              rows.get("of-fictif-insertion-1") == ["theme-insertion", "3", applied] and
              rows.get("of-fictif-numerique-1") == ["theme-digital", "3", applied] and
              module_themes(cat)["of-fictif-insertion-1"] ==
              ("theme-insertion" if applied == "yes" else "theme-none"), (rc, out, err))

    # the round trip: a feed of the two offers that match, imported with --accept-matches and
    # --lheo-schema, reads back whole, and export-lheo of it validates against the XSD
    tree = ET.parse(LHEO)
    ns = "{http://lheo.gouv.fr/2.3}"
    offres = tree.getroot().find(ns + "offres")
    for f in offres.findall(ns + "formation"):
        if f.get("numero") == "of-fictif-gestes-1":
            offres.remove(f)
    ET.register_namespace("", "http://lheo.gouv.fr/2.3")
    two = os.path.join(tmp, "two.xml")
    tree.write(two, encoding="UTF-8", xml_declaration=True)
    rc, out, err = run("import-lheo", "--accept-matches", "--lheo-schema", LHEO_XSD, two,
                       "-o", cat, "-r", recs)
    check("import-lheo two offers", rc == 0 and "no theme" not in err and
          len(match_rows(out)) == 2, (rc, out, err))
    rc, out, err = run("validate", "--referential", cat, cat, recs)
    check("import-lheo two offers reread", rc == 0 and "error: [" not in out, (rc, out, err))
    back = os.path.join(tmp, "back.xml")
    rc, out, err = run("export-lheo", "--quiet", cat, recs, "-o", back)
    check("import-lheo then export-lheo", rc == 0 and os.path.exists(back), (rc, out, err))
    xmllint = shutil.which("xmllint")
    if xmllint and os.path.exists(back):
        p = subprocess.run([xmllint, "--noout", "--schema", LHEO_XSD, back], capture_output=True)
        check("import-lheo then export-lheo: valid LHEO", p.returncode == 0, p.stderr[:500])
        rc, out, err = run("validate", "--lheo-schema", LHEO_XSD, back)
        check("validate --lheo-schema of the export", rc == 0 and re.search(
              rf"^{re.escape(back)}: lheo: 0 errors, \d+ warnings?\n\Z", out, re.M),
              (rc, out, err))
    for path in (cat, recs):
        os.unlink(path)

    # the whole feed with the defaults: every module has no theme (theme-none); export-lheo
    # reads such a catalogue as it is (its findings printed) and writes valid LHEO
    rc, out, err = run("import-lheo", LHEO, "-o", cat, "-r", recs)
    check("import-lheo defaults", rc == 0 and "3 modules have no theme" in err, (rc, out, err))
    rc, out, err = run("export-lheo", "--quiet", cat, recs, "-o", back)
    check("import-lheo then export-lheo, modules with no theme",
          rc == 0 and "[missing-parent]" in err and os.path.exists(back), (rc, out, err))
    if xmllint and os.path.exists(back):
        p = subprocess.run([xmllint, "--noout", "--schema", LHEO_XSD, back], capture_output=True)
        check("the feed through the commands: valid LHEO", p.returncode == 0, p.stderr[:500])
        with open(back, encoding="utf-8") as f:
            text = f.read()
        check("the feed through the commands keeps what the model does not map",
              all(k in text for k in ("44028</code-FORMACODE>", "<prenom>Camille</prenom>",
                                      "Salle des conférences", "<etat-recrutement>1",
                                      "<SIRET>85345678900011</SIRET>")), text[:300])
    for path in (cat, recs):
        os.unlink(path)

    # the document cannot be read: exit 1, neither output written
    for args in (("import-lheo", os.path.join(tmp, "missing.xml"), "-o", cat, "-r", recs),
                 ("import-lheo", CONV49, "-o", cat, "-r", recs),
                 ("import-lheo", "--lheo-schema", os.path.join(tmp, "missing.xsd"), LHEO,
                  "-o", cat, "-r", recs)):
        rc, out, err = run(*args)
        check(f"import-lheo unreadable {args}", rc == 1 and out == "" and
              not os.path.exists(cat) and not os.path.exists(recs), (rc, out, err))
    rc, out, err = run("import-lheo", "-", "-o", cat, stdin=open(LHEO, "rb").read())
    check("import-lheo from standard input", rc == 0 and "(standard input):" in err and
          len(match_rows(out)) == 3, (rc, out, err))
    os.unlink(cat)

    # usage errors: exit 2, nothing written
    for args, message in [
            (("import-lheo",), "no LHEO.xml given"),
            (("import-lheo", LHEO), "no -o CATALOGUE.xml given"),
            (("import-lheo", LHEO, LHEO, "-o", cat), f"unexpected argument {LHEO} (one LHEO "
             "document)"),
            (("import-lheo", LHEO, "-o", "-"), "-o -: the catalogue is written to a file "
             "(standard output holds the table of the matches)"),
            (("import-lheo", LHEO, "-o", cat, "-r", cat), f"-o {cat} and -r {cat}: the "
             "catalogue and the records need two files"),
            (("import-lheo", LHEO, "-o", LHEO), f"-o {LHEO}: that is the input {LHEO}; write "
             "to another file"),
            (("import-lheo", LHEO, "-o", cat, "-r", LHEO), f"-r {LHEO}: that is the input "
             f"{LHEO}; write to another file"),
            (("import-lheo", "--min-score", "-1", LHEO, "-o", cat), "--min-score -1: give a "
             "whole number, 0 or more"),
            (("import-lheo", "--themes", SMALL, LHEO, "-o", cat), f"--themes {SMALL} holds "
             "training records, not a referential"),
            (("import-lheo", "--accept", LHEO, "-o", cat), "unknown option --accept"),
            (("validate", "--lheo-schema"), "option --lheo-schema needs a value")]:
        usage_error(list(args), f"snplp {args[0]}: {message}")
    check("import-lheo usage: nothing written", not os.path.exists(cat))

    # validate: an LHEO document is read as LHEO; with --lheo-schema, checked against it
    rc, out, err = run("validate", LHEO)
    check("validate LHEO", rc == 0 and re.search(
        rf"^{re.escape(LHEO)}: lheo: 0 errors, \d+ warnings?; not checked against the official "
        r"schema \(--lheo-schema\)\n\Z", out, re.M) and "[lheo-theme-match]" in out,
        (rc, out, err))
    bad = write("bad-lheo.xml", read_text(LHEO).replace("<certifiante>0<", "<certifiante>7<", 1))
    rc, out, err = run("validate", "--lheo-schema", LHEO_XSD, LHEO, bad, CONV49)
    check("validate --lheo-schema", rc == 1 and
          re.search(rf"^{re.escape(LHEO)}: lheo: 0 errors, \d+ warnings?$", out, re.M) and
          re.search(rf"^{re.escape(bad)}: lheo: 1 error, \d+ warnings?$", out, re.M) and
          out.count("error: [schema]") == 1 and f"{CONV49}: conventions: 0 errors" in out,
          (rc, out, err))
    rc, out, err = run("validate", bad)
    check("validate without --lheo-schema", rc == 0 and "[schema]" not in out, (rc, out, err))
    other = write("other.xml", '<lheo xmlns="http://lheo.gouv.fr/2.2"><offres/></lheo>')
    prefixed = write("prefixed.xml", read_text(LHEO).replace(
        '<lheo xmlns="http://lheo.gouv.fr/2.3">', '<l:lheo xmlns:l="http://lheo.gouv.fr/2.3" '
        'xmlns="http://lheo.gouv.fr/2.3">').replace("</lheo>", "</l:lheo>"))
    rc, out, err = run("validate", other, prefixed)
    check("validate: LHEO told by its namespace", rc == 1 and
          f"{other}: unknown kind: 1 error" in out and f"{prefixed}: lheo: 0 errors" in out,
          (rc, out, err))


# import-csv on an input that never ends (a device, a pipe from a program that never stops
# sending): the field limit acts while reading, and the command ends with the finding
with tempfile.TemporaryDirectory() as tmp:
    out_xml = os.path.join(tmp, "out.xml")
    endless_inputs = [("/dev/zero", None),
                      ("/dev/stdin", [sys.executable, "-c",
                                      "import sys\nb = b'a' * 65536\n"
                                      "while True: sys.stdout.buffer.write(b)"])]
    for source, generator in endless_inputs:
        gen = subprocess.Popen(generator, stdout=subprocess.PIPE) if generator else None
        try:
            p = subprocess.run([PROG, "import-csv", CONV49, source, "-o", out_xml],
                               stdin=gen.stdout if gen else subprocess.DEVNULL,
                               capture_output=True, timeout=60)
            err = p.stderr.decode("utf-8", "replace")
            check(f"import-csv endless {source}", p.returncode == 1
                  and "[csv-field-too-long]" in err and "the rest of the input is not read" in err
                  and not os.path.exists(out_xml), (p.returncode, err[:300]))
        except subprocess.TimeoutExpired:
            check(f"import-csv endless {source}", False, "still reading after 60 s")
        finally:
            if gen:
                gen.stdout.close()
                gen.kill()
                gen.wait()

# The language of the findings: --lang anywhere before "--", else LC_ALL, LC_MESSAGES, LANG
LHEO_FEED = os.path.join(ROOT, "examples", "data", "lheo", "offres.xml")


def run_env(env, *args):
    full = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    full.update(env)
    p = subprocess.run([PROG, *args], capture_output=True, env=full)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


FRENCH = "l\u2019offre correspond \u00e0 la th\u00e9matique nationale theme-insertion"
ENGLISH = "the offer matches the national theme theme-insertion"
for name, env, args, want in [
        ("--lang fr before the command", {}, ["--lang", "fr", "validate", LHEO_FEED], FRENCH),
        ("--lang=fr after the command", {}, ["validate", "--lang=fr", LHEO_FEED], FRENCH),
        ("LANG fr", {"LANG": "fr_FR.UTF-8"}, ["validate", LHEO_FEED], FRENCH),
        ("LC_MESSAGES fr over LANG en", {"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"},
         ["validate", LHEO_FEED], FRENCH),
        ("LC_ALL en over LC_MESSAGES fr", {"LC_ALL": "C", "LC_MESSAGES": "fr_FR.UTF-8"},
         ["validate", LHEO_FEED], ENGLISH),
        ("--lang en over LANG fr", {"LANG": "fr_FR.UTF-8"}, ["validate", "--lang", "en", LHEO_FEED],
         ENGLISH),
        ("another language: English", {"LANG": "de_DE.UTF-8"}, ["validate", LHEO_FEED], ENGLISH),
        ("no locale: English", {}, ["validate", LHEO_FEED], ENGLISH)]:
    rc, out, err = run_env(env, *args)
    check(f"language: {name}", rc == 0 and want in out and "[lheo-theme-match]" in out,
          (rc, out[:400], err[:200]))
# the French messages keep French typography: « » and no-break spaces before ":"
rc, out, err = run_env({}, "--lang", "fr", "validate", LHEO_FEED)
check("language: French typography", "\u00ab\u00a0L\u2019insertion socio-professionnelle"
      "\u00a0\u00bb" in out and "\u00a0: correspondance non appliqu\u00e9e" in out, out[:600])
# a file's findings, written as CSV or XML, do not change with the language: import-lheo writes
# the same catalogue
with tempfile.TemporaryDirectory() as tmp:
    outs = []
    for lang in ("fr", "en"):
        cat = os.path.join(tmp, f"cat-{lang}.xml")
        rc, out, err = run_env({}, "--lang", lang, "import-lheo", LHEO_FEED, "-o", cat, "--quiet")
        outs.append(read_text(cat) if rc == 0 else None)
    check("language: files the same", outs[0] is not None and outs[0] == outs[1])
# the program's own words around the findings: severities and the line of each file
rc, out, err = run_env({}, "--lang", "fr", "validate", LHEO_FEED, CONV49)
check("language: French summary and severities",
      rc == 0 and "offres.xml\u00a0: LHEO\u00a0: 0 erreur, 3 avertissements\u202f; non v\u00e9rifi\u00e9 "
      "avec le sch\u00e9ma officiel (--lheo-schema)\n" in out
      and "convention-49.xml\u00a0: conventions\u00a0: 0 erreur, 0 avertissement\n" in out
      and ": avertissement: [lheo-no-theme]" in out and ": information: [lheo-theme-match]" in out
      and "warning" not in out, out[-600:])
rc, out, err = run_env({}, "validate", LHEO_FEED)
check("language: English summary", rc == 0 and out.endswith(
      "offres.xml: lheo: 0 errors, 3 warnings; not checked against the official schema "
      "(--lheo-schema)\n") and ": warning: [lheo-no-theme]" in out, out[-300:])
usage_error(["--lang", "de", "validate", LHEO_FEED], "snplp: --lang de: the languages are fr and en")
usage_error(["validate", "--lang"], "snplp validate: --lang needs a value: fr or en")
# after "--", --lang is a file name
rc, out, err = run("validate", "--", "--lang")
check("language: --lang after --", rc == 1 and "--lang" in out + err, (rc, out[:200], err[:200]))


# ---- issue 19: report, coverage and eligibility in French ----
# Every word of the tables and lines the program writes comes from the catalogue (the table cli,
# libsnplp/util/messages/cli/): in French, numbers with a decimal comma and thousands apart
# (a narrow no-break space), dates in words, French typography; the ids and the data stay as
# they are, and so do the library's own English texts that the program quotes (the reasons of
# eligibility). English is tested above, unchanged.
NBSP, NNBSP = "\u00a0", "\u202f"


def english_left(out, words):
    """The words (or phrases) of words that out holds as words of their own: not inside an id,
    a finding's [code] or a file name (letters, digits, '-', '/', '.' or '_' around them)."""
    return [w for w in words if re.search(r"(?<![\w/.\[-])" + re.escape(w) + r"(?![\w/.\]-])",
                                          out)]


def fr_matrix_rows(out):
    """As matrix_rows(), for a French report: its headings, and cells separated by two spaces or
    more (a French status holds a space: "non atteint")."""
    return matrix_rows(out, "indicateur ", "Cellules par statut", r" {2,}")


REPORT_ENGLISH = ["Follow-up matrix", "Synthesis", "Cells by status", "cells", "Execution reports",
                  "Credits at", "Coherence at", "At", "partly reached", "reached", "partly-reached",
                  "not-reached", "no-target", "actual-missing", "not-yet-due", "not-aggregated",
                  "withheld", "released", "blocking", "note", "on-time", "late", "missing",
                  "indicator", "unit", "year", "target", "actual", "rate", "status", "covered",
                  "lacking", "due", "sent", "state", "count", "percent", "days", "weight",
                  "lower is better", "departement", "to", "the report on", "was sent on",
                  "action-not-done", "report-late", "action-dropped", "error", "errors",
                  "warning", "warnings", "no finding", "more", "and"]

rc, out, err = run_env({}, "--lang", "fr", "report", "--at", "2021-06-30", CONV49)
check("fr report: exit 0, no finding", rc == 0 and err == "", (rc, err))
check("fr report: heading", out.startswith(
    f"Convention calpae-49-2019{NBSP}: département 49 Maine-et-Loire, de 2019 à 2021 ({CONV49})\n"
    f"Au 30 juin 2021{NNBSP}; une valeur cible est partiellement atteinte à partir de 80{NNBSP}% "
    "de sa valeur\n\nMatrice de suivi\n"), out[:400])
rows, columns = fr_matrix_rows(out)
check("fr report: aligned", len(columns) == 1 and len(rows) == 21, (columns, len(rows)))
for key, fields in {("jeunes-ase-accompagnes", 2019): ["120", "131", f"109,2{NNBSP}%", "atteint"],
                    ("jeunes-ase-accompagnes", 2021): ["180", "-", "-", "pas encore dû"],
                    ("nouveaux-rsa", 2019): [f"2{NNBSP}300", f"2{NNBSP}400", f"95,7{NNBSP}%",
                                             "partiellement atteint"],
                    ("orientation-rsa-1-mois", 2019): ["60", "48,5", f"80,8{NNBSP}%",
                                                       "partiellement atteint"],
                    ("delai-premier-accueil", 2020): ["8", "-", "-", "réalisé manquant"],
                    ("referents-parcours", 2020): ["600", "420", f"70,0{NNBSP}%",
                                                   "non atteint"]}.items():
    check(f"fr report: cell {key}", rows.get(key) == fields, rows.get(key))
check("fr report: headings of the matrix", re.search(
    r"^indicateur +unité +année +cible +réalisé +taux +statut$", out, re.M) and
    re.search(r"^delai-premier-accueil +jours \u2193 +2019 ", out, re.M) and
    f"unité \u2193{NBSP}: plus la valeur est basse" in out, out[:600])
counts = section(out, "Cellules par statut", "Rapports d’exécution")
check("fr report: counts", any(re.match(r"^  partiellement atteint +7$", l) for l in counts)
      and any(re.match(r"^  cellules +21$", l) for l in counts), counts)
reports = section(out, "Rapports d’exécution au 30 juin 2021", "Crédits au")
check("fr report: reports", reports[:2] == [
    "Rapports d’exécution au 30 juin 2021 (chacun dû le 31 mars de l’année suivante)",
    "  année  échéance      transmis le    état"] and
    "  2020   31 mars 2021  12 avril 2021  en retard" in reports and
    "  2019   31 mars 2020  27 mars 2020   à temps" in reports and
    "  2021   31 mars 2022  -              pas encore dû" in reports, reports)
credits = "\n".join(section(out, "Crédits au 30 juin 2021", "Cohérence au"))
check("fr report: credits", re.search(r"^  2020  suspendus\n +\[bloquant\] action non réalisée"
                                      f"{NBSP}: l’action action-mobilite «{NBSP}", credits, re.M)
      and f"son statut est «{NBSP}en cours{NBSP}»" in credits
      and f"[remarque] rapport en retard{NBSP}: le rapport d’exécution de 2020 a été transmis le "
      "12 avril 2021, 12 jours après la date limite du 31 mars 2021" in credits
      and f"[remarque] action abandonnée{NBSP}: l’action action-mobilite" in credits, credits)
check("fr report: coherence", f"\nCohérence au 30 juin 2021{NBSP}: 1 erreur, 0 avertissement\n"
      "  erreur: [actual-missing] l’indicateur «" in out, out[-600:])
check("fr report: no English word", english_left(out, REPORT_ENGLISH) == [],
      english_left(out, REPORT_ENGLISH))
# the report's states at other dates; the environment chooses French as well
rc, out, err = run_env({"LANG": "fr_FR.UTF-8"}, "report", "--at", "2021-04-01", CONV49)
check("fr report (LANG): missing, overdue", rc == 0 and
      re.search(r"^  2020 +31 mars 2021 +- +manquant$", out, re.M) and
      f"[bloquant] rapport manquant{NBSP}: le rapport d’exécution de 2020 n’a pas été transmis au "
      f"1 avril 2021{NNBSP}; il est en retard{NBSP}: il était dû le 31 mars 2021, 1 jour plus tôt"
      in out, out[-1500:])
rc, out, err = run_env({}, "--lang", "fr", "report", "--at", "2020-01-15", "--threshold", "82.50",
                       CONV49)
check("fr report: threshold and no finding", rc == 0 and
      f"à partir de 82,50{NNBSP}% de sa valeur" in out and
      f"Cohérence au 15 janvier 2020{NBSP}: aucun constat" in out and
      "dans 76 jours" in out, out[:300] + out[-800:])

# the synthesis: coverage, lacking values, exact decimals (60,00), thousands
rc, out, err = run_env({}, "--lang", "fr", "report", "--at", "2021-06-30", CONV49, CONV52)
check("fr synthesis: exit 0", rc == 0 and err == "" and out.startswith(
    "Synthèse de 4 conventions\n  Convention calpae-49-2019" + NBSP + ": département 49"),
      (rc, err, out[:300]))
rows, columns = fr_matrix_rows(out)
check("fr synthesis: aligned", len(columns) == 1 and len(rows) == 21, columns)
check("fr synthesis: headings", "Matrice de synthèse de 4 conventions\n" in out and re.search(
    r"^indicateur +unité +année +cible +réalisé +taux +statut +couverture +manquants$", out,
    re.M), out[:1200])
check("fr synthesis: cells", rows.get(("orientation-rsa-1-mois", 2019), [])[:4] ==
      ["60,00", "53,236", f"88,7{NNBSP}%", "partiellement atteint"] and
      rows.get(("nouveaux-rsa", 2019), [])[:2] == [f"11{NNBSP}100", f"11{NNBSP}340"] and
      rows.get(("orientation-rsa-1-mois", 2020), [])[-1] ==
      "calpae-44-2019 (réalisé), calpae-53-2019 (réalisé+pondération)" and
      rows.get(("delai-premier-accueil", 2019), [])[-2:] == ["non agrégé", "3/3"],
      {k: v for k, v in rows.items() if k[0] in ("orientation-rsa-1-mois", "nouveaux-rsa")})
check("fr synthesis: sections", all(f"== Convention {c}{NBSP}:" in out for c in
                                    ["calpae-49-2019", "calpae-44-2019", "calpae-53-2019",
                                     "calpae-85-2019"]), out[-300:])
check("fr synthesis: no English word", english_left(out, REPORT_ENGLISH) == [],
      english_left(out, REPORT_ENGLISH))
# English is the default, --lang en the same
rc, en_out, _ = run("report", "--at", "2021-06-30", CONV49, CONV52)
rc2, en_lang, _ = run_env({"LANG": "fr_FR.UTF-8"}, "--lang", "en", "report", "--at", "2021-06-30",
                          CONV49, CONV52)
check("report --lang en: the English report", rc == 0 and en_lang == en_out
      and "Synthesis matrix of 4 conventions" in en_out, en_lang[:200])

# coverage
COVERAGE_ENGLISH = ["Coverage of", "read with", "built-in", "From", "by", "as a whole",
                    "Workforce", "worker", "workers", "trained", "training days", "attendance",
                    "theme", "profession and", "territory", "workforce", "rate", "days",
                    "days unknown", "row", "rows", "left out", "shows them", "No training",
                    "none", "more", "and"]
rc, out, err = run_env({}, "--lang", "fr", "coverage", "--builtin", SMALL, "--at",
                       "2021-12-31")
check("fr coverage: heading", rc == 0 and err == "" and out.startswith(
    f"Couverture de {SMALL}, lu avec le référentiel intégré\n"
    "Du 1 janvier 2021 au 31 décembre 2021, par thématique et profession\n"
    f"Effectif concerné{NBSP}: 5 agents{NNBSP}; formés{NBSP}: 4 (80,00{NNBSP}%){NNBSP}; jours de "
    "formation" + NBSP + ": 11 (et 1 participation dont les jours sont inconnus, non comptée)\n"),
      (rc, err, out[:500]))
lines = out.splitlines()
head = next((i for i, l in enumerate(lines) if l.startswith("thématique ")), None)
table = lines[head:head + 6] if head is not None else []
check("fr coverage: columns and rows", head is not None and re.split(r" {2,}", table[0]) == [
    "thématique", "profession", "effectif", "formés", "taux", "jours", "jours inconnus"] and
    re.split(r" {2,}", table[3].strip()) == ["theme-insertion", "profession-ass", "2", "1",
                                             f"50,00{NNBSP}%", "4", "0"], table)
check("fr coverage: aligned", len(table) == 6 and len({width(l) for l in table}) == 1, table)
check("fr coverage: rows left out, untrained",
      f"\n(44 lignes où personne n’a été formé sont omises{NBSP}: --all les montre)\n" in out and
      out.endswith(f"\nAucune formation au 31 décembre 2021{NBSP}: 1 agent{NBSP}: w2\n"),
      out[-300:])
check("fr coverage: no English word", english_left(out, COVERAGE_ENGLISH) == [],
      english_left(out, COVERAGE_ENGLISH))
rc, out, err = run_env({}, "--lang", "fr", "coverage", "--builtin", SMALL, EXAMPLE_RECORDS,
                       "--at", "2021-12-31", "--by", "none")
check("fr coverage: decimals, as a whole", rc == 0 and
      "Du 1 janvier 2021 au 31 décembre 2021, dans l’ensemble\n" in out and
      f"Effectif concerné{NBSP}: 282 agents{NNBSP}; formés{NBSP}: 162 (57,45{NNBSP}%){NNBSP}; "
      f"jours de formation{NBSP}: 275,5\n" in out and
      re.search(r"^effectif +formés +taux +jours$", out, re.M) and
      " et 3 autres\n" in out and english_left(out, COVERAGE_ENGLISH) == [],
      (out, english_left(out, COVERAGE_ENGLISH)))
rc, out, err = run_env({}, "--lang", "fr", "coverage", "--builtin", SMALL, "--from", "2020-01-01",
                       "--to", "2020-12-31", "--by", "plan,theme,territory,profession")
check("fr coverage: every axis", rc == 0 and
      "Du 1 janvier 2020 au 31 décembre 2020, par thématique, plan, profession et territoire\n"
      in out and re.search(r"^thématique +plan +profession +territoire +effectif", out, re.M) and
      out.endswith(f"Aucune formation au 31 décembre 2020{NBSP}: 4 agents{NBSP}: w2, w3, w4, w5\n"),
      out)
rc, out, err = run_env({}, "--lang", "fr", "coverage", "--builtin", SMALL, "--at", "2010-06-30")
check("fr coverage: no workforce", rc == 0 and
      f"(aucune ligne{NBSP}: aucun agent dans l’effectif pendant la période)" in out and
      f"Effectif concerné{NBSP}: 0 agent{NNBSP}; formés{NBSP}: 0{NNBSP}; jours" in out, out)

# eligibility: the program's words in French; the reasons are the library's English sentences
ELIGIBILITY_ENGLISH = ["Worker", "read with", "built-in", "diploma level", "unknown", "employer",
                       "territory", "module to take", "modules to take", "in the plan",
                       "priority", "open", "not-yet", "profession-targeted",
                       "profession-not-targeted", "diploma-unknown", "diploma-below",
                       "diploma-met", "prerequisite-missing", "prerequisite-trained",
                       "already-trained", "No module left"]


def program_words(out):
    """The text of eligibility's output that the program writes: every line but the reasons'
    sentences (the label before them is the program's)."""
    kept = []
    for line in out.splitlines():
        if line.startswith("   - "):
            kept.append(line.split(NBSP + ":", 1)[0])
        elif not line.startswith("     "):
            kept.append(line)
    return "\n".join(kept)


rc, out, err = run_env({}, "--lang", "fr", "eligibility", "--builtin", SMALL, "w2", "--at",
                       "2021-12-31")
check("fr eligibility: heading", rc == 0 and err == "" and out.startswith(
    f"Agent w2 au 31 décembre 2021 ({SMALL}, lu avec le référentiel intégré)\n"
    "Profession profession-ass (assistants de service social), niveau de diplôme inconnu, "
    f"employeur e80, territoire 80\n\n2 modules à suivre ensuite, dans l’ordre du plan{NBSP}:\n\n"
    f"1. module-insertion-fundamentals{NBSP}: ouvert\n"), (rc, err, out[:400]))
check("fr eligibility: answers and reasons", f"\n2. module-insertion-expert{NBSP}: pas encore\n"
      in out and f"\n   - profession ciblée{NBSP}: " in out and
      f"\n   - diplôme inconnu{NBSP}: " in out and f"\n   - prérequis manquant{NBSP}: " in out,
      out)
check("fr eligibility: wrapped", all(width(l) <= 80 or " " not in l.strip()
                                     for l in out.splitlines()[3:]), out)
check("fr eligibility: no English word of the program",
      english_left(program_words(out), ELIGIBILITY_ENGLISH) == [],
      english_left(program_words(out), ELIGIBILITY_ENGLISH))
rc, out, _ = run_env({}, "--lang", "fr", "eligibility", "--builtin", SMALL, "w1", "--at",
                     "2021-12-31", "--module", "module-insertion-expert")
check("fr eligibility --module", rc == 0 and
      f"\nmodule-insertion-expert{NBSP}: prioritaire\n" in out and
      f"\n   - déjà formé{NBSP}: " in out and f"\n   - diplôme suffisant{NBSP}: " in out and
      english_left(program_words(out), ELIGIBILITY_ENGLISH) == [], out)
rc, out, _ = run_env({}, "--lang", "fr", "eligibility", "--builtin", SMALL, "w1", "--at",
                     "2021-12-31")
check("fr eligibility: nothing left", rc == 0 and out.endswith(
    f"\nAucun module à suivre{NBSP}: l’agent est formé à tous les modules du référentiel.\n"), out)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("all CLI checks passed")
