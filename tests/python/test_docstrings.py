"""Every public name is documented (issue 7): "a test fails when a public class or method has
no docstring".

Checked: every class and function of ``snplp.__all__``, and every public method, class method,
static method and property of each public class that the package defines (inherited ones
included when the package defines them in a base class; those of Python's own bases, such as
``int`` for the enumerations or ``tuple`` for the records, are Python's). A docstring that
Python generates (a dataclass's or a named tuple's signature, Enum's "An enumeration.") does
not count; nor does a blank one.
"""

import inspect
import re

import pytest

import snplp

#: Public names of ``__all__`` that are data, not classes or functions (documented by the
#: ``#:`` comments next to them and by the module's docstring).
DATA = {"YEAR_MIN", "YEAR_MAX", "DEFAULT_THRESHOLD", "LHEO_NO_THEME"}


def _is_package(module):
    return module == "snplp" or (module or "").startswith("snplp.")


def public_classes():
    return [getattr(snplp, n) for n in sorted(snplp.__all__) if isinstance(getattr(snplp, n), type)]


def public_functions():
    return [getattr(snplp, n) for n in sorted(snplp.__all__)
            if not isinstance(getattr(snplp, n), type) and n not in DATA]


def generated(obj, doc):
    """Whether ``doc`` is what Python writes when the author wrote nothing."""
    name = getattr(obj, "__name__", "")
    if isinstance(obj, type):
        if doc.strip() in ("An enumeration.", "Create a collection of name/value pairs."):
            return True
        if re.fullmatch(rf"{re.escape(name)}\(.*\)", doc.strip(), re.S):  # dataclass, NamedTuple
            return True
    return False


def documented(obj):
    """Whether obj has a docstring of its own (a class's, never its base's; a property's is
    its getter's unless given)."""
    doc = vars(obj).get("__doc__") if isinstance(obj, type) else getattr(obj, "__doc__", None)
    return isinstance(doc, str) and bool(doc.strip()) and not generated(obj, doc)


def members(cls):
    """(qualified name, object) of the public methods and properties the package defines for
    cls."""
    out = []
    names = set(dir(cls)).union(*(vars(k) for k in cls.__mro__))  # Enum's dir() hides some
    for name in sorted(names):
        if name.startswith("_"):
            continue
        owner = next((k for k in cls.__mro__ if name in vars(k)), None)
        if owner is None or not _is_package(owner.__module__):
            continue
        attr = vars(owner)[name]
        if isinstance(attr, (classmethod, staticmethod)):
            attr = attr.__func__
        if isinstance(attr, property) or inspect.isfunction(attr):
            out.append((f"{cls.__name__}.{name}", attr))
    return out


def test_data_names_are_data():
    for name in DATA:
        assert name in snplp.__all__
        assert not callable(getattr(snplp, name))


def test_the_package_is_documented():
    assert snplp.__doc__ and snplp.__doc__.strip()


@pytest.mark.parametrize("obj", public_classes() + public_functions(),
                         ids=lambda o: getattr(o, "__name__", repr(o)))
def test_public_name_has_a_docstring(obj):
    assert callable(obj), f"{obj!r} in __all__ is data: add it to DATA"
    assert documented(obj), f"snplp.{obj.__name__} has no docstring"


@pytest.mark.parametrize("cls", public_classes(), ids=lambda c: c.__name__)
def test_public_members_have_docstrings(cls):
    missing = [name for name, attr in members(cls) if not documented(attr)]
    assert not missing, f"no docstring: {', '.join(missing)}"


def test_members_are_found():
    names = {name for cls in public_classes() for name, _ in members(cls)}
    for expected in ("Referential.builtin", "Referential.themes", "Module.title",
                     "Convention.matrix", "ConventionList.from_file", "Matrix.cell",
                     "Collection.get", "YearValues.target", "Error.status_name",
                     "Unit.label", "Referential.add_theme"):
        assert expected in names
    assert len(names) > 300
