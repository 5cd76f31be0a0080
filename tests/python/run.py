"""Runs pytest on tests/python for CTest (the `python` test of tests/CMakeLists.txt).

    python3 tests/python/run.py [pytest arguments...]

runs `python3 -m pytest -q tests/python [arguments...]` with the same interpreter and exits
with pytest's status, except that status 5 (no test collected) is a failure: a test run that
found nothing to run must not pass. CTest sets PYTHONPATH to the build tree's package.
"""

import os
import subprocess
import sys

NO_TESTS_COLLECTED = 5


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    # pytest's cache goes to the build tree (CTest's working directory), not the sources.
    command = [sys.executable, "-m", "pytest", "-q", "-o", f"cache_dir={os.getcwd()}/.pytest_cache",
               here, *sys.argv[1:]]
    print(" ".join(command), flush=True)
    status = subprocess.call(command)
    if status == NO_TESTS_COLLECTED:
        print("run.py: pytest collected no test: that is a failure", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
