"""What a Python user hit (issue 16): text streams, OS errors, one number rule, messages without
C function names, str enums, equality of matrices, a convention's length, removing conventions
from a list, docstrings without C parameters.

Run with the package built: PYTHONPATH=<build>/bindings/python python3 -m pytest tests/python
"""

import builtins
import errno
import gc
import io
import os
import pathlib
import sys
from decimal import Decimal

import pytest

import snplp
from snplp import _core

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from api_headers import c_parameters  # noqa: E402

DATA = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data"
FILE_49 = DATA / "convention-49.xml"
CATALOGUE = DATA / "catalogue.xml"


@pytest.fixture
def list_49():
    return snplp.ConventionList.from_file(FILE_49)


@pytest.fixture
def conv_49(list_49):
    return list_49[0]


# ---------- 1. text streams ----------


def test_conventions_from_a_text_stream(list_49):
    with open(FILE_49, encoding="utf-8") as f:
        assert snplp.ConventionList.from_stream(f) == list_49
    text = FILE_49.read_text(encoding="utf-8")
    assert snplp.ConventionList.from_stream(io.StringIO(text)) == list_49
    assert snplp.ConventionList.from_stream(io.StringIO(text).read) == list_49  # a callable
    with open(FILE_49, "rb") as f:  # binary still works
        assert snplp.ConventionList.from_stream(f) == list_49


def test_a_text_stream_declaring_another_encoding_is_read_as_decoded(tmp_path):
    """Python decoded the text already: the declared encoding no longer describes the bytes the
    library reads, which are UTF-8."""
    text = FILE_49.read_text(encoding="utf-8").replace(
        'encoding="UTF-8"', 'encoding="ISO-8859-1"', 1)
    latin = tmp_path / "latin.xml"
    latin.write_bytes(text.encode("latin-1", errors="replace"))
    with open(latin, encoding="latin-1") as f:
        got = snplp.ConventionList.from_stream(f)
    assert got[0].territory_name == "Maine-et-Loire"
    assert got[0].signatories[1].name == "Dominique Modèle (nom fictif)"
    # the same bytes given in binary are refused: the library reads only UTF-8
    with pytest.raises(snplp.ParseError):
        snplp.ConventionList.from_bytes(latin.read_bytes())


def test_referential_from_a_text_stream():
    ref = snplp.Referential.from_file(CATALOGUE)
    text = CATALOGUE.read_text(encoding="utf-8")
    assert snplp.Referential.from_stream(io.StringIO(text)) == ref
    declared = text.replace('encoding="UTF-8"', "encoding='windows-1252'", 1)
    assert declared != text
    assert snplp.Referential.from_stream(io.StringIO(declared)) == ref


def test_conventions_to_a_text_stream(list_49):
    out = io.StringIO()
    list_49.to_stream(out)
    assert out.getvalue().encode("utf-8") == list_49.to_bytes()
    csv = io.StringIO()
    list_49.to_csv_stream(csv, "fr")
    assert csv.getvalue().encode("utf-8") == list_49.to_csv("fr")


def test_csv_from_a_text_stream(list_49):
    data = list_49.to_csv()
    other = snplp.ConventionList.from_file(FILE_49)
    other.merge_csv(io.StringIO(data.decode("utf-8")))
    assert other == list_49


# ---------- 2. files that cannot be opened ----------


def os_error(call, cls):
    with pytest.raises(cls) as caught:
        call()
    err = caught.value
    assert isinstance(err, snplp.InputOutputError) and isinstance(err, OSError)
    return err


def test_a_missing_file_raises_file_not_found_with_its_name(tmp_path, list_49):
    missing = tmp_path / "données" / "é.xml"
    for call in (lambda: snplp.ConventionList.from_file(missing),
                 lambda: snplp.Referential.from_file(missing),
                 lambda: list_49.merge_csv(missing)):
        err = os_error(call, builtins.FileNotFoundError)
        assert err.errno == errno.ENOENT
        assert err.strerror == os.strerror(errno.ENOENT)
        assert err.filename == str(missing)
        assert "données/é.xml" in str(err) and "??" not in str(err)
        assert err.status == _core.SNPLP_EIO and err.function.startswith("snplp_")
    for call in (lambda: list_49.to_file(missing), lambda: list_49.to_csv_file(missing),
                 lambda: snplp.Referential().to_file(missing)):
        err = os_error(call, builtins.FileNotFoundError)
        assert err.errno == errno.ENOENT and err.filename == str(missing)
        assert "é.xml" in str(err)


def test_a_directory_raises_is_a_directory(tmp_path, list_49):
    folder = tmp_path / "dossier-é"
    folder.mkdir()
    for call in (lambda: snplp.ConventionList.from_file(folder),
                 lambda: snplp.Referential.from_file(folder),
                 lambda: list_49.merge_csv(folder),
                 lambda: list_49.to_file(folder)):
        err = os_error(call, builtins.IsADirectoryError)
        assert err.errno == errno.EISDIR and err.filename == str(folder)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_a_forbidden_file_raises_permission_error(tmp_path):
    path = tmp_path / "secret.xml"
    path.write_bytes(FILE_49.read_bytes())
    path.chmod(0)
    err = os_error(lambda: snplp.ConventionList.from_file(path), builtins.PermissionError)
    assert err.errno == errno.EACCES and err.filename == str(path)


def test_the_c_library_gives_the_errno(tmp_path):
    rc, _ = _core.snplp_conventions_import_file(None, str(tmp_path / "none.xml"), None)
    assert rc == _core.SNPLP_EIO
    assert _core.snplp_error_last_errno() == errno.ENOENT
    assert "No such file or directory" in _core.snplp_error_last_reason()
    _core.snplp_decimal_parse("x")  # another failure forgets it
    assert _core.snplp_error_last_errno() == 0
    _core.snplp_error_clear()
    assert _core.snplp_error_last_errno() == 0


# ---------- 3. merge_csv's source, one number rule ----------


def test_merge_csv_text_is_given_as_text(list_49):
    text = list_49.to_csv().decode("utf-8")
    other = snplp.ConventionList.from_file(FILE_49)
    with pytest.raises(ValueError, match="text="):
        other.merge_csv(text)  # a str is a path: this one holds line breaks
    other.merge_csv(text=text)
    assert other == list_49
    with pytest.raises(TypeError):
        other.merge_csv()
    with pytest.raises(TypeError):
        other.merge_csv(b"", text="")


class Index:
    """A stand-in for numpy.int64: an integer through __index__ only."""

    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


def test_bool_is_not_a_number(conv_49):
    values = conv_49.indicators[0].values[2019]
    with pytest.raises(TypeError, match="bool is not a number"):
        values.actual = True
    with pytest.raises(TypeError, match="bool"):
        conv_49.matrix(threshold=True)


def test_integers_with_index_are_accepted(conv_49):
    ind = conv_49.indicators[0]
    ind.values[Index(2019)].actual = Index(140)
    assert ind.values[2019].actual == Decimal(140)
    assert Index(2019) in ind.values and ind.values[Index(2019)].year == 2019
    conv_49.funding[Index(2020)] = (Index(5), Index(6))
    assert conv_49.funding[2020] == (5, 6)
    conv_49.set_years(Index(2019), Index(2021))
    m = conv_49.matrix(threshold=Index(75))
    assert m.threshold == 75 and m[Index(0), Index(2019)].year == 2019
    assert conv_49.indicators[Index(0)] == conv_49.indicators[0]


def test_numpy_integers_are_accepted(conv_49):
    np = pytest.importorskip("numpy")
    ind = conv_49.indicators[0]
    ind.values[np.int64(2019)].target = np.int64(7)
    assert ind.values[2019].target == 7
    with pytest.raises(TypeError, match="not exact"):
        ind.values[2019].target = np.float64(7.0)


def test_floats_are_refused_as_not_exact(conv_49):
    from fractions import Fraction

    values = conv_49.indicators[0].values[2019]
    for value in (1.5, Fraction(3, 2)):
        with pytest.raises(TypeError, match="not exact"):
            values.target = value


@pytest.mark.parametrize("text", ["1e3", " 12 ", "+12", "12.", ".5", "1_000", "1 000", "12,5",
                                  "", "NaN", "Infinity", "١٢"])
def test_texts_follow_the_csv_rule(conv_49, text):
    """The CSV import refuses these (docs/csv.md): so do the setters."""
    values = conv_49.indicators[0].values[2019]
    before = values.target
    with pytest.raises(ValueError, match="not a decimal number"):
        values.target = text
    assert values.target == before


def test_the_plain_form_is_accepted(conv_49):
    values = conv_49.indicators[0].values[2019]
    values.target = "-0012.50"
    assert values.target == Decimal("-12.50") and str(values.target) == "-12.50"
    with pytest.raises(ValueError, match="19 digits"):
        values.target = "1." + "0" * 19


# ---------- 4. messages without C function names, diagnostics' convention ----------


def test_messages_do_not_start_with_a_c_function(conv_49):
    with pytest.raises(snplp.InvalidArgumentError) as caught:
        conv_49.matrix(threshold=-5)
    err = caught.value
    assert not str(err).startswith("snplp_") and not err.message.startswith("snplp_")
    assert err.function == "snplp_convention_matrix"
    assert str(err).startswith("the threshold -5% is out of range")


def test_import_findings_do_not_name_c_functions_and_name_their_convention():
    data = FILE_49.read_bytes().replace(b'territory-code="49"', b'territory-code="999"')
    with pytest.raises(snplp.ValidationError) as caught:
        snplp.ConventionList.from_bytes(data)
    err = caught.value
    assert err.diagnostics
    for d in err.diagnostics:
        assert "snplp_" not in d.message, d
    finding = err.diagnostics[0]
    assert finding.convention_id == "calpae-49-2019"
    assert finding.item_id == "calpae-49-2019"  # the convention itself (as in 1.2)
    assert "snplp_" not in str(err)


# ---------- 5. str enums ----------


def test_statuses_equal_the_names_to_dicts_gives(conv_49):
    m = conv_49.matrix()
    for row, d in zip((c for r in m for c in r), m.to_dicts()):
        assert row.status == d["status"]
        assert isinstance(row.status, str) and isinstance(row.status, snplp.CellStatus)
    assert snplp.CellStatus.REACHED == "reached"
    assert snplp.TerritoryKind.DEPARTEMENT == "departement"
    assert conv_49.territory_kind == "departement"
    assert snplp.ReportState.LATE == "late" and snplp.ActionStatus.DONE == "done"
    assert repr(snplp.CellStatus.REACHED) == "<CellStatus.REACHED: 'reached'>"
    assert int(snplp.CellStatus.REACHED) == _core.SNPLP_CELL_REACHED
    assert snplp.CellStatus(_core.SNPLP_CELL_REACHED) is snplp.CellStatus.REACHED
    assert m.status_counts()["reached"] == m.status_counts()[snplp.CellStatus.REACHED]


# ---------- 6. equality, len, removal ----------


def test_matrices_of_the_same_snapshot_are_equal(conv_49, list_49):
    a, b = conv_49.matrix(), conv_49.matrix()
    assert a is not b and a == b and hash(a) == hash(b)
    assert a[0] == b[0] and a["jeunes-ase-accompagnes"] == b["jeunes-ase-accompagnes"]
    assert hash(a[0]) == hash(b[0])
    assert a != conv_49.matrix(threshold=90)
    assert a[0] != a[1]
    conv_49.indicators[0].values[2019].actual = 1
    assert conv_49.matrix() != a and conv_49.matrix()[0] != a[0]
    assert (a == 3) is False


def test_a_convention_is_the_sequence_of_its_indicators(conv_49):
    assert len(conv_49) == len(conv_49.indicators) > 0
    assert list(conv_49) == list(conv_49.indicators)
    empty = snplp.Convention("c", "departement", "49", "Maine-et-Loire")
    assert len(empty) == 0 and bool(empty)


def test_removing_conventions_from_a_list(list_49):
    lst = snplp.ConventionList.from_file(DATA / "conventions-52.xml")
    ids = lst.ids()
    assert len(ids) >= 3
    kept = lst[ids[0]]
    lst.remove(ids[0])
    assert lst.ids() == ids[1:] and ids[0] not in lst
    assert kept.id == ids[0] and kept.matrix()  # the handle stays valid
    with pytest.raises(ValueError):
        lst.remove(ids[0])
    lst.append(kept)  # and can come back
    assert lst.ids() == ids[1:] + ids[:1]
    popped = lst.pop()
    assert popped.id == ids[0] and lst.ids() == ids[1:]
    del lst[0]
    assert lst.ids() == ids[2:]
    del lst[ids[2]]
    assert lst.ids() == ids[3:]
    with pytest.raises(KeyError):
        del lst["nope"]
    with pytest.raises(IndexError):
        lst.pop(50)
    lst.remove(list_49[0]) if list_49[0].id in lst else None
    lst.clear()
    assert len(lst) == 0
    gc.collect()
    assert popped.id == ids[0]


def test_removing_keeps_the_lookup_by_id():
    lst = snplp.ConventionList(
        snplp.Convention(f"c-{i}", "departement", "49", "Maine-et-Loire") for i in range(20))
    for i in range(0, 20, 2):
        del lst[f"c-{i}"]
    assert lst.ids() == [f"c-{i}" for i in range(1, 20, 2)]
    for i in range(20):
        assert (f"c-{i}" in lst) == (i % 2 == 1)
        assert (_core.snplp_convention_list_find(lst._ptr, f"c-{i}") is None) == (i % 2 == 0)
    lst.append(snplp.Convention("c-0", "departement", "49", "Maine-et-Loire"))
    assert lst.ids()[-1] == "c-0"


def test_remove_in_c(core):
    rc, lst = core.snplp_convention_list_new()
    assert rc == core.SNPLP_OK
    try:
        assert core.snplp_convention_list_remove(lst, "x") == core.SNPLP_ENOTFOUND
        assert core.snplp_convention_list_remove(None, "x") == core.SNPLP_EINVAL
    finally:
        core.snplp_convention_list_free(lst)


# ---------- 7. docstrings ----------


def test_no_docstring_summary_names_a_c_parameter_python_lacks():
    """The first paragraph of a docstring built from the C documentation must not name a
    parameter of the C function that the Python method does not have ("Aggregates ``count``
    conventions", "Exports ``ref``")."""
    import inspect
    import re

    params = c_parameters()
    leftovers = []
    for name in snplp.__all__:
        obj = getattr(snplp, name)
        members = [(name, obj)]
        if isinstance(obj, type):
            members += [(f"{name}.{k}", v) for k, v in vars(obj).items()
                        if not k.startswith("_") or k in ("__init__", "__eq__", "__len__",
                                                         "__iter__", "__delitem__")]
        for qual, member in members:
            doc = getattr(member, "__doc__", None) or ""
            fn = member.fget if isinstance(member, property) else getattr(member, "__func__",
                                                                           member)
            try:
                own = set(inspect.signature(fn).parameters)
            except (TypeError, ValueError):
                own = set()
            c_names = re.findall(r"\b(snplp_\w+)\(\)", doc)
            c_params = set().union(*(params.get(c, set()) for c in c_names))
            summary = doc.strip().split("\n\n")[0]
            bad = sorted(w for w in set(re.findall(r"``(\w+)``", summary))
                         if w in c_params and w not in own)
            if bad:
                leftovers.append(f"{qual}: {bad}: {summary[:80]}")
    assert not leftovers, "\n".join(leftovers)


def test_synthesis_docstring():
    assert snplp.synthesis.__doc__.startswith("Aggregates the conventions")
    assert "``count``" not in snplp.synthesis.__doc__
