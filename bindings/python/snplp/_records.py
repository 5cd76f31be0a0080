"""Training records (1.4), the Pythonic way: the workforce, training bodies, sessions and
attendance that the HR and training software of a département, a métropole, a région or a
training body keeps, their rules, eligibility and coverage (records.h, records_validate.h,
eligibility.h, coverage.h, csv_records.h and the records part of xml.h; the model is explained
in docs/records.md).

- :class:`Records` is a root: it owns one reference to the C records. Its lists
  (:attr:`Records.professions`, :attr:`~Records.employers`, :attr:`~Records.workers`,
  :attr:`~Records.training_bodies`, :attr:`~Records.sessions`, :attr:`~Records.attendance`) are
  live :class:`snplp.Collection` views of :class:`RecordProfession`, :class:`Employer`,
  :class:`Worker`, :class:`TrainingBody`, :class:`Session` and :class:`Attendance`, each of
  which keeps its :class:`Records` alive (``_ref``).
- :meth:`Records.validate`, :meth:`Records.eligibility`, :meth:`Records.next_modules` and
  :meth:`Records.coverage` read the records against a :class:`snplp.Referential`;
  :class:`Eligibility` and :class:`Coverage` are snapshots.
- :func:`from_lheo` (1.5) reads an LHEO 2.3 feed of training offers into a new catalogue (a
  :class:`snplp.Referential`) and new :class:`Records`, returned as a :class:`LheoImport` with
  its findings; :data:`LHEO_NO_THEME` is the theme id of a module it could not place.
- Values follow the package's conventions (docs/python.md): dates are
  :class:`datetime.date`, days exact :class:`decimal.Decimal`, an unset optional value is
  ``None`` (and assigning ``None`` unsets it), enumerations are :class:`enum.StrEnum` classes
  whose values are the library's names (``AttendanceStatus.ATTENDED == "attended"``).
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import io
import os
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Optional, Tuple, Union

from . import _core
from ._base import Collection, ForeignAttribute, Owner, fspath, from_date, from_decimal, \
    to_date, to_decimal, wrap
from ._conventions import (CsvDialect, _at, _c, _cdoc, _date_arg, _Diagnostics, _dialect,
                           _enum_arg, _enum_out, _fields_doc, _int, _make_enum, _opt_str,
                           _reader, _str, _stream_name, _writer)
from ._errors import Diagnostic, check, diagnostics_from, error_for
from ._referential import Category, Referential
from ._referential import _enum_arg as _int_enum_arg
from ._referential import _enum_value as _int_enum_value
from ._referential import _progress

__all__ = [
    # enums
    "RecordKind",
    "EmployerKind",
    "SessionMode",
    "AttendanceStatus",
    "EligibilityAnswer",
    "EligibilityReason",
    "CoverageAxis",
    # classes
    "Records",
    "RecordProfession",
    "Employer",
    "Worker",
    "TrainingBody",
    "Session",
    "Attendance",
    "Eligibility",
    "Coverage",
    # functions
    "siret_is_valid",
    # the LHEO import (lheo.h, 1.5)
    "LheoImport",
    "from_lheo",
    "LHEO_NO_THEME",
]

#: The names of ``_core`` this module builds from templates (Records._collection()), for
#: tests/python/test_coverage.py.
USED_C_FUNCTIONS = {f"snplp_records_{stem}_{op}"
                    for stem in ("profession", "employer", "worker", "training_body", "session")
                    for op in ("count", "at", "find")} | {
    "snplp_records_attendance_count", "snplp_records_attendance_at"}

_OK = _core.SNPLP_OK
_ENOTFOUND = _core.SNPLP_ENOTFOUND
_EVALIDATION = _core.SNPLP_EVALIDATION

# --------------------------------------------------------------------------------------------
# Enums
# --------------------------------------------------------------------------------------------

RecordKind = _make_enum(
    "RecordKind", "SNPLP_RECORD_", ["PROFESSION", "EMPLOYER", "WORKER", "TRAINING_BODY", "SESSION"],
    "snplp_record_kind_name",
    "The kind of a record that has an id (records.h, snplp_record_kind).")
EmployerKind = _make_enum(
    "EmployerKind", "SNPLP_EMPLOYER_",
    ["DEPARTEMENT", "METROPOLE", "REGION", "COMMUNE", "GROUPING", "STATE", "ASSOCIATION",
     "CRECHE", "COMPANY", "OTHER"],
    "snplp_employer_kind_name", "What kind of employer (records.h, snplp_employer_kind).")
SessionMode = _make_enum(
    "SessionMode", "SNPLP_MODE_", ["ON_SITE", "DISTANCE", "MIXED"], "snplp_session_mode_name",
    "How a session is delivered (records.h, snplp_session_mode).")
AttendanceStatus = _make_enum(
    "AttendanceStatus", "SNPLP_ATTENDANCE_",
    ["REGISTERED", "ATTENDED", "PARTIAL", "ABSENT", "CANCELLED"],
    "snplp_attendance_status_name",
    "The status of an attendance (records.h, snplp_attendance_status).")
EligibilityAnswer = _make_enum(
    "EligibilityAnswer", "SNPLP_ELIGIBILITY_", ["PRIORITY", "OPEN", "NOT_YET"],
    "snplp_eligibility_answer_name",
    "Whether a worker may take a module (eligibility.h, snplp_eligibility_answer): in its "
    "priority public, open to them outside it, or not yet (a prerequisite missing).")
EligibilityReason = _make_enum(
    "EligibilityReason", "SNPLP_REASON_",
    ["PROFESSION_TARGETED", "PROFESSION_NOT_TARGETED", "DIPLOMA_MET", "DIPLOMA_BELOW",
     "DIPLOMA_UNKNOWN", "PREREQUISITE_TRAINED", "PREREQUISITE_MISSING", "ALREADY_TRAINED"],
    "snplp_eligibility_reason_name",
    "The kinds of reasons of an eligibility answer (eligibility.h, snplp_eligibility_reason).")

for _cls in (RecordKind, EmployerKind, SessionMode, AttendanceStatus, EligibilityAnswer,
             EligibilityReason):
    _cls.__module__ = __name__  # (made by _conventions' factory): pickled by this module's name
del _cls


class CoverageAxis(enum.StrEnum):
    """An axis a coverage table is grouped by (coverage.h, snplp_coverage_axis): its value is
    the name :meth:`Records.coverage` takes in ``by`` and the key of the rows of
    :meth:`Coverage.to_dicts` ("theme", "plan", "profession", "territory"); :attr:`code` is
    the C flag."""

    THEME = "theme"
    PLAN = "plan"
    PROFESSION = "profession"
    TERRITORY = "territory"

    @property
    def code(self) -> int:
        """The C flag (``SNPLP_COVERAGE_BY_*``)."""
        return int(getattr(_core, f"SNPLP_COVERAGE_BY_{self.name}"))


# --------------------------------------------------------------------------------------------
# Arguments
# --------------------------------------------------------------------------------------------


def _decimal_arg(value, what: str) -> Tuple[int, int]:
    if value is None:
        raise TypeError(f"{what} must be a decimal.Decimal, an int or a str, not None")
    return from_decimal(value)


def _opt_date(value, what: str) -> Optional[Tuple[int, int, int]]:
    return None if value is None else _date_arg(value, what)


def _category(value) -> int:
    return _int_enum_arg(Category, value, "category")


def _referential(ref) -> Any:
    if not isinstance(ref, Referential):
        raise TypeError(f"a snplp.Referential, not {type(ref).__name__}")
    return ref._ptr


def _axes(by) -> int:
    """``by`` (names, CoverageAxis members, a comma-separated str, or None) as C flags."""
    if by is None:
        return 0
    if isinstance(by, str):
        by = [b.strip() for b in by.split(",") if b.strip()]
    if isinstance(by, CoverageAxis):
        by = [by]
    flags = 0
    for axis in by:
        if not isinstance(axis, str):
            raise TypeError(f"a coverage axis is a name (theme, plan, profession, territory), "
                            f"not {type(axis).__name__}")
        try:
            flags |= CoverageAxis(axis).code
        except ValueError:
            raise ValueError(f"{axis!r} is not a coverage axis (theme, plan, profession, "
                             f"territory)") from None
    return flags


# --------------------------------------------------------------------------------------------
# Properties of records, built from their C getters and setters
# --------------------------------------------------------------------------------------------


def _doc_of(get: str, set_: Optional[str], note: Optional[str], extra: Tuple[str, ...] = ()):
    names = (get,) + ((set_,) if set_ else ()) + extra
    return _cdoc(*names, note=note)


def _text(get: str, set_: Optional[str] = None, optional: bool = False,
          note: Optional[str] = None) -> property:
    """A str property (``Optional[str]`` when ``optional``: None unsets it)."""
    t = "Optional[str]" if optional else "str"

    def fget(self):
        return getattr(_c, get)(self._ptr)

    def fset(self, value):
        value = _opt_str(value, get.split("_", 2)[-1]) if optional else \
            _str(value, get.split("_", 2)[-1])
        check(getattr(_c, set_)(self._ptr, value))

    fget.__annotations__ = {"return": t}
    fset.__annotations__ = {"value": t, "return": "None"}
    if note is None and optional and set_:
        note = "None when not set; assigning None unsets it."
    return _doc_of(get, set_, note)(property(fget, fset if set_ else None))


def _enum(get: str, set_: str, cls, what: str) -> property:
    def fget(self):
        return _enum_out(cls, getattr(_c, get)(self._ptr))

    def fset(self, value):
        check(getattr(_c, set_)(self._ptr, _enum_arg(cls, value, what)))

    fget.__annotations__ = {"return": cls.__name__}
    fset.__annotations__ = {"value": f"Union[{cls.__name__}, int, str]", "return": "None"}
    return _doc_of(get, set_, f"A :class:`{cls.__name__}`; set it with a member or its "
                              f"name.")(property(fget, fset))


def _optional(get: str, set_: str, clear: str, kind: str) -> property:
    """An optional int, date or Decimal read through a status getter (``SNPLP_ENOTFOUND``:
    None); None unsets it."""
    to_py = {"int": int, "date": to_date, "decimal": to_decimal}[kind]
    to_c = {"int": lambda v: _int(v, get.rsplit("_", 1)[-1]),
            "date": lambda v: _date_arg(v, get.rsplit("_", 1)[-1]),
            "decimal": lambda v: _decimal_arg(v, "days")}[kind]
    t = {"int": "int", "date": "datetime.date", "decimal": "decimal.Decimal"}[kind]
    t_in = {"int": "int", "date": "Union[datetime.date, str]",
            "decimal": "Union[decimal.Decimal, int, str]"}[kind]

    def fget(self):
        rc, value = getattr(_c, get)(self._ptr)
        if rc == _ENOTFOUND:
            return None
        check(rc)
        return to_py(value)

    def fset(self, value):
        if value is None:
            check(getattr(_c, clear)(self._ptr))
        else:
            check(getattr(_c, set_)(self._ptr, to_c(value)))

    fget.__annotations__ = {"return": f"Optional[{t}]"}
    fset.__annotations__ = {"value": f"Optional[{t_in}]", "return": "None"}
    return _doc_of(get, set_, f"A {t.split('.')[-1]}, None when not set; assigning None "
                              f"unsets it.", (clear,))(property(fget, fset))


# --------------------------------------------------------------------------------------------
# Children
# --------------------------------------------------------------------------------------------


def _addr(ptr) -> int:
    try:
        return int(ptr)
    except TypeError:
        return int(ptr.this)


class _Record:
    """A record the :class:`Records` own: a borrowed C pointer and, in ``_ref``, the
    :class:`Records` wrapper that keeps it alive. ``==`` means the same C record."""

    __slots__ = ("_ptr", "_ref")

    _wrap = classmethod(wrap)

    def __init__(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__} objects are made by the add_* methods of "
                        f"Records")

    @property
    def records(self) -> "Records":
        """The records that hold it."""
        return self._ref

    def __eq__(self, other) -> bool:
        if not isinstance(other, _Record):
            return NotImplemented
        return type(self) is type(other) and _addr(self._ptr) == _addr(other._ptr)

    def __hash__(self) -> int:
        return hash((_Record, _addr(self._ptr)))


class _WithId(_Record):
    """A record with an id: extensions through the records' functions, by id."""

    __slots__ = ()
    _id_fn = ""

    @property
    def id(self) -> str:
        """Its id (unique across the records)."""
        return getattr(_c, self._id_fn)(self._ptr)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id!r}>"

    @property
    @_cdoc("snplp_records_extension_count", "snplp_records_extension_at", summaries=False,
           note="The extension elements of the record, a new list of str (canonical XML "
                "fragments), in order.")
    def extensions(self) -> List[str]:
        return _extensions(self._ref._ptr, self.id)

    @_cdoc("snplp_records_add_extension", summaries=False,
           note="Appends an extension element (``xml``: a str holding one element of another "
                "namespace) to the record.")
    def add_extension(self, xml: str) -> None:
        check(_c.snplp_records_add_extension(self._ref._ptr, self.id, _str(xml, "xml")))

    @property
    @_cdoc("snplp_records_foreign_attribute_count", "snplp_records_foreign_attribute",
           summaries=False,
           note="The attributes of other namespaces on the record, a new list of "
                ":class:`ForeignAttribute` (namespace, prefix, name, value).")
    def foreign_attributes(self) -> List[ForeignAttribute]:
        return _foreign_attributes(self._ref._ptr, self.id)

    @_cdoc("snplp_records_set_foreign_attribute", summaries=False,
           note="Adds or replaces an attribute of another namespace on the record.")
    def set_foreign_attribute(self, namespace: str, prefix: str, name: str, value: str) -> None:
        _set_foreign_attribute(self._ref._ptr, self.id, namespace, prefix, name, value)


def _extensions(records, id_) -> List[str]:
    n = _c.snplp_records_extension_count(records, id_)
    return [_c.snplp_records_extension_at(records, id_, i) for i in range(n)]


def _foreign_attributes(records, id_) -> List[ForeignAttribute]:
    out = []
    for i in range(_c.snplp_records_foreign_attribute_count(records, id_)):
        rc, ns, prefix, name, value = _c.snplp_records_foreign_attribute(records, id_, i)
        check(rc)
        out.append(ForeignAttribute(ns, prefix, name, value))
    return out


def _set_foreign_attribute(records, id_, namespace, prefix, name, value) -> None:
    check(_c.snplp_records_set_foreign_attribute(
        records, id_, _str(namespace, "namespace"), _str(prefix, "prefix"), _str(name, "name"),
        _str(value, "value")))


class RecordProfession(_WithId):
    """A profession the records declare because the referential does not list it (the
    early-childhood professions, for instance): never added to the referential."""

    __slots__ = ()
    _id_fn = "snplp_record_profession_id"

    title = _text("snplp_record_profession_title", "snplp_record_profession_set_title")

    @property
    @_cdoc("snplp_record_profession_category", "snplp_record_profession_set_category",
           note="A :class:`snplp.Category`; set it with a member, its int or its name.")
    def category(self) -> Category:
        return _int_enum_value(Category, _c.snplp_record_profession_category(self._ptr))

    @category.setter
    def category(self, value: Union[Category, int, str]) -> None:
        check(_c.snplp_record_profession_set_category(self._ptr, _category(value)))


class Employer(_WithId):
    """An employer of workers (a département, a commune, a crèche, an association...)."""

    __slots__ = ()
    _id_fn = "snplp_employer_id"

    kind = _enum("snplp_employer_kind_of", "snplp_employer_set_kind", EmployerKind, "kind")
    name = _text("snplp_employer_name", "snplp_employer_set_name")
    territory_code = _text("snplp_employer_territory_code", "snplp_employer_set_territory_code")


class Worker(_WithId):
    """A worker of the workforce, under a pseudonymous id chosen by the host: the library
    holds no name, birth date or contact (data minimisation, docs/records.md). ``from_`` is
    the first day in the workforce (``from`` is a Python keyword), ``until`` the last one
    (None while still in it)."""

    __slots__ = ()
    _id_fn = "snplp_worker_id"

    profession_id = _text("snplp_worker_profession_id", "snplp_worker_set_profession_id")
    employer_id = _text("snplp_worker_employer_id", "snplp_worker_set_employer_id")
    territory_code = _text("snplp_worker_territory_code", "snplp_worker_set_territory_code")
    unit = _text("snplp_worker_unit", "snplp_worker_set_unit", optional=True)
    diploma_level = _optional("snplp_worker_diploma_level", "snplp_worker_set_diploma_level",
                              "snplp_worker_clear_diploma_level", "int")
    until = _optional("snplp_worker_until", "snplp_worker_set_until",
                      "snplp_worker_clear_until", "date")

    @property
    @_cdoc("snplp_worker_from", "snplp_worker_set_from",
           note="A :class:`datetime.date` (set it with a date or an ISO string).")
    def from_(self) -> datetime.date:
        return to_date(_c.snplp_worker_from(self._ptr))

    @from_.setter
    def from_(self, value: Union[datetime.date, str]) -> None:
        check(_c.snplp_worker_set_from(self._ptr, _date_arg(value, "from_")))


class TrainingBody(_WithId):
    """A training body (organisme de formation): names, SIRET, declaration number, address
    and contact (what LHEO needs)."""

    __slots__ = ()
    _id_fn = "snplp_training_body_id"

    name = _text("snplp_training_body_name", "snplp_training_body_set_name")
    legal_name = _text("snplp_training_body_legal_name", "snplp_training_body_set_legal_name",
                       optional=True)
    siret = _text("snplp_training_body_siret", "snplp_training_body_set_siret", optional=True)
    declaration_number = _text("snplp_training_body_declaration_number",
                               "snplp_training_body_set_declaration_number", optional=True)
    postal_code = _text("snplp_training_body_postal_code", "snplp_training_body_set_postal_code",
                        optional=True)
    commune = _text("snplp_training_body_commune", "snplp_training_body_set_commune",
                    optional=True)
    phone = _text("snplp_training_body_phone", "snplp_training_body_set_phone", optional=True)
    email = _text("snplp_training_body_email", "snplp_training_body_set_email", optional=True)

    @property
    @_cdoc("snplp_training_body_address_line_count", "snplp_training_body_address_line_at",
           summaries=False, note="The lines of its street address, a new list of str.")
    def address_lines(self) -> List[str]:
        p = self._ptr
        return [_c.snplp_training_body_address_line_at(p, i)
                for i in range(_c.snplp_training_body_address_line_count(p))]

    @_cdoc("snplp_training_body_add_address_line")
    def add_address_line(self, line: str) -> None:
        check(_c.snplp_training_body_add_address_line(self._ptr, _str(line, "line")))


class Session(_WithId):
    """A training session: what is taught (a module or a plan theme of the referential), by
    which training body, when, how many days, where, how, for how many people."""

    __slots__ = ()
    _id_fn = "snplp_session_id"

    subject_id = _text("snplp_session_subject_id", "snplp_session_set_subject_id")
    body_id = _text("snplp_session_body_id", "snplp_session_set_body_id")
    mode = _enum("snplp_session_mode_of", "snplp_session_set_mode", SessionMode, "mode")
    place = _text("snplp_session_place", "snplp_session_set_place", optional=True)
    capacity = _optional("snplp_session_capacity", "snplp_session_set_capacity",
                         "snplp_session_clear_capacity", "int")

    @property
    @_cdoc("snplp_session_start", "snplp_session_set_dates",
           note="A :class:`datetime.date`; setting it keeps the last day (see "
                ":meth:`set_dates` to change both at once).")
    def start(self) -> datetime.date:
        return to_date(_c.snplp_session_start(self._ptr))

    @start.setter
    def start(self, value: Union[datetime.date, str]) -> None:
        check(_c.snplp_session_set_dates(self._ptr, _date_arg(value, "start"),
                                         _c.snplp_session_end(self._ptr)))

    @property
    @_cdoc("snplp_session_end", "snplp_session_set_dates",
           note="A :class:`datetime.date`; setting it keeps the first day.")
    def end(self) -> datetime.date:
        return to_date(_c.snplp_session_end(self._ptr))

    @end.setter
    def end(self, value: Union[datetime.date, str]) -> None:
        check(_c.snplp_session_set_dates(self._ptr, _c.snplp_session_start(self._ptr),
                                         _date_arg(value, "end")))

    @_cdoc("snplp_session_set_dates", note="``start`` and ``end`` are datetime.date (or ISO "
                                           "strings).")
    def set_dates(self, start: Union[datetime.date, str],
                  end: Union[datetime.date, str]) -> None:
        check(_c.snplp_session_set_dates(self._ptr, _date_arg(start, "start"),
                                         _date_arg(end, "end")))

    @property
    @_cdoc("snplp_session_days", "snplp_session_set_days",
           note="An exact decimal.Decimal (\"6.5\" stays Decimal(\"6.5\")); set it with a "
                "Decimal, an int or a str, never a float.")
    def days(self) -> decimal.Decimal:
        return to_decimal(_c.snplp_session_days(self._ptr))

    @days.setter
    def days(self, value: Union[decimal.Decimal, int, str]) -> None:
        check(_c.snplp_session_set_days(self._ptr, _decimal_arg(value, "days")))


class Attendance(_Record):
    """A worker's attendance at a session (no id of its own): worker and session ids, a
    status, the days attended (None when not given: "attended" then counts the session's
    days, "partial" unknown days, never 0)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<Attendance {self.worker_id!r} at {self.session_id!r}: {self.status}>"

    worker_id = _text("snplp_attendance_worker_id")
    session_id = _text("snplp_attendance_session_id")
    status = _enum("snplp_attendance_status_of", "snplp_attendance_set_status", AttendanceStatus,
                   "status")
    days = _optional("snplp_attendance_days", "snplp_attendance_set_days",
                     "snplp_attendance_clear_days", "decimal")

    @property
    @_cdoc("snplp_attendance_extension_count", "snplp_attendance_extension_at",
           summaries=False, note="Its extension elements, a new list of str (canonical XML).")
    def extensions(self) -> List[str]:
        p = self._ptr
        return [_c.snplp_attendance_extension_at(p, i)
                for i in range(_c.snplp_attendance_extension_count(p))]

    @_cdoc("snplp_attendance_add_extension",
           note="``xml`` is a str holding one element of another namespace.")
    def add_extension(self, xml: str) -> None:
        check(_c.snplp_attendance_add_extension(self._ptr, _str(xml, "xml")))

    @property
    @_cdoc("snplp_attendance_foreign_attribute_count", "snplp_attendance_foreign_attribute",
           summaries=False, note="Its attributes of other namespaces, a new list of "
                                 ":class:`ForeignAttribute`.")
    def foreign_attributes(self) -> List[ForeignAttribute]:
        out = []
        for i in range(_c.snplp_attendance_foreign_attribute_count(self._ptr)):
            rc, ns, prefix, name, value = _c.snplp_attendance_foreign_attribute(self._ptr, i)
            check(rc)
            out.append(ForeignAttribute(ns, prefix, name, value))
        return out

    @_cdoc("snplp_attendance_set_foreign_attribute")
    def set_foreign_attribute(self, namespace: str, prefix: str, name: str, value: str) -> None:
        check(_c.snplp_attendance_set_foreign_attribute(
            self._ptr, _str(namespace, "namespace"), _str(prefix, "prefix"), _str(name, "name"),
            _str(value, "value")))


# --------------------------------------------------------------------------------------------
# Snapshots: eligibility and coverage
# --------------------------------------------------------------------------------------------


@dataclasses.dataclass(eq=True)
class Eligibility:
    worker_id: str
    module_id: str
    answer: EligibilityAnswer
    reasons: List[Dict[str, Any]]

    @classmethod
    def _read(cls, ptr) -> "Eligibility":
        reasons = []
        for i in range(_c.snplp_eligibility_reason_count(ptr)):
            reasons.append({
                "reason": _enum_out(EligibilityReason, _c.snplp_eligibility_reason_at(ptr, i)),
                "item_id": _c.snplp_eligibility_reason_item_id(ptr, i),
                "message": _c.snplp_eligibility_reason_message(ptr, i)})
        return cls(worker_id=_c.snplp_eligibility_worker_id(ptr),
                   module_id=_c.snplp_eligibility_module_id(ptr),
                   answer=_enum_out(EligibilityAnswer, _c.snplp_eligibility_answer_of(ptr)),
                   reasons=reasons)

    def to_dict(self) -> Dict[str, Any]:
        """The answer as a dict of plain values (worker_id, module_id, answer and reasons, the
        enumerations as their names), ready for JSON."""
        return {"worker_id": self.worker_id, "module_id": self.module_id,
                "answer": str(self.answer),
                "reasons": [dict(r, reason=str(r["reason"])) for r in self.reasons]}


Eligibility.__doc__ = _fields_doc(
    "Whether a worker may take a module at a date, and every reason (a snapshot of "
    "Records.eligibility() or of an entry of Records.next_modules()).",
    {"worker_id": "snplp_eligibility_worker_id", "module_id": "snplp_eligibility_module_id",
     "answer": "snplp_eligibility_answer_of",
     "reasons": "=a list of dicts {\"reason\": EligibilityReason, \"item_id\": str, "
                "\"message\": str}, in the library's order (snplp_eligibility_reason_at(), "
                "snplp_eligibility_reason_item_id(), snplp_eligibility_reason_message())."})

class _CoverageTable(Owner):
    """The C coverage table a :class:`Coverage` keeps for its CSV export."""

    __slots__ = ("_ptr", "__weakref__")
    _release = "snplp_coverage_free"


_AXIS_KEYS = (("theme", "snplp_coverage_theme_id"), ("plan", "snplp_coverage_plan_id"),
              ("profession", "snplp_coverage_profession_id"),
              ("territory", "snplp_coverage_territory_code"))


@dataclasses.dataclass(eq=True)
class Coverage:
    start: datetime.date
    end: datetime.date
    axes: Tuple[str, ...]
    rows: List[Dict[str, Any]]
    untrained: List[str]

    @classmethod
    def _read(cls, ptr, start, end) -> "Coverage":
        flags = int(_c.snplp_coverage_axes(ptr))
        axes = tuple(a.value for a in CoverageAxis if flags & a.code)
        rows = []
        for r in range(_c.snplp_coverage_row_count(ptr)):
            row: Dict[str, Any] = {}
            for key, fn in _AXIS_KEYS:
                if key in axes:
                    row[key] = getattr(_c, fn)(ptr, r)
            rate_rc, rate = _c.snplp_coverage_rate(ptr, r)
            if rate_rc != _ENOTFOUND:
                check(rate_rc)
            rc, days = _c.snplp_coverage_days(ptr, r)
            check(rc)
            row.update(workforce=int(_c.snplp_coverage_workforce(ptr, r)),
                       trained=int(_c.snplp_coverage_trained(ptr, r)),
                       rate=None if rate_rc == _ENOTFOUND else to_decimal(rate),
                       days=to_decimal(days),
                       days_unknown=int(_c.snplp_coverage_days_unknown(ptr, r)))
            rows.append(row)
        untrained = [_c.snplp_coverage_untrained_at(ptr, i)
                     for i in range(_c.snplp_coverage_untrained_count(ptr))]
        return cls(start=start, end=end, axes=axes, rows=rows, untrained=untrained)

    def __getstate__(self) -> Dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_table", None)  # the C table does not pickle: to_csv() needs the original
        return state

    def _c_table(self):
        table = getattr(self, "_table", None)
        if table is None:
            raise ValueError("this Coverage holds no C table (it was built or unpickled in "
                             "Python): compute it with Records.coverage() to export it as CSV")
        return table._ptr

    @_cdoc("snplp_csv_export_coverage_memory",
           note="``dialect`` is a :class:`snplp.CsvDialect` or its name (\"intl\", \"fr\"). "
                "Returns bytes.")
    def to_csv(self, dialect: Union[CsvDialect, int, str] = "intl") -> bytes:
        rc, data = _c.snplp_csv_export_coverage_memory(self._c_table(), _dialect(dialect))
        check(rc)
        return bytes(data)

    @_cdoc("snplp_csv_export_coverage_file",
           note="``path`` is a str or a pathlib.Path; a file that cannot be created or "
                "replaced raises the built-in OSError subclass of its errno (also "
                "InputOutputError).")
    def to_csv_file(self, path, dialect: Union[CsvDialect, int, str] = "intl") -> None:
        path = fspath(path)
        check(_c.snplp_csv_export_coverage_file(self._c_table(), _dialect(dialect), path),
              filename=path)

    @_cdoc("snplp_csv_export_coverage_callback",
           note="``stream`` is a binary or text file-like object or a callable "
                "``write(data: bytes)``; an exception it raises propagates.")
    def to_csv_stream(self, stream, dialect: Union[CsvDialect, int, str] = "intl") -> None:
        check(_c.snplp_csv_export_coverage_callback(self._c_table(), _dialect(dialect),
                                                    _writer(stream)))

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    def __getitem__(self, index: int) -> Dict[str, Any]:
        return self.rows[index]

    def to_dicts(self) -> List[Dict[str, Any]]:
        """The rows as a new list of dicts: a key per grouped axis ("theme", "plan",
        "profession", "territory", in that order), then "workforce", "trained", "rate"
        (Decimal percent, None without workforce), "days" (Decimal), "days_unknown"."""
        return [dict(r) for r in self.rows]

    def find(self, **keys) -> List[Dict[str, Any]]:
        """The rows whose values match every keyword (``cov.find(theme="theme-x")``)."""
        return [r for r in self.rows if all(r.get(k) == v for k, v in keys.items())]


Coverage.__doc__ = _fields_doc(
    "A coverage table of training records over a period (a snapshot of Records.coverage()): "
    "``len()``, iteration and indexing give its rows; to_csv(), to_csv_file() and "
    "to_csv_stream() export the table as CSV (snplp_csv_export_coverage_memory()).",
    {"start": "=the first day of the period (datetime.date).",
     "end": "=the last day of the period (datetime.date).",
     "axes": "=the names of the axes it is grouped by, in the order theme, plan, profession, "
             "territory (snplp_coverage_axes()).",
     "rows": "=a list of dicts, as to_dicts() gives them (snplp_coverage_workforce(), "
             "snplp_coverage_trained(), snplp_coverage_rate(), snplp_coverage_days(), "
             "snplp_coverage_days_unknown()).",
     "untrained": "snplp_coverage_untrained_at"})


# --------------------------------------------------------------------------------------------
# The root
# --------------------------------------------------------------------------------------------


class _ImportOptions:
    """C import options for one call (strict, keep_invalid, progress)."""

    __slots__ = ("ptr",)

    def __init__(self, strict, keep_invalid, progress):
        for what, value in (("strict", strict), ("keep_invalid", keep_invalid)):
            if not isinstance(value, bool):
                raise TypeError(f"{what} must be a bool, not {type(value).__name__}")
        progress = _progress(progress)
        self.ptr = None
        rc, ptr = _core.snplp_import_options_new()  # private: no lock
        check(rc)
        self.ptr = ptr
        check(_core.snplp_import_options_set_strict(ptr, strict))
        check(_core.snplp_import_options_set_keep_invalid(ptr, keep_invalid))
        if progress is not None:
            check(_core.snplp_import_options_set_progress(ptr, progress))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        ptr, self.ptr = self.ptr, None
        if ptr is not None:
            _core.snplp_import_options_free(ptr)


_IMPORT_NOTE = ("``strict`` adds libxml2's validation against the schema; ``keep_invalid`` "
                "returns the records despite findings of the model's rules "
                "(snplp_import_options_set_keep_invalid()); ``progress`` is a callable "
                "(done, total) that cancels the import by returning False. An error raises "
                "ParseError or ValidationError carrying every finding in ``err.diagnostics``; "
                "warnings are kept in ``import_diagnostics``. References and the rules of "
                "coherence are not checked: call :meth:`Records.validate` with the "
                "referential.")


class Records(Owner):
    """Training records: the professions they declare, employers, workers, training bodies,
    sessions and attendance (records.h), a root of its own.

    ``Records()`` makes empty records; :meth:`from_file`, :meth:`from_bytes`,
    :meth:`from_string` and :meth:`from_stream` read the XML format (``<records>``, format
    1.1). Each list is a live :class:`snplp.Collection` (``len()``, iteration, index, lookup
    by id, ``in``): :attr:`professions`, :attr:`employers`, :attr:`workers`,
    :attr:`training_bodies`, :attr:`sessions` and :attr:`attendance` (no id: no lookup); ids
    are unique across the records whatever their kind (:meth:`kind_of`). ``==`` is the
    library's deep equality (snplp_records_equal()). Records refer to a referential by ids:
    :meth:`validate`, :meth:`eligibility`, :meth:`next_modules` and :meth:`coverage` take it.
    """

    __slots__ = ("_ptr", "import_diagnostics", "__weakref__")
    _release = "snplp_records_unref"

    @_cdoc("snplp_records_new")
    def __init__(self):
        if getattr(self, "_ptr", None) is not None:
            raise TypeError("Records are initialised once")
        rc, ptr = _c.snplp_records_new()
        check(rc)
        self._ptr = ptr
        self.import_diagnostics: List[Diagnostic] = []

    @classmethod
    def _own(cls, ptr, diagnostics=()) -> "Records":
        obj = super()._own(ptr)
        obj.import_diagnostics = list(diagnostics)
        return obj

    def __copy__(self) -> "Records":
        return Records._own(_c.snplp_records_ref(self._ptr))

    def __deepcopy__(self, memo) -> "Records":
        return Records.from_bytes(self.to_bytes())

    def __reduce__(self):
        return (_records_from_xml, (self.to_bytes(),))

    # -- freezing, equality --

    @_cdoc("snplp_records_freeze", note="From then on every change raises FrozenError.")
    def freeze(self) -> None:
        check(_c.snplp_records_freeze(self._ptr))

    @property
    @_cdoc("snplp_records_is_frozen")
    def frozen(self) -> bool:
        return bool(_c.snplp_records_is_frozen(self._ptr))

    @_cdoc("snplp_records_equal")
    def __eq__(self, other) -> bool:
        if not isinstance(other, Records):
            return NotImplemented
        return bool(_c.snplp_records_equal(self._ptr, other._ptr))

    __hash__ = None  # mutable, compared by value

    def __repr__(self) -> str:
        return (f"<Records: {len(self.workers)} workers, {len(self.sessions)} sessions, "
                f"{len(self.attendance)} attendance>")

    @_cdoc("snplp_records_kind_of", note="A :class:`RecordKind`, None when no record has "
                                         "that id.")
    def kind_of(self, id: str) -> Optional[RecordKind]:
        return _enum_out(RecordKind, _c.snplp_records_kind_of(self._ptr, _str(id, "id")))

    def __contains__(self, id) -> bool:
        """Whether a record has the id ``id`` (a str)."""
        return isinstance(id, str) and self.kind_of(id) is not None

    def find(self, id: str) -> Optional[Any]:
        """The record of that id, whatever its kind (a :class:`Worker`, a :class:`Session`...),
        None when there is none."""
        kind = self.kind_of(id)
        if kind is None:
            return None
        return {RecordKind.PROFESSION: self.professions, RecordKind.EMPLOYER: self.employers,
                RecordKind.WORKER: self.workers, RecordKind.TRAINING_BODY: self.training_bodies,
                RecordKind.SESSION: self.sessions}[kind][id]

    # -- lists --

    def _collection(self, stem: str, cls, what: str, find: bool = True) -> Collection:
        p = self._ptr
        count = getattr(_c, f"snplp_records_{stem}_count")
        at = getattr(_c, f"snplp_records_{stem}_at")
        finder = getattr(_c, f"snplp_records_{stem}_find") if find else None
        return Collection(lambda: count(p), lambda i: cls._wrap(at(p, i), self),
                          (lambda id_: cls._wrap(finder(p, _str(id_, "id")), self))
                          if find else None, what)

    @property
    def professions(self) -> Collection:
        """The professions the records declare (not in the referential), in order: a live
        Collection of :class:`RecordProfession`, looked up by id.

        C API: snplp_records_profession_count(), snplp_records_profession_at(),
        snplp_records_profession_find()."""
        return self._collection("profession", RecordProfession, "profession")

    @property
    def employers(self) -> Collection:
        """The employers, in order: a live Collection of :class:`Employer`, looked up by id.

        C API: snplp_records_employer_count(), snplp_records_employer_at(),
        snplp_records_employer_find()."""
        return self._collection("employer", Employer, "employer")

    @property
    def workers(self) -> Collection:
        """The workers, in order: a live Collection of :class:`Worker`, looked up by id.

        C API: snplp_records_worker_count(), snplp_records_worker_at(),
        snplp_records_worker_find()."""
        return self._collection("worker", Worker, "worker")

    @property
    def training_bodies(self) -> Collection:
        """The training bodies, in order: a live Collection of :class:`TrainingBody`, looked
        up by id.

        C API: snplp_records_training_body_count(), snplp_records_training_body_at(),
        snplp_records_training_body_find()."""
        return self._collection("training_body", TrainingBody, "training body")

    @property
    def sessions(self) -> Collection:
        """The sessions, in order: a live Collection of :class:`Session`, looked up by id.

        C API: snplp_records_session_count(), snplp_records_session_at(),
        snplp_records_session_find()."""
        return self._collection("session", Session, "session")

    @property
    def attendance(self) -> Collection:
        """The attendance records, in order: a live Collection of :class:`Attendance` (they
        have no id: no lookup by id; :meth:`attendance_of` selects them).

        C API: snplp_records_attendance_count(), snplp_records_attendance_at()."""
        return self._collection("attendance", Attendance, "attendance", find=False)

    def attendance_of(self, worker_id: Optional[str] = None,
                      session_id: Optional[str] = None) -> List[Attendance]:
        """The attendance records of a worker, of a session, or of both (None: any), in
        order."""
        _opt_str(worker_id, "worker_id")
        _opt_str(session_id, "session_id")
        return [a for a in self.attendance
                if (worker_id is None or a.worker_id == worker_id)
                and (session_id is None or a.session_id == session_id)]

    # -- adding --

    @_cdoc("snplp_records_add_profession",
           note="``category`` is a :class:`snplp.Category`, its int or its name (\"worker\", "
                "\"cadre\"). Returns the new :class:`RecordProfession`.")
    def add_profession(self, id: str, category: Union[Category, int, str],
                       title: str) -> RecordProfession:
        rc, ptr = _c.snplp_records_add_profession(self._ptr, _str(id, "id"), _category(category),
                                                  _str(title, "title"))
        check(rc)
        return RecordProfession._wrap(ptr, self)

    @_cdoc("snplp_records_add_employer",
           note="``kind`` is an :class:`EmployerKind` or its name. Returns the new "
                ":class:`Employer`.")
    def add_employer(self, id: str, kind: Union[EmployerKind, int, str], name: str,
                     territory_code: str) -> Employer:
        rc, ptr = _c.snplp_records_add_employer(
            self._ptr, _str(id, "id"), _enum_arg(EmployerKind, kind, "kind"), _str(name, "name"),
            _str(territory_code, "territory_code"))
        check(rc)
        return Employer._wrap(ptr, self)

    @_cdoc("snplp_records_add_worker",
           note="``from_`` (the first day in the workforce) is a datetime.date or an ISO "
                "string. Returns the new :class:`Worker`; set its optional values "
                "(diploma_level, unit, until) on it.")
    def add_worker(self, id: str, profession_id: str, employer_id: str, territory_code: str,
                   from_: Union[datetime.date, str]) -> Worker:
        rc, ptr = _c.snplp_records_add_worker(
            self._ptr, _str(id, "id"), _str(profession_id, "profession_id"),
            _str(employer_id, "employer_id"), _str(territory_code, "territory_code"),
            _date_arg(from_, "from_"))
        check(rc)
        return Worker._wrap(ptr, self)

    @_cdoc("snplp_records_add_training_body", note="Returns the new :class:`TrainingBody`.")
    def add_training_body(self, id: str, name: str) -> TrainingBody:
        rc, ptr = _c.snplp_records_add_training_body(self._ptr, _str(id, "id"),
                                                     _str(name, "name"))
        check(rc)
        return TrainingBody._wrap(ptr, self)

    @_cdoc("snplp_records_add_session",
           note="``start`` and ``end`` are datetime.date (or ISO strings); ``days`` a "
                "Decimal, an int or a str (\"6.5\"), never a float; ``mode`` a "
                ":class:`SessionMode` or its name (\"on-site\"). Returns the new "
                ":class:`Session`.")
    def add_session(self, id: str, subject_id: str, body_id: str,
                    start: Union[datetime.date, str], end: Union[datetime.date, str],
                    days: Union[decimal.Decimal, int, str],
                    mode: Union[SessionMode, int, str] = "on-site") -> Session:
        rc, ptr = _c.snplp_records_add_session(
            self._ptr, _str(id, "id"), _str(subject_id, "subject_id"), _str(body_id, "body_id"),
            _date_arg(start, "start"), _date_arg(end, "end"), _decimal_arg(days, "days"),
            _enum_arg(SessionMode, mode, "mode"))
        check(rc)
        return Session._wrap(ptr, self)

    @_cdoc("snplp_records_add_attendance",
           note="``status`` is an :class:`AttendanceStatus` or its name (\"attended\"). Returns "
                "the new :class:`Attendance`; set its ``days`` on it.")
    def add_attendance(self, worker_id: str, session_id: str,
                       status: Union[AttendanceStatus, int, str] = "attended") -> Attendance:
        rc, ptr = _c.snplp_records_add_attendance(
            self._ptr, _str(worker_id, "worker_id"), _str(session_id, "session_id"),
            _enum_arg(AttendanceStatus, status, "status"))
        check(rc)
        return Attendance._wrap(ptr, self)

    # -- extensions of the records themselves --

    @property
    @_cdoc("snplp_records_extension_count", "snplp_records_extension_at", summaries=False,
           note="The extension elements of the records themselves, a new list of str "
                "(canonical XML fragments), in order.")
    def extensions(self) -> List[str]:
        return _extensions(self._ptr, None)

    @_cdoc("snplp_records_add_extension", summaries=False,
           note="Appends an extension element (``xml``: a str holding one element of another "
                "namespace) to the records themselves.")
    def add_extension(self, xml: str) -> None:
        check(_c.snplp_records_add_extension(self._ptr, None, _str(xml, "xml")))

    @property
    @_cdoc("snplp_records_foreign_attribute_count", "snplp_records_foreign_attribute",
           summaries=False,
           note="The attributes of other namespaces on the records themselves, a new list of "
                ":class:`ForeignAttribute`.")
    def foreign_attributes(self) -> List[ForeignAttribute]:
        return _foreign_attributes(self._ptr, None)

    @_cdoc("snplp_records_set_foreign_attribute", summaries=False,
           note="Adds or replaces an attribute of another namespace on the records "
                "themselves.")
    def set_foreign_attribute(self, namespace: str, prefix: str, name: str, value: str) -> None:
        _set_foreign_attribute(self._ptr, None, namespace, prefix, name, value)

    # -- XML --

    @classmethod
    def _import(cls, fn: str, *args, strict: bool, keep_invalid: bool, progress,
                filename: Optional[str] = None) -> "Records":
        with _Diagnostics() as d, _ImportOptions(strict, keep_invalid, progress) as opts:
            # no lock: an import reads no existing model
            rc, ptr = getattr(_core, fn)(d.ptr, *args, opts.ptr)
            err = error_for(rc, (), filename) if rc != _OK else None  # the message first
            found = d.list()
        if err is not None:
            if ptr is not None:
                _core.snplp_records_unref(ptr)
            err.diagnostics = found
            raise err
        return cls._own(ptr, found)

    @classmethod
    @_cdoc("snplp_records_import_file",
           note="``path`` is a str or a pathlib.Path. " + _IMPORT_NOTE + " A file that cannot "
                "be opened raises the built-in FileNotFoundError, PermissionError or "
                "IsADirectoryError (also InputOutputError) with its ``errno`` and "
                "``filename``.")
    def from_file(cls, path, *, strict: bool = False, keep_invalid: bool = False,
                  progress=None) -> "Records":
        path = fspath(path)
        return cls._import("snplp_records_import_file", path, strict=strict,
                           keep_invalid=keep_invalid, progress=progress, filename=path)

    @classmethod
    @_cdoc("snplp_records_import_memory",
           note="``data`` is the UTF-8 document (bytes, bytearray, memoryview); ``name`` names "
                "the input in messages. The rest as :meth:`from_file`.")
    def from_bytes(cls, data, *, name: Optional[str] = None, strict: bool = False,
                   keep_invalid: bool = False, progress=None) -> "Records":
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data must be bytes, not {type(data).__name__}"
                            + (" (use from_string for a str)" if isinstance(data, str) else ""))
        return cls._import("snplp_records_import_memory", bytes(data), _opt_str(name, "name"),
                           strict=strict, keep_invalid=keep_invalid, progress=progress)

    @classmethod
    @_cdoc("snplp_records_import_callback", summaries=False,
           note="Imports training records from a document held in a str ``text`` (read as "
                "UTF-8 whatever encoding its XML declaration names: Python decoded it "
                "already). The rest as :meth:`from_file`.")
    def from_string(cls, text: str, *, name: Optional[str] = None, strict: bool = False,
                    keep_invalid: bool = False, progress=None) -> "Records":
        return cls.from_stream(io.StringIO(_str(text, "text")), name=name, strict=strict,
                               keep_invalid=keep_invalid, progress=progress)

    @classmethod
    @_cdoc("snplp_records_import_callback",
           note="``stream`` is a file-like object opened for reading (binary, or text: "
                "re-encoded in UTF-8) or a callable read(size) -> bytes returning b\"\" at the "
                "end; an exception it raises propagates. ``name`` defaults to the stream's "
                "``name``. The rest as :meth:`from_file`.")
    def from_stream(cls, stream, *, name: Optional[str] = None, strict: bool = False,
                    keep_invalid: bool = False, progress=None) -> "Records":
        return cls._import("snplp_records_import_callback", _reader(stream),
                           _stream_name(stream, name), strict=strict, keep_invalid=keep_invalid,
                           progress=progress)

    @_cdoc("snplp_records_export_file",
           note="``path`` is a str or a pathlib.Path; a file that cannot be created or "
                "replaced raises the built-in OSError subclass of its errno (also "
                "InputOutputError) with ``errno`` and ``filename``.")
    def to_file(self, path) -> None:
        path = fspath(path)
        check(_c.snplp_records_export_file(self._ptr, path), filename=path)

    @_cdoc("snplp_records_export_memory", note="Returns the UTF-8 document as bytes.")
    def to_bytes(self) -> bytes:
        rc, data = _c.snplp_records_export_memory(self._ptr)
        check(rc)
        return bytes(data)

    @_cdoc("snplp_records_export_memory", summaries=False,
           note="Exports the records as an XML document in a str (the bytes of "
                ":meth:`to_bytes`, decoded from UTF-8).")
    def to_string(self) -> str:
        return self.to_bytes().decode("utf-8")

    @_cdoc("snplp_records_export_callback",
           note="``stream`` is a binary file-like object (``.write(data)``), a text one (given "
                "the UTF-8 text decoded) or a callable ``write(data: bytes)``; an exception it "
                "raises propagates.")
    def to_stream(self, stream) -> None:
        check(_c.snplp_records_export_callback(self._ptr, _writer(stream)))

    # -- CSV --

    def _merge_csv(self, what: str, source, dialect, name, text) -> None:
        d_ = _dialect(dialect)
        name = _opt_str(name, "name")
        if (source is None) == (text is None):
            raise TypeError(f"merge_{what}_csv() takes a source (a path, bytes or a stream) or "
                            f"text= (CSV in a str), one of them")
        if text is not None:
            source = _str(text, "text").encode("utf-8")
        elif isinstance(source, str) and ("\n" in source or "\r" in source):
            raise ValueError(f"merge_{what}_csv(): a str source is a path, and this one holds a "
                             f"line break: give CSV text as text=... or as bytes")
        path = None
        with _Diagnostics() as d:
            if isinstance(source, (bytes, bytearray, memoryview)):
                rc = getattr(_c, f"snplp_csv_import_{what}_memory")(self._ptr, d.ptr,
                                                                    bytes(source), name, d_)
            elif isinstance(source, (str, os.PathLike)):
                path = fspath(source)
                rc = getattr(_c, f"snplp_csv_import_{what}_file")(self._ptr, d.ptr, path, d_)
            elif hasattr(source, "read") or callable(source):
                rc = getattr(_c, f"snplp_csv_import_{what}_callback")(
                    self._ptr, d.ptr, _reader(source, False), _stream_name(source, name), d_)
            else:
                raise TypeError(f"CSV is a path, bytes or a stream (or text=), not "
                                f"{type(source).__name__}")
            err = error_for(rc, (), path) if rc != _OK else None
            found = d.list()
        if err is not None:
            err.diagnostics = found
            raise err

    @_cdoc("snplp_csv_import_workers_memory", "snplp_csv_import_workers_file",
           "snplp_csv_import_workers_callback",
           note="``source`` is a path (str or pathlib.Path), the CSV as bytes, or a binary or "
                "text file-like object or callable ``read(size)``; CSV held in a str is given "
                "as ``text=`` (a str ``source`` is always a path). ``dialect`` is a "
                ":class:`snplp.CsvDialect` or its name (\"intl\", \"fr\"). All or nothing: any "
                "problem raises ParseError carrying every finding (line, column) and changes "
                "nothing; a row naming a worker of the records updates it. A file that cannot "
                "be opened raises FileNotFoundError, PermissionError... (also "
                "InputOutputError).")
    def merge_workers_csv(self, source=None, dialect: Union[CsvDialect, int, str] = "intl",
                          name: Optional[str] = None, *, text: Optional[str] = None) -> None:
        self._merge_csv("workers", source, dialect, name, text)

    @_cdoc("snplp_csv_import_attendance_memory", "snplp_csv_import_attendance_file",
           "snplp_csv_import_attendance_callback",
           note="Arguments, errors and all-or-nothing as :meth:`merge_workers_csv`; a row for "
                "a worker and a session that have an attendance record updates it.")
    def merge_attendance_csv(self, source=None, dialect: Union[CsvDialect, int, str] = "intl",
                             name: Optional[str] = None, *, text: Optional[str] = None) -> None:
        self._merge_csv("attendance", source, dialect, name, text)

    # -- rules --

    @_cdoc("snplp_records_validate",
           note="``referential`` is a :class:`snplp.Referential` (the built-in one, a "
                "catalogue...). Returns the findings as a list of :class:`snplp.Diagnostic`; "
                "it does not raise for them unless ``raise_errors`` is true, when a finding of "
                "severity error raises :class:`snplp.ValidationError` carrying them all.")
    def validate(self, referential: Referential, *,
                 raise_errors: bool = False) -> List[Diagnostic]:
        ref = _referential(referential)
        with _Diagnostics() as d:
            rc = _c.snplp_records_validate(self._ptr, ref, d.ptr)
            err = error_for(rc) if rc != _OK else None
            found = d.list()
        if err is not None and (rc != _EVALIDATION or raise_errors):
            err.diagnostics = found
            raise err
        return found

    @_cdoc("snplp_records_eligibility",
           note="``referential`` is a :class:`snplp.Referential`; ``at`` a datetime.date or "
                "an ISO string, today (local date) when omitted. Returns an "
                ":class:`Eligibility`; an unknown worker or module raises NotFoundError.")
    def eligibility(self, referential: Referential, worker_id: str, module_id: str,
                    at: Union[datetime.date, str, None] = None) -> Eligibility:
        rc, ptr = _c.snplp_records_eligibility(self._ptr, _referential(referential),
                                               _str(worker_id, "worker_id"),
                                               _str(module_id, "module_id"), _at(at))
        check(rc)
        try:
            return Eligibility._read(ptr)
        finally:
            _c.snplp_eligibility_free(ptr)

    @_cdoc("snplp_records_next_modules",
           note="Returns a new list of :class:`Eligibility`, one per module, in the plan's "
                "order; ``at`` as for :meth:`eligibility`.")
    def next_modules(self, referential: Referential, worker_id: str,
                     at: Union[datetime.date, str, None] = None) -> List[Eligibility]:
        rc, ptr = _c.snplp_records_next_modules(self._ptr, _referential(referential),
                                                _str(worker_id, "worker_id"), _at(at))
        check(rc)
        try:
            return [Eligibility._read(_c.snplp_eligibility_list_at(ptr, i))
                    for i in range(_c.snplp_eligibility_list_count(ptr))]
        finally:
            _c.snplp_eligibility_list_free(ptr)

    @_cdoc("snplp_records_coverage",
           note="The period runs from ``start`` to ``end``, both included (datetime.date or "
                "ISO strings). ``by`` names the axes to group by: an iterable of "
                ":class:`CoverageAxis` or names (\"theme\", \"plan\", \"profession\", "
                "\"territory\"), or one str of names separated by commas; empty for one row "
                "over everything. Returns a :class:`Coverage`.")
    def coverage(self, referential: Referential, start: Union[datetime.date, str],
                 end: Union[datetime.date, str],
                 by: Union[Iterable[Union[CoverageAxis, str]], str, None] = (
                     "theme", "profession", "territory")) -> Coverage:
        axes = _axes(by)
        s, e = _date_arg(start, "start"), _date_arg(end, "end")
        rc, ptr = _c.snplp_records_coverage(self._ptr, _referential(referential), s, e, axes)
        check(rc)
        table = _CoverageTable._own(ptr)  # freed with the Coverage (or now, on an error)
        cov = Coverage._read(ptr, to_date(s), to_date(e))
        cov._table = table
        return cov


def _records_from_xml(data: bytes) -> Records:
    return Records.from_bytes(data)


@_cdoc("snplp_siret_is_valid")
def siret_is_valid(siret: str) -> bool:
    return bool(_c.snplp_siret_is_valid(_str(siret, "siret")))


# --------------------------------------------------------------------------------------------
# The LHEO import (lheo.h, 1.5)
# --------------------------------------------------------------------------------------------

#: The theme id of a module the LHEO import could not place under a national theme
#: (SNPLP_LHEO_NO_THEME, "theme-none"): it names no theme.
LHEO_NO_THEME: str = _core.SNPLP_LHEO_NO_THEME


class _LheoPair(NamedTuple):
    catalogue: Referential
    records: "Records"


class LheoImport(_LheoPair):
    """What :func:`from_lheo` makes of an LHEO 2.3 document: the named pair ``(catalogue,
    records)`` — :attr:`catalogue`, a new :class:`snplp.Referential` (a module per
    ``<formation>``, with its offer, under the national theme matched and applied or under
    none: theme id :data:`LHEO_NO_THEME`), and :attr:`records`, new :class:`Records` (the
    training bodies and their sessions) — that also carries the findings of the import in
    :attr:`diagnostics`. ``catalogue, records = snplp.from_lheo(...)`` unpacks it."""

    # the fields' types, for tools/gen_pyi.py (a subclass of a NamedTuple has its own)
    catalogue: Referential
    records: Records

    def __new__(_cls, catalogue: Referential, records: "Records") -> "LheoImport":
        if not isinstance(catalogue, Referential):
            raise TypeError(f"catalogue must be a snplp.Referential, not "
                            f"{type(catalogue).__name__}")
        if not isinstance(records, Records):
            raise TypeError(f"records must be a snplp.Records, not {type(records).__name__}")
        return super().__new__(_cls, catalogue, records)

    @property
    def diagnostics(self) -> List[Diagnostic]:
        """The findings of the import, a list of :class:`Diagnostic` (also in the
        ``import_diagnostics`` of both parts): the matches to national themes
        (lheo-theme-match), the modules left without a theme (lheo-no-theme), what was left
        out (lheo-left-out), values the model refuses kept as LHEO elements
        (lheo-value-kept), what the import assumed (lheo-assumed)."""
        return self.__dict__.setdefault("_diagnostics", [])

    @property
    def matches(self) -> List[dict]:
        """The match of each module the import made, in the catalogue's order (the same as
        the findings lheo-theme-match and lheo-no-theme, as data, for every module even past
        the limit of an import's findings): dicts with ``module`` (its id), ``theme`` (the
        national theme matched best, None when none did or two did as well), ``score`` (0:
        nothing found), ``tie``, ``applied`` (the module is under the theme) and ``labels``
        (the theme's labels found)."""
        return self.__dict__.setdefault("_matches", [])

    def __repr__(self) -> str:
        cat, rec = self
        return (f"<LheoImport: {len(cat.modules)} modules, {len(rec.training_bodies)} training "
                f"bodies, {len(rec.sessions)} sessions, {len(self.diagnostics)} findings>")


def _lheo_source(source, text, name):
    """(the _core function's name, its arguments before the options, the file name or None)
    for the source of from_lheo()."""
    if (source is None) == (text is None):
        raise TypeError("from_lheo() takes a source (a path, bytes or a stream) or text= (the "
                        "document in a str), one of them")
    if text is not None:
        source = _str(text, "text").encode("utf-8")
    elif isinstance(source, str) and ("\n" in source or "\r" in source
                                      or source.lstrip().startswith("<")):
        raise ValueError("from_lheo(): a str source is a path, and this one looks like a "
                         "document: give the XML as from_lheo(text=...) or as bytes")
    if isinstance(source, (bytes, bytearray, memoryview)):
        return "snplp_lheo_import_memory", (bytes(source), name), None
    if isinstance(source, (str, os.PathLike)):
        path = fspath(source)
        return "snplp_lheo_import_file", (path,), path
    if hasattr(source, "read") or callable(source):
        return "snplp_lheo_import_callback", (_reader(source), _stream_name(source, name)), None
    raise TypeError(f"an LHEO document is a path, bytes or a stream (or text=), not "
                    f"{type(source).__name__}")


class _LheoOptions:
    """C LHEO options for one import (accept_matches, min_score, themes, schema)."""

    __slots__ = ("ptr", "matches")

    def __init__(self, accept_matches, min_score, themes, schema):
        if not isinstance(accept_matches, bool):
            raise TypeError(f"accept_matches must be a bool, not {type(accept_matches).__name__}")
        min_score = _int(min_score, "min_score")
        if themes is not None and not isinstance(themes, Referential):
            raise TypeError(f"themes must be a snplp.Referential or None, not "
                            f"{type(themes).__name__}")
        schema = fspath(schema) if schema is not None else None
        self.ptr = None
        self.matches = None
        rc, ptr = _core.snplp_lheo_options_new()  # private: no lock
        check(rc)
        self.ptr = ptr
        rc, matches = _core.snplp_lheo_matches_new()
        check(rc)
        self.matches = matches
        check(_core.snplp_lheo_options_set_matches(ptr, matches))
        check(_core.snplp_lheo_options_set_accept_matches(ptr, accept_matches))
        check(_core.snplp_lheo_options_set_min_score(ptr, min_score))
        if themes is not None:  # borrowed: the caller's Referential outlives the import
            check(_core.snplp_lheo_options_set_themes(ptr, themes._ptr))
        if schema is not None:
            check(_core.snplp_lheo_options_set_schema_file(ptr, schema))

    def __enter__(self):
        return self

    def match_list(self) -> List[dict]:
        """The matches the import listed, as dicts (see LheoImport.matches)."""
        m = self.matches
        out = []
        for i in range(_core.snplp_lheo_matches_count(m)):
            out.append({
                "module": _core.snplp_lheo_match_module_id(m, i),
                "theme": _core.snplp_lheo_match_theme_id(m, i),
                "score": _core.snplp_lheo_match_score(m, i),
                "tie": bool(_core.snplp_lheo_match_tie(m, i)),
                "applied": bool(_core.snplp_lheo_match_applied(m, i)),
                "labels": [_core.snplp_lheo_match_label_at(m, i, k)
                           for k in range(_core.snplp_lheo_match_label_count(m, i))],
            })
        return out

    def __exit__(self, *exc):
        ptr, self.ptr = self.ptr, None
        if ptr is not None:
            _core.snplp_lheo_options_free(ptr)
        matches, self.matches = self.matches, None
        if matches is not None:
            _core.snplp_lheo_matches_free(matches)


@_cdoc("snplp_lheo_import_file", "snplp_lheo_import_memory", "snplp_lheo_import_callback",
       "snplp_lheo_options_set_accept_matches", "snplp_lheo_options_set_min_score",
       "snplp_lheo_options_set_themes", "snplp_lheo_options_set_schema_file", summaries=False,
       note="Imports an LHEO 2.3 document (a feed of training offers) into a new catalogue and "
            "new training records: each ``<formation>`` a module with its offer, its "
            "``<organisme-formation-responsable>`` a training body, each ``<session>`` a "
            "session; what the model does not hold is kept as LHEO elements, written back by "
            ":meth:`snplp.Referential.to_lheo`, and each offer is matched to the national "
            "themes (docs/lheo.md, \"Import\").\n\n"
            "Returns a :class:`LheoImport`: the pair ``(catalogue, records)`` (a new "
            ":class:`snplp.Referential` and new :class:`Records`) with the findings in "
            "``diagnostics`` (also in the ``import_diagnostics`` of both). ``source`` is a "
            "path (str or pathlib.Path), the document as bytes (or bytearray, memoryview), or "
            "a binary or text file-like object or callable ``read(size)``; a document held in "
            "a str is given as ``text=`` (a str given as ``source`` is always a path: one "
            "that looks like a document raises ValueError). ``accept_matches=True`` applies "
            "every match of an offer to a national theme, ``min_score`` those scoring at "
            "least that much (a label found in the title counts 3, in the objectives 2, in "
            "the content 1); otherwise a match is only a finding and the module's theme id is "
            "LHEO_NO_THEME (\"theme-none\"). ``themes`` is the snplp.Referential whose themes "
            "the offers are matched to (the built-in referential when None). ``schema`` is "
            "the path of an XML Schema (the official lheo.xsd 2.3) the document is validated "
            "against as it streams: each problem is a finding ``schema`` with its line, and "
            "an invalid document raises ParseError. ``name`` names the input in messages "
            "(default: the stream's ``name``); ``progress`` is a callable (done, total) that "
            "cancels the import by returning False. A document that is not well-formed, "
            "past a limit or invalid raises ParseError carrying every finding in "
            "``err.diagnostics``; a file that cannot be opened raises the built-in "
            "FileNotFoundError, PermissionError or IsADirectoryError (also "
            "InputOutputError). The GIL is released during the import.")
def from_lheo(source=None, *, text: Optional[str] = None, accept_matches: bool = False,
              min_score: int = 0, themes: Optional[Referential] = None, schema=None,
              name: Optional[str] = None, progress=None) -> LheoImport:
    name = _opt_str(name, "name")
    fn, args, path = _lheo_source(source, text, name)
    # the import reads no existing model, except the referential of ``themes``: then it holds
    # the package's lock, as every call that reads a model does
    call = getattr(_core if themes is None else _c, fn)
    with _Diagnostics() as d, _ImportOptions(False, False, progress) as opts, \
            _LheoOptions(accept_matches, min_score, themes, schema) as lheo:
        rc, cat, rec = call(d.ptr, *args, opts.ptr, lheo.ptr)
        err = error_for(rc, (), path) if rc != _OK else None  # the message first
        found = d.list()
        matches = lheo.match_list()
    if err is not None:
        if cat is not None:
            _core.snplp_referential_unref(cat)
        if rec is not None:
            _core.snplp_records_unref(rec)
        err.diagnostics = found
        raise err
    result = LheoImport(Referential._adopt(cat, found), Records._own(rec, found))
    result.__dict__["_diagnostics"] = found
    result.__dict__["_matches"] = matches
    return result
