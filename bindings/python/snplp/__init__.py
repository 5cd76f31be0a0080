"""libsnplp for Python: the Stratégie nationale de prévention et de lutte contre la pauvreté
(SNPLP, 2018) as a validated model — its commitments, levers and social-worker training plan
(:class:`Referential`), the departmental conventions (CALPAE) with their indicator matrices,
execution reports and credits (:class:`Convention`, :class:`ConventionList`, :class:`Matrix`),
and the XML and CSV that carry them.

Every failing call raises a subclass of :class:`Error`; parse and validation errors carry every
finding as :class:`Diagnostic` objects, their messages in English or French
(:func:`set_language`, per thread). Wrappers of parts of a model keep the model alive, so
they never outlive what they point into. The low-level module ``snplp._core`` binds every C
function under its C name; this package is the Python API on top of it.
"""

from . import _core  # noqa: F401
from ._base import Collection, ForeignAttribute
from ._conventions import *  # noqa: F401,F403
from ._conventions import __all__ as _conventions_all
from ._errors import (
    AlreadyExistsError,
    BadIdError,
    Diagnostic,
    EncodingError,
    Error,
    FrozenError,
    InputOutputError,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
    OutOfMemoryError,
    ParseError,
    ValidationError,
    language,
    set_language,
)
from ._records import *  # noqa: F401,F403
from ._records import __all__ as _records_all
from ._referential import *  # noqa: F401,F403
from ._referential import __all__ as _referential_all

__all__ = sorted(
    set(_referential_all)
    | set(_conventions_all)
    | set(_records_all)
    | {
        "Collection",
        "ForeignAttribute",
        "Diagnostic",
        "Error",
        "AlreadyExistsError",
        "BadIdError",
        "EncodingError",
        "FrozenError",
        "InputOutputError",
        "InternalError",
        "InvalidArgumentError",
        "NotFoundError",
        "OutOfMemoryError",
        "ParseError",
        "ValidationError",
        "language",
        "set_language",
    }
)
