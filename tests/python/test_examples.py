"""The scripts of examples/python run (issue 7): each is run as a user would, from the root of
the repository with the interpreter of the tests and its PYTHONPATH, and must exit with the
expected status and print what it promises.

Every script of examples/python must have at least one case in :data:`CASES`: a new example
fails test_every_example_has_a_case until one is written.
"""

import glob
import json
import os
import re
import subprocess
import sys

import pytest

import snplp

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples", "python")


def check_walk(out, err):
    lines = out.splitlines()
    assert re.fullmatch(r"Stratégie nationale de prévention et de lutte contre la pauvreté "
                        r"\(\d+ items\)", lines[0])
    assert any(line.startswith("  commitment: ") for line in lines)
    assert any(line.startswith("  theme: ") for line in lines)
    assert any("module [" in line for line in lines)
    assert "professions" in lines
    assert any(line.startswith("plan: ") for line in lines)


def check_walk_file(out, err):
    assert re.match(r".* \(\d+ items\)\n", out)
    assert "theme: " in out


def check_validate_ok(out, err):
    assert re.search(r"catalogue\.xml: ok, \d+ items", err)
    assert re.search(r"complete\.xml: ok, \d+ items", err)


def check_validate_errors(out, err):
    # FILE:LINE:COLUMN: severity: [code] message, as `snplp validate` prints it
    assert re.search(r"^examples/data/convention-49\.xml:\d+:\d+: error: \[wrong-root\] ",
                     out, re.M)


def check_validate_usage(out, err):
    assert "usage: validate_file.py" in err


def check_matrix(out, err):
    cells = json.loads(out)
    assert cells, "no cell"
    keys = {"convention", "indicator", "label", "unit", "polarity", "year", "status", "target",
            "actual", "rate", "covered", "expected", "missing"}
    assert all(keys <= set(c) for c in cells)
    assert {c["convention"] for c in cells} == {"calpae-49-2019"}
    first = next(c for c in cells if c["indicator"] == "jeunes-ase-accompagnes"
                 and c["year"] == 2019)
    # exact decimals written as strings, as the library keeps them
    assert (first["target"], first["actual"], first["status"]) == ("120", "131", "reached")
    assert abs(first["rate"] - 131 / 120) < 1e-12


def check_matrix_threshold(out, err):
    cells = json.loads(out)
    statuses = {c["status"] for c in cells}
    assert statuses <= {"reached", "partly-reached", "not-reached", "no-target",
                        "actual-missing", "not-aggregated"}


def check_synthesis(out, err):
    assert re.match(r"Synthesis of 4 conventions, years \d{4} to \d{4}; a target is partly "
                    r"reached from 80% of it\n", out)
    for conv in ("calpae-49-2019", "calpae-44-2019", "calpae-53-2019", "calpae-85-2019"):
        assert f"  {conv}: departement " in out
    assert re.search(r"^jeunes-ase-accompagnes +count +2019 ", out, re.M)
    assert "Cells by status" in out
    assert re.search(r"\d/4", out)  # coverage of each figure


def check_synthesis_one_file(out, err):
    assert out.startswith("Synthesis of 1 conventions")


def check_records(out, err):
    assert out.startswith("records.xml: 300 workers, 47 sessions, ")
    assert ", 0 errors, " in out.splitlines()[0]
    assert "Coverage from 2019-01-01 to 2021-12-31, by theme" in out
    # counted over the XML without the library: 300 workers in the workforce in 2019-2021, 55
    # of them trained in an insertion module (fundamentals or expert)
    assert re.search(r"^theme-insertion +300 +55 +18\.33 ", out, re.M)
    assert re.search(r"^theme-digital +300 +0 +0\.00 ", out, re.M)
    assert re.search(r"^Next modules of w49-\d+ at 2021-12-31:\n  module-insertion-", out, re.M)


def check_records_worker(out, err):
    assert "Next modules of w49-0004 at 2020-01-01:" in out
    assert "  module-insertion-expert: not-yet" in out
    assert "    prerequisite-missing: " in out


def check_records_unknown_worker(out, err):
    assert "nobody: " in err


#: (script, arguments, expected exit status, check of (stdout, stderr)).
CASES = [
    ("walk_referential.py", [], 0, check_walk),
    ("walk_referential.py", ["examples/data/complete.xml"], 0, check_walk_file),
    ("validate_file.py", ["examples/data/catalogue.xml", "examples/data/complete.xml"], 0,
     check_validate_ok),
    ("validate_file.py", ["--strict", "examples/data/catalogue.xml",
                          "examples/data/complete.xml"], 0, check_validate_ok),
    ("validate_file.py", ["--progress", "examples/data/convention-49.xml"], 1,
     check_validate_errors),
    ("validate_file.py", [], 2, check_validate_usage),
    ("convention_matrix.py", [], 0, check_matrix),
    ("convention_matrix.py", ["examples/data/conventions-52.xml", "--threshold", "90"], 0,
     check_matrix_threshold),
    ("synthesis.py", [], 0, check_synthesis),
    ("synthesis.py", ["examples/data/convention-49.xml"], 0, check_synthesis_one_file),
    ("records.py", [], 0, check_records),
    ("records.py", ["--worker", "w49-0004", "--at", "2020-01-01"], 0, check_records_worker),
    ("records.py", ["--worker", "nobody"], 1, check_records_unknown_worker),
]


def run(script, args):
    env = dict(os.environ)
    # the tests' PYTHONPATH is passed on, led by the directory of the package they import
    package = os.path.dirname(os.path.dirname(os.path.abspath(snplp.__file__)))
    env["PYTHONPATH"] = os.pathsep.join([package] + [p for p in env.get("PYTHONPATH", "")
                                                     .split(os.pathsep) if p])
    return subprocess.run([sys.executable, os.path.join("examples", "python", script), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_every_example_has_a_case():
    scripts = {os.path.basename(p) for p in glob.glob(os.path.join(EXAMPLES, "*.py"))}
    assert scripts, "no example found"
    assert sorted(scripts - {case[0] for case in CASES}) == []
    assert sorted({case[0] for case in CASES} - scripts) == []


@pytest.mark.parametrize("script,args,status,check", CASES,
                         ids=[f"{c[0]}{' ' + ' '.join(c[1]) if c[1] else ''}" for c in CASES])
def test_example(script, args, status, check):
    done = run(script, args)
    assert done.returncode == status, (
        f"{script} {' '.join(args)} exited with {done.returncode}, not {status}\n"
        f"stdout:\n{done.stdout[-2000:]}\nstderr:\n{done.stderr[-2000:]}")
    assert "Traceback" not in done.stderr, done.stderr
    check(done.stdout, done.stderr)
