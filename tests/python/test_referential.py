"""The referential side of the Python package: every class and property, errors, equality,
lifetime, extensions, search, validation, the text functions and the docstrings.

Run with PYTHONPATH=<build>/bindings/python python3 -m pytest tests/python/test_referential.py
"""

import decimal
import gc
import inspect
import re
import unicodedata

import pytest

import snplp
from snplp import _core, _referential

from snplp import (  # noqa: F401 (every public name of the module is importable from snplp)
    Category,
    Commitment,
    Competence,
    Content,
    DiplomaRule,
    Field,
    Figure,
    Funding,
    IdList,
    Item,
    Kind,
    Level,
    Lever,
    Module,
    Objective,
    Outcome,
    Plan,
    PlanTheme,
    Profession,
    Recommendation,
    Referential,
    SearchHit,
    Strategy,
    Style,
    TextList,
    Theme,
    TrainingPlan,
)

THEMES = [
    "theme-social-development",
    "theme-participation",
    "theme-insertion",
    "theme-digital",
    "theme-territories",
    "theme-outreach",
]
FUNDAMENTALS = "module-insertion-fundamentals"
EXPERT = "module-insertion-expert"


@pytest.fixture(scope="module")
def builtin():
    """One built-in referential shared by the tests that only read it."""
    return Referential.builtin()


@pytest.fixture
def ref():
    """A small referential of every kind, fresh for each test (they modify it)."""
    r = Referential()
    r.strategy.title = "Stratégie"
    r.add_commitment("commitment-a", "Un engagement")
    r.add_lever("lever-a", "Un levier")
    theme = r.add_theme("theme-a", "Un thème")
    module = theme.add_module("module-a", Level.FUNDAMENTALS, "Un module")
    competence = module.add_competence("competence-a", "Une compétence")
    competence.add_content("content-a", Style.HEADING, "Un titre")
    r.add_profession("profession-a", Category.WORKER, "éducateurs")
    r.add_diploma_rule("diploma-rule-a", "une règle")
    r.add_funding("funding-a", "Un financement")
    plan = r.add_plan("plan-a", "Un plan")
    plan.add_plan_theme("plan-theme-a", "langage")
    plan.add_figure("figure-a", 600000, "professionnels")
    return r


# ---- the raw layer ----------------------------------------------------------------------


def test_every_c_function_used_is_bound():
    missing = sorted(n for n in _referential.USED_C_FUNCTIONS if not hasattr(_core, n))
    assert missing == []


def test_all_is_exported_by_the_package():
    for name in _referential.__all__:
        assert getattr(snplp, name) is getattr(_referential, name)


# ---- the built-in referential -------------------------------------------------------------


def test_builtin_counts(builtin):
    assert len(builtin) == 157
    assert len(builtin.commitments) == 5
    assert len(builtin.levers) == 3
    assert len(builtin.themes) == 6
    assert len(builtin.modules) == 2
    assert len(builtin.professions) == 9
    assert len(builtin.diploma_rules) == 1
    assert len(builtin.fundings) == 1
    assert len(builtin.plans) == 2
    assert len(builtin.training_plan.objectives) == 5
    assert builtin.themes.ids() == THEMES


def test_iteration_visits_every_item_once_in_document_order(builtin):
    items = list(builtin)
    assert len(items) == len(builtin)
    ids = [i.id for i in items]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "strategy"
    assert ids.index("training-plan") > ids.index("lever-territories")
    assert ids.index("objective-plan-1") == ids.index("training-plan") + 1
    assert ids.index("content-insertion-fundamentals-1-9-5-1") > ids.index(
        "content-insertion-fundamentals-1-9-5")
    for item in items:
        assert builtin.find(item.id) == item
        assert builtin[item.id] is not item and builtin[item.id] == item
        assert type(item).kind == item.kind == builtin.kind_of(item.id)
        assert item.id in builtin and item in builtin


def test_find_and_kind_of(builtin):
    module = builtin.find(EXPERT)
    assert isinstance(module, Module)
    assert builtin.kind_of(EXPERT) is Kind.MODULE
    assert builtin.kind_of("nothing-here") is Kind.NONE
    assert builtin.find("nothing-here") is None
    assert "nothing-here" not in builtin
    with pytest.raises(KeyError):
        builtin["nothing-here"]
    assert isinstance(builtin.find("strategy"), Strategy)
    assert isinstance(builtin.find("training-plan"), TrainingPlan)
    for id, cls in [
        ("commitment-child-rights", Commitment),
        ("lever-territories", Lever),
        ("theme-outreach", Theme),
        ("competence-insertion-expert-7", Competence),
        ("content-insertion-fundamentals-1-9-5-1", Content),
        ("objective-plan-4", Objective),
        ("outcome-insertion-8", Outcome),
        ("recommendation-insertion-1", Recommendation),
        ("profession-cesf", Profession),
        ("diploma-rule-priority-public", DiplomaRule),
        ("funding-training", Funding),
        ("plan-early-childhood", Plan),
        ("plan-theme-early-childhood-days-3", PlanTheme),
        ("figure-early-childhood-professionals", Figure),
    ]:
        item = builtin.find(id)
        assert type(item) is cls and item.id == id
    with pytest.raises(TypeError):
        builtin.find(None)
    with pytest.raises(TypeError):
        builtin.kind_of(3)


def test_strategy(builtin):
    s = builtin.strategy
    assert s.id == "strategy" and s.kind is Kind.STRATEGY
    assert s.title and "pauvreté" in s.title
    assert s.launch_date == "2018-09"
    assert s.budget_cents == 850_000_000_000
    assert "milliards" in s.budget_text
    assert len(s.labels) == 4 and "stratégie pauvreté" in s.labels
    assert s.levers_open is True
    assert s.description.count("\n") == 1  # two paragraphs
    assert s.referential is builtin


def test_training_plan(builtin):
    p = builtin.training_plan
    assert p.id == "training-plan"
    assert p.title == "plan de formation des travailleurs sociaux"
    assert p.max_module_days == 5.0 and isinstance(p.max_module_days, float)
    assert p.description.count("\n") == 2 and p.audience.count("\n") == 2
    assert [o.id for o in p.objectives] == [f"objective-plan-{i}" for i in range(1, 6)]
    assert len(p.outcomes) == 0
    # the rule every module follows, verbatim (the seed writes « débiter »), with the four
    # points under it (objectives 2 to 5), then the training bodies' pedagogical freedom
    rule = p.rule.split("\n")
    assert rule[0] == ("Pour atteindre cet objectif, tous les modules de formation devront "
                       "débiter par une présentation des grands axes de la stratégie :")
    assert rule[3] == ("Ainsi qu'une mise en perspective par rapport à la contribution que peut "
                       "apporter le travail social :")
    assert [rule[i] for i in (1, 2, 4, 5)] == [o.text for o in p.objectives[1:]]
    assert rule[6].startswith("Les établissements de formation qui seront finalement retenus "
                              "pour délivrer ces formations conserveront évidemment une liberté "
                              "pédagogique") and len(rule) == 7


def test_builtin_is_its_data_file_and_goes_round(builtin):
    """The built-in referential is libsnplp/data/referential.xml (valid against the schema),
    and its export, rule text included, reads back into an equal referential."""
    import pathlib

    data = pathlib.Path(__file__).resolve().parents[2] / "libsnplp" / "data" / "referential.xml"
    assert Referential.from_file(data, strict=True) == builtin
    exported = builtin.to_bytes()
    assert b"<rule>Pour atteindre cet objectif" in exported
    again = Referential.from_bytes(exported, strict=True)
    assert again == builtin and again.training_plan.rule == builtin.training_plan.rule
    other = Referential.builtin()
    other.training_plan.rule = None
    assert other != builtin and other.training_plan.rule is None


def test_theme(builtin):
    t = builtin.themes["theme-insertion"]
    assert t.title == "L’insertion socio-professionnelle"
    assert list(t.labels) == [
        "insertion socioprofessionnelle",
        "l’insertion socioprofessionnelle",
        "l'insertion socio-professionnelle",
        "travail social et insertion socio-professionnelle",
    ]
    assert t.labels == list(t.labels) and t.labels[-1].startswith("travail")
    assert len(t.objectives) == 9 and len(t.outcomes) == 9 and len(t.recommendations) == 5
    assert [o.for_involved for o in t.outcomes] == [False] * 7 + [True] * 2
    assert t.modules.ids() == [FUNDAMENTALS, EXPERT]
    assert t.modules[EXPERT] == builtin.modules[EXPERT]
    assert t.objectives["objective-insertion-1"].text.startswith("Acquérir")
    with pytest.raises(KeyError):
        t.modules["module-elsewhere"]
    assert builtin.themes["theme-outreach"].title == "Aller vers"
    assert len(builtin.themes["theme-outreach"].modules) == 0


def test_modules(builtin):
    f, e = builtin.modules[FUNDAMENTALS], builtin.modules[EXPERT]
    assert f.level is Level.FUNDAMENTALS and e.level is Level.EXPERT
    assert str(e.level) == "expert"
    # a module's title is its heading in the seed, whole (docs/referential.md)
    assert f.title == "Module : Les fondamentaux de l'insertion socio-professionnelle"
    assert e.title == "Module « expert »"
    assert e.subtitle.startswith("Accompagner") and e.audience and e.role
    assert e.theme_id == "theme-insertion" and e.theme == builtin.themes["theme-insertion"]
    assert list(e.prerequisites) == [FUNDAMENTALS] and list(f.prerequisites) == []
    assert isinstance(e.prerequisites, IdList)
    assert list(e.professions) == []
    assert e.duration_days is None
    assert len(f.competences) == 4 and len(e.competences) == 7
    c = e.competences[-1]
    assert c.id == "competence-insertion-expert-7" and c.module == e


def test_content_tree(builtin):
    focus = builtin.find("content-insertion-fundamentals-1-9")
    competence = builtin.find("competence-insertion-fundamentals-1")
    assert focus in list(competence.contents)
    assert "dispositifs centraux" in focus.text
    assert focus.parent is None and focus.competence == competence
    groups = list(focus.children)
    assert [len(g.children) for g in groups] == [5, 5, 4, 0, 1]
    assert all(g.style is Style.NUMBERED and g.parent == focus for g in groups)
    leaf = groups[4].children[0]
    assert leaf.id == "content-insertion-fundamentals-1-9-5-1"
    assert leaf.style is Style.BULLET and len(leaf.children) == 1
    assert leaf.competence == competence and leaf.parent == groups[4]


def test_professions_rules_fundings_plans(builtin):
    p = builtin.professions["profession-ass"]
    assert p.title == "assistants de service social"
    assert p.abbreviation is None and p.category is Category.WORKER
    cats = [x.category for x in builtin.professions]
    assert cats.count(Category.WORKER) == 6 and cats.count(Category.CADRE) == 3
    rule = builtin.diploma_rules[0]
    assert rule.min_level == 6 and rule.text.startswith("titulaires")
    f = builtin.fundings["funding-training"]
    assert f.amount_cents == 100_000_000 and f.period == "pendant trois ans"
    assert f.title == "Un financement dédié aux formations" and "1 million" in f.source_text
    plan = builtin.plans["plan-early-childhood"]
    assert plan.title == "Ambition Enfance Egalité"
    assert list(plan.labels) == ["plan «Ambition Enfance Egalité»"]
    fig = plan.figures[0]
    assert fig.value == 600000 and fig.plan == plan and fig.text.startswith("600 000")
    days = builtin.plans["plan-early-childhood-days"]
    assert len(days.plan_themes) == 6 and len(days.figures) == 0
    assert days.plan_themes[2].title == "alimentation et nature"
    assert days.plan_themes[2].plan == days


def test_collections(builtin):
    themes = builtin.themes
    assert themes[-1].id == THEMES[-1]
    assert [t.id for t in themes[1:3]] == THEMES[1:3]
    assert "theme-digital" in themes and "module-x" not in themes
    assert themes[0] in themes
    assert themes.get("theme-none") is None and themes.get("theme-digital").id == "theme-digital"
    assert repr(themes) == "<6 themes>"
    with pytest.raises(IndexError):
        themes[6]
    with pytest.raises(TypeError):
        themes[1.0]
    with pytest.raises(TypeError):
        themes[None]
    labels = builtin.strategy.labels
    assert isinstance(labels, TextList) and not isinstance(labels, IdList)
    assert labels[-1] == list(labels)[-1] and labels[:2] == list(labels)[:2]
    with pytest.raises(IndexError):
        labels[4]
    assert repr(labels).startswith("[")


# ---- building and modifying ------------------------------------------------------------


def test_empty_referential():
    r = Referential()
    assert len(r) == 2 and [i.id for i in r] == ["strategy", "training-plan"]
    assert r.strategy.title is None and r.training_plan.title is None
    assert r.strategy.budget_cents is None and r.training_plan.max_module_days is None
    assert list(r.strategy.labels) == [] and len(r.themes) == 0
    assert r.import_diagnostics == []
    assert r.validate() == []


def test_add_every_kind(ref):
    assert len(ref) == 14
    t = ref.themes["theme-a"]
    m = t.modules[0]
    assert m.theme == t and m.level is Level.FUNDAMENTALS
    o = ref.training_plan.add_objective("objective-p", "viser")
    assert o.text == "viser" and ref.training_plan.objectives[0] == o
    assert ref.training_plan.add_outcome("outcome-p", "savoir").text == "savoir"
    assert t.add_objective("objective-t", "o").kind is Kind.OBJECTIVE
    out = t.add_outcome("outcome-t", "savoir")
    out.for_involved = True
    assert t.outcomes[0].for_involved is True
    assert t.add_recommendation("recommendation-t", "r").text == "r"
    assert m.add_recommendation("recommendation-m", "r2") == m.recommendations[0]
    content = ref.find("content-a")
    child = content.add_child(id="content-b", style="bullet", text="une puce")
    assert child.parent == content and child.style is Style.BULLET
    # a module added through the referential, with its theme given by id, and by keywords
    m2 = ref.add_module(theme_id="theme-a", id="module-b", level="expert", title="Expert")
    assert t.modules.ids() == ["module-a", "module-b"] and m2.level is Level.EXPERT
    assert ref.plans[0].plan_themes[0].title == "langage"
    assert ref.plans[0].figures["figure-a"].value == 600000
    assert len(ref) == 22
    assert ref.check() == []


def test_text_properties(ref):
    s = ref.strategy
    for name in ("title", "description", "budget_text"):
        setattr(s, name, f"un texte {name}")
        assert getattr(s, name) == f"un texte {name}"
        setattr(s, name, None)
        assert getattr(s, name) is None
    # NFC normalization on the way in
    s.title = "e\u0301galite\u0301"
    assert s.title == "égalité" and unicodedata.is_normalized("NFC", s.title)
    m = ref.modules["module-a"]
    for name in ("subtitle", "audience", "role"):
        setattr(m, name, "x")
        assert getattr(m, name) == "x"
        setattr(m, name, None)
        assert getattr(m, name) is None
    p = ref.training_plan
    p.audience = "public"
    p.description = "d"
    p.rule = "tous les modules"
    assert (p.audience, p.description, p.rule) == ("public", "d", "tous les modules")
    p.rule = None
    assert p.rule is None
    prof = ref.professions[0]
    prof.abbreviation = "ES"
    prof.title = "éducateurs spécialisés"
    assert repr(prof) == "<Profession 'profession-a': 'éducateurs spécialisés'>"
    f = ref.fundings[0]
    f.period, f.source_text, f.title = "pendant trois ans", "source", "F"
    assert (f.period, f.source_text, f.title) == ("pendant trois ans", "source", "F")
    plan = ref.plans[0]
    plan.description = "d"
    plan.plan_themes[0].title = "arts"
    plan.figures[0].text = "chiffre"
    assert plan.plan_themes[0].title == "arts" and plan.figures[0].text == "chiffre"
    for item in (ref.commitments[0], ref.levers[0], ref.themes[0]):
        item.description = "desc"
        item.title = "titre"
        assert (item.title, item.description) == ("titre", "desc")
    for item in (ref.diploma_rules[0], ref.find("content-a")):
        item.text = "texte"
        assert item.text == "texte"
    ref.find("competence-a").title = "C"
    assert ref.find("competence-a").title == "C"


def test_number_enum_and_bool_properties(ref):
    s = ref.strategy
    s.budget_cents = 850_000_000_000
    assert s.budget_cents == 850_000_000_000
    s.budget_cents = None
    assert s.budget_cents is None
    s.launch_date = "2018"
    assert s.launch_date == "2018"
    import datetime

    s.launch_date = datetime.date(2018, 9, 13)
    assert s.launch_date == "2018-09-13"
    s.launch_date = None
    assert s.launch_date is None
    s.levers_open = True
    assert s.levers_open is True
    p = ref.training_plan
    p.max_module_days = 5
    assert p.max_module_days == 5.0
    p.max_module_days = decimal.Decimal("2.5")
    assert p.max_module_days == 2.5
    p.max_module_days = None
    assert p.max_module_days is None
    m = ref.modules[0]
    m.duration_days = 1.1234567  # rounded to 6 decimals, as XML carries it
    assert m.duration_days == 1.123457
    m.duration_days = None
    assert m.duration_days is None
    m.level = Level.EXPERT
    assert m.level is Level.EXPERT
    m.level = "fundamentals"
    assert m.level is Level.FUNDAMENTALS
    m.level = 2
    assert m.level is Level.EXPERT
    m.theme_id = "theme-later"
    assert m.theme_id == "theme-later" and m.theme is None
    assert len(ref.themes[0].modules) == 0
    c = ref.find("content-a")
    c.style = Style.NUMBERED
    assert c.style is Style.NUMBERED
    prof = ref.professions[0]
    prof.category = "cadre"
    assert prof.category is Category.CADRE
    rule = ref.diploma_rules[0]
    assert rule.min_level is None
    rule.min_level = 8
    assert rule.min_level == 8
    rule.min_level = None
    assert rule.min_level is None
    f = ref.fundings[0]
    f.amount_cents = 2**63 - 1
    assert f.amount_cents == 2**63 - 1
    f.amount_cents = None
    assert f.amount_cents is None
    fig = ref.plans[0].figures[0]
    fig.value = -(2**63)
    assert fig.value == -(2**63)


def test_string_lists(ref):
    m = ref.modules[0]
    m.add_prerequisite("module-z")
    m.prerequisites.add("module-y")
    assert m.prerequisites == ["module-z", "module-y"]
    m.prerequisites.remove("module-z")
    m.remove_prerequisite("module-y")
    assert list(m.prerequisites) == []
    m.professions.add("profession-a")
    m.add_profession("profession-b")
    assert m.professions == ["profession-a", "profession-b"]
    m.professions.remove("profession-b")
    assert m.professions == ["profession-a"]
    with pytest.raises(snplp.NotFoundError):
        m.remove_profession("profession-b")
    with pytest.raises(snplp.AlreadyExistsError):
        m.add_profession("profession-a")
    with pytest.raises(snplp.BadIdError):
        m.add_prerequisite("2bad")
    for item in (ref.strategy, ref.themes[0], ref.plans[0]):
        item.add_label("un")
        item.labels.add("deux")
        assert item.labels == ["un", "deux"]
        assert not hasattr(item.labels, "remove")


def test_errors(ref):
    with pytest.raises(snplp.InvalidArgumentError) as e:
        ref.strategy.budget_cents = -1
    assert e.value.status == _core.SNPLP_EINVAL and e.value.message
    assert isinstance(e.value, ValueError) and isinstance(e.value, snplp.Error)
    assert ref.strategy.budget_cents is None  # unchanged
    ref.commitments[0].title = ""  # blank is allowed: validation reports it
    assert [d.name for d in ref.validate()] == ["empty-title"]
    with pytest.raises(TypeError):
        ref.commitments[0].title = None  # a required text
    assert ref.commitments[0].title == ""  # unchanged
    with pytest.raises(snplp.BadIdError):
        ref.add_commitment("1-bad", "T")
    with pytest.raises(snplp.BadIdError):
        ref.add_theme("bad id", "T")
    with pytest.raises(snplp.AlreadyExistsError):
        ref.add_lever("commitment-a", "T")  # ids are unique whatever the kind
    with pytest.raises(snplp.AlreadyExistsError):
        ref.themes[0].add_module("strategy", Level.EXPERT, "T")
    with pytest.raises(snplp.EncodingError):
        ref.strategy.title = "bad \x01 control"
    with pytest.raises(snplp.InvalidArgumentError):
        ref.strategy.launch_date = "2018-02-30"
    with pytest.raises(snplp.InvalidArgumentError):
        ref.modules[0].duration_days = 0
    with pytest.raises(snplp.InvalidArgumentError):
        ref.training_plan.max_module_days = 10000
    with pytest.raises(snplp.InvalidArgumentError):
        ref.modules[0].level = 7
    with pytest.raises(snplp.InvalidArgumentError):
        ref.add_module("theme-a", "module-q", 0, "T")
    with pytest.raises(ValueError):
        ref.modules[0].level = "master"
    with pytest.raises(snplp.InvalidArgumentError):
        ref.diploma_rules[0].min_level = 9
    with pytest.raises(snplp.InvalidArgumentError):
        ref.find("content-a").add_child("content-q", 4, "T")
    with pytest.raises(snplp.BadIdError):
        ref.modules[0].theme_id = "no good"
    assert len(ref) == 14  # nothing was added


def test_wrong_types_raise_type_error(ref):
    m = ref.modules[0]
    cases = [
        lambda: setattr(m, "title", 3),
        lambda: setattr(m, "subtitle", b"bytes"),
        lambda: setattr(m, "theme_id", None),
        lambda: setattr(ref.find("content-a"), "text", None),
        lambda: setattr(m, "duration_days", "5"),
        lambda: setattr(m, "duration_days", True),
        lambda: setattr(m, "level", 2.0),
        lambda: setattr(m, "level", None),
        lambda: setattr(ref.strategy, "levers_open", 1),
        lambda: setattr(ref.strategy, "budget_cents", 1.5),
        lambda: setattr(ref.plans[0].figures[0], "value", None),
        lambda: ref.add_commitment(None, "T"),
        lambda: ref.add_commitment("commitment-b", None),
        lambda: ref.add_commitment("commitment-b"),
        lambda: ref.add_commitment("commitment-b", "T", "extra"),
        lambda: ref.add_plan(id="plan-b"),
        lambda: ref.plans[0].add_figure("figure-b", "600", "T"),
        lambda: m.add_prerequisite(None),
        lambda: m.prerequisites.remove(3),
        lambda: ref.search(None),
        lambda: ref.find(b"strategy"),
        lambda: ref.commitments[0].add_extension(None),
        lambda: ref.commitments[0].set_foreign_attribute("urn:x", "x", "a", None),
        lambda: Module(),
        lambda: Item(),
    ]
    for case in cases:
        with pytest.raises(TypeError):
            case()
    assert len(ref) == 14


# ---- equality, repr, enums ----------------------------------------------------------------


def test_equality(builtin):
    other = Referential.builtin()
    assert other == builtin and not (other != builtin)
    assert other.themes[0] != builtin.themes[0]  # same id, other referential
    assert other != Referential()
    other.themes[0].title = "changed"
    assert other != builtin
    assert builtin != 3 and builtin.themes[0] != "theme-social-development"
    with pytest.raises(TypeError):
        hash(builtin)
    t1, t2 = builtin.themes[0], builtin.find("theme-social-development")
    assert t1 == t2 and t1 is not t2 and hash(t1) == hash(t2)
    assert len({t1, t2, builtin.themes[1]}) == 2
    assert builtin.strategy == builtin.strategy


def test_repr(builtin):
    assert repr(builtin.themes["theme-outreach"]) == "<Theme 'theme-outreach': 'Aller vers'>"
    r = repr(builtin.modules[FUNDAMENTALS])
    assert r.startswith("<Module 'module-insertion-fundamentals': \"Module : Les fondamentaux")
    assert r.endswith('…">') and len(r) < 100
    assert repr(Referential().strategy) == "<Strategy 'strategy'>"
    fig = builtin.find("figure-early-childhood-professionals")
    assert repr(fig).startswith("<Figure 'figure-early-childhood-professionals': '600 000")
    assert re.fullmatch(r"<Referential '.*…': 157 items>", repr(builtin))
    assert repr(Referential()) == "<Referential: 2 items>"


def test_enums():
    assert Level("expert") is Level.EXPERT and Level("EXPERT") is Level.EXPERT
    assert Level(1) is Level.FUNDAMENTALS
    assert str(Level.EXPERT) == "expert" and f"{Style.HEADING}" == "heading"
    assert str(Kind.DIPLOMA_RULE) == _core.snplp_kind_name(_core.SNPLP_KIND_DIPLOMA_RULE)
    assert Kind("diploma-rule") is Kind.DIPLOMA_RULE
    assert str(Category.CADRE) == "cadre" and str(Field.TITLE) == "title"
    assert Kind.MODULE == _core.SNPLP_KIND_MODULE and len(Kind) == 18
    assert [m.name for m in Style] == ["BULLET", "NUMBERED", "HEADING"]
    assert Field.THEME_ID == _core.SNPLP_FIELD_THEME_ID
    with pytest.raises(ValueError):
        Level("master")
    for cls in (Module, Theme, Figure, Strategy):
        assert cls.kind.name == re.sub(r"(?<!^)([A-Z])", r"_\1", cls.__name__).upper()


# ---- lifetime --------------------------------------------------------------------------------


def test_children_outlive_their_root():
    ref = Referential.builtin()
    theme = ref.themes[2]
    modules = theme.modules
    labels = ref.strategy.labels
    leaf = ref.find("content-insertion-fundamentals-1-9-5-1")
    hits = ref.search("insertion")
    del ref
    gc.collect()
    assert theme.title == "L’insertion socio-professionnelle"
    assert modules.ids() == [FUNDAMENTALS, EXPERT]
    assert len(labels) == 4
    assert leaf.parent.parent.competence.module.theme == theme
    assert hits[0].item.id == hits[0].id
    assert len(theme.referential) == 157
    theme.title = "still alive"
    assert theme.referential.themes[2].title == "still alive"


def test_referential_is_released():
    gc.collect()
    before = snplp.memory_used()
    for _ in range(3):
        ref = Referential.builtin()
        theme = ref.themes[0]
        assert snplp.memory_used() > before
        del ref, theme
    again = Referential()
    with pytest.raises(TypeError):
        again.__init__()  # refused: the items' wrappers point into the first one
    del again
    gc.collect()
    assert snplp.memory_used() == before


# ---- extensions -------------------------------------------------------------------------------


def test_extensions(ref):
    c = ref.commitments[0]
    assert c.extensions == [] and c.foreign_attributes == []
    c.add_extension('<x:note xmlns:x="urn:example:x">bonjour</x:note>')
    c.add_extension("<y:empty xmlns:y='urn:example:y'></y:empty>")
    assert c.extensions == [
        '<x:note xmlns:x="urn:example:x">bonjour</x:note>',
        '<y:empty xmlns:y="urn:example:y"/>',
    ]
    c.set_foreign_attribute("urn:example:x", "x", "priority", "1")
    c.set_foreign_attribute("urn:example:x", "x", "priority", "2")  # replaced
    c.set_foreign_attribute("urn:example:geo", "geo", "region", "Île-de-France")
    attrs = c.foreign_attributes
    assert attrs == [
        snplp.ForeignAttribute("urn:example:x", "x", "priority", "2"),
        ("urn:example:geo", "geo", "region", "Île-de-France"),
    ]
    assert attrs[1].value == "Île-de-France" and attrs[1].namespace == "urn:example:geo"
    ref.find("content-a").add_extension('<x:c xmlns:x="urn:example:x"/>')
    back = Referential.from_bytes(ref.to_bytes())
    assert back == ref
    assert back.commitments[0].extensions == c.extensions
    assert back.commitments[0].foreign_attributes == attrs
    assert back.find("content-a").extensions == ['<x:c xmlns:x="urn:example:x"/>']
    other = Referential.from_bytes(ref.to_bytes())
    other.commitments[0].add_extension('<x:more xmlns:x="urn:example:x"/>')
    assert other != ref  # extensions are compared
    with pytest.raises(snplp.InvalidArgumentError):
        c.add_extension("<plain>no namespace</plain>")
    with pytest.raises(snplp.InvalidArgumentError):
        c.add_extension('<x:a xmlns:x="urn:example:x">')
    with pytest.raises(snplp.InvalidArgumentError):
        c.set_foreign_attribute("urn:snplp:1.0", "s", "a", "v")
    with pytest.raises(snplp.InvalidArgumentError):
        c.set_foreign_attribute("urn:example:x", "x", "not a name", "v")
    assert len(c.extensions) == 2


# ---- search ------------------------------------------------------------------------------------


def test_search(builtin):
    hits = builtin.search("INSERTION SOCIO PROFESSIONNELLE")
    assert hits and all(isinstance(h, SearchHit) for h in hits)
    ids = [h.id for h in hits]
    assert "theme-insertion" in ids and FUNDAMENTALS in ids
    assert len(set(ids)) == len(ids)  # one hit per item
    order = [i.id for i in builtin]
    assert sorted(ids, key=order.index) == ids  # document order
    theme_hit = hits[ids.index("theme-insertion")]
    assert theme_hit.kind is Kind.THEME and theme_hit.field is Field.TITLE
    assert theme_hit.item == builtin.themes["theme-insertion"]
    assert str(theme_hit.field) == "title"
    assert repr(theme_hit) == ("SearchHit(kind=<Kind.THEME: 5>, id='theme-insertion', "
                               "field=<Field.TITLE: 1>)")
    label_hits = {h.id: h.field for h in builtin.search("l'aller vers")}
    assert label_hits["theme-outreach"] is Field.LABEL  # « l’aller vers »: folded alike
    assert builtin.search("zzzqqq") == []
    with pytest.raises(snplp.InvalidArgumentError):
        builtin.search(" -- ")


def test_search_sees_changes(ref):
    assert ref.search("girafe") == []
    ref.modules[0].role = "une girafe"
    hit, = ref.search("Girafe")
    assert (hit.id, hit.kind, hit.field) == ("module-a", Kind.MODULE, Field.ROLE)


# ---- validation ------------------------------------------------------------------------------


def test_validate_and_check(builtin, ref):
    assert builtin.validate() == [] and builtin.check() == []
    ref.add_module("theme-missing", "module-orphan", Level.EXPERT, "")
    ref.modules[0].add_prerequisite("module-nowhere")
    found = ref.validate()
    codes = {(d.name, d.item_id) for d in found}
    assert ("missing-parent", "module-orphan") in codes
    assert ("empty-title", "module-orphan") in codes
    assert ("dangling-reference", "module-a") in codes
    for d in found:
        assert d.severity == "error" and d.line == 0 and d.column == 0 and d.message
        assert isinstance(d, snplp.Diagnostic)
    missing = next(d for d in found if d.name == "missing-parent")
    assert missing.code == _core.SNPLP_DIAG_MISSING_PARENT
    with pytest.raises(snplp.ValidationError) as e:
        ref.check()
    assert e.value.diagnostics == found and e.value.status_name == "SNPLP_EVALIDATION"


def test_duration_over_max_and_cycle(ref):
    ref.training_plan.max_module_days = 5
    m = ref.modules[0]
    m.duration_days = 6
    m2 = ref.themes[0].add_module("module-b", Level.EXPERT, "B")
    m.add_prerequisite("module-b")
    m2.add_prerequisite("module-a")
    names = [d.name for d in ref.validate()]
    assert "duration-over-max" in names and "prerequisite-cycle" in names


# ---- text, ids, version, memory --------------------------------------------------------------


def test_text_functions():
    assert snplp.text_compare("cote", "coté") == -1
    assert snplp.text_compare("côté", "côte") == 1
    assert snplp.text_compare("Éducateur", "Éducateur") == 0
    assert snplp.text_compare(None, "a") == -1
    words = ["côté", "côte", "coté", "cote"]
    assert snplp.text_sort(words) == ["cote", "coté", "côte", "côté"]
    assert snplp.text_order(words) == [3, 2, 1, 0]
    assert snplp.text_sort([]) == []
    assert snplp.text_sort(["b", "a", "B"]) == ["a", "b", "B"]
    pairs = [(2, "éducateur"), (1, "Zèbre"), (3, "abeille"), (4, "Éducateur")]
    assert [n for n, _ in snplp.text_sort(pairs, key=lambda p: p[1])] == [3, 2, 4, 1]
    assert snplp.text_fold("L'insertion socio-professionnelle") == "linsertionsocioprofessionnelle"
    assert snplp.text_fold("INSERTION SOCIO PROFESSIONNELLE") == "insertionsocioprofessionnelle"
    assert snplp.text_fold("Œuvre") == "oeuvre"
    with pytest.raises(TypeError):
        snplp.text_fold(None)
    with pytest.raises(TypeError):
        snplp.text_sort(["a", None])
    with pytest.raises(TypeError):
        snplp.text_sort("côte")
    with pytest.raises(TypeError):
        snplp.text_compare(1, "a")


def test_sort_items_by_title(builtin):
    titles = [p.title for p in snplp.text_sort(builtin.professions, key=lambda p: p.title)]
    assert titles[0] == "assistants de service social"
    assert titles == sorted(titles, key=__import__("functools").cmp_to_key(snplp.text_compare))


def test_ids_schema_version_memory():
    assert snplp.id_is_valid("module-a") and snplp.id_is_valid("_x.1")
    assert not any(snplp.id_is_valid(x) for x in ("1-a", "", None, "a b", "é"))
    assert not snplp.id_is_valid("a" * 257) and snplp.id_is_valid("a" * 256)
    assert "urn:snplp:1.0" in snplp.xml_schema()
    v = snplp.version()
    assert re.fullmatch(r"\d+\.\d+\.\d+", v)
    major, minor, patch = map(int, v.split("."))
    assert snplp.version_number() == major * 10000 + minor * 100 + patch
    assert re.fullmatch(r"\d+\.\d+(\.\d+)*", snplp.dependency_version("icu"))
    assert re.fullmatch(r"\d+\.\d+\.\d+", snplp.dependency_version("libxml2"))
    assert snplp.dependency_version("zlib") is None
    gc.collect()
    blocks = snplp.memory_blocks()
    ref = Referential.builtin()
    assert snplp.memory_used() > 0 and snplp.memory_peak() >= snplp.memory_used()
    assert snplp.memory_blocks() > blocks + 100  # the built-in referential: many blocks
    del ref
    gc.collect()
    assert snplp.memory_blocks() == blocks
    snplp.memory_reset_peak()
    assert snplp.memory_peak() == snplp.memory_used()


# ---- documentation ----------------------------------------------------------------------------


def _public_members(cls):
    """The public members of a class, and the special methods that say what it does (those a
    dataclass generates are left out)."""
    special = ("__init__", "__len__", "__eq__", "__iter__", "__getitem__", "__contains__")
    for name, value in vars(cls).items():
        if name.startswith("_") and (name not in special or cls is SearchHit):
            continue
        yield name, value


def test_every_public_name_has_a_docstring():
    for name in _referential.__all__:
        obj = getattr(_referential, name)
        assert obj.__doc__ and obj.__doc__.strip(), name
        if inspect.isclass(obj) and not issubclass(obj, (int, tuple)):
            for cls in obj.__mro__:
                if cls.__module__ != _referential.__name__:
                    continue
                for member, value in _public_members(cls):
                    if isinstance(value, (property, staticmethod, classmethod)) or callable(value):
                        doc = getattr(value, "__doc__", None)
                        assert doc and doc.strip(), f"{name}.{member}"


def test_docstrings_come_from_the_c_headers():
    doc = Module.title.__doc__
    assert "The title" in doc and "Sets the title" in doc and "snplp_module_title()" in doc
    assert "#SNPLP" not in doc and "NULL" not in doc
    assert "days" in Module.duration_days.__doc__ and "Unsets" in Module.duration_days.__doc__
    assert "SNPLP_EBADID [BadIdError]" in Referential.add_commitment.__doc__
    assert "Adds a commitment" in Referential.add_commitment.__doc__
    assert "Deep equality" in Referential.__eq__.__doc__
    assert "Imports a referential" in Referential.from_file.__doc__
    assert "French collation" in snplp.text_sort.__doc__
    assert "every rule of the model" in Referential.validate.__doc__
    assert "alternative label" in Theme.labels.__doc__
    assert str(inspect.signature(Referential.add_module)) == "(self, theme_id, id, level, title)"
    assert str(inspect.signature(Module.remove_prerequisite)) == "(self, module_id) -> None"
    text = pydoc_text(Referential)
    for expected in ("Creates an empty referential", "The commitments", "add_theme",
                     "Adds a theme of the training plan", "Searches the referential"):
        assert expected in text, expected


def pydoc_text(obj) -> str:
    import pydoc

    return pydoc.plain(pydoc.render_doc(obj))
