"""Errors and diagnostics: every failing status of the C library becomes an exception.

The C library returns a status code (``SNPLP_OK`` or a negative ``SNPLP_E*``) and records a
message for the thread (``snplp_error_last_message()``, errors.h). Here a failing status raises
the subclass of :class:`Error` named after it, with that message; an import or a validation
that failed also carries every finding as :class:`Diagnostic` objects (``err.diagnostics``).
"""

from __future__ import annotations

import builtins
import errno
import os
from dataclasses import dataclass
from typing import List, Optional, Sequence

from . import _core


@dataclass(frozen=True)
class Diagnostic:
    """One finding of a validation or an import (diagnostics.h).

    ``code`` is the stable number (``_core.SNPLP_DIAG_*``) and ``name`` its stable name
    ("dangling-reference"); ``line`` and ``column`` are 1-based, 0 when the data did not come
    from a file; ``item_id`` names the item concerned, ``convention_id`` the convention and
    ``year`` the year (0: none), when there is one.
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

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}: " if self.line else ""
        return f"{where}{self.severity}: [{self.name}] {self.message}"


def diagnostics_from(handle) -> List[Diagnostic]:
    """The entries of a C ``snplp_diagnostics`` list, as Python objects."""
    out = []
    for i in range(_core.snplp_diagnostics_count(handle)):
        d = _core.snplp_diagnostics_at(handle, i)
        code = _core.snplp_diagnostic_code(d)
        out.append(
            Diagnostic(
                severity=_core.snplp_severity_name(_core.snplp_diagnostic_severity(d)),
                code=int(code),
                name=_core.snplp_diag_code_name(code),
                line=int(_core.snplp_diagnostic_line(d)),
                column=int(_core.snplp_diagnostic_column(d)),
                item_id=_core.snplp_diagnostic_item_id(d),
                message=_core.snplp_diagnostic_message(d),
                convention_id=_core.snplp_diagnostic_convention_id(d),
                year=int(_core.snplp_diagnostic_year(d)),
            )
        )
    return out


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
