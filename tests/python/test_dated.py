"""Tests of the dated matrices and syntheses, derived quotients and implausible dates (1.3):
``Convention.matrix(at=...)``, ``synthesis(..., at=...)``, ``CellStatus.NOT_YET_DUE`` and
``NOT_COMPUTABLE``, ``YearValues.derived_actual``, ``Cell.actual_derived``, and the
``quotient-mismatch`` and ``implausible-date`` findings.

Run with the package built: PYTHONPATH=<build>/bindings/python python3 -m pytest tests/python
"""

import datetime
from decimal import Decimal

import pytest

import snplp
from snplp import _conventions as sc
from snplp._errors import InvalidArgumentError

D = datetime.date


def convention(id_="calpae-49", code="49", name="Maine-et-Loire"):
    c = sc.Convention(id_, "departement", code, name)
    c.set_years(2019, 2021)
    return c


def test_new_statuses_have_their_labels():
    assert sc.CellStatus.NOT_YET_DUE.label == "not-yet-due"
    assert sc.CellStatus.NOT_COMPUTABLE.label == "not-computable"
    assert int(sc.CellStatus.NOT_YET_DUE) == 7
    assert snplp._core.SNPLP_CELL_STATUS_COUNT == 7
    assert snplp._core.SNPLP_CELL_STATUS_COUNT_1_3 == 9


def test_matrix_at_a_date_has_not_yet_due_cells():
    c = convention()
    ind = c.add_indicator("jeunes", "Jeunes accompagnés", "count")
    ind.values[2020].target = 100
    ind.values[2021].target = 120
    undated = c.matrix()
    assert undated[0][2021].status is sc.CellStatus.ACTUAL_MISSING
    m = c.matrix(at=D(2021, 6, 30))
    assert m[0][2020].status is sc.CellStatus.ACTUAL_MISSING
    assert m[0][2021].status is sc.CellStatus.NOT_YET_DUE
    counts = m.status_counts()
    assert counts[sc.CellStatus.NOT_YET_DUE] == 1
    assert counts[sc.CellStatus.ACTUAL_MISSING] == 1
    assert c.matrix(at="2021-03-31")[0][2020].status is sc.CellStatus.NOT_YET_DUE
    with pytest.raises(InvalidArgumentError):
        c.matrix(at="2021-02-30")


def two_conventions_with_targets():
    a, b = convention(), convention("calpae-44", "44", "Loire-Atlantique")
    for c in (a, b):
        ind = c.add_indicator("jeunes", "Jeunes accompagnés", "count")
        ind.aggregation = "sum"
        ind.values[2021].target = 10
    return a, b


def test_synthesis_at_a_date():
    a, b = two_conventions_with_targets()
    m, found = sc.synthesis([a, b], at=D(2021, 6, 30))
    assert found == []
    assert m[0][2021].status is sc.CellStatus.NOT_YET_DUE
    m, _ = sc.synthesis([a, b])
    assert m[0][2021].status is sc.CellStatus.ACTUAL_MISSING
    lst = sc.ConventionList()
    lst.append(a)
    lst.append(b)
    m, _ = lst.synthesis(at=D(2022, 4, 1))
    assert m[0][2021].status is sc.CellStatus.ACTUAL_MISSING
    m, _ = sc.synthesis(lst, at=D(2021, 6, 30))
    assert m[0][2021].status is sc.CellStatus.NOT_YET_DUE


def test_synthesis_overflow_is_not_computable():
    a, b = two_conventions_with_targets()
    for c, value in ((a, "9223372036854775807"), (b, "1")):
        c.indicators["jeunes"].values[2021].target = value
        c.indicators["jeunes"].values[2021].actual = 1
    m, found = sc.synthesis([a, b], at=D(2023, 1, 1))
    assert [f.name for f in found] == ["aggregate-overflow"]
    cell = m[0][2021]
    assert cell.status is sc.CellStatus.NOT_COMPUTABLE
    assert cell.missing == ()
    assert m.status_counts()[sc.CellStatus.ACTUAL_MISSING] == 0
    m, _ = sc.synthesis([a, b])
    assert m[0][2021].status is sc.CellStatus.NOT_AGGREGATED


def quotient_convention():
    c = convention()
    rate = c.add_indicator("taux", "Taux d'orientation", "percent")
    rate.ratio_of = ("orientes", "nouveaux")
    c.add_indicator("orientes", "Orientés", "count")
    c.add_indicator("nouveaux", "Nouveaux allocataires", "count")
    return c


def test_derived_quotient():
    c = quotient_convention()
    rate, num, den = (c.indicators[i] for i in ("taux", "orientes", "nouveaux"))
    rate.values[2019].target = "62.5"
    num.values[2019].actual = 2
    den.values[2019].actual = 3
    assert rate.values[2019].derived_actual == Decimal("66.7")
    cell = c.matrix()[0][2019]
    assert cell.actual == Decimal("66.7")
    assert cell.actual_derived is True
    assert cell.status is sc.CellStatus.REACHED
    den.values[2019].actual = 0  # a zero denominator derives nothing
    assert rate.values[2019].derived_actual is None
    assert c.matrix()[0][2019].actual is None


def test_quotient_mismatch_is_a_warning():
    c = quotient_convention()
    rate, num, den = (c.indicators[i] for i in ("taux", "orientes", "nouveaux"))
    rate.values[2020].target = 80
    rate.values[2020].actual = 77
    num.values[2020].actual = 3
    den.values[2020].actual = 4
    found = [f for f in c.validate(D(2020, 6, 1)) if f.name == "quotient-mismatch"]
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert found[0].year == 2020
    assert "'orientes' (3)" in found[0].message


def test_implausible_dates():
    c = convention()
    c.signature_date = D(2022, 1, 5)
    c.reports[2019] = D(2020, 3, 1)
    names = [(f.name, f.year) for f in c.validate(D(2021, 1, 1))]
    assert names.count(("implausible-date", 0)) == 2  # after the last year; check before it
    assert ("implausible-date", 2019) in names  # after the report on 2019
