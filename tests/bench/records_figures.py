#!/usr/bin/env python3
"""Prints the figures of a file of training records computed from its XML alone, without
libsnplp: the expectations of the tests on examples/data/records.xml (test_fill.c,
test_records_xml.c, tests/cli/test_cli.py, tests/python) come from here, never from the
library's own output. Run it after changing the generator's example mode (gen_records.py -e).

    records_figures.py [FILE]          (default: examples/data/records.xml)

Definitions (docs/records.md): trained is "attended", or "partial" with days at least the
session's; a session counts in the year it ends; the workforce in scope of a period is the
workers present on at least one of its days; days: "attended" without days counts the
session's, "partial" without days is unknown.
"""
import collections
import datetime
import os
import sys
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal as D

NS = "{urn:snplp:1.0}"
PLAN = {"module-insertion-fundamentals", "module-insertion-expert"}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
day = datetime.date.fromisoformat


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "examples", "data",
                                                              "records.xml")
    root = ET.parse(path).getroot()
    print("file:", path, os.path.getsize(path), "bytes")
    print("records:", dict(collections.Counter(e.tag.replace(NS, "") for e in root)))
    workers = {w.get("id"): w for w in root.iter(NS + "worker")}
    sessions = {s.get("id"): s for s in root.iter(NS + "session")}
    att = list(root.iter(NS + "attendance"))
    print("statuses:", dict(collections.Counter(a.get("status") for a in att)))

    def session(a):
        return sessions[a.get("session")]

    def trained(a):
        if a.get("status") == "attended":
            return True
        return (a.get("status") == "partial" and a.get("days") is not None
                and D(a.get("days")) >= D(session(a).get("days")))

    def days(a):  # None: unknown
        if a.get("status") == "attended":
            return D(a.get("days") or session(a).get("days"))
        if a.get("status") == "partial":
            return D(a.get("days")) if a.get("days") is not None else None
        return D(0)

    for year in (2019, 2020, 2021):
        n = len({a.get("worker") for a in att if trained(a) and session(a).get("subject") in PLAN
                 and day(session(a).get("end")).year == year})
        print("workers trained on the training plan's modules, %d: %d" % (year, n))

    def coverage(first, last, subjects=None):
        first, last = day(first), day(last)
        scope = {i for i, w in workers.items() if day(w.get("from")) <= last
                 and (w.get("until") is None or day(w.get("until")) >= first)}
        inside = [a for a in att if first <= day(session(a).get("end")) <= last
                  and a.get("worker") in scope
                  and (subjects is None or session(a).get("subject") in subjects)]
        done = {a.get("worker") for a in inside if trained(a)}
        total = sum((days(a) for a in inside if days(a) is not None), D(0))
        unknown = sum(1 for a in inside if days(a) is None)
        rate = (D(len(done)) * 100 / len(scope)).quantize(D("0.01"), ROUND_HALF_UP)
        return "workforce %d, trained %d (%s%%), days %s, days unknown %d" % (
            len(scope), len(done), rate, total, unknown)

    print("coverage 2021:", coverage("2021-01-01", "2021-12-31"))
    print("coverage 2019-2021:", coverage("2019-01-01", "2021-12-31"))
    print("coverage 2019-2021, theme-insertion:", coverage("2019-01-01", "2021-12-31", PLAN))


if __name__ == "__main__":
    main()
