"""Conventions (CALPAE), their matrices, reports, credits and syntheses, the Pythonic way.

The classes here wrap the conventions side of libsnplp (convention.h, action.h, indicator.h,
territory.h, matrix.h, synthesis.h, report.h, credits.h, convention_list.h, csv.h, the
conventions part of xml.h and extension.h; the model is explained in docs/conventions.md):

- :class:`Convention` (a root: it owns one reference to the C convention) with its
  :class:`Action` and :class:`Indicator` children;
- :class:`ConventionList`, what a file of conventions holds: XML in and out (path, bytes or
  stream), CSV of indicator values in and out, synthesis;
- :class:`Matrix`, a snapshot of indicators x years computed from one convention
  (:meth:`Convention.matrix`) or from several (:func:`synthesis`), made of :class:`Cell`;
- :class:`Credits` (:meth:`Convention.credits`), :class:`ReportState`
  (:meth:`Convention.report_state`), :func:`report_due_date`;
- the C enums as :class:`enum.StrEnum` classes whose values are the C library's stable names
  (``Unit.PERCENT == "percent"``, as :meth:`Matrix.to_dicts` writes it; ``str()`` and
  :attr:`label` give it, ``int()`` and :attr:`code` the C constant, and ``Unit("percent")`` or
  ``Unit(1)`` looks a member up).

Conventions of this layer:

- values of indicators are exact :class:`decimal.Decimal` ("12.50" stays ``Decimal("12.50")``);
  setters take a ``Decimal``, an ``int`` or a ``str``, never a ``float`` (``TypeError``);
- dates are :class:`datetime.date` (an ISO "YYYY-MM-DD" string is accepted in); paths are
  ``str`` or :class:`pathlib.Path`; texts are ``str``;
- a value that is not set reads as ``None`` (the C library's ``SNPLP_ENOTFOUND``), and setting
  an optional value to ``None`` unsets it;
- a failing C call raises the :class:`snplp.Error` subclass of its status; a parse or
  validation error carries every finding in ``err.diagnostics``;
- ``None`` or a value of the wrong type where the C library needs one raises ``TypeError``;
- lifetime: :class:`Convention`, :class:`ConventionList` and :class:`Matrix` own their C
  object; an :class:`Action`, :class:`Indicator` or :class:`MatrixRow` keeps its root wrapper
  alive in ``_ref``; :class:`Cell`, :class:`Credits` and :class:`Diagnostic` are plain Python
  snapshots. A :class:`Convention` taken from a :class:`ConventionList` takes its own reference
  to the C convention (conventions are reference counted), so it outlives the list;
- threads: the calls this module makes into the C library are serialised by one lock
  (``_LOCK``), so conventions may be shared between threads.
"""

from __future__ import annotations

import codecs
import collections.abc
import datetime
import decimal
import enum
import inspect
import io
import os
import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple

from . import _core
from ._base import (LOCK, Collection, ForeignAttribute, Owner, as_index, from_date, from_decimal,
                    fspath, locked, python_text, reader, to_date, to_decimal, wrap)
from ._errors import Diagnostic, check, diagnostics_from, error_for

__all__ = [
    # enums
    "TerritoryKind",
    "Unit",
    "Polarity",
    "Aggregation",
    "ActionObjective",
    "ActionStatus",
    "CellStatus",
    "ReportState",
    "CreditReasonKind",
    "CsvDialect",
    "RecordsMeasure",
    "RecordsFilter",
    # classes
    "Convention",
    "Action",
    "Indicator",
    "YearValues",
    "ConventionList",
    "Matrix",
    "MatrixRow",
    "Cell",
    "Credits",
    "CreditReason",
    # small records
    "Signatory",
    "YearFunding",
    "Baseline",
    "MissingValues",
    # functions and constants
    "synthesis",
    "report_due_date",
    "territory_code_is_valid",
    "YEAR_MIN",
    "YEAR_MAX",
    "DEFAULT_THRESHOLD",
]

_ENOTFOUND = _core.SNPLP_ENOTFOUND
_EINVAL = _core.SNPLP_EINVAL

#: The smallest year a convention records values for (``SNPLP_YEAR_MIN``).
YEAR_MIN: int = int(getattr(_core, "SNPLP_YEAR_MIN", 1000))
#: The largest year a convention records values for (``SNPLP_YEAR_MAX``).
YEAR_MAX: int = int(getattr(_core, "SNPLP_YEAR_MAX", 9998))
#: The default threshold of "partly reached", in percent (``SNPLP_MATRIX_DEFAULT_THRESHOLD``).
DEFAULT_THRESHOLD: decimal.Decimal = decimal.Decimal(
    int(getattr(_core, "SNPLP_MATRIX_DEFAULT_THRESHOLD", 80)))

_INT32 = (-(2**31), 2**31 - 1)
_INT64 = (-(2**63), 2**63 - 1)

# --------------------------------------------------------------------------------------------
# Threads
# --------------------------------------------------------------------------------------------

#: Held during every call of this module into the C library. snplp._core releases the GIL
#: during long calls (validation, matrices, syntheses, imports, exports); the C library lets
#: several threads read a convention at once but a thread that changes one must have it to
#: itself (convention.h). Serialising the calls keeps a Python program that shares
#: conventions between threads from changing one while another thread's call reads it (freed
#: texts, half-applied values), at the cost of running such calls one at a time. It is
#: re-entrant: a read or write callable may call back into this module from the same thread.
#: XML imports do not take it (they read no existing convention, so that an export in one
#: thread can be piped into an import in another), nor does releasing an object (``__del__``:
#: nothing else uses it then, and reference counts are atomic); a write callable of an export
#: must not wait for another thread that changes or exports conventions.
_LOCK = LOCK


class _LockedCore:
    """``_core``'s functions, each called with :data:`_LOCK` held."""

    def __getattr__(self, name: str):
        fn = getattr(_core, name)
        if not callable(fn):
            return fn

        call = locked(fn)
        setattr(self, name, call)  # found directly next time
        return call


_c = _LockedCore()


# --------------------------------------------------------------------------------------------
# Documentation taken from the C API (SWIG's translation of the headers' Doxygen comments)
# --------------------------------------------------------------------------------------------

_SIGNATURE = re.compile(r"^\s*[A-Za-z_][\w.]*\s*\(.*\)\s*(->.*)?$")
_FIELDS = re.compile(r"(^|\s):(type|param|rtype|return|returns|raises)\b|(^|\s)@(param|return)\b")
_C_ONLY = (
    (re.compile(r"#(?=\w)"), ""),                                  # Doxygen links
    (re.compile(r"\bNULL\b"), "None"),                             # NULL is None in Python
    (re.compile(r"\s*\((?:SNPLP_\w+|None|0|or) for None\)"), ""),  # what C gives for NULL
    (re.compile(r",? (?:or )?for None(?=\))"), ""),
    (re.compile(r"\s*Borrowed\b[^.]*\."), ""),                     # C lifetimes
)


def _c_summary(name: str) -> str:
    """The first paragraph of the documentation of the C function ``name`` (its @brief), as
    SWIG put it in ``_core.<name>.__doc__``, with the C-only remarks (NULL arguments, borrowed
    pointers) left out; "" when there is none."""
    doc = getattr(getattr(_core, name, None), "__doc__", None)
    if not doc:
        return ""
    for para in re.split(r"\n\s*\n", doc.strip()):
        lines = [line.strip() for line in para.strip().splitlines() if line.strip()]
        while lines and _SIGNATURE.match(lines[0]) and name in lines[0]:
            lines = lines[1:]  # the autodoc signature line
        text = re.sub(r"^@brief\s+", "", " ".join(lines))
        m = _FIELDS.search(text)  # parameters and return value follow the brief
        if m:
            text = text[:m.start()]
        for pattern, repl in _C_ONLY:
            text = pattern.sub(repl, text)
        text = python_text(text).strip()
        if text:
            return text
    return ""


def _cdoc(*names: str, note: Optional[str] = None, summaries: bool = True):
    """Decorator: the docstring is the first paragraph of each named C function's
    documentation (unless ``summaries`` is false), then ``note`` (what the Python layer adds:
    types, None, defaults), then the names of the C functions."""

    def decorate(obj):
        parts = [s for s in (_c_summary(n) for n in names) if s] if summaries else []
        if note:
            parts.append(inspect.cleandoc(note))
        if names:
            parts.append("C API: " + ", ".join(f"{n}()" for n in names) + ".")
        obj.__doc__ = "\n\n".join(parts)
        return obj

    return decorate


def _fields_doc(intro: str, fields: Dict[str, str]) -> str:
    """A class docstring: ``intro`` then one line per field, from the C function that gives it
    (a value starting with "=" is written as is)."""
    lines = [intro, ""]
    for field, source in fields.items():
        if source.startswith("="):
            text = source[1:]
        else:
            text = _c_summary(source) or source
            text += f" ({source}())"
        lines.append(f"``{field}``: {text}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Arguments
# --------------------------------------------------------------------------------------------


def _str(value, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def _opt_str(value, what: str) -> Optional[str]:
    return None if value is None else _str(value, what)


def _int(value, what: str, bounds: Tuple[int, int] = _INT32) -> int:
    """An integer argument: an ``int`` or any integer with ``__index__`` (``numpy.int64``);
    a ``bool`` is refused."""
    i = as_index(value)
    if i is None:
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    if not bounds[0] <= i <= bounds[1]:
        raise _invalid(f"{what} {i} is out of range")
    return i


def _year(value) -> int:
    return _int(value, "year")


def _cents(value, what: str) -> int:
    return _int(value, what, _INT64)


def _invalid(message: str):
    from ._errors import InvalidArgumentError

    return InvalidArgumentError(message)


def _is_year_key(year) -> bool:
    year = as_index(year)
    return year is not None and YEAR_MIN <= year <= YEAR_MAX


def _date_arg(value, what: str = "date") -> Tuple[int, int, int]:
    if value is None:
        raise TypeError(f"{what} must be a datetime.date, not None")
    try:
        return from_date(value)
    except ValueError as e:  # an ISO string that names no day
        raise _invalid(f"{what}: {e}") from None


def _at(value) -> Tuple[int, int, int]:
    """The date of a check: ``None`` for today (local date)."""
    return _date_arg(datetime.date.today() if value is None else value, "at")


def _threshold(value) -> Optional[Tuple[int, int]]:
    return None if value is None else from_decimal(value)


def _addr(ptr) -> int:
    try:
        return int(ptr)
    except TypeError:
        return int(ptr.this)


def _reader(source, xml: bool = True) -> Callable[[int], bytes]:
    """A read callable ``read(size) -> bytes`` for a binary or text file-like object or a
    callable (_base.reader(): a text stream is re-encoded in UTF-8, and for XML its
    declaration's encoding made UTF-8)."""
    return reader(source, xml)


def _writer(target) -> Callable[[bytes], Any]:
    """A write callable ``write(data: bytes)`` for a binary or text file-like object (a text
    one is given the UTF-8 text decoded) or a callable."""
    write = getattr(target, "write", None)
    if write is None:
        if not callable(target):
            raise TypeError(f"a file-like object or a callable write(data), not "
                            f"{type(target).__name__}")
        write = target
    if isinstance(target, io.TextIOBase):
        decoder = codecs.getincrementaldecoder("utf-8")()

        def text(data: bytes) -> None:
            chunk = decoder.decode(bytes(data))
            if chunk:
                write(chunk)

        return text

    def call(data: bytes) -> None:
        write(data)

    return call


def _stream_name(stream, name):
    if name is not None:
        return _str(name, "name")
    n = getattr(stream, "name", None)
    return n if isinstance(n, str) else None


class _Diagnostics:
    """A C ``snplp_diagnostics`` list owned for the time of one call."""

    __slots__ = ("ptr",)

    def __init__(self):
        rc, ptr = _core.snplp_diagnostics_new()  # private: no lock (see _LOCK)
        check(rc)
        self.ptr = ptr

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        ptr, self.ptr = self.ptr, None
        if ptr is not None:
            _core.snplp_diagnostics_free(ptr)

    __del__ = close

    def list(self) -> List[Diagnostic]:
        return diagnostics_from(self.ptr)


class _ImportOptions:
    """C import options for the time of one call (``None`` for the defaults)."""

    __slots__ = ("ptr",)

    def __init__(self, strict, keep_invalid=False):
        if not isinstance(strict, bool):
            raise TypeError(f"strict must be a bool, not {type(strict).__name__}")
        if not isinstance(keep_invalid, bool):
            raise TypeError(f"keep_invalid must be a bool, not {type(keep_invalid).__name__}")
        self.ptr = None
        if strict or keep_invalid:
            rc, ptr = _core.snplp_import_options_new()  # private: no lock (see _LOCK)
            check(rc)
            self.ptr = ptr
            check(_core.snplp_import_options_set_strict(ptr, strict))
            check(_core.snplp_import_options_set_keep_invalid(ptr, keep_invalid))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        ptr, self.ptr = self.ptr, None
        if ptr is not None:
            _core.snplp_import_options_free(ptr)


# --------------------------------------------------------------------------------------------
# Enums
# --------------------------------------------------------------------------------------------

_CODES: Dict[type, Dict[str, int]] = {}


class _CEnum(enum.StrEnum):
    """An enum of the C API as a ``str`` enum (Python's :class:`enum.StrEnum`): the value of a
    member is the C library's stable name ("percent", "actual-missing": as in XML, CSV,
    messages and :meth:`Matrix.to_dicts`), so a member equals that string and ``str()``
    gives it; ``int()`` gives the C constant (:attr:`code`). The class called with a name or
    with a C constant gives the member (``Unit("percent")``, ``Unit(1)``)."""

    @property
    def label(self) -> str:
        """The C library's stable name of the value, e.g. "percent" (the member's value)."""
        return self._value_

    @property
    def code(self) -> int:
        """The C constant of the member (``int(member)`` gives it too)."""
        return _CODES[type(self)][self._value_]

    def __int__(self) -> int:
        return _CODES[type(self)][self._value_]

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, int) and not isinstance(value, bool):
            for member in cls:
                if _CODES[cls][member._value_] == value:
                    return member
        return None


def _make_enum(name: str, prefix: str, members: Iterable[str], name_fn: str, doc: str):
    fn = getattr(_core, name_fn)
    codes = [(m, int(getattr(_core, prefix + m))) for m in members]
    cls = _CEnum(name, [(m, fn(code)) for m, code in codes], module=__name__, qualname=name)
    _CODES[cls] = {fn(code): code for _, code in codes}
    summary = _c_summary(name_fn)
    cls.__doc__ = doc + (f"\n\nNames: {summary}" if summary else "") + f"\n\nC API: {name_fn}()."
    return cls


TerritoryKind = _make_enum(
    "TerritoryKind", "SNPLP_TERRITORY_", ["DEPARTEMENT", "METROPOLE", "REGION"],
    "snplp_territory_kind_name",
    "The kinds of territories that sign conventions (territory.h, snplp_territory_kind).")
Unit = _make_enum(
    "Unit", "SNPLP_UNIT_", ["COUNT", "PERCENT", "DAYS", "EUROS", "RATIO"], "snplp_unit_name",
    "The unit of an indicator's values (indicator.h, snplp_unit).")
Polarity = _make_enum(
    "Polarity", "SNPLP_POLARITY_", ["HIGHER", "LOWER", "EXACT"], "snplp_polarity_name",
    "Which way an indicator improves (indicator.h, snplp_polarity).")
Aggregation = _make_enum(
    "Aggregation", "SNPLP_AGGREGATION_", ["NONE", "SUM", "WEIGHTED_MEAN"],
    "snplp_aggregation_name",
    "How an indicator's values combine across territories (indicator.h, snplp_aggregation).")
ActionObjective = _make_enum(
    "ActionObjective", "SNPLP_ACTION_OBJECTIVE_",
    ["CHILD_WELFARE_EXITS", "RSA_INSERTION", "SOCIAL_WORK", "FREE_INITIATIVE"],
    "snplp_action_objective_name",
    "The objective an action serves (action.h, snplp_action_objective); "
    "the first three are the core objectives (:attr:`is_core`).")
ActionObjective.is_core = property(
    lambda self: bool(_c.snplp_action_objective_is_core(int(self))),
    doc=_c_summary("snplp_action_objective_is_core"))
ActionStatus = _make_enum(
    "ActionStatus", "SNPLP_ACTION_STATUS_", ["PLANNED", "IN_PROGRESS", "DONE", "DROPPED"],
    "snplp_action_status_name",
    "The status of an action in a year (action.h, snplp_action_status).")
CellStatus = _make_enum(
    "CellStatus", "SNPLP_CELL_",
    ["REACHED", "PARTLY_REACHED", "NOT_REACHED", "NO_TARGET", "ACTUAL_MISSING",
     "NOT_AGGREGATED", "NOT_YET_DUE", "NOT_COMPUTABLE"],
    "snplp_cell_status_name", "The status of a matrix cell (matrix.h, snplp_cell_status).")
ReportState = _make_enum(
    "ReportState", "SNPLP_REPORT_", ["NOT_YET_DUE", "ON_TIME", "LATE", "MISSING"],
    "snplp_report_state_name",
    "The state of a year's execution report at a date (report.h, snplp_report_state).")
CreditReasonKind = _make_enum(
    "CreditReasonKind", "SNPLP_CREDIT_",
    ["REPORT_MISSING", "REPORT_LATE", "ACTION_NOT_DONE", "ACTION_DROPPED"],
    "snplp_credit_reason_name",
    "The kinds of reasons a decision on credits lists (credits.h, snplp_credit_reason).")
RecordsMeasure = _make_enum(
    "RecordsMeasure", "SNPLP_MEASURE_", ["NONE", "WORKERS_TRAINED", "TRAINING_DAYS", "SESSIONS"],
    "snplp_records_measure_name",
    "What an indicator counts in training records (indicator.h, snplp_records_measure; 1.4): "
    "NONE for an indicator typed by hand.")
RecordsFilter = _make_enum(
    "RecordsFilter", "SNPLP_FILTER_", ["THEME", "MODULE", "PLAN", "PROFESSION"],
    "snplp_records_filter_name",
    "What a filter of an indicator computed from records selects (indicator.h, "
    "snplp_records_filter; 1.4).")
CsvDialect = _make_enum(
    "CsvDialect", "SNPLP_CSV_", ["INTL", "FR"], "snplp_csv_dialect_name",
    "A dialect of CSV (csv.h, snplp_csv_dialect): INTL (\"intl\": comma, decimal point) or "
    "FR (\"fr\": semicolon, decimal comma, byte-order mark).")


def _enum_arg(cls, value, what: str) -> int:
    """A member of ``cls`` given as the member, its int value or its label."""
    if isinstance(value, cls):
        return int(value)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"{what} must be a {cls.__name__} or its label, not "
                        f"{type(value).__name__}")
    try:
        return int(cls(value))
    except ValueError:
        labels = ", ".join(repr(m.label) for m in cls)
        raise ValueError(f"{what}: {value!r} is not a {cls.__name__} ({labels})") from None


def _enum_out(cls, value):
    """A member of ``cls`` for a value the C library returned, None for its NONE (0)."""
    value = int(value)
    try:
        return cls(value)
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# Small records
# --------------------------------------------------------------------------------------------


class Signatory(NamedTuple):
    """A signatory of a convention: their role as the convention writes it and their name."""

    role: str
    name: str


class YearFunding(NamedTuple):
    """The funding of a year, in euro cents: the State's credits and the territory's own."""

    state_cents: int
    own_cents: int


class Baseline(NamedTuple):
    """An indicator's baseline: the value measured in ``year`` before the convention."""

    year: int
    value: decimal.Decimal



class MissingValues(NamedTuple):
    """A convention a matrix cell concerns but does not cover, and what it lacks: a frozenset
    of "target", "actual" and "weight" (snplp_matrix_missing())."""

    convention_id: str
    what: frozenset


# --------------------------------------------------------------------------------------------
# Extensions, shared by conventions, actions and indicators
# --------------------------------------------------------------------------------------------


class _Extensible:
    __slots__ = ()

    def _ext_target(self):  # (convention pointer, item id or None)
        raise NotImplementedError

    @property
    @_cdoc("snplp_convention_extension_count", "snplp_convention_extension_at",
           note="A new list of str (canonical XML fragments), in order.")
    def extensions(self) -> List[str]:
        conv, item = self._ext_target()
        n = _c.snplp_convention_extension_count(conv, item)
        return [_c.snplp_convention_extension_at(conv, item, i) for i in range(n)]

    @_cdoc("snplp_convention_add_extension",
           note="``xml`` is a str holding one element of another namespace.")
    def add_extension(self, xml: str) -> None:
        conv, item = self._ext_target()
        check(_c.snplp_convention_add_extension(conv, item, _str(xml, "xml")))

    @property
    @_cdoc("snplp_convention_foreign_attribute_count", "snplp_convention_foreign_attribute",
           note="A new list of :class:`ForeignAttribute` (namespace, prefix, name, value), in "
                "the order they were added.")
    def foreign_attributes(self) -> List[ForeignAttribute]:
        conv, item = self._ext_target()
        out = []
        for i in range(_c.snplp_convention_foreign_attribute_count(conv, item)):
            rc, ns, prefix, name, value = _c.snplp_convention_foreign_attribute(
                conv, item, i)
            check(rc)
            out.append(ForeignAttribute(ns, prefix, name, value))
        return out

    @_cdoc("snplp_convention_set_foreign_attribute")
    def set_foreign_attribute(self, namespace: str, prefix: str, name: str, value: str) -> None:
        conv, item = self._ext_target()
        check(_c.snplp_convention_set_foreign_attribute(
            conv, item, _str(namespace, "namespace"), _str(prefix, "prefix"),
            _str(name, "name"), _str(value, "value")))


# --------------------------------------------------------------------------------------------
# Year-keyed views
# --------------------------------------------------------------------------------------------


class _YearMapping(collections.abc.Mapping):
    """A live view keyed by year; reads the C object each time."""

    __slots__ = ("_ref",)

    def __init__(self, ref):
        self._ref = ref

    def _years(self) -> List[int]:
        raise NotImplementedError

    def _year_list(self, count, at) -> List[int]:
        """The years the C functions ``count`` and ``at`` give for the object viewed."""
        p = self._ref._ptr
        return [int(at(p, i)) for i in range(count(p))]

    @staticmethod
    def _check_key(year) -> int:
        """``year`` as an int; raises KeyError (or the error of an invalid year) unless it is a
        year key."""
        if not _is_year_key(year):
            _year(year)
            raise KeyError(year)
        return as_index(year)

    def _lookup(self, get, year) -> list:
        """The values the C getter ``get`` gives for ``year``, after its status; KeyError when
        nothing is recorded (``SNPLP_ENOTFOUND``)."""
        year = self._check_key(year)
        rc, *values = get(self._ref._ptr, year)
        if rc == _ENOTFOUND:
            raise KeyError(year)
        check(rc)
        return values

    def _forget(self, clear, year) -> None:
        """``del view[year]`` with the C function ``clear``; KeyError when nothing is
        recorded."""
        year = self._check_key(year)
        rc = clear(self._ref._ptr, year)
        if rc == _ENOTFOUND:
            raise KeyError(year)
        check(rc)

    def __iter__(self) -> Iterator[int]:
        return iter(self._years())

    def __len__(self) -> int:
        return len(self._years())

    def __contains__(self, year) -> bool:
        return _is_year_key(year) and as_index(year) in self._years()

    def __repr__(self) -> str:
        return "{" + ", ".join(f"{y}: {self[y]!r}" for y in self) + "}"


class _FundingView(_YearMapping, collections.abc.MutableMapping):
    """The funding per year of a convention: ``conv.funding[2020]`` is a :class:`YearFunding`
    (state_cents, own_cents); ``conv.funding[2020] = (state_cents, own_cents)`` records it
    (replacing), ``del conv.funding[2020]`` forgets it; iteration gives the years with funding
    in increasing order."""

    __slots__ = ()

    def _years(self):
        return self._year_list(_c.snplp_convention_funding_year_count,
                               _c.snplp_convention_funding_year_at)

    def __getitem__(self, year) -> YearFunding:
        state, own = self._lookup(_c.snplp_convention_funding_in, year)
        return YearFunding(int(state), int(own))

    def __setitem__(self, year, value) -> None:
        if isinstance(value, (str, bytes)) or not isinstance(value, collections.abc.Sequence) \
                or len(value) != 2:
            raise TypeError("funding is a pair (state_cents, own_cents) of ints")
        check(_c.snplp_convention_set_funding(
            self._ref._ptr, _year(year), _cents(value[0], "state_cents"),
            _cents(value[1], "own_cents")))

    def __delitem__(self, year) -> None:
        self._forget(_c.snplp_convention_clear_funding, year)


_cdoc("snplp_convention_funding_in", "snplp_convention_set_funding",
      "snplp_convention_clear_funding", "snplp_convention_funding_year_at",
      note=_FundingView.__doc__, summaries=False)(_FundingView)


class _ReportsView(_YearMapping, collections.abc.MutableMapping):
    """The execution reports sent: ``conv.reports[2019]`` is the :class:`datetime.date` the
    report on 2019 was sent; ``conv.reports[2019] = date`` records it (replacing),
    ``del conv.reports[2019]`` forgets it; iteration gives the years with a report in
    increasing order."""

    __slots__ = ()

    def _years(self):
        return self._year_list(_c.snplp_convention_report_year_count,
                               _c.snplp_convention_report_year_at)

    def __getitem__(self, year) -> datetime.date:
        sent, = self._lookup(_c.snplp_convention_report_sent, year)
        return to_date(sent)

    def __setitem__(self, year, sent) -> None:
        check(_c.snplp_convention_set_report_sent(self._ref._ptr, _year(year),
                                                  _date_arg(sent, "sent")))

    def __delitem__(self, year) -> None:
        self._forget(_c.snplp_convention_clear_report, year)


_cdoc("snplp_convention_report_sent", "snplp_convention_set_report_sent",
      "snplp_convention_clear_report", "snplp_convention_report_year_at",
      note=_ReportsView.__doc__, summaries=False)(_ReportsView)


class _StatusesView(_YearMapping, collections.abc.MutableMapping):
    """The statuses of an action per year: ``action.statuses[2020]`` is an
    :class:`ActionStatus` (KeyError when none is recorded); ``action.statuses[2020] =
    "done"`` records a status that takes no reason (use :meth:`Action.set_status` for a
    dropped action and its reason); ``del action.statuses[2020]`` forgets it; iteration gives
    the years with a status in increasing order."""

    __slots__ = ()

    def _years(self):
        return self._year_list(_c.snplp_action_status_year_count, _c.snplp_action_status_year_at)

    def __getitem__(self, year) -> ActionStatus:
        year = self._check_key(year)
        status = _enum_out(ActionStatus, _c.snplp_action_status_in(self._ref._ptr, year))
        if status is None:
            raise KeyError(year)
        return status

    def __setitem__(self, year, status) -> None:
        self._ref.set_status(year, status)

    def __delitem__(self, year) -> None:
        self._forget(_c.snplp_action_clear_status, year)


_cdoc("snplp_action_status_in", "snplp_action_clear_status", "snplp_action_status_year_at",
      note=_StatusesView.__doc__, summaries=False)(_StatusesView)


# --------------------------------------------------------------------------------------------
# Convention
# --------------------------------------------------------------------------------------------


class Convention(_Extensible, Owner):
    """A convention (CALPAE) between the State and a territory: its years, signatories,
    funding, execution reports, actions and indicators (convention.h).

    ``Convention(id, territory_kind, territory_code, territory_name)`` creates one with no
    years, actions or indicators yet; ``territory_kind`` is a :class:`TerritoryKind` or its
    label ("departement", "metropole", "region"). Conventions read from a file come from
    :class:`ConventionList`.

    ``==`` is the library's deep equality (snplp_convention_equal(): every value digit for
    digit, so "12.5" and "12.50" differ). ``copy.copy()`` gives another handle on the same
    convention; ``copy.deepcopy()`` and pickling go through the XML format.
    """

    __slots__ = ("_ptr", "__weakref__")
    _release = "snplp_convention_unref"

    @_cdoc("snplp_convention_new")
    def __init__(self, id: str, territory_kind, territory_code: str, territory_name: str):
        if getattr(self, "_ptr", None) is not None:  # its children point into the old one
            raise TypeError("a Convention is initialised once")
        kind = _enum_arg(TerritoryKind, territory_kind, "territory_kind")
        rc, ptr = _c.snplp_convention_new(_str(id, "id"), kind,
                                          _str(territory_code, "territory_code"),
                                          _str(territory_name, "territory_name"))
        check(rc)
        self._ptr = ptr

    def _ext_target(self):
        return self._ptr, None

    # -- a convention as the sequence of its indicators (the rows of its matrix) --

    def __len__(self) -> int:
        """The number of indicators (the rows of its matrix, :attr:`indicators`).

        C API: snplp_convention_indicator_count()."""
        return int(_c.snplp_convention_indicator_count(self._ptr))

    def __iter__(self) -> Iterator["Indicator"]:
        """The indicators in order, as :attr:`indicators` gives them (the actions are in
        :attr:`actions`)."""
        return iter(self.indicators)

    def __bool__(self) -> bool:
        return True  # a convention without indicators is still a convention

    # -- freezing (1.3) --

    @_cdoc("snplp_convention_freeze",
           note="From then on every change raises FrozenError.")
    def freeze(self) -> None:
        check(_c.snplp_convention_freeze(self._ptr))

    @property
    @_cdoc("snplp_convention_is_frozen")
    def frozen(self) -> bool:
        return bool(_c.snplp_convention_is_frozen(self._ptr))

    # -- identity and equality --

    @_cdoc("snplp_convention_equal")
    def __eq__(self, other) -> bool:
        if not isinstance(other, Convention):
            return NotImplemented
        return bool(_c.snplp_convention_equal(self._ptr, other._ptr))

    __hash__ = None  # mutable, compared by value

    def __repr__(self) -> str:
        years = (f"{self.first_year}-{self.last_year}" if self.first_year else "no years")
        return (f"<Convention {self.id!r}: {self.territory_kind} {self.territory_code} "
                f"{self.territory_name}, {years}>")

    def __copy__(self) -> "Convention":
        return Convention._own(_c.snplp_convention_ref(self._ptr))

    def __deepcopy__(self, memo) -> "Convention":
        return _convention_from_xml(self._to_xml())

    def __reduce__(self):
        return (_convention_from_xml, (self._to_xml(),))

    def _to_xml(self) -> bytes:
        return ConventionList([self]).to_bytes()

    # -- identity, territory --

    @property
    @_cdoc("snplp_convention_id")
    def id(self) -> str:
        return _c.snplp_convention_id(self._ptr)

    @property
    @_cdoc("snplp_convention_territory_kind")
    def territory_kind(self) -> TerritoryKind:
        return _enum_out(TerritoryKind, _c.snplp_convention_territory_kind(self._ptr))

    @property
    @_cdoc("snplp_convention_territory_code")
    def territory_code(self) -> str:
        return _c.snplp_convention_territory_code(self._ptr)

    @property
    @_cdoc("snplp_convention_territory_name")
    def territory_name(self) -> str:
        return _c.snplp_convention_territory_name(self._ptr)

    @_cdoc("snplp_convention_set_territory",
           note="``kind`` is a :class:`TerritoryKind` or its label.")
    def set_territory(self, kind, code: str, name: str) -> None:
        check(_c.snplp_convention_set_territory(
            self._ptr, _enum_arg(TerritoryKind, kind, "kind"), _str(code, "code"),
            _str(name, "name")))

    # -- years --

    @property
    @_cdoc("snplp_convention_first_year", note="In Python: None while the years are not set.")
    def first_year(self) -> Optional[int]:
        return int(_c.snplp_convention_first_year(self._ptr)) or None

    @property
    @_cdoc("snplp_convention_last_year", note="In Python: None while the years are not set.")
    def last_year(self) -> Optional[int]:
        return int(_c.snplp_convention_last_year(self._ptr)) or None

    @_cdoc("snplp_convention_set_years")
    def set_years(self, first: int, last: int) -> None:
        check(_c.snplp_convention_set_years(self._ptr, _int(first, "first"),
                                            _int(last, "last")))

    @property
    @_cdoc("snplp_convention_first_year", "snplp_convention_set_years",
           note="The years as a ``range`` (``range(2019, 2022)`` for 2019 to 2021), None "
                "while they are not set; set it with a range of step 1 or a pair "
                "(first, last), both included.")
    def years(self) -> Optional[range]:
        first = self.first_year
        return None if first is None else range(first, self.last_year + 1)

    @years.setter
    def years(self, value) -> None:
        if isinstance(value, range):
            if value.step != 1 or len(value) == 0:
                raise ValueError("the years are a non-empty range of step 1")
            self.set_years(value.start, value.stop - 1)
        elif isinstance(value, tuple) and len(value) == 2:
            self.set_years(*value)
        else:
            raise TypeError(f"years are a range or a pair (first, last), not "
                            f"{type(value).__name__}")

    # -- signature --

    @property
    @_cdoc("snplp_convention_signature_date", "snplp_convention_set_signature_date",
           "snplp_convention_clear_signature_date",
           note="A :class:`datetime.date`, None when it is not set; setting None unsets it.")
    def signature_date(self) -> Optional[datetime.date]:
        rc, d = _c.snplp_convention_signature_date(self._ptr)
        if rc == _ENOTFOUND:
            return None
        check(rc)
        return to_date(d)

    @signature_date.setter
    def signature_date(self, value) -> None:
        if value is None:
            check(_c.snplp_convention_clear_signature_date(self._ptr))
        else:
            check(_c.snplp_convention_set_signature_date(self._ptr, _date_arg(value)))

    @property
    @_cdoc("snplp_convention_signatory_role", "snplp_convention_signatory_name",
           note="A new list of :class:`Signatory` (role, name), in order.")
    def signatories(self) -> List[Signatory]:
        p = self._ptr
        return [Signatory(_c.snplp_convention_signatory_role(p, i),
                          _c.snplp_convention_signatory_name(p, i))
                for i in range(_c.snplp_convention_signatory_count(p))]

    @_cdoc("snplp_convention_add_signatory")
    def add_signatory(self, role: str, name: str) -> None:
        check(_c.snplp_convention_add_signatory(self._ptr, _str(role, "role"),
                                                _str(name, "name")))

    # -- funding and reports --

    @property
    def funding(self) -> _FundingView:
        return _FundingView(self)

    funding.__doc__ = _FundingView.__doc__

    @property
    def reports(self) -> _ReportsView:
        return _ReportsView(self)

    reports.__doc__ = _ReportsView.__doc__

    @_cdoc("snplp_convention_report_state",
           note="``at`` is a :class:`datetime.date`, today (local date) when omitted.")
    def report_state(self, year: int, at=None) -> ReportState:
        state = _c.snplp_convention_report_state(self._ptr, _year(year), _at(at))
        result = _enum_out(ReportState, state)
        if result is None:
            raise error_for(_EINVAL)
        return result

    @_cdoc("snplp_convention_credits",
           note="``at`` is a :class:`datetime.date`, today (local date) when omitted. Returns "
                "a :class:`Credits` snapshot.")
    def credits(self, year: int, at=None) -> "Credits":
        rc, ptr = _c.snplp_convention_credits(self._ptr, _year(year), _at(at))
        check(rc)
        try:
            return Credits._read(ptr)
        finally:
            _c.snplp_credits_free(ptr)

    # -- actions and indicators --

    @property
    def actions(self) -> Collection:
        """The actions, in order: a live :class:`snplp.Collection` of :class:`Action`
        (``len()``, iteration, ``conv.actions[0]``, ``conv.actions["action-ase"]``, ``in``).

        C API: snplp_convention_action_count(), snplp_convention_action_at(),
        snplp_convention_action_find()."""
        p = self._ptr
        return Collection(
            lambda: _c.snplp_convention_action_count(p),
            lambda i: Action._wrap(_c.snplp_convention_action_at(p, i), self),
            lambda id_: Action._wrap(_c.snplp_convention_action_find(p, id_), self),
            "action")

    @property
    def indicators(self) -> Collection:
        """The indicators (the rows of the matrix), in order: a live
        :class:`snplp.Collection` of :class:`Indicator` with lookup by id.

        C API: snplp_convention_indicator_count(), snplp_convention_indicator_at(),
        snplp_convention_indicator_find()."""
        p = self._ptr
        return Collection(
            lambda: _c.snplp_convention_indicator_count(p),
            lambda i: Indicator._wrap(_c.snplp_convention_indicator_at(p, i), self),
            lambda id_: Indicator._wrap(_c.snplp_convention_indicator_find(p, id_), self),
            "indicator")

    @_cdoc("snplp_convention_add_action",
           note="``objective`` is an :class:`ActionObjective` or its label. Returns the new "
                ":class:`Action`.")
    def add_action(self, id: str, objective, title: str) -> "Action":
        rc, ptr = _c.snplp_convention_add_action(
            self._ptr, _str(id, "id"), _enum_arg(ActionObjective, objective, "objective"),
            _str(title, "title"))
        check(rc)
        return Action._wrap(ptr, self)

    @_cdoc("snplp_convention_add_indicator",
           note="``unit`` is a :class:`Unit` or its label. Returns the new :class:`Indicator`.")
    def add_indicator(self, id: str, label: str, unit) -> "Indicator":
        rc, ptr = _c.snplp_convention_add_indicator(
            self._ptr, _str(id, "id"), _str(label, "label"), _enum_arg(Unit, unit, "unit"))
        check(rc)
        return Indicator._wrap(ptr, self)

    # -- checks and computations --

    @_cdoc("snplp_convention_validate",
           note="Returns the findings as a list of :class:`snplp.Diagnostic` (errors and "
                "warnings); it does not raise for them unless ``raise_errors`` is true, "
                "when a finding of severity error raises :class:`snplp.ValidationError` "
                "carrying all the findings. ``at`` (a :class:`datetime.date`) is the date of "
                "the check; None (the default) does not apply the due-report rule, as in C.")
    def validate(self, at=None, *, raise_errors: bool = False) -> List[Diagnostic]:
        at_arg = None if at is None else _date_arg(at, "at")
        with _Diagnostics() as d:
            rc = _c.snplp_convention_validate(self._ptr, at_arg, d.ptr)
            found = d.list()
        if rc == _core.SNPLP_EVALIDATION and not raise_errors:
            return found
        check(rc, found)
        return found

    @_cdoc("snplp_convention_fill_from_records",
           note="``records`` is a :class:`snplp.Records`, ``referential`` the "
                ":class:`snplp.Referential` it refers to. Returns the findings (a list of "
                ":class:`Diagnostic`: a typed actual that disagrees, unknown data...).")
    def fill_from_records(self, records, referential) -> List[Diagnostic]:
        from ._records import Records
        from ._referential import Referential
        if not isinstance(records, Records):
            raise TypeError(f"records must be a snplp.Records, not {type(records).__name__}")
        if not isinstance(referential, Referential):
            raise TypeError(f"referential must be a snplp.Referential, not "
                            f"{type(referential).__name__}")
        with _Diagnostics() as d:
            rc = _c.snplp_convention_fill_from_records(self._ptr, records._ptr, referential._ptr,
                                                       d.ptr)
            found = d.list()
        check(rc, found)
        return found

    @_cdoc("snplp_convention_matrix", "snplp_convention_matrix_at",
           note="``threshold`` is a percent as a Decimal, int or str (e.g. \"82.5\"); None "
                "for the default (80). ``at`` (a datetime.date or an ISO string) gives the "
                "dated matrix, whose cells may be not-yet-due; None (the default) the undated "
                "one.")
    def matrix(self, threshold=None, *, at=None) -> "Matrix":
        if at is None:
            rc, ptr = _c.snplp_convention_matrix(self._ptr, _threshold(threshold))
        else:
            rc, ptr = _c.snplp_convention_matrix_at(self._ptr, _date_arg(at, "at"),
                                                    _threshold(threshold))
        check(rc)
        return Matrix._own(ptr)


def _convention_from_xml(data: bytes) -> Convention:
    return ConventionList.from_bytes(data)[0]


# --------------------------------------------------------------------------------------------
# Children: actions and indicators
# --------------------------------------------------------------------------------------------


class _Child(_Extensible):
    """An item a convention owns: a borrowed C pointer and, in ``_ref``, the
    :class:`Convention` wrapper that keeps it alive."""

    __slots__ = ("_ptr", "_ref")

    _wrap = classmethod(wrap)

    def __init__(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__} objects are made by Convention."
                        f"add_{type(self).__name__.lower()}()")

    @property
    def convention(self) -> Convention:
        """The convention that owns it."""
        return self._ref

    def _ext_target(self):
        return self._ref._ptr, self.id

    def __eq__(self, other) -> bool:
        """The same item of the same convention."""
        if type(other) is not type(self):
            return NotImplemented
        return _addr(self._ptr) == _addr(other._ptr)

    def __hash__(self) -> int:
        return hash(_addr(self._ptr))

    def __reduce__(self):
        raise TypeError(f"{type(self).__name__} objects cannot be pickled: pickle their "
                        f"Convention")

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        raise TypeError(f"{type(self).__name__} objects cannot be deep-copied: copy their "
                        f"Convention")


class Action(_Child):
    """An action of a convention (action.h): its objective, its title and description, and its
    status year by year (:attr:`statuses`, :meth:`set_status`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<Action {self.id!r} ({self.objective}): {self.title!r}>"

    @property
    @_cdoc("snplp_action_id")
    def id(self) -> str:
        return _c.snplp_action_id(self._ptr)

    @property
    @_cdoc("snplp_action_title", "snplp_action_set_title")
    def title(self) -> str:
        return _c.snplp_action_title(self._ptr)

    @title.setter
    def title(self, value: str) -> None:
        check(_c.snplp_action_set_title(self._ptr, _str(value, "title")))

    @property
    @_cdoc("snplp_action_description", "snplp_action_set_description",
           note="None when unset; setting None unsets it.")
    def description(self) -> Optional[str]:
        return _c.snplp_action_description(self._ptr)

    @description.setter
    def description(self, value: Optional[str]) -> None:
        check(_c.snplp_action_set_description(self._ptr, _opt_str(value, "description")))

    @property
    @_cdoc("snplp_action_objective_of", "snplp_action_set_objective",
           note="An :class:`ActionObjective`; set it with a member or its label.")
    def objective(self) -> ActionObjective:
        return _enum_out(ActionObjective, _c.snplp_action_objective_of(self._ptr))

    @objective.setter
    def objective(self, value) -> None:
        check(_c.snplp_action_set_objective(
            self._ptr, _enum_arg(ActionObjective, value, "objective")))

    @property
    def statuses(self) -> _StatusesView:
        return _StatusesView(self)

    statuses.__doc__ = _StatusesView.__doc__

    @_cdoc("snplp_action_set_status",
           note="``status`` is an :class:`ActionStatus` or its label; ``reason`` (a str) is "
                "required with DROPPED and refused otherwise.")
    def set_status(self, year: int, status, reason: Optional[str] = None) -> None:
        check(_c.snplp_action_set_status(
            self._ptr, _year(year), _enum_arg(ActionStatus, status, "status"),
            _opt_str(reason, "reason")))

    @_cdoc("snplp_action_drop_reason", note="None when the action was not dropped that year.")
    def drop_reason(self, year: int) -> Optional[str]:
        return _c.snplp_action_drop_reason(self._ptr, _year(year))


class YearValues:
    """The values an indicator records for one year, as a live view: ``target`` and ``actual``
    (exact :class:`decimal.Decimal`, None when unset), ``source`` and ``comment`` (str, None
    when unset). Each is settable: a Decimal, int or str for the numbers (a float raises
    TypeError), a str for the texts, None to unset."""

    __slots__ = ("_ref", "_year")

    def __init__(self, indicator: "Indicator", year: int):
        if not isinstance(indicator, Indicator):
            raise TypeError(f"an Indicator, not {type(indicator).__name__}")
        self._ref = indicator
        self._year = _year(year)

    @property
    def year(self) -> int:
        """The year of these values."""
        return self._year

    @property
    def indicator(self) -> "Indicator":
        """The indicator."""
        return self._ref

    def _get_decimal(self, name):
        rc, value = getattr(_c, name)(self._ref._ptr, self._year)
        if rc == _ENOTFOUND:
            return None
        check(rc)
        return to_decimal(value)

    def _set_decimal(self, what, value):
        if value is None:
            rc = getattr(_c, f"snplp_indicator_clear_{what}")(self._ref._ptr, self._year)
            if rc != _ENOTFOUND:
                check(rc)
        else:
            check(getattr(_c, f"snplp_indicator_set_{what}")(self._ref._ptr, self._year,
                                                                 from_decimal(value)))

    @property
    @_cdoc("snplp_indicator_target", "snplp_indicator_set_target",
           "snplp_indicator_clear_target")
    def target(self) -> Optional[decimal.Decimal]:
        return self._get_decimal("snplp_indicator_target")

    @target.setter
    def target(self, value) -> None:
        self._set_decimal("target", value)

    @property
    @_cdoc("snplp_indicator_actual", "snplp_indicator_set_actual",
           "snplp_indicator_clear_actual")
    def actual(self) -> Optional[decimal.Decimal]:
        return self._get_decimal("snplp_indicator_actual")

    @actual.setter
    def actual(self, value) -> None:
        self._set_decimal("actual", value)

    @property
    @_cdoc("snplp_indicator_derived_actual",
           note="The actual of a quotient indicator derived from its numerator's and "
                "denominator's actuals (rounded to the scale of the target), None when none "
                "can be derived; read-only.")
    def derived_actual(self) -> Optional[decimal.Decimal]:
        return self._get_decimal("snplp_indicator_derived_actual")

    @property
    @_cdoc("snplp_indicator_source", "snplp_indicator_set_source")
    def source(self) -> Optional[str]:
        return _c.snplp_indicator_source(self._ref._ptr, self._year)

    @source.setter
    def source(self, value: Optional[str]) -> None:
        check(_c.snplp_indicator_set_source(self._ref._ptr, self._year,
                                            _opt_str(value, "source")))

    @property
    @_cdoc("snplp_indicator_comment", "snplp_indicator_set_comment")
    def comment(self) -> Optional[str]:
        return _c.snplp_indicator_comment(self._ref._ptr, self._year)

    @comment.setter
    def comment(self, value: Optional[str]) -> None:
        check(_c.snplp_indicator_set_comment(self._ref._ptr, self._year,
                                             _opt_str(value, "comment")))

    def as_dict(self) -> Dict[str, Any]:
        """The four values as a dict (target, actual, source, comment)."""
        return {"target": self.target, "actual": self.actual, "source": self.source,
                "comment": self.comment}

    def __repr__(self) -> str:
        items = ", ".join(f"{k}={v!r}" for k, v in self.as_dict().items() if v is not None)
        return f"<{self._ref.id} {self._year}: {items or 'nothing recorded'}>"


class _ValuesView(_YearMapping):
    """The values of an indicator per year: ``ind.values[2020]`` is a :class:`YearValues` view
    (``.target``, ``.actual``, ``.source``, ``.comment``, each readable and settable) for any
    year from YEAR_MIN to YEAR_MAX, recorded or not, so that ``ind.values[2021].target =
    "180"`` records a new year; iteration, ``len()`` and ``in`` cover the years with anything
    recorded, in increasing order. ``ind.values.set(year, target=..., actual=...,
    source=..., comment=...)`` sets several at once; ``del ind.values[year]`` forgets all four
    values of the year."""

    __slots__ = ()

    def _years(self):
        return self._year_list(_c.snplp_indicator_year_count, _c.snplp_indicator_year_at)

    def __getitem__(self, year) -> YearValues:
        _year(year)
        if not _is_year_key(year):
            raise KeyError(year)
        return YearValues(self._ref, as_index(year))

    def get(self, year, default=None):
        """The values of ``year`` if anything is recorded for it, else ``default``."""
        return self[year] if year in self else default

    def __delitem__(self, year) -> None:
        if year not in self:
            raise KeyError(year)
        v = self[year]
        v.target = v.actual = v.source = v.comment = None

    _UNSET = object()

    def set(self, year: int, *, target=_UNSET, actual=_UNSET, source=_UNSET,
            comment=_UNSET) -> YearValues:
        """Sets the values given (None unsets one) for ``year``; returns its view."""
        v = self[year]
        if target is not self._UNSET:
            v.target = target
        if actual is not self._UNSET:
            v.actual = actual
        if source is not self._UNSET:
            v.source = source
        if comment is not self._UNSET:
            v.comment = comment
        return v


_cdoc("snplp_indicator_year_count", "snplp_indicator_year_at",
      note=_ValuesView.__doc__, summaries=False)(_ValuesView)


class Indicator(_Child):
    """An indicator of a convention (indicator.h), a row of its matrix: what is measured, how
    it reads (unit, polarity), how it aggregates, its baseline and its values year by year
    (:attr:`values`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<Indicator {self.id!r} ({self.unit}): {self.label!r}>"

    @property
    @_cdoc("snplp_indicator_id")
    def id(self) -> str:
        return _c.snplp_indicator_id(self._ptr)

    @property
    @_cdoc("snplp_indicator_label", "snplp_indicator_set_label")
    def label(self) -> str:
        return _c.snplp_indicator_label(self._ptr)

    @label.setter
    def label(self, value: str) -> None:
        check(_c.snplp_indicator_set_label(self._ptr, _str(value, "label")))

    @property
    @_cdoc("snplp_indicator_unit", "snplp_indicator_set_unit",
           note="A :class:`Unit`; set it with a member or its label.")
    def unit(self) -> Unit:
        return _enum_out(Unit, _c.snplp_indicator_unit(self._ptr))

    @unit.setter
    def unit(self, value) -> None:
        check(_c.snplp_indicator_set_unit(self._ptr, _enum_arg(Unit, value, "unit")))

    @property
    @_cdoc("snplp_indicator_polarity", "snplp_indicator_set_polarity",
           note="A :class:`Polarity`; set it with a member or its label.")
    def polarity(self) -> Polarity:
        return _enum_out(Polarity, _c.snplp_indicator_polarity(self._ptr))

    @polarity.setter
    def polarity(self, value) -> None:
        check(_c.snplp_indicator_set_polarity(self._ptr,
                                              _enum_arg(Polarity, value, "polarity")))

    @property
    @_cdoc("snplp_indicator_aggregation",
           note="An :class:`Aggregation`. Setting it sets a rule that takes no weight; use "
                ":meth:`set_aggregation` for a weighted mean.")
    def aggregation(self) -> Aggregation:
        return _enum_out(Aggregation, _c.snplp_indicator_aggregation(self._ptr))

    @aggregation.setter
    def aggregation(self, value) -> None:
        self.set_aggregation(value)

    @property
    @_cdoc("snplp_indicator_weight_id")
    def weight_id(self) -> Optional[str]:
        return _c.snplp_indicator_weight_id(self._ptr)

    @property
    @_cdoc("snplp_indicator_records_measure", "snplp_indicator_set_records_measure",
           note="A :class:`RecordsMeasure` (NONE: typed by hand); set it with a member or its "
                "label. Setting NONE drops the filters.")
    def records_measure(self) -> RecordsMeasure:
        return _enum_out(RecordsMeasure, _c.snplp_indicator_records_measure(self._ptr))

    @records_measure.setter
    def records_measure(self, value) -> None:
        check(_c.snplp_indicator_set_records_measure(
            self._ptr, _enum_arg(RecordsMeasure, value, "records_measure")))

    @property
    @_cdoc("snplp_indicator_records_filter_count", "snplp_indicator_records_filter_at",
           note="The filters as a list of (:class:`RecordsFilter`, id) pairs, kind by kind in "
                "the order of the enum, each kind's ids in the order they were added.")
    def records_filters(self) -> List[Tuple[RecordsFilter, str]]:
        out = []
        for kind in RecordsFilter:
            for i in range(_c.snplp_indicator_records_filter_count(self._ptr, int(kind))):
                out.append((kind, _c.snplp_indicator_records_filter_at(self._ptr, int(kind), i)))
        return out

    @_cdoc("snplp_indicator_add_records_filter",
           note="``kind`` is a :class:`RecordsFilter` or its label (\"theme\", \"module\", "
                "\"plan\", \"profession\").")
    def add_records_filter(self, kind, id: str) -> None:
        check(_c.snplp_indicator_add_records_filter(
            self._ptr, _enum_arg(RecordsFilter, kind, "kind"), _str(id, "id")))

    @_cdoc("snplp_indicator_set_aggregation",
           note="``aggregation`` is an :class:`Aggregation` or its label; ``weight_id`` a str "
                "with WEIGHTED_MEAN, None otherwise.")
    def set_aggregation(self, aggregation, weight_id: Optional[str] = None) -> None:
        check(_c.snplp_indicator_set_aggregation(
            self._ptr, _enum_arg(Aggregation, aggregation, "aggregation"),
            _opt_str(weight_id, "weight_id")))

    @property
    @_cdoc("snplp_indicator_numerator_id")
    def numerator_id(self) -> Optional[str]:
        return _c.snplp_indicator_numerator_id(self._ptr)

    @property
    @_cdoc("snplp_indicator_denominator_id")
    def denominator_id(self) -> Optional[str]:
        return _c.snplp_indicator_denominator_id(self._ptr)

    @property
    @_cdoc("snplp_indicator_set_ratio_of",
           note="The pair (numerator_id, denominator_id), None when the indicator is not a "
                "quotient; set it with such a pair, or None.")
    def ratio_of(self) -> Optional[Tuple[str, str]]:
        num = self.numerator_id
        return None if num is None else (num, self.denominator_id)

    @ratio_of.setter
    def ratio_of(self, value) -> None:
        if value is None:
            num = den = None
        elif isinstance(value, tuple) and len(value) == 2:
            num, den = _str(value[0], "numerator_id"), _str(value[1], "denominator_id")
        else:
            raise TypeError(f"ratio_of is a pair (numerator_id, denominator_id) or None, not "
                            f"{type(value).__name__}")
        check(_c.snplp_indicator_set_ratio_of(self._ptr, num, den))

    @property
    @_cdoc("snplp_indicator_baseline", "snplp_indicator_set_baseline",
           "snplp_indicator_clear_baseline",
           note="A :class:`Baseline` (year, Decimal), None when unset; set it with a pair "
                "(year, value) where value is a Decimal, int or str, or None to unset it.")
    def baseline(self) -> Optional[Baseline]:
        rc, year, value = _c.snplp_indicator_baseline(self._ptr)
        if rc == _ENOTFOUND:
            return None
        check(rc)
        return Baseline(int(year), to_decimal(value))

    @baseline.setter
    def baseline(self, value) -> None:
        if value is None:
            check(_c.snplp_indicator_clear_baseline(self._ptr))
            return
        if not isinstance(value, tuple) or len(value) != 2:
            raise TypeError(f"a baseline is a pair (year, value) or None, not "
                            f"{type(value).__name__}")
        check(_c.snplp_indicator_set_baseline(self._ptr, _year(value[0]),
                                              from_decimal(value[1])))

    @property
    def values(self) -> _ValuesView:
        return _ValuesView(self)

    values.__doc__ = _ValuesView.__doc__


# --------------------------------------------------------------------------------------------
# Credits
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CreditReason:
    kind: CreditReasonKind
    blocking: bool
    action_id: Optional[str]
    message: str

    def __str__(self) -> str:
        return f"[{'blocking' if self.blocking else 'note'}] {self.kind}: {self.message}"


CreditReason.__doc__ = _fields_doc(
    "One reason of a decision on credits (a snapshot).",
    {"kind": "snplp_credits_reason_at", "blocking": "snplp_credits_reason_blocking",
     "action_id": "snplp_credits_reason_action_id", "message": "snplp_credits_reason_message"})


@dataclass(frozen=True)
class Credits:
    year: int
    released: bool
    reasons: Tuple[CreditReason, ...]

    @classmethod
    def _read(cls, ptr) -> "Credits":
        reasons = []
        for i in range(_c.snplp_credits_reason_count(ptr)):
            reasons.append(CreditReason(
                kind=CreditReasonKind(int(_c.snplp_credits_reason_at(ptr, i))),
                blocking=bool(_c.snplp_credits_reason_blocking(ptr, i)),
                action_id=_c.snplp_credits_reason_action_id(ptr, i),
                message=_c.snplp_credits_reason_message(ptr, i)))
        return cls(year=int(_c.snplp_credits_year(ptr)),
                   released=bool(_c.snplp_credits_released(ptr)), reasons=tuple(reasons))

    @property
    def blocking(self) -> Tuple[CreditReason, ...]:
        """The reasons that withhold the credits."""
        return tuple(r for r in self.reasons if r.blocking)


Credits.__doc__ = _fields_doc(
    "Whether the State's credits of a year may be released, with every reason, as "
    "Convention.credits() decided it (a snapshot: it does not follow later changes).",
    {"year": "snplp_credits_year", "released": "snplp_credits_released",
     "reasons": "=a tuple of CreditReason, blocking ones first "
                "(snplp_credits_reason_count())."})


# --------------------------------------------------------------------------------------------
# Matrix
# --------------------------------------------------------------------------------------------

_MISSING_FLAGS = (("target", "SNPLP_MISSING_TARGET", 1), ("actual", "SNPLP_MISSING_ACTUAL", 2),
                  ("weight", "SNPLP_MISSING_WEIGHT", 4))
_MISSING = tuple((label, int(getattr(_core, const, default)))
                 for label, const, default in _MISSING_FLAGS)


@dataclass(frozen=True)
class Cell:
    indicator_id: str
    row: int
    year: int
    status: CellStatus
    target: Optional[decimal.Decimal]
    actual: Optional[decimal.Decimal]
    rate: Optional[float]
    covered: int
    expected: int
    missing: Tuple[MissingValues, ...]
    actual_derived: bool = False

    def as_dict(self) -> Dict[str, Any]:
        """The cell as a dict of plain values (labels for enums, lists for the missing)."""
        return {
            "indicator": self.indicator_id,
            "year": self.year,
            "status": self.status.label,
            "target": self.target,
            "actual": self.actual,
            "rate": self.rate,
            "covered": self.covered,
            "expected": self.expected,
            "missing": [{"convention": m.convention_id,
                         "what": [w for w, _ in _MISSING if w in m.what]}
                        for m in self.missing],
        }


Cell.__doc__ = _fields_doc(
    "A cell of a matrix (a snapshot, valid whatever becomes of the matrix).",
    {"indicator_id": "snplp_matrix_indicator_id", "row": "=the index of its row.",
     "year": "=its year.", "status": "snplp_matrix_status",
     "target": "snplp_matrix_target", "actual": "snplp_matrix_actual",
     "rate": "snplp_matrix_rate", "covered": "snplp_matrix_covered",
     "expected": "snplp_matrix_expected",
     "missing": "=a tuple of MissingValues (convention_id, frozenset of \"target\", "
                "\"actual\", \"weight\") for each convention the cell concerns but does not "
                "cover, in order (snplp_matrix_missing()).",
     "actual_derived": "snplp_matrix_actual_is_derived"})


class MatrixRow:
    """A row of a :class:`Matrix` (an indicator): its id, label, unit and polarity, its cells
    by year (``row[2020]``, iteration in year order) and its counts per status. It keeps its
    matrix alive in ``_ref``."""

    __slots__ = ("_ref", "_index")

    def __init__(self, matrix: "Matrix", index: int):
        if not isinstance(matrix, Matrix):
            raise TypeError(f"a Matrix, not {type(matrix).__name__}")
        self._ref = matrix
        self._index = matrix._row_index(index)

    @property
    def index(self) -> int:
        """The index of the row in its matrix."""
        return self._index

    @property
    def matrix(self) -> "Matrix":
        """The matrix."""
        return self._ref

    @property
    @_cdoc("snplp_matrix_indicator_id")
    def id(self) -> str:
        return _c.snplp_matrix_indicator_id(self._ref._ptr, self._index)

    @property
    @_cdoc("snplp_matrix_indicator_label")
    def label(self) -> str:
        return _c.snplp_matrix_indicator_label(self._ref._ptr, self._index)

    @property
    @_cdoc("snplp_matrix_unit")
    def unit(self) -> Unit:
        return _enum_out(Unit, _c.snplp_matrix_unit(self._ref._ptr, self._index))

    @property
    @_cdoc("snplp_matrix_polarity")
    def polarity(self) -> Polarity:
        return _enum_out(Polarity, _c.snplp_matrix_polarity(self._ref._ptr, self._index))

    def __getitem__(self, year: int) -> Cell:
        return self._ref.cell(self._index, year)

    def __iter__(self) -> Iterator[Cell]:
        for year in self._ref.years:
            yield self._ref.cell(self._index, year)

    def __len__(self) -> int:
        return len(self._ref.years)

    @property
    def cells(self) -> List[Cell]:
        """The cells of the row, in year order."""
        return list(self)

    @_cdoc("snplp_matrix_row_status_count",
           note="A dict of every :class:`CellStatus` to its number of cells in the row.")
    def status_counts(self) -> Dict[CellStatus, int]:
        p, i = self._ref._ptr, self._index
        return {s: int(_c.snplp_matrix_row_status_count(p, i, int(s))) for s in CellStatus}

    def _key(self) -> tuple:
        return (self.id, self.label, self.unit, self.polarity, tuple(self))

    def __eq__(self, other) -> bool:
        """Rows are equal when they hold the same values: id, label, unit, polarity and every
        cell (years, statuses, figures), whatever matrix they come from."""
        if not isinstance(other, MatrixRow):
            return NotImplemented
        return (self._ref is other._ref and self._index == other._index) or \
            self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.id, self.label, self._ref.years))

    def __repr__(self) -> str:
        return f"<MatrixRow {self._index} {self.id!r} ({self.unit})>"


class Matrix(Owner):
    """A follow-up matrix: indicators x years, computed from one convention
    (:meth:`Convention.matrix`) or from several (:func:`synthesis`). It is a snapshot that
    owns its C matrix, independent of the conventions afterwards.

    - ``len(m)``, iteration, ``m[0]`` or ``m["indicator-id"]``: the rows (:class:`MatrixRow`);
      :attr:`rows` is the same as a :class:`snplp.Collection`;
    - ``m[row, year]`` (row an index or an indicator id): the :class:`Cell`;
    - :attr:`years` (a range), :attr:`threshold`, :attr:`convention_count`;
    - :meth:`status_counts`, :meth:`cells`, :meth:`to_dicts` (one dict per cell, for analysts).
    """

    __slots__ = ("_ptr", "_row_ids", "__weakref__")
    _release = "snplp_matrix_free"

    def __init__(self, *args, **kwargs):
        raise TypeError("matrices are made by Convention.matrix() and synthesis()")

    def __copy__(self):
        return self  # immutable

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        raise TypeError("a Matrix cannot be pickled: pickle m.to_dicts() or its cells")

    def __eq__(self, other) -> bool:
        """Matrices are equal when they hold the same snapshot: the same years, threshold and
        number of conventions, and equal rows in the same order (:class:`MatrixRow`)."""
        if not isinstance(other, Matrix):
            return NotImplemented
        if self is other:
            return True
        return (self.years == other.years and self.threshold == other.threshold
                and self.convention_count == other.convention_count
                and len(self) == len(other)
                and all(a == b for a, b in zip(self, other)))

    def __hash__(self) -> int:
        return hash((self.years, self.threshold, self.convention_count,
                     tuple(row.id for row in self)))

    def __repr__(self) -> str:
        years = self.years
        span = f"{years.start}-{years.stop - 1}" if years else "no years"
        return (f"<Matrix of {len(self)} indicators x {span}, {self.convention_count} "
                f"convention(s), threshold {self.threshold}%>")

    @property
    @_cdoc("snplp_matrix_threshold", note="A Decimal, in percent.")
    def threshold(self) -> decimal.Decimal:
        return to_decimal(_c.snplp_matrix_threshold(self._ptr))

    @property
    @_cdoc("snplp_matrix_convention_count")
    def convention_count(self) -> int:
        return int(_c.snplp_matrix_convention_count(self._ptr))

    @property
    @_cdoc("snplp_matrix_first_year", "snplp_matrix_year_count",
           note="The years (columns) as a range.")
    def years(self) -> range:
        first = int(_c.snplp_matrix_first_year(self._ptr))
        return range(first, first + int(_c.snplp_matrix_year_count(self._ptr)))

    def _row_count(self) -> int:
        return int(_c.snplp_matrix_row_count(self._ptr))

    def _find_row(self, id_: str) -> Optional[MatrixRow]:
        # A matrix never changes once made: its rows' ids are read once, on the first lookup.
        ids = getattr(self, "_row_ids", None)
        if ids is None:
            p = self._ptr
            ids = {_c.snplp_matrix_indicator_id(p, i): i for i in range(self._row_count())}
            self._row_ids = ids
        index = ids.get(id_) if isinstance(id_, str) else None
        return None if index is None else MatrixRow(self, index)

    @property
    def rows(self) -> Collection:
        """The rows, as a :class:`snplp.Collection` of :class:`MatrixRow` with lookup by
        indicator id.

        C API: snplp_matrix_row_count(), snplp_matrix_indicator_id()."""
        return Collection(self._row_count, lambda i: MatrixRow(self, i), self._find_row, "row")

    def __len__(self) -> int:
        return self._row_count()

    def __iter__(self) -> Iterator[MatrixRow]:
        return iter(self.rows)

    def _row_index(self, row) -> int:
        if isinstance(row, str):
            found = self._find_row(row)
            if found is None:
                raise KeyError(row)
            return found.index
        if as_index(row) is None:
            raise TypeError(f"a row is an index or an indicator id, not {type(row).__name__}")
        row = as_index(row)
        n = self._row_count()
        index = row + n if row < 0 else row
        if not 0 <= index < n:
            raise IndexError("row index out of range")
        return index

    def __getitem__(self, key):
        if isinstance(key, tuple):
            if len(key) != 2:
                raise TypeError("a cell is m[row, year]")
            return self.cell(*key)
        return self.rows[key]

    def __contains__(self, key) -> bool:
        return key in self.rows

    def cell(self, row, year: int) -> Cell:
        """The cell of ``row`` (an index or an indicator id) and ``year``, as a :class:`Cell`.
        KeyError for a year outside :attr:`years` or an unknown id, IndexError for an index
        out of range."""
        index = self._row_index(row)
        if as_index(year) is None:
            raise TypeError(f"a year is an int, not {type(year).__name__}")
        year = as_index(year)
        if year not in self.years:
            raise KeyError(year)
        p = self._ptr
        rc, target = _c.snplp_matrix_target(p, index, year)
        if rc == _ENOTFOUND:
            target = None
        else:
            check(rc)
            target = to_decimal(target)
        rc, actual = _c.snplp_matrix_actual(p, index, year)
        if rc == _ENOTFOUND:
            actual = None
        else:
            check(rc)
            actual = to_decimal(actual)
        rc, rate = _c.snplp_matrix_rate(p, index, year)
        if rc == _ENOTFOUND:
            rate = None
        else:
            check(rc)
            rate = float(rate)
        missing = []
        for i in range(_c.snplp_matrix_missing_count(p, index, year)):
            rc, conv_id, what = _c.snplp_matrix_missing(p, index, year, i)
            check(rc)
            missing.append(MissingValues(
                conv_id, frozenset(label for label, flag in _MISSING if int(what) & flag)))
        return Cell(
            indicator_id=_c.snplp_matrix_indicator_id(p, index), row=index, year=year,
            status=CellStatus(int(_c.snplp_matrix_status(p, index, year))),
            target=target, actual=actual, rate=rate,
            covered=int(_c.snplp_matrix_covered(p, index, year)),
            expected=int(_c.snplp_matrix_expected(p, index, year)),
            missing=tuple(missing),
            actual_derived=bool(_c.snplp_matrix_actual_is_derived(p, index, year)))

    def cells(self) -> Iterator[Cell]:
        """Every cell, row by row, years increasing."""
        for i in range(self._row_count()):
            for year in self.years:
                yield self.cell(i, year)

    @_cdoc("snplp_matrix_status_count",
           note="A dict of every :class:`CellStatus` to its number of cells in the matrix.")
    def status_counts(self) -> Dict[CellStatus, int]:
        return {s: int(_c.snplp_matrix_status_count(self._ptr, int(s))) for s in CellStatus}

    def to_dicts(self) -> List[Dict[str, Any]]:
        """The matrix as a list of dicts, one per cell, row by row: "indicator", "label",
        "unit", "polarity", "year", "status" (labels, str), "target", "actual" (Decimal or
        None), "rate" (float or None), "covered", "expected" (int) and "missing" (a list of
        {"convention": id, "what": ["target", "actual", "weight"]}). Ready for
        ``pandas.DataFrame(m.to_dicts())`` or ``json.dumps(..., default=str)``."""
        out = []
        for row in self:
            head = {"indicator": row.id, "label": row.label, "unit": row.unit.label,
                    "polarity": row.polarity.label}
            for cell in row:
                d = dict(head)
                d.update(cell.as_dict())
                out.append(d)
        return out


# --------------------------------------------------------------------------------------------
# Lists of conventions: files, CSV, synthesis
# --------------------------------------------------------------------------------------------


def _dialect(value) -> int:
    return _enum_arg(CsvDialect, value, "dialect")


class ConventionList(collections.abc.Sequence, Owner):
    """A list of conventions: what a file of conventions holds (one convention, or a région's
    set), what a synthesis aggregates (convention_list.h).

    ``ConventionList(conventions=())`` makes one from :class:`Convention` objects; the class
    methods :meth:`from_file`, :meth:`from_bytes` and :meth:`from_stream` read the XML format.
    It is a sequence: ``len()``, iteration, ``lst[0]``, ``lst["calpae-49-2019"]`` (lookup by
    id), ``in``, :meth:`get`, :meth:`ids`. Each :class:`Convention` it gives holds its own
    reference to the C convention: changing it changes the one in the list, and it stays
    valid after the list is gone. Convention ids are unique in a list.

    ``diagnostics`` is the list of warnings of the import that read it (empty otherwise).
    ``==`` is the library's deep equality (snplp_convention_list_equal()).
    """

    __slots__ = ("_ptr", "diagnostics", "__weakref__")
    _release = "snplp_convention_list_free"

    @_cdoc("snplp_convention_list_new")
    def __init__(self, conventions: Iterable[Convention] = ()):
        if getattr(self, "_ptr", None) is not None:
            raise TypeError("a ConventionList is initialised once")
        if isinstance(conventions, (Convention, str, bytes)) or \
                not isinstance(conventions, collections.abc.Iterable):
            raise TypeError("ConventionList() takes an iterable of Convention")
        rc, ptr = _c.snplp_convention_list_new()
        check(rc)
        self._ptr = ptr
        self.diagnostics: List[Diagnostic] = []
        for conv in conventions:
            self.append(conv)

    @classmethod
    def _own(cls, ptr, diagnostics=()) -> "ConventionList":
        obj = super()._own(ptr)
        obj.diagnostics = list(diagnostics)
        return obj

    def __copy__(self) -> "ConventionList":
        return ConventionList(self)

    def __deepcopy__(self, memo) -> "ConventionList":
        return ConventionList.from_bytes(self.to_bytes()) if len(self) else ConventionList()

    def __reduce__(self):
        if not len(self):
            return (ConventionList, ())
        return (ConventionList.from_bytes, (self.to_bytes(),))

    # -- sequence --

    def _collection(self) -> Collection:
        p = self._ptr

        def take(conv_ptr):
            if conv_ptr is None:
                return None
            return Convention._own(_c.snplp_convention_ref(conv_ptr))

        return Collection(lambda: _c.snplp_convention_list_count(p),
                          lambda i: take(_c.snplp_convention_list_at(p, i)),
                          lambda id_: take(_c.snplp_convention_list_find(p, id_)),
                          "convention")

    def __len__(self) -> int:
        return int(_c.snplp_convention_list_count(self._ptr))

    def __getitem__(self, key):
        return self._collection()[key]

    def __iter__(self) -> Iterator[Convention]:
        return iter(self._collection())

    def __contains__(self, value) -> bool:
        return value in self._collection()

    def get(self, id: str, default=None):
        """The convention whose id is ``id``, or ``default``."""
        return self._collection().get(id, default)

    def ids(self) -> List[str]:
        """The ids of the conventions, in order."""
        return [_c.snplp_convention_id(_c.snplp_convention_list_at(self._ptr, i))
                for i in range(len(self))]

    @_cdoc("snplp_convention_list_add")
    def append(self, conv: Convention) -> None:
        if not isinstance(conv, Convention):
            raise TypeError(f"a Convention, not {type(conv).__name__}")
        check(_c.snplp_convention_list_add(self._ptr, conv._ptr))

    def extend(self, conventions: Iterable[Convention]) -> None:
        """Appends each convention in turn (stopping at the first that fails)."""
        for conv in conventions:
            self.append(conv)

    def _remove_id(self, id_: str) -> None:
        check(_c.snplp_convention_list_remove(self._ptr, id_))

    @_cdoc("snplp_convention_list_remove", summaries=False,
           note="Removes a convention from the list, releasing the list's reference to it. "
                "``conv`` is a :class:`Convention` or a convention id; ValueError when the "
                "list holds no convention of that id (as ``list.remove``). A "
                ":class:`Convention` taken from the list before stays valid (it holds its own "
                "reference): it is only no longer in the list.")
    def remove(self, conv) -> None:
        id_ = conv.id if isinstance(conv, Convention) else conv
        if not isinstance(id_, str):
            raise TypeError(f"a Convention or an id, not {type(conv).__name__}")
        if _c.snplp_convention_list_find(self._ptr, id_) is None:
            raise ValueError(f"the list holds no convention {id_!r}")
        self._remove_id(id_)

    def pop(self, index=-1) -> Convention:
        """Removes the convention at ``index`` (the last one by default) or of that id, and
        returns it (IndexError, KeyError when there is none). Its handle stays valid.

        C API: snplp_convention_list_remove()."""
        conv = self[index]
        self._remove_id(conv.id)
        return conv

    def __delitem__(self, key) -> None:
        """``del lst[i]``, ``del lst[i:j]``, ``del lst["calpae-49-2019"]``: removes those
        conventions (IndexError, KeyError when there is none).

        C API: snplp_convention_list_remove()."""
        if isinstance(key, slice):
            for id_ in self.ids()[key]:
                self._remove_id(id_)
            return
        self._remove_id(self[key].id)

    def clear(self) -> None:
        """Removes every convention (their handles stay valid).

        C API: snplp_convention_list_remove()."""
        for id_ in self.ids():
            self._remove_id(id_)

    @_cdoc("snplp_convention_list_freeze",
           note="From then on adding to it, merge_csv() and every change of its conventions "
                "raise FrozenError.")
    def freeze(self) -> None:
        check(_c.snplp_convention_list_freeze(self._ptr))

    @property
    @_cdoc("snplp_convention_list_is_frozen")
    def frozen(self) -> bool:
        return bool(_c.snplp_convention_list_is_frozen(self._ptr))

    @_cdoc("snplp_convention_list_equal")
    def __eq__(self, other) -> bool:
        if not isinstance(other, ConventionList):
            return NotImplemented
        return bool(_c.snplp_convention_list_equal(self._ptr, other._ptr))

    __hash__ = None

    def __repr__(self) -> str:
        return f"<ConventionList of {len(self)}: {', '.join(self.ids())}>"

    # -- XML --

    @classmethod
    def _import(cls, fn: str, *args, strict: bool, keep_invalid: bool = False,
                filename: Optional[str] = None) -> "ConventionList":
        with _Diagnostics() as d, _ImportOptions(strict, keep_invalid) as opts:
            # no lock: an import reads no existing convention, and its read callable may
            # wait for another thread's export (a pipe between two threads)
            rc, ptr = getattr(_core, fn)(d.ptr, *args, opts.ptr)
            found = d.list()
        check(rc, found, filename)
        return cls._own(ptr, found)

    @classmethod
    @_cdoc("snplp_conventions_import_file",
           note="``path`` is a str or a pathlib.Path; ``strict`` adds libxml2's XSD "
                "validation; ``keep_invalid`` returns the list despite findings of the "
                "model's rules (snplp_import_options_set_keep_invalid()). Raises ParseError or "
                "ValidationError carrying every finding; a file that cannot be opened raises the "
                "built-in FileNotFoundError, PermissionError or IsADirectoryError (also "
                "InputOutputError) with its ``errno`` and ``filename``; warnings are kept in "
                "``diagnostics``.")
    def from_file(cls, path, strict: bool = False, *,
                  keep_invalid: bool = False) -> "ConventionList":
        path = fspath(path)
        return cls._import("snplp_conventions_import_file", path, strict=strict,
                           keep_invalid=keep_invalid, filename=path)

    @classmethod
    @_cdoc("snplp_conventions_import_memory",
           note="``data`` is bytes (or bytearray, memoryview); ``name`` names the input in "
                "messages. Errors as :meth:`from_file`.")
    def from_bytes(cls, data, name: Optional[str] = None,
                   strict: bool = False, *, keep_invalid: bool = False) -> "ConventionList":
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data must be bytes, not {type(data).__name__}")
        return cls._import("snplp_conventions_import_memory", bytes(data),
                           _opt_str(name, "name"), strict=strict, keep_invalid=keep_invalid)

    @classmethod
    @_cdoc("snplp_conventions_import_callback",
           note="``stream`` is a file-like object (``.read(size)``) opened in binary mode, "
                "or in text mode (its text is encoded in UTF-8 and an encoding its XML "
                "declaration names is read as UTF-8: Python decoded it already), or a "
                "callable ``read(size)`` returning bytes (or str); an exception it raises "
                "propagates. ``name`` defaults to the stream's ``name``. Errors as "
                ":meth:`from_file`.")
    def from_stream(cls, stream, name: Optional[str] = None,
                    strict: bool = False, *, keep_invalid: bool = False) -> "ConventionList":
        return cls._import("snplp_conventions_import_callback", _reader(stream),
                           _stream_name(stream, name), strict=strict, keep_invalid=keep_invalid)

    @_cdoc("snplp_conventions_export_file",
           note="``path`` is a str or a pathlib.Path. A file that cannot be created or "
                "replaced raises the built-in OSError subclass of its errno (also "
                "InputOutputError) with ``errno`` and ``filename``.")
    def to_file(self, path) -> None:
        path = fspath(path)
        check(_c.snplp_conventions_export_file(self._ptr, path), filename=path)

    @_cdoc("snplp_conventions_export_memory", note="Returns the document as bytes.")
    def to_bytes(self) -> bytes:
        rc, data = _c.snplp_conventions_export_memory(self._ptr)
        check(rc)
        return data

    @_cdoc("snplp_conventions_export_callback",
           note="``stream`` is a binary file-like object (``.write(data)``), a text one "
                "(given the UTF-8 text decoded) or a callable ``write(data: bytes)``; an "
                "exception it raises propagates.")
    def to_stream(self, stream) -> None:
        check(_c.snplp_conventions_export_callback(self._ptr, _writer(stream)))

    # -- CSV --

    @_cdoc("snplp_csv_export_memory",
           note="``dialect`` is a :class:`CsvDialect` or its label, \"intl\" or \"fr\". "
                "Returns bytes.")
    def to_csv(self, dialect="intl") -> bytes:
        rc, data = _c.snplp_csv_export_memory(self._ptr, _dialect(dialect))
        check(rc)
        return data

    @_cdoc("snplp_csv_export_file",
           note="``path`` is a str or a pathlib.Path. A file that cannot be created or "
                "replaced raises the built-in OSError subclass of its errno (also "
                "InputOutputError) with ``errno`` and ``filename``.")
    def to_csv_file(self, path, dialect="intl") -> None:
        path = fspath(path)
        check(_c.snplp_csv_export_file(self._ptr, _dialect(dialect), path), filename=path)

    @_cdoc("snplp_csv_export_callback",
           note="``stream`` is a binary or text file-like object or a callable "
                "``write(data: bytes)``, as for :meth:`to_stream`.")
    def to_csv_stream(self, stream, dialect="intl") -> None:
        check(_c.snplp_csv_export_callback(self._ptr, _dialect(dialect), _writer(stream)))

    @_cdoc("snplp_csv_import_memory",
           note="``source`` is a path (str or pathlib.Path), the CSV as bytes (or bytearray, "
                "memoryview), or a binary or text file-like object or callable "
                "``read(size)``; CSV held in a str is given as ``text=`` (a str given as "
                "``source`` is always a path: one holding a line break raises ValueError). "
                "``dialect`` is a :class:`CsvDialect` or its name. Any problem raises "
                "ParseError carrying every finding (with line and column) and changes "
                "nothing; a file that cannot be opened raises FileNotFoundError, "
                "PermissionError, IsADirectoryError... (also InputOutputError).")
    def merge_csv(self, source=None, dialect="intl", name: Optional[str] = None, *,
                  text: Optional[str] = None) -> None:
        d_ = _dialect(dialect)
        name = _opt_str(name, "name")
        if (source is None) == (text is None):
            raise TypeError("merge_csv() takes a source (a path, bytes or a stream) or "
                            "text= (CSV in a str), one of them")
        if text is not None:
            source = _str(text, "text").encode("utf-8")
        elif isinstance(source, str) and ("\n" in source or "\r" in source):
            raise ValueError("merge_csv(): a str source is a path, and this one holds a line "
                             "break: give CSV text as merge_csv(text=...) or as bytes")
        path = None
        with _Diagnostics() as d:
            if isinstance(source, (bytes, bytearray, memoryview)):
                rc = _c.snplp_csv_import_memory(self._ptr, d.ptr, bytes(source), name, d_)
            elif isinstance(source, (str, os.PathLike)):
                path = fspath(source)
                rc = _c.snplp_csv_import_file(self._ptr, d.ptr, path, d_)
            elif hasattr(source, "read") or callable(source):
                rc = _c.snplp_csv_import_callback(self._ptr, d.ptr, _reader(source, False),
                                                  _stream_name(source, name), d_)
            else:
                raise TypeError(f"CSV is a path, bytes or a stream (or text=), not "
                                f"{type(source).__name__}")
            found = d.list()
        check(rc, found, path)

    # -- synthesis --

    @_cdoc("snplp_convention_list_synthesis", "snplp_convention_list_synthesis_at",
           note="Returns (Matrix, list of Diagnostic). ``threshold`` and ``at`` as for "
                ":meth:`Convention.matrix`.")
    def synthesis(self, threshold=None, *, at=None) -> Tuple[Matrix, List[Diagnostic]]:
        with _Diagnostics() as d:
            if at is None:
                rc, ptr = _c.snplp_convention_list_synthesis(self._ptr, _threshold(threshold),
                                                             d.ptr)
            else:
                rc, ptr = _c.snplp_convention_list_synthesis_at(
                    self._ptr, _date_arg(at, "at"), _threshold(threshold), d.ptr)
            found = d.list()
        check(rc, found)
        return Matrix._own(ptr), found


# --------------------------------------------------------------------------------------------
# Functions
# --------------------------------------------------------------------------------------------


@_cdoc("snplp_synthesis", "snplp_synthesis_at",
       note="``conventions`` is a ConventionList or any iterable of Convention; returns "
            "(Matrix, list of Diagnostic) (duplicate ids, unit or aggregation mismatches, "
            "overflows). ``threshold`` is a percent as a Decimal, int or str; None for 80. "
            "``at`` (a datetime.date or an ISO string) gives the dated synthesis, whose cells "
            "may be not-yet-due or not-computable; None (the default) the undated one.")
def synthesis(conventions, threshold=None, *, at=None) -> Tuple[Matrix, List[Diagnostic]]:
    if isinstance(conventions, ConventionList):
        return conventions.synthesis(threshold, at=at)
    if isinstance(conventions, (Convention, str, bytes)) or \
            not isinstance(conventions, collections.abc.Iterable):
        raise TypeError("synthesis() takes an iterable of Convention or a ConventionList")
    convs = list(conventions)
    for c in convs:
        if not isinstance(c, Convention):
            raise TypeError(f"synthesis() takes Convention objects, not {type(c).__name__}")
    with _Diagnostics() as d:
        if at is None:
            rc, ptr = _c.snplp_synthesis([c._ptr for c in convs], _threshold(threshold), d.ptr)
        else:
            rc, ptr = _c.snplp_synthesis_at([c._ptr for c in convs], _date_arg(at, "at"),
                                            _threshold(threshold), d.ptr)
        found = d.list()
    check(rc, found)
    return Matrix._own(ptr), found


@_cdoc("snplp_report_due_date", note="Returns a :class:`datetime.date`.")
def report_due_date(year: int) -> datetime.date:
    rc, d = _c.snplp_report_due_date(_year(year))
    check(rc)
    return to_date(d)


@_cdoc("snplp_territory_code_is_valid",
       note="``kind`` is a :class:`TerritoryKind`, its int or its name (\"departement\").")
def territory_code_is_valid(kind, code: str) -> bool:
    return bool(_c.snplp_territory_code_is_valid(_enum_arg(TerritoryKind, kind, "kind"),
                                                 _str(code, "code")))
