"""The package covers the C API (issue 7): "A test compares the public C functions in
include/snplp/ with what the package exposes and fails on any function neither bound nor
listed as deliberately hidden with a one-line reason."

A public function is a ``SNPLP_API`` declaration of ``include/snplp/*.h``. It is *exposed* when
it is a callable of ``snplp._core`` and the Pythonic package uses it: its name is in the
``USED_C_FUNCTIONS`` set of a module of the package (``_referential`` records every name it
asks ``_core`` for, including those it builds from templates), or appears in the code of the
package (``_core.snplp_x``, ``_c.snplp_x``, or a string that is exactly the name, as in
``_cdoc("snplp_x")``; docstrings are not code). Otherwise it must be in :data:`HIDDEN`, with
the reason Python does not need it, or in :data:`KNOWN_GAPS`: a function the package should
expose and does not yet, each one a strict ``xfail`` test that turns into a failure once the
package uses it (then move it out of the list).
"""

import ast
import glob
import os

import pytest

import snplp
from snplp import _core

from api_headers import public_c_functions

HERE = os.path.dirname(os.path.abspath(__file__))

#: C functions the package deliberately does not use: name -> why (one line).
HIDDEN = {
    # deprecated in 1.3 (docs/architecture.md, argument order): the package uses their
    # replacements
    "snplp_convention_funding": "deprecated: the package uses snplp_convention_funding_in",
    "snplp_referential_foreign_attribute_at":
        "deprecated: the package uses snplp_referential_foreign_attribute",
    "snplp_convention_foreign_attribute_at":
        "deprecated: the package uses snplp_convention_foreign_attribute",
    "snplp_matrix_missing_at": "deprecated: the package uses snplp_matrix_missing",
    "snplp_referential_add_module":
        "deprecated: Referential.add_module uses snplp_referential_add_module_to_theme",
    "snplp_free":
        "not bound: buffers from C are freed by the _core wrappers, objects by their owners",
    "snplp_set_allocator":
        "not bound: an allocator of Python callables would run Python inside every allocation",
    "snplp_error_last_code":
        "a failure raises an exception whose class and .status say the status",
    "snplp_error_clear":
        "every failure raises at once: no per-thread error state is left for Python to clear",
    "snplp_matrix_check_threshold":
        "Convention.matrix(threshold=...) raises InvalidArgumentError for a bad threshold",
    "snplp_import_options_strict":
        "import options live for one call only, built from the strict= keyword of each import",
    "snplp_lheo_options_all_or_nothing":
        "LHEO options live for one call only, built from the all_or_nothing= keyword of each "
        "export",
    "snplp_lheo_options_accept_matches":
        "LHEO options live for one call only, built from the accept_matches= keyword of "
        "snplp.from_lheo()",
    "snplp_lheo_options_min_score":
        "LHEO options live for one call only, built from the min_score= keyword of "
        "snplp.from_lheo()",
    "snplp_lheo_options_schema_file":
        "LHEO options live for one call only, built from the schema= keyword of "
        "snplp.from_lheo()",
    "snplp_import_options_keep_invalid":
        "import options live for one call only, built from the keep_invalid= keyword of each "
        "import",
    "snplp_diagnostics_add":
        "findings are Python lists of snplp.Diagnostic (list.append)",
    "snplp_diagnostics_clear":
        "findings are Python lists of snplp.Diagnostic (list.clear)",
    "snplp_diagnostics_count_severity":
        "findings are Python lists: sum(d.severity == 'error' for d in found)",
    "snplp_diagnostics_set_language":
        "findings are Python lists made in the thread's language (snplp.set_language()); "
        "Diagnostic.render(lang) gives the other",
    "snplp_diagnostic_param": "Diagnostic.params is a dict: d.params[name]",
    "snplp_message_render":
        "the words of the snplp program (the catalogue's table cli), for C programs; a Python "
        "program words its own output (the findings come rendered: Diagnostic.render)",
    "snplp_credits_reason_render":
        "CreditReason.message comes in the thread's language (snplp.set_language()), as the "
        "decision was made; a Python program wanting the other decides again in it",
    "snplp_param_type_name":
        "Diagnostic.params holds typed values (int, Decimal, date, list, str), not type names",
    "snplp_action_convention":
        "Action.convention returns the Convention wrapper that keeps the action alive",
    "snplp_indicator_convention":
        "Indicator.convention returns the Convention wrapper that keeps the indicator alive",
    "snplp_worker_records": "Worker.records returns the Records wrapper that keeps the worker alive",
    # names of enumerations: the IntEnum classes look a member up by its label
    "snplp_action_objective_from_name": "ActionObjective('rsa-insertion'): the enum takes labels",
    "snplp_action_status_from_name": "ActionStatus('done'): the enum takes labels",
    "snplp_aggregation_from_name": "Aggregation('sum'): the enum takes labels",
    "snplp_csv_dialect_from_name": "CsvDialect('fr'): the enum takes labels",
    "snplp_polarity_from_name": "Polarity('higher-is-better'): the enum takes labels",
    "snplp_territory_kind_from_name": "TerritoryKind('departement'): the enum takes labels",
    "snplp_unit_from_name": "Unit('percent'): the enum takes labels",
    # dates are datetime.date
    "snplp_date_compare": "dates are datetime.date, compared with < and ==",
    "snplp_date_days_between": "dates are datetime.date: (b - a).days",
    "snplp_date_format": "dates are datetime.date: date.isoformat()",
    "snplp_date_is_leap_year": "dates are datetime.date: calendar.isleap()",
    "snplp_date_is_valid": "dates are datetime.date, valid by construction",
    "snplp_date_parse": "dates are datetime.date: date.fromisoformat()",
    "snplp_date_today": "dates are datetime.date: date.today() (the local date, as in C)",
    # exact values are decimal.Decimal
    "snplp_decimal_add": "exact values are decimal.Decimal: +",
    "snplp_decimal_compare": "exact values are decimal.Decimal, compared with < and ==",
    "snplp_decimal_format": "exact values are decimal.Decimal: str() keeps every digit",
    "snplp_decimal_identical": "exact values are decimal.Decimal: a.as_tuple() == b.as_tuple()",
    "snplp_decimal_is_valid": "exact values are decimal.Decimal, checked when passed in",
    "snplp_decimal_ratio": "exact values are decimal.Decimal; matrix rates come from C",
    "snplp_decimal_rescale": "exact values are decimal.Decimal: Decimal.quantize()",
    "snplp_records_measure_from_name": "RecordsMeasure(name) gives the member of a name",
}

#: C functions the package should expose and does not yet: name -> what is missing.
KNOWN_GAPS: dict = {}


def package_sources():
    return sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(snplp.__file__)),
                                         "*.py")))


def _docstring_nodes(tree):
    """The string constants that are docstrings (of the module, classes, functions)."""
    nodes = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                nodes.add(id(body[0].value))
    return nodes


def names_in_code(known):
    """The snplp_* names the package's code refers to: attributes (``_core.snplp_x``) and
    strings that are exactly one of the ``known`` names, docstrings left out."""
    found = set()
    for path in package_sources():
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), path)
        docstrings = _docstring_nodes(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("snplp_"):
                found.add(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and node.value in known and id(node) not in docstrings:
                found.add(node.value)
    return found


def recorded_names():
    """The union of the USED_C_FUNCTIONS sets the package's modules define."""
    import importlib

    found = set()
    for path in package_sources():
        module = importlib.import_module(f"snplp.{os.path.basename(path)[:-3]}") \
            if not path.endswith("__init__.py") else snplp
        found |= set(getattr(module, "USED_C_FUNCTIONS", ()))
    return found


def exposed():
    """The public C functions the package uses and _core binds."""
    functions = public_c_functions()
    used = (recorded_names() | names_in_code(functions)) & functions
    return {n for n in used if callable(getattr(_core, n, None))}


def test_the_headers_declare_the_api():
    assert len(public_c_functions()) > 400


def test_every_public_function_is_exposed_or_hidden():
    missing = sorted(public_c_functions() - exposed() - set(HIDDEN) - set(KNOWN_GAPS))
    assert not missing, (
        f"{len(missing)} public C function(s) neither used by the package nor listed in HIDDEN "
        f"(with a one-line reason) in tests/python/test_coverage.py: {', '.join(missing)}")


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=f"gap: {why}"))
    for n, why in sorted(KNOWN_GAPS.items())])
def test_known_gap(name):
    assert name in exposed(), f"the package does not expose {name}"


def test_hidden_and_gaps_are_public_functions_the_package_does_not_use():
    functions, used = public_c_functions(), exposed()
    for table in (HIDDEN, KNOWN_GAPS):
        assert not sorted(set(table) - functions), "not a public C function"
        stale = sorted(set(table) & used)
        assert not stale, f"used by the package now: remove from the list: {stale}"
    assert not set(HIDDEN) & set(KNOWN_GAPS)


def test_hidden_reasons_are_one_line():
    for name, reason in HIDDEN.items():
        assert reason.strip() and "\n" not in reason, name


def test_every_c_name_the_package_uses_exists_in_core():
    """A name the package asks _core for and _core lacks (a typo, a function removed from the
    headers) would only fail when called."""
    names = recorded_names() | {n for n in names_in_code(public_c_functions())}
    for path in package_sources():
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), path)
        names |= {node.attr for node in ast.walk(tree)
                  if isinstance(node, ast.Attribute) and node.attr.startswith("snplp_")}
    assert sorted(n for n in names if not callable(getattr(_core, n, None))) == []
