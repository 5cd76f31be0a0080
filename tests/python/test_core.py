"""Tests of the raw layer, snplp._core (bindings/python/snplp.i): every function is bound, the
typemaps convert values both ways, callbacks and their exceptions, bad arguments never crash,
and the GIL is released during long calls."""

import bisect
import gc
import glob
import os
import re
import threading
import time
import weakref

import pytest

import snplp

from snplp import _core

from api_headers import public_c_functions

HEADERS = os.path.join(os.path.dirname(__file__), "..", "..", "include", "snplp")


def ok(rc):
    assert rc == _core.SNPLP_OK, f"{_core.snplp_status_name(rc)}: {_core.snplp_error_last_message()}"


def big_referential(modules):
    """The built-in referential plus a theme of `modules` modules with long texts."""
    rc, ref = _core.snplp_referential_builtin()
    ok(rc)
    rc, theme = _core.snplp_referential_add_theme(ref, "theme-big", "Un thème très peuplé")
    ok(rc)
    role = "Accompagner vers l'insertion socio-professionnelle, être à l'écoute : é è à ç œ. " * 6
    for i in range(modules):
        rc, module = _core.snplp_theme_add_module(theme, f"module-big-{i}",
                                                  _core.SNPLP_LEVEL_FUNDAMENTALS, f"Module n° {i}")
        ok(rc)
        ok(_core.snplp_module_set_role(module, role))
        rc, _ = _core.snplp_module_add_competence(module, f"competence-big-{i}", f"Compétence {i}")
        ok(rc)
    return ref


def reader(data):
    """A read(size) callable delivering data as the library asks for it."""
    pos = 0

    def read(size):
        nonlocal pos
        chunk = data[pos:pos + size]
        pos += len(chunk)
        return chunk

    return read


def raiser(exception):
    """A callable that raises exception whatever its arguments."""
    def call(*args):
        raise exception

    return call


@pytest.fixture(scope="module")
def big_ref():
    """A large referential (a raw pointer): its XML is about 9 MB."""
    ref = big_referential(12000)
    yield ref
    _core.snplp_referential_unref(ref)


@pytest.fixture(scope="module")
def big_document(big_ref):
    """The XML of big_ref: many chunks of the import (64 KiB each)."""
    rc, data = _core.snplp_referential_export_memory(big_ref)
    ok(rc)
    assert len(data) > 1_000_000
    return data


@pytest.fixture
def convention_list():
    """A list holding one convention with years, an indicator and values."""
    rc, conv = _core.snplp_convention_new("convention-49", _core.SNPLP_TERRITORY_DEPARTEMENT, "49",
                                          "Maine-et-Loire")
    ok(rc)
    ok(_core.snplp_convention_set_years(conv, 2019, 2021))
    rc, ind = _core.snplp_convention_add_indicator(conv, "people-followed", "Personnes suivies",
                                                   _core.SNPLP_UNIT_COUNT)
    ok(rc)
    ok(_core.snplp_indicator_set_target(ind, 2019, (100, 0)))
    ok(_core.snplp_indicator_set_actual(ind, 2019, (85, 0)))
    rc, lst = _core.snplp_convention_list_new()
    ok(rc)
    ok(_core.snplp_convention_list_add(lst, conv))
    _core.snplp_convention_unref(conv)  # the list holds its own reference
    yield lst
    _core.snplp_convention_list_free(lst)


# ---------- the module ----------

#: Public C functions deliberately not bound in _core, with the reason.
NOT_BOUND = {
    "snplp_free": "it would free any SWIG object under its owner; the wrappers free C buffers",
    "snplp_set_allocator": "an allocator of Python callables would run Python in every allocation",
}


#: Public headers not bound in _core yet, with the reason: their functions and enum values are
#: left out of the two tests below (and must not be bound by halves).
NOT_YET_BOUND_HEADERS: dict = {}


def not_yet_bound():
    """The functions and enum values of NOT_YET_BOUND_HEADERS."""
    names = set()
    for header in NOT_YET_BOUND_HEADERS:
        with open(os.path.join(HEADERS, header), encoding="utf-8") as f:
            text = f.read()
        names.update(re.findall(r"SNPLP_API\s[^;]*?\b(snplp_\w+)\s*\(", text))
        names.update(re.findall(r"^\s+(SNPLP_[A-Z0-9_]+)\s*=", text, re.M))
    return names


def test_every_public_function_is_bound_under_its_c_name():
    names = public_c_functions()
    assert len(names) > 400
    assert sorted(n for n in names - set(NOT_BOUND) - not_yet_bound()
                  if not callable(getattr(_core, n, None))) == []
    assert not any(hasattr(_core, n) for n in NOT_BOUND)


def test_enum_values_and_constants_under_their_c_names():
    assert _core.SNPLP_OK == 0 and _core.SNPLP_EINVAL == -1 and _core.SNPLP_EINTERNAL == -10
    assert _core.SNPLP_KIND_MODULE == 6
    assert _core.SNPLP_XML_NAMESPACE == "urn:snplp:1.0"
    assert _core.SNPLP_DECIMAL_MAX_TEXT == 22
    assert _core.SNPLP_VERSION_STRING == _core.snplp_version()
    assert _core.SNPLP_VERSION_NUMBER == _core.snplp_version_number()
    values = set()
    for header in glob.glob(os.path.join(HEADERS, "*.h")):
        with open(header, encoding="utf-8") as f:
            values.update(re.findall(r"^\s+(SNPLP_[A-Z0-9_]+)\s*=", f.read(), re.M))
    assert len(values) > 100
    assert sorted(v for v in values - not_yet_bound()
                  if not isinstance(getattr(_core, v, None), int)) == []


def test_docstrings_are_the_headers_documentation():
    assert "Borrowed: valid until the title changes" in _core.snplp_module_title.__doc__
    assert "French collation order" in _core.snplp_text_sort.__doc__
    assert "Low-level bindings of libsnplp" in _core.__doc__


# ---------- objects ----------

def test_builtin_referential(raw_builtin_referential):
    ref = raw_builtin_referential
    assert _core.snplp_referential_theme_count(ref) == 6
    module = _core.snplp_referential_module_at(ref, 0)
    assert isinstance(_core.snplp_module_title(module), str)
    assert _core.snplp_module_referential(module) == ref
    theme = _core.snplp_module_theme(module)
    assert _core.snplp_theme_id(theme) == _core.snplp_module_theme_id(module)
    assert _core.snplp_referential_kind_of(ref, _core.snplp_module_id(module)) == _core.SNPLP_KIND_MODULE
    assert _core.snplp_referential_module_at(ref, 10**6) is None  # NULL -> None
    assert _core.snplp_module_subtitle(module) is None or isinstance(_core.snplp_module_subtitle(module), str)


def test_object_outputs(core):
    rc, ref = _core.snplp_referential_new()
    ok(rc)
    try:
        rc, theme = _core.snplp_referential_add_theme(ref, "theme-a", "Aller vers")
        ok(rc)
        assert _core.snplp_theme_title(theme) == "Aller vers"
        # failure: the status and None
        rc, again = _core.snplp_referential_add_theme(ref, "theme-a", "Encore")
        assert (rc, again) == (_core.SNPLP_EEXISTS, None)
        assert "theme-a" in _core.snplp_error_last_message()
        rc, bad = _core.snplp_referential_add_theme(ref, "0bad", "Mauvais id")
        assert (rc, bad) == (_core.SNPLP_EBADID, None)
    finally:
        _core.snplp_referential_unref(ref)


def test_scalar_outputs(raw_builtin_referential):
    strategy = _core.snplp_referential_strategy(raw_builtin_referential)
    ok(_core.snplp_strategy_set_budget_cents(strategy, 850000000000))
    assert _core.snplp_strategy_budget_cents(strategy) == (0, 850000000000)
    ok(_core.snplp_strategy_clear_budget(strategy))
    assert _core.snplp_strategy_budget_cents(strategy) == (_core.SNPLP_ENOTFOUND, None)
    module = _core.snplp_referential_module_at(raw_builtin_referential, 0)
    ok(_core.snplp_module_set_duration_days(module, 2.5))
    assert _core.snplp_module_duration_days(module) == (0, 2.5)
    rc, rule = _core.snplp_referential_add_diploma_rule(raw_builtin_referential, "rule-x", "Niveau 6")
    ok(rc)
    ok(_core.snplp_diploma_rule_set_min_level(rule, 6))
    assert _core.snplp_diploma_rule_min_level(rule) == (0, 6)


# ---------- value typemaps ----------

def test_decimal_round_trip():
    assert _core.snplp_decimal_parse("12.50") == (0, (1250, 2))
    assert _core.snplp_decimal_format((1250, 2)) == (0, "12.50")
    assert _core.snplp_decimal_format([-5, 3]) == (0, "-0.005")
    for text in ("0", "-0.005", "9223372036854775807", "0.000000000000000001"):
        rc, value = _core.snplp_decimal_parse(text)
        ok(rc)
        assert _core.snplp_decimal_format(value) == (0, text)
    assert _core.snplp_decimal_add((1250, 2), (5, 1)) == (0, (1300, 2))
    assert _core.snplp_decimal_rescale((125, 1), 3) == (0, (12500, 3))
    assert _core.snplp_decimal_ratio((1, 0), (4, 0)) == (0, 0.25)
    assert _core.snplp_decimal_compare((1250, 2), (125, 1)) == 0
    assert _core.snplp_decimal_identical((1250, 2), (125, 1)) is False
    assert _core.snplp_decimal_is_valid((0, 19)) is False
    # failures: the status and None
    assert _core.snplp_decimal_parse("12,5") == (_core.SNPLP_EPARSE, None)
    assert _core.snplp_decimal_format((1, 19)) == (_core.SNPLP_EINVAL, None)
    assert _core.snplp_decimal_ratio((1, 0), (0, 0)) == (_core.SNPLP_EINVAL, None)


def test_decimal_bad_values_raise():
    with pytest.raises(TypeError):
        _core.snplp_decimal_format((1,))
    with pytest.raises(TypeError):
        _core.snplp_decimal_format(("1", 2))
    with pytest.raises(TypeError):
        _core.snplp_decimal_format(None)
    with pytest.raises(TypeError):
        _core.snplp_decimal_format(12.5)
    with pytest.raises(OverflowError):
        _core.snplp_decimal_format((2**64, 0))
    with pytest.raises(OverflowError):
        _core.snplp_decimal_format((1, 2**40))


def test_date_round_trip():
    assert _core.snplp_date_parse("2021-03-31") == (0, (2021, 3, 31))
    assert _core.snplp_date_format((2021, 3, 31)) == (0, "2021-03-31")
    assert _core.snplp_date_days_between((2024, 2, 28), (2024, 3, 1)) == (0, 2)
    assert _core.snplp_date_is_valid((2023, 2, 29)) is False
    assert _core.snplp_date_parse("2023-02-29") == (_core.SNPLP_EPARSE, None)
    assert _core.snplp_date_format((2023, 2, 29)) == (_core.SNPLP_EINVAL, None)
    rc, today = _core.snplp_date_today()
    ok(rc)
    assert len(today) == 3 and today[0] >= 2024
    assert _core.snplp_report_due_date(2020) == (0, (2021, 3, 31))
    with pytest.raises(TypeError):
        _core.snplp_date_format((2021, 3))


def test_values_of_a_convention(convention_list):
    conv = _core.snplp_convention_list_at(convention_list, 0)
    ind = _core.snplp_convention_indicator_find(conv, "people-followed")
    assert _core.snplp_indicator_target(ind, 2019) == (0, (100, 0))
    assert _core.snplp_indicator_target(ind, 2020) == (_core.SNPLP_ENOTFOUND, None)
    ok(_core.snplp_indicator_set_baseline(ind, 2018, (1250, 2)))
    assert _core.snplp_indicator_baseline(ind) == (0, 2018, (1250, 2))
    ok(_core.snplp_convention_set_funding(conv, 2019, 100000, 50000))
    assert _core.snplp_convention_funding(conv, 2019) == (0, 100000, 50000)
    assert _core.snplp_convention_funding(conv, 2020) == (_core.SNPLP_ENOTFOUND, None, None)
    ok(_core.snplp_convention_set_signature_date(conv, (2019, 5, 2)))
    assert _core.snplp_convention_signature_date(conv) == (0, (2019, 5, 2))
    # const pointers in: a tuple or None
    rc, diags = _core.snplp_diagnostics_new()
    ok(rc)
    try:
        assert _core.snplp_convention_validate(conv, None, diags) == _core.SNPLP_EVALIDATION
        assert _core.snplp_convention_validate(conv, (2023, 1, 1), diags) == _core.SNPLP_EVALIDATION
        assert _core.snplp_diagnostics_count(diags) > 0
        diag = _core.snplp_diagnostics_at(diags, 0)
        assert _core.snplp_diagnostic_convention_id(diag) == "convention-49"
    finally:
        _core.snplp_diagnostics_free(diags)
    for threshold in (None, (825, 1)):
        rc, matrix = _core.snplp_convention_matrix(conv, threshold)
        ok(rc)
        try:
            assert _core.snplp_matrix_threshold(matrix) == (threshold or (80, 0))
            assert _core.snplp_matrix_target(matrix, 0, 2019) == (0, (100, 0))
            assert _core.snplp_matrix_rate(matrix, 0, 2019) == (0, 0.85)
            assert _core.snplp_matrix_missing_at(matrix, 0, 2020, 0) == (
                "convention-49", _core.SNPLP_MISSING_TARGET | _core.SNPLP_MISSING_ACTUAL)
            assert _core.snplp_matrix_missing_at(matrix, 0, 2020, 5) == (None, None)
        finally:
            _core.snplp_matrix_free(matrix)
    rc, synthesis = _core.snplp_synthesis([conv, conv], (50, 0), None)
    ok(rc)
    assert _core.snplp_matrix_convention_count(synthesis) == 1  # the duplicate is left out
    _core.snplp_matrix_free(synthesis)
    rc, synthesis = _core.snplp_convention_list_synthesis(convention_list, None, None)
    ok(rc)
    _core.snplp_matrix_free(synthesis)
    assert _core.snplp_synthesis([None], None, None) == (_core.SNPLP_EINVAL, None)
    with pytest.raises(TypeError):
        _core.snplp_synthesis([conv, ind], None, None)
    assert _core.snplp_aggregation_from_name("sum") == (True, _core.SNPLP_AGGREGATION_SUM)
    assert _core.snplp_aggregation_from_name("nothing") == (False, None)


def test_text_sort_and_fold():
    assert _core.snplp_text_sort(["côte", "cote", "côté", "coté"]) == (0, [1, 3, 0, 2])
    assert _core.snplp_text_sort(()) == (0, [])
    assert _core.snplp_text_sort(["a", None]) == (_core.SNPLP_EINVAL, None)
    assert _core.snplp_text_fold("L'insertion socio-professionnelle") == (
        0, "linsertionsocioprofessionnelle")
    assert _core.snplp_text_fold(None) == (_core.SNPLP_EINVAL, None)
    with pytest.raises(TypeError):
        _core.snplp_text_sort("abc")
    with pytest.raises(TypeError):
        _core.snplp_text_sort(["a", 1])


def test_foreign_attribute_strings(raw_builtin_referential):
    ref = raw_builtin_referential
    assert _core.snplp_referential_foreign_attribute_at(ref, "strategy", 0) == (
        _core.SNPLP_ENOTFOUND, None, None, None, None)
    ok(_core.snplp_referential_set_foreign_attribute(ref, "strategy", "urn:example", "ex", "note", "é"))
    assert _core.snplp_referential_foreign_attribute_at(ref, "strategy", 0) == (
        0, "urn:example", "ex", "note", "é")


# ---------- XML through memory and callables ----------

def test_export_to_bytes_and_import_back(raw_builtin_referential):
    used = _core.snplp_memory_used()
    rc, data = _core.snplp_referential_export_memory(raw_builtin_referential)
    ok(rc)
    assert isinstance(data, bytes) and data.startswith(b"<?xml")
    assert _core.snplp_memory_used() == used  # the C buffer was freed by the wrapper
    for source in (data, bytearray(data), memoryview(data)):
        rc, copy = _core.snplp_referential_import_memory(None, source, "memory", None)
        ok(rc)
        assert _core.snplp_referential_equal(copy, raw_builtin_referential)
        _core.snplp_referential_unref(copy)


def test_import_from_a_read_callable_one_byte_at_a_time(raw_builtin_referential):
    rc, data = _core.snplp_referential_export_memory(raw_builtin_referential)
    ok(rc)
    pos = 0
    sizes = set()

    def read(size):
        nonlocal pos
        sizes.add(size)
        chunk = data[pos:pos + 1]
        pos += len(chunk)
        return chunk

    rc, diags = _core.snplp_diagnostics_new()
    ok(rc)
    rc, copy = _core.snplp_referential_import_callback(diags, read, "callable", None)
    ok(rc)
    assert pos == len(data) and min(sizes) > 0
    assert _core.snplp_referential_equal(copy, raw_builtin_referential)
    _core.snplp_referential_unref(copy)
    _core.snplp_diagnostics_free(diags)


def test_export_through_a_write_callable(raw_builtin_referential):
    pieces = []
    assert _core.snplp_referential_export_callback(raw_builtin_referential, pieces.append) == 0
    assert all(isinstance(p, bytes) for p in pieces)
    assert b"".join(pieces) == _core.snplp_referential_export_memory(raw_builtin_referential)[1]


def test_conventions_and_csv_through_callables(convention_list):
    pieces = []
    ok(_core.snplp_conventions_export_callback(convention_list, pieces.append))
    xml = b"".join(pieces)
    assert xml == _core.snplp_conventions_export_memory(convention_list)[1]
    rc, copy = _core.snplp_conventions_import_callback(None, reader(xml), "x", None)
    ok(rc)
    assert _core.snplp_convention_list_equal(copy, convention_list)
    _core.snplp_convention_list_free(copy)
    for dialect in (_core.SNPLP_CSV_INTL, _core.SNPLP_CSV_FR):
        pieces = []
        ok(_core.snplp_csv_export_callback(convention_list, dialect, pieces.append))
        csv = b"".join(pieces)
        assert csv == _core.snplp_csv_export_memory(convention_list, dialect)[1]
        ok(_core.snplp_csv_import_memory(convention_list, None, csv, "memory", dialect))
        ok(_core.snplp_csv_import_callback(convention_list, None, reader(csv),
                                           "callable", dialect))


# ---------- exceptions in callables ----------

class Boom(Exception):
    pass


def test_exception_in_read_propagates():
    calls = 0

    def read(size):
        nonlocal calls
        calls += 1
        raise Boom("read")

    with pytest.raises(Boom, match="read"):
        _core.snplp_referential_import_callback(None, read, "boom", None)
    assert calls == 1
    assert _core.snplp_error_last_code() == _core.SNPLP_EIO
    # the next call starts clean
    rc, ref = _core.snplp_referential_import_callback(None, lambda size: b"", "empty", None)
    assert (rc, ref) == (_core.SNPLP_EPARSE, None)


def test_bad_results_of_read_raise(convention_list):
    with pytest.raises(TypeError, match="bytes"):
        _core.snplp_referential_import_callback(None, lambda size: "<x/>", "str", None)
    with pytest.raises(ValueError, match="more than"):
        _core.snplp_referential_import_callback(None, lambda size: b"x" * (size + 1), "long", None)
    with pytest.raises(Boom):
        _core.snplp_csv_import_callback(convention_list, None, raiser(Boom()),
                                        "csv", _core.SNPLP_CSV_INTL)


def test_exception_in_write_propagates(big_ref, raw_builtin_referential, convention_list):
    calls = 0

    def write(data):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise Boom("write")

    with pytest.raises(Boom, match="write"):
        _core.snplp_referential_export_callback(big_ref, write)
    assert calls == 2  # nothing more is written after the error
    with pytest.raises(Boom):
        _core.snplp_referential_export_callback(raw_builtin_referential, raiser(Boom()))
    with pytest.raises(Boom):
        _core.snplp_conventions_export_callback(convention_list, raiser(Boom()))
    with pytest.raises(Boom):
        _core.snplp_csv_export_callback(convention_list, _core.SNPLP_CSV_FR,
                                        raiser(Boom()))


def test_progress(big_document):
    rc, options = _core.snplp_import_options_new()
    ok(rc)
    try:
        seen = []
        ok(_core.snplp_import_options_set_progress(options, lambda done, total: seen.append((done, total))))
        rc, ref = _core.snplp_referential_import_memory(None, big_document, "big", options)
        ok(rc)
        _core.snplp_referential_unref(ref)
        assert len(seen) > 1 and all(total == len(big_document) for _, total in seen)
        assert [done for done, _ in seen] == sorted(done for done, _ in seen)

        # False cancels
        ok(_core.snplp_import_options_set_progress(options, lambda done, total: done < 200000))
        rc, diags = _core.snplp_diagnostics_new()
        ok(rc)
        assert _core.snplp_referential_import_memory(diags, big_document, "big", options) == (
            _core.SNPLP_EIO, None)
        assert "cancelled" in _core.snplp_error_last_message()
        _core.snplp_diagnostics_free(diags)

        # an exception propagates
        def progress(done, total):
            raise Boom("progress")

        ok(_core.snplp_import_options_set_progress(options, progress))
        with pytest.raises(Boom, match="progress"):
            _core.snplp_referential_import_memory(None, big_document, "big", options)

        # None removes it
        ok(_core.snplp_import_options_set_progress(options, None))
        rc, ref = _core.snplp_referential_import_memory(None, big_document, "big", options)
        ok(rc)
        _core.snplp_referential_unref(ref)
    finally:
        _core.snplp_import_options_free(options)


def test_options_keep_their_progress_callable(big_document):
    class Progress:
        calls = 0

        def __call__(self, done, total):
            Progress.calls += 1
            return True

    rc, options = _core.snplp_import_options_new()
    ok(rc)
    progress = Progress()
    alive = weakref.ref(progress)
    ok(_core.snplp_import_options_set_progress(options, progress))
    del progress
    gc.collect()
    assert alive() is not None  # held for the options
    rc, ref = _core.snplp_referential_import_memory(None, big_document, "big", options)
    ok(rc)
    _core.snplp_referential_unref(ref)
    assert Progress.calls > 0
    _core.snplp_import_options_free(options)
    gc.collect()
    assert alive() is None  # dropped with the options
    assert _core._progress_callbacks == {}


def test_callbacks_nest():
    """A callable may run another import: each call raises only its own exceptions."""
    rc, ref = _core.snplp_referential_builtin()
    ok(rc)
    rc, data = _core.snplp_referential_export_memory(ref)
    _core.snplp_referential_unref(ref)
    pos = 0
    inner = []

    def read(size):
        nonlocal pos
        if not inner:
            with pytest.raises(Boom):
                _core.snplp_referential_import_callback(None, raiser(Boom()),
                                                        "inner", None)
            inner.append(True)
        chunk = data[pos:pos + size]
        pos += len(chunk)
        return chunk

    rc, copy = _core.snplp_referential_import_callback(None, read, "outer", None)
    ok(rc)
    _core.snplp_referential_unref(copy)


# ---------- bad arguments never crash ----------

def test_none_is_null():
    assert _core.snplp_module_title(None) is None
    assert _core.snplp_referential_item_count(None) == 0
    assert _core.snplp_referential_add_theme(None, "theme-a", "A") == (_core.SNPLP_EINVAL, None)
    assert _core.snplp_referential_export_memory(None) == (_core.SNPLP_EINVAL, None)
    assert _core.snplp_referential_export_callback(None, lambda data: None) == _core.SNPLP_EINVAL
    assert _core.snplp_referential_import_callback(None, None, None, None) == (_core.SNPLP_EINVAL, None)
    assert _core.snplp_referential_validate(None, None) == _core.SNPLP_EINVAL
    assert _core.snplp_referential_search(None, "insertion") == (_core.SNPLP_EINVAL, None)
    assert _core.snplp_convention_validate(None, None, None) == _core.SNPLP_EINVAL
    assert _core.snplp_import_options_set_progress(None, lambda d, t: True) == _core.SNPLP_EINVAL
    assert _core._progress_callbacks == {}
    assert _core.snplp_decimal_parse(None) == (_core.SNPLP_EINVAL, None)
    assert _core.snplp_error_last_message() != ""
    _core.snplp_referential_unref(None)
    _core.snplp_diagnostics_free(None)


def test_wrong_types_raise_type_error(raw_builtin_referential):
    ref = raw_builtin_referential
    strategy = _core.snplp_referential_strategy(ref)
    for call in (
        lambda: _core.snplp_module_title(ref),           # a pointer of another type
        lambda: _core.snplp_module_title(42),
        lambda: _core.snplp_referential_item_count("ref"),
        lambda: _core.snplp_referential_module_find(ref, 42),
        lambda: _core.snplp_referential_module_find(ref, b"module"),
        lambda: _core.snplp_referential_import_memory(None, "<referential/>", None, None),
        lambda: _core.snplp_referential_import_callback(None, 42, None, None),
        lambda: _core.snplp_referential_export_callback(ref, "write"),
        lambda: _core.snplp_import_options_set_progress(None, 42),
        lambda: _core.snplp_import_options_set_strict(None, 1),
        lambda: _core.snplp_strategy_set_levers_open(strategy, "yes"),
        lambda: _core.snplp_referential_module_at(ref, "0"),
        lambda: _core.snplp_referential_module_at(ref, 1.5),
        lambda: _core.snplp_convention_validate(None, "2023-01-01", None),
    ):
        with pytest.raises(TypeError):
            call()
    with pytest.raises(OverflowError):
        _core.snplp_referential_module_at(ref, -1)
    with pytest.raises(TypeError):
        _core.snplp_referential_new(None)  # outputs are not arguments


def test_lone_surrogates_and_nul_raise(raw_builtin_referential):
    ref = raw_builtin_referential
    with pytest.raises(UnicodeEncodeError):
        _core.snplp_referential_add_theme(ref, "theme-x", "bad \udc80 text")
    with pytest.raises(UnicodeEncodeError):
        _core.snplp_referential_module_find(ref, "\ud800")
    with pytest.raises(UnicodeEncodeError):
        _core.snplp_text_sort(["ok", "\udfff"])
    with pytest.raises(UnicodeEncodeError):
        _core.snplp_decimal_parse("1\ud800")
    with pytest.raises(ValueError):
        _core.snplp_referential_add_theme(ref, "theme-x", "nul \0 inside")
    with pytest.raises(ValueError):
        _core.snplp_decimal_parse("1\0")
    assert _core.snplp_referential_theme_find(ref, "theme-x") is None


def test_error_message_survives_the_wrapper():
    """The message of a failure is still there when Python reads it after building the result."""
    rc, value = _core.snplp_decimal_parse("12x")
    assert (rc, value) == (_core.SNPLP_EPARSE, None)
    message = _core.snplp_error_last_message()
    assert "2" in message  # the byte offset of the unexpected character
    [object() for _ in range(1000)]
    assert _core.snplp_error_last_message() == message
    assert _core.snplp_error_last_code() == _core.SNPLP_EPARSE


def test_error_names_its_function_and_reason_apart():
    """An exception carries the C function that failed and the reason without its name (1.2)."""
    conv = snplp.Convention("calpae-49", "departement", "49", "Maine-et-Loire")
    with pytest.raises(snplp.InvalidArgumentError) as caught:
        conv.set_years(2021, 2019)
    err = caught.value
    assert err.function.startswith("snplp_convention_")
    assert err.message == err.reason == str(err)  # since 1.3: no C name in the message
    assert not err.reason.startswith("snplp_")
    rc, _ = _core.snplp_decimal_parse("12x")
    assert rc == _core.SNPLP_EPARSE
    assert _core.snplp_error_last_function() == "snplp_decimal_parse"
    assert _core.snplp_error_last_message().endswith(_core.snplp_error_last_reason())


# ---------- the GIL ----------

def longest_pause(ticks, start, end):
    """The longest time between start and end during which no tick was recorded."""
    inside = ticks[bisect.bisect_right(ticks, start):bisect.bisect_left(ticks, end)]
    times = [start, *inside, end]
    return max(b - a for a, b in zip(times, times[1:]))


def test_gil_is_released_during_an_import(big_document):
    """While one thread is inside a long import, another thread keeps running Python code.

    Were the GIL held, the other thread would stop for the whole C call: it would only run in
    the few milliseconds (the switch interval) around it, where the importing thread runs
    Python code, and pause for most of the call."""
    calls = []
    stop = threading.Event()

    def import_a_few_times():
        try:
            for _ in range(4):
                start = time.perf_counter()
                rc, ref = _core.snplp_referential_import_memory(None, big_document, "big", None)
                end = time.perf_counter()
                _core.snplp_referential_unref(ref)
                calls.append((start, end, rc))
        finally:
            stop.set()

    ticks = []
    worker = threading.Thread(target=import_a_few_times)
    worker.start()
    while not stop.is_set():
        ticks.append(time.perf_counter())
    worker.join()
    assert all(rc == _core.SNPLP_OK for _, _, rc in calls)
    long_calls = [(s, e) for s, e, _ in calls if e - s > 0.04]
    assert long_calls, f"the imports were too quick to tell: {[e - s for s, e, _ in calls]}"
    pauses = [longest_pause(ticks, s, e) / (e - s) for s, e in long_calls]
    assert min(pauses) < 0.5, f"the other thread stopped during the imports: {pauses}"
