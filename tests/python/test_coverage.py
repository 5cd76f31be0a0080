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
    # issue 17 (records.h): training records, bound in Python by a later change
    "snplp_attendance_add_extension": "issue 17: records bound in Python later",
    "snplp_attendance_clear_days": "issue 17: records bound in Python later",
    "snplp_attendance_days": "issue 17: records bound in Python later",
    "snplp_attendance_extension_at": "issue 17: records bound in Python later",
    "snplp_attendance_extension_count": "issue 17: records bound in Python later",
    "snplp_attendance_foreign_attribute": "issue 17: records bound in Python later",
    "snplp_attendance_foreign_attribute_count": "issue 17: records bound in Python later",
    "snplp_attendance_session_id": "issue 17: records bound in Python later",
    "snplp_attendance_set_days": "issue 17: records bound in Python later",
    "snplp_attendance_set_foreign_attribute": "issue 17: records bound in Python later",
    "snplp_attendance_set_status": "issue 17: records bound in Python later",
    "snplp_attendance_status_name": "issue 17: records bound in Python later",
    "snplp_attendance_status_of": "issue 17: records bound in Python later",
    "snplp_attendance_worker_id": "issue 17: records bound in Python later",
    "snplp_employer_id": "issue 17: records bound in Python later",
    "snplp_employer_kind_name": "issue 17: records bound in Python later",
    "snplp_employer_kind_of": "issue 17: records bound in Python later",
    "snplp_employer_name": "issue 17: records bound in Python later",
    "snplp_employer_set_kind": "issue 17: records bound in Python later",
    "snplp_employer_set_name": "issue 17: records bound in Python later",
    "snplp_employer_set_territory_code": "issue 17: records bound in Python later",
    "snplp_employer_territory_code": "issue 17: records bound in Python later",
    "snplp_record_kind_name": "issue 17: records bound in Python later",
    "snplp_record_profession_category": "issue 17: records bound in Python later",
    "snplp_record_profession_id": "issue 17: records bound in Python later",
    "snplp_record_profession_set_category": "issue 17: records bound in Python later",
    "snplp_record_profession_set_title": "issue 17: records bound in Python later",
    "snplp_record_profession_title": "issue 17: records bound in Python later",
    "snplp_records_add_attendance": "issue 17: records bound in Python later",
    "snplp_records_add_employer": "issue 17: records bound in Python later",
    "snplp_records_add_extension": "issue 17: records bound in Python later",
    "snplp_records_add_profession": "issue 17: records bound in Python later",
    "snplp_records_add_session": "issue 17: records bound in Python later",
    "snplp_records_add_training_body": "issue 17: records bound in Python later",
    "snplp_records_add_worker": "issue 17: records bound in Python later",
    "snplp_records_attendance_at": "issue 17: records bound in Python later",
    "snplp_records_attendance_count": "issue 17: records bound in Python later",
    "snplp_records_employer_at": "issue 17: records bound in Python later",
    "snplp_records_employer_count": "issue 17: records bound in Python later",
    "snplp_records_employer_find": "issue 17: records bound in Python later",
    "snplp_records_equal": "issue 17: records bound in Python later",
    "snplp_records_extension_at": "issue 17: records bound in Python later",
    "snplp_records_extension_count": "issue 17: records bound in Python later",
    "snplp_records_foreign_attribute": "issue 17: records bound in Python later",
    "snplp_records_foreign_attribute_count": "issue 17: records bound in Python later",
    "snplp_records_freeze": "issue 17: records bound in Python later",
    "snplp_records_is_frozen": "issue 17: records bound in Python later",
    "snplp_records_kind_of": "issue 17: records bound in Python later",
    "snplp_records_new": "issue 17: records bound in Python later",
    "snplp_records_profession_at": "issue 17: records bound in Python later",
    "snplp_records_profession_count": "issue 17: records bound in Python later",
    "snplp_records_profession_find": "issue 17: records bound in Python later",
    "snplp_records_ref": "issue 17: records bound in Python later",
    "snplp_records_session_at": "issue 17: records bound in Python later",
    "snplp_records_session_count": "issue 17: records bound in Python later",
    "snplp_records_session_find": "issue 17: records bound in Python later",
    "snplp_records_set_foreign_attribute": "issue 17: records bound in Python later",
    "snplp_records_training_body_at": "issue 17: records bound in Python later",
    "snplp_records_training_body_count": "issue 17: records bound in Python later",
    "snplp_records_training_body_find": "issue 17: records bound in Python later",
    "snplp_records_unref": "issue 17: records bound in Python later",
    "snplp_records_worker_at": "issue 17: records bound in Python later",
    "snplp_records_worker_count": "issue 17: records bound in Python later",
    "snplp_records_worker_find": "issue 17: records bound in Python later",
    "snplp_session_body_id": "issue 17: records bound in Python later",
    "snplp_session_capacity": "issue 17: records bound in Python later",
    "snplp_session_clear_capacity": "issue 17: records bound in Python later",
    "snplp_session_days": "issue 17: records bound in Python later",
    "snplp_session_end": "issue 17: records bound in Python later",
    "snplp_session_id": "issue 17: records bound in Python later",
    "snplp_session_mode_name": "issue 17: records bound in Python later",
    "snplp_session_mode_of": "issue 17: records bound in Python later",
    "snplp_session_place": "issue 17: records bound in Python later",
    "snplp_session_set_body_id": "issue 17: records bound in Python later",
    "snplp_session_set_capacity": "issue 17: records bound in Python later",
    "snplp_session_set_dates": "issue 17: records bound in Python later",
    "snplp_session_set_days": "issue 17: records bound in Python later",
    "snplp_session_set_mode": "issue 17: records bound in Python later",
    "snplp_session_set_place": "issue 17: records bound in Python later",
    "snplp_session_set_subject_id": "issue 17: records bound in Python later",
    "snplp_session_start": "issue 17: records bound in Python later",
    "snplp_session_subject_id": "issue 17: records bound in Python later",
    "snplp_siret_is_valid": "issue 17: records bound in Python later",
    "snplp_training_body_add_address_line": "issue 17: records bound in Python later",
    "snplp_training_body_address_line_at": "issue 17: records bound in Python later",
    "snplp_training_body_address_line_count": "issue 17: records bound in Python later",
    "snplp_training_body_commune": "issue 17: records bound in Python later",
    "snplp_training_body_declaration_number": "issue 17: records bound in Python later",
    "snplp_training_body_email": "issue 17: records bound in Python later",
    "snplp_training_body_id": "issue 17: records bound in Python later",
    "snplp_training_body_legal_name": "issue 17: records bound in Python later",
    "snplp_training_body_name": "issue 17: records bound in Python later",
    "snplp_training_body_phone": "issue 17: records bound in Python later",
    "snplp_training_body_postal_code": "issue 17: records bound in Python later",
    "snplp_training_body_set_commune": "issue 17: records bound in Python later",
    "snplp_training_body_set_declaration_number": "issue 17: records bound in Python later",
    "snplp_training_body_set_email": "issue 17: records bound in Python later",
    "snplp_training_body_set_legal_name": "issue 17: records bound in Python later",
    "snplp_training_body_set_name": "issue 17: records bound in Python later",
    "snplp_training_body_set_phone": "issue 17: records bound in Python later",
    "snplp_training_body_set_postal_code": "issue 17: records bound in Python later",
    "snplp_training_body_set_siret": "issue 17: records bound in Python later",
    "snplp_training_body_siret": "issue 17: records bound in Python later",
    "snplp_worker_clear_diploma_level": "issue 17: records bound in Python later",
    "snplp_worker_clear_until": "issue 17: records bound in Python later",
    "snplp_worker_diploma_level": "issue 17: records bound in Python later",
    "snplp_worker_employer_id": "issue 17: records bound in Python later",
    "snplp_worker_from": "issue 17: records bound in Python later",
    "snplp_worker_id": "issue 17: records bound in Python later",
    "snplp_worker_profession_id": "issue 17: records bound in Python later",
    "snplp_worker_records": "issue 17: records bound in Python later",
    "snplp_worker_set_diploma_level": "issue 17: records bound in Python later",
    "snplp_worker_set_employer_id": "issue 17: records bound in Python later",
    "snplp_worker_set_from": "issue 17: records bound in Python later",
    "snplp_worker_set_profession_id": "issue 17: records bound in Python later",
    "snplp_worker_set_territory_code": "issue 17: records bound in Python later",
    "snplp_worker_set_unit": "issue 17: records bound in Python later",
    "snplp_worker_set_until": "issue 17: records bound in Python later",
    "snplp_worker_territory_code": "issue 17: records bound in Python later",
    "snplp_worker_unit": "issue 17: records bound in Python later",
    "snplp_worker_until": "issue 17: records bound in Python later",
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
    "snplp_import_options_keep_invalid":
        "import options live for one call only, built from the keep_invalid= keyword of each "
        "import",
    "snplp_diagnostics_add":
        "findings are Python lists of snplp.Diagnostic (list.append)",
    "snplp_diagnostics_clear":
        "findings are Python lists of snplp.Diagnostic (list.clear)",
    "snplp_diagnostics_count_severity":
        "findings are Python lists: sum(d.severity == 'error' for d in found)",
    "snplp_action_convention":
        "Action.convention returns the Convention wrapper that keeps the action alive",
    "snplp_indicator_convention":
        "Indicator.convention returns the Convention wrapper that keeps the indicator alive",
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
    # issue 17, rules over training records (records_validate.h, eligibility.h, coverage.h)
    "snplp_coverage_axes": "issue 17: records bound in Python later",
    "snplp_coverage_days": "issue 17: records bound in Python later",
    "snplp_coverage_days_unknown": "issue 17: records bound in Python later",
    "snplp_coverage_free": "issue 17: records bound in Python later",
    "snplp_coverage_plan_id": "issue 17: records bound in Python later",
    "snplp_coverage_profession_id": "issue 17: records bound in Python later",
    "snplp_coverage_rate": "issue 17: records bound in Python later",
    "snplp_coverage_row_count": "issue 17: records bound in Python later",
    "snplp_coverage_territory_code": "issue 17: records bound in Python later",
    "snplp_coverage_theme_id": "issue 17: records bound in Python later",
    "snplp_coverage_trained": "issue 17: records bound in Python later",
    "snplp_coverage_untrained_at": "issue 17: records bound in Python later",
    "snplp_coverage_untrained_count": "issue 17: records bound in Python later",
    "snplp_coverage_workforce": "issue 17: records bound in Python later",
    "snplp_eligibility_answer_name": "issue 17: records bound in Python later",
    "snplp_eligibility_answer_of": "issue 17: records bound in Python later",
    "snplp_eligibility_free": "issue 17: records bound in Python later",
    "snplp_eligibility_list_at": "issue 17: records bound in Python later",
    "snplp_eligibility_list_count": "issue 17: records bound in Python later",
    "snplp_eligibility_list_free": "issue 17: records bound in Python later",
    "snplp_eligibility_module_id": "issue 17: records bound in Python later",
    "snplp_eligibility_reason_at": "issue 17: records bound in Python later",
    "snplp_eligibility_reason_count": "issue 17: records bound in Python later",
    "snplp_eligibility_reason_item_id": "issue 17: records bound in Python later",
    "snplp_eligibility_reason_message": "issue 17: records bound in Python later",
    "snplp_eligibility_reason_name": "issue 17: records bound in Python later",
    "snplp_eligibility_worker_id": "issue 17: records bound in Python later",
    "snplp_records_coverage": "issue 17: records bound in Python later",
    "snplp_records_eligibility": "issue 17: records bound in Python later",
    "snplp_records_next_modules": "issue 17: records bound in Python later",
    "snplp_records_validate": "issue 17: records bound in Python later",
    # issue 17: the CSV imports of records (csv_records.h)
    "snplp_csv_import_workers_memory": "issue 17: records bound in Python later",
    "snplp_csv_import_workers_file": "issue 17: records bound in Python later",
    "snplp_csv_import_workers_callback": "issue 17: records bound in Python later",
    "snplp_csv_import_attendance_memory": "issue 17: records bound in Python later",
    "snplp_csv_import_attendance_file": "issue 17: records bound in Python later",
    "snplp_csv_import_attendance_callback": "issue 17: records bound in Python later",
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
