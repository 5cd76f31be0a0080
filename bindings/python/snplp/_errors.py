"""Errors and diagnostics: every failing status of the C library becomes an exception.

The C library returns a status code (``SNPLP_OK`` or a negative ``SNPLP_E*``) and records a
message for the thread (``snplp_error_last_message()``, errors.h). Here a failing status raises
the subclass of :class:`Error` named after it, with that message; an import or a validation
that failed also carries every finding as :class:`Diagnostic` objects (``err.diagnostics``).

The messages of findings are in the language of the calling thread (language.h, 1.6):
:func:`set_language` and :func:`language`; a finding from the library's catalogue also has a
``message_id``, typed ``params`` and :meth:`Diagnostic.render` in every language.
"""

from __future__ import annotations

import builtins
import datetime
import decimal
import errno
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import _core


def _language_of(lang: str) -> int:
    """A language code ("en", "fr") or a POSIX locale name ("fr_FR.UTF-8", "C") as a C
    ``snplp_language`` (snplp_language_from_locale()): InvalidArgumentError (a ValueError)
    for another language, TypeError for what is not a str."""
    if not isinstance(lang, str):
        raise TypeError(f"a language is a str such as \"fr\" or \"fr_FR.UTF-8\", not "
                        f"{type(lang).__name__}")
    rc, value = _core.snplp_language_from_locale(lang)
    check(rc)
    return value


def set_language(lang: str) -> None:
    """Sets the language of the library's messages for the calling Python thread: "en"
    (English, the default of every thread) or "fr" (French), or a POSIX locale name whose
    language is one of them ("fr_FR.UTF-8", "en_GB", "C"). The findings of the calls this
    thread makes afterwards (imports, exports, validations) have their ``message`` in it;
    other threads keep their own language (each starts in English). Another language raises
    :class:`InvalidArgumentError` (also a ``ValueError``), changing nothing.

    Only the findings whose message comes from the library's catalogue (those with a
    ``message_id``: the LHEO findings today) are translated; the others stay in English."""
    check(_core.snplp_language_set_default(_language_of(lang)))


def language() -> str:
    """The language of the library's messages for the calling Python thread: "en" or "fr"
    (:func:`set_language`; "en" in a thread that set none)."""
    return _core.snplp_language_code(_core.snplp_language_default())


#: The codes of the languages of the messages, by C value ("en", "fr").
_LANGUAGES: Tuple[Tuple[int, str], ...] = tuple(
    (value, _core.snplp_language_code(value))
    for value in (_core.SNPLP_LANGUAGE_EN, _core.SNPLP_LANGUAGE_FR))


def _date_param(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _list_param(text: str) -> List[str]:
    return text.split("\x1f") if text else []


#: How a parameter's text (in the C locale) becomes a Python value, by C type; the others
#: (text, id, choice) stay str.
_PARAM_VALUES = {
    _core.SNPLP_PARAM_INTEGER: int,
    _core.SNPLP_PARAM_DECIMAL: decimal.Decimal,
    _core.SNPLP_PARAM_DATE: _date_param,
    _core.SNPLP_PARAM_LIST: _list_param,
}


def _param_value(ptype: int, text: Optional[str]) -> Any:
    """A parameter's value as Python sees it; its text if it does not read as its type."""
    convert = _PARAM_VALUES.get(ptype)
    if convert is None or text is None:
        return text
    try:
        return convert(text)
    except (ValueError, decimal.InvalidOperation):
        return text


@dataclass(frozen=True)
class Diagnostic:
    """One finding of a validation or an import (diagnostics.h).

    ``code`` is the stable number (``_core.SNPLP_DIAG_*``) and ``name`` its stable name
    ("dangling-reference"); ``line`` and ``column`` are 1-based, 0 when the data did not come
    from a file; ``item_id`` names the item concerned, ``convention_id`` the convention and
    ``year`` the year (0: none), when there is one.

    ``message`` is in the language of the thread that made the call (:func:`set_language`).
    Since 1.6 a finding whose message comes from the library's catalogue has a
    ``message_id``, "CODE/VARIANT" ("lheo-left-out/no-body"), the same in every language,
    and ``params``, the values the message names, by name ("module", "body", "score"...):
    ``int`` for an integer, ``decimal.Decimal`` for a decimal, ``datetime.date`` for a date,
    a list of ``str`` for a list, ``str`` for a text, an id or a choice. The other findings
    have ``message_id`` None and ``params`` empty, and their message is in English.
    :meth:`render` gives the message in either language.
    """

    severity: str
    code: int
    name: str
    line: int
    column: int
    item_id: Optional[str]
    message: str
    convention_id: Optional[str] = None
    year: int = 0
    message_id: Optional[str] = None
    params: Dict[str, Any] = field(default_factory=dict, hash=False)
    _messages: Tuple[Tuple[str, str], ...] = field(default=(), repr=False, compare=False)

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}: " if self.line else ""
        return f"{where}{self.severity}: [{self.name}] {self.message}"

    def render(self, lang: str) -> str:
        """The message in ``lang`` ("en", "fr" or a locale name such as "fr_FR.UTF-8", as for
        :func:`set_language`), whatever the language ``message`` is in
        (snplp_diagnostic_render(): both are kept when the finding is read). A finding
        without ``message_id`` has its message in English only: it is returned as it is.
        Another language raises :class:`InvalidArgumentError`."""
        code = _core.snplp_language_code(_language_of(lang))
        return dict(self._messages).get(code, self.message)


def diagnostics_from(handle) -> List[Diagnostic]:
    """The entries of a C ``snplp_diagnostics`` list, as Python objects."""
    out = []
    lang = _core.snplp_diagnostics_language(handle)
    for i in range(_core.snplp_diagnostics_count(handle)):
        d = _core.snplp_diagnostics_at(handle, i)
        code = _core.snplp_diagnostic_code(d)
        message = _core.snplp_diagnostic_message(d)  # a str: a copy of the borrowed C text
        message_id = _core.snplp_diagnostic_message_id(d)
        params: Dict[str, Any] = {}
        messages: Tuple[Tuple[str, str], ...] = ()
        if message_id is not None:
            for k in range(_core.snplp_diagnostic_param_count(d)):
                params[_core.snplp_diagnostic_param_name(d, k)] = _param_value(
                    _core.snplp_diagnostic_param_type(d, k),
                    _core.snplp_diagnostic_param_value(d, k))
            messages = tuple((name, message if value == lang else _render(d, value))
                             for value, name in _LANGUAGES)
        out.append(
            Diagnostic(
                severity=_core.snplp_severity_name(_core.snplp_diagnostic_severity(d)),
                code=int(code),
                name=_core.snplp_diag_code_name(code),
                line=int(_core.snplp_diagnostic_line(d)),
                column=int(_core.snplp_diagnostic_column(d)),
                item_id=_core.snplp_diagnostic_item_id(d),
                message=message,
                convention_id=_core.snplp_diagnostic_convention_id(d),
                year=int(_core.snplp_diagnostic_year(d)),
                message_id=message_id,
                params=params,
                _messages=messages,
            )
        )
    return out


def _render(diag, lang: int) -> str:
    """The message of a C finding in the C language ``lang`` (a copy)."""
    rc, text = _core.snplp_diagnostic_render(diag, lang)
    check(rc)
    return text


class Error(Exception):
    """Base class of every error of libsnplp.

    ``status`` is the C status code, ``status_name`` its name ("SNPLP_EINVAL"), ``message``
    (also ``str(err)`` and ``reason``) what was wrong, to show a user: the library's message
    without the name of the C function in front (snplp_error_last_reason()); ``function`` the
    C function that failed ("snplp_date_parse"; "" when the message names none), for a
    program's logs; ``diagnostics`` the findings that explain it (possibly empty).
    """

    status = 0

    def __init__(self, message: str = "", diagnostics: Sequence[Diagnostic] = (),
                 function: str = "", reason: Optional[str] = None):
        message = message if reason is None else reason
        super().__init__(message)
        self.message = message
        self.function = function
        self.reason = message
        self.diagnostics: List[Diagnostic] = list(diagnostics)

    @property
    def status_name(self) -> str:
        """The C name of the status, e.g. "SNPLP_EPARSE"."""
        return _core.snplp_status_name(self.status)

    @property
    def status_message(self) -> str:
        """A short English description of the status, e.g. "malformed input"."""
        return _core.snplp_status_message(self.status)


class InvalidArgumentError(Error, ValueError):
    """``SNPLP_EINVAL``: an argument is invalid (a value out of range, a wrong kind...)."""

    status = _core.SNPLP_EINVAL


class OutOfMemoryError(Error, MemoryError):
    """``SNPLP_ENOMEM``: out of memory; nothing was changed."""

    status = _core.SNPLP_ENOMEM


class NotFoundError(Error, KeyError):
    """``SNPLP_ENOTFOUND``: no such item, or an optional value is not set."""

    status = _core.SNPLP_ENOTFOUND

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


class AlreadyExistsError(Error):
    """``SNPLP_EEXISTS``: the id (or reference) is already used."""

    status = _core.SNPLP_EEXISTS


class BadIdError(Error, ValueError):
    """``SNPLP_EBADID``: the id is malformed (id.h)."""

    status = _core.SNPLP_EBADID


class EncodingError(Error, ValueError):
    """``SNPLP_EENCODING``: a text is not valid UTF-8 or holds a character XML forbids."""

    status = _core.SNPLP_EENCODING


class InputOutputError(Error, OSError):
    """``SNPLP_EIO``: a file or stream could not be read or written."""

    status = _core.SNPLP_EIO


class ParseError(Error):
    """``SNPLP_EPARSE``: the input is not well-formed or breaks the schema; see
    ``diagnostics``."""

    status = _core.SNPLP_EPARSE


class ValidationError(Error):
    """``SNPLP_EVALIDATION``: the data breaks a rule of the model; see ``diagnostics``."""

    status = _core.SNPLP_EVALIDATION


class InternalError(Error):
    """``SNPLP_EINTERNAL``: a dependency (ICU, libxml2) failed unexpectedly."""

    status = _core.SNPLP_EINTERNAL


class FrozenError(Error):
    """``SNPLP_EFROZEN`` (1.3): the object is frozen (``freeze()``) and can no longer change."""

    status = _core.SNPLP_EFROZEN


_BY_STATUS = {
    cls.status: cls
    for cls in (
        InvalidArgumentError,
        OutOfMemoryError,
        NotFoundError,
        AlreadyExistsError,
        BadIdError,
        EncodingError,
        InputOutputError,
        ParseError,
        ValidationError,
        InternalError,
        FrozenError,
    )
}


class FileNotFoundError(InputOutputError, builtins.FileNotFoundError):
    """``SNPLP_EIO`` because a file does not exist (``ENOENT``): both the built-in
    :class:`FileNotFoundError` and :class:`InputOutputError`, with ``errno``, ``strerror`` and
    ``filename`` set."""


class PermissionError(InputOutputError, builtins.PermissionError):
    """``SNPLP_EIO`` because access to a file is denied (``EACCES``, ``EPERM``): both the
    built-in :class:`PermissionError` and :class:`InputOutputError`."""


class IsADirectoryError(InputOutputError, builtins.IsADirectoryError):
    """``SNPLP_EIO`` because a path names a directory (``EISDIR``): both the built-in
    :class:`IsADirectoryError` and :class:`InputOutputError`."""


class NotADirectoryError(InputOutputError, builtins.NotADirectoryError):
    """``SNPLP_EIO`` because a part of a path is not a directory (``ENOTDIR``): both the
    built-in :class:`NotADirectoryError` and :class:`InputOutputError`."""


_BY_ERRNO = {
    errno.ENOENT: FileNotFoundError,
    errno.EACCES: PermissionError,
    errno.EPERM: PermissionError,
    errno.EISDIR: IsADirectoryError,
    errno.ENOTDIR: NotADirectoryError,
}


def error_for(status: int, diagnostics: Sequence[Diagnostic] = (),
              filename: Optional[str] = None) -> Error:
    """The exception for a failing status, with the thread's last message (without the C
    function's name: that is ``err.function``). A file that could not be opened, created or
    written (``SNPLP_EIO`` with an ``errno``, snplp_error_last_errno()) raises the subclass of
    the built-in :class:`OSError` for that ``errno`` (:class:`FileNotFoundError`...), also an
    :class:`InputOutputError`, with ``errno``, ``strerror`` and ``filename`` (the name as
    given, when the caller passes it) set."""
    cls = _BY_STATUS.get(status, Error)
    message = _core.snplp_error_last_message()
    os_errno = _core.snplp_error_last_errno() if status == _core.SNPLP_EIO and message else 0
    if os_errno:
        cls = _BY_ERRNO.get(os_errno, InputOutputError)
    if message:
        err = cls(_core.snplp_error_last_reason(), diagnostics,
                  _core.snplp_error_last_function())
    else:
        err = cls(_core.snplp_status_message(status), diagnostics)
    if cls is Error:
        err.status = status
    if os_errno:
        err.errno = os_errno
        err.strerror = os.strerror(os_errno)
        if filename is not None:
            err.filename = filename
            err.message = err.reason = str(err)  # the name intact, as OSError writes it
    return err


def check(status: int, diagnostics: Sequence[Diagnostic] = (),
          filename: Optional[str] = None) -> None:
    """Raises the exception of ``status`` unless it is ``SNPLP_OK`` (``filename``: the file the
    call opened, for :func:`error_for`)."""
    if status != _core.SNPLP_OK:
        raise error_for(status, diagnostics, filename)
