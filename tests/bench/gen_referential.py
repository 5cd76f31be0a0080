#!/usr/bin/env python3
"""Writes a large, valid referential in the snplp XML format (libsnplp/schema/snplp-1.0.xsd).

    gen_referential.py [--factor F] [--seed S] [-o FILE]

Deterministic: the same factor and seed always give the same bytes. Factor 1 gives about
1 MB; the size grows linearly with the factor (factor 10 about 10 MB, factor 100 about 100 MB),
since the document is a sequence of blocks of the same make-up. Each block holds themes,
modules (each with competences, nested content and recommendations), professions, diploma
rules, funding lines and a plan, written in French with accents, « », ’ and '.

The document is valid and imports with no error: every id is unique, a module's theme exists,
prerequisites only point to earlier modules (no cycle), profession references point to
professions, every duration is at most the training plan's max-module-days="5", and every
title and text is non-blank and in Unicode NFC. A few modules carry extensions (attributes and
elements of another namespace), which the format keeps.

Standard library only (Debian's python3).
"""

import argparse
import random
import sys
import unicodedata
from xml.sax.saxutils import escape, quoteattr

NS = "urn:snplp:1.0"
EXT_NS = "urn:example:bench-extension"

# Blocks per factor unit: factor 1 = BLOCKS_PER_FACTOR blocks (about 1 MB).
BLOCKS_PER_FACTOR = 13
THEMES_PER_BLOCK = 3
MODULES_PER_BLOCK = 12
PROFESSIONS_PER_BLOCK = 4
MAX_DAYS = 5

# (subject, plural?)
SUBJECTS = [
    ("Les travailleurs sociaux", True), ("L’équipe pluridisciplinaire", False),
    ("Le référent de parcours", False), ("Les conseillers en économie sociale et familiale", True),
    ("L’assistante de service social", False), ("Les éducateurs spécialisés", True),
    ("Le département", False), ("La caisse d’allocations familiales", False),
    ("Les cadres intermédiaires", True), ("Les personnes accompagnées", True),
    ("Le centre communal d’action sociale", False), ("L'opérateur de compétences", False),
    ("Les acteurs de l’insertion", True), ("Le service public de l'emploi", False),
    ("Les bénévoles des associations", True), ("La protection maternelle et infantile", False),
]
# (singular, plural)
VERBS = [
    ("accompagne", "accompagnent"), ("coordonne", "coordonnent"), ("renforce", "renforcent"),
    ("évalue", "évaluent"), ("construit", "construisent"), ("favorise", "favorisent"),
    ("développe", "développent"), ("s’approprie", "s’approprient"), ("mobilise", "mobilisent"),
    ("interroge", "interrogent"), ("partage", "partagent"), ("prévoit", "prévoient"),
    ("améliore", "améliorent"), ("soutient", "soutiennent"), ("facilite", "facilitent"),
    ("élabore", "élaborent"),
]
OBJECTS = [
    "l’accès aux droits", "la participation des personnes", "le développement social local",
    "l’aller vers", "l’insertion socioprofessionnelle", "la lutte contre le non-recours",
    "les premiers accueils sociaux inconditionnels", "la référence de parcours",
    "l'accompagnement global", "la prévention des expulsions locatives",
    "l’égalité des chances dès les premiers pas", "la santé des enfants",
    "les droits fondamentaux de l’enfant", "la formation des jeunes de 16 à 18 ans",
    "le numérique et l’inclusion", "la garantie d’activité", "le travail pair",
    "la coopération entre institutions", "l’hébergement d’urgence", "la médiation numérique",
]
COMPLEMENTS = [
    "dans le cadre de la stratégie nationale", "au plus près des territoires",
    "avec les partenaires de l’emploi", "en lien avec les élus locaux",
    "à partir des besoins exprimés", "dès la petite enfance", "tout au long du parcours",
    "au sein de leurs institutions", "grâce à des formations adaptées",
    "selon les priorités du plan", "pour une réelle égalité des chances",
    "en s'appuyant sur l’expérience des personnes", "à l’échelle du bassin de vie",
    "dans une logique de parcours", "pour rompre l’isolement", "avec l’appui de l’OPCO Santé",
]
QUOTES = [
    "« aller vers »", "« faire avec »", "« pouvoir d’agir »", "« logement d’abord »",
    "« zéro non-recours »", "« choc de participation »", "« public prioritaire »",
    "« territoires zéro chômeur »", "« accompagnement global »", "« R&D sociale »",
]
TITLE_WORDS = [
    "Participation des personnes accompagnées", "Développement social", "Numérique",
    "Aller vers", "Insertion socio-professionnelle", "Travail social et territoire",
    "Accès aux droits", "Premier accueil social", "Référence de parcours",
    "Prévention des ruptures", "Petite enfance", "Protection de l’enfance",
    "Logement d’abord", "Santé et précarité", "Médiation et coopération",
    "Évaluation des pratiques", "Éthique et déontologie", "Travail pair",
]
QUALIFIERS = [
    "les fondamentaux", "approfondissement", "pratiques innovantes", "outils et méthodes",
    "posture professionnelle", "cadre juridique", "analyse de situations", "travail en réseau",
    "co-construction", "démarche d’évaluation", "écrits professionnels", "animation collective",
]
PROFESSIONS = [
    ("Assistant de service social", "ASS"), ("Éducateur spécialisé", "ES"),
    ("Conseiller en économie sociale et familiale", "CESF"),
    ("Éducateur de jeunes enfants", "EJE"), ("Éducateur technique spécialisé", "ETS"),
    ("Moniteur-éducateur", "ME"), ("Technicien de l’intervention sociale et familiale", "TISF"),
    ("Accompagnant éducatif et social", "AES"), ("Médiateur social", "MS"),
    ("Chef de service d’intervention sociale", "CAFERUIS"),
    ("Directeur d’établissement social", "CAFDES"), ("Conseiller d'insertion", "CIP"),
]
AUDIENCES = [
    "Travailleurs sociaux titulaires d’un diplôme d’État de niveau 6",
    "Cadres et encadrants de proximité du travail social",
    "Intervenants sociaux réalisant un accompagnement généraliste",
    "Professionnels des structures d'insertion par l’activité économique",
    "Référents de parcours et conseillers en insertion",
]
PERIODS = ["2019-2022", "2020", "2021-2022", "2022", "2019", "2020-2021"]


class Writer:
    """Buffers the document and numbers every item with one counter per kind."""

    def __init__(self, rng):
        self.rng = rng
        self.parts = []
        self.counters = {}

    def new_id(self, kind):
        n = self.counters.get(kind, 0) + 1
        self.counters[kind] = n
        return "%s-%06d" % (kind, n)

    def line(self, depth, s):
        self.parts.append("  " * depth + s + "\n")

    def text(self, depth, name, value):
        value = unicodedata.normalize("NFC", value)
        self.line(depth, "<%s>%s</%s>" % (name, escape(value), name))

    # --- French text ---
    def sentence(self):
        r = self.rng
        subject, plural = r.choice(SUBJECTS)
        s = "%s %s %s %s" % (subject, r.choice(VERBS)[plural], r.choice(OBJECTS),
                             r.choice(COMPLEMENTS))
        if r.random() < 0.3:
            s += ", selon la démarche %s" % r.choice(QUOTES)
        if r.random() < 0.2:
            s += " (%d %% des situations, soit %d personnes)" % (r.randint(5, 95),
                                                                 r.randint(10, 9000))
        return s + "."

    def paragraph(self, lo, hi):
        return " ".join(self.sentence() for _ in range(self.rng.randint(lo, hi)))

    def paragraphs(self, n_lo, n_hi, s_lo, s_hi):
        return "\n".join(self.paragraph(s_lo, s_hi)
                         for _ in range(self.rng.randint(n_lo, n_hi)))

    def title(self):
        r = self.rng
        return "%s : %s" % (r.choice(TITLE_WORDS), r.choice(QUALIFIERS))


def text_item(w, depth, name, id_kind, text):
    w.line(depth, '<%s id="%s">' % (name, w.new_id(id_kind)))
    w.text(depth + 1, "text", text)
    w.line(depth, "</%s>" % name)


def content(w, depth, level):
    r = w.rng
    style = r.choice(["bullet", "bullet", "numbered", "heading"])
    w.line(depth, '<content id="%s" style="%s">' % (w.new_id("content"), style))
    if style == "heading":
        w.text(depth + 1, "text", w.title())
    else:
        w.text(depth + 1, "text", w.paragraph(1, 2))
    if level < 3:
        for _ in range(r.randint(0, 3 - level)):
            content(w, depth + 1, level + 1)
    w.line(depth, "</content>")


def module(w, depth, index, themes, modules, professions):
    r = w.rng
    mid = w.new_id("module")
    days = r.choice(["0.5", "1", "1.5", "2", "2", "3", "3", "4", "5"])
    level = r.choice(["fundamentals", "fundamentals", "expert"])
    attrs = 'id="%s" theme="%s" level="%s" duration-days="%s"' % (
        mid, r.choice(themes), level, days)
    extended = index % 20 == 7
    if extended:
        attrs += ' ext:source=%s' % quoteattr("catalogue régional n°%d" % index)
    w.line(depth, "<module %s>" % attrs)
    w.text(depth + 1, "title", w.title())
    if r.random() < 0.7:
        w.text(depth + 1, "subtitle", w.sentence())
    w.text(depth + 1, "audience", r.choice(AUDIENCES))
    if r.random() < 0.6:
        w.text(depth + 1, "role", w.paragraph(1, 2))
    # Prerequisites: earlier modules only, so there is never a cycle.
    if modules:
        window = modules[-40:]
        for ref in sorted(set(r.sample(window, min(len(window), r.randint(0, 3)))),
                          key=window.index):
            w.line(depth + 1, '<prerequisite ref="%s"/>' % ref)
    for ref in r.sample(professions, r.randint(1, 3)):
        w.line(depth + 1, '<profession-ref ref="%s"/>' % ref)
    for _ in range(r.randint(2, 4)):
        w.line(depth + 1, '<competence id="%s">' % w.new_id("competence"))
        w.text(depth + 2, "title", w.sentence())
        for _ in range(r.randint(1, 3)):
            content(w, depth + 2, 1)
        w.line(depth + 1, "</competence>")
    for _ in range(r.randint(0, 2)):
        text_item(w, depth + 1, "recommendation", "recommendation", w.paragraph(1, 3))
    if extended:
        w.text(depth + 1, "ext:note", "Module repris du catalogue « %s »." % w.title())
    w.line(depth, "</module>")
    modules.append(mid)


def generate(factor, seed):
    rng = random.Random(seed)
    w = Writer(rng)
    blocks = max(1, round(factor * BLOCKS_PER_FACTOR))

    # Ids are drawn first, so that modules can refer to themes and professions of any block.
    theme_ids = ["theme-%06d" % (i + 1) for i in range(blocks * THEMES_PER_BLOCK)]
    profession_ids = ["profession-%06d" % (i + 1) for i in range(blocks * PROFESSIONS_PER_BLOCK)]
    w.counters["theme"] = 0
    w.counters["profession"] = 0

    w.parts.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    w.parts.append("<!-- Generated by tests/bench/gen_referential.py: factor %s, seed %d -->\n"
                   % (factor, seed))
    w.line(0, '<referential xmlns="%s" xmlns:ext="%s">' % (NS, EXT_NS))

    w.line(1, '<strategy launch-date="2018-09" budget-cents="850000000000" levers-open="true">')
    w.text(2, "title", "Stratégie nationale de prévention et de lutte contre la pauvreté")
    w.text(2, "label", "SNPLP")
    w.text(2, "label", "stratégie pauvreté")
    w.text(2, "description", w.paragraphs(2, 3, 3, 5))
    w.text(2, "budget-text", "8,5 milliards d’euros")
    w.line(1, "</strategy>")

    # commitments and levers: a title, and half the time a description of a few sentences
    for tag, per_block, sentences in (("commitment", 5, (2, 4)), ("lever", 3, (1, 3))):
        for _ in range(per_block * blocks):
            w.line(1, '<%s id="%s">' % (tag, w.new_id(tag)))
            w.text(2, "title", "%s %s" % (rng.choice(OBJECTS), rng.choice(COMPLEMENTS)))
            if rng.random() < 0.5:
                w.text(2, "description", w.paragraph(*sentences))
            w.line(1, "</%s>" % tag)

    w.line(1, '<training-plan max-module-days="%d">' % MAX_DAYS)
    w.text(2, "title", "plan de formation des travailleurs sociaux")
    w.text(2, "description", w.paragraphs(2, 3, 3, 5))
    w.text(2, "audience", w.paragraphs(2, 3, 2, 4))
    for _ in range(4):
        text_item(w, 2, "objective", "objective", w.paragraph(1, 3))
    for i in range(4):
        oid = w.new_id("outcome")
        w.line(2, '<outcome id="%s" for-involved="%s">' % (oid, "true" if i % 2 else "false"))
        w.text(3, "text", w.paragraph(1, 2))
        w.line(2, "</outcome>")
    w.line(1, "</training-plan>")

    for tid in theme_ids:
        w.line(1, '<theme id="%s">' % tid)
        w.text(2, "title", w.title())
        for _ in range(rng.randint(0, 2)):
            w.text(2, "label", rng.choice(TITLE_WORDS).lower())
        w.text(2, "description", w.paragraphs(1, 3, 2, 4))
        for _ in range(rng.randint(1, 3)):
            text_item(w, 2, "objective", "objective", w.paragraph(1, 2))
        for _ in range(rng.randint(0, 2)):
            w.line(2, '<outcome id="%s">' % w.new_id("outcome"))
            w.text(3, "text", w.paragraph(1, 2))
            w.line(2, "</outcome>")
        for _ in range(rng.randint(0, 2)):
            text_item(w, 2, "recommendation", "recommendation", w.paragraph(1, 2))
        w.line(1, "</theme>")

    modules = []
    for i in range(blocks * MODULES_PER_BLOCK):
        module(w, 1, i, theme_ids, modules, profession_ids)

    for i, pid in enumerate(profession_ids):
        name, abbreviation = PROFESSIONS[i % len(PROFESSIONS)]
        w.line(1, '<profession id="%s" category="%s">' % (
            pid, "cadre" if abbreviation.startswith("CAF") else "worker"))
        w.text(2, "title", name)
        w.text(2, "abbreviation", abbreviation)
        w.line(1, "</profession>")

    for _ in range(2 * blocks):
        w.line(1, '<diploma-rule id="%s" min-level="%d">' % (w.new_id("diploma-rule"),
                                                           rng.randint(3, 7)))
        w.text(2, "text", w.paragraph(1, 2))
        w.line(1, "</diploma-rule>")
    for _ in range(3 * blocks):
        w.line(1, '<funding id="%s" cents="%d">' % (w.new_id("funding"),
                                                    rng.randint(1, 5000) * 100000))
        w.text(2, "title", "Financement : %s" % rng.choice(OBJECTS))
        w.text(2, "period", rng.choice(PERIODS))
        w.text(2, "source-text", w.sentence())
        w.line(1, "</funding>")
    for _ in range(blocks):
        w.line(1, '<plan id="%s">' % w.new_id("plan"))
        w.text(2, "title", "Plan régional : %s" % rng.choice(TITLE_WORDS))
        w.text(2, "label", "plan %s" % rng.choice(QUALIFIERS))
        w.text(2, "description", w.paragraph(2, 4))
        for _ in range(rng.randint(2, 4)):
            w.line(2, '<plan-theme id="%s">' % w.new_id("plan-theme"))
            w.text(3, "title", w.title())
            w.line(2, "</plan-theme>")
        for _ in range(rng.randint(1, 3)):
            w.line(2, '<figure id="%s" value="%d">' % (w.new_id("figure"),
                                                      rng.randint(-500, 250000)))
            w.text(3, "text", w.sentence())
            w.line(2, "</figure>")
        w.line(1, "</plan>")

    w.line(0, "</referential>")
    return "".join(w.parts)


def size_options(description, factor_help):
    """The options every generator takes: --factor, --seed and -o (also gen_conventions.py)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--factor", type=float, default=1.0, help=factor_help)
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    return parser


def main():
    parser = size_options(__doc__.splitlines()[0],
                          "size factor: 1 is about 1 MB, linear (default 1)")
    args = parser.parse_args()
    if args.factor <= 0:
        parser.error("--factor must be positive")
    data = generate(args.factor, args.seed).encode("utf-8")
    if args.output:
        with open(args.output, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)


if __name__ == "__main__":
    main()
