"""The Python layer of training records (issue 17): snplp.Records and its records, XML in and
out, CSV merges, validation, eligibility and coverage against the built-in referential.

Run with PYTHONPATH=<build>/bindings/python python3 -m pytest tests/python/test_records.py
"""

import copy
import datetime
import decimal
import gc
import io
import os
import pickle
import threading

import pytest

import snplp
from snplp import _core

D = decimal.Decimal
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
EXAMPLE = os.path.join(ROOT, "examples", "data", "records.xml")

FUNDAMENTALS = "module-insertion-fundamentals"
EXPERT = "module-insertion-expert"
EE_THEME = "plan-theme-early-childhood-days-1"


@pytest.fixture(scope="module")
def ref():
    r = snplp.Referential.builtin()
    r.freeze()
    return r


def build():
    """Small records: a département's social workers and a crèche's childminder."""
    rec = snplp.Records()
    rec.add_profession("profession-childminder", "worker", "assistants maternels")
    rec.add_employer("cd80", snplp.EmployerKind.DEPARTEMENT, "Conseil départemental", "80")
    rec.add_employer("creche-amiens", "creche", "Multi-accueil", "80021")
    ass = rec.add_worker("w-ass", "profession-ass", "cd80", "80", datetime.date(2018, 1, 1))
    ass.diploma_level = 6
    ass.unit = "Service insertion"
    rec.add_worker("w-es", "profession-es", "cd80", "80", "2017-06-01")
    rec.add_worker("w-child", "profession-childminder", "creche-amiens", "80021",
                   "2019-01-01")
    body = rec.add_training_body("of1", "Institut régional")
    body.siret = "73282932000074"
    body.add_address_line("1 rue de la Paix")
    body.postal_code = "80000"
    body.commune = "Amiens"
    rec.add_session("s-f", FUNDAMENTALS, "of1", "2020-03-02", "2020-03-04", 3, "on-site")
    rec.add_session("s-e", EXPERT, "of1", datetime.date(2020, 11, 16),
                    datetime.date(2020, 11, 17), D("2"), snplp.SessionMode.DISTANCE)
    ee = rec.add_session("s-ee", EE_THEME, "of1", "2020-04-14", "2020-04-14", "1", "on-site")
    ee.place = "80021"
    ee.capacity = 20
    rec.add_attendance("w-ass", "s-f", "attended")
    rec.add_attendance("w-es", "s-f", snplp.AttendanceStatus.PARTIAL)  # days unknown
    rec.add_attendance("w-child", "s-ee", "attended")
    return rec


@pytest.fixture
def rec():
    return build()


# ---------- the model ----------


def test_lists_are_sequences_with_lookup_by_id(rec):
    assert rec.workers.ids() == ["w-ass", "w-es", "w-child"]
    assert rec.employers.ids() == ["cd80", "creche-amiens"]
    assert rec.professions.ids() == ["profession-childminder"]
    assert rec.training_bodies.ids() == ["of1"]
    assert rec.sessions.ids() == ["s-f", "s-e", "s-ee"]
    assert len(rec.attendance) == 3
    assert rec.workers["w-es"].profession_id == "profession-es"
    assert rec.workers[-1].id == "w-child"
    assert [w.id for w in rec.workers[1:]] == ["w-es", "w-child"]
    assert "w-ass" in rec.workers and "s-f" not in rec.workers
    assert rec.workers.get("nobody") is None
    with pytest.raises(KeyError):
        rec.sessions["nothing"]
    with pytest.raises(TypeError):
        rec.attendance["w-ass"]  # attendance has no id
    assert rec.kind_of("s-f") is snplp.RecordKind.SESSION
    assert rec.kind_of("of1") == "training-body"
    assert rec.kind_of("nobody") is None
    assert "cd80" in rec and "nobody" not in rec
    assert rec.find("creche-amiens") == rec.employers["creche-amiens"]
    assert rec.find("nobody") is None
    assert [a.worker_id for a in rec.attendance_of(session_id="s-f")] == ["w-ass", "w-es"]
    assert rec.attendance_of("w-child")[0].session_id == "s-ee"


def test_values_are_python_types(rec):
    w = rec.workers["w-ass"]
    assert w.from_ == datetime.date(2018, 1, 1)
    assert w.until is None and w.diploma_level == 6 and w.unit == "Service insertion"
    assert w.employer_id == "cd80" and w.territory_code == "80"
    assert rec.workers["w-es"].diploma_level is None and rec.workers["w-es"].unit is None
    s = rec.sessions["s-e"]
    assert (s.subject_id, s.body_id) == (EXPERT, "of1")
    assert (s.start, s.end) == (datetime.date(2020, 11, 16), datetime.date(2020, 11, 17))
    assert s.days == D("2") and isinstance(s.days, D)
    assert s.mode is snplp.SessionMode.DISTANCE and s.mode == "distance"
    assert s.place is None and s.capacity is None
    ee = rec.sessions["s-ee"]
    assert (ee.place, ee.capacity) == ("80021", 20)
    e = rec.employers["creche-amiens"]
    assert (e.kind, e.name, e.territory_code) == ("creche", "Multi-accueil", "80021")
    p = rec.professions[0]
    assert p.category is snplp.Category.WORKER and p.title == "assistants maternels"
    b = rec.training_bodies["of1"]
    assert b.siret == "73282932000074" and b.address_lines == ["1 rue de la Paix"]
    assert (b.postal_code, b.commune, b.legal_name, b.phone, b.email,
            b.declaration_number) == ("80000", "Amiens", None, None, None, None)
    a = rec.attendance[1]
    assert (a.worker_id, a.session_id, a.status, a.days) == ("w-es", "s-f", "partial", None)


def test_setters_and_none_unsets(rec):
    w = rec.workers["w-es"]
    w.until = "2021-12-31"
    assert w.until == datetime.date(2021, 12, 31)
    w.until = None
    assert w.until is None
    w.diploma_level = 7
    w.diploma_level = None
    assert w.diploma_level is None
    w.from_ = datetime.date(2016, 5, 2)
    assert w.from_ == datetime.date(2016, 5, 2)
    w.profession_id = "profession-cesf"
    assert w.profession_id == "profession-cesf"
    s = rec.sessions["s-f"]
    s.days = "2.5"
    assert s.days == D("2.5") and str(s.days) == "2.5"
    s.mode = "mixed"
    assert s.mode is snplp.SessionMode.MIXED
    s.end = "2020-03-05"
    assert (s.start, s.end) == (datetime.date(2020, 3, 2), datetime.date(2020, 3, 5))
    s.set_dates("2020-04-01", "2020-04-02")
    assert s.start == datetime.date(2020, 4, 1)
    s.capacity = 12
    s.capacity = None
    assert s.capacity is None
    a = rec.attendance[1]
    a.days = D("1.5")
    assert a.days == D("1.5")
    a.status = snplp.AttendanceStatus.ATTENDED
    assert a.status == "attended"
    a.days = None
    assert a.days is None
    b = rec.training_bodies[0]
    b.email = "contact@example.org"
    b.phone = "+33 3 22 00 00 00"
    b.legal_name = "Institut SAS"
    assert (b.email, b.phone, b.legal_name) == ("contact@example.org", "+33 3 22 00 00 00",
                                                "Institut SAS")
    b.siret = None
    assert b.siret is None
    rec.employers[0].kind = "metropole"
    assert rec.employers[0].kind is snplp.EmployerKind.METROPOLE
    rec.professions[0].category = "cadre"
    assert rec.professions[0].category is snplp.Category.CADRE


def test_errors_map_to_the_package_exceptions(rec):
    with pytest.raises(snplp.AlreadyExistsError):
        rec.add_worker("cd80", "profession-ass", "cd80", "80", "2020-01-01")  # an employer's id
    with pytest.raises(snplp.BadIdError):
        rec.add_training_body("not an id", "X")
    with pytest.raises(snplp.InvalidArgumentError):
        rec.training_bodies[0].siret = "12345678901234"  # wrong key
    with pytest.raises(snplp.InvalidArgumentError):
        rec.workers[0].diploma_level = 9
    with pytest.raises(snplp.InvalidArgumentError):
        rec.sessions[0].days = 0
    with pytest.raises(TypeError):
        rec.sessions[0].days = 2.5  # a float is not exact
    with pytest.raises(ValueError):
        rec.add_session("s-x", FUNDAMENTALS, "of1", "2020-01-01", "2020-01-01", 1, "nowhere")
    with pytest.raises(TypeError):
        rec.add_worker("w-x", "profession-ass", "cd80", "80", None)
    with pytest.raises(snplp.InvalidArgumentError):
        rec.add_worker("w-x", "profession-ass", "cd80", "80", "2020-02-30")
    assert "w-x" not in rec.workers and "s-x" not in rec.sessions  # nothing changed
    with pytest.raises(TypeError):
        snplp.Worker()


def test_frozen_records_refuse_every_change(rec):
    assert not rec.frozen
    rec.freeze()
    assert rec.frozen
    with pytest.raises(snplp.FrozenError):
        rec.add_training_body("of2", "Other")
    with pytest.raises(snplp.FrozenError):
        rec.workers[0].unit = "Other"
    with pytest.raises(snplp.FrozenError):
        rec.attendance[0].status = "absent"
    with pytest.raises(snplp.FrozenError):
        rec.merge_workers_csv(text="id,profession,employer,territory,from\n")
    assert rec.workers[0].unit == "Service insertion" and len(rec.training_bodies) == 1


def test_equality_is_deep_and_parts_compare_as_the_same_record(rec):
    other = build()
    assert rec == other and rec is not other
    other.workers[0].unit = "Autre"
    assert rec != other
    assert rec.workers[0] == rec.workers["w-ass"]
    assert rec.workers[0] != rec.workers[1]
    assert len({rec.workers[0], rec.workers["w-ass"]}) == 1
    assert snplp.Records() == snplp.Records()
    with pytest.raises(TypeError):
        hash(rec)


def test_children_keep_the_records_alive():
    w = build().workers["w-ass"]
    a = w.records.attendance[0]
    gc.collect()
    assert w.profession_id == "profession-ass" and a.session_id == "s-f"


def test_enums_are_str_enums_of_the_library_names():
    assert snplp.EmployerKind("creche") is snplp.EmployerKind.CRECHE
    assert snplp.SessionMode.ON_SITE == "on-site"
    assert int(snplp.AttendanceStatus.CANCELLED) == _core.SNPLP_ATTENDANCE_CANCELLED
    assert snplp.AttendanceStatus(_core.SNPLP_ATTENDANCE_PARTIAL) is snplp.AttendanceStatus.PARTIAL
    assert [str(a) for a in snplp.EligibilityAnswer] == ["priority", "open", "not-yet"]
    assert snplp.EligibilityReason.PREREQUISITE_MISSING == "prerequisite-missing"
    assert snplp.RecordKind.TRAINING_BODY.code == _core.SNPLP_RECORD_TRAINING_BODY
    assert snplp.CoverageAxis.TERRITORY.code == _core.SNPLP_COVERAGE_BY_TERRITORY


def test_siret_is_valid():
    assert snplp.siret_is_valid("73282932000074")
    assert not snplp.siret_is_valid("73282932000075")
    assert not snplp.siret_is_valid("7328")


def test_extensions_on_records_and_attendance(rec):
    rec.add_extension('<x:note xmlns:x="urn:example:hr">root</x:note>')
    rec.workers[0].add_extension('<x:grade xmlns:x="urn:example:hr">A</x:grade>')
    rec.workers[0].set_foreign_attribute("urn:example:hr", "x", "matricule", "H-12")
    rec.attendance[0].add_extension('<x:sheet xmlns:x="urn:example:hr">12</x:sheet>')
    rec.attendance[0].set_foreign_attribute("urn:example:hr", "x", "signed", "yes")
    rec.set_foreign_attribute("urn:example:hr", "x", "source", "sirh")
    assert len(rec.extensions) == 1 and "root" in rec.extensions[0]
    assert "grade" in rec.workers[0].extensions[0]
    assert rec.workers[0].foreign_attributes == [
        snplp.ForeignAttribute("urn:example:hr", "x", "matricule", "H-12")]
    assert rec.attendance[0].foreign_attributes[0].value == "yes"
    assert "sheet" in rec.attendance[0].extensions[0]
    assert rec.foreign_attributes[0].name == "source"
    assert rec.workers[1].extensions == [] and rec.attendance[1].foreign_attributes == []
    back = snplp.Records.from_bytes(rec.to_bytes())
    assert back == rec
    assert back.attendance[0].foreign_attributes == rec.attendance[0].foreign_attributes


# ---------- XML ----------


def test_round_trip_through_xml(rec, tmp_path):
    data = rec.to_bytes()
    assert data.startswith(b"<?xml") and b"<records" in data
    assert snplp.Records.from_bytes(data) == rec
    text = rec.to_string()
    assert isinstance(text, str) and snplp.Records.from_string(text) == rec
    path = tmp_path / "données.xml"
    rec.to_file(path)
    back = snplp.Records.from_file(path)
    assert back == rec and back.import_diagnostics == []
    assert back.to_bytes() == data  # deterministic
    with open(path, "rb") as f:
        assert snplp.Records.from_stream(f) == rec
    with open(path, encoding="utf-8") as f:
        assert snplp.Records.from_stream(f) == rec
    out = io.BytesIO()
    rec.to_stream(out)
    assert out.getvalue() == data
    text_out = io.StringIO()
    rec.to_stream(text_out)
    assert text_out.getvalue() == text
    assert pickle.loads(pickle.dumps(rec)) == rec
    assert copy.deepcopy(rec) == rec
    same = copy.copy(rec)
    same.workers[0].unit = "changed"
    assert rec.workers[0].unit == "changed"  # copy.copy is another handle on the same records


def test_import_options(rec):
    data = rec.to_bytes()
    seen = []
    assert snplp.Records.from_bytes(data, strict=True, progress=lambda d, t: seen.append(d)) == rec
    assert seen
    with pytest.raises(snplp.InputOutputError):
        snplp.Records.from_bytes(data, progress=lambda d, t: False)
    with pytest.raises(TypeError):
        snplp.Records.from_bytes(data, strict="yes")
    with pytest.raises(TypeError):
        snplp.Records.from_bytes(data.decode())
    assert snplp.Records.from_bytes(data, keep_invalid=True) == rec


def test_import_errors_carry_located_findings(tmp_path):
    bad = (b'<?xml version="1.0" encoding="UTF-8"?>\n<records xmlns="urn:snplp:1.0">\n'
           b'  <employer id="e1" kind="departement" territory="80"><name>A</name></employer>\n'
           b'  <employer id="e1" kind="departement" territory="80"><name>B</name></employer>\n'
           b'</records>\n')
    with pytest.raises(snplp.Error) as err:
        snplp.Records.from_bytes(bad, name="bad.xml")
    assert err.value.diagnostics
    assert any(d.line == 4 for d in err.value.diagnostics)
    with pytest.raises(snplp.ParseError) as err:
        snplp.Records.from_string("<records")
    assert err.value.diagnostics
    with pytest.raises(snplp.ParseError) as err:  # a referential is not records
        snplp.Records.from_file(os.path.join(ROOT, "examples", "data", "catalogue.xml"))
    assert any(d.name == "wrong-root" for d in err.value.diagnostics)


def test_a_missing_file_raises_file_not_found(tmp_path):
    missing = tmp_path / "absent.xml"
    with pytest.raises(FileNotFoundError) as err:
        snplp.Records.from_file(missing)
    assert isinstance(err.value, snplp.InputOutputError)
    assert err.value.filename == str(missing)
    with pytest.raises(FileNotFoundError):
        build().to_file(tmp_path / "no-such-dir" / "r.xml")


def test_a_stream_exception_propagates(rec):
    def read(size):
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError, match="disk gone"):
        snplp.Records.from_stream(read)

    def write(data):
        raise RuntimeError("full")

    with pytest.raises(RuntimeError, match="full"):
        rec.to_stream(write)


# ---------- CSV ----------

WORKERS_CSV = """id,profession,employer,territory,from,until,diploma-level,unit
w-new,profession-es,cd80,80,2021-01-04,,6,Service enfance
w-es,profession-es,cd80,80,2017-06-01,2022-06-30,,
"""


def test_merge_workers_csv_adds_and_updates(rec):
    rec.merge_workers_csv(text=WORKERS_CSV)
    assert rec.workers.ids() == ["w-ass", "w-es", "w-child", "w-new"]
    new = rec.workers["w-new"]
    assert (new.from_, new.diploma_level, new.unit) == (datetime.date(2021, 1, 4), 6,
                                                        "Service enfance")
    assert rec.workers["w-es"].until == datetime.date(2022, 6, 30)


def test_merge_csv_sources_and_dialects(rec, tmp_path):
    fr = "\ufeffworker;session;status;days\nw-es;s-f;partial;2,5\nw-ass;s-e;registered;\n"
    path = tmp_path / "émargement.csv"
    path.write_text(fr, encoding="utf-8")
    rec.merge_attendance_csv(path, "fr")
    assert rec.attendance_of("w-es", "s-f")[0].days == D("2.5")
    assert rec.attendance_of("w-ass", "s-e")[0].status is snplp.AttendanceStatus.REGISTERED
    assert len(rec.attendance) == 4  # one added, one updated
    rec.merge_attendance_csv(b"worker,session,status\nw-child,s-ee,absent\n")
    assert rec.attendance_of("w-child")[0].status == "absent"
    rec.merge_attendance_csv(io.StringIO("worker,session,status\nw-child,s-ee,attended\n"),
                             snplp.CsvDialect.INTL)
    assert rec.attendance_of("w-child")[0].status == "attended"


def test_merge_csv_is_all_or_nothing_with_located_findings(rec, tmp_path):
    before = rec.to_bytes()
    bad = ("id,profession,employer,territory,from\n"
           "w-ok,profession-es,cd80,80,2021-01-04\n"
           "w-bad,profession-es,nowhere,80,2021-13-01\n")
    with pytest.raises(snplp.ParseError) as err:
        rec.merge_workers_csv(text=bad)
    assert rec.to_bytes() == before  # nothing changed, not even the good row
    lines = {d.line for d in err.value.diagnostics}
    assert lines == {3}
    assert {d.name for d in err.value.diagnostics} >= {"unknown-record", "bad-date"}
    with pytest.raises(FileNotFoundError):
        rec.merge_workers_csv(tmp_path / "absent.csv")
    with pytest.raises(ValueError, match="text="):
        rec.merge_workers_csv("id,profession\nw,x\n")
    with pytest.raises(TypeError):
        rec.merge_attendance_csv()
    with pytest.raises(TypeError):
        rec.merge_attendance_csv(b"", text="")


# ---------- rules ----------


def test_validate_against_the_builtin_referential(rec, ref):
    found = rec.validate(ref)
    assert [d for d in found if d.severity == "error"] == []
    rec.add_attendance("w-ass", "s-nowhere", "attended")
    found = rec.validate(ref)
    dangling = [d for d in found if d.name == "record-dangling-reference"]
    assert len(dangling) == 1 and dangling[0].item_id == "w-ass"
    assert "s-nowhere" in dangling[0].message
    with pytest.raises(snplp.ValidationError) as err:
        rec.validate(ref, raise_errors=True)
    assert err.value.diagnostics == found
    with pytest.raises(TypeError):
        rec.validate(None)


def test_validate_finds_a_declared_profession_of_the_referential(ref):
    rec = snplp.Records()
    rec.add_profession("profession-ass", "worker", "assistants de service social")
    assert [d.name for d in rec.validate(ref)] == ["profession-in-referential"]


def test_eligibility_answers_with_every_reason(rec, ref):
    at = datetime.date(2020, 6, 1)
    e = rec.eligibility(ref, "w-ass", EXPERT, at=at)
    assert (e.worker_id, e.module_id) == ("w-ass", EXPERT)
    assert e.answer is snplp.EligibilityAnswer.PRIORITY
    kinds = [r["reason"] for r in e.reasons]
    assert kinds[0] == "profession-targeted" and "diploma-met" in kinds
    trained = [r for r in e.reasons if r["reason"] is snplp.EligibilityReason.PREREQUISITE_TRAINED]
    assert trained and trained[0]["item_id"] == FUNDAMENTALS
    assert all(isinstance(r["message"], str) and r["message"] for r in e.reasons)
    # partial with unknown days is not trained: the prerequisite is missing
    e = rec.eligibility(ref, "w-es", EXPERT, at=at)
    assert e.answer == "not-yet"
    assert [r["item_id"] for r in e.reasons if r["reason"] == "prerequisite-missing"] == [
        FUNDAMENTALS]
    assert any(r["reason"] == "diploma-unknown" for r in e.reasons)
    # a profession the referential does not target: open
    e = rec.eligibility(ref, "w-child", FUNDAMENTALS, at=at)
    assert e.answer is snplp.EligibilityAnswer.OPEN
    assert e.reasons[0] == {"reason": snplp.EligibilityReason.PROFESSION_NOT_TARGETED,
                            "item_id": "profession-childminder",
                            "message": e.reasons[0]["message"]}
    # before the session ended, the fundamentals were not trained yet
    e = rec.eligibility(ref, "w-ass", EXPERT, at="2020-03-03")
    assert e.answer is snplp.EligibilityAnswer.NOT_YET
    # already trained
    e = rec.eligibility(ref, "w-ass", FUNDAMENTALS, at=at)
    assert [r["item_id"] for r in e.reasons if r["reason"] == "already-trained"] == ["s-f"]
    d = e.to_dict()
    assert d["answer"] == "priority" and isinstance(d["reasons"][0]["reason"], str)


def test_eligibility_errors(rec, ref):
    with pytest.raises(snplp.NotFoundError):
        rec.eligibility(ref, "nobody", EXPERT, at="2020-01-01")
    with pytest.raises(snplp.NotFoundError):
        rec.eligibility(ref, "w-ass", "module-nothing", at="2020-01-01")
    with pytest.raises(snplp.InvalidArgumentError):
        rec.eligibility(ref, "w-ass", EXPERT, at="2020-02-31")
    with pytest.raises(snplp.NotFoundError):
        rec.next_modules(ref, "nobody", at="2020-01-01")


def test_next_modules_in_the_plan_order(rec, ref):
    at = datetime.date(2020, 6, 1)
    assert [e.module_id for e in rec.next_modules(ref, "w-es", at=at)] == [FUNDAMENTALS, EXPERT]
    nxt = rec.next_modules(ref, "w-ass", at=at)
    assert [e.module_id for e in nxt] == [EXPERT]
    assert nxt[0].answer is snplp.EligibilityAnswer.PRIORITY
    assert nxt[0] == rec.eligibility(ref, "w-ass", EXPERT, at=at)
    assert isinstance(rec.next_modules(ref, "w-ass"), list)  # at: today


def test_coverage_by_theme(rec, ref):
    cov = rec.coverage(ref, "2020-01-01", datetime.date(2020, 12, 31), by=["theme"])
    assert cov.axes == ("theme",)
    assert (cov.start, cov.end) == (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))
    insertion = cov.find(theme="theme-insertion")
    assert len(insertion) == 1
    row = insertion[0]
    assert list(row) == ["theme", "workforce", "trained", "rate", "days", "days_unknown"]
    # three workers in the workforce; w-ass trained (3 days); w-es partial with unknown days
    assert (row["workforce"], row["trained"]) == (3, 1)
    assert row["rate"] == D("33.33") and isinstance(row["rate"], D)
    assert (row["days"], row["days_unknown"]) == (D("3"), 1)
    ee = cov.find(theme=EE_THEME)[0]
    assert (ee["trained"], ee["days"], ee["days_unknown"]) == (1, D("1"), 0)
    assert cov.untrained == ["w-es"]
    assert cov.to_dicts() == cov.rows and cov.to_dicts() is not cov.rows
    assert len(cov) == len(cov.rows) and cov[0] == cov.rows[0]


def test_coverage_axes_and_missing_values(rec, ref):
    cov = rec.coverage(ref, "2020-01-01", "2020-12-31")  # theme, profession, territory
    assert cov.axes == ("theme", "profession", "territory")
    row = cov.find(theme="theme-insertion", profession="profession-ass", territory="80")[0]
    assert (row["workforce"], row["trained"], row["rate"]) == (1, 1, D("100.00"))
    assert cov.find(theme="theme-insertion", profession="profession-childminder",
                    territory="80") == []  # no such combination in the workforce
    childminders = cov.find(theme="theme-insertion", profession="profession-childminder")
    assert childminders and childminders[0]["trained"] == 0
    one = rec.coverage(ref, "2020-01-01", "2020-12-31", by=())
    assert one.axes == () and len(one) == 1
    assert (one[0]["workforce"], one[0]["trained"]) == (3, 2)
    assert rec.coverage(ref, "2020-01-01", "2020-12-31", by="plan, territory").axes == (
        "plan", "territory")
    # nobody in the workforce in 2010: no rate, never 0
    empty = rec.coverage(ref, "2010-01-01", "2010-12-31", by=("theme",))
    assert all(r["workforce"] == 0 and r["rate"] is None for r in empty)
    with pytest.raises(ValueError):
        rec.coverage(ref, "2020-01-01", "2020-12-31", by=["colour"])
    with pytest.raises(snplp.InvalidArgumentError):
        rec.coverage(ref, "2020-12-31", "2020-01-01")


def test_the_example_records(ref):
    rec = snplp.Records.from_file(EXAMPLE, strict=True)
    assert len(rec.workers) == 300 and rec.import_diagnostics == []
    assert [d for d in rec.validate(ref) if d.severity == "error"] == []
    cov = rec.coverage(ref, "2019-01-01", "2021-12-31", by=("theme",))
    insertion = cov.find(theme="theme-insertion")[0]
    assert insertion["trained"] > 0 and insertion["rate"] is not None
    # w49-0014: trained in the fundamentals in 2019 and in the expert module in 2020
    assert rec.eligibility(ref, "w49-0014", EXPERT, at="2022-01-01").answer in (
        snplp.EligibilityAnswer.PRIORITY, snplp.EligibilityAnswer.OPEN)


def test_threads_read_frozen_records(ref):
    rec = build()
    rec.freeze()
    results, errors = [], []

    def work():
        try:
            for _ in range(20):
                results.append(rec.coverage(ref, "2020-01-01", "2020-12-31").rows[0]["workforce"])
                rec.eligibility(ref, "w-ass", EXPERT, at="2021-01-01")
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(results) == 80 and len(set(results)) == 1


def test_enums_and_snapshots_pickle(rec, ref):
    for member in (snplp.EmployerKind.CRECHE, snplp.AttendanceStatus.PARTIAL,
                   snplp.EligibilityAnswer.NOT_YET, snplp.CoverageAxis.PLAN):
        assert pickle.loads(pickle.dumps(member)) is member
    e = rec.eligibility(ref, "w-es", EXPERT, at="2021-01-01")
    assert pickle.loads(pickle.dumps(e)) == e
    cov = rec.coverage(ref, "2020-01-01", "2020-12-31", by="theme")
    assert pickle.loads(pickle.dumps(cov)) == cov


def test_coverage_as_csv(rec, ref, tmp_path):
    cov = rec.coverage(ref, "2020-01-01", "2020-12-31", by=["theme"])
    data = cov.to_csv()
    lines = data.decode("utf-8").split("\r\n")
    assert lines[0] == "theme,workforce,trained,rate,days,days-unknown"
    assert "theme-insertion,3,1,33.33,3,1" in lines
    assert len([line for line in lines if line]) == len(cov) + 1
    fr = cov.to_csv("fr")
    assert fr.startswith("\ufeff".encode("utf-8")) and b"theme-insertion;3;1;33,33;3;1" in fr
    path = tmp_path / "couverture.csv"
    cov.to_csv_file(path, snplp.CsvDialect.FR)
    assert path.read_bytes() == fr
    out = io.BytesIO()
    cov.to_csv_stream(out)
    assert out.getvalue() == data
    text = io.StringIO()
    cov.to_csv_stream(text)
    assert text.getvalue() == data.decode("utf-8")
    # a row with no workforce has an empty rate, never 0
    empty = rec.coverage(ref, "2010-01-01", "2010-12-31", by=("theme",)).to_csv()
    assert b"theme-insertion,0,0,,0,0" in empty
    with pytest.raises(FileNotFoundError):
        cov.to_csv_file(tmp_path / "absent" / "c.csv")
    with pytest.raises(ValueError):
        cov.to_csv("tsv")
    with pytest.raises(ValueError):
        pickle.loads(pickle.dumps(cov)).to_csv()  # no C table once pickled


def test_raw_layer(core, raw_builtin_referential):
    rc, rec = core.snplp_records_new()
    assert rc == core.SNPLP_OK
    try:
        assert core.snplp_records_add_employer(rec, "e1", core.SNPLP_EMPLOYER_COMMUNE, "Mairie",
                                               "80021")[0] == core.SNPLP_OK
        rc, w = core.snplp_records_add_worker(rec, "w1", "profession-ass", "e1", "80021",
                                              (2020, 1, 31))
        assert rc == core.SNPLP_OK and core.snplp_worker_from(w) == (2020, 1, 31)
        assert core.snplp_worker_diploma_level(w) == (core.SNPLP_ENOTFOUND, None)
        assert core.snplp_worker_until(w) == (core.SNPLP_ENOTFOUND, None)
        assert core.snplp_worker_set_until(w, (2021, 6, 30)) == core.SNPLP_OK
        assert core.snplp_worker_until(w) == (core.SNPLP_OK, (2021, 6, 30))
        assert core.snplp_records_add_training_body(rec, "b1", "OF")[0] == core.SNPLP_OK
        rc, s = core.snplp_records_add_session(rec, "s1", "module-insertion-fundamentals", "b1",
                                               (2020, 3, 2), (2020, 3, 4), (25, 1),
                                               core.SNPLP_MODE_MIXED)
        assert rc == core.SNPLP_OK and core.snplp_session_days(s) == (25, 1)
        assert core.snplp_session_capacity(s) == (core.SNPLP_ENOTFOUND, None)
        rc, a = core.snplp_records_add_attendance(rec, "w1", "s1", core.SNPLP_ATTENDANCE_PARTIAL)
        assert core.snplp_attendance_days(a) == (core.SNPLP_ENOTFOUND, None)
        assert core.snplp_records_set_foreign_attribute(rec, "w1", "urn:x", "x", "a", "v") == 0
        assert core.snplp_records_foreign_attribute(rec, "w1", 0) == (0, "urn:x", "x", "a", "v")
        assert core.snplp_records_kind_of(rec, "s1") == core.SNPLP_RECORD_SESSION
        rc, cov = core.snplp_records_coverage(rec, raw_builtin_referential, (2020, 1, 1),
                                              (2020, 12, 31), core.SNPLP_COVERAGE_BY_THEME)
        assert rc == core.SNPLP_OK
        try:
            assert core.snplp_coverage_axes(cov) == core.SNPLP_COVERAGE_BY_THEME
            rc, data = core.snplp_csv_export_coverage_memory(cov, core.SNPLP_CSV_INTL)
            assert rc == core.SNPLP_OK and data.startswith(b"theme,workforce,")
        finally:
            core.snplp_coverage_free(cov)
        rc, data = core.snplp_records_export_memory(rec)
        assert rc == core.SNPLP_OK and b'<session id="s1"' in data
    finally:
        core.snplp_records_unref(rec)


# ---------- indicators computed from records (1.4) ----------


def test_fill_from_records_on_the_example_convention(ref):
    """The example convention's fictional training indicator gets its 2021 actual (25) from
    examples/data/records.xml; 2019 and 2020 (18 and 26) were filled before and stay (the
    figures counted over the XML without the library)."""
    convs = snplp.ConventionList.from_file(os.path.join(ROOT, "examples", "data",
                                                        "convention-49.xml"))
    conv = convs[0]
    ind = conv.indicators["agents-formes-themes-plan"]
    assert ind.records_measure == snplp.RecordsMeasure.WORKERS_TRAINED
    assert ind.records_measure == "workers-trained"
    assert ind.records_filters == [(snplp.RecordsFilter.PLAN, "training-plan")]
    assert ind.values[2021].actual is None
    records = snplp.Records.from_file(EXAMPLE)
    findings = conv.fill_from_records(records, ref)
    assert [f for f in findings if f.severity == "error"] == []
    assert ind.values[2019].actual == D(18)
    assert ind.values[2020].actual == D(26)
    assert ind.values[2021].actual == D(25)
    assert ind.values[2021].source == _core.SNPLP_RECORDS_SOURCE


def test_records_measure_and_filters_are_settable():
    convs = snplp.ConventionList.from_file(os.path.join(ROOT, "examples", "data",
                                                        "convention-49.xml"))
    ind = convs[0].indicators["agents-formes-themes-plan"]
    ind.add_records_filter("profession", "profession-ass")
    ind.add_records_filter(snplp.RecordsFilter.MODULE, FUNDAMENTALS)
    assert ind.records_filters == [(snplp.RecordsFilter.MODULE, FUNDAMENTALS),
                                   (snplp.RecordsFilter.PLAN, "training-plan"),
                                   (snplp.RecordsFilter.PROFESSION, "profession-ass")]
    with pytest.raises(snplp.AlreadyExistsError):
        ind.add_records_filter("module", FUNDAMENTALS)
    with pytest.raises(ValueError):
        ind.add_records_filter("county", "x")
    ind.records_measure = "none"  # typed by hand again: the filters go
    assert ind.records_measure == snplp.RecordsMeasure.NONE
    assert ind.records_filters == []
    with pytest.raises(snplp.InvalidArgumentError):
        ind.add_records_filter("theme", "theme-insertion")  # no measure
    ind.records_measure = snplp.RecordsMeasure.TRAINING_DAYS
    assert ind.records_measure == "training-days"


def test_fill_from_records_refuses_other_objects(ref):
    conv = snplp.ConventionList.from_file(os.path.join(ROOT, "examples", "data",
                                                       "convention-49.xml"))[0]
    with pytest.raises(TypeError):
        conv.fill_from_records(ref, ref)
    with pytest.raises(TypeError):
        conv.fill_from_records(snplp.Records(), "referential")
