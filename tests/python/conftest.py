"""Shared set-up of the Python tests (tests/python).

CTest runs them through tests/python/run.py with PYTHONPATH=<build>/bindings/python and
SNPLP_PYTHON_PACKAGE_DIR=<build>/bindings/python/snplp: the snplp package must then be the
build tree's, never an installed copy found first.

Fixtures of the raw layer (snplp._core): ``core`` (the module) and
``raw_builtin_referential`` (a new built-in referential, released after the test).
"""

import os

import pytest

import snplp
from snplp import _core


def pytest_report_header(config):
    return (f"snplp package: {os.path.dirname(os.path.abspath(snplp.__file__))}, "
            f"libsnplp {_core.snplp_version()}")


def pytest_configure(config):
    expected = os.environ.get("SNPLP_PYTHON_PACKAGE_DIR")
    if expected:
        found = os.path.dirname(os.path.realpath(snplp.__file__))
        if found != os.path.realpath(expected):
            raise pytest.UsageError(
                f"the snplp package was imported from {found}, not from {expected}: "
                "another copy shadows the build tree's")


@pytest.fixture
def core():
    """The raw SWIG module snplp._core."""
    return _core


@pytest.fixture
def raw_builtin_referential():
    """A new built-in referential (a raw snplp_referential pointer), unreferenced afterwards."""
    rc, ref = _core.snplp_referential_builtin()
    assert rc == _core.SNPLP_OK, _core.snplp_error_last_message()
    yield ref
    _core.snplp_referential_unref(ref)
