"""Messages in English and French with structured parameters (language.h, diagnostics.h, 1.6)
through the Python API: snplp.set_language() and snplp.language() (per thread), and the
message_id, params and render() of snplp.Diagnostic, on the LHEO findings of the import of
examples/data/lheo/offres.xml and of the export."""

import copy
import datetime
import decimal
import os
import pickle
import threading

import pytest

import snplp
from snplp import _core, _errors

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OFFRES = os.path.join(ROOT, "examples", "data", "lheo", "offres.xml")
RECORDS_FILE = os.path.join(ROOT, "examples", "data", "records.xml")


@pytest.fixture(autouse=True)
def english_afterwards():
    """Every test starts and ends with the main thread's language English (the default)."""
    snplp.set_language("en")
    yield
    snplp.set_language("en")


def in_thread(fn):
    """fn() run in a new thread: its result, or the exception it raised raised here."""
    out = {}

    def run():
        try:
            out["result"] = fn()
        except BaseException as e:  # noqa: BLE001 (raised again below)
            out["error"] = e

    t = threading.Thread(target=run)
    t.start()
    t.join()
    if "error" in out:
        raise out["error"]
    return out["result"]


def imported(lang, **kwargs):
    """The findings of the import of offres.xml with the thread's language set to lang."""
    snplp.set_language(lang)
    return snplp.from_lheo(OFFRES, **kwargs).diagnostics


def lheo_findings(found):
    return [d for d in found if d.name.startswith("lheo-")]


def one(found, message_id, item_id=None):
    matching = [d for d in found if d.message_id == message_id
                and (item_id is None or d.item_id == item_id)]
    assert len(matching) == 1, (message_id, item_id, [repr(d) for d in found])
    return matching[0]


# ---------- the language of the thread ----------


def test_the_default_language_is_english():
    assert snplp.language() == "en"
    assert in_thread(snplp.language) == "en"


@pytest.mark.parametrize("given, code", [
    ("fr", "fr"), ("en", "en"), ("fr_FR.UTF-8", "fr"), ("fr_BE@euro", "fr"), ("en_GB", "en"),
    ("C", "en"), ("POSIX", "en")])
def test_set_language_takes_a_code_or_a_locale(given, code):
    snplp.set_language("fr" if code == "en" else "en")
    assert snplp.set_language(given) is None
    assert snplp.language() == code


@pytest.mark.parametrize("given", ["de", "de_DE.UTF-8", "", "français"])
def test_another_language_raises_and_changes_nothing(given):
    snplp.set_language("fr")
    with pytest.raises(snplp.InvalidArgumentError) as caught:
        snplp.set_language(given)
    assert isinstance(caught.value, ValueError)
    assert caught.value.function == "snplp_language_from_locale"
    assert snplp.language() == "fr"


@pytest.mark.parametrize("given", [None, 1, b"fr", snplp.language])
def test_a_language_is_a_str(given):
    with pytest.raises(TypeError):
        snplp.set_language(given)
    assert snplp.language() == "en"


def test_the_language_is_per_thread():
    snplp.set_language("fr")
    assert in_thread(snplp.language) == "en"  # a new thread starts in English

    def other():
        found = snplp.from_lheo(OFFRES).diagnostics
        snplp.set_language("fr")
        return found, snplp.language()

    found, theirs = in_thread(other)
    assert theirs == "fr"
    assert snplp.language() == "fr"  # the thread's choice is its own
    assert all("thématique" not in d.message for d in found)
    assert any("national theme" in d.message for d in found)
    ours = snplp.from_lheo(OFFRES).diagnostics
    assert any("thématique" in d.message for d in ours)
    snplp.set_language("en")
    assert in_thread(lambda: (snplp.set_language("fr"), snplp.language())[1]) == "fr"
    assert snplp.language() == "en"


def test_threads_import_in_their_own_language_at_once():
    barrier = threading.Barrier(4)
    results = {}

    def run(lang):
        snplp.set_language(lang)
        barrier.wait()
        found = []
        for _ in range(5):
            found += snplp.from_lheo(OFFRES).diagnostics
        results[lang, threading.get_ident()] = found

    threads = [threading.Thread(target=run, args=(lang,)) for lang in ("en", "fr", "en", "fr")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    for (lang, _), found in results.items():
        catalogued = [d for d in found if d.message_id]
        assert catalogued
        for d in catalogued:
            assert d.message == d.render(lang)


# ---------- the findings of the LHEO import ----------


def test_the_import_in_french():
    found = lheo_findings(imported("fr"))
    assert found and all(d.message_id for d in found)
    assert any("thématique" in d.message for d in found)
    assert any("organisme de formation" in d.message for d in found)
    assert not any("national theme" in d.message for d in found)
    assert "correspondance non appliquée" in one(found, "lheo-theme-match/match",
                                                 "of-fictif-insertion-1").message


def test_the_import_in_english():
    found = lheo_findings(imported("en"))
    assert found and all(d.message_id for d in found)
    assert any("national theme" in d.message for d in found)
    assert not any("thématique" in d.message for d in found)


def test_message_ids_and_params_do_not_depend_on_the_language():
    fr, en = imported("fr"), imported("en")
    assert len(fr) == len(en)
    for f, e in zip(fr, en):
        assert (f.message_id, f.params, f.name, f.code, f.line, f.column, f.item_id) == \
            (e.message_id, e.params, e.name, e.code, e.line, e.column, e.item_id)
        if f.message_id:
            assert f.message != e.message
            assert f != e  # the message differs
            assert f.render("en") == e.message and e.render("fr") == f.message


def test_the_params_are_typed():
    found = imported("fr")
    match = one(found, "lheo-theme-match/match", "of-fictif-insertion-1")
    assert match.name == "lheo-theme-match"
    assert match.params == {
        "theme": "theme-insertion",
        "title": "L’insertion socio-professionnelle",
        "score": 3,
        "labels": ["insertion socioprofessionnelle",
                   "travail social et insertion socio-professionnelle"],
        "applied": "no",
    }
    assert type(match.params["score"]) is int
    assert one(found, "lheo-theme-match/match", "of-fictif-numerique-1").params["labels"] == \
        ["le numérique"]
    assert one(found, "lheo-no-theme/not-applied", "of-fictif-insertion-1").params == \
        {"theme": "theme-insertion", "none": snplp.LHEO_NO_THEME}
    assert one(found, "lheo-no-theme/none", "of-fictif-gestes-1").params == \
        {"none": snplp.LHEO_NO_THEME}
    kept = one(found, "lheo-value-kept/siret")
    assert kept.params["body"] == "institut-fictif-85"
    assert "SIRET" in kept.params["reason"]  # a reason from the model: English
    assert kept.params["reason"] in kept.message
    assert one(found, "lheo-assumed/level-days").params == {}


def test_accepted_matches_say_so():
    match = one(imported("fr", accept_matches=True), "lheo-theme-match/match",
                "of-fictif-insertion-1")
    assert match.params["applied"] == "yes"
    assert "correspondance appliquée" in match.message
    assert match.render("en").endswith(": applied")


def test_render_gives_either_language():
    found = lheo_findings(imported("fr"))
    for d in found:
        fr, en = d.render("fr"), d.render("en")
        assert fr == d.message
        assert en != fr
        assert d.render("fr_FR.UTF-8") == fr and d.render("C") == en
    match = one(found, "lheo-theme-match/match", "of-fictif-insertion-1")
    assert match.render("en").startswith("the offer matches the national theme theme-insertion")
    assert "thématique nationale theme-insertion" in match.render("fr")


def test_render_refuses_another_language():
    d = lheo_findings(imported("fr"))[0]
    with pytest.raises(snplp.InvalidArgumentError):
        d.render("de")
    with pytest.raises(TypeError):
        d.render(None)


def test_findings_outside_the_catalogue():
    snplp.set_language("fr")
    with pytest.raises(snplp.ParseError) as caught:
        snplp.from_lheo(b"<lheo xmlns='http://lheo.gouv.fr/2.3'><offres>", name="feed.xml")
    d = caught.value.diagnostics[0]  # libxml2's error: in the catalogue (reader.c)
    assert d.name == "not-well-formed"
    assert d.message_id == "not-well-formed/truncated" and d.params == {"element": "offres"}
    assert "tronqué" in d.message and "cut short" in d.render("en")
    made = snplp.Diagnostic("warning", 1, "name", 1, 2, None, "message")
    assert made.message_id is None and made.params == {}
    assert made.render("fr") == "message"


def test_a_finding_is_a_value():
    found = imported("fr")
    match = one(found, "lheo-theme-match/match", "of-fictif-insertion-1")
    again = pickle.loads(pickle.dumps(match))
    assert again == match and hash(again) == hash(match)
    assert again.params == match.params and again.render("en") == match.render("en")
    assert copy.deepcopy(match).render("en") == match.render("en")
    assert len(set(found)) == len(found)
    assert "_messages" not in repr(match) and "message_id='lheo-theme-match/match'" in repr(match)


# ---------- the findings of the LHEO export ----------


def test_the_export_in_french():
    ref = snplp.Referential.builtin()
    records = snplp.Records.from_file(RECORDS_FILE)
    snplp.set_language("fr")
    with pytest.raises(snplp.ValidationError) as caught:
        ref.to_lheo(records)
    found = caught.value.diagnostics
    nothing = one(found, "lheo-nothing-written/none-complete")
    assert nothing.params == {"left": 2}
    assert "écartées" in nothing.message
    assert nothing.render("en").startswith("no LHEO document is written")
    missing = [d for d in found if d.message_id == "lheo-missing-data/offer"]
    assert missing and all("est écartée" in d.message for d in missing)
    assert {d.params["module"] for d in missing} == {"module-insertion-fundamentals",
                                                      "module-insertion-expert"}
    cut = [d for d in found if d.message_id == "lheo-text-cut/text"]
    assert all(type(d.params["max"]) is int for d in cut)


# ---------- values of parameters ----------


@pytest.mark.parametrize("ptype, text, value", [
    (_core.SNPLP_PARAM_TEXT, "12", "12"),
    (_core.SNPLP_PARAM_ID, "module-x", "module-x"),
    (_core.SNPLP_PARAM_CHOICE, "yes", "yes"),
    (_core.SNPLP_PARAM_INTEGER, "-3", -3),
    (_core.SNPLP_PARAM_DECIMAL, "6.50", decimal.Decimal("6.50")),
    (_core.SNPLP_PARAM_DATE, "2022-03-31", datetime.date(2022, 3, 31)),
    (_core.SNPLP_PARAM_LIST, "a\x1fb c", ["a", "b c"]),
    (_core.SNPLP_PARAM_LIST, "", []),
    (_core.SNPLP_PARAM_INTEGER, "x", "x"),  # not of its type: the text
    (_core.SNPLP_PARAM_DATE, None, None),
])
def test_param_values(ptype, text, value):
    got = _errors._param_value(ptype, text)
    assert got == value and type(got) is type(value)
    if isinstance(value, decimal.Decimal):
        assert str(got) == text  # exact, digit for digit
