#!/usr/bin/env python3
"""Prints a referential as an indented tree: the strategy, its commitments and levers, the
training plan, the themes with their modules, competences and every content item, the
targeted professions (in French collation order), the diploma-level rules, the funding lines
and the other plans. The Python twin of examples/c/tree.c.

Usage: walk_referential.py [FILE.xml]   (the built-in referential without FILE)
"""

import argparse
import pathlib
import sys

import snplp


def line(depth: int, prefix: str, text) -> None:
    """Prints text after a prefix at an indentation, one line per paragraph."""
    if text is None:
        return
    for i, paragraph in enumerate(text.split("\n")):
        print("  " * depth + (prefix if i == 0 else "") + paragraph)


def print_content(item: snplp.Content, depth: int, number: int) -> None:
    mark = {snplp.Style.NUMBERED: f"{number}. ", snplp.Style.HEADING: "## "}.get(item.style, "- ")
    line(depth, mark, item.text)
    numbered = 0
    for child in item.children:
        numbered += child.style is snplp.Style.NUMBERED
        print_content(child, depth + 1, numbered)


def print_module(module: snplp.Module, depth: int) -> None:
    print(f"{'  ' * depth}module [{module.level}] {module.title}")
    line(depth + 2, "", module.subtitle)
    if module.duration_days is not None:
        print(f"{'  ' * (depth + 2)}duration: {module.duration_days:g} day(s)")
    for prerequisite in module.prerequisites:
        print(f"{'  ' * (depth + 2)}requires: {prerequisite}")
    line(depth + 2, "priority audience: ", module.audience)
    line(depth + 2, "role: ", module.role)
    for competence in module.competences:
        print(f"{'  ' * (depth + 2)}competence: {competence.title}")
        numbered = 0
        for item in competence.contents:
            numbered += item.style is snplp.Style.NUMBERED
            print_content(item, depth + 3, numbered)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=pathlib.Path, help="a referential in XML")
    args = parser.parse_args()
    try:
        ref = snplp.Referential.from_file(args.file) if args.file else snplp.Referential.builtin()
    except snplp.Error as err:  # ParseError, ValidationError, InputOutputError...
        for d in err.diagnostics:  # every finding, with its line and column
            print(f"{args.file}:{d}", file=sys.stderr)
        if not err.diagnostics:
            print(f"{args.file}: {err}", file=sys.stderr)
        return 1
    findings = ref.validate()
    for d in findings:
        print(f"validation: {d}", file=sys.stderr)

    s = ref.strategy
    print(f"{s.title or s.id} ({len(ref)} items)")
    line(1, "also: ", ", ".join(s.labels) or None)
    if s.launch_date:
        print(f"  launched: {s.launch_date}")
    if s.budget_cents is not None:
        print(f"  budget: {s.budget_cents // 100:,} euros".replace(",", " "))
    for c in ref.commitments:
        print(f"  commitment: {c.title}")
    for lever in ref.levers:
        print(f"  lever: {lever.title}")
    if s.levers_open:
        print("  lever: ...")

    plan = ref.training_plan
    print(f"{plan.title or plan.id}")
    if plan.max_module_days is not None:
        print(f"  at most {plan.max_module_days:g} day(s) per module")
    for objective in plan.objectives:
        line(1, "objective: ", objective.text)
    for theme in ref.themes:
        print(f"  theme: {theme.title}")
        line(2, "also: ", "; ".join(theme.labels) or None)
        for objective in theme.objectives:
            line(2, "objective: ", objective.text)
        for outcome in theme.outcomes:
            line(2, "outcome (more involved): " if outcome.for_involved else "outcome: ",
                 outcome.text)
        for module in theme.modules:
            print_module(module, 2)

    print("professions")
    for p in snplp.text_sort(ref.professions, key=lambda p: p.title):
        abbreviation = f" ({p.abbreviation})" if p.abbreviation else ""
        print(f"  [{p.category}] {p.title}{abbreviation}")
    for rule in ref.diploma_rules:
        level = f" (level {rule.min_level} or above)" if rule.min_level is not None else ""
        line(0, "diploma rule: ", rule.text + level)
    for funding in ref.fundings:
        amount = (f": {funding.amount_cents / 100:,.2f} euros".replace(",", " ")
                  if funding.amount_cents is not None else "")
        print(f"funding: {funding.title}{amount} {funding.period or ''}".rstrip())
    for other in ref.plans:
        print(f"plan: {other.title}")
        for theme in other.plan_themes:
            print(f"  theme: {theme.title}")
        for figure in other.figures:
            print(f"  figure: {figure.value} ({figure.text})")
    return 1 if any(d.severity == "error" for d in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
