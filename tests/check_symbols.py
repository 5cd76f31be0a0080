#!/usr/bin/env python3
"""Checks the ABI surface of libsnplp.so:
- the SONAME is libsnplp.so.1 and every exported symbol carries one of the version nodes
  SNPLP_1.0, SNPLP_1.1... of libsnplp/libsnplp.map (tests/abi/check.sh checks what each holds);
- nothing but snplp_* functions leaves the library (no internal snplp__* either);
- every function declared SNPLP_API in the public headers is exported, and nothing else is;
- every exported function is called by at least one C test: its name occurs as an identifier
  in the code (comments and string literals do not count) of a file of --tests or of one of
  its subfolders (tests/unit/**/*.c and *.h). A call `snplp_x(...)` counts, and so does a
  name given without parentheses, as table-driven tests do: `{"title", snplp_x_title,
  snplp_x_set_title}` passes the functions through pointers that the shared test bodies
  call (tests/unit/support).
Exits 1 with the list of problems, 0 when all hold."""
import argparse
import pathlib
import re
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--library", required=True)
ap.add_argument("--headers", action="append", required=True)
ap.add_argument("--tests", required=True)
args = ap.parse_args()
problems = []

dynamic = subprocess.run(["readelf", "-d", "-W", args.library], capture_output=True, text=True,
                         check=True).stdout
soname = re.search(r"\(SONAME\)\s+Library soname: \[(.*?)\]", dynamic)
if not soname or soname.group(1) != "libsnplp.so.1":
    problems.append(f"SONAME is {soname.group(1) if soname else 'missing'}, not libsnplp.so.1")

syms = subprocess.run(["readelf", "--dyn-syms", "-W", args.library], capture_output=True,
                      text=True, check=True).stdout
exported = {}
for line in syms.splitlines():
    f = line.split()
    # Num: Value Size Type Bind Vis Ndx Name
    if len(f) < 8 or not f[0].rstrip(":").isdigit() or f[6] == "UND" or f[4] == "LOCAL":
        continue
    name, _, version = f[7].partition("@")
    if f[3] == "OBJECT" and re.fullmatch(r"SNPLP_1\.\d+", name):
        continue
    exported[name] = version.lstrip("@")
for name, version in sorted(exported.items()):
    if not name.startswith("snplp_") or name.startswith("snplp__"):
        problems.append(f"exported symbol without the public prefix: {name}")
    elif not re.fullmatch(r"SNPLP_1\.\d+", version):
        problems.append(f"{name} is in version node '{version}', not SNPLP_1.x")

declared = set()
for d in args.headers:
    for h in pathlib.Path(d).glob("*.h"):
        text = h.read_text(encoding="utf-8")
        for m in re.finditer(r"SNPLP_API\s+[^;(]*?\b(snplp_\w+)\s*\(", text, re.S):
            declared.add(m.group(1))
for name in sorted(declared - exported.keys()):
    problems.append(f"declared in a public header but not exported: {name}")
for name in sorted(exported.keys() - declared):
    if name.startswith("snplp_") and not name.startswith("snplp__"):
        problems.append(f"exported but declared in no public header: {name}")


def code_only(text):
    """text without its comments and string and character literals (each becomes a space)."""
    literal = r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
    comment = r"/\*.*?\*/|//[^\n]*"
    return re.sub(f"{comment}|{literal}", " ", text, flags=re.S)


sources = sorted(p for pattern in ("*.c", "*.h") for p in pathlib.Path(args.tests).rglob(pattern))
tests = "\n".join(code_only(p.read_text(encoding="utf-8")) for p in sources)
called = set(re.findall(r"\b(snplp_\w+)\b", tests))
for name in sorted(exported.keys() & declared):
    if name not in called:
        problems.append(f"exported but called by no test in {args.tests}: {name}")

if problems:
    print("\n".join(problems))
    print(f"{len(problems)} problem(s); {len(exported)} exported, {len(declared)} declared")
    sys.exit(1)
print(f"ok: {len(exported)} exported symbols, all snplp_*, declared, versioned and tested")
