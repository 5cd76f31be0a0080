"""Offers of modules (offer.h) and the LHEO 2.3 export (lheo.h) through the Python API:
Module.offer_* and the audience codes, offer_code_label(), Referential.to_lheo(),
to_lheo_file() and to_lheo_stream(), against the official XSD and tables in tests/lheo."""

import io
import os
import shutil
import subprocess
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
        messages = " ".join(d.message for d in missing if d.item_id == module_id)
        for value in REQUIRED:
            assert f"offer's {value}" in messages, (module_id, value)


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
