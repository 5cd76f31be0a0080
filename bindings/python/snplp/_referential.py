"""The referential side of libsnplp: the model of the strategy, its items, XML, search, text.

One class per item kind (:class:`Module`, :class:`Theme`...), all sharing :class:`Item`; the
root :class:`Referential` owns the C referential and every item wrapper keeps it alive
(``item._ref``, the lifetime rule of ``_base``).

Naming: a method or property is the C function's name without its ``snplp_<type>_`` prefix
(``snplp_module_set_title`` is ``module.title = ...``, ``snplp_theme_add_objective`` is
``theme.add_objective``); a child list ``snplp_<type>_<x>_count``/``_at`` is the collection
``<x>s`` (``theme.modules``, ``content.children``, ``plan.plan_themes``). The docstrings are
the C documentation (the Doxygen text SWIG put on the raw functions of ``_core``), never
written twice: ``help(snplp.Module)``.

Values: texts are ``str`` and an unset optional text is ``None`` (assigning ``None`` unsets
it); optional numbers are ``None`` when unset and assigning ``None`` clears them; durations are
``float`` days, amounts ``int`` euro cents; the strategy's launch date stays the ISO ``str``
the C API gives ("2018", "2018-09", "2018-09-12": the sources often give only a month);
enumerations are :class:`enum.IntEnum` classes built from the C constants (:class:`Level`,
:class:`Style`, :class:`Category`, :class:`Kind`, :class:`Field`) whose ``str()`` is the
library's name ("expert") and which also accept that name (``Level("expert")``, and
``module.level = "expert"``).

Errors: a failing status raises the subclass of :class:`snplp.Error` named after it; ``None``
where an id or a text is required, or a value of the wrong type, raises ``TypeError`` before
the C library is called.
"""

from __future__ import annotations

import codecs
import datetime
import decimal
import enum
import inspect
import io
import numbers
import operator
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as _dc_field
from typing import Any, Callable, Iterable, Iterator, List, Optional, Tuple, Union

from . import _core
from . import _errors
from ._base import Collection, ForeignAttribute, Owner, fspath, locked, python_text, reader, wrap
from ._errors import Diagnostic, diagnostics_from, error_for
from ._errors import check as _check

__all__ = [
    # enumerations
    "Kind",
    "Field",
    "Level",
    "Style",
    "Category",
    "OfferCode",
    "OfferText",
    # the root and its items
    "Referential",
    "Item",
    "Strategy",
    "TrainingPlan",
    "Commitment",
    "Lever",
    "Theme",
    "Module",
    "Competence",
    "Content",
    "Objective",
    "Outcome",
    "Recommendation",
    "Profession",
    "DiplomaRule",
    "Funding",
    "Plan",
    "PlanTheme",
    "Figure",
    # values
    "TextList",
    "IdList",
    "ForeignAttribute",
    "SearchHit",
    "LheoDocument",
    # module-level functions
    "text_compare",
    "text_sort",
    "text_order",
    "text_fold",
    "id_is_valid",
    "offer_code_label",
    "offer_code_table",
    "xml_schema",
    "version",
    "version_number",
    "dependency_version",
    "memory_used",
    "memory_blocks",
    "memory_peak",
    "memory_reset_peak",
]

_OK = _core.SNPLP_OK
_ENOTFOUND = _core.SNPLP_ENOTFOUND
_EVALIDATION = _core.SNPLP_EVALIDATION

# ---------------------------------------------------------------------------------------------
# The C functions used, and their documentation
# ---------------------------------------------------------------------------------------------

#: Every name of ``_core`` this module calls (the tests check that ``_core`` has them all).
USED_C_FUNCTIONS: set = set()


_WRAPPED: dict = {}


def _c(name: str) -> Callable:
    """The raw function ``name`` of ``_core``; a stub raising ``NotImplementedError`` if the
    raw layer lacks it (so one missing function does not break the import of the package)."""
    USED_C_FUNCTIONS.add(name)
    fn = getattr(_core, name, None)
    if fn is not None:
        # the package's lock (snplp._base.LOCK), except for imports (they read no existing
        # model) and releases
        if callable(fn) and "_import_" not in name and not name.endswith("_unref"):
            if name not in _WRAPPED:
                _WRAPPED[name] = locked(fn)
            return _WRAPPED[name]
        return fn

    def missing(*args, **kwargs):
        raise NotImplementedError(f"snplp._core has no {name}")

    missing.__name__ = name
    return missing


def _exception_names() -> dict:
    return {_core.snplp_status_name(status): cls.__name__
            for status, cls in _errors._BY_STATUS.items()}


_STATUS_EXCEPTION = _exception_names()
_SIGNATURE = re.compile(r"^\s*[\w.]+\(.*\)(\s*->.*)?\s*$")


def _clean(text: str) -> str:
    """One paragraph of C documentation, read from Python: white space collapsed, Doxygen's
    ``#`` links dropped, what only concerns C (NULL objects, borrowed pointers) left out, NULL
    said None."""
    text = " ".join(text.split())
    text = re.sub(r"``(\w+)([^\w`]+)``", r"``\1``\2", text)  # SWIG quotes "@p out)" whole
    text = re.sub(r"#(\w)", r"\1", text)
    text = re.sub(r"\s*\([^()]* for NULL\)", "", text)
    text = re.sub(r"\s*,?\s*\(or for NULL\)", "", text)
    text = re.sub(r"\s*(?:or for NULL)", "", text)
    text = re.sub(r"\s*Borrowed\b[^.]*\.", "", text)
    text = re.sub(r"\s*\(NULL (?:object|argument|options)\)", "", text)
    text = re.sub(r"\(NULL (?:object|argument)(?:,\s*|\s+or\s+)", "(", text)
    text = re.sub(r"\bNULL\b", "None", text)
    return python_text(text).strip()


def _c_doc(fn) -> tuple:
    """(the paragraphs of the description, the text of @return, {parameter: its text}) of a
    raw function."""
    raw = getattr(fn, "__doc__", None) or ""
    lines = raw.strip("\n").splitlines()
    while lines and _SIGNATURE.match(lines[0]):
        lines.pop(0)
    raw = "\n".join(lines)
    m = re.search(r":return:(.*?)(?=^\s*:\w|\Z)", raw, re.S | re.M)
    returns = _clean(m.group(1)) if m else ""
    params = {name: _clean(text) for name, text in
              re.findall(r"^\s*:param (\w+):(.*?)(?=^\s*:\w|\Z)", raw, re.S | re.M)}
    # an inline @return may follow the brief on its line ("Unsets the duration. :rtype: int")
    desc = re.split(r":(?:rtype|type|param|return|raises)\b", raw, maxsplit=1)[0]
    paragraphs = [_clean(p) for p in re.split(r"\n\s*\n", desc)]
    return [p for p in paragraphs if p], returns, params


def _statuses(returns: str) -> str:
    """The @return text of a C function with each status followed by its exception."""
    return re.sub(
        r"\b(SNPLP_E[A-Z]+)\b",
        lambda m: f"{m.group(1)} [{_STATUS_EXCEPTION[m.group(1)]}]"
        if m.group(1) in _STATUS_EXCEPTION
        else m.group(1),
        returns,
    )


def _doc(*names: str, first: bool = False, head: str = "", note: str = "",
         status: Optional[int] = 0, status_from: Optional[str] = None,
         params: Optional[dict] = None) -> str:
    """A docstring made of the C documentation of the functions ``names``: ``head``, the first
    one's description (only its first paragraph with ``first``) with ``note`` after its first
    paragraph, the C documentation of the first one's parameters named in ``params`` ({C name:
    Python name}), the first paragraph of each other one, the statuses that function
    ``status`` (an index in ``names``) or ``status_from`` (another name) returns, mapped to
    exceptions, and the C names. Paragraphs are wrapped for help()."""
    parts = [head]
    returns_of = []
    for i, name in enumerate(names):
        paragraphs, returns, c_params = _c_doc(_c(name))
        if i == 0:
            paragraphs = paragraphs[:1] if first else paragraphs
            parts.extend(paragraphs[:1] + [note] + paragraphs[1:])
            for c_param, py_param in (params or {}).items():
                if c_params.get(c_param):
                    parts.append(f"``{py_param}``: {c_params[c_param]}")
        elif paragraphs:
            parts.append(paragraphs[0])
        returns_of.append(returns)
    if status_from is not None:
        returns = _c_doc(_c(status_from))[1]
        names += (status_from,)
    else:
        returns = returns_of[status] if status is not None else ""
    if "SNPLP_E" in returns:
        parts.append("C status: " + _statuses(returns))
    parts.append("C: " + ", ".join(f"{n}()" for n in names))
    return "\n\n".join(_wrap(p) for p in parts if p)


def _wrap(paragraph: str) -> str:
    return "\n".join(textwrap.fill(line, 92, break_on_hyphens=False, break_long_words=False)
                     for line in paragraph.split("\n"))


def _from_c(*names: str, head: str = "", note: str = "", status: Optional[int] = 0,
            params: Optional[dict] = None):
    """Decorator: the docstring of a method is the C documentation of ``names``."""

    def deco(fn):
        fn.__doc__ = _doc(*names, head=head, note=note, status=status, params=params)
        return fn

    return deco


# ---------------------------------------------------------------------------------------------
# Argument checks
# ---------------------------------------------------------------------------------------------


def _str(value, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def _opt_str(value, what: str) -> Optional[str]:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{what} must be a str or None, not {type(value).__name__}")
    return value


def _int(value, what: str) -> int:
    if isinstance(value, bool):
        raise TypeError(f"{what} must be an int, not bool")
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{what} must be an int, not {type(value).__name__}") from None


def _float(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, decimal.Decimal)):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}")
    return float(value)


def _bool(value, what: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{what} must be a bool, not {type(value).__name__}")
    return value


def _addr(ptr) -> int:
    """The address a raw pointer object holds (what makes two wrappers the same item)."""
    try:
        return int(ptr)
    except TypeError:
        return int(ptr.this)


# ---------------------------------------------------------------------------------------------
# Enumerations, built from the C constants
# ---------------------------------------------------------------------------------------------


class _CEnum(enum.IntEnum):
    """An enumeration of the C API: an ``int`` whose ``str()`` is the library's name for it;
    the constructor also takes that name (or the member's name)."""

    def __str__(self) -> str:
        return type(self)._c_name(int(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if value == str(member) or value.upper().replace("-", "_") == member.name:
                    return member
        return None


def _c_enum(name: str, prefix: str, namer: str, doc: str,
            only: Optional[Tuple[str, ...]] = None):
    """An enumeration of the C constants ``prefix*`` (only those named ``prefix + only[i]``
    when the prefix is shared by several C enumerations, as SNPLP_OFFER_ is)."""
    members = sorted(
        ((n[len(prefix):], int(v)) for n, v in vars(_core).items()
         if n.startswith(prefix) and isinstance(v, int) and not isinstance(v, bool)
         and (only is None or n[len(prefix):] in only)),
        key=lambda kv: kv[1],
    )
    cls = _CEnum(name, members, module=__name__, qualname=name)
    cls._c_name = staticmethod(_c(namer))
    cls.__doc__ = f"{doc}\n\n``str()`` gives {namer}(); C: {prefix}*."
    return cls


Kind = _c_enum("Kind", "SNPLP_KIND_", "snplp_kind_name",
               "The kinds of items a referential holds (snplp_kind, common.h).")
Field = _c_enum("Field", "SNPLP_FIELD_", "snplp_field_name",
                "The text fields of items, as named in search hits (snplp_field, common.h).")
Level = _c_enum("Level", "SNPLP_LEVEL_", "snplp_level_name",
                "The level of a module (snplp_level, module.h).")
Style = _c_enum("Style", "SNPLP_STYLE_", "snplp_style_name",
                "How a content item is presented (snplp_style, content.h).")
Category = _c_enum("Category", "SNPLP_CATEGORY_", "snplp_category_name",
                   "Whether a profession is a social-work profession or a cadre role "
                   "(snplp_category, profession.h).")
OfferCode = _c_enum("OfferCode", "SNPLP_OFFER_", "snplp_offer_code_name",
                    "The coded values of a module's offer, for LHEO (snplp_offer_code, offer.h, "
                    "1.5): each is a key of an official LHEO table (offer_code_table(), "
                    "offer_code_label()).",
                    only=("PATH", "ENTRY_LEVEL", "EXIT_LEVEL", "CERTIFYING",
                          "ENTRY_LEVEL_REQUIRED", "FEES_COVERED"))
OfferText = _c_enum("OfferText", "SNPLP_OFFER_", "snplp_offer_text_name",
                    "The texts of a module's offer, for LHEO (snplp_offer_text, offer.h, 1.5).",
                    only=("RHYTHM", "WORK_STUDY", "CONDITIONS", "AUDIENCE_INFO", "OBJECTIVES",
                          "RESULTS", "CONTENT"))


def _enum_arg(cls, value, what: str) -> int:
    """An enumeration argument: a member, an int (the C library judges it) or a name."""
    if isinstance(value, bool):
        raise TypeError(f"{what} must be a {cls.__name__}, an int or a name, not bool")
    if isinstance(value, str):
        try:
            return int(cls(value))
        except ValueError:
            raise ValueError(f"{value!r} is not a {cls.__name__} "
                             f"({', '.join(str(m) for m in cls)})") from None
    if isinstance(value, int):
        return int(value)
    raise TypeError(f"{what} must be a {cls.__name__}, an int or a name, not "
                    f"{type(value).__name__}")


def _enum_value(cls, value: int):
    try:
        return cls(value)
    except ValueError:  # 0 for a NULL object: cannot happen for a live wrapper
        return int(value)


# ---------------------------------------------------------------------------------------------
# Lists of strings
# ---------------------------------------------------------------------------------------------


class TextList(Sequence):
    """A live view of a list of strings an item holds (alternative labels): ``len()``,
    iteration, indexing, ``in``, ``==`` with any sequence, and :meth:`add`."""

    __slots__ = ("_owner", "_count", "_at", "_add")

    def __init__(self, owner, count: Callable, at: Callable, add: Callable):
        """Made by the properties of items (``theme.labels``), not by hand."""
        self._owner = owner  # keeps the item, hence the referential, alive
        self._count = count
        self._at = at
        self._add = add

    def __len__(self) -> int:
        """The number of strings."""
        return int(self._count(self._owner._ptr))

    def __getitem__(self, index):
        """The string at ``index`` (negative too); a slice gives a list."""
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(f"indices must be int, not {type(index).__name__}")
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("index out of range")
        return self._at(self._owner._ptr, index)

    def __iter__(self) -> Iterator[str]:
        """The strings, in order."""
        for i in range(len(self)):
            yield self._at(self._owner._ptr, i)

    def __eq__(self, other) -> bool:
        """Whether ``other`` (any sequence but a str) holds the same strings in order."""
        if isinstance(other, (Sequence, TextList)) and not isinstance(other, (str, bytes)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None

    def add(self, value: str) -> None:
        """Appends ``value`` (see the ``add_`` method of the item)."""
        self._add(value)

    def __repr__(self) -> str:
        return repr(list(self))


class IdList(TextList):
    """A live view of a list of ids an item refers to (prerequisites, profession links): a
    :class:`TextList` that also has :meth:`remove`."""

    __slots__ = ("_remove",)

    def __init__(self, owner, count, at, add, remove):
        """Made by the properties of items (``module.prerequisites``), not by hand."""
        super().__init__(owner, count, at, add)
        self._remove = remove

    def remove(self, value: str) -> None:
        """Removes ``value`` (:class:`NotFoundError` if it is not in the list)."""
        self._remove(value)


# ---------------------------------------------------------------------------------------------
# Property factories: each reads its docstring from the C functions it calls
# ---------------------------------------------------------------------------------------------


def _text_prop(c: str, name: str, required: bool = False, setter: bool = True) -> property:
    get = _c(f"snplp_{c}_{name}")

    def fget(self):
        return get(self._ptr)

    if not setter:
        return property(fget, doc=_doc(f"snplp_{c}_{name}"))
    set_name = f"snplp_{c}_set_{name}"
    put = _c(set_name)

    def fset(self, value):
        _check(put(self._ptr, _str(value, name) if required else _opt_str(value, name)))

    note = "A str, never None (assigning None raises TypeError)." if required else ""
    doc = _doc(f"snplp_{c}_{name}", set_name, note=note, status=1)
    return property(fget, fset, doc=doc)


def _optional_number_prop(c: str, get_name: str, set_name: str, clear_name: str,
                          conv: Callable, kind: str) -> property:
    get, put, clear = _c(f"snplp_{c}_{get_name}"), _c(f"snplp_{c}_{set_name}"), \
        _c(f"snplp_{c}_{clear_name}")

    def fget(self):
        rc, value = get(self._ptr)
        if rc == _ENOTFOUND:
            return None
        _check(rc)
        return conv(value)

    def fset(self, value):
        if value is None:
            _check(clear(self._ptr))
        else:
            _check(put(self._ptr, (_int if conv is int else _float)(value, get_name)))

    doc = _doc(f"snplp_{c}_{get_name}", f"snplp_{c}_{set_name}", f"snplp_{c}_{clear_name}",
               note=f"A {kind}, None when not set; assigning None unsets it.", status=1)
    return property(fget, fset, doc=doc)


def _bool_prop(c: str, name: str) -> property:
    get, put = _c(f"snplp_{c}_{name}"), _c(f"snplp_{c}_set_{name}")

    def fget(self):
        return bool(get(self._ptr))

    def fset(self, value):
        _check(put(self._ptr, _bool(value, name)))

    return property(fget, fset, doc=_doc(f"snplp_{c}_{name}", f"snplp_{c}_set_{name}", status=1))


def _int_prop(c: str, name: str) -> property:
    get, put = _c(f"snplp_{c}_{name}"), _c(f"snplp_{c}_set_{name}")

    def fget(self):
        return int(get(self._ptr))

    def fset(self, value):
        _check(put(self._ptr, _int(value, name)))

    return property(fget, fset, doc=_doc(f"snplp_{c}_{name}", f"snplp_{c}_set_{name}", status=1))


def _enum_prop(c: str, name: str, enum_cls) -> property:
    get, put = _c(f"snplp_{c}_{name}"), _c(f"snplp_{c}_set_{name}")

    def fget(self):
        return _enum_value(enum_cls, get(self._ptr))

    def fset(self, value):
        _check(put(self._ptr, _enum_arg(enum_cls, value, name)))

    doc = _doc(f"snplp_{c}_{name}", f"snplp_{c}_set_{name}", status=1,
               note=f"A {enum_cls.__name__}; a name (\"{str(next(iter(enum_cls)))}\") may be "
                     f"assigned.")
    return property(fget, fset, doc=doc)


def _parent_prop(c: str, name: str, cls_name: str) -> property:
    get = _c(f"snplp_{c}_{name}")

    def fget(self):
        return _CLASSES_BY_NAME[cls_name]._wrap(get(self._ptr), self._ref)

    return property(fget, doc=_doc(f"snplp_{c}_{name}"))


def _children_prop(c: str, stem: str, cls_name: str) -> property:
    count, at = _c(f"snplp_{c}_{stem}_count"), _c(f"snplp_{c}_{stem}_at")

    def fget(self):
        cls = _CLASSES_BY_NAME[cls_name]
        ref = self._ref
        ptr = self._ptr

        def find(id):
            for i in range(count(ptr)):
                if _core_id(cls, at(ptr, i)) == id:
                    return cls._wrap(at(ptr, i), ref)
            return None

        # the closures hold ref: the referential lives as long as the collection
        return Collection(lambda: count(ptr), lambda i: cls._wrap(at(ptr, i), ref), find,
                          what=stem.replace("_", " "))

    doc = _doc(f"snplp_{c}_{stem}_at", f"snplp_{c}_{stem}_count", first=True,
               head=f"The {stem.replace('_', ' ')}s, a live Collection of {cls_name} "
                     f"(len, iteration, index, lookup by id).")
    return property(fget, doc=doc)


def _strings_prop(c: str, stem: str, removable: bool = False) -> property:
    count, at = _c(f"snplp_{c}_{stem}_count"), _c(f"snplp_{c}_{stem}_at")
    add_name = f"add_{stem}"
    remove_name = f"remove_{stem}"

    def fget(self):
        if removable:
            return IdList(self, count, at, getattr(self, add_name), getattr(self, remove_name))
        return TextList(self, count, at, getattr(self, add_name))

    doc = _doc(f"snplp_{c}_{stem}_at", f"snplp_{c}_{stem}_count",
               f"snplp_{c}_add_{stem}", *([f"snplp_{c}_remove_{stem}"] if removable else []),
               first=True,
               head=f"The {stem.replace('_', ' ')}s, a live "
                    f"{'IdList' if removable else 'TextList'} of str "
                    f"(add{'/remove' if removable else ''}).")
    return property(fget, doc=doc)


def _core_id(cls, ptr) -> Optional[str]:
    return _c(f"snplp_{cls._cname}_id")(ptr)


def _adder(c: str, stem: str, cls_name: str, *arg_kinds: str, name: Optional[str] = None,
           c_name: Optional[str] = None, c_order: Optional[Tuple[str, ...]] = None):
    """A method ``add_<stem>(...)`` calling snplp_<c>_add_<stem>(out, obj, ...) (or ``c_name``,
    with the arguments in the order of the names ``c_order``) and returning the new item;
    ``arg_kinds`` says how each argument is checked ("id", "text", "level", "style",
    "category", "int")."""
    c_name = c_name or f"snplp_{c}_add_{stem}"
    fn = _c(c_name)
    convert = {
        "id": lambda v, w: _str(v, w),
        "text": lambda v, w: _str(v, w),
        "level": lambda v, w: _enum_arg(Level, v, w),
        "style": lambda v, w: _enum_arg(Style, v, w),
        "category": lambda v, w: _enum_arg(Category, v, w),
        "int": _int,
    }
    params = [k.split(":")[0] for k in arg_kinds]
    kinds = [k.split(":")[1] for k in arg_kinds]
    P = inspect.Parameter
    sig = inspect.Signature([P("self", P.POSITIONAL_OR_KEYWORD)]
                            + [P(p, P.POSITIONAL_OR_KEYWORD) for p in params])

    def method(self, *args, **kwargs):
        bound = sig.bind(self, *args, **kwargs)
        values = {p: convert[k](bound.arguments[p], p) for p, k in zip(params, kinds)}
        rc, ptr = fn(self._ptr, *(values[p] for p in (c_order or params)))
        _check(rc)
        return _CLASSES_BY_NAME[cls_name]._wrap(ptr, self._ref)

    method.__name__ = name or f"add_{stem}"
    method.__qualname__ = method.__name__
    method.__signature__ = sig
    method.__doc__ = _doc(c_name, note=f"Returns the new {cls_name}.")
    return method


def _string_method(c: str, verb: str, stem: str, param: str):
    """A method ``<verb>_<stem>(param)`` calling snplp_<c>_<verb>_<stem>(obj, param)."""
    c_name = f"snplp_{c}_{verb}_{stem}"
    fn = _c(c_name)
    P = inspect.Parameter
    sig = inspect.Signature(
        [P("self", P.POSITIONAL_OR_KEYWORD), P(param, P.POSITIONAL_OR_KEYWORD)],
        return_annotation=None)

    def method(self, *args, **kwargs) -> None:
        value = sig.bind(self, *args, **kwargs).arguments[param]
        _check(fn(self._ptr, _str(value, param)))

    method.__name__ = f"{verb}_{stem}"
    method.__qualname__ = method.__name__
    method.__signature__ = sig
    method.__doc__ = _doc(c_name)
    return method


# ---------------------------------------------------------------------------------------------
# The offer of a module (offer.h, 1.5)
# ---------------------------------------------------------------------------------------------


def _offer_code(value, what: str) -> int:
    """A code of an offer's coded value as C takes it: None unsets it (C: -1); a negative int
    is refused (None says "unset"); the C library checks the code against its table."""
    if value is None:
        return -1
    code = _int(value, what)
    if code < 0:
        raise _errors.InvalidArgumentError(
            f"{what}: {code} is not a code of the official LHEO table (assign None to unset it)")
    return code


def _offer_code_prop(which) -> property:
    """``module.offer_<which>``: the coded value ``which`` (an OfferCode) of the offer."""
    get, put = _c("snplp_module_offer_code"), _c("snplp_module_set_offer_code")
    name = f"offer_{which.name.lower()}"

    def fget(self) -> Optional[int]:
        code = int(get(self._ptr, int(which)))
        return None if code < 0 else code

    def fset(self, value: Optional[int]) -> None:
        _check(put(self._ptr, int(which), _offer_code(value, name)))

    table = _c("snplp_offer_code_table")(int(which))
    doc = _doc("snplp_module_offer_code", "snplp_module_set_offer_code", status=1,
               head=f"The offer's ``{which}`` code (LHEO table {table}): an int, None when "
                    f"not set; assigning None unsets it, a code that is not in the table "
                    f"raises InvalidArgumentError. offer_code_label(OfferCode.{which.name}, "
                    f"code) gives its official label.")
    return property(fget, fset, doc=doc)


def _offer_text_prop(which) -> property:
    """``module.offer_<which>``: the text ``which`` (an OfferText) of the offer."""
    get, put = _c("snplp_module_offer_text"), _c("snplp_module_set_offer_text")
    name = f"offer_{which.name.lower()}"

    def fget(self) -> Optional[str]:
        return get(self._ptr, int(which))

    def fset(self, value: Optional[str]) -> None:
        _check(put(self._ptr, int(which), _opt_str(value, name)))

    doc = _doc("snplp_module_offer_text", "snplp_module_set_offer_text", status=1,
               head=f"The offer's ``{which}`` text: a str, None when not set; assigning None "
                    f"unsets it (a blank text raises InvalidArgumentError).")
    return property(fget, fset, doc=doc)


# ---------------------------------------------------------------------------------------------
# Items
# ---------------------------------------------------------------------------------------------



_CLASSES_BY_KIND: dict = {}
_CLASSES_BY_NAME: dict = {}


class Item:
    """Base class of every item of a referential: its ``id`` (unique in the referential
    whatever the kind), ``kind``, ``referential``, and the extensions other software attached
    to it (extension.h).

    Items are not created directly: the ``add_`` methods of their parent create them. Two
    wrappers are ``==`` when they stand for the same C item. A wrapper keeps its referential
    alive (``_ref``)."""

    __slots__ = ("_ptr", "_ref")
    _cname = ""  # the C name of the type without snplp_ ("module")
    #: The kind of the item (a :class:`Kind`).
    kind: "Kind" = None

    def __init_subclass__(cls, c: str = "", kind: str = "", **kwargs):
        super().__init_subclass__(**kwargs)
        cls._cname = c
        cls.kind = Kind[kind]
        _CLASSES_BY_KIND[cls.kind] = cls
        _CLASSES_BY_NAME[cls.__name__] = cls
        get_id = _c(f"snplp_{c}_id")
        cls.id = property(lambda self: get_id(self._ptr), doc=_doc(f"snplp_{c}_id"))
        cls.referential = property(
            lambda self: self._ref,
            doc=_doc(f"snplp_{c}_referential",
                     head="The Referential wrapper this item belongs to."))

    def __init__(self, *args, **kwargs):
        """Raises TypeError: an item is created by an ``add_`` method of its parent."""
        raise TypeError(f"{type(self).__name__} items are created by the add_ methods of their "
                        f"parent (Referential.add_...)")

    _wrap = classmethod(wrap)

    def _label(self) -> Optional[str]:
        for name in ("title", "text"):
            if hasattr(type(self), name):
                return getattr(self, name)
        return None

    def __repr__(self) -> str:
        label = self._label()
        if label is None:
            return f"<{type(self).__name__} {self.id!r}>"
        label = " ".join(label.split())
        if len(label) > 40:
            label = label[:39] + "…"
        return f"<{type(self).__name__} {self.id!r}: {label!r}>"

    def __eq__(self, other) -> bool:
        """Whether ``other`` wraps the same C item (not a deep comparison)."""
        if not isinstance(other, Item):
            return NotImplemented
        return type(self) is type(other) and _addr(self._ptr) == _addr(other._ptr)

    def __hash__(self) -> int:
        return hash((Item, _addr(self._ptr)))

    # extensions (extension.h): elements and attributes of other namespaces

    @property
    def extensions(self) -> List[str]:
        ref, id = self._ref._ptr, self.id
        at = _c("snplp_referential_extension_at")
        return [at(ref, id, i) for i in range(_c("snplp_referential_extension_count")(ref, id))]

    extensions.__doc__ = _doc("snplp_referential_extension_at",
                              "snplp_referential_extension_count", first=True,
                              head="The extension elements of the item, a list of canonical "
                                    "XML fragments (str).")

    @_from_c("snplp_referential_add_extension", params={"xml": "xml"})
    def add_extension(self, xml: str) -> None:
        _check(_c("snplp_referential_add_extension")(self._ref._ptr, self.id, _str(xml, "xml")))

    @property
    def foreign_attributes(self) -> List[ForeignAttribute]:
        ref, id = self._ref._ptr, self.id
        at = _c("snplp_referential_foreign_attribute")
        out = []
        for i in range(_c("snplp_referential_foreign_attribute_count")(ref, id)):
            rc, ns, prefix, name, value = at(ref, id, i)
            _check(rc)
            out.append(ForeignAttribute(ns, prefix, name, value))
        return out

    foreign_attributes.__doc__ = _doc(
        "snplp_referential_foreign_attribute", "snplp_referential_foreign_attribute_count",
        first=True, head="The attributes of other namespaces on the item, a list of "
                          "ForeignAttribute(namespace, prefix, name, value).")

    @_from_c("snplp_referential_set_foreign_attribute",
             params={"ns": "namespace", "prefix": "prefix", "name": "name", "value": "value"})
    def set_foreign_attribute(self, namespace: str, prefix: str, name: str, value: str) -> None:
        _check(_c("snplp_referential_set_foreign_attribute")(
            self._ref._ptr, self.id, _str(namespace, "namespace"), _str(prefix, "prefix"),
            _str(name, "name"), _str(value, "value")))

    # the C functions take the item by id: here it is this item
    for _m in (add_extension, set_foreign_attribute):
        _m.__doc__ = _m.__doc__.replace("the item ``item_id``", "this item").replace(
            "``ns``", "``namespace``")
    del _m


class Strategy(Item, c="strategy", kind="STRATEGY"):
    """The strategy (Stratégie nationale de prévention et de lutte contre la pauvreté), one
    per referential, id "strategy" (snplp_strategy, strategy.h)."""

    __slots__ = ()
    title = _text_prop("strategy", "title")
    description = _text_prop("strategy", "description")
    launch_date = _text_prop("strategy", "launch_date")

    @launch_date.setter
    def launch_date(self, value):
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            value = value.isoformat()
        _check(_c("snplp_strategy_set_launch_date")(self._ptr, _opt_str(value, "launch_date")))

    launch_date.__doc__ = _doc(
        "snplp_strategy_launch_date", "snplp_strategy_set_launch_date",
        status=1,
        note="A str, as the C API keeps it (a year or a month may be all the sources give); "
             "a datetime.date may be assigned. Assigning None unsets it.")
    budget_cents = _optional_number_prop("strategy", "budget_cents", "set_budget_cents",
                                         "clear_budget", int, "number of euro cents")
    budget_text = _text_prop("strategy", "budget_text")
    add_label = _string_method("strategy", "add", "label", "label")
    labels = _strings_prop("strategy", "label")
    levers_open = _bool_prop("strategy", "levers_open")


class TrainingPlan(Item, c="training_plan", kind="TRAINING_PLAN"):
    """The training plan of social workers, one per referential, id "training-plan"
    (snplp_training_plan, training_plan.h)."""

    __slots__ = ()
    title = _text_prop("training_plan", "title")
    description = _text_prop("training_plan", "description")
    audience = _text_prop("training_plan", "audience")
    rule = _text_prop("training_plan", "rule")
    max_module_days = _optional_number_prop("training_plan", "max_module_days",
                                            "set_max_module_days", "clear_max_module_days",
                                            float, "number of days (float)")
    objectives = _children_prop("training_plan", "objective", "Objective")
    outcomes = _children_prop("training_plan", "outcome", "Outcome")
    add_objective = _adder("training_plan", "objective", "Objective", "id:id", "text:text")
    add_outcome = _adder("training_plan", "outcome", "Outcome", "id:id", "text:text")


class Commitment(Item, c="commitment", kind="COMMITMENT"):
    """A commitment (engagement) of the strategy (snplp_commitment, commitment.h)."""

    __slots__ = ()
    title = _text_prop("commitment", "title", required=True)
    description = _text_prop("commitment", "description")


class Lever(Item, c="lever", kind="LEVER"):
    """A lever (levier) for implementing the strategy (snplp_lever, lever.h)."""

    __slots__ = ()
    title = _text_prop("lever", "title", required=True)
    description = _text_prop("lever", "description")


class Theme(Item, c="theme", kind="THEME"):
    """A priority theme of the training plan, with its objectives, outcomes, recommendations
    and modules (snplp_theme, theme.h)."""

    __slots__ = ()
    title = _text_prop("theme", "title", required=True)
    description = _text_prop("theme", "description")
    add_label = _string_method("theme", "add", "label", "label")
    labels = _strings_prop("theme", "label")
    objectives = _children_prop("theme", "objective", "Objective")
    outcomes = _children_prop("theme", "outcome", "Outcome")
    recommendations = _children_prop("theme", "recommendation", "Recommendation")
    modules = _children_prop("theme", "module", "Module")
    add_objective = _adder("theme", "objective", "Objective", "id:id", "text:text")
    add_outcome = _adder("theme", "outcome", "Outcome", "id:id", "text:text")
    add_recommendation = _adder("theme", "recommendation", "Recommendation", "id:id",
                                "text:text")
    add_module = _adder("theme", "module", "Module", "id:id", "level:level", "title:text")


class Module(Item, c="module", kind="MODULE"):
    """A training module of a theme, with its competences (snplp_module, module.h)."""

    __slots__ = ()
    theme_id = _text_prop("module", "theme_id", required=True)
    theme = _parent_prop("module", "theme", "Theme")
    level = _enum_prop("module", "level", Level)
    title = _text_prop("module", "title", required=True)
    subtitle = _text_prop("module", "subtitle")
    audience = _text_prop("module", "audience")
    role = _text_prop("module", "role")
    duration_days = _optional_number_prop("module", "duration_days", "set_duration_days",
                                          "clear_duration", float, "number of days (float)")
    add_prerequisite = _string_method("module", "add", "prerequisite", "module_id")
    remove_prerequisite = _string_method("module", "remove", "prerequisite", "module_id")
    prerequisites = _strings_prop("module", "prerequisite", removable=True)
    add_profession = _string_method("module", "add", "profession", "profession_id")
    remove_profession = _string_method("module", "remove", "profession", "profession_id")
    professions = _strings_prop("module", "profession", removable=True)
    competences = _children_prop("module", "competence", "Competence")
    recommendations = _children_prop("module", "recommendation", "Recommendation")
    add_competence = _adder("module", "competence", "Competence", "id:id", "title:text")
    add_recommendation = _adder("module", "recommendation", "Recommendation", "id:id",
                                "text:text")

    # -- the offer (offer.h, 1.5): the offer_<code> and offer_<text> properties are set below

    @property
    def has_offer(self) -> bool:
        return bool(_c("snplp_module_has_offer")(self._ptr))

    has_offer.__doc__ = _doc("snplp_module_has_offer")

    @_from_c("snplp_module_offer_code",
             head="A coded value of the offer (an OfferCode, an int or a name such as "
                  "\"entry-level\"): an int, None when it is not set.",
             note="The named properties say the same: ``module.offer_path`` is "
                  "``module.offer_code(OfferCode.PATH)``.")
    def offer_code(self, which: Union[OfferCode, int, str]) -> Optional[int]:
        code = int(_c("snplp_module_offer_code")(self._ptr,
                                                 _enum_arg(OfferCode, which, "which")))
        return None if code < 0 else code

    @_from_c("snplp_module_set_offer_code",
             note="``which`` is an OfferCode, an int or a name (\"path\"); ``code`` an int of "
                  "the official LHEO table, or None to unset it.")
    def set_offer_code(self, which: Union[OfferCode, int, str], code: Optional[int]) -> None:
        _check(_c("snplp_module_set_offer_code")(
            self._ptr, _enum_arg(OfferCode, which, "which"), _offer_code(code, "code")))

    @_from_c("snplp_module_offer_text",
             head="A text of the offer (an OfferText, an int or a name such as \"rhythm\"): "
                  "a str, None when it is not set.",
             note="The named properties say the same: ``module.offer_rhythm`` is "
                  "``module.offer_text(OfferText.RHYTHM)``.")
    def offer_text(self, which: Union[OfferText, int, str]) -> Optional[str]:
        return _c("snplp_module_offer_text")(self._ptr, _enum_arg(OfferText, which, "which"))

    @_from_c("snplp_module_set_offer_text",
             note="``which`` is an OfferText, an int or a name (\"rhythm\"); ``text`` a str, "
                  "or None to unset it.")
    def set_offer_text(self, which: Union[OfferText, int, str], text: Optional[str]) -> None:
        _check(_c("snplp_module_set_offer_text")(
            self._ptr, _enum_arg(OfferText, which, "which"), _opt_str(text, "text")))

    formacode_version = _text_prop("module", "formacode_version")
    add_audience_code = _string_method("module", "add", "audience_code", "code")
    audience_codes = _strings_prop("module", "audience_code")

    @_from_c("snplp_module_clear_audience_codes")
    def clear_audience_codes(self) -> None:
        _check(_c("snplp_module_clear_audience_codes")(self._ptr))


for _member in OfferCode:
    setattr(Module, f"offer_{_member.name.lower()}", _offer_code_prop(_member))
for _member in OfferText:
    setattr(Module, f"offer_{_member.name.lower()}", _offer_text_prop(_member))
del _member


class Competence(Item, c="competence", kind="COMPETENCE"):
    """A competence a module develops, with its tree of content items (snplp_competence,
    competence.h)."""

    __slots__ = ()
    module = _parent_prop("competence", "module", "Module")
    title = _text_prop("competence", "title", required=True)
    contents = _children_prop("competence", "content", "Content")
    add_content = _adder("competence", "content", "Content", "id:id", "style:style",
                         "text:text")


class Content(Item, c="content", kind="CONTENT"):
    """A content item of a competence (a bullet, a numbered entry or a heading), with nested
    items (snplp_content, content.h)."""

    __slots__ = ()
    competence = _parent_prop("content", "competence", "Competence")
    parent = _parent_prop("content", "parent", "Content")
    text = _text_prop("content", "text", required=True)
    style = _enum_prop("content", "style", Style)
    children = _children_prop("content", "child", "Content")
    add_child = _adder("content", "child", "Content", "id:id", "style:style", "text:text")


class Objective(Item, c="objective", kind="OBJECTIVE"):
    """An objective of the training plan or of a theme (snplp_objective, objective.h)."""

    __slots__ = ()
    text = _text_prop("objective", "text", required=True)


class Outcome(Item, c="outcome", kind="OUTCOME"):
    """A learning outcome of the training plan or of a theme (snplp_outcome, outcome.h)."""

    __slots__ = ()
    text = _text_prop("outcome", "text", required=True)
    for_involved = _bool_prop("outcome", "for_involved")


class Recommendation(Item, c="recommendation", kind="RECOMMENDATION"):
    """A pedagogical recommendation of a theme or a module (snplp_recommendation,
    recommendation.h)."""

    __slots__ = ()
    text = _text_prop("recommendation", "text", required=True)


class Profession(Item, c="profession", kind="PROFESSION"):
    """A profession targeted by the training plan, or a cadre role (snplp_profession,
    profession.h)."""

    __slots__ = ()
    title = _text_prop("profession", "title", required=True)
    abbreviation = _text_prop("profession", "abbreviation")
    category = _enum_prop("profession", "category", Category)


class DiplomaRule(Item, c="diploma_rule", kind="DIPLOMA_RULE"):
    """A diploma-level rule for the priority public (snplp_diploma_rule, diploma_rule.h)."""

    __slots__ = ()
    text = _text_prop("diploma_rule", "text", required=True)
    min_level = _optional_number_prop("diploma_rule", "min_level", "set_min_level",
                                      "clear_min_level", int, "level (int, 1 to 8)")


class Funding(Item, c="funding", kind="FUNDING"):
    """A funding line: an amount in euro cents, its period and wording (snplp_funding,
    funding.h)."""

    __slots__ = ()
    title = _text_prop("funding", "title", required=True)
    amount_cents = _optional_number_prop("funding", "amount_cents", "set_amount_cents",
                                         "clear_amount", int, "number of euro cents")
    period = _text_prop("funding", "period")
    source_text = _text_prop("funding", "source_text")


class Plan(Item, c="plan", kind="PLAN"):
    """Another plan of the strategy, with its themes and key figures (snplp_plan, plan.h)."""

    __slots__ = ()
    title = _text_prop("plan", "title", required=True)
    description = _text_prop("plan", "description")
    add_label = _string_method("plan", "add", "label", "label")
    labels = _strings_prop("plan", "label")
    plan_themes = _children_prop("plan", "plan_theme", "PlanTheme")
    figures = _children_prop("plan", "figure", "Figure")
    add_plan_theme = _adder("plan", "plan_theme", "PlanTheme", "id:id", "title:text")
    add_figure = _adder("plan", "figure", "Figure", "id:id", "value:int", "text:text")


class PlanTheme(Item, c="plan_theme", kind="PLAN_THEME"):
    """A theme of another plan (snplp_plan_theme, plan_theme.h)."""

    __slots__ = ()
    plan = _parent_prop("plan_theme", "plan", "Plan")
    title = _text_prop("plan_theme", "title", required=True)


class Figure(Item, c="figure", kind="FIGURE"):
    """A key figure of another plan: an integer value and its wording (snplp_figure,
    figure.h)."""

    __slots__ = ()
    plan = _parent_prop("figure", "plan", "Plan")
    value = _int_prop("figure", "value")
    text = _text_prop("figure", "text", required=True)


# ---------------------------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    """One hit of :meth:`Referential.search`: the ``kind`` and ``id`` of the item and the
    first ``field`` of it that matched (search.h); ``item`` is the item itself."""

    kind: Kind
    id: str
    field: Field
    _ref: Any = _dc_field(repr=False, compare=False, default=None)

    @property
    def item(self) -> Optional[Item]:
        """The item hit (None if it is no longer there)."""
        return self._ref.find(self.id) if self._ref is not None else None


# ---------------------------------------------------------------------------------------------
# Callbacks: Python callables and file-like objects
# ---------------------------------------------------------------------------------------------


def _reader(source) -> Callable[[int], bytes]:
    """A read callback over a binary or text file-like object or a callable (_base.reader():
    a text stream is re-encoded in UTF-8, its XML declaration's encoding made UTF-8)."""
    return reader(source, xml=True)


def _writer(target):
    """(a write callback ``write(data: bytes)``, a function to call at the end) over a binary
    or text file-like object or a callable."""
    if hasattr(target, "write"):
        write = target.write
        if isinstance(target, io.TextIOBase):
            decoder = codecs.getincrementaldecoder("utf-8")()

            def text(data: bytes) -> None:
                s = decoder.decode(bytes(data))
                if s:
                    write(s)

            return text, lambda: decoder.decode(b"", final=True)

        def binary(data: bytes) -> None:
            while data:
                n = write(data)
                if not isinstance(n, int) or isinstance(n, bool) or n >= len(data):
                    return
                data = memoryview(data)[n:]  # a raw stream may write part of it

        return binary, lambda: None
    if callable(target):
        return (lambda data: (target(data), None)[1]), lambda: None
    raise TypeError(f"a file-like object with write() or a callable write(data), not "
                    f"{type(target).__name__}")


def _progress(progress):
    if progress is None:
        return None
    if not callable(progress):
        raise TypeError(f"progress must be a callable (done, total) -> bool, not "
                        f"{type(progress).__name__}")
    return lambda done, total: progress(done, total) is not False


def _bytes(data, what: str) -> bytes:
    if isinstance(data, str):
        raise TypeError(f"{what} must be bytes (the UTF-8 document), not str: encode it")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"{what} must be bytes, not {type(data).__name__}")
    return bytes(data)


class _Diagnostics:
    """A C diagnostics list for the duration of a ``with`` block."""

    def __enter__(self):
        rc, self.handle = _c("snplp_diagnostics_new")()
        _check(rc)
        return self.handle

    def __exit__(self, *exc):
        _c("snplp_diagnostics_free")(self.handle)
        return False


# ---------------------------------------------------------------------------------------------
# LHEO (lheo.h, 1.5)
# ---------------------------------------------------------------------------------------------


class LheoDocument(str):
    """An LHEO 2.3 document, as :meth:`Referential.to_lheo` returns it: a ``str`` (the XML
    text, UTF-8 once encoded) that also carries the findings of the export in
    ``diagnostics``, a list of :class:`Diagnostic`: the offers left out for a missing value
    (lheo-missing-data), the texts cut (lheo-text-cut), the modules without sessions
    (lheo-no-session). A document is only returned when one was written: otherwise
    ValidationError carries the findings."""

    diagnostics: List[Diagnostic]

    def __new__(cls, text: str = "", diagnostics: Iterable[Diagnostic] = ()) -> "LheoDocument":
        obj = super().__new__(cls, _str(text, "text"))
        obj.diagnostics = list(diagnostics)
        return obj


# ---------------------------------------------------------------------------------------------
# The referential
# ---------------------------------------------------------------------------------------------


class Referential(Owner):
    """A model of the strategy: the root that owns every item (snplp_referential,
    referential.h).

    ``Referential()`` is an empty one (a strategy and a training plan without title);
    :meth:`builtin` the strategy as the sources state it; :meth:`from_file`,
    :meth:`from_bytes`, :meth:`from_stream` read the XML format, :meth:`to_file`,
    :meth:`to_bytes`, :meth:`to_stream` write it.

    ``len(ref)`` is the number of items of every kind, iteration visits them all in document
    order, ``id in ref`` and ``ref[id]`` look an item up by id whatever its kind, ``==`` is
    the library's deep equality. The lists of top-level items are live Collections
    (``ref.themes[0]``, ``ref.modules["module-insertion-expert"]``).

    Import findings: an import that fails raises ParseError, ValidationError or
    InputOutputError carrying every finding in ``err.diagnostics``; the warnings of an import
    that succeeded are in ``ref.import_diagnostics`` (empty for a referential not read from
    XML). Validation: :meth:`validate` returns every finding; :meth:`check` raises
    ValidationError when one is an error.
    """

    __slots__ = ("_ptr", "import_diagnostics", "__weakref__")
    _release = "snplp_referential_unref"

    def __init__(self):
        if getattr(self, "_ptr", None) is not None:
            # releasing the old referential would free what the wrappers of its items point
            # into
            raise TypeError("a Referential is initialised once")
        rc, ptr = _c("snplp_referential_new")()
        _check(rc)
        self._ptr = ptr
        #: The findings of the import that read this referential (warnings only, since an
        #: import with an error raises): a list of Diagnostic.
        self.import_diagnostics: List[Diagnostic] = []

    __init__.__doc__ = _doc("snplp_referential_new", first=True)

    @classmethod
    def _adopt(cls, ptr, diagnostics=()) -> "Referential":
        """A wrapper taking over one C reference (the caller's)."""
        if ptr is None:
            raise TypeError("no referential")
        obj = cls._own(ptr)
        obj.import_diagnostics = list(diagnostics)
        return obj

    @classmethod
    def _borrow(cls, ptr) -> "Referential":
        """A wrapper taking a new C reference on ``ptr`` (owned elsewhere too)."""
        return cls._adopt(_c("snplp_referential_ref")(ptr))

    @property
    def _ref(self) -> "Referential":
        return self

    @classmethod
    @_from_c("snplp_referential_builtin")
    def builtin(cls) -> "Referential":
        rc, ptr = _c("snplp_referential_builtin")()
        _check(rc)
        return cls._adopt(ptr)

    # -- the root's own properties ------------------------------------------------------

    def __len__(self) -> int:
        return int(_c("snplp_referential_item_count")(self._ptr))

    __len__.__doc__ = _doc("snplp_referential_item_count")

    def __bool__(self) -> bool:
        return True

    @_from_c("snplp_referential_freeze",
             head="Freezes the referential: from then on every change raises FrozenError.")
    def freeze(self) -> None:
        _check(_c("snplp_referential_freeze")(self._ptr))

    @property
    def frozen(self) -> bool:
        """Whether the referential is frozen (freeze()). C: snplp_referential_is_frozen()."""
        return bool(_c("snplp_referential_is_frozen")(self._ptr))

    def __eq__(self, other) -> bool:
        if not isinstance(other, Referential):
            return NotImplemented
        return bool(_c("snplp_referential_equal")(self._ptr, other._ptr))

    __eq__.__doc__ = _doc("snplp_referential_equal")
    __hash__ = None  # mutable, compared deeply

    def __repr__(self) -> str:
        title = self.strategy.title
        what = f" {title[:39] + '…' if len(title) > 40 else title!r}" if title else ""
        return f"<Referential{what}: {len(self)} items>"

    @_from_c("snplp_referential_kind_of")
    def kind_of(self, id: str) -> Kind:
        return _enum_value(Kind, _c("snplp_referential_kind_of")(self._ptr, _str(id, "id")))

    @property
    def strategy(self) -> Strategy:
        return Strategy._wrap(_c("snplp_referential_strategy")(self._ptr), self)

    strategy.__doc__ = _doc("snplp_referential_strategy")

    @property
    def training_plan(self) -> TrainingPlan:
        return TrainingPlan._wrap(_c("snplp_referential_training_plan")(self._ptr), self)

    training_plan.__doc__ = _doc("snplp_referential_training_plan")

    # -- lookups -------------------------------------------------------------------------

    def find(self, id: str) -> Optional[Item]:
        """The item whose id is ``id``, whatever its kind, as the wrapper of its class
        (:class:`Module`...); None if no item has this id.

        C: snplp_referential_kind_of(), then snplp_referential_<kind>_find()."""
        kind = self.kind_of(id)
        if kind == Kind.NONE:
            return None
        if kind == Kind.STRATEGY:
            return self.strategy
        if kind == Kind.TRAINING_PLAN:
            return self.training_plan
        cls = _CLASSES_BY_KIND[kind]
        return cls._wrap(_c(f"snplp_referential_{cls._cname}_find")(self._ptr, id), self)

    def __getitem__(self, id: str) -> Item:
        """``ref[id]``: :meth:`find`, raising KeyError when no item has this id."""
        item = self.find(id)
        if item is None:
            raise KeyError(id)
        return item

    def __contains__(self, id) -> bool:
        """``id in ref``: whether an item has this id (an Item: whether it is one of this
        referential's)."""
        if isinstance(id, Item):
            return id._ref is self or (id._ref._ptr is not None
                                       and _addr(id._ref._ptr) == _addr(self._ptr))
        return self.kind_of(id) != Kind.NONE

    def __iter__(self) -> Iterator[Item]:
        """Every item in document order (referential.h): the strategy, the commitments, the
        levers, the training plan, the themes, the modules, the professions, the diploma-level
        rules, the funding lines, the other plans, each followed by its children."""

        def children(item):
            yield item
            for name in _CHILD_LISTS.get(type(item), ()):
                for child in getattr(item, name):
                    yield from children(child)

        yield from children(self.strategy)
        for name in ("commitments", "levers"):
            yield from getattr(self, name)
        yield from children(self.training_plan)
        for name in ("themes", "modules", "professions", "diploma_rules", "fundings", "plans"):
            for item in getattr(self, name):
                yield from children(item)

    def _top(self, stem: str, cls) -> Collection:
        count = _c(f"snplp_referential_{stem}_count")
        at = _c(f"snplp_referential_{stem}_at")
        find = _c(f"snplp_referential_{stem}_find")
        ptr = self._ptr
        return Collection(lambda: count(ptr), lambda i: cls._wrap(at(ptr, i), self),
                          lambda id: cls._wrap(find(ptr, id), self), what=stem.replace("_", " "))

    # -- XML -----------------------------------------------------------------------------

    @classmethod
    def _import(cls, call, strict, progress, keep_invalid=False, filename=None) -> "Referential":
        progress = _progress(progress)
        with _Diagnostics() as diags:
            rc, options = _c("snplp_import_options_new")()
            _check(rc)
            try:
                _check(_c("snplp_import_options_set_strict")(options, bool(strict)))
                _check(_c("snplp_import_options_set_keep_invalid")(options, bool(keep_invalid)))
                if progress is not None:
                    _check(_c("snplp_import_options_set_progress")(options, progress))
                rc, ptr = call(diags, options)
                if rc != _OK:
                    err = error_for(rc, (), filename)  # the thread's message, first
                    err.diagnostics = diagnostics_from(diags)
                    if ptr is not None:
                        _c("snplp_referential_unref")(ptr)
                    raise err
                return cls._adopt(ptr, diagnostics_from(diags))
            finally:
                _c("snplp_import_options_free")(options)

    @classmethod
    def from_file(cls, path, *, strict: bool = False, progress=None,
                  keep_invalid: bool = False) -> "Referential":
        path = fspath(path)
        fn = _c("snplp_referential_import_file")
        return cls._import(lambda d, o: fn(d, path, o), strict, progress, keep_invalid, path)

    from_file.__doc__ = from_file.__func__.__doc__ = _doc(
        "snplp_referential_import_file", "snplp_import_options_set_strict",
        "snplp_import_options_set_progress", "snplp_import_options_set_keep_invalid",
        params={"path": "path"},
        note="``path`` is a str or a pathlib.Path; ``progress`` a callable (done, total) "
              "that cancels the import by returning False; ``keep_invalid=True`` returns the "
              "referential despite findings of the model's rules. Warnings are in "
              "``import_diagnostics`` of the result; an error raises with every finding in "
              "``err.diagnostics``; a file that cannot be opened raises the built-in "
              "FileNotFoundError, PermissionError or IsADirectoryError (also "
              "InputOutputError) with its ``errno`` and ``filename``.")

    @classmethod
    def from_bytes(cls, data, *, name: Optional[str] = None, strict: bool = False,
                   progress=None, keep_invalid: bool = False) -> "Referential":
        data = _bytes(data, "data")
        name = _opt_str(name, "name")
        fn = _c("snplp_referential_import_memory")
        return cls._import(lambda d, o: fn(d, data, name, o), strict, progress, keep_invalid)

    from_bytes.__doc__ = from_bytes.__func__.__doc__ = _doc(
        "snplp_referential_import_memory", status_from="snplp_referential_import_file",
        note="``data`` is the UTF-8 document (bytes-like); the rest as from_file().")

    @classmethod
    def from_stream(cls, source, *, name: Optional[str] = None, strict: bool = False,
                    progress=None, keep_invalid: bool = False) -> "Referential":
        if name is None and isinstance(getattr(source, "name", None), str):
            name = source.name
        name = _opt_str(name, "name")
        read = _reader(source)
        fn = _c("snplp_referential_import_callback")
        return cls._import(lambda d, o: fn(d, read, name, o), strict, progress, keep_invalid)

    from_stream.__doc__ = from_stream.__func__.__doc__ = _doc(
        "snplp_referential_import_callback", status_from="snplp_referential_import_file",
        note="``source`` is a file-like object opened for reading (binary, or "
              "text: re-encoded in UTF-8) or a callable read(size) -> bytes returning b\"\" at "
              "the end; an exception it raises propagates. ``name`` defaults to source.name.")

    @_from_c("snplp_referential_export_file",
             note="``path`` is a str or a pathlib.Path; a file that cannot be created or "
                   "replaced raises the built-in OSError subclass of its errno (also "
                   "InputOutputError) with ``errno`` and ``filename``.")
    def to_file(self, path) -> None:
        path = fspath(path)
        _check(_c("snplp_referential_export_file")(self._ptr, path), filename=path)

    @_from_c("snplp_referential_export_memory")
    def to_bytes(self) -> bytes:
        rc, data = _c("snplp_referential_export_memory")(self._ptr)
        _check(rc)
        return bytes(data)

    @_from_c("snplp_referential_export_callback",
             note="``target`` is a file-like object opened for writing "
                   "(binary, or text: decoded from UTF-8) or a callable write(data: bytes); "
                   "an exception it raises propagates.")
    def to_stream(self, target) -> None:
        write, end = _writer(target)
        _check(_c("snplp_referential_export_callback")(self._ptr, write))
        end()

    # -- LHEO (lheo.h, 1.5) --------------------------------------------------------------

    def _lheo(self, call, records, all_or_nothing, filename=None):
        """(what ``call(records, diags, options)`` returned, the findings); raises the error of
        a failing status (ValidationError: no document written) with the findings."""
        from ._records import Records
        if records is not None and not isinstance(records, Records):
            raise TypeError(f"records must be a snplp.Records or None, not "
                            f"{type(records).__name__}")
        rec = records._ptr if records is not None else None
        with _Diagnostics() as diags:
            rc, options = _c("snplp_lheo_options_new")()
            _check(rc)
            try:
                _check(_c("snplp_lheo_options_set_all_or_nothing")(options, bool(all_or_nothing)))
                result = call(rec, diags, options)
                rc = result[0] if isinstance(result, tuple) else result
                err = error_for(rc, (), filename) if rc != _OK else None  # the message, first
            finally:
                _c("snplp_lheo_options_free")(options)
            found = diagnostics_from(diags)
        if err is not None:
            err.diagnostics = found
            raise err
        return result, found

    @_from_c("snplp_lheo_export_memory", "snplp_lheo_options_set_all_or_nothing",
             head="Exports the offers of this referential (a catalogue) with the sessions of "
                  "``records`` as an LHEO 2.3 document, returned as a LheoDocument (a str) "
                  "whose ``diagnostics`` hold the findings (offers left out, texts cut).",
             note="``records`` is a snplp.Records (the training bodies and their sessions) or "
                  "None; ``all_or_nothing=True`` writes no document when any offer is left "
                  "out. When no document is written, ValidationError carries every finding in "
                  "``err.diagnostics`` (lheo-missing-data naming each missing value, "
                  "lheo-nothing-written).")
    def to_lheo(self, records: Optional[Records] = None, *,
                all_or_nothing: bool = False) -> LheoDocument:
        fn = _c("snplp_lheo_export_memory")
        (rc, data), found = self._lheo(lambda r, d, o: fn(self._ptr, r, d, o), records,
                                       all_or_nothing)
        return LheoDocument(bytes(data).decode("utf-8"), found)

    @_from_c("snplp_lheo_export_file", "snplp_lheo_options_set_all_or_nothing",
             head="Exports the offers of this referential with the sessions of ``records`` as "
                  "an LHEO 2.3 document to the file ``path``, replaced atomically, and returns "
                  "the findings (a list of Diagnostic).",
             note="``path`` is a str or a pathlib.Path; ``records`` and ``all_or_nothing`` as "
                  "for to_lheo(). When no document is written the file is left as it was and "
                  "ValidationError carries every finding; a file that cannot be created or "
                  "replaced raises the built-in OSError subclass of its errno (also "
                  "InputOutputError).")
    def to_lheo_file(self, path, records: Optional[Records] = None, *,
                     all_or_nothing: bool = False) -> List[Diagnostic]:
        path = fspath(path)
        fn = _c("snplp_lheo_export_file")
        return self._lheo(lambda r, d, o: fn(self._ptr, r, path, d, o), records,
                          all_or_nothing, path)[1]

    @_from_c("snplp_lheo_export_callback", "snplp_lheo_options_set_all_or_nothing",
             head="Exports the offers of this referential with the sessions of ``records`` as "
                  "an LHEO 2.3 document to ``target`` and returns the findings (a list of "
                  "Diagnostic).",
             note="``target`` is a file-like object opened for writing (binary, or text: "
                  "decoded from UTF-8) or a callable write(data: bytes); an exception it "
                  "raises propagates. Nothing is written when ValidationError is raised. "
                  "``records`` and ``all_or_nothing`` as for to_lheo().")
    def to_lheo_stream(self, target, records: Optional[Records] = None, *,
                       all_or_nothing: bool = False) -> List[Diagnostic]:
        write, end = _writer(target)
        fn = _c("snplp_lheo_export_callback")
        found = self._lheo(lambda r, d, o: fn(self._ptr, r, write, d, o), records,
                           all_or_nothing)[1]
        end()
        return found

    # -- validation and search -----------------------------------------------------------

    def _validate(self):
        """(every finding, the ValidationError to raise or None)."""
        with _Diagnostics() as diags:
            rc = _c("snplp_referential_validate")(self._ptr, diags)
            err = error_for(rc) if rc != _OK else None  # the message, before other calls
            found = diagnostics_from(diags)
            if err is not None:
                err.diagnostics = found
                if rc != _EVALIDATION:
                    raise err
            return found, err

    @_from_c("snplp_referential_validate",
             head="Returns every finding (errors and warnings), "
                   "without raising for them: see check().")
    def validate(self) -> List[Diagnostic]:
        return self._validate()[0]

    @_from_c("snplp_referential_validate",
             head="Validates and raises ValidationError, "
                   "carrying every finding, if one is an error; otherwise returns the "
                   "findings (warnings).")
    def check(self) -> List[Diagnostic]:
        found, err = self._validate()
        if err is not None:
            raise err
        return found

    @_from_c("snplp_referential_search", "snplp_search_hit_kind", "snplp_search_hit_id",
             "snplp_search_hit_field",
             note="Returns a list of SearchHit.")
    def search(self, query: str) -> List[SearchHit]:
        rc, results = _c("snplp_referential_search")(self._ptr, _str(query, "query"))
        _check(rc)
        try:
            at = _c("snplp_search_results_at")
            hits = []
            for i in range(_c("snplp_search_results_count")(results)):
                hit = at(results, i)
                hits.append(SearchHit(_enum_value(Kind, _c("snplp_search_hit_kind")(hit)),
                                      _c("snplp_search_hit_id")(hit),
                                      _enum_value(Field, _c("snplp_search_hit_field")(hit)),
                                      self))
            return hits
        finally:
            _c("snplp_search_results_free")(results)

    # -- adding items --------------------------------------------------------------------

    add_commitment = _adder("referential", "commitment", "Commitment", "id:id", "title:text")
    add_lever = _adder("referential", "lever", "Lever", "id:id", "title:text")
    add_theme = _adder("referential", "theme", "Theme", "id:id", "title:text")
    # the Python keywords stay (theme_id, id, level, title); the C function of 1.3 takes the
    # module's id first
    add_module = _adder("referential", "module", "Module", "theme_id:id", "id:id",
                        "level:level", "title:text",
                        c_name="snplp_referential_add_module_to_theme",
                        c_order=("id", "theme_id", "level", "title"))
    add_profession = _adder("referential", "profession", "Profession", "id:id",
                            "category:category", "title:text")
    add_diploma_rule = _adder("referential", "diploma_rule", "DiplomaRule", "id:id",
                              "text:text")
    add_funding = _adder("referential", "funding", "Funding", "id:id", "title:text")
    add_plan = _adder("referential", "plan", "Plan", "id:id", "title:text")


def _top_prop(stem: str, cls_name: str) -> property:
    def fget(self):
        return self._top(stem, _CLASSES_BY_NAME[cls_name])

    doc = _doc(f"snplp_referential_{stem}_at", f"snplp_referential_{stem}_count",
               f"snplp_referential_{stem}_find", first=True,
               head=f"The {stem.replace('_', ' ')}s, a live Collection of {cls_name} (len, "
                     f"iteration, index, lookup by id).")
    return property(fget, doc=doc)


for _stem, _cls in (("commitment", "Commitment"), ("lever", "Lever"), ("theme", "Theme"),
                    ("module", "Module"), ("profession", "Profession"),
                    ("diploma_rule", "DiplomaRule"), ("funding", "Funding"), ("plan", "Plan")):
    setattr(Referential, _stem + "s", _top_prop(_stem, _cls))
    # the C *_find functions of nested kinds are used by find()
for _cls in _CLASSES_BY_KIND.values():
    if _cls not in (Strategy, TrainingPlan):
        _c(f"snplp_referential_{_cls._cname}_find")
del _stem, _cls

# The child lists of each class, in document order (for iteration over a referential).
_CHILD_LISTS = {
    TrainingPlan: ("objectives", "outcomes"),
    Theme: ("objectives", "outcomes", "recommendations"),
    Module: ("competences", "recommendations"),
    Competence: ("contents",),
    Content: ("children",),
    Plan: ("plan_themes", "figures"),
}


# ---------------------------------------------------------------------------------------------
# Module-level functions: text, ids, schema, version, memory
# ---------------------------------------------------------------------------------------------


def text_compare(a: Optional[str], b: Optional[str]) -> int:
    return int(_c("snplp_text_compare")(_opt_str(a, "a"), _opt_str(b, "b")))


text_compare.__doc__ = _doc("snplp_text_compare",
                            note="Usable with functools.cmp_to_key.")


def text_order(texts) -> List[int]:
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be an iterable of str, not a single string")
    texts = list(texts)
    for t in texts:
        _str(t, "each text")
    rc, order = _c("snplp_text_sort")(texts)
    _check(rc)
    return [int(i) for i in order]


text_order.__doc__ = _doc("snplp_text_sort",
                          head="The permutation (a list of int) that sorts the strings "
                               "``texts``.")


def text_sort(items, key: Optional[Callable[[Any], str]] = None) -> list:
    if isinstance(items, (str, bytes)):
        raise TypeError("items must be an iterable, not a single string")
    items = list(items)
    order = text_order([key(x) for x in items] if key is not None else items)
    return [items[i] for i in order]


text_sort.__doc__ = _doc("snplp_text_sort",
                         head="A new list of ``items`` sorted in French collation order "
                              "(stable) by ``key(item)`` (the item itself by default, a str).")


def text_fold(text: str) -> str:
    rc, folded = _c("snplp_text_fold")(_str(text, "text"))
    _check(rc)
    return folded


text_fold.__doc__ = _doc("snplp_text_fold")


def id_is_valid(id) -> bool:
    return isinstance(id, str) and bool(_c("snplp_id_is_valid")(id))


id_is_valid.__doc__ = _doc("snplp_id_is_valid")


def offer_code_label(which: Union[OfferCode, int, str], code: int) -> Optional[str]:
    return _c("snplp_offer_code_label")(_enum_arg(OfferCode, which, "which"), _int(code, "code"))


offer_code_label.__doc__ = _doc("snplp_offer_code_label",
                                note="``which`` is an OfferCode, an int or a name "
                                     "(\"entry-level\").")


def offer_code_table(which: Union[OfferCode, int, str]) -> Optional[str]:
    return _c("snplp_offer_code_table")(_enum_arg(OfferCode, which, "which"))


offer_code_table.__doc__ = _doc("snplp_offer_code_table")


def xml_schema() -> str:
    return _c("snplp_xml_schema")()


xml_schema.__doc__ = _doc("snplp_xml_schema")


def version() -> str:
    return _c("snplp_version")()


version.__doc__ = _doc("snplp_version")


def version_number() -> int:
    return int(_c("snplp_version_number")())


version_number.__doc__ = _doc("snplp_version_number")


def dependency_version(name: str) -> "str | None":
    return _c("snplp_dependency_version")(name)


dependency_version.__doc__ = _doc("snplp_dependency_version")


def memory_used() -> int:
    return int(_c("snplp_memory_used")())


memory_used.__doc__ = _doc("snplp_memory_used")


def memory_blocks() -> int:
    return int(_c("snplp_memory_blocks")())


memory_blocks.__doc__ = _doc("snplp_memory_blocks")


def memory_peak() -> int:
    return int(_c("snplp_memory_peak")())


memory_peak.__doc__ = _doc("snplp_memory_peak")


def memory_reset_peak() -> None:
    _c("snplp_memory_reset_peak")()


memory_reset_peak.__doc__ = _doc("snplp_memory_reset_peak")
