"""Tests of the CSV of indicator values through the Pythonic layer (ConventionList.to_csv,
to_csv_file, to_csv_stream, merge_csv): both dialects, round trips, every finding of a bad
file with its line and column, nothing changed on error.

Run with the package built: PYTHONPATH=<build>/bindings/python python3 -m pytest tests/python
"""

import copy
import io
import pathlib
from decimal import Decimal

import pytest

from snplp import _conventions as sc
from snplp._errors import Diagnostic, InputOutputError, ParseError

DATA = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data"
FILE_49 = DATA / "convention-49.xml"
FILE_52 = DATA / "conventions-52.xml"
HEADER = b"convention,indicator,year,target,actual,unit,source,comment\r\n"
HEADER_FR = b"\xef\xbb\xbfconvention;indicator;year;target;actual;unit;source;comment\r\n"


@pytest.fixture
def small():
    """A convention with a decimal, a missing actual and texts that need quoting."""
    conv = sc.Convention("c49", "departement", "49", "Maine-et-Loire")
    conv.set_years(2019, 2020)
    i1 = conv.add_indicator("i1", "Jeunes", "count")
    i1.values.set(2019, target=100, actual=90, source="CAF, décembre 2019",
                  comment='Premier "bilan"')
    i1.values.set(2020, target=120)
    i2 = conv.add_indicator("i2", "Part", "percent")
    i2.values.set(2019, target="75.5", actual="70.00")
    return sc.ConventionList([conv])


def test_export_intl(small):
    data = small.to_csv()
    assert data == small.to_csv("intl") == small.to_csv(sc.CsvDialect.INTL)
    assert data == HEADER + (
        b'c49,i1,2019,100,90,count,"CAF, d\xc3\xa9cembre 2019","Premier ""bilan"""\r\n'
        b"c49,i1,2020,120,,count,,\r\n"
        b"c49,i2,2019,75.5,70.00,percent,,\r\n"
        b"c49,i2,2020,,,percent,,\r\n")


def test_export_fr(small):
    data = small.to_csv("fr")
    assert data.startswith(HEADER_FR)
    assert b"c49;i2;2019;75,5;70,00;percent;;\r\n" in data
    assert b'c49;i1;2019;100;90;count;CAF, d\xc3\xa9cembre 2019;"Premier ""bilan"""\r\n' in data


def test_export_empty_list_and_other_ways(small, tmp_path):
    assert sc.ConventionList().to_csv() == HEADER
    path = tmp_path / "values.csv"
    small.to_csv_file(path, "fr")
    assert path.read_bytes() == small.to_csv("fr")
    small.to_csv_file(str(path))
    assert path.read_bytes() == small.to_csv()
    out = io.BytesIO()
    small.to_csv_stream(out, "fr")
    assert out.getvalue() == small.to_csv("fr")
    pieces = []
    small.to_csv_stream(pieces.append)
    assert b"".join(pieces) == small.to_csv()


@pytest.mark.parametrize("dialect", ["intl", "fr"])
def test_round_trip(dialect, tmp_path):
    original = sc.ConventionList.from_file(FILE_52)
    data = original.to_csv(dialect)
    # importing an export changes nothing
    same = sc.ConventionList.from_file(FILE_52)
    same.merge_csv(data, dialect)
    assert same == original
    # values changed through the API come back from the CSV
    changed = sc.ConventionList.from_file(FILE_52)
    v = changed["calpae-44-2019"].indicators["jeunes-ase-accompagnes"].values[2019]
    v.target, v.actual, v.source = Decimal("999.50"), 1, "autre"
    assert changed != original
    changed.merge_csv(data, dialect)
    assert changed == original
    assert v.target == original["calpae-44-2019"].indicators[
        "jeunes-ase-accompagnes"].values[2019].target
    # from a path, a stream and a callable
    path = tmp_path / "values.csv"
    original.to_csv_file(path, dialect)
    for source in (path, str(path)):
        changed = sc.ConventionList.from_file(FILE_52)
        changed[0].indicators[0].values[2020].target = 1
        changed.merge_csv(source, dialect)
        assert changed == original
    changed = sc.ConventionList.from_file(FILE_52)
    changed[0].indicators[0].values[2020].target = 1
    changed.merge_csv(io.BytesIO(data), dialect)
    assert changed == original
    pos = [0]

    def read(size):
        piece = data[pos[0]:pos[0] + min(size, 5)]
        pos[0] += len(piece)
        return piece

    changed = sc.ConventionList.from_file(FILE_52)
    changed[0].indicators[0].values[2020].target = 1
    changed.merge_csv(read, dialect=sc.CsvDialect(dialect))
    assert changed == original


def test_partial_file_updates_values():
    lst = sc.ConventionList.from_file(FILE_49)
    lst.merge_csv(HEADER + b"calpae-49-2019,delai-premier-accueil,2020,,7.5,days,"
                           b"Mesure partielle,\r\n")
    v = lst[0].indicators["delai-premier-accueil"].values[2020]
    assert v.actual == Decimal("7.5") and str(v.actual) == "7.5"
    assert v.target == Decimal(8)  # an empty field leaves the value as it was
    assert v.source == "Mesure partielle"
    assert v.comment.startswith("Délai non mesuré")
    lst.merge_csv(HEADER_FR + b"calpae-49-2019;delai-premier-accueil;2020;;6,25;;;\n", "fr")
    assert str(v.actual) == "6.25"


def test_bad_csv_raises_every_finding_and_changes_nothing():
    lst = sc.ConventionList.from_file(FILE_49)
    before = copy.deepcopy(lst)
    bad = HEADER + (
        b"calpae-49-2019,jeunes-ase-accompagnes,2019,121,,count,,\r\n"  # fine alone
        b"calpae-99-2019,jeunes-ase-accompagnes,2019,1,,count,,\r\n"   # line 3: convention
        b"calpae-49-2019,nope,2019,1,,count,,\r\n"                     # line 4: indicator
        b"calpae-49-2019,jeunes-ase-accompagnes,2020,12;5,,count,,\r\n"  # line 5: number
        b"calpae-49-2019,jeunes-ase-accompagnes,2021,1,,percent,,\r\n"   # line 6: unit
        b"calpae-49-2019,jeunes-ase-accompagnes,20x1,1,,count,,\r\n")    # line 7: year
    with pytest.raises(ParseError) as err:
        lst.merge_csv(bad)
    found = err.value.diagnostics
    assert all(isinstance(d, Diagnostic) and d.severity == "error" for d in found)
    assert [(d.name, d.line, d.column) for d in found] == [
        ("unknown-convention", 3, 1),
        ("unknown-indicator", 4, 16),
        ("bad-number", 5, 44),
        ("unit-differs", 6, 47),
        ("bad-year", 7, 39),
    ]
    assert found[2].convention_id == "calpae-49-2019"
    assert found[2].item_id == "jeunes-ase-accompagnes" and found[2].year == 2020
    assert err.value.message  # the first finding, with its line
    assert lst == before  # nothing changed, not even the good row
    assert lst[0].indicators["jeunes-ase-accompagnes"].values[2019].target == Decimal(120)


def test_dialects_are_not_mixed():
    lst = sc.ConventionList.from_file(FILE_49)
    before = copy.deepcopy(lst)
    with pytest.raises(ParseError) as err:
        lst.merge_csv(HEADER_FR + b"calpae-49-2019;jeunes-ase-accompagnes;2021;12.5;;;;\r\n",
                      "fr")
    assert [(d.name, d.line) for d in err.value.diagnostics] == [("bad-number", 2)]
    with pytest.raises(ParseError) as err:
        lst.merge_csv(lst.to_csv("fr"), "intl")
    assert err.value.diagnostics[0].name == "csv-header"
    assert lst == before


def test_merge_csv_errors(small, tmp_path):
    with pytest.raises(InputOutputError):
        small.merge_csv(tmp_path / "missing.csv")
    with pytest.raises(ValueError):
        small.to_csv("excel")
    with pytest.raises(ValueError):
        small.merge_csv(HEADER, "excel")
    with pytest.raises(TypeError):
        small.to_csv(None)
    with pytest.raises(TypeError):
        small.merge_csv(None)
    with pytest.raises(TypeError):
        small.merge_csv(12)
    with pytest.raises(TypeError):
        small.to_csv_file(None)
    small.merge_csv(io.StringIO(HEADER.decode()))  # a text stream is read (issue 16)

    def read(size):
        raise RuntimeError("network down")

    before = copy.deepcopy(small)
    with pytest.raises(RuntimeError, match="network down"):
        small.merge_csv(read)

    def write(data):
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        small.to_csv_stream(write)
    assert small == before
