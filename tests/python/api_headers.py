"""The public C API as the headers declare it (include/snplp), for the Python tests."""

import glob
import os
import re

HEADERS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                        "include", "snplp"))


def public_c_functions():
    """The names of the functions declared SNPLP_API in the public headers."""
    names = set()
    for header in glob.glob(os.path.join(HEADERS, "*.h")):
        with open(header, encoding="utf-8") as f:
            names.update(re.findall(r"SNPLP_API\s[^;]*?\b(snplp_\w+)\s*\(", f.read()))
    return names
