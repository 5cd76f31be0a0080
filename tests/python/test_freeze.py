"""Freezing (1.3): Referential.freeze(), Convention.freeze(), ConventionList.freeze() and their
``frozen`` property; a change of a frozen object raises FrozenError and changes nothing.

Run with PYTHONPATH=<build>/bindings/python python3 -m pytest tests/python/test_freeze.py
"""

import threading

import pytest

import snplp
from snplp import _core


def test_frozen_error_is_the_status():
    assert _core.SNPLP_EFROZEN == -11
    assert issubclass(snplp.FrozenError, snplp.Error)
    assert snplp.FrozenError.status == _core.SNPLP_EFROZEN


def test_referential_freeze():
    ref = snplp.Referential()
    theme = ref.add_theme("t1", "Theme")
    assert ref.frozen is False
    ref.freeze()
    assert ref.frozen is True
    ref.freeze()  # again: nothing more
    with pytest.raises(snplp.FrozenError, match="the referential is frozen") as err:
        ref.add_lever("l1", "Lever")
    assert err.value.reason == "the referential is frozen"
    with pytest.raises(snplp.FrozenError):
        theme.title = "New"
    assert theme.title == "Theme"
    assert len(ref) == 3  # the strategy, the training plan and the theme
    assert ref.search("theme") is not None  # reading works


def test_builtin_shared_by_threads_once_frozen():
    ref = snplp.Referential.builtin()
    before = ref.to_bytes()
    ref.freeze()
    failures = []

    def work():
        for _ in range(20):
            try:
                ref.add_lever("l-new", "Lever")
                failures.append("a change did not fail")
            except snplp.FrozenError:
                pass
            if not ref.search("insertion"):
                failures.append("no hit")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert ref.to_bytes() == before


def test_convention_and_list_freeze():
    conv = snplp.Convention("calpae-49-2019", "departement", "49", "Maine-et-Loire")
    conv.years = range(2019, 2022)
    other = snplp.Convention("calpae-44-2019", "departement", "44", "Loire-Atlantique")
    lst = snplp.ConventionList([conv])
    assert not lst.frozen and not conv.frozen
    lst.freeze()
    assert lst.frozen and conv.frozen and not other.frozen
    with pytest.raises(snplp.FrozenError, match="the list of conventions is frozen"):
        lst.append(other)
    with pytest.raises(snplp.FrozenError, match="the list of conventions is frozen"):
        lst.remove("calpae-49-2019")
    with pytest.raises(snplp.FrozenError, match="the convention 'calpae-49-2019' is frozen"):
        conv.years = range(2020, 2023)
    assert conv.years == range(2019, 2022)
    with pytest.raises(snplp.FrozenError):
        lst[0].add_action("a1", "social-work", "Action")
    assert len(lst) == 1 and len(conv.actions) == 0
    other.freeze()
    assert other.frozen
    with pytest.raises(snplp.FrozenError):
        other.set_territory("region", "52", "Pays de la Loire")
