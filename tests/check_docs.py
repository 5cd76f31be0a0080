#!/usr/bin/env python3
"""The repository's documentation stands alone and names what exists (test `docs`).

Reads README.md, docs/*.md, bindings/python/README.md and the fixtures' README files, and
fails, naming file and line:
- on a Markdown link or a path that leaves the repository (`../shared/...`, `/work/...`,
  `file:` URLs): the docs cite a source by its title or public URL, never by a path on the
  machine that wrote them;
- on a relative Markdown link whose target does not exist;
- on a repository path written in the text (`libsnplp/model/referential/item.c`,
  `tests/unit/...`, `tools/check`) that does not exist. A path is a word starting with one of
  the repository's top-level folders (outside the tables generated from data, between
  `<!-- BEGIN GENERATED` and `<!-- END GENERATED`, which hold ids such as `schema/xsd`, not
  paths); `<...>`, `*`, `{...}` or `...` in it make it a pattern,
  checked up to the first such part; paths under build directories are not checked.

Usage: check_docs.py REPOSITORY_ROOT
"""

import glob
import os
import re
import sys

TOP = ("libsnplp", "include", "tests", "tools", "docs", "examples", "bindings")
# the library's folders, named from libsnplp/ as its sources include them ("model/...")
LAYERS = ("util", "io", "model", "rules", "exchange", "data", "schema")
# a path-like word: letters, digits and / . _ - < > * { } (patterns), starting with a top
# folder and a slash
PATH = re.compile(r"(?<![\w./-])((?:%s)/[\w./<>*{}+-]*)" % "|".join(TOP + LAYERS))
LINK = re.compile(r"\]\(([^)\s]+)\)")
OUTSIDE = re.compile(r"(?<![\w])(\.\./shared\b|/work/|file:/)")


def check_path(root, path):
    """None if the path (or the fixed part of a pattern) exists, else the reason."""
    path = path.rstrip(".,;:)")
    parts = []
    for part in path.split("/"):
        if not part or any(c in part for c in "<>*{}") or part == "...":
            break
        parts.append(part)
    if not parts:
        return None
    if parts[0] in LAYERS:
        parts.insert(0, "libsnplp")
    if len(parts) == 2 and parts[0] == "libsnplp" and "." not in parts[1] and parts[1] not in \
            ("data", "schema") and not os.path.isdir(os.path.join(root, *parts)):
        # "model/conventions" style: a folder name
        pass
    fixed = os.path.join(root, *parts)
    # a test named from tests/unit/ ("data/test_builtin.c")
    if parts[0] == "libsnplp" and os.path.exists(os.path.join(root, "tests", "unit", *parts[1:])):
        return None
    if parts[0] == "build" or "build" in parts[:2]:
        return None
    # a generated file named by its template (version.h from version.h.in)
    if os.path.exists(fixed) or os.path.exists(fixed + ".in"):
        return None
    return f"'{path}' does not exist"


def main():
    root = os.path.abspath(sys.argv[1])
    files = [os.path.join(root, "README.md"), os.path.join(root, "bindings/python/README.md")]
    files += sorted(glob.glob(os.path.join(root, "docs", "*.md")))
    files += sorted(glob.glob(os.path.join(root, "tests", "fixtures", "*", "README.md")))
    problems = []
    for f in files:
        if not os.path.exists(f):
            continue
        rel = os.path.relpath(f, root)
        in_code_block = False
        in_generated = False  # a table made from data (docs/messages.md): ids, not paths
        with open(f, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.startswith("<!-- BEGIN GENERATED"):
                    in_generated = True
                elif line.startswith("<!-- END GENERATED"):
                    in_generated = False
                if line.lstrip().startswith("```"):
                    in_code_block = not in_code_block
                m = OUTSIDE.search(line)
                if m:
                    problems.append(f"{rel}:{n}: names a file outside the repository "
                                    f"({m.group(1)}): cite the source instead")
                for target in LINK.findall(line):
                    if re.match(r"[a-z]+:", target) or target.startswith("#"):
                        continue
                    target = target.split("#")[0]
                    if not os.path.exists(os.path.normpath(
                            os.path.join(os.path.dirname(f), target))):
                        problems.append(f"{rel}:{n}: the link '{target}' leads nowhere")
                if in_code_block or in_generated:
                    continue
                for path in PATH.findall(line):
                    why = check_path(root, path)
                    if why:
                        problems.append(f"{rel}:{n}: {why}")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in the documentation")
        return 1
    print(f"{len(files)} documents checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
