#!/usr/bin/env python3
"""Writes training records (format 1.1, root <records>) of fictional départements, for the
example data and the benchmarks of training records (docs/performance.md, docs/records.md).

    gen_records.py [--factor F | --national] [--seed S] [-o FILE]
    gen_records.py -e [-o FILE]        (--example: examples/data/records.xml, byte for byte)

Factor 1 is one fictional département's HR and training records: 1 000 workers (200 social
workers and cadres of the professions the built-in referential lists, 800 early-childhood
professionals: éducateurs de jeunes enfants of the referential and four professions the records
declare, as the referential does not list them), their employers (the département's council,
communes' social action centres, crèches, associations), three training bodies (SIRET with a
right key), and three years of sessions (2019-2021): the insertion modules of the national
training plan (fundamentals, 3 days; expert, 2 or 2.5 days, only for workers trained in the
fundamentals before; never above the plan's 5 days) and the six themes of the "Enfance =
égalité" days (one day each, early-childhood professionals only), with attendance of every
status: attended (with or without days), partial (days below the session's), absent, cancelled,
and registered for the sessions after the day the records are drawn up (2021-11-15). About four
attendance records per worker.

Factor F writes round(1 000 * F) workers in blocks of 1 000, block b being département b mod 101
(INSEE codes of gen_conventions.py), "wave" b div 101: every block has its own employers (but
the council, declared by the first block of the département), training bodies, sessions and
attendance, so the size and the counts grow linearly. --national is factor 750: 750 000 workers
(600 000 early-childhood professionals and 150 000 social workers and cadres) and about three
million attendance records. That is a BENCHMARK SIZE ONLY: the 600 000 is the aim of the plan
«Ambition Enfance Egalité» (seed 000), the 150 000 social workers an assumption for the
benchmark, not a figure of any source; every name, code, date and number written is fictional.

Every record is coherent: a worker attends only inside their time in the workforce, never two
sessions at once, never the same session twice; a session's capacity is never exceeded; days
attended never exceed the session's. The output imports with no finding
(snplp_records_import_file) and snplp_records_validate() against the built-in referential finds
nothing (CTest: bench-records-1x runs snplp-bench-records --check on factor 1).

-e (--example) writes the example data, examples/data/records.xml, exactly (CTest:
example-records-data regenerates it and compares the bytes): one block of a smaller shape of its
own (EXAMPLE_SHAPE; the benchmark's blocks keep theirs, so their bytes do not change with it),
the fictional Maine-et-Loire (49) of the example convention, seed 49, 300 workers (60 social
workers and cadres, 240 early-childhood professionals), 14 employers, three training bodies,
the fundamentals twice a year, each "Enfance = égalité" theme twice a year, and a comment
saying the data are fictional and giving the command. Ids are w49-NNNN, s49-NNN, cd-49...

Deterministic: the same factor and seed always give the same bytes (each block draws from a
generator seeded with the seed and the block's number). Standard library only. The sections of
the document are written to temporary files next to the output, then joined, so that memory
stays small at the national size.
"""

import datetime
import os
import random
import shutil
import sys
import tempfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_conventions  # noqa: E402 (the départements)
import gen_referential  # noqa: E402 (its option parser)

NS = "urn:snplp:1.0"
WORKERS_PER_BLOCK = 1000
NATIONAL_FACTOR = 750
FIRST_YEAR, LAST_YEAR = 2019, 2021
# The day the records are drawn up: sessions starting after it are only "registered".
SNAPSHOT = datetime.date(2021, 11, 15)

FUNDAMENTALS = "module-insertion-fundamentals"
EXPERT = "module-insertion-expert"
EE_THEMES = ["plan-theme-early-childhood-days-%d" % i for i in range(1, 7)]

# Professions the records declare (early childhood: not in the referential, never added to it).
DECLARED = [
    ("profession-childcare-auxiliary", "auxiliaires de puériculture"),
    ("profession-early-childhood-assistant", "accompagnants éducatifs petite enfance"),
    ("profession-childminder", "assistants maternels"),
    ("profession-childcare-nurse", "infirmiers puériculteurs"),
]
# (profession, weight, diploma levels drawn from, None = unknown)
SOCIAL = [
    ("profession-ass", 60, [6, 6, 6, 6, None]),
    ("profession-es", 45, [6, 6, 6, None]),
    ("profession-cesf", 25, [6, 6, None]),
    ("profession-me", 20, [4, 4, None]),
    ("profession-ets", 10, [6, 5, None]),
    ("profession-eje", 10, [6, 6, None]),
    ("profession-head-of-service", 15, [6, 7, None]),
    ("profession-socio-educational-cadre", 10, [6, 7]),
    ("profession-establishment-director", 5, [7, 7, None]),
]
EARLY = [
    ("profession-childcare-auxiliary", 35, [4, 4, None]),
    ("profession-early-childhood-assistant", 30, [3, 3, None]),
    ("profession-childminder", 20, [3, None, None]),
    ("profession-eje", 10, [6, 6, None]),
    ("profession-childcare-nurse", 5, [6, 6]),
]
SOCIAL_SHARE = 0.2  # 200 of 1 000 workers; 150 000 of 750 000 at the national size

# The région of each département (INSEE codes): the first two digits of a training body's
# declaration number are the code of the région that registered it.
REGION_OF = {}
for _region, _deps in {
    "84": "01 03 07 15 26 38 42 43 63 69 73 74", "27": "21 25 39 58 70 71 89 90",
    "53": "22 29 35 56", "24": "18 28 36 37 41 45", "94": "2A 2B",
    "44": "08 10 51 52 54 55 57 67 68 88", "32": "02 59 60 62 80",
    "11": "75 77 78 91 92 93 94 95", "28": "14 27 50 61 76",
    "75": "16 17 19 23 24 33 40 47 64 79 86 87", "76": "09 11 12 30 31 32 34 46 48 65 66 81 82",
    "52": "44 49 53 72 85", "93": "04 05 06 13 83 84",
    "01": "971", "02": "972", "03": "973", "04": "974", "06": "976",
}.items():
    for _d in _deps.split():
        REGION_OF[_d] = _region

UNITS = ["Maison départementale des solidarités %s", "Service insertion %s",
         "Protection maternelle et infantile %s", "Aide sociale à l’enfance %s"]
COMMUNE_NAMES = ["Saint-Exemple", "Villefictive", "Bourg-Modèle", "Montfictif", "Val-d’Essai",
                 "Pont-Imaginaire", "Sainte-Démo", "Les Échantillons", "Chênefictif",
                 "Port-Inventé", "La Maquette", "Champ-Témoin"]


def luhn_key(digits):
    """The digit that makes digits + key pass Luhn."""
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 0:  # doubled: every second digit from the right once the key is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def siret(rng):
    siren = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    siren += luhn_key(siren)
    nic = "%04d" % rng.randint(10, 9999)
    return siren + nic + luhn_key(siren + nic)


def communes(code):
    """Twelve fictional commune codes of a département (the same for every block of it)."""
    rng = random.Random("communes:" + code)
    width = 2 if len(code) == 3 else 3
    numbers = rng.sample(range(1, 10 ** width), 12)
    return [code + "%0*d" % (width, n) for n in sorted(numbers)]


def weekday_on_or_after(d):
    while d.weekday() >= 5:
        d += datetime.timedelta(days=1)
    return d


def random_day(rng, first, last):
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def pick(rng, table):
    total = sum(w for _, w, _ in table)
    r = rng.uniform(0, total)
    for profession, weight, levels in table:
        r -= weight
        if r <= 0:
            return profession, rng.choice(levels)
    return table[-1][0], rng.choice(table[-1][2])


class Worker:
    __slots__ = ("id", "profession", "early", "start", "end", "busy", "done")

    def __init__(self, ident, profession, early, start, end):
        self.id, self.profession, self.early = ident, profession, early
        self.start, self.end = start, end  # end: None while in the workforce
        self.busy = []  # (first, last) of the sessions taken part in
        self.done = {}  # subject -> end of the session trained in

    def available(self, first, last):
        if first < self.start or (self.end and last > self.end):
            return False
        return all(last < b0 or first > b1 for b0, b1 in self.busy)


class Shape:
    """How many employers and sessions a block has. The benchmark's blocks (factor F) all have
    the default shape; the example (--example) is one smaller block of its own."""

    def __init__(self, creches=16, quarters=(0, 1, 2, 3), ee_sessions=60, departement=None):
        self.creches = creches  # crèches employing early-childhood professionals
        self.quarters = quarters  # the quarters with a session of the fundamentals, each year
        self.ee_sessions = ee_sessions  # "Enfance = égalité" days a year (themes in turn)
        self.departement = departement  # (code, name, stem of ids), None: by block number


BENCH_SHAPE = Shape()
# The example data (examples/data/records.xml): one fictional Maine-et-Loire (49), 300 workers
# (60 social workers and cadres, 240 early-childhood professionals), 6 crèches, the
# fundamentals twice a year, each "Enfance = égalité" theme twice a year.
EXAMPLE_WORKERS, EXAMPLE_SEED = 300, 49
EXAMPLE_SHAPE = Shape(creches=6, quarters=(0, 2), ee_sessions=12,
                      departement=("49", "Maine-et-Loire", "49"))
# The command, in the file's comment: short options only, as "--" may not appear in a comment.
EXAMPLE_COMMAND = "/usr/bin/python3 tests/bench/gen_records.py -e -o examples/data/records.xml"


def block(sections, rng, b, count, shape=BENCH_SHAPE):
    if shape.departement:
        code, name, stem = shape.departement
        wave = 0
    else:
        code, name = gen_conventions.DEPARTEMENTS[b % len(gen_conventions.DEPARTEMENTS)]
        wave = b // len(gen_conventions.DEPARTEMENTS)
        stem = "%s-%d" % (code.lower(), wave)
    towns = communes(code)
    emp, wrk, bod, ses, att = (sections[k] for k in ("employer", "worker", "body", "session",
                                                    "attendance"))

    # Employers: the council once per département, then communes, crèches, associations.
    council = "cd-%s" % code.lower()
    if wave == 0:
        emp.append('  <employer id="%s" kind="departement" territory="%s">\n'
                   '    <name>Conseil départemental (%s, données fictives)</name>\n'
                   '  </employer>\n' % (council, code, escape(name)))
    ccas, creches, assos = [], [], []
    for k in range(4):
        town = towns[(k + 3 * wave) % len(towns)]
        ccas.append(("ccas-%s-%d" % (stem, k + 1), town))
        emp.append('  <employer id="%s" kind="commune" territory="%s">\n'
                   '    <name>CCAS de %s (fictif)</name>\n  </employer>\n'
                   % (ccas[-1][0], town, COMMUNE_NAMES[towns.index(town)]))
    for k in range(shape.creches):
        town = rng.choice(towns)
        creches.append(("creche-%s-%d" % (stem, k + 1), town))
        emp.append('  <employer id="%s" kind="creche" territory="%s">\n'
                   '    <name>Multi-accueil « %s %d » (fictif)</name>\n  </employer>\n'
                   % (creches[-1][0], town, COMMUNE_NAMES[towns.index(town)], k + 1))
    for k in range(3):
        assos.append(("asso-%s-%d" % (stem, k + 1), code))
        emp.append('  <employer id="%s" kind="association" territory="%s">\n'
                   '    <name>Association d’action sociale n° %d (fictive)</name>\n'
                   '  </employer>\n' % (assos[-1][0], code, k + 1))

    # Workers.
    social, early = [], []
    n_social = round(count * SOCIAL_SHARE)
    for i in range(count):
        is_early = i >= n_social
        profession, level = pick(rng, EARLY if is_early else SOCIAL)
        if is_early:
            if profession == "profession-childminder":
                employer, territory = assos[0][0], code
            else:
                r = rng.random()
                employer, territory = (rng.choice(creches) if r < 0.65 else
                                       rng.choice(ccas) if r < 0.9 else (assos[1][0], code))
        else:
            r = rng.random()
            employer, territory = ((council, code) if r < 0.7 else rng.choice(ccas) if r < 0.85
                                   else (rng.choice(assos)[0], code))
        if rng.random() < 0.85:
            start = random_day(rng, datetime.date(1995, 1, 1), datetime.date(2018, 12, 31))
        else:
            start = random_day(rng, datetime.date(2019, 1, 1), datetime.date(2021, 6, 30))
        end = None
        if rng.random() < 0.08:
            end = random_day(rng, max(start, datetime.date(2019, 3, 1)) + datetime.timedelta(60),
                             datetime.date(2021, 12, 31) + datetime.timedelta(60))
            end = min(end, datetime.date(2021, 12, 31))
        w = Worker("w%s-%04d" % (stem, i + 1), profession, is_early, start, end)
        (early if is_early else social).append(w)
        attrs = 'id="%s" profession="%s" employer="%s" territory="%s"' % (
            w.id, profession, employer, territory)
        if employer == council and rng.random() < 0.8:
            attrs += ' unit="%s"' % escape(rng.choice(UNITS) % rng.choice(COMMUNE_NAMES))
        if level is not None:
            attrs += ' diploma-level="%d"' % level
        attrs += ' from="%s"' % start.isoformat()
        if end:
            attrs += ' until="%s"' % end.isoformat()
        wrk.append("  <worker %s/>\n" % attrs)

    # Training bodies.
    bodies = []
    for k, (label, legal) in enumerate([
            ("Institut régional du travail social", "Association régionale de formation sociale"),
            ("Centre de formation petite enfance", "Société coopérative de formation"),
            ("Organisme de formation des professionnels de l’accueil", None)]):
        ident = "of-%s-%d" % (stem, k + 1)
        bodies.append(ident)
        town = towns[(k * 5 + wave) % len(towns)]
        attrs = 'id="%s" siret="%s"' % (ident, siret(rng))
        if k < 2:
            attrs += ' declaration-number="%s%09d"' % (REGION_OF[code], rng.randint(1, 10 ** 9 - 1))
        postal = (code if len(code) == 3 else {"2A": "20", "2B": "20"}.get(code, code))
        postal = (postal + "%05d" % rng.randint(0, 999))[:5]
        attrs += ' postal-code="%s" phone="0%d %02d %02d %02d %02d"' % (
            postal, rng.randint(1, 5), rng.randint(0, 99), rng.randint(0, 99), rng.randint(0, 99),
            rng.randint(0, 99))
        attrs += ' email="contact@of-%s-%d.example"' % (stem, k + 1)
        text = "    <name>%s (fictif, %s)</name>\n" % (escape(label), escape(name))
        if legal:
            text += "    <legal-name>%s (fictive)</legal-name>\n" % escape(legal)
        text += "    <address-line>%d rue de l’Exemple</address-line>\n" % rng.randint(1, 120)
        text += "    <commune>%s</commune>\n" % COMMUNE_NAMES[towns.index(town)]
        bod.append("  <training-body %s>\n%s  </training-body>\n" % (attrs, text))

    # Sessions: (start, end, days, subject, body, capacity), in date order.
    plan = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for q in shape.quarters:  # the fundamentals, once a quarter, Monday to Wednesday
            d = datetime.date(year, 1 + 3 * q, 1) + datetime.timedelta(days=rng.randint(7, 70))
            d -= datetime.timedelta(days=d.weekday())
            plan.append((d, d + datetime.timedelta(days=2), "3", FUNDAMENTALS, bodies[0], 15))
        for half in range(2 if year > FIRST_YEAR else 1):  # the expert module
            month = 5 + 6 * half if year > FIRST_YEAR else 11
            d = datetime.date(year, month, 1) + datetime.timedelta(days=rng.randint(0, 20))
            d -= datetime.timedelta(days=d.weekday())
            plan.append((d, d + datetime.timedelta(days=2), rng.choice(["2", "2.5"]), EXPERT,
                         bodies[0], 12))
        for k in range(shape.ee_sessions):  # "Enfance = égalité" days, the themes in turn
            d = weekday_on_or_after(datetime.date(year, 1, 8) +
                                    datetime.timedelta(days=rng.randint(0, 340)))
            plan.append((d, d, "1", EE_THEMES[k % 6], bodies[1 + k % 2], 24))
    plan.sort(key=lambda s: (s[0], s[3]))

    for n, (first, last, days, subject, body, capacity) in enumerate(plan):
        sid = "s%s-%03d" % (stem, n + 1)
        mode = rng.choice(["on-site", "on-site", "on-site", "mixed", "distance"])
        attrs = 'id="%s" subject="%s" body="%s" start="%s" end="%s" days="%s" mode="%s"' % (
            sid, subject, body, first.isoformat(), last.isoformat(), days, mode)
        if mode != "distance":
            attrs += ' place="%s"' % rng.choice(towns)
        attrs += ' capacity="%d"' % capacity
        ses.append("  <session %s/>\n" % attrs)

        # Who takes part.
        if subject in EE_THEMES:
            pool, wanted = early, round(capacity * rng.uniform(0.75, 1.0))
        elif subject == FUNDAMENTALS:
            pool, wanted = social, round(capacity * rng.uniform(0.7, 1.0))
        else:
            pool, wanted = social, round(capacity * rng.uniform(0.6, 1.0))
        future = first > SNAPSHOT
        chosen = []
        for w in rng.sample(pool, min(len(pool), wanted * 4)):
            if len(chosen) == wanted:
                break
            if subject in w.done or not w.available(first, last):
                continue
            if subject == EXPERT and not (FUNDAMENTALS in w.done and w.done[FUNDAMENTALS] < first):
                continue
            chosen.append(w)
        for w in chosen:
            r = rng.random()
            extra = ""
            if future:
                status = "cancelled" if r < 0.05 else "registered"
            elif r < 0.85:
                status = "attended"
                if rng.random() < 0.2:
                    extra = ' days="%s"' % days
            elif r < 0.90:
                status = "partial"
                extra = ' days="%s"' % ("0.5" if days == "1" else rng.choice(["1", "1.5"]))
            elif r < 0.96:
                status = "absent"
                if rng.random() < 0.3:
                    extra = ' days="0"'
            else:
                status = "cancelled"
            if status in ("attended", "partial", "registered"):
                w.busy.append((first, last))
            if status == "attended":
                w.done[subject] = last
            att.append('  <attendance worker="%s" session="%s" status="%s"%s/>\n'
                       % (w.id, sid, status, extra))


EXAMPLE_COMMENT = """<!--
  Training records of a département (fictional): the example of docs/records.md and
  docs/xml-format.md ("Training records"). Maine-et-Loire (49) is the setting; every worker,
  employer, training body, session, number and date here is made up (the commune codes too).
  %d workers (%d social workers and cadres of the referential's professions, %d
  early-childhood professionals, four of whose professions the records declare), their
  employers (the département's council, communes' social action centres, crèches,
  associations), three training bodies, and three years of sessions (2019-2021): the
  insertion modules of the national training plan (fundamentals before expert, at most 5
  days) and the six themes of the "Enfance = égalité" days, with attendance of every status
  (sessions after 2021-11-15, the day the records are drawn up, are only registered). Valid
  against snplp-1.1.xsd, imported with no finding, and coherent with the built-in referential.

  Written by the seeded generator of the benchmarks (docs/performance.md; -e is its
  example mode), do not edit:
    %s
  CTest (example-records-data) checks that this file is what the generator writes.
-->
"""


def generate(path, factor, seed, example=False):
    if example:
        total, seed, shape = EXAMPLE_WORKERS, EXAMPLE_SEED, EXAMPLE_SHAPE
    else:
        total, shape = max(1, round(WORKERS_PER_BLOCK * factor)), BENCH_SHAPE
    blocks = (total + WORKERS_PER_BLOCK - 1) // WORKERS_PER_BLOCK
    directory = os.path.dirname(os.path.abspath(path)) if path else None
    names = ("employer", "worker", "body", "session", "attendance")
    files = {k: tempfile.TemporaryFile(dir=directory) for k in names}
    try:
        for b in range(blocks):
            count = min(WORKERS_PER_BLOCK, total - b * WORKERS_PER_BLOCK)
            sections = {k: [] for k in names}
            block(sections, random.Random("%d:%d" % (seed, b)), b, count, shape)
            for k in names:
                files[k].write("".join(sections[k]).encode("utf-8"))
        out = open(path, "wb") if path else sys.stdout.buffer
        try:
            head = ['<?xml version="1.0" encoding="UTF-8"?>\n']
            if example:
                n_social = round(total * SOCIAL_SHARE)
                head.append(EXAMPLE_COMMENT % (total, n_social, total - n_social,
                                               EXAMPLE_COMMAND))
            else:
                head.append("<!-- Generated by tests/bench/gen_records.py: factor %s, seed %d, "
                            "%d workers. Fictional: every id, name, code, date and number. -->\n"
                            % (factor, seed, total))
            head.append('<records xmlns="%s">\n' % NS)
            for ident, title in DECLARED:
                head.append('  <profession id="%s" category="worker">\n    <title>%s</title>\n'
                            '  </profession>\n' % (ident, escape(title)))
            out.write("".join(head).encode("utf-8"))
            for k in names:
                files[k].seek(0)
                shutil.copyfileobj(files[k], out, 1 << 20)
            out.write(b"</records>\n")
        finally:
            if path:
                out.close()
    finally:
        for f in files.values():
            f.close()


def main():
    parser = gen_referential.size_options(
        __doc__.splitlines()[0], "size factor: 1 is one département, 1 000 workers, linear")
    parser.add_argument("--national", action="store_true",
                        help="factor %d: 750 000 workers, about 3 million attendance records "
                        "(a benchmark size only)" % NATIONAL_FACTOR)
    parser.add_argument("-e", "--example", action="store_true",
                        help="the example data, examples/data/records.xml: one fictional "
                        "Maine-et-Loire (49), %d workers, seed %d (takes no --factor, "
                        "--national or --seed)" % (EXAMPLE_WORKERS, EXAMPLE_SEED))
    args = parser.parse_args()
    if args.example and (args.national or args.factor != 1.0 or args.seed != 1):
        parser.error("--example writes the example data: it takes no --factor, --national "
                     "or --seed")
    if args.national:
        args.factor = NATIONAL_FACTOR
    if args.factor <= 0:
        parser.error("--factor must be positive")
    generate(args.output, args.factor, args.seed, args.example)


if __name__ == "__main__":
    main()
