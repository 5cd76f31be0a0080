#!/usr/bin/env python3
"""Writes a fictional regional LHEO 2.3 feed for the LHEO benchmark (docs/performance.md).

    gen_lheo.py [--factor F] [--seed S] -o FILE

Factor 1 is about 1 MB: 200 formations of 40 training bodies, each formation with an action of
2 to 4 sessions, texts of the lengths of real offers (a title, objectives, expected results, a
content of some 1 500 characters), a FORMACODE domain, a place of training, a contact, and
elements libsnplp does not map (url-formation, etat-recrutement, extras), so that the import
keeps some of everything. A regional feed of 50 MB is --factor 50. Every SIRET has a valid
Luhn key; every date is valid; the document is valid against the official XSD
(tests/lheo/lheo-2.3.xsd). Deterministic: the same factor and seed give the same bytes.
"""
import argparse
import random

NS = "http://lheo.gouv.fr/2.3"
THEMES = ["insertion socioprofessionnelle", "le numérique", "aller vers",
          "la participation des personnes accompagnées", "le développement social",
          "travail social et territoires", "la protection de l’enfance", "la médiation"]
WORDS = ("accompagnement social personne parcours droits partenaires territoire emploi "
         "orientation dispositif professionnel pratique analyse situation action collectif "
         "coordination acteurs ressources méthode outils réseau évaluation projet famille "
         "logement santé insertion numérique médiation écoute relation").split()


def luhn(base):
    for k in range(10):
        s = base + str(k)
        total = 0
        for i, ch in enumerate(reversed(s)):
            d = int(ch)
            if i % 2:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return s
    raise AssertionError


def sentence(rng, n):
    w = [rng.choice(WORDS) for _ in range(n)]
    return (" ".join(w)).capitalize() + "."


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;")


def body(out, rng, b):
    siret = luhn("%013d" % (300000000000 + b * 7919))
    out.append(f'''      <organisme-formation-responsable numero="of-{b}">
        <numero-activite>52{b % 100:02d}{b:07d}</numero-activite>
        <SIRET-organisme-formation>
          <SIRET>{siret}</SIRET>
        </SIRET-organisme-formation>
        <nom-organisme>Organisme de formation fictif n° {b}</nom-organisme>
        <raison-sociale>Association fictive de formation n° {b}</raison-sociale>
        <coordonnees-organisme>
          <coordonnees>
            <adresse>
              <ligne>{b} rue de l’Exemple</ligne>
              <codepostal>{44000 + b % 900:05d}</codepostal>
              <ville>Ville fictive {b}</ville>
            </adresse>
            <telfixe>
              <numtel>02 40 {b % 100:02d} 00 00</numtel>
            </telfixe>
            <courriel>contact@of-{b}.example</courriel>
          </coordonnees>
        </coordonnees-organisme>
        <contact-organisme>
          <coordonnees>
            <courriel>contact@of-{b}.example</courriel>
          </coordonnees>
        </contact-organisme>
      </organisme-formation-responsable>
''')


def formation(out, rng, i, nbodies):
    b = rng.randrange(nbodies)
    theme = rng.choice(THEMES)
    title = f"{esc(theme.capitalize())} : {sentence(rng, 6)[:-1]} ({i})"
    content = " ".join(f"- {sentence(rng, rng.randint(6, 14))}" for _ in range(12))
    out.append(f'''    <formation numero="fo-{i}">
      <domaine-formation>
        <code-FORMACODE ref="V14">{44000 + rng.randrange(100):05d}</code-FORMACODE>
      </domaine-formation>
      <intitule-formation>{title}</intitule-formation>
      <objectif-formation>{esc(sentence(rng, 30))} {esc(sentence(rng, 20))}</objectif-formation>
      <resultats-attendus>Attestation de fin de formation. {esc(sentence(rng, 15))}</resultats-attendus>
      <contenu-formation>{esc(content)}</contenu-formation>
      <certifiante>0</certifiante>
      <contact-formation>
        <coordonnees>
          <nom>Référent {i}</nom>
          <courriel>formation-{i}@of-{b}.example</courriel>
        </coordonnees>
      </contact-formation>
      <parcours-de-formation>{rng.randint(1, 4)}</parcours-de-formation>
      <code-niveau-entree>{rng.choice([0, 1, 13, 14, 15, 16])}</code-niveau-entree>
      <url-formation>
        <urlweb>https://of-{b}.example/formations/{i}</urlweb>
      </url-formation>
      <action numero="ac-{i}">
        <rythme-formation>{rng.randint(1, 5)} jours consécutifs</rythme-formation>
        <code-public-vise ref="V14">15041</code-public-vise>
        <niveau-entree-obligatoire>0</niveau-entree-obligatoire>
        <modalites-alternance>Sans alternance</modalites-alternance>
        <modalites-enseignement>{rng.choice([0, 0, 0, 1, 2])}</modalites-enseignement>
        <conditions-specifiques>aucune</conditions-specifiques>
        <prise-en-charge-frais-possible>1</prise-en-charge-frais-possible>
        <lieu-de-formation>
          <coordonnees>
            <adresse>
              <ligne>Salle {rng.randint(1, 20)}</ligne>
              <codepostal>{44000 + b % 900:05d}</codepostal>
              <ville>Ville fictive {b}</ville>
            </adresse>
          </coordonnees>
        </lieu-de-formation>
        <modalites-entrees-sorties>0</modalites-entrees-sorties>
''')
    for s in range(rng.randint(2, 4)):
        month = rng.randint(1, 12)
        day = rng.randint(1, 24)
        out.append(f'''        <session numero="se-{i}-{s}">
          <periode>
            <debut>2023{month:02d}{day:02d}</debut>
            <fin>2023{month:02d}{day + rng.randint(0, 4):02d}</fin>
          </periode>
          <adresse-inscription>
            <adresse>
              <ligne>{b} rue de l’Exemple</ligne>
              <codepostal>{44000 + b % 900:05d}</codepostal>
              <ville>Ville fictive {b}</ville>
            </adresse>
          </adresse-inscription>
          <etat-recrutement>1</etat-recrutement>
        </session>
''')
    out.append('''        <duree-indicative>3 jours</duree-indicative>
      </action>
''')
    body(out, rng, b)
    out.append(f'''      <extras info="catalogue">
        <extra info="code-interne">X-{i}</extra>
      </extras>
    </formation>
''')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--factor", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    n = max(1, int(200 * a.factor))
    nbodies = max(1, int(40 * a.factor))
    with open(a.output, "w", encoding="utf-8") as f:
        f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generated by tests/bench/gen_lheo.py '
                f'(factor {a.factor:g}, seed {a.seed}): fictional offers. -->\n'
                f'<lheo xmlns="{NS}">\n  <offres>\n')
        for i in range(n):
            out = []
            formation(out, rng, i, nbodies)
            f.write("".join(out))
        f.write("  </offres>\n</lheo>\n")


if __name__ == "__main__":
    main()
