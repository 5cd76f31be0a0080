#!/usr/bin/env python3
"""Checks the layering of libsnplp on the built objects (docs/architecture.md, "The house").

    check_layers.py [--nm NM] [--extra "FOLDER : OBJECT..."] LAYERS_FILE

LAYERS_FILE is written by libsnplp/CMakeLists.txt: one line per folder (object library),
"FOLDER USES... : OBJECTS...", USES being the folders it may call. The check reads every
object's symbols with nm, finds which object defines each symbol an object uses, and fails
(exit 1, each problem on a line, the offending symbol named) on:
  - a call up a layer or between siblings: an object of FOLDER using a symbol defined in a
    folder that is not FOLDER and not among FOLDER's USES;
  - a circle between folders: the folders' actual calls form a cycle;
  - a circle between the sources of one folder: files that call each other, directly or not;
  - a circle in the declared USES themselves.
--extra adds a line as if LAYERS_FILE held it. With --expect-problem TEXT (repeatable) the
check is turned around, for its own test (tests/layers/CMakeLists.txt adds an object that calls
up): exit 0 only when problems are found and each TEXT is in one of them.
Exit 0 prints a summary of the folders, their calls and the number of objects read.
"""
import argparse
import collections
import os
import subprocess
import sys

DEFINED = set("TDBRCVWGSi")


def read_layers(path, extra):
    layers = collections.OrderedDict()
    lines = open(path, encoding="utf-8").read().splitlines() + list(extra)
    for line in lines:
        if not line.strip():
            continue
        head, _, objects = line.partition(" : ")
        words = head.split()
        folder, uses = words[0], words[1:]
        entry = layers.setdefault(folder, {"uses": set(), "objects": []})
        entry["uses"].update(uses)
        entry["objects"] += objects.split()
    return layers


def symbols(nm, objects):
    """{object: (defined symbols, used symbols)} for every object, in two runs of nm."""
    table = {o: (set(), set()) for o in objects}
    for which, flag in ((0, "--defined-only"), (1, "--undefined-only")):
        out = subprocess.run([nm, "-A", flag, "-g"] + list(objects), capture_output=True,
                             text=True, check=True).stdout
        for line in out.splitlines():
            obj, _, rest = line.rpartition(":")
            words = rest.split()
            if obj not in table or not words:
                continue
            if which == 1 or (len(words) == 3 and words[1] in DEFINED):
                table[obj][which].add(words[-1])
    return table


def cycles(graph):
    """The strongly connected components of more than one node (Tarjan), each sorted."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def name_of(obj, folder):
    base = os.path.basename(obj)
    return f"{folder}/{base[:-2] if base.endswith('.o') else base}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nm", default="nm")
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--expect-problem", action="append", default=[])
    ap.add_argument("layers")
    args = ap.parse_args()
    layers = read_layers(args.layers, args.extra)
    problems = []

    for folder, entry in layers.items():
        for dep in entry["uses"]:
            if dep not in layers:
                problems.append(f"{folder} declares it uses {dep}, which is not a folder")
    for comp in cycles({f: e["uses"] for f, e in layers.items()}):
        problems.append("the declared uses form a circle: " + " -> ".join(comp))

    owner = {}      # symbol -> (folder, object name)
    uses_of = {}    # object name -> (folder, used symbols)
    table = symbols(args.nm, [o for e in layers.values() for o in e["objects"]])
    for folder, entry in layers.items():
        for obj in entry["objects"]:
            defined, used = table[obj]
            name = name_of(obj, folder)
            for s in defined:
                owner.setdefault(s, (folder, name))
            uses_of[name] = (folder, used)

    folder_calls = collections.defaultdict(lambda: collections.defaultdict(list))
    file_calls = collections.defaultdict(set)
    for name, (folder, used) in sorted(uses_of.items()):
        for s in sorted(used):
            if s not in owner:
                continue  # libc, ICU, libxml2
            dfolder, dname = owner[s]
            if dname != name:
                file_calls[name].add(dname)
            if dfolder == folder:
                continue
            folder_calls[folder][dfolder].append(s)
            if dfolder not in layers[folder]["uses"]:
                problems.append(f"{name} calls {s} of {dname}: {dfolder} is not below {folder} "
                                f"(it may use: {', '.join(sorted(layers[folder]['uses'])) or 'nothing'})")

    for comp in cycles({f: set(c) for f, c in folder_calls.items()}):
        detail = "; ".join(f"{a} -> {b} ({folder_calls[a][b][0]})" for a in comp for b in comp
                           if b in folder_calls[a])
        problems.append("a circle between folders: " + detail)
    for comp in cycles(file_calls):
        detail = "; ".join(f"{a} -> {b}" for a in comp for b in sorted(file_calls[a]) if b in comp)
        problems.append("a circle between sources: " + detail)

    if args.expect_problem:
        print("\n".join(problems))
        missing = [t for t in args.expect_problem if not any(t in p for p in problems)]
        for t in missing:
            print(f"expected a problem with '{t}', found none")
        return 1 if missing or not problems else 0
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s) in the layering of libsnplp")
        return 1
    for folder in layers:
        calls = ", ".join(f"{d} ({len(s)} symbols)" for d, s in sorted(folder_calls[folder].items()))
        print(f"{folder}: {len(layers[folder]['objects'])} objects; calls {calls or 'no other folder'}")
    print(f"ok: {len(uses_of)} objects, no call up a layer, no circle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
