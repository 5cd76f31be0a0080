"""The type stub bindings/python/snplp/__init__.pyi (PEP 561, with py.typed) is up to date:
every public name and member of the package is in it, it names nothing the package lacks, and
it is what tools/gen_pyi.py generates from the package today.

When mypy is installed (it need not be: the tests then read the stub with ``ast`` only), the
stub also passes ``mypy --strict`` and ``mypy.stubtest`` against the package, with the
exceptions of :data:`STUBTEST_ALLOWLIST`.
"""

import ast
import dataclasses
import enum
import importlib.util
import os
import shutil
import subprocess
import sys

import pytest

import snplp

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
PACKAGE = os.path.join(ROOT, "bindings", "python", "snplp")
STUB = os.path.join(PACKAGE, "__init__.pyi")
GENERATOR = os.path.join(ROOT, "tools", "gen_pyi.py")

#: What mypy.stubtest reports and the stub says on purpose: entry -> why.
STUBTEST_ALLOWLIST = {
    "snplp.Item.id": "set on each item class by Item.__init_subclass__, typed on the base",
    "snplp.Item.referential": "set on each item class by Item.__init_subclass__",
    "snplp.Item.kind": "None on the base at run time, a Kind on every item class",
}


def _is_package(module):
    return module == "snplp" or (module or "").startswith("snplp.")


@pytest.fixture(scope="module")
def stub():
    with open(STUB, encoding="utf-8") as f:
        return ast.parse(f.read(), STUB)


def stub_classes(tree):
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}


def defined_names(nodes, definitions):
    """The names the statements define: definitions of the given kinds, and assignments."""
    names = set()
    for node in nodes:
        if isinstance(node, definitions):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def top_level_names(tree):
    return defined_names(tree.body, (ast.ClassDef, ast.FunctionDef))


def body_names(node):
    return defined_names(node.body, ast.FunctionDef)


def stub_members(classes, name):
    """The names a class of the stub defines, with those of its bases in the stub."""
    node = classes[name]
    names = body_names(node)
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in classes:
            names |= stub_members(classes, base.id)
    return names


def runtime_members(cls):
    """The public names of cls the stub must have: the package's methods and properties
    (inherited ones too), dataclass and named-tuple fields, enumeration members."""
    names = set()
    for name in set(dir(cls)).union(*(vars(k) for k in cls.__mro__)):
        if name.startswith("_"):
            continue
        owner = next((k for k in cls.__mro__ if name in vars(k)), None)
        if owner is not None and _is_package(owner.__module__):
            attr = vars(owner)[name]
            if isinstance(attr, (property, classmethod, staticmethod)) or callable(attr):
                names.add(name)
    if dataclasses.is_dataclass(cls):
        names |= {f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")}
    if issubclass(cls, tuple) and hasattr(cls, "_fields"):
        names |= set(cls._fields)
    if issubclass(cls, enum.Enum):
        names |= set(cls.__members__)
        names = {n for n in names if n in cls.__members__ or not isinstance(
            getattr(cls, n, None), cls)}
    return names


def public_classes():
    return {n: getattr(snplp, n) for n in snplp.__all__ if isinstance(getattr(snplp, n), type)}


def test_py_typed_marks_the_package():
    assert os.path.isfile(os.path.join(PACKAGE, "py.typed"))


def test_stub_all_is_the_package_all(stub):
    declared = None
    for node in stub.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__"
                                                for t in node.targets):
            declared = ast.literal_eval(node.value)
    assert declared is not None, "the stub has no __all__"
    assert sorted(declared) == sorted(snplp.__all__)


def test_every_public_name_is_in_the_stub(stub):
    missing = sorted(set(snplp.__all__) - top_level_names(stub))
    assert not missing, f"not in {STUB}: {missing} (run tools/gen_pyi.py)"


@pytest.mark.parametrize("name", sorted(public_classes()))
def test_every_public_member_is_in_the_stub(stub, name):
    classes = stub_classes(stub)
    missing = sorted(runtime_members(public_classes()[name]) - stub_members(classes, name))
    assert not missing, f"{name}: not in the stub: {missing} (run tools/gen_pyi.py)"


@pytest.mark.parametrize("name", sorted(public_classes()))
def test_the_stub_names_nothing_the_package_lacks(stub, name):
    cls = public_classes()[name]
    stale = sorted(n for n in body_names(stub_classes(stub)[name])
                   if not hasattr(cls, n) and n not in getattr(cls, "__annotations__", {})
                   and f"snplp.{name}.{n}" not in STUBTEST_ALLOWLIST
                   and not (dataclasses.is_dataclass(cls)
                            and n in {f.name for f in dataclasses.fields(cls)})
                   and n not in _instance_attributes(cls))
    assert not stale, f"{name}: in the stub but not in the package: {stale}"


def _instance_attributes(cls):
    """Attributes set on instances (listed in __slots__, or set by __init__)."""
    names = set()
    for klass in cls.__mro__:
        names.update(getattr(klass, "__slots__", ()))
    try:
        names.update(vars(cls.__new__(cls)) if not issubclass(cls, (tuple, enum.Enum))
                     else ())
    except Exception:
        pass
    if issubclass(cls, BaseException):
        names.update(vars(cls("message")))
    return names


def test_the_stub_is_what_the_generator_writes():
    done = subprocess.run([sys.executable, GENERATOR, "--check"], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, (
        f"{STUB} is not what tools/gen_pyi.py generates from the package: run "
        f"PYTHONPATH=<build>/bindings/python {sys.executable} tools/gen_pyi.py\n{done.stderr}")


# ---------------------------------------------------------------------------------------------
# With mypy, when it is installed
# ---------------------------------------------------------------------------------------------

needs_mypy = pytest.mark.skipif(importlib.util.find_spec("mypy") is None,
                                reason="mypy is not installed (Debian: python3-mypy)")

#: A program using the package as docs/python.md shows; mypy --strict must accept it.
PROGRAM = '''
import datetime
import decimal
from typing import List, Optional

import snplp

ref = snplp.Referential.builtin()
theme: snplp.Theme = ref.themes[0]
title: str = theme.title
modules: List[snplp.Module] = list(theme.modules)
module = ref.modules["module-insertion-fundamentals"]
level: snplp.Level = module.level
duration: Optional[float] = module.duration_days
labels: List[str] = list(ref.strategy.labels)
item: Optional[snplp.Item] = ref.find("theme-x")
hits: List[snplp.SearchHit] = ref.search("insertion")
data: bytes = ref.to_bytes()
conventions = snplp.ConventionList.from_file("examples/data/convention-49.xml")
conv: snplp.Convention = conventions["calpae-49-2019"]
indicator: snplp.Indicator = conv.indicators[0]
target: Optional[decimal.Decimal] = indicator.values[2020].target
matrix = conv.matrix()
cell: snplp.Cell = matrix["jeunes-ase-accompagnes", 2019]
row: snplp.MatrixRow = matrix[0]
rate: Optional[float] = cell.rate
label: str = cell.status.label
funding: snplp.YearFunding = conv.funding[2020]
sent: datetime.date = conv.reports[2019]
released: bool = conv.credits(2021, at=datetime.date(2021, 6, 30)).released
synthesis, findings = snplp.synthesis(conventions)
found: List[snplp.Diagnostic] = findings
try:
    snplp.Referential.from_bytes(b"<x/>")
except snplp.ParseError as err:
    lines: List[int] = [d.line for d in err.diagnostics]
due: datetime.date = snplp.report_due_date(2020)
catalogue, records = snplp.from_lheo("examples/data/lheo/offres.xml", accept_matches=True)
imported = snplp.from_lheo(b"<lheo/>", min_score=3, schema="tests/lheo/lheo-2.3.xsd")
placed: snplp.Referential = imported.catalogue
sessions: int = len(records.sessions) + len(imported.records.sessions)
lheo_findings: List[snplp.Diagnostic] = imported.diagnostics
objectives: Optional[str] = catalogue.modules[0].offer_objectives
unplaced: bool = catalogue.modules[0].theme_id == snplp.LHEO_NO_THEME
document: snplp.LheoDocument = catalogue.to_lheo(records)
'''


@pytest.fixture
def stub_only(tmp_path):
    """A directory holding the stub alone as the snplp package, for MYPYPATH (the package's
    .py files would be type-checked too otherwise)."""
    os.makedirs(tmp_path / "stubs" / "snplp")
    shutil.copy(STUB, tmp_path / "stubs" / "snplp" / "__init__.pyi")
    return tmp_path


@needs_mypy
def test_mypy_strict_accepts_the_stub_and_a_program(stub_only):
    (stub_only / "program.py").write_text(PROGRAM, encoding="utf-8")
    env = dict(os.environ, MYPYPATH=str(stub_only / "stubs"))
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir",
                           str(stub_only / "cache"), "program.py"], capture_output=True,
                          text=True, cwd=stub_only, env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


@needs_mypy
def test_mypy_stubtest_finds_the_stub_true_to_the_package(stub_only):
    allowlist = stub_only / "allowlist.txt"
    allowlist.write_text("".join(f"{entry}\n" for entry in STUBTEST_ALLOWLIST),
                         encoding="utf-8")
    env = dict(os.environ, MYPYPATH=str(stub_only / "stubs"))
    done = subprocess.run([sys.executable, "-m", "mypy.stubtest", "--concise", "--allowlist",
                           str(allowlist), "snplp"], capture_output=True, text=True,
                          cwd=stub_only, env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
