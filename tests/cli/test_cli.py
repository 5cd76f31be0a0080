#!/usr/bin/env python3
"""Tests of the snplp command-line program (tools/snplp.c), run by CTest:
    test_cli.py SNPLP_PROGRAM SCHEMA_FILE
Each check runs the program and asserts its exit status and output."""
import os
import re
import subprocess
import sys
import tempfile

PROG, SCHEMA = sys.argv[1], sys.argv[2]
failures = []


def run(*args, stdin=None):
    p = subprocess.run([PROG, *args], input=stdin, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def check(name, cond, detail=""):
    if not cond:
        failures.append(f"{name}: {detail}")


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
    check("--help", rc == 0 and "snplp validate" in out and "export-builtin" in out, out)
    rc, out, _ = run("--version")
    check("--version", rc == 0 and re.match(r"^snplp \d+\.\d+\.\d+ \(XML namespace urn:snplp:1\.0\)$",
                                            out.strip()), out)
    for args in [(), ("frobnicate",), ("validate",), ("validate", "--bogus", valid),
                 ("export-builtin", "extra"), ("export-builtin", "-o")]:
        rc, out, err = run(*args)
        check(f"usage {args}", rc == 2 and "usage:" in err and out == "", (rc, out, err))

    # validate: a valid file prints nothing and exits 0
    rc, out, err = run("validate", valid)
    check("validate valid", rc == 0 and out == "" and err == "", (rc, out, err))
    rc, out, err = run("validate", "--strict", valid)
    check("validate --strict valid", rc == 0 and out == "", (rc, out, err))

    # every problem, each on its own line, in the documented form
    rc, out, err = run("validate", invalid)
    lines = out.splitlines()
    check("validate invalid status", rc == 1, rc)
    check("validate invalid form", lines and all(LINE.match(l) for l in lines), out)
    got = [(int(LINE.match(l)["line"]), LINE.match(l)["code"]) for l in lines if LINE.match(l)]
    for want in [(3, "unknown-attribute"), (4, "missing-attribute"), (5, "bad-value")]:
        check(f"validate invalid {want}", want in got, got)
    check("validate invalid file name", all(l.startswith(invalid + ":") for l in lines), out)

    # strict adds the XSD validator's findings, same verdict
    rc, out, _ = run("validate", "--strict", invalid)
    check("validate --strict invalid", rc == 1 and "[schema]" in out, out)

    # model rules, warnings, several files, a missing file
    rc, out, _ = run("validate", model)
    check("validate model", rc == 1 and "[missing-parent]" in out and ":3:" in out, out)
    rc, out, _ = run("validate", nfc)
    check("validate warning only", rc == 0 and ": warning: [text-normalized]" in out, out)
    rc, out, _ = run("validate", valid, invalid, valid)
    check("validate several", rc == 1 and out.count(invalid + ":") >= 3 and valid not in out, out)
    missing = os.path.join(tmp, "missing.xml")
    rc, out, _ = run("validate", missing)
    check("validate missing file", rc == 1 and out.startswith(missing + ": error: [io]"), out)

    # export-builtin: to stdout, to a file (same bytes), valid against the schema
    rc, out, err = run("export-builtin")
    check("export-builtin stdout", rc == 0 and out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
          and "theme-insertion" in out and err == "", (rc, err))
    target = os.path.join(tmp, "builtin.xml")
    write("builtin.xml", "old content")
    rc, _, err = run("export-builtin", "-o", target)
    with open(target, encoding="utf-8") as f:
        check("export-builtin -o", rc == 0 and f.read() == out, err)
    check("export-builtin leaves no temporary file", sorted(os.listdir(tmp)) ==
          sorted(["valid.xml", "invalid.xml", "model.xml", "nfc.xml", "builtin.xml"]), os.listdir(tmp))
    rc, vout, _ = run("validate", "--strict", target)
    check("export-builtin validates", rc == 0 and vout == "", vout)
    xl = subprocess.run(["xmllint", "--noout", "--schema", SCHEMA, target], capture_output=True)
    check("export-builtin xmllint", xl.returncode == 0, xl.stderr)
    rc, _, err = run("export-builtin", "-o", os.path.join(tmp, "no", "such", "dir.xml"))
    check("export-builtin bad dir", rc == 1 and "snplp export-builtin:" in err, err)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("all CLI checks passed")
