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


def c_parameters():
    """The parameter names of each public function: {"snplp_matrix_unit": {"matrix", "row"}}."""
    params = {}
    for header in glob.glob(os.path.join(HEADERS, "*.h")):
        with open(header, encoding="utf-8") as f:
            text = re.sub(r"/\*.*?\*/", " ", f.read(), flags=re.S)
        for name, args in re.findall(r"SNPLP_API\s[^;]*?\b(snplp_\w+)\s*\(([^;]*?)\)\s*;", text):
            names = set()
            for arg in args.split(","):
                found = re.findall(r"(\w+)\s*(?:\[[^\]]*\])?\s*$", arg.strip())
                if found and found[0] != "void":
                    names.add(found[0])
            params[name] = names
    return params
