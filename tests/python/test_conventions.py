"""Tests of the Pythonic conventions layer (snplp._conventions): building a convention through
the API, its properties, exact decimals, dates, validation, matrices, syntheses, reports,
credits, XML round trips, extensions, lifetime and errors.

Run with the package built: PYTHONPATH=<build>/bindings/python python3 -m pytest tests/python
"""

import copy
import datetime
import gc
import io
import pathlib
import pickle
from decimal import Decimal

import pytest

import snplp
from snplp import _conventions as sc
from snplp._errors import (AlreadyExistsError, BadIdError, Diagnostic, Error,
                           InputOutputError, InvalidArgumentError, ParseError,
                           ValidationError)

DATA = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data"
FILE_49 = DATA / "convention-49.xml"
FILE_52 = DATA / "conventions-52.xml"

D = datetime.date


def new_convention(id_="calpae-49-2019"):
    return sc.Convention(id_, "departement", "49", "Maine-et-Loire")


def core_actions(conv, years=(2019, 2020, 2021)):
    """One action per core objective, done every year (no core-action-missing finding)."""
    for i, objective in enumerate(("child-welfare-exits", "rsa-insertion", "social-work")):
        action = conv.add_action(f"core-{i}", objective, f"Action {i}")
        for year in years:
            action.statuses[year] = "done"


@pytest.fixture
def conv():
    c = new_convention()
    c.set_years(2019, 2021)
    return c


@pytest.fixture
def list_49():
    return sc.ConventionList.from_file(FILE_49)


@pytest.fixture
def conv_49(list_49):
    return list_49[0]


# ----------------------------------------------------------------------------------------------
# Package and enums
# ----------------------------------------------------------------------------------------------


def test_all_is_exported_by_the_package():
    for name in sc.__all__:
        assert getattr(snplp, name) is getattr(sc, name), name  # no other module shadows it


def test_enums_have_the_c_values_and_labels():
    from snplp import _core

    assert int(sc.Unit.PERCENT) == sc.Unit.PERCENT.code == _core.SNPLP_UNIT_PERCENT
    assert sc.Unit.PERCENT == sc.Unit.PERCENT.label == "percent"  # str enums since 1.3
    assert str(sc.Unit.PERCENT) == "percent"
    assert f"{sc.Polarity.LOWER}" == "lower-is-better"
    assert sc.Unit("days") is sc.Unit.DAYS
    assert sc.Unit(3) is sc.Unit.DAYS
    assert int(sc.CellStatus.REACHED) == _core.SNPLP_CELL_REACHED
    assert sc.CellStatus.PARTLY_REACHED.label == "partly-reached"
    assert sc.TerritoryKind.DEPARTEMENT.label == "departement"
    assert sc.Aggregation.WEIGHTED_MEAN.label == "weighted-mean"
    assert sc.Aggregation.NONE.label == "none"
    assert sc.ActionStatus.IN_PROGRESS.label == "in-progress"
    assert sc.ReportState.NOT_YET_DUE.label == "not-yet-due"
    assert sc.CreditReasonKind.REPORT_LATE.label == "report-late"
    assert sc.CsvDialect("fr") is sc.CsvDialect.FR
    assert [o.is_core for o in sc.ActionObjective] == [True, True, True, False]
    with pytest.raises(ValueError):
        sc.Unit("kilograms")
    assert sc.YEAR_MIN == 1000 and sc.YEAR_MAX == 9998
    assert sc.DEFAULT_THRESHOLD == Decimal(80)


def test_docstrings_come_from_the_c_headers():
    doc = sc.Convention.id.__doc__
    assert "convention's id" in doc and "snplp_convention_id()" in doc
    assert "deep equality" in sc.Convention.__eq__.__doc__.lower()
    assert "threshold" in sc.Convention.matrix.__doc__
    assert sc.Indicator.unit.__doc__ and "snplp_indicator_set_unit()" in sc.Indicator.unit.__doc__
    assert "snplp_conventions_import_file()" in sc.ConventionList.from_file.__doc__
    assert "snplp_credits_released()" in sc.Credits.__doc__
    for cls in (sc.Convention, sc.Action, sc.Indicator, sc.ConventionList, sc.Matrix,
                sc.MatrixRow, sc.Cell, sc.Credits, sc.CreditReason, sc.YearValues, sc.Unit):
        assert cls.__doc__, cls
        for name, member in vars(cls).items():
            if not name.startswith("_") and (callable(member) or isinstance(member, property)):
                assert getattr(cls, name).__doc__, f"{cls.__name__}.{name}"


# ----------------------------------------------------------------------------------------------
# Building a convention
# ----------------------------------------------------------------------------------------------


def test_new_convention_and_territory():
    c = sc.Convention("calpae-49-2019", sc.TerritoryKind.DEPARTEMENT, "49", "Maine-et-Loire")
    assert c.id == "calpae-49-2019"
    assert c.territory_kind is sc.TerritoryKind.DEPARTEMENT
    assert c.territory_code == "49"
    assert c.territory_name == "Maine-et-Loire"
    assert c.first_year is None and c.last_year is None and c.years is None
    assert c.signature_date is None
    assert c.signatories == []
    assert len(c.actions) == 0 and len(c.indicators) == 0
    c.set_territory("region", "52", "Pays de la Loire")
    assert (c.territory_kind, c.territory_code, c.territory_name) == (
        sc.TerritoryKind.REGION, "52", "Pays de la Loire")
    with pytest.raises(InvalidArgumentError):
        c.set_territory("departement", "20", "Corse")  # not an official code
    assert c.territory_code == "52"  # unchanged
    assert "calpae-49-2019" in repr(c)


def test_new_convention_errors():
    with pytest.raises(InvalidArgumentError):
        sc.Convention("c", "departement", "975", "Nowhere")
    with pytest.raises(BadIdError):
        sc.Convention("not an id!", "departement", "49", "Maine-et-Loire")
    with pytest.raises(TypeError):
        sc.Convention(None, "departement", "49", "Maine-et-Loire")
    with pytest.raises(TypeError):
        sc.Convention("c", None, "49", "Maine-et-Loire")
    with pytest.raises(TypeError):
        sc.Convention("c", "departement", 49, "Maine-et-Loire")
    with pytest.raises(ValueError):
        sc.Convention("c", "county", "49", "Maine-et-Loire")
    with pytest.raises(TypeError):
        sc.Convention("c", True, "49", "Maine-et-Loire")


def test_years(conv):
    assert (conv.first_year, conv.last_year) == (2019, 2021)
    assert conv.years == range(2019, 2022)
    conv.years = range(2020, 2024)
    assert (conv.first_year, conv.last_year) == (2020, 2023)
    conv.years = (2019, 2021)
    assert conv.years == range(2019, 2022)
    with pytest.raises(InvalidArgumentError):
        conv.set_years(2021, 2019)
    with pytest.raises(InvalidArgumentError):
        conv.set_years(999, 2001)
    with pytest.raises(ValueError):
        conv.years = range(2019, 2025, 2)
    with pytest.raises(TypeError):
        conv.years = 2019
    with pytest.raises(TypeError):
        conv.set_years("2019", 2021)
    assert conv.years == range(2019, 2022)


def test_signature_and_signatories(conv):
    conv.signature_date = D(2019, 6, 28)
    assert conv.signature_date == D(2019, 6, 28)
    conv.signature_date = "2019-07-01"
    assert conv.signature_date == D(2019, 7, 1)
    conv.signature_date = None
    assert conv.signature_date is None
    with pytest.raises(TypeError):
        conv.signature_date = datetime.datetime(2019, 6, 28, 12, 0)
    with pytest.raises(TypeError):
        conv.signature_date = 20190628
    conv.add_signatory("Préfet de Maine-et-Loire", "Claude Exemple")
    conv.add_signatory("Président du conseil départemental", "Dominique Modèle")
    assert conv.signatories == [("Préfet de Maine-et-Loire", "Claude Exemple"),
                                ("Président du conseil départemental", "Dominique Modèle")]
    assert conv.signatories[1].name == "Dominique Modèle"
    with pytest.raises(InvalidArgumentError):
        conv.add_signatory("  ", "x")
    with pytest.raises(TypeError):
        conv.add_signatory(None, "x")


def test_funding(conv):
    conv.funding[2019] = (150_000_000, 150_000_000)
    conv.funding[2020] = sc.YearFunding(175_000_000, 150_000_000)
    assert conv.funding[2019] == (150_000_000, 150_000_000)
    assert conv.funding[2020].state_cents == 175_000_000
    assert list(conv.funding) == [2019, 2020]
    assert len(conv.funding) == 2
    assert 2019 in conv.funding and 2021 not in conv.funding and "2019" not in conv.funding
    assert conv.funding.get(2021) is None
    with pytest.raises(KeyError):
        conv.funding[2021]
    del conv.funding[2019]
    assert list(conv.funding) == [2020]
    with pytest.raises(KeyError):
        del conv.funding[2019]
    with pytest.raises(InvalidArgumentError):
        conv.funding[2021] = (-1, 0)
    with pytest.raises(TypeError):
        conv.funding[2021] = (1.5, 0)
    with pytest.raises(TypeError):
        conv.funding[2021] = 100
    with pytest.raises(TypeError):
        conv.funding["2021"] = (1, 1)
    assert dict(conv.funding) == {2020: (175_000_000, 150_000_000)}


def test_reports_and_report_states(conv):
    assert sc.report_due_date(2019) == D(2020, 3, 31)
    conv.reports[2019] = D(2020, 3, 31)
    conv.reports[2020] = "2021-04-12"
    assert conv.reports[2019] == D(2020, 3, 31)
    assert dict(conv.reports) == {2019: D(2020, 3, 31), 2020: D(2021, 4, 12)}
    assert conv.report_state(2019, D(2020, 3, 1)) is sc.ReportState.NOT_YET_DUE  # sent later
    assert conv.report_state(2019, D(2021, 1, 1)) is sc.ReportState.ON_TIME
    assert conv.report_state(2020, D(2021, 6, 1)) is sc.ReportState.LATE
    assert conv.report_state(2021, D(2022, 3, 31)) is sc.ReportState.NOT_YET_DUE
    assert conv.report_state(2021, D(2022, 4, 1)) is sc.ReportState.MISSING
    # at defaults to today: the report on 2021 was due long ago
    assert conv.report_state(2021) is sc.ReportState.MISSING
    with pytest.raises(InvalidArgumentError):
        conv.reports[2021] = D(2021, 12, 31)  # before 1 January of the next year
    with pytest.raises(InvalidArgumentError):
        conv.report_state(99999, D(2021, 1, 1))
    with pytest.raises(TypeError):
        conv.report_state(2019, 20210101)
    del conv.reports[2019]
    assert list(conv.reports) == [2020]
    assert conv.reports.get(2019) is None


def test_actions(conv):
    a = conv.add_action("action-ase", sc.ActionObjective.CHILD_WELFARE_EXITS, "Logement")
    b = conv.add_action("action-mobilite", "free-initiative", "Mobilité")
    assert a.id == "action-ase" and a.title == "Logement"
    assert a.objective is sc.ActionObjective.CHILD_WELFARE_EXITS
    assert b.objective is sc.ActionObjective.FREE_INITIATIVE
    assert a.description is None
    a.description = "Aucun jeune sans solution"
    assert a.description == "Aucun jeune sans solution"
    a.description = None
    assert a.description is None
    a.title = "Logement et référent"
    assert a.title == "Logement et référent"
    b.objective = "social-work"
    assert b.objective is sc.ActionObjective.SOCIAL_WORK
    assert a.convention is conv
    # the collection
    actions = conv.actions
    assert len(actions) == 2
    assert [x.id for x in actions] == ["action-ase", "action-mobilite"]
    assert actions.ids() == ["action-ase", "action-mobilite"]
    assert actions[-1] == b and actions["action-ase"] == a
    assert "action-ase" in actions and "nope" not in actions and a in actions
    assert actions.get("nope") is None
    with pytest.raises(KeyError):
        actions["nope"]
    with pytest.raises(IndexError):
        actions[2]
    with pytest.raises(AlreadyExistsError):
        conv.add_action("action-ase", "social-work", "Again")
    with pytest.raises(BadIdError):
        conv.add_action("Bad Id", "social-work", "x")
    with pytest.raises(TypeError):
        conv.add_action("x", "social-work", None)
    with pytest.raises(TypeError):
        sc.Action()
    assert "action-ase" in repr(a)


def test_action_statuses(conv):
    a = conv.add_action("action-mobilite", "free-initiative", "Mobilité")
    a.statuses[2019] = sc.ActionStatus.IN_PROGRESS
    a.set_status(2020, "dropped", "Reprise par la région")
    a.statuses[2021] = "planned"
    assert dict(a.statuses) == {2019: sc.ActionStatus.IN_PROGRESS,
                                2020: sc.ActionStatus.DROPPED,
                                2021: sc.ActionStatus.PLANNED}
    assert a.drop_reason(2020) == "Reprise par la région"
    assert a.drop_reason(2019) is None
    with pytest.raises(KeyError):
        a.statuses[2022]
    with pytest.raises(InvalidArgumentError):
        a.set_status(2021, "dropped")  # a reason is required
    with pytest.raises(InvalidArgumentError):
        a.set_status(2021, "done", "no reason for done")
    with pytest.raises(ValueError):
        a.statuses[2021] = "finished"
    assert a.statuses[2021] is sc.ActionStatus.PLANNED  # unchanged
    del a.statuses[2021]
    assert list(a.statuses) == [2019, 2020]
    with pytest.raises(KeyError):
        del a.statuses[2021]


def test_indicator_properties(conv):
    ind = conv.add_indicator("orientation", "Part orientée en moins d'un mois", "percent")
    assert ind.id == "orientation"
    assert ind.unit is sc.Unit.PERCENT
    assert ind.polarity is sc.Polarity.HIGHER
    assert ind.aggregation is sc.Aggregation.NONE and ind.weight_id is None
    assert ind.ratio_of is None and ind.numerator_id is None and ind.baseline is None
    ind.label = "Part des nouveaux orientés"
    assert ind.label == "Part des nouveaux orientés"
    ind.unit = sc.Unit.RATIO
    assert ind.unit is sc.Unit.RATIO
    ind.polarity = "exact-target"
    assert ind.polarity is sc.Polarity.EXACT
    ind.set_aggregation("weighted-mean", "nouveaux")
    assert ind.aggregation is sc.Aggregation.WEIGHTED_MEAN and ind.weight_id == "nouveaux"
    ind.aggregation = "sum"
    assert ind.aggregation is sc.Aggregation.SUM and ind.weight_id is None
    with pytest.raises(InvalidArgumentError):
        ind.aggregation = "weighted-mean"  # needs a weight
    with pytest.raises(InvalidArgumentError):
        ind.set_aggregation("sum", "nouveaux")  # takes none
    ind.ratio_of = ("orientes", "nouveaux")
    assert ind.ratio_of == ("orientes", "nouveaux")
    assert (ind.numerator_id, ind.denominator_id) == ("orientes", "nouveaux")
    ind.ratio_of = None
    assert ind.ratio_of is None
    with pytest.raises(TypeError):
        ind.ratio_of = ("orientes", None)
    ind.baseline = (2018, "41.70")
    assert ind.baseline == (2018, Decimal("41.70"))
    assert str(ind.baseline.value) == "41.70"
    ind.baseline = None
    assert ind.baseline is None
    with pytest.raises(TypeError):
        ind.baseline = (2018, 41.7)
    with pytest.raises(TypeError):
        ind.unit = None
    with pytest.raises(TypeError):
        ind.label = None
    assert ind.convention is conv
    assert conv.indicators["orientation"] == ind
    with pytest.raises(AlreadyExistsError):
        conv.add_indicator("orientation", "x", "count")
    conv.add_action("a1", "social-work", "x")
    with pytest.raises(AlreadyExistsError):  # one id space for actions and indicators
        conv.add_indicator("a1", "x", "count")


def test_indicator_values_are_exact_decimals(conv):
    ind = conv.add_indicator("montant", "Montant", "euros")
    v = ind.values[2019]
    assert (v.target, v.actual, v.source, v.comment) == (None, None, None, None)
    assert 2019 not in ind.values and len(ind.values) == 0
    v.target = Decimal("12.50")
    v.actual = "12.5"
    assert v.target == Decimal("12.50") and str(v.target) == "12.50"
    assert str(v.actual) == "12.5"
    assert isinstance(v.target, Decimal)
    ind.values[2020].target = 3
    assert str(ind.values[2020].target) == "3"
    ind.values[2020].actual = "-0.005"
    assert ind.values[2020].actual == Decimal("-0.005")
    ind.values[2021].target = "123456789.123456789"
    assert str(ind.values[2021].target) == "123456789.123456789"
    with pytest.raises(TypeError):
        v.target = 12.5  # floats are not exact
    with pytest.raises(TypeError):
        v.actual = [12]
    with pytest.raises(ValueError):
        v.target = "twelve"
    with pytest.raises(ValueError):
        v.target = Decimal("NaN")
    with pytest.raises(ValueError):
        v.target = Decimal("1e-19")  # more than 18 decimals
    assert v.target == Decimal("12.50")  # unchanged
    v.source = "CAF, décembre 2019"
    v.comment = "Valeurs fictives"
    assert ind.values[2019].source == "CAF, décembre 2019"
    assert ind.values[2019].as_dict() == {"target": Decimal("12.50"), "actual": Decimal("12.5"),
                                          "source": "CAF, décembre 2019",
                                          "comment": "Valeurs fictives"}
    assert list(ind.values) == [2019, 2020, 2021]
    assert 2019 in ind.values and len(ind.values) == 3
    ind.values.set(2022, target="1", actual=2, source="s")
    assert (ind.values[2022].target, ind.values[2022].actual) == (Decimal(1), Decimal(2))
    v.actual = None
    v.actual = None  # unsetting what is not set is fine
    assert v.actual is None
    v.comment = None
    assert v.comment is None
    del ind.values[2022]
    assert 2022 not in ind.values and ind.values.get(2022) is None
    with pytest.raises(KeyError):
        del ind.values[2022]
    with pytest.raises(KeyError):
        ind.values[5]
    with pytest.raises(TypeError):
        ind.values["2019"]
    with pytest.raises(TypeError):
        v.source = 12
    assert "montant" in repr(v)


def test_equality_is_deep_and_digit_for_digit():
    def build(actual):
        c = new_convention()
        c.set_years(2019, 2021)
        c.add_indicator("i", "I", "count").values[2019].actual = actual
        return c

    a, b = build("12.5"), build("12.5")
    assert a == b and a is not b
    assert build("12.5") != build("12.50")
    assert a != "calpae-49-2019"
    with pytest.raises(TypeError):
        hash(a)
    b.add_signatory("r", "n")
    assert a != b


# ----------------------------------------------------------------------------------------------
# Validation
# ----------------------------------------------------------------------------------------------


def test_validation_findings_and_dates(conv):
    core_actions(conv)
    ind = conv.add_indicator("jeunes", "Jeunes accompagnés", "count")
    ind.values[2019].target = 120
    assert conv.validate() == []
    assert conv.validate(D(2020, 3, 31)) == []  # the report on 2019 is still in time
    found = conv.validate(D(2020, 4, 1))
    assert [d.name for d in found] == ["actual-missing"]
    d = found[0]
    assert isinstance(d, Diagnostic)
    assert (d.severity, d.item_id, d.convention_id, d.year) == (
        "error", "jeunes", "calpae-49-2019", 2019)
    assert (d.line, d.column) == (0, 0)
    with pytest.raises(ValidationError) as err:
        conv.validate("2020-04-01", raise_errors=True)
    assert [d.name for d in err.value.diagnostics] == ["actual-missing"]
    assert conv.validate(D(2020, 4, 1), raise_errors=False) == found


def test_validation_rules(conv):
    pct = conv.add_indicator("pct", "Part", "percent")
    pct.values[2019].target = 130
    cnt = conv.add_indicator("cnt", "Nombre", "count")
    cnt.values[2020].actual = "2.5"
    cnt.values[2025].target = 1
    found = conv.validate()
    names = {d.name for d in found}
    assert {"percent-range", "bad-count", "year-outside", "core-action-missing"} <= names
    assert all(d.convention_id == "calpae-49-2019" for d in found)
    empty = new_convention("other")
    assert [d.name for d in empty.validate()] == ["years-missing"]
    short = new_convention("short")
    short.set_years(2019, 2020)
    core_actions(short, (2019, 2020))
    found = short.validate()
    assert [(d.name, d.severity) for d in found] == [("years-span", "warning")]
    assert short.validate(raise_errors=True) == found  # warnings do not raise
    with pytest.raises(TypeError):
        conv.validate(20200401)


# ----------------------------------------------------------------------------------------------
# Matrix
# ----------------------------------------------------------------------------------------------


@pytest.fixture
def small(conv):
    higher = conv.add_indicator("higher", "Plus haut", "count")
    higher.values.set(2019, target=120, actual=131)
    higher.values.set(2020, target=150, actual=128)
    higher.values.set(2021, target=180)
    ratio = conv.add_indicator("ratio", "Ratio", "ratio")
    ratio.values.set(2019, target="0.875", actual="0.7")  # exactly 80%
    lower = conv.add_indicator("lower", "Délai", "days")
    lower.polarity = "lower-is-better"
    lower.values.set(2019, target=30, actual=40)
    lower.values.set(2020, target=10, actual=9)
    exact = conv.add_indicator("exact", "Exact", "count")
    exact.polarity = sc.Polarity.EXACT
    exact.values.set(2019, target=100, actual=110)
    return conv


def test_matrix_statuses_and_rates(small):
    m = small.matrix()
    assert m.years == range(2019, 2022)
    assert len(m) == 4 and m.rows.ids() == ["higher", "ratio", "lower", "exact"]
    # rows by indicator id (a map read once), each the row at its index
    assert [m.rows[i].index for i in ("exact", "higher", "lower", "ratio")] == [3, 0, 2, 1]
    assert m["lower"].id == "lower" and m.rows.get("nope") is None and "ratio" in m.rows
    with pytest.raises(KeyError):
        m["nope"]
    with pytest.raises(KeyError):
        m["nope", 2019]
    assert m.threshold == Decimal(80) and m.convention_count == 1
    c = m["higher", 2019]
    assert c.status is sc.CellStatus.REACHED
    assert (c.target, c.actual) == (Decimal(120), Decimal(131))
    assert c.rate == pytest.approx(131 / 120)
    assert (c.covered, c.expected, c.missing) == (1, 1, ())
    assert m[0, 2020].status is sc.CellStatus.PARTLY_REACHED
    assert m[0, 2020].rate == pytest.approx(128 / 150)
    c = m[0, 2021]
    assert c.status is sc.CellStatus.ACTUAL_MISSING
    assert (c.target, c.actual, c.rate) == (Decimal(180), None, None)
    c = m["ratio", 2019]
    assert c.status is sc.CellStatus.PARTLY_REACHED  # decided on exact decimals
    assert c.rate == pytest.approx(0.8)
    assert m["ratio", 2020].status is sc.CellStatus.NO_TARGET
    assert m["lower", 2019].status is sc.CellStatus.NOT_REACHED
    assert m["lower", 2019].rate == pytest.approx(0.75)
    assert m["lower", 2020].status is sc.CellStatus.REACHED
    assert m["lower", 2020].rate == pytest.approx(1.0)
    assert m[-1, 2019].status is sc.CellStatus.PARTLY_REACHED
    assert m[-1, 2019].rate == pytest.approx(0.9)
    counts = m.status_counts()
    assert counts == {sc.CellStatus.REACHED: 2, sc.CellStatus.PARTLY_REACHED: 3,
                      sc.CellStatus.NOT_REACHED: 1, sc.CellStatus.NO_TARGET: 5,
                      sc.CellStatus.ACTUAL_MISSING: 1, sc.CellStatus.NOT_AGGREGATED: 0,
                      sc.CellStatus.NOT_YET_DUE: 0, sc.CellStatus.NOT_COMPUTABLE: 0}
    row = m["lower"]
    assert (row.id, row.label, row.unit, row.polarity) == (
        "lower", "Délai", sc.Unit.DAYS, sc.Polarity.LOWER)
    assert row.status_counts()[sc.CellStatus.NO_TARGET] == 1
    assert [c.year for c in row] == [2019, 2020, 2021] and len(row) == 3
    assert row[2020] == m["lower", 2020] and row.cells == list(row)
    assert "lower" in m and "nope" not in m
    assert len(list(m.cells())) == 12
    with pytest.raises(KeyError):
        m[0, 2022]
    with pytest.raises(KeyError):
        m["nope", 2019]
    with pytest.raises(IndexError):
        m[4, 2019]
    with pytest.raises(TypeError):
        m[0, "2019"]
    with pytest.raises(TypeError):
        m[None]
    with pytest.raises(TypeError):
        sc.Matrix()
    assert "4 indicators" in repr(m)


def test_matrix_threshold(small):
    m = small.matrix(threshold="80.1")
    assert m.threshold == Decimal("80.1")
    assert m["ratio", 2019].status is sc.CellStatus.NOT_REACHED
    assert small.matrix(threshold=Decimal("87.5"))["higher", 2020].status is \
        sc.CellStatus.NOT_REACHED
    assert small.matrix(threshold=85)["higher", 2020].status is sc.CellStatus.PARTLY_REACHED
    with pytest.raises(TypeError):
        small.matrix(threshold=80.0)
    with pytest.raises(InvalidArgumentError):
        small.matrix(threshold=0)
    with pytest.raises(InvalidArgumentError):
        small.matrix(threshold="100.5")
    with pytest.raises(InvalidArgumentError):
        new_convention("no-years").matrix()  # years unset


def test_matrix_to_dicts(small):
    rows = small.matrix().to_dicts()
    assert len(rows) == 12
    assert rows[0] == {"indicator": "higher", "label": "Plus haut", "unit": "count",
                       "polarity": "higher-is-better", "year": 2019, "status": "reached",
                       "target": Decimal(120), "actual": Decimal(131),
                       "rate": pytest.approx(131 / 120), "covered": 1, "expected": 1,
                       "missing": []}
    assert rows[2]["missing"] == [{"convention": "calpae-49-2019", "what": ["actual"]}]


# ----------------------------------------------------------------------------------------------
# Synthesis, reports and credits of the example files
# ----------------------------------------------------------------------------------------------


def test_synthesis_of_the_example_files():
    convs = list(sc.ConventionList.from_file(FILE_49)) + list(
        sc.ConventionList.from_file(str(FILE_52)))
    m, found = sc.synthesis(convs)
    assert found == []
    assert m.convention_count == 4 and m.years == range(2019, 2022)
    c = m["jeunes-ase-accompagnes", 2019]
    assert (c.target, c.actual, c.covered, c.expected) == (Decimal(410), Decimal(437), 3, 4)
    assert c.status is sc.CellStatus.REACHED
    assert c.missing == (sc.MissingValues("calpae-85-2019", frozenset({"target"})),)
    c = m["orientation-rsa-1-mois", 2020]
    assert (c.covered, c.expected) == (2, 4)
    assert [(x.convention_id, sorted(x.what)) for x in c.missing] == [
        ("calpae-44-2019", ["actual"]), ("calpae-53-2019", ["actual", "weight"])]
    assert m["orientation-rsa-1-mois", 2019].actual == Decimal("53.236")
    assert m["delai-premier-accueil", 2019].status is sc.CellStatus.NOT_AGGREGATED
    c = m["nouveaux-rsa", 2021]
    assert c.status is sc.CellStatus.ACTUAL_MISSING and c.target is None  # never read as zero
    assert m.status_counts() == {
        sc.CellStatus.REACHED: 2, sc.CellStatus.PARTLY_REACHED: 8, sc.CellStatus.NOT_REACHED: 0,
        sc.CellStatus.NO_TARGET: 0, sc.CellStatus.ACTUAL_MISSING: 5,
        # 3 of delai-premier-accueil, 3 of Maine-et-Loire's training indicator (no aggregation)
        sc.CellStatus.NOT_AGGREGATED: 6, sc.CellStatus.NOT_YET_DUE: 0,
        sc.CellStatus.NOT_COMPUTABLE: 0}
    # the same through a ConventionList, and with a threshold
    lst = sc.ConventionList(convs)
    m2, found2 = lst.synthesis()
    assert found2 == [] and m2.to_dicts() == m.to_dicts()
    m3, _ = sc.synthesis(lst, threshold=95)
    assert m3["referents-parcours", 2019].status is sc.CellStatus.NOT_REACHED


def test_synthesis_findings_and_errors(conv_49):
    m, found = sc.synthesis([conv_49, conv_49])
    assert [d.name for d in found] == ["duplicate-convention"]
    assert found[0].convention_id == "calpae-49-2019"
    assert m.convention_count == 1
    m, found = sc.synthesis([])
    assert len(m) == 0 and found == []
    with pytest.raises(TypeError):
        sc.synthesis([conv_49, None])
    with pytest.raises(TypeError):
        sc.synthesis(conv_49)
    with pytest.raises(TypeError):
        sc.synthesis(None)
    with pytest.raises(InvalidArgumentError):
        sc.synthesis([new_convention("no-years")])


def test_report_states_of_the_example(conv_49):
    at = D(2021, 6, 1)
    assert [conv_49.report_state(y, at) for y in conv_49.years] == [
        sc.ReportState.ON_TIME, sc.ReportState.LATE, sc.ReportState.NOT_YET_DUE]
    assert conv_49.reports[2020] == D(2021, 4, 12)
    assert conv_49.funding[2021] == (200_000_000, 150_000_000)
    assert conv_49.signature_date == D(2019, 6, 28)
    mayenne = sc.ConventionList.from_file(FILE_52)["calpae-53-2019"]
    assert mayenne.report_state(2020, at) is sc.ReportState.MISSING


def test_credits(conv_49):
    at = D(2021, 6, 1)
    first = conv_49.credits(2019, at)
    assert (first.year, first.released, first.reasons) == (2019, True, ())
    cr = conv_49.credits(2021, at)
    assert cr.year == 2021 and not cr.released
    assert [(r.kind, r.blocking, r.action_id) for r in cr.reasons] == [
        (sc.CreditReasonKind.ACTION_NOT_DONE, True, "action-rsa"),
        (sc.CreditReasonKind.REPORT_LATE, False, None),
        (sc.CreditReasonKind.ACTION_DROPPED, False, "action-mobilite")]
    assert "2021-04-12" in cr.reasons[1].message
    assert "Reprise par la région" in cr.reasons[2].message
    assert cr.blocking == cr.reasons[:1]
    assert str(cr.reasons[0]).startswith("[blocking] action-not-done:")
    # the action done, the credits are released with the notes
    conv_49.actions["action-rsa"].statuses[2020] = "done"
    cr = conv_49.credits(2021, at)
    assert cr.released and [r.kind.label for r in cr.reasons] == ["report-late",
                                                                  "action-dropped"]
    # the report on 2020 not sent yet at that date: blocking
    cr = conv_49.credits(2021, D(2021, 4, 1))
    assert not cr.released and cr.reasons[0].kind is sc.CreditReasonKind.REPORT_MISSING
    # at defaults to today
    assert conv_49.credits(2021) == conv_49.credits(2021, datetime.date.today())
    with pytest.raises(InvalidArgumentError):
        conv_49.credits(2022, at)  # outside the convention
    with pytest.raises(ValueError):
        conv_49.credits(2021, "yesterday")
    with pytest.raises(TypeError):
        conv_49.credits(2021, 20210601)
    with pytest.raises(TypeError):
        conv_49.credits(None, at)


def test_example_convention_is_read_whole(conv_49):
    assert conv_49.id == "calpae-49-2019"
    assert conv_49.territory_kind is sc.TerritoryKind.DEPARTEMENT
    assert conv_49.signatories[0].role == "Préfet de Maine-et-Loire"
    assert conv_49.actions.ids() == ["action-ase", "action-rsa", "action-accueil",
                                     "action-mobilite"]
    ind = conv_49.indicators["orientation-rsa-1-mois"]
    assert ind.unit is sc.Unit.PERCENT
    assert ind.aggregation is sc.Aggregation.WEIGHTED_MEAN and ind.weight_id == "nouveaux-rsa"
    assert ind.ratio_of == ("nouveaux-rsa-orientes-1-mois", "nouveaux-rsa")
    assert ind.baseline == (2018, Decimal("41.7"))
    assert ind.values[2019].actual == Decimal("48.5")
    assert conv_49.indicators["delai-premier-accueil"].values[2020].comment.startswith("Délai")
    found = conv_49.validate(D(2021, 6, 1))
    assert [(d.name, d.item_id, d.year) for d in found] == [
        ("actual-missing", "delai-premier-accueil", 2020)]


# ----------------------------------------------------------------------------------------------
# Lifetime
# ----------------------------------------------------------------------------------------------


def test_children_keep_their_convention_alive():
    c = new_convention()
    c.set_years(2019, 2021)
    c.add_action("a1", "social-work", "Premier accueil")
    c.add_indicator("i1", "Jeunes", "count").values[2019].target = "12.50"
    a = c.actions[0]
    ind = c.indicators["i1"]
    v = ind.values[2019]
    funding = c.funding
    del c
    gc.collect()
    assert a.title == "Premier accueil"
    assert a.convention.id == "calpae-49-2019"
    assert ind.values[2019].target == Decimal("12.50")
    assert v.target == Decimal("12.50")
    assert len(funding) == 0


def test_matrix_outlives_its_convention(small):
    m = small.matrix()
    del small
    gc.collect()
    assert m["higher", 2019].target == Decimal(120)
    row = m.rows[0]
    cell = m[0, 2020]
    del m
    gc.collect()
    assert row.id == "higher" and row[2019].status is sc.CellStatus.REACHED
    assert cell.actual == Decimal(128)


def test_convention_outlives_its_list():
    lst = sc.ConventionList.from_file(FILE_52)
    c = lst[1]
    a = lst["calpae-85-2019"].actions[0]
    del lst
    gc.collect()
    assert c.id == "calpae-53-2019" and c.territory_name == "Mayenne"
    assert a.convention.territory_name == "Vendée"
    assert len(a.convention.indicators) > 0


def test_list_shares_its_conventions(conv):
    lst = sc.ConventionList([conv])
    lst[0].add_signatory("r", "n")
    assert conv.signatories == [("r", "n")]  # the same C convention
    del conv
    gc.collect()
    assert lst[0].signatories == [("r", "n")]


def test_copies(small):
    shallow = copy.copy(small)
    assert shallow == small and shallow is not small
    shallow.add_signatory("r", "n")
    assert small.signatories == [("r", "n")]  # a handle on the same convention
    deep = copy.deepcopy(small)
    assert deep == small
    deep.add_signatory("r2", "n2")
    assert deep != small
    restored = pickle.loads(pickle.dumps(small))
    assert restored == small
    lst = sc.ConventionList([small])
    assert pickle.loads(pickle.dumps(lst)) == lst
    assert copy.deepcopy(lst) == lst
    assert pickle.loads(pickle.dumps(sc.ConventionList())) == sc.ConventionList()
    cell = small.matrix()[0, 2019]
    assert pickle.loads(pickle.dumps(cell)) == cell
    m = small.matrix()
    assert copy.copy(m) is m
    with pytest.raises(TypeError):
        pickle.dumps(m)
    with pytest.raises(TypeError):
        pickle.dumps(small.actions[0] if len(small.actions) else small.indicators[0])


# ----------------------------------------------------------------------------------------------
# XML files of conventions
# ----------------------------------------------------------------------------------------------


def test_xml_round_trips(tmp_path, list_49):
    assert len(list_49) == 1 and list_49.ids() == ["calpae-49-2019"]
    assert list_49.diagnostics == []
    data = list_49.to_bytes()
    assert data.startswith(b"<?xml")
    again = sc.ConventionList.from_bytes(data)
    assert again == list_49
    assert sc.ConventionList.from_bytes(bytearray(data), name="mem") == list_49
    # pathlib.Path and str
    path = tmp_path / "out.xml"
    list_49.to_file(path)
    assert path.read_bytes() == data
    assert sc.ConventionList.from_file(path) == list_49
    assert sc.ConventionList.from_file(str(path), strict=True) == list_49
    assert sc.ConventionList.from_file(path, keep_invalid=True) == list_49
    data = list_49.to_bytes()
    assert sc.ConventionList.from_bytes(data, keep_invalid=True) == list_49
    assert sc.ConventionList.from_stream(io.BytesIO(data), keep_invalid=True) == list_49
    with pytest.raises(TypeError):
        sc.ConventionList.from_bytes(data, keep_invalid="yes")
    # streams
    out = io.BytesIO()
    list_49.to_stream(out)
    assert out.getvalue() == data
    assert sc.ConventionList.from_stream(io.BytesIO(data)) == list_49
    with open(path, "rb") as f:
        assert sc.ConventionList.from_stream(f) == list_49
    chunks = []
    list_49.to_stream(chunks.append)
    assert b"".join(chunks) == data
    pos = [0]

    def read(size):
        piece = data[pos[0]:pos[0] + min(size, 7)]
        pos[0] += len(piece)
        return piece

    assert sc.ConventionList.from_stream(read) == list_49


def test_list_built_through_the_api(conv, tmp_path):
    other = sc.Convention("calpae-44-2019", "departement", "44", "Loire-Atlantique")
    other.set_years(2019, 2021)
    lst = sc.ConventionList([conv])
    lst.append(other)
    assert lst.ids() == ["calpae-49-2019", "calpae-44-2019"]
    assert lst["calpae-44-2019"] == other
    assert other in lst and "calpae-44-2019" in lst and "x" not in lst
    assert lst.get("x") is None
    with pytest.raises(AlreadyExistsError):
        lst.append(other)
    with pytest.raises(TypeError):
        lst.append(None)
    with pytest.raises(TypeError):
        sc.ConventionList(conv)
    assert sc.ConventionList.from_bytes(lst.to_bytes()) == lst
    assert sc.ConventionList([conv]) != lst
    assert "calpae-44-2019" in repr(lst)
    lst2 = copy.copy(lst)
    assert lst2 == lst and lst2 is not lst
    with pytest.raises(InvalidArgumentError):
        sc.ConventionList().to_bytes()  # an empty list makes no file


def test_xml_errors_carry_every_diagnostic(tmp_path):
    with pytest.raises(InputOutputError):
        sc.ConventionList.from_file(tmp_path / "missing.xml")
    with pytest.raises(ParseError) as err:
        sc.ConventionList.from_bytes(b"<conventions xmlns='urn:snplp:1.0'><convention")
    assert "not-well-formed" in [d.name for d in err.value.diagnostics]
    assert all(d.line == 1 for d in err.value.diagnostics)
    bad = FILE_49.read_bytes().replace(b'territory-code="49"', b'territory-code="20"').replace(
        b'unit="percent"', b'unit="kilograms"')
    with pytest.raises(Error) as err:
        sc.ConventionList.from_bytes(bad)
    names = [d.name for d in err.value.diagnostics]
    assert len(names) >= 2 and "model-value" in names
    assert all(d.line > 0 and d.column > 0 for d in err.value.diagnostics)
    assert isinstance(err.value, (ParseError, ValidationError))
    with pytest.raises(TypeError):
        sc.ConventionList.from_bytes("<conventions/>")
    with pytest.raises(TypeError):
        sc.ConventionList.from_file(None)
    with pytest.raises(TypeError):
        sc.ConventionList.from_stream(None)
    # a text stream is read (issue 16): its text encoded in UTF-8
    text = FILE_49.read_text(encoding="utf-8")
    assert sc.ConventionList.from_stream(io.StringIO(text)) == sc.ConventionList.from_file(FILE_49)
    with pytest.raises(TypeError):
        sc.ConventionList.from_file(FILE_49, strict="yes")


def test_exceptions_in_streams_propagate(list_49):
    def read(size):
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        sc.ConventionList.from_stream(read)

    def write(data):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        list_49.to_stream(write)
    out = io.StringIO()  # a text stream is written (issue 16)
    list_49.to_stream(out)
    assert out.getvalue().encode("utf-8") == list_49.to_bytes()


# ----------------------------------------------------------------------------------------------
# Extensions
# ----------------------------------------------------------------------------------------------


def test_extensions_on_conventions_actions_and_indicators(conv):
    a = conv.add_action("a1", "social-work", "Accueil")
    ind = conv.add_indicator("i1", "Jeunes", "count")
    xml = '<x:note xmlns:x="urn:example:ext">fictive</x:note>'
    for item in (conv, a, ind):
        assert item.extensions == [] and item.foreign_attributes == []
        item.add_extension(xml)
        item.set_foreign_attribute("urn:example:ext", "x", "origin", "tool")
    assert conv.extensions == [xml]
    assert a.extensions == [xml] and ind.extensions == [xml]
    assert ind.foreign_attributes == [("urn:example:ext", "x", "origin", "tool")]
    assert a.foreign_attributes[0].value == "tool"
    again = sc.ConventionList.from_bytes(sc.ConventionList([conv]).to_bytes())[0]
    assert again == conv
    assert again.actions[0].extensions == [xml]
    assert again.indicators[0].foreign_attributes == ind.foreign_attributes
    with pytest.raises(InvalidArgumentError):
        conv.add_extension("<no-namespace/>")
    with pytest.raises(InvalidArgumentError):
        conv.add_extension("not xml")
    with pytest.raises(TypeError):
        conv.add_extension(None)
    with pytest.raises(TypeError):
        conv.set_foreign_attribute("urn:example:ext", "x", "origin", None)


def test_import_warnings_are_kept():
    nfc = "Nouveaux bénéficiaires du RSA".encode()
    nfd = "Nouveaux be\u0301ne\u0301ficiaires du RSA".encode()
    data = FILE_49.read_bytes()
    assert nfc in data
    lst = sc.ConventionList.from_bytes(data.replace(b">" + nfc + b"<", b">" + nfd + b"<"))
    assert [(d.name, d.severity) for d in lst.diagnostics] == [("text-normalized", "warning")]
    assert lst.diagnostics[0].line > 0
    assert lst[0].indicators["nouveaux-rsa"].label == nfc.decode()


# ----------------------------------------------------------------------------------------------
# None and wrong types raise TypeError, never a crash
# ----------------------------------------------------------------------------------------------


def _calls(conv, action, ind, lst, m):
    return [
        lambda: conv.set_territory(None, "49", "M"),
        lambda: conv.set_territory("departement", None, "M"),
        lambda: conv.set_years(None, 2021),
        lambda: conv.set_years(2019.0, 2021),
        lambda: conv.add_signatory("r", None),
        lambda: conv.funding[None],
        lambda: conv.funding.__setitem__(2019, None),
        lambda: conv.reports.__setitem__(2019, None),
        lambda: conv.reports[None],
        lambda: conv.report_state(None),
        lambda: conv.report_state(2019, 5),
        lambda: conv.credits("2020"),
        lambda: conv.add_action(None, "social-work", "t"),
        lambda: conv.add_action("x", None, "t"),
        lambda: conv.add_indicator("x", "y", None),
        lambda: conv.add_indicator("x", None, "count"),
        lambda: conv.validate(at=5),
        lambda: conv.matrix(threshold=[80]),
        lambda: conv.matrix(threshold=80.0),
        lambda: conv.actions[None],
        lambda: conv.indicators[1.0],
        lambda: setattr(conv, "signature_date", 5),
        lambda: setattr(action, "title", None),
        lambda: setattr(action, "objective", None),
        lambda: setattr(action, "description", 5),
        lambda: action.set_status(None, "done"),
        lambda: action.set_status(2019, None),
        lambda: action.drop_reason(None),
        lambda: action.statuses[None],
        lambda: setattr(ind, "label", None),
        lambda: setattr(ind, "polarity", None),
        lambda: setattr(ind, "baseline", 5),
        lambda: setattr(ind, "ratio_of", "a/b"),
        lambda: ind.set_aggregation(None),
        lambda: ind.set_aggregation("weighted-mean", 5),
        lambda: ind.values[None],
        lambda: setattr(ind.values[2019], "target", 1.5),
        lambda: setattr(ind.values[2019], "actual", object()),
        lambda: setattr(ind.values[2019], "source", b"bytes"),
        lambda: sc.YearValues(None, 2019),
        lambda: sc.MatrixRow(None, 0),
        lambda: lst.append(None),
        lambda: lst.append(action),
        lambda: lst[None],
        lambda: lst.to_file(None),
        lambda: lst.to_stream(None),
        lambda: lst.to_csv(None),
        lambda: lst.to_csv_file(5),
        lambda: lst.merge_csv(None),
        lambda: lst.merge_csv(b"", None),
        lambda: lst.synthesis(threshold=1.5),
        lambda: sc.ConventionList.from_file(None),
        lambda: sc.ConventionList.from_bytes(None),
        lambda: sc.ConventionList.from_bytes(b"x", name=5),
        lambda: sc.ConventionList.from_stream(5),
        lambda: sc.ConventionList(5),
        lambda: sc.ConventionList([None]),
        lambda: m[None, 2019],
        lambda: m[0, None],
        lambda: m[0, 2019, 1],
        lambda: m.rows[None],
        lambda: sc.synthesis([None]),
        lambda: sc.synthesis(5),
        lambda: sc.report_due_date(None),
        lambda: sc.report_due_date("2019"),
        lambda: conv.add_extension(None),
        lambda: action.add_extension(5),
        lambda: ind.set_foreign_attribute(None, "x", "n", "v"),
        lambda: conv.__init__("c", "departement", "49", "M"),
        lambda: lst.__init__(),
        lambda: sc.Indicator(),
        lambda: sc.Matrix(),
    ]


def test_none_and_wrong_types_raise_type_error(small):
    action = small.add_action("a1", "social-work", "Accueil")
    ind = small.indicators[0]
    lst = sc.ConventionList([small])
    m = small.matrix()
    before = copy.deepcopy(small)
    for i, call in enumerate(_calls(small, action, ind, lst, m)):
        with pytest.raises(TypeError):
            call()
            pytest.fail(f"call {i} did not raise")
    assert small == before  # nothing was changed


# ----------------------------------------------------------------------------------------------
# The examples
# ----------------------------------------------------------------------------------------------


def _run_example(name, argv, capsys):
    import importlib.util

    path = pathlib.Path(__file__).resolve().parents[2] / "examples" / "python" / name
    spec = importlib.util.spec_from_file_location(name[:-3], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(argv) == 0
    return capsys.readouterr().out


def test_example_convention_matrix(capsys):
    import json

    out = json.loads(_run_example("convention_matrix.py", [], capsys))
    assert len(out) == 21  # 7 indicators (the last computed from training records) x 3 years
    assert out[0]["convention"] == "calpae-49-2019" and out[0]["status"] == "reached"
    share = [c for c in out if c["indicator"] == "orientation-rsa-1-mois"]
    assert share[0]["actual"] == "48.5"  # exact decimals, as strings


def test_example_synthesis(capsys):
    out = _run_example("synthesis.py", [str(FILE_49), str(FILE_52), "--threshold", "95"],
                       capsys)
    assert "Synthesis of 4 conventions" in out
    assert "calpae-85-2019 (target)" in out
    assert "from 95% of it" in out


def test_threads_share_conventions_safely():
    import threading

    lst = sc.ConventionList.from_file(FILE_52)
    errors = []

    def reader():
        try:
            for _ in range(30):
                lst.to_csv()
                lst.synthesis()
                lst[0].validate(D(2021, 6, 1))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    def writer():
        try:
            for i in range(300):
                for conv in lst:
                    v = conv.indicators[0].values[2019]
                    v.source = f"source {i} " * (i % 7)
                    v.comment = None if i % 2 else f"commentaire {i}"
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=f) for f in (reader, reader, writer, writer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_export_piped_into_an_import_in_another_thread(list_49):
    import os
    import threading

    # more than a pipe holds, so that the export waits for the import to read
    list_49[0].indicators[0].values[2019].comment = "commentaire fictif " * 10000
    r, w = os.pipe()
    results = []
    with os.fdopen(r, "rb") as reader, os.fdopen(w, "wb") as writer:
        def export():
            list_49.to_stream(writer)
            writer.close()

        def import_():
            results.append(sc.ConventionList.from_stream(reader))

        threads = [threading.Thread(target=f, daemon=True) for f in (import_, export)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not any(t.is_alive() for t in threads), "deadlock"
    assert results == [list_49]
