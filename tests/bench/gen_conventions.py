#!/usr/bin/env python3
"""Writes a national file of conventions (CALPAE) in the snplp XML format, and optionally a
referential, for the benchmarks (docs/performance.md).

    gen_conventions.py [--factor F] [--seed S] [-o FILE] [--referential FILE]

Every territory that signs a convention is there, with its official code: the 101
départements (INSEE codes, 2A and 2B, 971 to 974 and 976), the 22 métropoles (the SIREN number
of their intercommunal body, whose key the library checks) and the 18 régions (INSEE codes
since 2016): 141 territories. Each convention spans three years, has its funding, its
execution reports, one to three actions per core objective and a few free initiatives, and 60
indicators whose ids, units and aggregation rules are the same in every convention (so that a
synthesis aggregates them): 15 rates declared as the quotient of two counts (the rate a mean
weighted by its denominator), delays, amounts in euros, ratios and forecasts. Each indicator
has a baseline (the year before the convention) and a target and an actual for each of its
three years: four yearly values per indicator. About 3% of the actuals are missing, as they are
in real data; a source or a comment goes with some values.

Size factor: factor 1 is one convention per territory (141 conventions, 2019-2021, about 5 MB,
about 34 000 yearly values). Factor F writes round(141 * F) conventions: territory n mod 141,
period n div 141, so that factor 10 gives each territory ten successive conventions (2019-2021,
2022-2024, ...) and factor 100 gives 14 100 conventions and 3.4 million yearly values (about
500 MB). Successive periods keep every convention id distinct and the set coherent (no rule of
docs/diagnostics.md forbids them; a territory may sign a convention per period). A factor below
1 takes the first territories. The size is linear in the factor.

The document follows libsnplp/schema/snplp-1.0.xsd, imports with no diagnostic, and every
convention passes snplp_convention_validate() with no finding (without a date: an actual that
is missing is not late), and the synthesis of the whole set finds nothing either. That is why a
convention spans three years (a longer span is a `years-span` warning) and why values stay
inside the years: the baseline gives the fourth year of each indicator.

Deterministic: the same factor and seed always give the same bytes. Standard library only.
"""

import os
import random
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_referential  # noqa: E402 (its option parser, and --referential)

NS = "urn:snplp:1.0"
FIRST_YEAR = 2019
SPAN = 3

# INSEE codes and names of the départements (101).
DEPARTEMENTS = [
    ("01", "Ain"), ("02", "Aisne"), ("03", "Allier"), ("04", "Alpes-de-Haute-Provence"),
    ("05", "Hautes-Alpes"), ("06", "Alpes-Maritimes"), ("07", "Ardèche"), ("08", "Ardennes"),
    ("09", "Ariège"), ("10", "Aube"), ("11", "Aude"), ("12", "Aveyron"),
    ("13", "Bouches-du-Rhône"), ("14", "Calvados"), ("15", "Cantal"), ("16", "Charente"),
    ("17", "Charente-Maritime"), ("18", "Cher"), ("19", "Corrèze"), ("2A", "Corse-du-Sud"),
    ("2B", "Haute-Corse"), ("21", "Côte-d’Or"), ("22", "Côtes-d’Armor"), ("23", "Creuse"),
    ("24", "Dordogne"), ("25", "Doubs"), ("26", "Drôme"), ("27", "Eure"),
    ("28", "Eure-et-Loir"), ("29", "Finistère"), ("30", "Gard"), ("31", "Haute-Garonne"),
    ("32", "Gers"), ("33", "Gironde"), ("34", "Hérault"), ("35", "Ille-et-Vilaine"),
    ("36", "Indre"), ("37", "Indre-et-Loire"), ("38", "Isère"), ("39", "Jura"),
    ("40", "Landes"), ("41", "Loir-et-Cher"), ("42", "Loire"), ("43", "Haute-Loire"),
    ("44", "Loire-Atlantique"), ("45", "Loiret"), ("46", "Lot"), ("47", "Lot-et-Garonne"),
    ("48", "Lozère"), ("49", "Maine-et-Loire"), ("50", "Manche"), ("51", "Marne"),
    ("52", "Haute-Marne"), ("53", "Mayenne"), ("54", "Meurthe-et-Moselle"), ("55", "Meuse"),
    ("56", "Morbihan"), ("57", "Moselle"), ("58", "Nièvre"), ("59", "Nord"), ("60", "Oise"),
    ("61", "Orne"), ("62", "Pas-de-Calais"), ("63", "Puy-de-Dôme"),
    ("64", "Pyrénées-Atlantiques"), ("65", "Hautes-Pyrénées"), ("66", "Pyrénées-Orientales"),
    ("67", "Bas-Rhin"), ("68", "Haut-Rhin"), ("69", "Rhône"), ("70", "Haute-Saône"),
    ("71", "Saône-et-Loire"), ("72", "Sarthe"), ("73", "Savoie"), ("74", "Haute-Savoie"),
    ("75", "Paris"), ("76", "Seine-Maritime"), ("77", "Seine-et-Marne"), ("78", "Yvelines"),
    ("79", "Deux-Sèvres"), ("80", "Somme"), ("81", "Tarn"), ("82", "Tarn-et-Garonne"),
    ("83", "Var"), ("84", "Vaucluse"), ("85", "Vendée"), ("86", "Vienne"),
    ("87", "Haute-Vienne"), ("88", "Vosges"), ("89", "Yonne"), ("90", "Territoire de Belfort"),
    ("91", "Essonne"), ("92", "Hauts-de-Seine"), ("93", "Seine-Saint-Denis"),
    ("94", "Val-de-Marne"), ("95", "Val-d’Oise"), ("971", "Guadeloupe"), ("972", "Martinique"),
    ("973", "Guyane"), ("974", "La Réunion"), ("976", "Mayotte"),
]
# SIREN numbers of the métropoles' intercommunal bodies (the Métropole de Lyon is a territorial
# collectivity; its SIREN is used likewise). The library checks their Luhn key.
METROPOLES = [
    ("200054781", "Métropole du Grand Paris"), ("200054807", "Métropole d’Aix-Marseille-Provence"),
    ("200046977", "Métropole de Lyon"), ("200093201", "Métropole européenne de Lille"),
    ("243300316", "Bordeaux Métropole"), ("243100518", "Toulouse Métropole"),
    ("244400404", "Nantes Métropole"), ("200030195", "Métropole Nice Côte d’Azur"),
    ("246700488", "Eurométropole de Strasbourg"),
    ("243400017", "Montpellier Méditerranée Métropole"), ("243500139", "Rennes Métropole"),
    ("200040715", "Grenoble-Alpes Métropole"), ("200023414", "Métropole Rouen Normandie"),
    ("248300543", "Métropole Toulon-Provence-Méditerranée"), ("242900314", "Brest Métropole"),
    ("246300701", "Clermont Auvergne Métropole"), ("242100410", "Dijon Métropole"),
    ("245400676", "Métropole du Grand Nancy"), ("200039865", "Metz Métropole"),
    ("244500468", "Orléans Métropole"), ("244200770", "Saint-Étienne Métropole"),
    ("243700754", "Tours Métropole Val de Loire"),
]
# INSEE codes and names of the régions since 2016 (18).
REGIONS = [
    ("01", "Guadeloupe"), ("02", "Martinique"), ("03", "Guyane"), ("04", "La Réunion"),
    ("06", "Mayotte"), ("11", "Île-de-France"), ("24", "Centre-Val de Loire"),
    ("27", "Bourgogne-Franche-Comté"), ("28", "Normandie"), ("32", "Hauts-de-France"),
    ("44", "Grand Est"), ("52", "Pays de la Loire"), ("53", "Bretagne"),
    ("75", "Nouvelle-Aquitaine"), ("76", "Occitanie"), ("84", "Auvergne-Rhône-Alpes"),
    ("93", "Provence-Alpes-Côte d’Azur"), ("94", "Corse"),
]

# (kind, code, name, id stem, size): the size scales the counts (a rough population weight).
TERRITORIES = (
    [("departement", c, n, c.lower(), 1.0) for c, n in DEPARTEMENTS]
    + [("metropole", c, n, "met-" + c, 1.5) for c, n in METROPOLES]
    + [("region", c, n, "reg-" + c, 4.0) for c, n in REGIONS]
)

# Rates declared as the quotient of two counts: (stem, denominator label, numerator label,
# rate label, base count of the denominator, rate range in percent).
RATES = [
    ("rsa-orientation", "Nouveaux bénéficiaires du RSA",
     "Nouveaux bénéficiaires du RSA orientés en moins d’un mois",
     "Part des nouveaux bénéficiaires du RSA orientés en moins d’un mois", 6000, (45, 95)),
    ("rsa-contrat", "Bénéficiaires du RSA soumis aux droits et devoirs",
     "Bénéficiaires du RSA ayant un contrat d’engagements réciproques",
     "Part des bénéficiaires du RSA ayant un contrat d’engagements réciproques", 20000, (40, 80)),
    ("rsa-premier-rdv", "Nouveaux bénéficiaires du RSA orientés",
     "Nouveaux bénéficiaires du RSA reçus en premier rendez-vous dans les deux semaines",
     "Part des premiers rendez-vous tenus dans les deux semaines", 5000, (30, 85)),
    ("ase-logement", "Jeunes majeurs sortant de l’aide sociale à l’enfance",
     "Jeunes sortant de l’ASE ayant un logement stable",
     "Part des jeunes sortant de l’ASE ayant un logement stable", 300, (50, 95)),
    ("ase-ressources", "Jeunes sortant de l’ASE suivis par un référent",
     "Jeunes sortant de l’ASE ayant des ressources",
     "Part des jeunes sortant de l’ASE ayant des ressources", 250, (40, 90)),
    ("ase-formation", "Jeunes de 16 à 18 ans confiés à l’ASE",
     "Jeunes de 16 à 18 ans confiés à l’ASE en formation ou en emploi",
     "Part des jeunes confiés à l’ASE en formation ou en emploi", 400, (55, 98)),
    ("accueil-inconditionnel", "Communes du département",
     "Communes couvertes par un premier accueil social inconditionnel à moins de 30 minutes",
     "Part des communes couvertes par un premier accueil social inconditionnel", 350, (60, 100)),
    ("referent-parcours", "Personnes en situation complexe repérées",
     "Personnes en situation complexe suivies par un référent de parcours",
     "Part des personnes en situation complexe suivies par un référent de parcours", 900,
     (20, 75)),
    ("formation-travail-social", "Travailleurs sociaux du département",
     "Travailleurs sociaux formés au « aller vers » et au « faire avec »",
     "Part des travailleurs sociaux formés au « aller vers »", 1200, (10, 60)),
    ("insertion-emploi", "Bénéficiaires du RSA accompagnés vers l’emploi",
     "Bénéficiaires du RSA accompagnés ayant repris un emploi",
     "Taux de retour à l’emploi des bénéficiaires du RSA accompagnés", 8000, (8, 35)),
    ("garantie-activite", "Entrées en garantie d’activité",
     "Sorties positives de la garantie d’activité",
     "Part des sorties positives de la garantie d’activité", 1500, (25, 60)),
    ("prevention-expulsions", "Ménages assignés en vue d’une expulsion locative",
     "Ménages assignés rencontrés par un travailleur social avant l’audience",
     "Part des ménages assignés rencontrés avant l’audience", 700, (30, 90)),
    ("non-recours", "Personnes reçues lors d’un rendez-vous des droits",
     "Personnes ayant ouvert au moins un droit après le rendez-vous",
     "Part des rendez-vous des droits suivis de l’ouverture d’un droit", 2500, (35, 80)),
    ("petits-dejeuners", "Écoles en réseau d’éducation prioritaire",
     "Écoles servant des petits déjeuners gratuits",
     "Part des écoles prioritaires servant des petits déjeuners", 120, (20, 95)),
    ("mobilite", "Personnes orientées vers une plateforme de mobilité",
     "Personnes ayant obtenu une solution de mobilité",
     "Part des personnes orientées ayant obtenu une solution de mobilité", 600, (40, 85)),
]

# Other indicators: (id, label, unit, polarity, aggregation, weight, base value, decimals).
OTHERS = [
    ("premiers-accueils", "Personnes reçues en premier accueil social inconditionnel", "count",
     None, "sum", None, 9000, 0),
    ("delai-premier-accueil", "Délai moyen avant un premier accueil social, en jours", "days",
     "lower-is-better", "weighted-mean", "premiers-accueils", 12, 1),
    ("delai-orientation-rsa", "Délai moyen d’orientation des nouveaux bénéficiaires du RSA",
     "days", "lower-is-better", "weighted-mean", "rsa-orientation-total", 35, 1),
    ("delai-instruction-fsl", "Délai moyen d’instruction d’une aide du fonds de solidarité "
     "pour le logement", "days", "lower-is-better", None, None, 20, 0),
    ("credits-etat-engages", "Crédits de l’État engagés sur les actions de la convention",
     "euros", None, "sum", None, 1500000, 2),
    ("credits-territoire-engages", "Crédits propres du territoire engagés sur les actions",
     "euros", None, "sum", None, 1400000, 2),
    ("cout-moyen-accompagnement", "Coût moyen d’un accompagnement global, en euros", "euros",
     "lower-is-better", None, None, 1800, 2),
    ("referents-par-travailleur", "Personnes suivies par référent de parcours", "ratio",
     "exact-target", None, None, 25, 2),
    ("travailleurs-sociaux-formes", "Travailleurs sociaux ayant suivi une formation du plan",
     "count", None, "sum", None, 300, 0),
    ("lieux-accueil", "Lieux de premier accueil social inconditionnel", "count", None, "sum",
     None, 40, 0),
    ("referents-parcours", "Référents de parcours en poste", "count", None, "sum", None, 60, 0),
    ("jeunes-pacea", "Jeunes entrés en parcours contractualisé d’accompagnement vers l’emploi",
     "count", "exact-target", "sum", None, 900, 0),
    ("places-creche-avip", "Places en crèche à vocation d’insertion professionnelle", "count",
     None, "sum", None, 80, 0),
    ("maraudes-mixtes", "Maraudes mixtes État-départements auprès des familles à la rue",
     "count", None, "sum", None, 50, 0),
    ("ratio-encadrement-maraudes", "Intervenants par maraude mixte", "ratio", None, "none", None,
     3, 1),
]

STATUS_CYCLE = ["planned", "in-progress", "done"]
CORE = [
    ("child-welfare-exits", [
        "Accompagnement vers le logement et l’emploi des jeunes majeurs sortant de l’ASE",
        "Contrats jeunes majeurs prolongés jusqu’à 21 ans",
        "Entretien de préparation à l’autonomie à 17 ans pour chaque jeune confié",
    ]),
    ("rsa-insertion", [
        "Rendez-vous d’orientation des nouveaux bénéficiaires du RSA dans le mois",
        "Plateforme d’orientation partagée avec le service public de l’emploi",
        "Garantie d’activité départementale",
    ]),
    ("social-work", [
        "Premier accueil social inconditionnel à moins de 30 minutes",
        "Référents de parcours formés dans chaque délégation territoriale",
        "Formation des travailleurs sociaux au « pouvoir d’agir » des personnes",
    ]),
]
FREE = [
    "Plateforme de mobilité solidaire", "Épicerie sociale itinérante",
    "Bus France services dans les communes rurales", "Médiation numérique dans les CCAS",
    "Coordination des maraudes avec les associations", "Lieu d’accueil parents-enfants",
]
DROP_REASONS = [
    "Reprise par la région dans son offre de transport",
    "Portée désormais par la caisse d’allocations familiales",
    "Crédits redéployés vers le premier accueil après l’avenant",
]
SOURCES = [
    "Rapport d’exécution et cible de la convention",
    "Système d’information du conseil départemental",
    "Données de la caisse d’allocations familiales",
    "Enquête annuelle auprès des structures d’insertion",
    "Tableau de bord du commissaire à la lutte contre la pauvreté",
]
COMMENTS = [
    "Valeur provisoire, consolidée au rapport suivant",
    "Périmètre élargi aux communes nouvelles",
    "Effet de la crise sanitaire sur l’activité des services",
    "Changement de logiciel en cours d’année : données partielles",
]


def indicator_defs():
    """The 60 indicators, in the order of every convention: (id, label, unit, polarity,
    aggregation, weight, numerator, denominator, family)."""
    defs = []
    for stem, dlabel, nlabel, plabel, _, _ in RATES:
        total, part = stem + "-total", stem + "-part"
        defs.append((total, dlabel, "count", None, "sum", None, None, None, ("rate-d", stem)))
        defs.append((part, nlabel, "count", None, "sum", None, None, None, ("rate-n", stem)))
        defs.append((stem, plabel, "percent", None, "weighted-mean", total, part, total,
                     ("rate-p", stem)))
    for ident, label, unit, polarity, aggregation, weight, _, _ in OTHERS:
        defs.append((ident, label, unit, polarity, aggregation, weight, None, None,
                     ("other", ident)))
    return defs


def fmt(value, decimals):
    if decimals == 0:
        return "%d" % round(value)
    return "%.*f" % (decimals, value)


class Out:
    def __init__(self, stream):
        self.stream = stream
        self.parts = []

    def line(self, depth, s):
        self.parts.append("  " * depth + s + "\n")

    def text(self, depth, name, value):
        self.parts.append("%s<%s>%s</%s>\n" % ("  " * depth, name, escape(value), name))

    def flush(self):
        self.stream.write("".join(self.parts).encode("utf-8"))
        self.parts = []


def convention(out, rng, defs, n):
    kind, code, name, stem, size = TERRITORIES[n % len(TERRITORIES)]
    period = n // len(TERRITORIES)
    first = FIRST_YEAR + SPAN * period
    last = first + SPAN - 1
    years = list(range(first, last + 1))
    scale = size * rng.uniform(0.3, 2.5)
    attrs = 'id="calpae-%s-%d" territory-kind="%s" territory-code="%s" first-year="%d" ' \
            'last-year="%d" signature-date="%d-%02d-%02d"' % (
                stem, first, kind, code, first, last, first, rng.randint(4, 9),
                rng.randint(1, 28))
    out.line(1, "<convention %s>" % attrs)
    out.text(2, "territory-name", name)
    out.line(2, "<signatory>")
    out.text(3, "role", "Préfet (%s)" % name)
    out.text(3, "name", "Camille Exemple %d (nom fictif)" % (n + 1))
    out.line(2, "</signatory>")
    out.line(2, "<signatory>")
    out.text(3, "role", {"departement": "Président du conseil départemental (%s)",
                         "metropole": "Président de la métropole (%s)",
                         "region": "Président du conseil régional (%s)"}[kind] % name)
    out.text(3, "name", "Alix Modèle %d (nom fictif)" % (n + 1))
    out.line(2, "</signatory>")
    for y in years:
        state = int(rng.uniform(1, 6) * scale) * 10000000
        out.line(2, '<funding year="%d" state-cents="%d" own-cents="%d"/>' % (
            y, state, state * rng.randint(8, 12) // 10))
    for y in years[:-1]:
        # Most reports on time (by 31 March of the next year), a few late.
        if rng.random() < 0.85:
            sent = "%d-03-%02d" % (y + 1, rng.randint(1, 31))
        else:
            sent = "%d-%02d-%02d" % (y + 1, rng.randint(4, 9), rng.randint(1, 28))
        out.line(2, '<report year="%d" sent="%s"/>' % (y, sent))
    # Actions: one to three per core objective, each with a status every year (never dropped,
    # so that every core objective has an action each year), then free initiatives.
    number = 0
    for objective, titles in CORE:
        for title in rng.sample(titles, rng.randint(1, 3)):
            number += 1
            out.line(2, '<action id="action-%d" objective="%s">' % (number, objective))
            out.text(3, "title", title)
            if rng.random() < 0.4:
                out.text(3, "description", "Action inscrite à la convention de %s, suivie par "
                         "le comité de pilotage (description fictive)." % name)
            start = rng.randint(0, 1)
            for i, y in enumerate(years):
                out.line(3, '<status year="%d" value="%s"/>' % (
                    y, STATUS_CYCLE[min(2, start + i)]))
            out.line(2, "</action>")
    for title in rng.sample(FREE, rng.randint(1, 3)):
        number += 1
        out.line(2, '<action id="action-%d" objective="free-initiative">' % number)
        out.text(3, "title", title)
        dropped = rng.random() < 0.25
        for i, y in enumerate(years):
            if dropped and i == len(years) - 1:
                out.line(3, '<status year="%d" value="dropped">' % y)
                out.text(4, "reason", rng.choice(DROP_REASONS))
                out.line(3, "</status>")
            else:
                out.line(3, '<status year="%d" value="%s"/>' % (y, STATUS_CYCLE[min(2, i)]))
        out.line(2, "</action>")

    # Indicator values. A rate's three indicators are drawn together so that the numerator
    # never passes the denominator and the percent is the quotient.
    values = {}
    for stem_, _, _, _, base, (lo, hi) in RATES:
        total, part = stem_ + "-total", stem_ + "-part"
        vt, vp, vr = {}, {}, {}
        d0 = max(20, round(base * scale * rng.uniform(0.5, 1.5)))
        r0 = rng.uniform(lo, hi - 5)
        vt["baseline"] = d0
        vp["baseline"] = round(d0 * r0 / 100)
        vr["baseline"] = round(r0, 1)
        for i, y in enumerate(years):
            dt = round(d0 * (1 + 0.03 * (i + 1)))
            da = max(1, round(dt * rng.uniform(0.9, 1.1)))
            rt = min(100.0, r0 + rng.uniform(1, 5) * (i + 1))
            ra = min(100.0, max(0.0, rt + rng.uniform(-8, 4)))
            pt, pa = min(dt, round(dt * rt / 100)), min(da, round(da * ra / 100))
            vt[y] = (dt, da)
            vp[y] = (pt, pa)
            vr[y] = (round(100 * pt / dt, 1), round(100 * pa / da, 1))
        values[total], values[part], values[stem_] = vt, vp, vr
    for ident, _, unit, polarity, _, _, base, decimals in OTHERS:
        v = {}
        b = base * (scale if unit in ("count", "euros") else rng.uniform(0.7, 1.3))
        v["baseline"] = b
        for i, y in enumerate(years):
            trend = (1 - 0.05 * (i + 1)) if polarity == "lower-is-better" else (1 + 0.04 * (i + 1))
            t = b * trend
            v[y] = (t, t * rng.uniform(0.85, 1.15))
        values[ident] = v

    for ident, label, unit, polarity, aggregation, weight, num, den, family in defs:
        decimals = 1 if family[0] == "rate-p" else 0
        if family[0] == "other":
            decimals = next(o[7] for o in OTHERS if o[0] == ident)
        attrs = 'id="%s" unit="%s"' % (ident, unit)
        if polarity:
            attrs += ' polarity="%s"' % polarity
        if aggregation and aggregation != "none":
            attrs += ' aggregation="%s"' % aggregation
        if weight:
            attrs += ' weight="%s"' % weight
        if num:
            attrs += ' numerator="%s" denominator="%s"' % (num, den)
        out.line(2, "<indicator %s>" % attrs)
        out.text(3, "label", label)
        v = values[ident]
        out.line(3, '<baseline year="%d" value="%s"/>' % (first - 1, fmt(v["baseline"], decimals)))
        for y in years:
            target, actual = v[y]
            a = ""
            if not (y == last and rng.random() < 0.09):  # about 3% of the actuals missing
                a = ' actual="%s"' % fmt(actual, decimals)
            source = rng.random() < 0.3
            comment = not a or rng.random() < 0.03
            if source or comment:
                out.line(3, '<values year="%d" target="%s"%s>' % (y, fmt(target, decimals), a))
                if source:
                    out.text(4, "source", "%s (%d, valeurs fictives)" % (rng.choice(SOURCES), y))
                if comment:
                    out.text(4, "comment", "Valeur non transmise dans le rapport d’exécution"
                             if not a else rng.choice(COMMENTS))
                out.line(3, "</values>")
            else:
                out.line(3, '<values year="%d" target="%s"%s/>' % (y, fmt(target, decimals), a))
        out.line(2, "</indicator>")
    out.line(1, "</convention>")


def generate(stream, factor, seed):
    rng = random.Random(seed)
    defs = indicator_defs()
    count = max(1, round(factor * len(TERRITORIES)))
    out = Out(stream)
    out.parts.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.parts.append("<!-- Generated by tests/bench/gen_conventions.py: factor %s, seed %d, %d "
                     "conventions. Every figure, date and name is fictional. -->\n"
                     % (factor, seed, count))
    out.line(0, '<conventions xmlns="%s">' % NS)
    for n in range(count):
        convention(out, rng, defs, n)
        if len(out.parts) > 20000:
            out.flush()
    out.line(0, "</conventions>")
    out.flush()


def main():
    parser = gen_referential.size_options(
        __doc__.splitlines()[0], "size factor: 1 is one convention per territory (141), linear")
    parser.add_argument("--referential", metavar="FILE",
                        help="also write a referential (gen_referential.py) to FILE")
    parser.add_argument("--referential-factor", type=float,
                        help="its factor (default: --factor)")
    args = parser.parse_args()
    if args.factor <= 0:
        parser.error("--factor must be positive")
    if args.output:
        with open(args.output, "wb") as f:
            generate(f, args.factor, args.seed)
    else:
        generate(sys.stdout.buffer, args.factor, args.seed)
    if args.referential:
        data = gen_referential.generate(args.referential_factor or args.factor, args.seed)
        with open(args.referential, "wb") as f:
            f.write(data.encode("utf-8"))


if __name__ == "__main__":
    main()
