"""Offers of modules (offer.h) and LHEO 2.3 (lheo.h) through the Python API: Module.offer_*
and the audience codes, offer_code_label(), the export (Referential.to_lheo(), to_lheo_file()
and to_lheo_stream()) and the import (snplp.from_lheo() of examples/data/lheo/offres.xml:
findings, matches, schema validation, the round trip to a fixpoint, every kind of source),
against the official XSD and tables in tests/lheo."""

import bisect
import io
import os
import re
import shutil
import subprocess
import threading
import time
import xml.etree.ElementTree as ET

import pytest

import snplp

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
RECORDS_FILE = os.path.join(ROOT, "examples", "data", "records.xml")
XSD = os.path.join(ROOT, "tests", "lheo", "lheo-2.3.xsd")
GML = os.path.join(ROOT, "tests", "lheo", "lheo-gml-2.3.0.xml")
LHEO = "{http://lheo.gouv.fr/2.3}"
GML_NS = "{http://www.gelaba.org/gml/1.2}"

#: The modules of the built-in referential that examples/data/records.xml has sessions of (by
#: training body of-49-1): the formations of the document.
OFFERED = ("module-insertion-fundamentals", "module-insertion-expert")
REQUIRED = ("path", "entry-level", "certifying", "entry-level-required", "fees-covered",
            "rhythm", "work-study", "conditions", "audience codes")


@pytest.fixture
def ref():
    return snplp.Referential.builtin()


@pytest.fixture(scope="module")
def records():
    return snplp.Records.from_file(RECORDS_FILE)


def complete(module):
    """A complete offer, set from Python."""
    module.offer_path = 1
    module.offer_entry_level = 0
    module.offer_exit_level = 16
    module.offer_certifying = 0
    module.offer_entry_level_required = 0
    module.offer_fees_covered = 1
    module.offer_rhythm = "3 jours consécutifs"
    module.offer_work_study = "Sans période en entreprise"
    module.offer_conditions = "Professionnels de l'insertion en poste"
    module.offer_audience_info = "Travailleurs sociaux"
    module.formacode_version = "V14"
    module.add_audience_code("15041")


def xsd_errors(document: bytes) -> str:
    """'' when ``document`` validates against the official XSD, xmllint's report otherwise."""
    if shutil.which("xmllint") is None:
        pytest.skip("xmllint is not installed (Debian: libxml2-utils)")
    done = subprocess.run(["xmllint", "--noout", "--schema", XSD, "-"], input=document,
                          capture_output=True)
    return "" if done.returncode == 0 else done.stderr.decode("utf-8", "replace")


def formations(document: str) -> dict:
    """{numero of each <formation>: the number of its <session>s}."""
    root = ET.fromstring(document.encode("utf-8"))
    return {f.get("numero"): len(f.findall(f".//{LHEO}session"))
            for f in root.iter(f"{LHEO}formation")}


# ---------- the offer of a module ----------


def test_a_module_has_no_offer_by_default(ref):
    m = ref.modules[OFFERED[0]]
    assert not m.has_offer
    for which in snplp.OfferCode:
        assert m.offer_code(which) is None
        assert getattr(m, f"offer_{which.name.lower()}") is None
    for which in snplp.OfferText:
        assert m.offer_text(which) is None
        assert getattr(m, f"offer_{which.name.lower()}") is None
    assert m.formacode_version is None
    assert list(m.audience_codes) == [] and len(m.audience_codes) == 0


def test_offer_values_round_trip(ref):
    m = ref.modules[OFFERED[0]]
    complete(m)
    assert m.has_offer
    assert m.offer_path == 1 and m.offer_code(snplp.OfferCode.PATH) == 1
    assert m.offer_code("exit-level") == 16 == m.offer_exit_level
    assert m.offer_fees_covered == 1
    assert m.offer_text("rhythm") == "3 jours consécutifs" == m.offer_rhythm
    assert m.formacode_version == "V14"
    assert m.audience_codes == ["15041"]
    m.set_offer_code("path", 2)
    m.set_offer_text(snplp.OfferText.CONDITIONS, "Aucune")
    assert m.offer_path == 2 and m.offer_conditions == "Aucune"
    m.offer_path = None
    m.set_offer_code(snplp.OfferCode.EXIT_LEVEL, None)
    m.offer_rhythm = None
    assert m.offer_path is None and m.offer_exit_level is None and m.offer_rhythm is None
    assert str(snplp.OfferCode.ENTRY_LEVEL_REQUIRED) == "entry-level-required"
    assert str(snplp.OfferText.WORK_STUDY) == "work-study"
    assert snplp.offer_code_table("certifying") == "dict-boolean"


def test_an_offer_is_unset_value_by_value(ref):
    m = ref.modules[OFFERED[0]]
    m.offer_audience_info = "Tous publics"
    assert m.has_offer
    m.offer_audience_info = None
    assert not m.has_offer


def test_refused_values_raise_and_change_nothing(ref):
    m = ref.modules[OFFERED[0]]
    m.offer_path = 3
    with pytest.raises(snplp.InvalidArgumentError, match="dict-type-parcours"):
        m.offer_path = 5                       # not in the table
    with pytest.raises(snplp.InvalidArgumentError):
        m.offer_path = -1                      # None unsets, not -1
    with pytest.raises(snplp.InvalidArgumentError):
        m.set_offer_code("entry-level", 9)     # dict-niveaux: 0-8, 11-18
    with pytest.raises(TypeError):
        m.offer_certifying = True              # a code, not a bool
    with pytest.raises(TypeError):
        m.offer_path = "1"
    with pytest.raises(ValueError):
        m.offer_code("no-such-value")
    assert m.offer_path == 3 and m.offer_entry_level is None and m.offer_certifying is None
    with pytest.raises(snplp.InvalidArgumentError):
        m.offer_rhythm = "   "                 # blank: unset it instead
    with pytest.raises(TypeError):
        m.offer_rhythm = 3
    with pytest.raises(snplp.InvalidArgumentError):
        m.formacode_version = "14"
    assert m.offer_rhythm is None and m.formacode_version is None


def test_audience_codes(ref):
    m = ref.modules[OFFERED[0]]
    m.add_audience_code("15041")
    m.audience_codes.add("15043")
    assert list(m.audience_codes) == ["15041", "15043"] and m.audience_codes[-1] == "15043"
    with pytest.raises(snplp.AlreadyExistsError):
        m.add_audience_code("15041")
    with pytest.raises(snplp.InvalidArgumentError):
        m.add_audience_code("1504")            # five digits
    for code in range(15044, 15052):
        m.add_audience_code(str(code))
    assert len(m.audience_codes) == 10
    with pytest.raises(snplp.InvalidArgumentError):
        m.add_audience_code("15060")           # at most 10
    m.clear_audience_codes()
    assert len(m.audience_codes) == 0


def test_a_frozen_referential_refuses_offers(ref):
    m = ref.modules[OFFERED[0]]
    ref.freeze()
    with pytest.raises(snplp.FrozenError):
        m.offer_path = 1
    with pytest.raises(snplp.FrozenError):
        m.add_audience_code("15041")
    with pytest.raises(snplp.FrozenError):
        m.clear_audience_codes()
    assert not m.has_offer


# ---------- the export ----------


def test_without_offers_no_document_and_the_findings_name_what_is_missing(ref, records):
    with pytest.raises(snplp.ValidationError) as caught:
        ref.to_lheo(records)
    found = caught.value.diagnostics
    names = {d.name for d in found}
    assert {"lheo-missing-data", "lheo-nothing-written"} <= names
    missing = [d for d in found if d.name == "lheo-missing-data"]
    assert all(d.severity == "error" for d in missing)
    for module_id in OFFERED:
        # what is missing, as the findings' parameter "data" names it (1.6: the messages are
        # worded from it, in English or French)
        data = {d.params["data"] for d in missing if d.item_id == module_id}
        for value in REQUIRED:
            assert value.replace("-", "_").replace(" ", "_") in data, (module_id, value)


def test_without_records_no_document(ref):
    complete(ref.modules[OFFERED[0]])
    with pytest.raises(snplp.ValidationError) as caught:
        ref.to_lheo()
    assert "lheo-nothing-written" in {d.name for d in caught.value.diagnostics}


def test_complete_offers_make_a_valid_document(ref, records):
    for module_id in OFFERED:
        complete(ref.modules[module_id])
    doc = ref.to_lheo(records)
    assert isinstance(doc, str) and isinstance(doc, snplp.LheoDocument)
    assert doc.startswith("<?xml")
    sessions = {mid: sum(1 for s in records.sessions if s.subject_id == mid) for mid in OFFERED}
    assert formations(doc) == sessions and all(sessions.values())
    assert xsd_errors(doc.encode("utf-8")) == ""
    assert not [d for d in doc.diagnostics if d.severity == "error"]
    assert ref.to_lheo(records) == doc          # deterministic


def test_offers_left_out_are_in_the_document_findings(ref, records):
    complete(ref.modules[OFFERED[0]])
    doc = ref.to_lheo(records)
    assert set(formations(doc)) == {OFFERED[0]}
    assert xsd_errors(doc.encode("utf-8")) == ""
    left_out = {d.item_id for d in doc.diagnostics if d.name == "lheo-missing-data"}
    assert left_out == {OFFERED[1]}
    assert isinstance(doc.diagnostics[0], snplp.Diagnostic)


def test_all_or_nothing(ref, records, tmp_path):
    complete(ref.modules[OFFERED[0]])
    with pytest.raises(snplp.ValidationError) as caught:
        ref.to_lheo(records, all_or_nothing=True)
    names = [d.name for d in caught.value.diagnostics]
    assert "lheo-missing-data" in names and "lheo-nothing-written" in names
    path = tmp_path / "offres.xml"
    path.write_text("before")
    with pytest.raises(snplp.ValidationError):
        ref.to_lheo_file(path, records, all_or_nothing=True)
    assert path.read_text() == "before"         # left as it was
    complete(ref.modules[OFFERED[1]])
    doc = ref.to_lheo(records, all_or_nothing=True)
    assert set(formations(doc)) == set(OFFERED)


def test_to_lheo_file_and_stream(ref, records, tmp_path):
    complete(ref.modules[OFFERED[0]])
    doc = ref.to_lheo(records)
    path = tmp_path / "offres-é.xml"
    found = ref.to_lheo_file(path, records)
    assert path.read_bytes() == doc.encode("utf-8")
    assert [d.name for d in found] == [d.name for d in doc.diagnostics]
    binary = io.BytesIO()
    assert [d.message for d in ref.to_lheo_stream(binary, records)] == \
        [d.message for d in doc.diagnostics]
    assert binary.getvalue() == doc.encode("utf-8")
    text = io.StringIO()
    ref.to_lheo_stream(text, records)
    assert text.getvalue() == doc
    chunks = []
    ref.to_lheo_stream(chunks.append, records)
    assert b"".join(chunks) == doc.encode("utf-8")


def test_export_errors(ref, records, tmp_path):
    with pytest.raises(TypeError):
        ref.to_lheo("records.xml")
    with pytest.raises(TypeError):
        ref.to_lheo(ref)
    complete(ref.modules[OFFERED[0]])
    with pytest.raises(FileNotFoundError) as caught:
        ref.to_lheo_file(tmp_path / "no-such-dir" / "x.xml", records)
    assert isinstance(caught.value, snplp.InputOutputError)

    def failing(data):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        ref.to_lheo_stream(failing, records)


def test_a_document_pickles_with_its_findings(ref, records):
    import pickle
    complete(ref.modules[OFFERED[0]])
    doc = ref.to_lheo(records)
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back.diagnostics == doc.diagnostics


# ---------- the official tables ----------


def official_tables():
    """{table name: {int key: French label}} of the LHEO definition (lheo-gml 2.3.0)."""
    tables = {}
    for d in ET.parse(GML).getroot().iter(f"{GML_NS}dict"):
        entries = {}
        for entry in d.findall(f"{GML_NS}entry"):
            key = entry.find(f"{GML_NS}key").get("val")
            entries[int(key)] = entry.find(f"{GML_NS}value").get("val")
        tables[d.get("name")] = entries
    return tables


@pytest.mark.parametrize("which", list(snplp.OfferCode), ids=str)
def test_labels_are_the_official_ones(which):
    table = snplp.offer_code_table(which)
    entries = official_tables()[table]
    assert entries
    for key, label in entries.items():
        assert snplp.offer_code_label(which, key) == label, (table, key)
    for key in (-1, max(entries) + 1, 100):
        if key not in entries:
            assert snplp.offer_code_label(which, key) is None


def test_the_dict_niveaux_labels():
    entries = official_tables()["dict-niveaux"]
    assert len(entries) >= 17
    for key, label in entries.items():
        assert snplp.offer_code_label(snplp.OfferCode.ENTRY_LEVEL, key) == label
        assert snplp.offer_code_label("exit-level", key) == label


# ---------- the offer's own texts (objectives, results, content) ----------


def test_offer_text_enumerates_every_c_text():
    assert len(snplp.OfferText) == snplp._core.SNPLP_OFFER_TEXT_COUNT
    assert len(snplp.OfferCode) == snplp._core.SNPLP_OFFER_CODE_COUNT
    assert [str(t) for t in snplp.OfferText][-3:] == ["objectives", "results",
                                                      "content-description"]
    assert snplp.OfferText("content-description") is snplp.OfferText.CONTENT
    assert snplp.OfferText.OBJECTIVES == snplp._core.SNPLP_OFFER_OBJECTIVES


def test_the_offers_own_texts(ref, records):
    m = ref.modules[OFFERED[0]]
    complete(m)
    m.offer_objectives = "Connaître le service public de l'emploi"
    m.offer_results = "Attestation de fin de formation"
    m.set_offer_text("content-description", "Les acteurs ; les dispositifs")
    assert m.offer_text(snplp.OfferText.OBJECTIVES) == "Connaître le service public de l'emploi"
    assert m.offer_text("results") == m.offer_results == "Attestation de fin de formation"
    assert m.offer_content == "Les acteurs ; les dispositifs"
    doc = ref.to_lheo(records)
    assert xsd_errors(doc.encode("utf-8")) == ""
    formation = next(f for f in ET.fromstring(doc.encode("utf-8")).iter(f"{LHEO}formation")
                     if f.get("numero") == OFFERED[0])
    assert formation.findtext(f"{LHEO}objectif-formation") == m.offer_objectives
    assert formation.findtext(f"{LHEO}resultats-attendus") == m.offer_results
    assert formation.findtext(f"{LHEO}contenu-formation") == m.offer_content
    m.offer_content = None
    assert m.offer_content is None
    with pytest.raises(snplp.InvalidArgumentError):
        m.offer_objectives = " "


# ---------- the import ----------

FEED = os.path.join(ROOT, "examples", "data", "lheo", "offres.xml")
FORMATIONS = ("of-fictif-insertion-1", "of-fictif-numerique-1", "of-fictif-gestes-1")


@pytest.fixture(scope="module")
def feed_bytes():
    with open(FEED, "rb") as f:
        return f.read()


def names_by_item(found):
    """{item id: [finding names, in order]}."""
    out = {}
    for d in found:
        out.setdefault(d.item_id, []).append(d.name)
    return out


def themes_of(catalogue):
    return {m.id: m.theme_id for m in catalogue.modules}


def test_import_the_example_feed():
    result = snplp.from_lheo(FEED)
    assert isinstance(result, snplp.LheoImport) and isinstance(result, tuple)
    catalogue, records = result
    assert catalogue is result.catalogue and records is result.records
    assert isinstance(catalogue, snplp.Referential) and isinstance(records, snplp.Records)
    assert [m.id for m in catalogue.modules] == list(FORMATIONS)
    assert [b.id for b in records.training_bodies] == ["centre-fictif-44", "institut-fictif-85"]
    assert len(records.sessions) == 4 and len(records.workers) == 0
    assert {s.subject_id for s in records.sessions} == set(FORMATIONS)
    # matches are findings only by default: no module is placed, no theme is copied
    assert themes_of(catalogue) == dict.fromkeys(FORMATIONS, snplp.LHEO_NO_THEME)
    assert snplp.LHEO_NO_THEME == "theme-none" and len(catalogue.themes) == 0
    first = catalogue.modules[FORMATIONS[0]]
    assert first.theme is None
    assert first.offer_rhythm == "3 jours consécutifs" and first.offer_path == 1
    assert first.offer_objectives.startswith("Connaître les acteurs de l’emploi")
    assert first.offer_results == "Attestation de fin de formation."
    assert first.offer_content.startswith("Le service public de l’emploi")
    assert list(first.audience_codes) == ["15041"] and first.formacode_version == "V14"
    bodies = records.training_bodies
    assert bodies["centre-fictif-44"].siret == "44123456700010"
    assert bodies["institut-fictif-85"].siret is None      # a wrong key: kept as LHEO
    session = records.sessions["of-fictif-insertion-1-2022-04"]
    assert (session.start.isoformat(), session.end.isoformat()) == ("2022-04-04", "2022-04-06")


def test_import_findings():
    result = snplp.from_lheo(FEED)
    found = result.diagnostics
    assert found and all(isinstance(d, snplp.Diagnostic) for d in found)
    assert result.catalogue.import_diagnostics == found == result.records.import_diagnostics
    by_item = names_by_item(found)
    assert by_item[FORMATIONS[0]].count("lheo-theme-match") == 1
    assert by_item[FORMATIONS[1]].count("lheo-theme-match") == 1
    assert "lheo-theme-match" not in by_item[FORMATIONS[2]]
    for formation in FORMATIONS:
        assert by_item[formation].count("lheo-no-theme") == 1
    match = {d.item_id: d for d in found if d.name == "lheo-theme-match"}
    assert "theme-insertion" in match[FORMATIONS[0]].message
    assert "theme-digital" in match[FORMATIONS[1]].message
    assert all(d.severity == "info" and d.line > 0 for d in match.values())
    kept = [d for d in found if d.name == "lheo-value-kept"]
    assert len(kept) == 1 and "institut-fictif-85" in kept[0].message \
        and "SIRET" in kept[0].message
    assert "lheo-assumed" in {d.name for d in found}
    assert not [d for d in found if d.severity == "error"]
    assert "lheo-left-out" not in {d.name for d in found}


def test_accepted_matches_place_the_modules():
    result = snplp.from_lheo(FEED, accept_matches=True)
    assert themes_of(result.catalogue) == {FORMATIONS[0]: "theme-insertion",
                                           FORMATIONS[1]: "theme-digital",
                                           FORMATIONS[2]: snplp.LHEO_NO_THEME}
    assert [t.id for t in result.catalogue.themes] == ["theme-insertion", "theme-digital"]
    assert result.catalogue.modules[FORMATIONS[0]].theme.id == "theme-insertion"
    by_item = names_by_item(result.diagnostics)
    assert "lheo-no-theme" not in by_item[FORMATIONS[0]] + by_item[FORMATIONS[1]]
    assert "lheo-no-theme" in by_item[FORMATIONS[2]]


def test_min_score_applies_the_matches_that_score_enough():
    scores = [int(re.search(r"score (\d+)", d.message).group(1))
              for d in snplp.from_lheo(FEED).diagnostics if d.name == "lheo-theme-match"]
    assert len(scores) == 2
    placed = snplp.from_lheo(FEED, min_score=min(scores)).catalogue
    assert themes_of(placed)[FORMATIONS[0]] == "theme-insertion"
    assert themes_of(placed)[FORMATIONS[1]] == "theme-digital"
    none = snplp.from_lheo(FEED, min_score=max(scores) + 1).catalogue
    assert set(themes_of(none).values()) == {snplp.LHEO_NO_THEME}
    with pytest.raises(snplp.InvalidArgumentError):
        snplp.from_lheo(FEED, min_score=-1)
    with pytest.raises(TypeError):
        snplp.from_lheo(FEED, min_score=True)
    with pytest.raises(TypeError):
        snplp.from_lheo(FEED, min_score="3")
    with pytest.raises(TypeError):
        snplp.from_lheo(FEED, accept_matches=1)


def test_themes_matched_to_another_referential():
    builtin = snplp.from_lheo(FEED, accept_matches=True, themes=snplp.Referential.builtin())
    assert themes_of(builtin.catalogue) == themes_of(
        snplp.from_lheo(FEED, accept_matches=True).catalogue)
    empty = snplp.from_lheo(FEED, accept_matches=True, themes=snplp.Referential())
    assert set(themes_of(empty.catalogue).values()) == {snplp.LHEO_NO_THEME}
    assert "lheo-theme-match" not in {d.name for d in empty.diagnostics}
    with pytest.raises(TypeError):
        snplp.from_lheo(FEED, themes="theme-insertion")


def test_schema_validation_of_a_valid_feed():
    plain = snplp.from_lheo(FEED)
    checked = snplp.from_lheo(FEED, schema=XSD)
    assert [str(d) for d in checked.diagnostics] == [str(d) for d in plain.diagnostics]
    assert checked.catalogue == plain.catalogue and checked.records == plain.records
    import pathlib
    assert snplp.from_lheo(pathlib.Path(FEED), schema=pathlib.Path(XSD)).catalogue == \
        plain.catalogue


def test_schema_validation_of_an_invalid_feed(feed_bytes):
    marker = b"<certifiante>0</certifiante>"
    line = feed_bytes[:feed_bytes.index(marker)].count(b"\n") + 1
    invalid = feed_bytes.replace(marker, marker + b"<bogus/>", 1)
    assert snplp.from_lheo(invalid).catalogue is not None    # no schema: read leniently
    with pytest.raises(snplp.ParseError) as caught:
        snplp.from_lheo(invalid, schema=XSD, name="offres-modifie.xml")
    assert "offres-modifie.xml" in str(caught.value)
    schema = [d for d in caught.value.diagnostics if d.name == "schema"]
    assert len(schema) == 1 and schema[0].severity == "error"
    assert schema[0].line == line and schema[0].column > 0
    assert "bogus" in schema[0].message


def test_a_schema_that_cannot_be_read(tmp_path):
    with pytest.raises(snplp.InvalidArgumentError, match="XML Schema"):
        snplp.from_lheo(FEED, schema=tmp_path / "no-such.xsd")
    with pytest.raises(snplp.InvalidArgumentError, match="XML Schema"):
        snplp.from_lheo(FEED, schema=FEED)                  # a document, not a schema


def test_round_trip_to_a_fixpoint():
    catalogue, records = snplp.from_lheo(FEED)
    first = catalogue.to_lheo(records)
    assert isinstance(first, snplp.LheoDocument)
    assert xsd_errors(first.encode("utf-8")) == ""
    assert set(formations(first)) == set(FORMATIONS)
    # what the model does not hold is written back: the wrong SIRET, the unmapped elements
    assert "85345678900011" in first and "etat-recrutement" in first
    again = snplp.from_lheo(first.encode("utf-8"))
    second = again.catalogue.to_lheo(again.records)
    assert second == first
    third = snplp.from_lheo(text=second)
    assert third.catalogue.to_lheo(third.records) == second


def test_a_placed_catalogue_round_trips_too():
    catalogue, records = snplp.from_lheo(FEED, accept_matches=True)
    first = catalogue.to_lheo(records)
    assert xsd_errors(first.encode("utf-8")) == ""
    again = snplp.from_lheo(first.encode("utf-8"), accept_matches=True)
    assert again.catalogue.to_lheo(again.records) == first


def test_the_catalogue_saved_as_xml_reopens_with_keep_invalid():
    catalogue, records = snplp.from_lheo(FEED)
    saved = catalogue.to_bytes()
    with pytest.raises(snplp.ValidationError):       # modules under theme-none
        snplp.Referential.from_bytes(saved)
    assert snplp.Referential.from_bytes(saved, keep_invalid=True) == catalogue
    assert snplp.Records.from_bytes(records.to_bytes()) == records


def same_import(a, b):
    assert a.catalogue == b.catalogue and a.records == b.records
    assert [(d.name, d.item_id, d.line, d.message) for d in a.diagnostics] == \
        [(d.name, d.item_id, d.line, d.message) for d in b.diagnostics]


def test_bytes_text_and_streams(feed_bytes):
    from_file = snplp.from_lheo(FEED)
    same_import(snplp.from_lheo(feed_bytes), from_file)
    same_import(snplp.from_lheo(bytearray(feed_bytes)), from_file)
    same_import(snplp.from_lheo(memoryview(feed_bytes)), from_file)
    same_import(snplp.from_lheo(io.BytesIO(feed_bytes)), from_file)
    same_import(snplp.from_lheo(text=feed_bytes.decode("utf-8")), from_file)
    with open(FEED, "rb") as f:
        same_import(snplp.from_lheo(f), from_file)
    with open(FEED, encoding="utf-8") as f:
        same_import(snplp.from_lheo(f), from_file)
    stream = io.BytesIO(feed_bytes)
    same_import(snplp.from_lheo(lambda size: stream.read(min(size, 7))), from_file)


def test_a_not_well_formed_feed_raises_parse_error(feed_bytes):
    broken = feed_bytes.replace(b"</offres>", b"</offre>")
    line = broken[:broken.index(b"</offre>")].count(b"\n") + 1
    for source in (broken, io.BytesIO(broken)):
        with pytest.raises(snplp.ParseError) as caught:
            snplp.from_lheo(source, name="offres.xml")
        # the findings of what was read before the error come first (the import streams)
        bad = [d for d in caught.value.diagnostics if d.name == "not-well-formed"]
        assert len(bad) == 1 and bad[0].severity == "error" and bad[0].line == line
        assert "offres.xml" in str(caught.value)
    with pytest.raises(snplp.ParseError) as caught:
        snplp.from_lheo(b"<records xmlns='urn:x'/>")     # well-formed, not LHEO
    assert caught.value.diagnostics
    with pytest.raises(snplp.ParseError):
        snplp.from_lheo(b"")


def test_import_argument_errors(tmp_path):
    with pytest.raises(FileNotFoundError) as caught:
        snplp.from_lheo(tmp_path / "données.xml")
    assert isinstance(caught.value, snplp.InputOutputError)
    assert caught.value.filename == str(tmp_path / "données.xml")
    with pytest.raises(ValueError, match="text="):
        snplp.from_lheo("<lheo xmlns='http://lheo.gouv.fr/2.3'/>")   # a str is a path
    with pytest.raises(TypeError):
        snplp.from_lheo()
    with pytest.raises(TypeError):
        snplp.from_lheo(FEED, text="<lheo/>")
    with pytest.raises(TypeError):
        snplp.from_lheo(42)
    with pytest.raises(TypeError):
        snplp.from_lheo(FEED, progress=3)
    with pytest.raises(TypeError):
        snplp.LheoImport("catalogue", snplp.Records())


def test_import_progress_and_callables_that_raise(feed_bytes):
    calls = []
    snplp.from_lheo(feed_bytes, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] <= calls[-1][1]
    with pytest.raises(snplp.InputOutputError):
        snplp.from_lheo(feed_bytes, progress=lambda done, total: False)

    def failing(size):
        raise RuntimeError("network down")

    with pytest.raises(RuntimeError, match="network down"):
        snplp.from_lheo(failing)

    def cancel(done, total):
        raise KeyError("stop")

    with pytest.raises(KeyError):
        snplp.from_lheo(io.BytesIO(feed_bytes), progress=cancel)


def test_the_import_result():
    import copy
    result = snplp.from_lheo(FEED)
    assert repr(result) == ("<LheoImport: 3 modules, 2 training bodies, 4 sessions, "
                            f"{len(result.diagnostics)} findings>")
    assert len(result) == 2 and result[0] is result.catalogue
    other = copy.copy(result)
    assert other.catalogue is result.catalogue and other.diagnostics == result.diagnostics
    made = snplp.LheoImport(result.catalogue, result.records)
    assert made.diagnostics == []


@pytest.fixture(scope="module")
def big_feed(feed_bytes):
    """The example feed's formations 1500 times (about 15 MB), numbered apart."""
    text = feed_bytes.decode("utf-8")
    a, b = text.index("<formation "), text.rindex("</formation>") + len("</formation>")
    body = text[a:b]
    copies = [re.sub(r'numero="([^"]+)"', lambda m, i=i: f'numero="{m.group(1)}-{i}"', body)
              for i in range(1500)]
    return (text[:a] + "\n".join(copies) + text[b:]).encode("utf-8")


def test_the_gil_is_released_during_the_import(big_feed):
    """While one thread imports a large feed, another keeps running Python code."""
    calls, ticks = [], []
    stop = threading.Event()

    def work():
        try:
            for _ in range(3):
                start = time.perf_counter()
                result = snplp.from_lheo(big_feed)
                calls.append((start, time.perf_counter(), len(result.catalogue.modules)))
        finally:
            stop.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not stop.is_set():
        ticks.append(time.perf_counter())
    worker.join()
    assert [n for _, _, n in calls] == [4500] * 3
    long_calls = [(s, e) for s, e, _ in calls if e - s > 0.04]
    assert long_calls, f"the imports were too quick to tell: {[e - s for s, e, _ in calls]}"

    def longest_pause(start, end):
        inside = ticks[bisect.bisect_right(ticks, start):bisect.bisect_left(ticks, end)]
        times = [start, *inside, end]
        return max(y - x for x, y in zip(times, times[1:]))

    pauses = [longest_pause(s, e) / (e - s) for s, e in long_calls]
    assert min(pauses) < 0.5, f"the other thread stopped during the imports: {pauses}"


def test_from_lheo_lists_every_match_as_data():
    # the same as the findings lheo-theme-match / lheo-no-theme say, for every module
    result = snplp.from_lheo(FEED, min_score=3)
    by_module = {m["module"]: m for m in result.matches}
    assert list(by_module) == [m.id for m in result.catalogue.modules]
    first = by_module["of-fictif-insertion-1"]
    assert first["theme"] == "theme-insertion" and first["score"] == 3
    assert first["applied"] is True and first["tie"] is False
    assert first["labels"][0] == "insertion socioprofessionnelle"
    last = by_module["of-fictif-gestes-1"]
    assert last == {"module": "of-fictif-gestes-1", "theme": None, "score": 0, "tie": False,
                    "applied": False, "labels": []}
    # past the limit of an import's findings (two per offer), every offer is still listed
    offers = "".join(f'<formation numero="f-{i}"><intitule-formation>Aller vers {i}'
                     f'</intitule-formation></formation>' for i in range(700))
    many = snplp.from_lheo(text=f'<lheo xmlns="http://lheo.gouv.fr/2.3"><offres>{offers}'
                                '</offres></lheo>')
    assert len(many.matches) == 700
    assert all(m["theme"] == "theme-outreach" and not m["applied"] for m in many.matches)
    assert any(d.name == "too-many-findings" for d in many.diagnostics)
