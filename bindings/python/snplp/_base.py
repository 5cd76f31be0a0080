"""Pieces shared by the classes of the package: collections, exact decimals and dates.

Lifetime rule (issue 7, "Safe"): a C root object (a referential, a convention, a list of
conventions...) is owned by exactly one Python wrapper, which releases it when it dies; every
wrapper of something the root owns (a theme, an action, a matrix row...) keeps a reference to
the root's wrapper in ``_ref``, so the C object it points into lives at least as long as it.
"""

from __future__ import annotations

import datetime
import decimal
import numbers
import operator
import os
import re
import threading
from collections.abc import Sequence
from typing import Any, Callable, Iterator, NamedTuple, Optional, Tuple, Union

from . import _core

#: Held during the package's calls into the C library (one lock for the whole package).
#: snplp._core releases the GIL during long calls (validation, searches, matrices, syntheses,
#: imports, exports); the C library lets several threads read one model at once, but a thread
#: that changes a model must have it to itself. Serialising the calls keeps a Python program
#: that shares a model between threads from changing it while another thread's call reads it.
#: It is re-entrant: a callable given to an export may call back into the package from the
#: same thread. Imports and releases do not take it (see _conventions and _referential).
LOCK = threading.RLock()


def locked(fn: Callable) -> Callable:
    """``fn`` called with :data:`LOCK` held (same name and documentation)."""

    def call(*args):
        with LOCK:
            return fn(*args)

    call.__name__ = getattr(fn, "__name__", "call")
    call.__doc__ = fn.__doc__
    return call


class Owner:
    """Base of a root wrapper, which owns its C object in ``_ptr`` (the lifetime rule above):
    :meth:`_own` makes one, without ``__init__``, around a pointer the caller took for it;
    ``__del__`` releases it with the ``_core`` function named ``_release``. Releasing takes no
    lock: nothing else uses the object then (and a reference count is atomic)."""

    __slots__ = ()
    _release = ""  # "snplp_convention_unref", "snplp_matrix_free"...

    @classmethod
    def _own(cls, ptr):
        """A wrapper owning one reference that the caller took for it."""
        obj = object.__new__(cls)
        obj._ptr = ptr
        return obj

    def __del__(self):
        ptr = getattr(self, "_ptr", None)
        if ptr is not None:
            self._ptr = None
            try:
                getattr(_core, self._release)(ptr)
            except Exception:  # interpreter shutdown
                pass


def wrap(cls, ptr, ref):
    """A ``cls`` wrapper, made without ``__init__``, of ``ptr``, something the root wrapped by
    ``ref`` owns: it keeps ``ref`` alive in ``_ref``. None for a None pointer. Classes use it
    as ``_wrap = classmethod(wrap)``."""
    if ptr is None:
        return None
    obj = object.__new__(cls)
    obj._ptr = ptr
    obj._ref = ref
    return obj


MAX_SCALE = 18
_INT64_MAX = 2**63 - 1


class Collection(Sequence):
    """A read-only view of a list the C library owns: ``len()``, iteration, indexing by
    position (negative too, slices give lists), lookup by id (``coll["theme-x"]``), ``in``
    (an id or an object), :meth:`get` and :meth:`ids`.

    It reads the C list each time, so it always shows the current content.
    """

    __slots__ = ("_count", "_at", "_find", "_what")

    def __init__(
        self,
        count: Callable[[], int],
        at: Callable[[int], Any],
        find: Optional[Callable[[str], Any]] = None,
        what: str = "item",
    ):
        self._count = count
        self._at = at
        self._find = find
        self._what = what

    def __len__(self) -> int:
        return int(self._count())

    def __getitem__(self, key):
        if isinstance(key, str):
            if self._find is None:
                raise TypeError(f"{self._what}s are not looked up by id")
            found = self._find(key)
            if found is None:
                raise KeyError(key)
            return found
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        if as_index(key) is None:
            raise TypeError(f"indices are int or str (an id), not {type(key).__name__}")
        key = as_index(key)
        n = len(self)
        if key < 0:
            key += n
        if not 0 <= key < n:
            raise IndexError(f"{self._what} index out of range")
        return self._at(key)

    def __iter__(self) -> Iterator[Any]:
        for i in range(len(self)):
            yield self._at(i)

    def __contains__(self, value) -> bool:
        if isinstance(value, str):
            return self._find is not None and self._find(value) is not None
        return any(value == x for x in self)

    def get(self, key: str, default=None):
        """The element whose id is ``key``, or ``default``."""
        try:
            return self[key]
        except (KeyError, TypeError):
            return default

    def ids(self) -> list:
        """The ids of the elements, in order."""
        return [x.id for x in self]

    def __repr__(self) -> str:
        return f"<{len(self)} {self._what}s>"


class ForeignAttribute(NamedTuple):
    """An attribute of another namespace kept on an item, a convention, an action or an
    indicator (extension.h): written back by an export."""

    namespace: str
    prefix: str
    name: str
    value: str


def to_decimal(value: Tuple[int, int]) -> decimal.Decimal:
    """A C ``snplp_decimal`` ``(units, scale)`` as an exact :class:`decimal.Decimal`, digit for
    digit (``(1250, 2)`` is ``Decimal("12.50")``)."""
    units, scale = value
    return decimal.Decimal(units).scaleb(-scale) if scale else decimal.Decimal(units)


def as_index(value) -> Optional[int]:
    """``value`` as an ``int`` when it is an integer: an ``int`` or any object with
    ``__index__`` (``numpy.int64``, any :class:`numbers.Integral`); None for a ``bool`` (not a
    number here) and for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (str, bytes, float, decimal.Decimal)):
        return None
    try:
        return operator.index(value)
    except TypeError:
        return None


def parse_decimal(text: str) -> Tuple[int, int]:
    """The plain text form of a decimal ("-12.50": an optional '-', ASCII digits, optionally
    '.' and digits; no space, '+', exponent or grouping) as ``(units, scale)``: the rule of the
    C library (snplp_decimal_parse()), the one the CSV import applies (with the dialect's decimal
    separator) and the XML format writes. ValueError says what is wrong."""
    rc, value = _core.snplp_decimal_parse(text)
    if rc != _core.SNPLP_OK:
        raise ValueError(f"{text!r} is not a decimal number: {_core.snplp_error_last_reason()}")
    return value


_EXACT = "a decimal.Decimal, an int (or an integer such as numpy.int64) or a str such as \"12.50\""


def from_decimal(value: Union[decimal.Decimal, int, str]) -> Tuple[int, int]:
    """An exact value as a C ``snplp_decimal`` ``(units, scale)``: a :class:`decimal.Decimal`,
    an integer (``int``, or anything with ``__index__`` such as ``numpy.int64``) or a ``str`` in
    the plain form of the C library and the CSV import (:func:`parse_decimal`: "12.50", never
    "1e3" or " 12 "). Floats (``float``, ``numpy.float64``, any other
    :class:`numbers.Real`) are refused, as not exact, and so are ``bool`` values.

    Raises ``TypeError`` for other types and ``ValueError`` for values the C type cannot hold
    (NaN, infinities, more than 18 decimals, more than 63 bits of units) or a malformed str."""
    if isinstance(value, bool):
        raise TypeError(f"a bool is not a number: give {_EXACT}")
    if isinstance(value, str):
        return parse_decimal(value)
    if isinstance(value, decimal.Decimal):
        d = value
    else:
        i = as_index(value)
        if i is None:
            if isinstance(value, numbers.Real):
                raise TypeError(f"a {type(value).__name__} is not exact: give {_EXACT} "
                                f"(e.g. decimal.Decimal(\"12.5\"))")
            raise TypeError(f"an exact value is {_EXACT}, not {type(value).__name__}")
        d = decimal.Decimal(i)
    if not d.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    sign, digits, exponent = d.as_tuple()
    units = int("".join(map(str, digits)) or "0")
    if exponent > 0:
        units *= 10**exponent
        exponent = 0
    scale = -exponent
    if scale > MAX_SCALE:
        raise ValueError(f"{value!r} has more than {MAX_SCALE} decimals")
    if units > _INT64_MAX:
        raise ValueError(f"{value!r} has too many digits for a 64-bit decimal")
    return (-units if sign else units, scale)


def to_date(value: Tuple[int, int, int]) -> datetime.date:
    """A C ``snplp_date`` ``(year, month, day)`` as a :class:`datetime.date`."""
    return datetime.date(*value)


def from_date(value: Union[datetime.date, str]) -> Tuple[int, int, int]:
    """A :class:`datetime.date` (a ``datetime`` is refused: dates have no time) or an ISO
    "YYYY-MM-DD" string as a C ``snplp_date``."""
    if isinstance(value, datetime.datetime):
        raise TypeError("a date, not a datetime")
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    if not isinstance(value, datetime.date):
        raise TypeError(f"a datetime.date or an ISO date string, not {type(value).__name__}")
    return (value.year, value.month, value.day)


def fspath(path) -> str:
    """A path given as ``str`` or :class:`pathlib.Path` (any ``os.PathLike``)."""
    p = os.fspath(path)
    if isinstance(p, bytes):
        p = os.fsdecode(p)
    return p


#: The XML declaration at the start of a document, and the encoding it declares.
_XML_DECL = re.compile(r"\A(\ufeff?<\?xml\s[^>]*?\bencoding\s*=\s*)(['\"])([^'\"]*)\2")
#: How far a text stream is buffered to find the end of its XML declaration.
_DECL_MAX = 1024


def reader(source, xml: bool = False) -> Callable[[int], bytes]:
    """A read callback ``read(size) -> bytes`` (at most ``size`` bytes, ``b""`` at the end)
    over a binary file-like object, a text one, or a callable ``read(size)`` that returns
    ``bytes`` or ``str``.

    A text stream's characters are encoded in UTF-8, what the library reads. Python has already
    decoded them, whatever the file's encoding was, so for an XML document (``xml``) an
    encoding its declaration names (``<?xml version="1.0" encoding="ISO-8859-1"?>``) is no
    longer the bytes' encoding: it is rewritten as "UTF-8" (only in what the library reads)."""
    read = getattr(source, "read", None)
    if read is None:
        if not callable(source):
            raise TypeError(f"a file-like object with read() or a callable read(size), not "
                            f"{type(source).__name__}")
        read = source
    pending = bytearray()
    state = {"start": xml, "end": False}

    def text_start(data: str, size: int) -> str:
        """The first characters of a text document, its declaration's encoding made UTF-8."""
        def in_decl(text: str) -> bool:  # may still be inside an XML declaration
            head = text.lstrip("\ufeff")
            return head.startswith("<?xml") or "<?xml".startswith(head)

        while "?>" not in data and in_decl(data) and len(data) < _DECL_MAX:
            more = read(size)
            if not more:
                break
            if not isinstance(more, str):
                raise TypeError(f"read() returned str then {type(more).__name__}")
            data += more
        return _XML_DECL.sub(lambda m: f"{m[1]}{m[2]}UTF-8{m[2]}", data, count=1)

    def chunk(size: int) -> bytes:
        while not pending and not state["end"]:
            data = read(size)
            if data is None:
                data = b""
            if isinstance(data, str):
                if state["start"] and data:
                    data = text_start(data, size)
                data = data.encode("utf-8")
            elif isinstance(data, (bytes, bytearray, memoryview)):
                data = bytes(data)
            else:
                raise TypeError(f"read() must return bytes or str, not {type(data).__name__}")
            state["start"] = False
            if not data:
                state["end"] = True
            pending.extend(data)
        out = bytes(pending[:size])
        del pending[:size]
        return out

    return chunk


#: The C documentation's phrases that name a C parameter which the Python method does not have
#: (the object itself, a length, a callback, an output list), said as Python sees them. Applied
#: to every C text the package turns into a docstring (tests/python/test_docstrings.py checks
#: that no docstring's summary names a C parameter the method lacks).
_C_PARAMETER_PHRASES = (
    (re.compile(r"``count`` conventions"), "the conventions"),
    (re.compile(r"indicator values from ``size`` bytes at ``data``"), "indicator values from CSV"),
    (re.compile(r"from ``size`` bytes at ``data`` into ``records``"), "from CSV into the records"),
    (re.compile(r"from ``size`` bytes at ``data``"), "from the bytes ``data``"),
    (re.compile(r"into the conventions of ``list``"), "into the conventions of the list"),
    (re.compile(r"\b(of|with) row ``row``"), r"\1 the row"),
    (re.compile(r"with status ``status``"), "with each status"),
    (re.compile(r"of signatory ``index``"), "of each signatory"),
    (re.compile(r"\b(of|in) ``year``"), r"\1 the year"),
    (re.compile(r"Exports ``ref``"), "Exports the referential"),
    (re.compile(r"through ``(?:read|write)``"), "through the stream"),
    (re.compile(r"what ``read`` delivers"), "what the stream delivers"),
    (re.compile(r"appends every finding to ``diags``"), "collects every finding"),
)


def python_text(text: str) -> str:
    """C documentation said for Python: the phrases of :data:`_C_PARAMETER_PHRASES`."""
    for pattern, repl in _C_PARAMETER_PHRASES:
        text = pattern.sub(repl, text)
    return text
