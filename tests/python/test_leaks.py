"""No leaks (issue 7, "Safe"): "creating and dropping a million wrappers holds memory flat,
measured by RSS and by the library's allocator counters (tracemalloc does not see C memory)."

Each kind of wrapper below is created and dropped ``count`` times in a child process of its own
(the kinds run in parallel), after a warm-up of 2 % of the count: the library's allocation
counter (``snplp.memory_used()``, every byte libsnplp holds) must be back to its value before
the loop, and the process's resident memory (``/proc/self/statm``) must not have grown by more
than :data:`RSS_BOUND`. Finally, once every object is dropped, ``memory_used()`` must be back to
its value at import.

Counts: a million for the cheap wrappers (the referential's themes; the actions and indicators
of a convention: 0.7 s and 1 s in a Debug build); fewer for those whose every creation does
real work in C (a whole built-in referential: 3,000, 0.9 s; a search, an XML round trip: 5,000;
a failed import with its diagnostics: 20,000; matrices, cells, credits, texts: 100,000;
conventions, decimal values, items by id: 300,000; new conventions with a matrix: 50,000;
removing a convention from a list and adding it back: 100,000; files that cannot be opened:
20,000; training records read, covered, validated and asked for next modules: 3,000), so
that the whole file takes about 7 s on two cores in a Debug build (10 s one kind after the
other). Under AddressSanitizer (``LD_PRELOAD`` of libasan, as CTest does for sanitizer builds)
the counts are divided by 10 and RSS is not checked (ASan's quarantine holds freed memory on
purpose).
"""

import concurrent.futures
import datetime
import gc
import json
import os
import subprocess
import sys
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CONVENTION_FILE = os.path.join(ROOT, "examples", "data", "convention-49.xml")
RECORDS_FILE = os.path.join(ROOT, "examples", "data", "records.xml")

#: The most the resident memory may grow during a loop, after its warm-up.
RSS_BOUND = 10 * 1024 * 1024
SANITIZED = "asan" in os.environ.get("LD_PRELOAD", "") or "ASAN_OPTIONS" in os.environ
SCALE = 0.1 if SANITIZED else 1.0
WORKERS = min(8, os.cpu_count() or 1)

# ---------------------------------------------------------------------------------------------
# The kinds of wrappers: name -> (count, description, a function making the loop's body)
# ---------------------------------------------------------------------------------------------


def _objects():
    import snplp

    ref = snplp.Referential.builtin()
    lst = snplp.ConventionList.from_file(CONVENTION_FILE)
    conv = lst[0]
    return snplp, ref, lst, conv


def kind_themes():
    snplp, ref, lst, conv = _objects()
    themes = ref.themes
    n = len(themes)
    return lambda i: themes[i % n]


def kind_items_by_id():
    snplp, ref, lst, conv = _objects()
    ids = [item.id for item in ref]
    n = len(ids)
    return lambda i: ref[ids[i % n]]


def kind_convention_children():
    snplp, ref, lst, conv = _objects()
    indicators, actions = conv.indicators, conv.actions
    ni, na = len(indicators), len(actions)
    return lambda i: indicators[i % ni] if i & 1 else actions[i % na]


def kind_conventions():
    snplp, ref, lst, conv = _objects()
    return lambda i: lst[0]  # a new Convention holding its own C reference


def kind_decimals():
    snplp, ref, lst, conv = _objects()
    values = next(ind.values for ind in conv.indicators if len(ind.values))
    year = next(iter(values))

    def body(i):
        v = values[year]
        if i & 1:
            v.target = v.target  # Decimal -> C -> Decimal
        else:
            return (v.target, v.actual, v.source, v.comment)

    return body


def kind_cells():
    snplp, ref, lst, conv = _objects()
    m = conv.matrix()
    rows, years = len(m), list(m.years)
    return lambda i: m.cell(i % rows, years[i % len(years)])


def kind_matrices():
    snplp, ref, lst, conv = _objects()
    return lambda i: conv.matrix("75.5" if i & 1 else None)


def kind_credits():
    snplp, ref, lst, conv = _objects()
    at = datetime.date(conv.last_year + 1, 12, 31)
    years = list(conv.years)
    return lambda i: conv.credits(years[i % len(years)], at=at)


def kind_builtin():
    snplp, ref, lst, conv = _objects()
    return lambda i: snplp.Referential.builtin()


def kind_search():
    snplp, ref, lst, conv = _objects()
    queries = ["insertion", "enfance", "travail social", "zzzz"]
    return lambda i: ref.search(queries[i % len(queries)])


def kind_failed_imports():
    snplp, ref, lst, conv = _objects()
    bad = [b"<referential/>", b"<?xml version='1.0'?><conventions", b""]

    def body(i):
        try:
            snplp.Referential.from_bytes(bad[i % len(bad)]) if i & 1 else \
                snplp.ConventionList.from_bytes(bad[i % len(bad)])
        except snplp.Error as err:
            return err.diagnostics

    return body


def kind_xml_round_trips():
    snplp, ref, lst, conv = _objects()
    return lambda i: snplp.ConventionList.from_bytes(lst.to_bytes())


def kind_texts():
    snplp, ref, lst, conv = _objects()
    words = ["L'école", "Œuvre", "côte", "cote", "Été"]
    return lambda i: (snplp.text_fold(words[i % 5]), snplp.text_order(words))


def kind_new_conventions():
    snplp, ref, lst, conv = _objects()

    def body(i):
        c = snplp.Convention("calpae-leak", "departement", "49", "Maine-et-Loire")
        c.years = (2019, 2021)
        ind = c.add_indicator("ind-a", "Indicateur", "count")
        ind.values[2020].target = "12.50"
        return c.matrix()

    return body


def kind_list_removals():
    snplp, ref, lst, conv = _objects()

    def body(i):
        kept = lst.pop()  # the list's reference released, the handle's kept
        lst.append(kept)
        if i & 1:
            del lst[kept.id]
            lst.append(kept)
        return kept

    return body


def kind_os_errors():
    snplp, ref, lst, conv = _objects()
    missing = os.path.join(HERE, "no-such-dir", "données-é.xml")

    def body(i):
        try:
            snplp.ConventionList.from_file(missing) if i & 1 else lst.to_file(missing)
        except FileNotFoundError as err:
            return err

    return body


def kind_records():
    snplp, ref, lst, conv = _objects()
    rec = snplp.Records.from_file(RECORDS_FILE)
    data = rec.to_bytes()
    workers = rec.workers.ids()
    n = len(workers)

    def body(i):
        k = i % 4
        if k == 0:
            return snplp.Records.from_bytes(data)
        if k == 1:
            return rec.coverage(ref, "2019-01-01", "2021-12-31", by=("theme", "profession"))
        if k == 2:
            return rec.next_modules(ref, workers[i % n], at=datetime.date(2020, 6, 1))
        return (rec.workers[workers[i % n]].until, rec.attendance[i % len(rec.attendance)].days,
                rec.validate(ref))

    return body


KINDS = {
    "themes": (1_000_000, "ref.themes[i % n]", kind_themes),
    "items_by_id": (300_000, "ref[id] for every item kind", kind_items_by_id),
    "convention_children": (1_000_000, "conv.indicators[i % n], conv.actions[i % n]",
                            kind_convention_children),
    "conventions": (300_000, "lst[0]: a Convention with its own C reference", kind_conventions),
    "decimals": (300_000, "YearValues read and set (Decimal <-> snplp_decimal)", kind_decimals),
    "cells": (100_000, "Matrix.cell(): Cell snapshots", kind_cells),
    "matrices": (100_000, "Convention.matrix(): Matrix owning its C matrix", kind_matrices),
    "credits": (100_000, "Convention.credits(): Credits snapshots", kind_credits),
    "builtin": (3_000, "Referential.builtin()", kind_builtin),
    "search": (5_000, "Referential.search(): SearchHit lists", kind_search),
    "failed_imports": (20_000, "ParseError with its Diagnostic list", kind_failed_imports),
    "xml_round_trips": (5_000, "ConventionList.to_bytes() then from_bytes()",
                        kind_xml_round_trips),
    "texts": (100_000, "text_fold(), text_order() (C buffers freed by the wrappers)",
              kind_texts),
    "new_conventions": (50_000, "Convention() with an indicator, a value and a matrix",
                        kind_new_conventions),
    "list_removals": (100_000, "ConventionList.pop(), del, append() of the same convention",
                      kind_list_removals),
    "os_errors": (20_000, "FileNotFoundError of from_file() and to_file()", kind_os_errors),
    "records": (3_000, "Records.from_bytes(), coverage(), next_modules(), validate(), records",
                kind_records),
}

# ---------------------------------------------------------------------------------------------
# The child: one kind
# ---------------------------------------------------------------------------------------------


def rss():
    """The resident memory of this process, in bytes."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def child_main(name, count):
    import snplp

    at_import = snplp.memory_used()
    body = KINDS[name][2]()
    for i in range(max(100, count // 50)):  # warm-up: caches, free lists, arenas
        body(i)
    gc.collect()
    used_before, rss_before = snplp.memory_used(), rss()
    start = time.perf_counter()
    for i in range(count):
        body(i)
    seconds = time.perf_counter() - start
    gc.collect()
    used_after, rss_after = snplp.memory_used(), rss()
    del body
    gc.collect()
    print(json.dumps({"count": count, "seconds": seconds, "used_before": used_before,
                      "used_after": used_after, "rss_before": rss_before,
                      "rss_after": rss_after, "at_import": at_import,
                      "at_end": snplp.memory_used()}))


# ---------------------------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------------------------


def _run(name):
    count = max(100, int(KINDS[name][0] * SCALE))
    done = subprocess.run([sys.executable, os.path.abspath(__file__), name, str(count)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    if done.returncode != 0:
        return {"error": f"the child of {name} exited with {done.returncode}:\n"
                         f"{done.stderr[-3000:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def measures():
    if not os.path.exists("/proc/self/statm"):
        pytest.skip("no /proc/self/statm to read the resident memory from")
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        return dict(zip(KINDS, pool.map(_run, KINDS)))


def _measure(measures, name):
    """The measures of ``name``, once sure its child process made them."""
    m = measures[name]
    assert "error" not in m, m.get("error")
    return m


@pytest.mark.parametrize("name", list(KINDS))
def test_library_memory_is_flat_then_all_released(measures, name):
    m = _measure(measures, name)
    assert m["used_after"] == m["used_before"], (
        f"{KINDS[name][1]} x {m['count']}: libsnplp holds {m['used_after'] - m['used_before']} "
        f"more bytes after the loop ({m['used_before']} -> {m['used_after']})")
    assert m["at_end"] == m["at_import"], (
        f"{KINDS[name][1]}: libsnplp still holds {m['at_end'] - m['at_import']} bytes once "
        f"every object is dropped")


@pytest.mark.parametrize("name", list(KINDS))
def test_resident_memory_is_flat(measures, name):
    if SANITIZED:
        pytest.skip("AddressSanitizer's quarantine keeps freed memory resident")
    m = _measure(measures, name)
    growth = m["rss_after"] - m["rss_before"]
    assert growth < RSS_BOUND, (
        f"{KINDS[name][1]} x {m['count']}: the resident memory grew by {growth / 2**20:.1f} MiB "
        f"({m['seconds']:.1f} s)")


def test_counts_are_those_documented():
    """A million for the cheap wrappers, as the issue asks."""
    assert KINDS["themes"][0] == KINDS["convention_children"][0] == 1_000_000
    assert all(count >= 3_000 for count, _, _ in KINDS.values())


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    child_main(sys.argv[1], int(sys.argv[2]))
