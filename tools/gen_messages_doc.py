#!/usr/bin/env python3
"""The table of the library's messages in docs/messages.md, generated from the catalogue.

    tools/gen_messages_doc.py [--check] [ROOT]

Reads the fragments of the catalogue (libsnplp/util/messages/TABLE/*.en.txt and *.fr.txt, ICU
resource bundle syntax), the codes' numbers (include/snplp/diagnostics.h) and names
(libsnplp/util/diagnostics.c), and writes, between the markers of docs/messages.md, one table
per code of the findings (table diag): each message (variant), its parameters (the arguments
its patterns use), its English and its French text; then one table per other table (cli). --check writes nothing and exits 1 when docs/messages.md differs from what
it would write (the test messages-doc runs it so). Standard library only."""
import os
import re
import sys

BEGIN = "<!-- BEGIN GENERATED: tools/gen_messages_doc.py -->"
END = "<!-- END GENERATED -->"


def tokens(text, path):
    """The tokens of a fragment: '{', '}', ('s', string) and ('k', key); comments dropped."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif c in "{}":
            yield c
            i += 1
        elif c == '"':
            j, out = i + 1, []
            while text[j] != '"':
                if text[j] == "\\":
                    if text[j + 1] == "u":
                        out.append(chr(int(text[j + 2:j + 6], 16)))
                        j += 6
                        continue
                    out.append(text[j + 1])
                    j += 2
                    continue
                out.append(text[j])
                j += 1
            yield ("s", "".join(out))
            i = j + 1
        else:
            m = re.compile(r"[^\s{}\"]+").match(text, i)
            if not m:
                raise SystemExit(f"{path}: cannot read at offset {i}")
            yield ("k", m.group(0))
            i = m.end()


def parse(path):
    """The fragment at path as {code: {variant: pattern}} (in the file's order)."""
    with open(path, encoding="utf-8") as f:
        toks = list(tokens(f.read(), path))
    pos = 0

    def value():
        nonlocal pos
        assert toks[pos] == "{", (path, pos)
        pos += 1
        if isinstance(toks[pos], tuple) and toks[pos][0] == "s":
            parts = []
            while toks[pos] != "}":
                parts.append(toks[pos][1])
                pos += 1
            pos += 1
            return "".join(parts)
        table = {}
        while toks[pos] != "}":
            key = toks[pos][1]
            pos += 1
            table[key] = value()
        pos += 1
        return table

    out = {}
    while pos < len(toks):
        key = toks[pos][1]
        pos += 1
        out[key] = value()
    return out


def arguments(pattern):
    """The argument names of an ICU MessageFormat pattern, in order of first use."""
    names = []

    def message(i, depth):
        # text up to the end of the pattern (depth 0) or the '}' closing a sub-message
        while i < len(pattern):
            c = pattern[i]
            if c == "'":
                if pattern.startswith("''", i):
                    i += 2
                    continue
                if i + 1 < len(pattern) and pattern[i + 1] in "{}#|":
                    j = pattern.find("'", i + 1)
                    i = len(pattern) if j < 0 else j + 1
                    continue
                i += 1
            elif c == "{":
                i = argument(i + 1)
            elif c == "}" and depth > 0:
                return i + 1
            else:
                i += 1
        return i

    def argument(i):
        m = re.compile(r"\s*([A-Za-z0-9_]+)\s*([,}])").match(pattern, i)
        if not m:
            raise ValueError(f"not an argument at {i}: {pattern}")
        if m.group(1) not in names:
            names.append(m.group(1))
        i = m.end()
        if m.group(2) == "}":
            return i
        t = re.compile(r"\s*([a-z]+)\s*([,}])").match(pattern, i)
        kind, i = t.group(1), t.end()
        if t.group(2) == "}":
            return i
        if kind in ("plural", "select", "selectordinal"):
            while True:
                s = re.compile(r"\s*(})|\s*(offset:\s*\d+\s*)?([^\s{}]+)\s*{").match(pattern, i)
                if s.group(1):
                    return s.end()
                i = message(s.end(), 1)
        depth = 1  # a style: up to the matching '}'
        while depth:
            depth += {"{": 1, "}": -1}.get(pattern[i], 0)
            i += 1
        return i

    message(0, 0)
    return names


def codes(root):
    """{code name: number} from the headers and the table of names."""
    with open(os.path.join(root, "include", "snplp", "diagnostics.h"), encoding="utf-8") as f:
        numbers = dict(re.findall(r"(SNPLP_DIAG_[A-Z0-9_]+)\s*=\s*(\d+)", f.read()))
    with open(os.path.join(root, "libsnplp", "util", "diagnostics.c"), encoding="utf-8") as f:
        names = re.findall(r"\{(SNPLP_DIAG_[A-Z0-9_]+), \"([a-z0-9-]+)\"\}", f.read())
    return {name: int(numbers[enum]) for enum, name in names if enum in numbers}


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def fragments(folder):
    """The entries of the fragments of one table, English and French."""
    en, fr = {}, {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".en.txt"):
            en.update(parse(os.path.join(folder, name)))
        elif name.endswith(".fr.txt"):
            fr.update(parse(os.path.join(folder, name)))
    return en, fr


def rows(table, key, en, fr):
    out = []
    for variant, pattern in en[key].items():
        french = fr.get(key, {}).get(variant, "(missing)")
        params = ", ".join(f"`{a}`" for a in arguments(pattern)) or "none"
        out.append(f"| `{key}/{variant}` | {params} | {cell(pattern)} | {cell(french)} |")
    return out


def generate(root):
    base = os.path.join(root, "libsnplp", "util", "messages")
    en, fr = fragments(os.path.join(base, "diag"))
    numbers = codes(root)
    lines = [BEGIN, ""]
    count = sum(len(v) for v in en.values())
    lines.append(f"### The findings (table `diag`): {len(en)} codes, {count} messages")
    lines.append("")
    lines.append("Parameters are named as in the patterns; their types are those of "
                 "`snplp_diagnostic_param_type()`. The patterns are shown as written, in ICU's "
                 "syntax (`''` is an apostrophe).")
    lines.append("")
    for code in sorted(en, key=lambda c: (numbers.get(c, 10**6), c)):
        lines.append(f"#### `{code}` ({numbers.get(code, '?')})")
        lines.append("")
        lines.append("| message id | parameters | English | French |")
        lines.append("|---|---|---|---|")
        lines.extend(rows("diag", code, en, fr))
        lines.append("")
    for table in sorted(os.listdir(base)):
        if table == "diag" or not os.path.isdir(os.path.join(base, table)):
            continue
        ten, tfr = fragments(os.path.join(base, table))
        lines.append(f"### Table `{table}` (`snplp_message_render()`, ids `{table}/KEY/VARIANT`)")
        lines.append("")
        lines.append("| KEY/VARIANT | parameters | English | French |")
        lines.append("|---|---|---|---|")
        for key in ten:
            lines.extend(rows(table, key, ten, tfr))
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    root = os.path.abspath(args[0]) if args else os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    doc = os.path.join(root, "docs", "messages.md")
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{doc}: the markers {BEGIN} and {END} are missing")
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    new = head + generate(root) + tail
    if check:
        if new != text:
            print(f"{doc} is not what tools/gen_messages_doc.py writes from the catalogue: run "
                  "it and commit the result", file=sys.stderr)
            return 1
        return 0
    with open(doc, "w", encoding="utf-8") as f:
        f.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
