"""Hostile arguments never crash the interpreter (issue 7, "Safe").

"None or a wrong type where C expects an object raises TypeError, never a crash; a test calls
every public callable with hostile arguments (None, wrong types, huge ints, lone surrogates,
empty strings) and the interpreter survives."

The sweep covers

- every function of the raw module ``snplp._core`` (its arity and the type of each argument are
  probed from SWIG's own TypeError messages, so nothing is listed by hand), and
- every public callable of the package: the functions of ``snplp.__all__``, the constructor of
  every class of ``__all__``, their methods, class methods and static methods (those the package
  defines, and the ``collections.abc`` mixins its collections inherit: ``index``, ``count``,
  ``get``, ``pop``...), the item-access dunders (``[]``, ``[]=``, ``del``, ``in``, ``==``) and
  every property setter; the live views that properties return (``conv.funding``,
  ``conv.reports``, ``action.statuses``, ``indicator.values``) too.

Each callable is called, for each of its parameters in turn, with every hostile value
(:data:`HOSTILE`) in that parameter and a plausible value in the others (a live object of the
right type for the raw layer's pointers), then with the same hostile value in every parameter,
then with too few and too many arguments. Any Python exception is fine (``TypeError``,
``OverflowError``, ``UnicodeEncodeError``, a :class:`snplp.Error`...), except ``SystemError``,
which only a broken wrapper raises; a crash (a signal, an abort, a hang) is a failure naming
the callable and the arguments of the last call made.

The sweep runs in child processes (this file run as a script with ``--child``), in chunks run
in parallel: a segfault kills a child, not pytest. After a crash the chunk goes on from the
callable after the one that crashed, so one run reports every crash. A wrong-type SWIG pointer
given to the raw layer is a fresh object released properly right after the call, so a
function that frees (or corrupts) what it was given crashes at once, in its own call.

Crashes already known are listed in :data:`KNOWN_CRASHES` with their reason: the sweep leaves
them out and a strict ``xfail`` test runs each one alone, so that it turns into a failure (to
remove from the list) the day it is fixed.

Last, calling ``__init__`` again on a live root (a referential, a convention, a list) must not
free what the wrappers of its parts point into (test_init_again_keeps_the_parts_valid).
"""

import concurrent.futures
import datetime
import decimal
import gc
import inspect
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CONVENTION_FILE = os.path.join(ROOT, "examples", "data", "convention-49.xml")
RECORDS_FILE = os.path.join(ROOT, "examples", "data", "records.xml")

#: Crashes found by the sweep and not fixed yet: target id -> why. Each one is left out of the
#: sweep and run alone by test_known_crash (strict xfail: it fails once the crash is gone).
KNOWN_CRASHES: dict = {}

#: How many child processes run at once, and the number of chunks of each layer.
WORKERS = min(8, os.cpu_count() or 1)
CHUNKS = max(2, WORKERS)
#: Seconds a chunk may take before it is called a hang.
CHUNK_TIMEOUT = 120

# ---------------------------------------------------------------------------------------------
# The child: runs the calls
# ---------------------------------------------------------------------------------------------


class Fresh:
    """A hostile value made anew for each call and released after it (SWIG pointers)."""

    def __init__(self, label, make, release=None):
        self.label, self.make, self.release = label, make, release


def hostile_values(foreign_python):
    """(label, value or Fresh) of every hostile value. ``foreign_python`` is a wrapper of the
    package that no parameter expects (an Outcome)."""
    from snplp import _core

    def new_options():
        rc, ptr = _core.snplp_import_options_new()
        assert rc == 0
        return ptr

    return [
        ("None", None),
        ("0", 0),
        ("-1", -1),
        ("2**64", 2**64),
        ("-2**63-1", -2**63 - 1),
        ("1.5", 1.5),
        ("''", ""),
        ("'\\ud800'", "\ud800"),
        ("'x'*100000", "x" * 100000),
        ("b'\\x00'", b"\x00"),
        ("object()", object()),
        ("[]", []),
        ("[None]", [None]),
        ("[object()]", [object()]),
        ("(None, None)", (None, None)),
        ("(2**64, 99, -1)", (2**64, 99, -1)),
        ("<snplp.Outcome>", foreign_python),
        # a pointer of a wrong type (a snplp_diagnostics * where options are expected)
        ("<raw pointer of another type>",
         Fresh("<raw snplp_import_options *>", new_options, _core.snplp_import_options_free)),
    ]


class Env:
    """The live objects the calls use: a referential, conventions, a matrix... of the package,
    and raw pointers of every C type for the raw layer."""

    def __init__(self, tmp):
        import snplp
        from snplp import _core

        self.tmp = tmp
        self.snplp = snplp
        ref = self.ref = snplp.Referential.builtin()
        first = {}
        for item in ref:
            first.setdefault(type(item), item)
        self.instances = dict(first)  # class -> an instance
        module = next((m for m in ref.modules if len(m.prerequisites)), ref.modules[0])
        lst = self.lst = snplp.ConventionList.from_file(CONVENTION_FILE)
        conv = self.conv = lst[0]
        action, ind = conv.actions[0], conv.indicators[0]
        matrix = self.matrix = conv.matrix()
        year = matrix.years[0]
        credits = conv.credits(conv.first_year, at=datetime.date(conv.last_year + 1, 12, 31))
        reason = credits.reasons[0] if credits.reasons else snplp.CreditReason(
            snplp.CreditReasonKind.REPORT_MISSING, True, None, "message")
        hits = ref.search("insertion")
        rec = self.records = snplp.Records.from_file(RECORDS_FILE)
        self.instances.update({
            snplp.Records: rec,
            snplp.RecordProfession: rec.professions[0],
            snplp.Employer: rec.employers[0],
            snplp.Worker: rec.workers[0],
            snplp.TrainingBody: rec.training_bodies[0],
            snplp.Session: rec.sessions[0],
            snplp.Attendance: rec.attendance[0],
            snplp.Eligibility: rec.eligibility(ref, "w49-0004", "module-insertion-expert",
                                               at=datetime.date(2020, 1, 1)),
            snplp.Coverage: rec.coverage(ref, "2019-01-01", "2021-12-31"),
        })
        self.instances.update({
            snplp.Referential: ref,
            snplp.Item: ref.strategy,
            snplp.Collection: ref.themes,
            snplp.TextList: ref.strategy.labels,
            snplp.IdList: module.prerequisites,
            snplp.SearchHit: hits[0],
            snplp.ForeignAttribute: snplp.ForeignAttribute("urn:x", "x", "a", "v"),
            snplp.ConventionList: lst,
            snplp.Convention: conv,
            snplp.Action: action,
            snplp.Indicator: ind,
            snplp.YearValues: ind.values[year],
            snplp.Matrix: matrix,
            snplp.MatrixRow: matrix[0],
            snplp.Cell: matrix.cell(0, year),
            snplp.Credits: credits,
            snplp.CreditReason: reason,
            snplp.Signatory: snplp.Signatory("role", "name"),
            snplp.YearFunding: snplp.YearFunding(1, 2),
            snplp.Baseline: snplp.Baseline(2018, decimal.Decimal("1.5")),
            snplp.MissingValues: snplp.MissingValues("calpae-x", frozenset({"target"})),
            snplp.Diagnostic: snplp.Diagnostic("warning", 1, "name", 1, 2, None, "message"),
        })
        for name in snplp.__all__:
            obj = getattr(snplp, name)
            if isinstance(obj, type) and issubclass(obj, snplp.Error):
                self.instances[obj] = obj("message")
            elif isinstance(obj, type) and issubclass(obj, int) and hasattr(obj, "__members__"):
                self.instances[obj] = next(iter(obj))
        #: The views the properties return (not classes of __all__, public all the same).
        self.views = {f"view:{type(v).__name__}": v
                      for v in (conv.funding, conv.reports, action.statuses, ind.values)}
        self.foreign = first[snplp.Outcome]
        self.hostile = hostile_values(self.foreign)

        def new_diagnostics():
            rc, ptr = _core.snplp_diagnostics_new()
            assert rc == 0
            return ptr

        #: The wrong pointer given where options are expected (the usual one is options).
        self.other_foreign = Fresh("<raw snplp_diagnostics *>", new_diagnostics,
                                   _core.snplp_diagnostics_free)
        self.py_baseline = self._python_baselines()
        self.raw = self._raw_pool(_core)

    # -- plausible values of the package's parameters, by name --

    def _python_baselines(self):
        s = self.snplp
        stream = Fresh("BytesIO", io.BytesIO)
        first = lambda enum_cls: next(iter(enum_cls))  # noqa: E731
        return {
            "id": "zz-new-id", "theme_id": "zz-theme", "module_id": "zz-module",
            "profession_id": "zz-profession", "weight_id": None, "item_id": None,
            "title": "zz", "text": "zz", "label": "zz", "name": "zz", "role": "zz",
            "code": "49", "territory_code": "49", "territory_name": "zz", "query": "zz",
            "xml": '<x:e xmlns:x="urn:zz"/>', "namespace": "urn:zz", "prefix": "zz",
            "value": "1", "reason": None, "message": "zz", "severity": "warning",
            "year": 2020, "first": 2019, "last": 2021, "index": 0, "row": 0,
            "at": None, "threshold": None, "strict": False, "dialect": "intl",
            "territory_kind": "departement", "kind": "departement",
            "objective": first(s.ActionObjective), "unit": first(s.Unit),
            "status": first(s.ActionStatus), "aggregation": first(s.Aggregation),
            "polarity": first(s.Polarity), "level": list(s.Level)[-1],
            "style": list(s.Style)[-1], "category": list(s.Category)[-1],
            "path": os.path.join(self.tmp, "out.xml"), "data": b"",
            "source": stream, "stream": stream, "target": stream,
            "conventions": [], "items": ["a"], "texts": ["a"], "progress": None,
            "matrix": self.matrix, "indicator": self.instances[s.Indicator],
            "conv": self.conv, "default": None, "diagnostics": (), "key": None,
            "a": "a", "b": "b", "sent": datetime.date(2020, 1, 1),
            # training records (1.4)
            "referential": self.ref, "worker_id": "w49-0004", "session_id": "zz-session",
            "subject_id": "module-insertion-fundamentals", "body_id": "zz-body",
            "employer_id": "zz-employer", "start": datetime.date(2019, 1, 1),
            "end": datetime.date(2021, 12, 31), "from_": datetime.date(2020, 1, 1),
            "days": "1", "line": "zz", "siret": "73282932000074",
        }

    # -- raw pointers of every C type, for the raw layer --

    def _raw_pool(self, c):
        def ok(result):
            rc, ptr = result
            assert rc == 0 and ptr is not None, c.snplp_error_last_message()
            return ptr

        pool = {}
        ref = pool["snplp_referential"] = ok(c.snplp_referential_builtin())
        pool["snplp_strategy"] = c.snplp_referential_strategy(ref)
        plan = pool["snplp_training_plan"] = c.snplp_referential_training_plan(ref)
        for stem in ("commitment", "lever", "theme", "module", "profession", "diploma_rule",
                     "funding", "plan"):
            pool["snplp_" + stem] = getattr(c, f"snplp_referential_{stem}_at")(ref, 0)
        def first_child(parent, child):  # the first <child> of any top-level <parent>
            for i in range(getattr(c, f"snplp_referential_{parent}_count")(ref)):
                found = getattr(c, f"snplp_{parent}_{child}_at")(
                    getattr(c, f"snplp_referential_{parent}_at")(ref, i), 0)
                if found is not None:
                    return found
            return None

        pool["snplp_objective"] = c.snplp_training_plan_objective_at(plan, 0)
        pool["snplp_outcome"] = (c.snplp_training_plan_outcome_at(plan, 0)
                                 or first_child("theme", "outcome"))
        pool["snplp_recommendation"] = (first_child("theme", "recommendation")
                                        or first_child("module", "recommendation"))
        pool["snplp_competence"] = first_child("module", "competence")
        pool["snplp_content"] = c.snplp_competence_content_at(pool["snplp_competence"], 0)
        pool["snplp_plan_theme"] = first_child("plan", "plan_theme")
        pool["snplp_figure"] = first_child("plan", "figure")
        pool["snplp_import_options"] = ok(c.snplp_import_options_new())
        pool["snplp_diagnostics"] = ok(c.snplp_diagnostics_new())
        holder = ok(c.snplp_diagnostics_new())  # owns the diagnostic below, never changed
        c.snplp_referential_import_memory(holder, b"<referential/>", "bad", None)
        pool["snplp_diagnostic"] = c.snplp_diagnostics_at(holder, 0)
        pool["_holder"] = holder
        results = pool["snplp_search_results"] = ok(c.snplp_referential_search(ref, "insertion"))
        pool["snplp_search_hit"] = c.snplp_search_results_at(results, 0)
        lst = pool["snplp_convention_list"] = ok(
            c.snplp_conventions_import_file(holder, CONVENTION_FILE, None))
        conv = pool["snplp_convention"] = c.snplp_convention_list_at(lst, 0)
        pool["snplp_action"] = c.snplp_convention_action_at(conv, 0)
        pool["snplp_indicator"] = c.snplp_convention_indicator_at(conv, 0)
        pool["snplp_matrix"] = ok(c.snplp_convention_matrix(conv, None))
        pool["snplp_credits"] = ok(c.snplp_convention_credits(conv, 2019, (2022, 12, 31)))
        rec = pool["snplp_records"] = ok(c.snplp_records_import_file(holder, RECORDS_FILE, None))
        for stem in ("profession", "employer", "worker", "training_body", "session",
                     "attendance"):
            kind = "snplp_record_profession" if stem == "profession" else "snplp_" + stem
            pool[kind] = getattr(c, f"snplp_records_{stem}_at")(rec, 0)
        pool["snplp_eligibility"] = ok(c.snplp_records_eligibility(
            rec, ref, "w49-0004", "module-insertion-expert", (2020, 1, 1)))
        pool["snplp_eligibility_list"] = ok(c.snplp_records_next_modules(
            rec, ref, "w49-0004", (2020, 1, 1)))
        pool["snplp_coverage"] = ok(c.snplp_records_coverage(
            rec, ref, (2019, 1, 1), (2021, 12, 31), 15))
        missing = sorted(k for k, v in pool.items() if v is None)
        assert not missing, f"no raw object for {missing}"
        return pool


def _materialise(value, made):
    if isinstance(value, Fresh):
        obj = value.make()
        made.append((value, obj))
        return obj
    return value


def _consume(result):
    """Runs what a call returned lazily (a generator) for a while."""
    if inspect.isgenerator(result) or type(result).__name__.endswith("iterator"):
        for i, _ in enumerate(result):
            if i > 10000:
                break


def _call(fn, args, kwargs=None):
    made = []
    try:
        real = [_materialise(a, made) for a in args]
        kw = {k: _materialise(v, made) for k, v in (kwargs or {}).items()}
        _consume(fn(*real, **kw))
    finally:
        for fresh, obj in made:
            if fresh.release is not None:
                fresh.release(obj)


# -- the raw layer --


def _core_arity(fn):
    try:
        fn(*([None] * 40))
    except TypeError as e:
        text = str(e)
        if "takes no arguments" in text:
            return 0
        if "takes exactly one argument" in text:
            return 1
        words = text.split()
        if "expected" in words:
            return int(words[words.index("expected") + 1])
    raise AssertionError(f"{fn.__name__}: cannot tell its number of arguments")


def _core_kind(message):
    """What a SWIG TypeError says the argument is: a C type name without const and *, or
    the name of one of the typemaps of common.i."""
    for marker, kind in (("expected str", "str"), ("(units, scale)", "decimal"),
                         ("(year, month, day)", "date"), ("callable read", "read"),
                         ("callable write", "write"), ("callable progress", "progress"),
                         ("bytes-like", "bytes"), ("list of snplp_convention", "conventions"),
                         ("list of str", "texts")):
        if marker in message:
            return kind
    if "of type '" in message:
        ctype = message.split("of type '", 1)[1].split("'", 1)[0]
        return " ".join(w for w in ctype.replace("*", " * ").split()
                        if w not in ("const", "struct"))
    return "?"


def _core_baseline(kind, env):
    """A plausible value for an argument of that kind."""
    if kind.endswith(" *"):
        return env.raw.get(kind[:-2])
    return {
        "str": "zz-none", "decimal": (1, 0), "date": (2020, 1, 1), "read": lambda n: b"",
        "write": lambda data: None, "progress": lambda done, total: True, "bytes": b"",
        "conventions": [], "texts": ["a"], "size_t": 0, "int32_t": 2020, "int64_t": 0,
        "int": 0, "bool": False, "double": 1.0,
    }.get(kind, 1 if kind.startswith("snplp_") else None)


def _core_calls(name, env):
    """(description, thunk) of every call of the sweep of _core.<name>."""
    from snplp import _core

    fn = getattr(_core, name)
    n = _core_arity(fn)
    baseline, kinds = [], []
    for k in range(n):  # probe each argument in turn, the earlier ones plausible
        args = baseline + [object()] + [None] * (n - k - 1)
        try:
            fn(*args)
            kind = "?"
        except TypeError as e:
            kind = _core_kind(str(e))
        kinds.append(kind)
        baseline.append(_core_baseline(kind, env))
    def wrong(h, kind):  # a pointer of another type than the argument's own
        if isinstance(h, Fresh) and kind == "snplp_import_options *":
            return env.other_foreign
        return h

    yield "()", lambda: _call(fn, [])
    yield "(too many)", lambda: _call(fn, baseline + [None])
    for label, h in env.hostile:
        if n == 0:
            yield f"({label})", lambda h=h: _call(fn, [h])
            continue
        everywhere = [wrong(h, kind) for kind in kinds]
        yield f"({label} everywhere)", lambda args=everywhere: _call(fn, args)
        for i in range(n):
            args = baseline[:i] + [wrong(h, kinds[i])] + baseline[i + 1:]
            yield (f"(argument {i + 1} [{kinds[i]}] = {label})",
                   lambda args=args: _call(fn, args))


# -- the package --


DUNDERS = ("__getitem__", "__setitem__", "__delitem__", "__contains__", "__eq__")
MIXIN_MODULES = ("collections.abc", "_collections_abc")


def _is_package(module):
    return module == "snplp" or (module or "").startswith("snplp.")


def _owner(cls, name):
    for klass in cls.__mro__:
        if name in vars(klass):
            return klass
    return None


def public_classes():
    import snplp

    return {name: getattr(snplp, name) for name in snplp.__all__
            if isinstance(getattr(snplp, name), type)}


def public_functions():
    import snplp

    return {name: getattr(snplp, name) for name in snplp.__all__
            if not isinstance(getattr(snplp, name), type) and callable(getattr(snplp, name))}


def class_members(cls):
    """{name: "method" or "setter"} of the public callables of instances of cls."""
    out = {}
    for name in sorted(dir(cls)):
        if name.startswith("_") and name not in DUNDERS:
            continue
        owner = _owner(cls, name)
        if owner is None or not (_is_package(owner.__module__)
                                 or owner.__module__ in MIXIN_MODULES):
            continue
        attr = vars(owner)[name]
        if isinstance(attr, property):
            if attr.fset is not None:
                out[name] = "setter"
        elif isinstance(attr, (classmethod, staticmethod)) or inspect.isfunction(attr):
            if name == "__eq__" and owner is object:
                continue
            out[name] = "method"
    return out


def target_ids(env=None):
    """Every target of the sweep, in a fixed order: "core:<function>", "fn:<function>",
    "new:<Class>", "method:<Class>.<name>", "set:<Class>.<name>" and the same for the views
    ("method:view:<Class>.<name>")."""
    from snplp import _core

    ids = [f"core:{n}" for n in sorted(dir(_core))
           if n.startswith("snplp_") and callable(getattr(_core, n))]
    ids += [f"fn:{n}" for n in sorted(public_functions())]
    classes = public_classes()
    ids += [f"new:{n}" for n in sorted(classes)]
    owners = sorted(classes.items())
    if env is not None:
        owners += sorted((k, type(v)) for k, v in env.views.items())
    for cname, cls in owners:
        for name, what in class_members(cls).items():
            ids.append(f"{'set' if what == 'setter' else 'method'}:{cname}.{name}")
    return ids


def _signature(fn):
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return ["arg"], []
    positional, keyword = [], []
    for p in sig.parameters.values():
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            positional.append(p)
        elif p.kind == p.KEYWORD_ONLY:
            keyword.append(p)
        elif p.kind == p.VAR_POSITIONAL and not positional:
            positional.append(p.replace(kind=p.POSITIONAL_ONLY, default=p.empty))
    return positional, keyword


def _py_baseline(param, env):
    if param.default is not param.empty and param.default is not None:
        return param.default
    return env.py_baseline.get(param.name, param.default if param.default is not param.empty
                               else "zz")


def _py_calls(fn, env):
    positional, keyword = _signature(fn)
    base = [_py_baseline(p, env) for p in positional]
    if not positional:
        yield "(too many)", lambda: _call(fn, ["extra"])
    for label, h in env.hostile:
        if positional:
            yield f"({label} everywhere)", lambda h=h: _call(fn, [h] * len(positional))
        for i, p in enumerate(positional):
            args = base[:i] + [h] + base[i + 1:]
            yield f"({p.name}={label})", lambda args=args: _call(fn, args)
        for p in keyword:
            yield (f"({p.name}={label}, keyword)",
                   lambda p=p, h=h: _call(fn, base, {p.name: h}))


def target_calls(tid, env):
    """(description, thunk) of every call of the target ``tid``."""
    what, _, rest = tid.partition(":")
    if what == "core":
        yield from _core_calls(rest, env)
        return
    if what == "fn":
        yield from _py_calls(public_functions()[rest], env)
        return
    if what == "new":
        cls = public_classes()[rest]
        if hasattr(cls, "__members__"):  # an enum: Kind(value)
            for label, h in env.hostile:
                yield f"({label})", lambda h=h: _call(cls, [h])
            return
        yield from _py_calls(cls, env)
        return
    cname, _, name = rest.rpartition(".")
    if cname.startswith("view:"):
        instance = env.views[cname]
    else:
        cls = public_classes()[cname]
        if cls not in env.instances:
            raise AssertionError(f"no instance of {cname} to call {name} on: add one to Env")
        instance = env.instances[cls]
    if what == "set":
        for label, h in env.hostile:
            yield f"(= {label})", lambda h=h: _call(setattr, [instance, name, h])
        return
    yield from _py_calls(getattr(instance, name), env)


def child_main(ids):
    """Runs the calls of the targets ``ids``, writing "T id" before each target, "C desc"
    before each call, "S desc: error" for a SystemError, and "CHILD-OK" at the end."""
    import faulthandler

    faulthandler.enable()
    out = sys.stdout
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # whatever a call writes lands here
        env = Env(tmp)
        for tid in ids:
            out.write(f"T {tid}\n")
            out.flush()
            for desc, thunk in target_calls(tid, env):
                out.write(f"C {desc}\n")
                out.flush()
                try:
                    thunk()
                except SystemError as e:
                    out.write(f"S {tid}{desc}: {e!r}"[:2000] + "\n")
                except KeyboardInterrupt:
                    raise
                except BaseException:  # noqa: B902 - any exception is an answer
                    pass
        del env
        gc.collect()
        os.chdir(ROOT)
    out.write("CHILD-OK\n")
    out.flush()


# ---------------------------------------------------------------------------------------------
# The parent: runs chunks in child processes
# ---------------------------------------------------------------------------------------------


def _child(arguments, stdin, timeout):
    """(return code or "timeout", stdout, stderr) of this file run as a child."""
    command = [sys.executable, "-X", "faulthandler", os.path.abspath(__file__), *arguments]
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, text=True,
                              timeout=timeout, cwd=ROOT, errors="replace")
        return done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as e:
        def text(b):
            return b.decode("utf-8", "replace") if isinstance(b, bytes) else (b or "")

        return "timeout", text(e.stdout), text(e.stderr)


def _describe(rc):
    if rc == "timeout":
        return f"hung (no end after {CHUNK_TIMEOUT} s)"
    if isinstance(rc, int) and rc < 0:
        try:
            return f"killed by {signal.Signals(-rc).name}"
        except ValueError:
            return f"killed by signal {-rc}"
    return f"exited with status {rc}"


def run_chunk(ids):
    """Runs the targets ``ids`` in child processes, going on after each crash from the next
    target. Returns {"crashes": [...], "system_errors": [...], "calls": n, "seconds": s}."""
    crashes, system_errors, calls = [], [], 0
    start = time.perf_counter()
    remaining = list(ids)
    while remaining:
        rc, stdout, stderr = _child(["--child"], json.dumps(remaining), CHUNK_TIMEOUT)
        target, call = None, None
        for line in stdout.splitlines():
            if line.startswith("T "):
                target = line[2:]
            elif line.startswith("C "):
                call = line[2:]
                calls += 1
            elif line.startswith("S "):
                system_errors.append(line[2:])
        if rc == 0 and stdout.rstrip().endswith("CHILD-OK"):
            break
        lines = stderr.strip().splitlines()
        # a sanitizer's verdict comes first in its long report: keep it with the end
        verdict = [line for line in lines[:-12] if "Sanitizer" in line
                   and ("ERROR" in line or "SUMMARY" in line)]
        tail = "\n".join(verdict + lines[-12:])
        if target is None:
            crashes.append(f"the child {_describe(rc)} before its first call:\n{tail}")
            break
        crashes.append(f"{_call_text(target, call)} {_describe(rc)}\n{tail}")
        remaining = remaining[remaining.index(target) + 1:]
    return {"crashes": crashes, "system_errors": system_errors, "calls": calls,
            "seconds": time.perf_counter() - start}


def _call_text(target, call):
    what, _, rest = target.partition(":")
    name = {"core": "snplp._core.", "fn": "snplp.", "new": "snplp.", "method": "",
            "set": "setting "}[what] + rest
    return f"{name}{call or ''}"


def _chunks(ids, n):
    size = max(1, -(-len(ids) // n))
    return [ids[i:i + size] for i in range(0, len(ids), size)]


@pytest.fixture(scope="module")
def all_targets():
    rc, stdout, stderr = _child(["--list"], "", 60)
    assert rc == 0, f"listing the targets failed ({_describe(rc)}):\n{stderr}"
    return json.loads(stdout)


@pytest.fixture(scope="module")
def sweep(all_targets):
    """Runs the sweep of every target (the known crashes left out), chunks in parallel."""
    ids = [t for t in all_targets if t not in KNOWN_CRASHES]
    core = [t for t in ids if t.startswith("core:")]
    package = [t for t in ids if not t.startswith("core:")]
    chunks = [("core", c) for c in _chunks(core, CHUNKS)] + \
             [("package", c) for c in _chunks(package, CHUNKS)]
    results = {"core": [], "package": []}
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        for (layer, _), result in zip(chunks, pool.map(lambda c: run_chunk(c[1]), chunks)):
            results[layer].append(result)
    return results


def test_sweep_covers_every_public_callable(all_targets):
    import snplp
    from snplp import _core

    core = {n for n in dir(_core) if n.startswith("snplp_") and callable(getattr(_core, n))}
    assert len(core) > 400
    assert {t[5:] for t in all_targets if t.startswith("core:")} == core
    for name in snplp.__all__:
        obj = getattr(snplp, name)
        if isinstance(obj, type):
            assert f"new:{name}" in all_targets
        elif callable(obj):
            assert f"fn:{name}" in all_targets
    # a few that must be there
    for tid in ("set:Module.title", "method:Referential.add_theme", "method:Matrix.cell",
                "method:ConventionList.merge_csv", "set:YearValues.target",
                "method:view:_FundingView.__setitem__", "method:Collection.__getitem__",
                "new:Convention", "fn:text_sort"):
        assert tid in all_targets
    assert set(KNOWN_CRASHES) <= set(all_targets), "a known crash names no target"


@pytest.mark.parametrize("layer", ["core", "package"])
def test_hostile_arguments_never_crash(sweep, layer):
    results = sweep[layer]
    calls = sum(r["calls"] for r in results)
    assert calls > (10000 if layer == "core" else 3000), f"only {calls} calls were made"
    crashes = [c for r in results for c in r["crashes"]]
    assert not crashes, (f"{len(crashes)} crash(es) in {calls} calls:\n\n"
                         + "\n\n".join(crashes))


@pytest.mark.parametrize("layer", ["core", "package"])
def test_hostile_arguments_raise_no_system_error(sweep, layer):
    """A SystemError means a wrapper returned a result with an exception set, or none
    without one: a bug of the wrapper, never an answer."""
    errors = [e for r in sweep[layer] for e in r["system_errors"]]
    assert not errors, f"{len(errors)} SystemError(s):\n" + "\n".join(errors[:50])


@pytest.mark.parametrize("target", [
    pytest.param(t, marks=pytest.mark.xfail(strict=True, reason=why))
    for t, why in sorted(KNOWN_CRASHES.items())])
def test_known_crash(target):
    result = run_chunk([target])
    assert not result["crashes"], "\n\n".join(result["crashes"])


#: Calling __init__ again on a live root must not free what its parts point into: it is
#: refused (TypeError), or the parts keep working. Each program runs in a child process.
REINIT = {
    "Referential": """
ref = snplp.Referential.builtin()
part = ref.themes[0]
before = part.title
call = ref.__init__
""",
    "Convention": """
conv = snplp.ConventionList.from_file(CONVENTION_FILE)[0]
part = conv.indicators[0]
before = part.label
call = lambda: conv.__init__("calpae-x", "departement", "49", "Maine-et-Loire")
""",
    "ConventionList": """
lst = snplp.ConventionList.from_file(CONVENTION_FILE)
part = lst[0].indicators[0]
before = part.label
call = lst.__init__
""",
}
REINIT_CHECK = """
try:
    call()
except TypeError:
    pass
after = part.title if hasattr(part, "title") else part.label
assert after == before, f"after __init__() again, a part reads {after!r}, not {before!r}"
print("REINIT-OK")
"""
REINIT_BUGS: dict = {}


@pytest.mark.parametrize("root", [
    pytest.param(r, marks=[pytest.mark.xfail(strict=True, reason=REINIT_BUGS[r])]
                 if r in REINIT_BUGS else []) for r in sorted(REINIT)])
def test_init_again_keeps_the_parts_valid(root):
    program = (f"import snplp\nCONVENTION_FILE = {CONVENTION_FILE!r}\n" + REINIT[root]
               + REINIT_CHECK)
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", program],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0 and "REINIT-OK" in done.stdout, (
        f"{root}: {_describe(done.returncode)}\n{done.stderr[-3000:]}")


# ---------------------------------------------------------------------------------------------

if __name__ == "__main__":
    sys.path.insert(0, HERE)
    if sys.argv[1:] == ["--list"]:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(target_ids(Env(tmp))))
    elif sys.argv[1:] == ["--child"]:
        child_main(json.load(sys.stdin))
    else:
        sys.exit("usage: test_hostile.py --list | --child < ids.json")
