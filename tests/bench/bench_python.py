#!/usr/bin/env python3
"""Reading a file of conventions from Python: the snplp binding against the pure-Python program
a user would otherwise write with lxml (docs/performance.md).

    bench_python.py [-n RUNS] [--check] FILE

Measured on FILE, each run in a process of its own (os.fork; the peak RSS is the child's
ru_maxrss from os.wait4), RUNS times (default 3), best and worst kept:

  snplp import        snplp.ConventionList.from_file(FILE): the C import (default checks)
                      behind the binding; the model stays in C, read on demand;
  snplp to objects    the same, then every convention, action, indicator and yearly value
                      copied out through the Pythonic API into plain Python objects;
  lxml iterparse      lxml.etree.iterparse(FILE, tag=convention), each convention turned into
                      the same plain objects, then cleared (the streaming idiom): what a user
                      writes without the library. It checks nothing (no territory code, no id,
                      no year rule) and keeps every value as an exact decimal.Decimal, as the
                      library does.

The plain objects are dicts and tuples: per convention its id, territory, years, signature
date, signatories, funding, reports, actions (with statuses and drop reasons) and indicators
(with unit, polarity, aggregation, references, baseline and, per year, target, actual, source
and comment). With --check, the two readings are compared object for object and the run fails
when they differ or when the import gives any diagnostic (CTest's bench-python-1x).

The target (Python import at least 10x faster than the lxml program) is printed, never
asserted: the exit status says only whether every step worked. Needs Debian's python3-lxml and
the built binding on PYTHONPATH (<build>/bindings/python).
"""

import argparse
import decimal
import json
import os
import sys
import time

NS = "{urn:snplp:1.0}"


# ---- the program a user would write with lxml ----

def read_lxml(path):
    from lxml import etree

    D = decimal.Decimal
    tag_signatory, tag_funding, tag_report = NS + "signatory", NS + "funding", NS + "report"
    tag_action, tag_indicator, tag_name = NS + "action", NS + "indicator", NS + "territory-name"
    tag_title, tag_description, tag_status = NS + "title", NS + "description", NS + "status"
    tag_label, tag_baseline, tag_values = NS + "label", NS + "baseline", NS + "values"
    tag_source, tag_comment = NS + "source", NS + "comment"
    conventions = []
    for _, el in etree.iterparse(path, events=("end",), tag=NS + "convention"):
        a = el.attrib
        first, last = a.get("first-year"), a.get("last-year")
        conv = {
            "id": a["id"], "kind": a["territory-kind"], "code": a["territory-code"],
            "name": None, "first": int(first) if first else None,
            "last": int(last) if last else None, "signature": a.get("signature-date"),
            "signatories": [], "funding": {}, "reports": {}, "actions": [], "indicators": [],
        }
        for child in el:
            tag = child.tag
            if tag == tag_indicator:
                ia = child.attrib
                ind = {
                    "id": ia["id"], "unit": ia["unit"],
                    "polarity": ia.get("polarity", "higher-is-better"),
                    "aggregation": ia.get("aggregation", "none"), "weight": ia.get("weight"),
                    "numerator": ia.get("numerator"), "denominator": ia.get("denominator"),
                    "label": None, "baseline": None, "values": {},
                }
                for c in child:
                    t = c.tag
                    if t == tag_values:
                        va = c.attrib
                        target, actual = va.get("target"), va.get("actual")
                        source = comment = None
                        for s in c:
                            if s.tag == tag_source:
                                source = s.text or ""
                            elif s.tag == tag_comment:
                                comment = s.text or ""
                        ind["values"][int(va["year"])] = (
                            D(target) if target is not None else None,
                            D(actual) if actual is not None else None, source, comment)
                    elif t == tag_label:
                        ind["label"] = c.text or ""
                    elif t == tag_baseline:
                        ind["baseline"] = (int(c.get("year")), D(c.get("value")))
                conv["indicators"].append(ind)
            elif tag == tag_action:
                act = {"id": child.get("id"), "objective": child.get("objective"),
                       "title": None, "description": None, "statuses": {}}
                for c in child:
                    t = c.tag
                    if t == tag_status:
                        reason = None
                        for r in c:
                            reason = r.text or ""
                        act["statuses"][int(c.get("year"))] = (c.get("value"), reason)
                    elif t == tag_title:
                        act["title"] = c.text or ""
                    elif t == tag_description:
                        act["description"] = c.text or ""
                conv["actions"].append(act)
            elif tag == tag_funding:
                conv["funding"][int(child.get("year"))] = (int(child.get("state-cents")),
                                                           int(child.get("own-cents")))
            elif tag == tag_report:
                conv["reports"][int(child.get("year"))] = child.get("sent")
            elif tag == tag_signatory:
                conv["signatories"].append(tuple(c.text or "" for c in child))
            elif tag == tag_name:
                conv["name"] = child.text or ""
        conventions.append(conv)
        el.clear()
        while el.getprevious() is not None:
            del el.getparent()[0]
    return conventions


# ---- the binding ----

def import_snplp(path):
    import snplp

    lst = snplp.ConventionList.from_file(path)
    if lst.diagnostics:
        raise RuntimeError("import: %d diagnostic(s): %s" % (len(lst.diagnostics),
                                                             lst.diagnostics[:5]))
    return lst


def snplp_objects(lst):
    """The same plain objects as read_lxml(), copied out of the library's model."""
    conventions = []
    for c in lst:
        sig = c.signature_date
        conv = {
            "id": c.id, "kind": str(c.territory_kind), "code": c.territory_code,
            "name": c.territory_name, "first": c.first_year, "last": c.last_year,
            "signature": sig.isoformat() if sig else None,
            "signatories": [tuple(s) for s in c.signatories],
            "funding": {y: tuple(f) for y, f in c.funding.items()},
            "reports": {y: d.isoformat() for y, d in c.reports.items()},
            "actions": [], "indicators": [],
        }
        for a in c.actions:
            conv["actions"].append({
                "id": a.id, "objective": str(a.objective), "title": a.title,
                "description": a.description,
                "statuses": {y: (str(s), a.drop_reason(y)) for y, s in a.statuses.items()},
            })
        for i in c.indicators:
            b = i.baseline
            conv["indicators"].append({
                "id": i.id, "unit": str(i.unit), "polarity": str(i.polarity),
                "aggregation": str(i.aggregation), "weight": i.weight_id,
                "numerator": i.numerator_id, "denominator": i.denominator_id,
                "label": i.label, "baseline": (b.year, b.value) if b else None,
                "values": {y: (v.target, v.actual, v.source, v.comment)
                           for y, v in i.values.items()},
            })
        conventions.append(conv)
    return conventions


def count_values(conventions):
    return sum(len(i["values"]) + (i["baseline"] is not None)
               for c in conventions for i in c["indicators"])


# ---- measuring ----

OPS = [
    ("baseline", "process baseline"),
    ("snplp", "snplp import"),
    ("snplp-objects", "snplp to objects"),
    ("lxml", "lxml iterparse"),
]


def run_op(key, path):
    if key == "baseline":
        return {"seconds": 0.0}
    t0 = time.perf_counter()
    if key == "snplp":
        lst = import_snplp(path)
        seconds = time.perf_counter() - t0
        return {"seconds": seconds, "conventions": len(lst)}
    if key == "snplp-objects":
        objs = snplp_objects(import_snplp(path))
    else:
        objs = read_lxml(path)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "conventions": len(objs), "values": count_values(objs)}


def run_in_child(key, path):
    """Runs one operation in a forked process; returns (result dict, peak RSS in KiB)."""
    r, w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        status = 0
        try:
            data = json.dumps(run_op(key, path)).encode()
        except BaseException as e:  # reported by the parent
            data = json.dumps({"error": "%s: %s" % (type(e).__name__, e)}).encode()
            status = 1
        with os.fdopen(w, "wb") as f:
            f.write(data)
        os._exit(status)
    os.close(w)
    with os.fdopen(r, "rb") as f:
        data = f.read()
    _, status, usage = os.wait4(pid, 0)
    result = json.loads(data.decode()) if data else {"error": "no result"}
    if status != 0 or "error" in result:
        raise RuntimeError("%s: %s" % (key, result.get("error", "status %d" % status)))
    return result, usage.ru_maxrss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3, dest="runs", help="runs of each (default 3)")
    parser.add_argument("--check", action="store_true",
                        help="fail if the two readings differ or the import has diagnostics")
    parser.add_argument("--tsv", action="store_true", help="tab-separated output")
    parser.add_argument("file")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("-n must be at least 1")
    try:
        import lxml.etree  # noqa: F401
        import snplp  # noqa: F401
    except ImportError as e:
        print("bench_python.py: %s (Debian: python3-lxml; PYTHONPATH=<build>/bindings/python)"
              % e, file=sys.stderr)
        return 1
    size = os.path.getsize(args.file)

    if args.check:
        a = snplp_objects(import_snplp(args.file))
        b = read_lxml(args.file)
        if a != b:
            for ca, cb in zip(a, b):
                if ca != cb:
                    for k in ca:
                        if ca[k] != cb.get(k):
                            print("check: %s differs in %s:\n  snplp %r\n  lxml  %r" % (
                                ca["id"], k, ca[k], cb.get(k)), file=sys.stderr)
                            break
                    break
            print("check: the binding and the lxml program read different content",
                  file=sys.stderr)
            return 1
        print("check: the binding and the lxml program read the same %d conventions, %d "
              "yearly values" % (len(a), count_values(a)))
        del a, b

    # Interleaved rounds, every operation once per round, each in a new process.
    best, worst, rss, last = {}, {}, {}, {}
    for _ in range(args.runs):
        for key, _ in OPS:
            result, maxrss = run_in_child(key, args.file)
            s = result["seconds"]
            best[key] = min(best.get(key, s), s)
            worst[key] = max(worst.get(key, s), s)
            rss[key] = max(rss.get(key, 0), maxrss)
            last[key] = result

    values = last["lxml"]["values"]
    if args.tsv:
        print("key\tbest_s\tworst_s\truns\tpeak_rss_kib\tsize\tconventions\tvalues")
        for key, _ in OPS:
            print("%s\t%.6f\t%.6f\t%d\t%d\t%d\t%d\t%d" % (
                key, best[key], worst[key], args.runs, rss[key], size,
                last["lxml"]["conventions"], values))
        return 0
    print("file: %s" % args.file)
    print("size: %d bytes (%.2f MB); %d conventions, %d yearly values" % (
        size, size / 1e6, last["lxml"]["conventions"], values))
    print("runs: %d, each in a new process; best and worst; ratios of the best\n" % args.runs)
    print("%-18s %10s %10s %8s %9s %12s  %s" % ("", "best (ms)", "worst (ms)", "MB/s",
                                               "ns/value", "peak RSS", "lxml / this"))
    for key, label in OPS:
        if key == "baseline":
            continue
        print("%-18s %10.2f %10.2f %8.1f %9.1f %8d KiB  %.2f x" % (
            label, best[key] * 1e3, worst[key] * 1e3, size / best[key] / 1e6,
            best[key] * 1e9 / values, rss[key], best["lxml"] / best[key]))
    print("\nprocess baseline (interpreter with snplp and lxml loaded, forked): peak RSS %d KiB"
          % rss["baseline"])
    ratio = best["lxml"] / best["snplp"]
    print("target: Python import at least 10 x faster than the lxml program: %s (%.1f x; "
          "to plain objects: %.2f x)" % ("met" if ratio >= 10 else "NOT met", ratio,
                                         best["lxml"] / best["snplp-objects"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
