"""The entry points of 1.3 with out-parameters first (issue 16) in the raw layer, and the
package's use of them: the same results as the functions they supersede.

Run with PYTHONPATH=<build>/bindings/python python3 -m pytest tests/python/test_argument_order.py
"""

import pytest

import snplp
from snplp import _core


def test_raw_layer():
    rc, conv = _core.snplp_convention_new("c1", _core.SNPLP_TERRITORY_DEPARTEMENT, "49", "X")
    assert rc == 0
    try:
        assert _core.snplp_convention_set_funding(conv, 2020, 5, 6) == 0
        assert _core.snplp_convention_funding_in(conv, 2020) == (0, 5, 6)
        assert _core.snplp_convention_funding_in(conv, 2021) == (
            _core.SNPLP_ENOTFOUND, None, None)
        assert _core.snplp_convention_set_foreign_attribute(conv, None, "urn:x", "x", "a",
                                                            "v") == 0
        assert _core.snplp_convention_foreign_attribute(conv, None, 0) == (
            0, "urn:x", "x", "a", "v")
        assert _core.snplp_convention_set_years(conv, 2020, 2020) == 0
        rc, ind = _core.snplp_convention_add_indicator(conv, "i1", "I", _core.SNPLP_UNIT_COUNT)
        assert _core.snplp_indicator_set_target(ind, 2020, (10, 0)) == 0
        rc, m = _core.snplp_convention_matrix(conv, None)
        try:
            assert _core.snplp_matrix_missing(m, 0, 2020, 0) == (
                0, "c1", _core.SNPLP_MISSING_ACTUAL)
            assert _core.snplp_matrix_missing(m, 0, 2020, 1) == (
                _core.SNPLP_ENOTFOUND, None, None)
        finally:
            _core.snplp_matrix_free(m)
    finally:
        _core.snplp_convention_unref(conv)
    rc, ref = _core.snplp_referential_new()
    try:
        assert _core.snplp_referential_set_foreign_attribute(ref, "strategy", "urn:x", "x",
                                                             "a", "v") == 0
        assert _core.snplp_referential_foreign_attribute(ref, "strategy", 0) == (
            0, "urn:x", "x", "a", "v")
        rc, module = _core.snplp_referential_add_module_to_theme(
            ref, "m1", "t1", _core.SNPLP_LEVEL_EXPERT, "Module")
        assert rc == 0 and _core.snplp_module_theme_id(module) == "t1"
        assert _core.snplp_module_id(module) == "m1"
    finally:
        _core.snplp_referential_unref(ref)


def test_add_module_keeps_its_keywords_and_refuses_swapped_ids():
    ref = snplp.Referential()
    ref.add_theme("t1", "Theme")
    m = ref.add_module("t1", "m1", "expert", "Module")
    assert (m.id, m.theme_id) == ("m1", "t1")
    m2 = ref.add_module(id="m2", theme_id="t1", level="expert", title="Module 2")
    assert (m2.id, m2.theme_id) == ("m2", "t1")
    with pytest.raises(snplp.InvalidArgumentError, match="names a module, not a theme"):
        ref.add_module("m1", "m3", "expert", "Swapped")
