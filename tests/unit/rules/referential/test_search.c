/* Tests of search.h: snplp_referential_search() folds the query and every text of the
 * referential as snplp_text_fold() does, matches them as substrings, and gives one hit per
 * item in document order (referential.h) with the first field that matched. */
#include "test_util.h"

#include <pthread.h>
#include <stdio.h>

/* ---- helpers ---- */

typedef struct hit {
    snplp_kind kind;
    const char *id;
    snplp_field field;
} hit;

/* Whether results are exactly the n hits of want, in that order (no cmocka call: usable from
 * any thread). */
static bool same_hits(const snplp_search_results *r, const hit *want, size_t n)
{
    if (snplp_search_results_count(r) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        const snplp_search_hit *h = snplp_search_results_at(r, i);
        const char *id = snplp_search_hit_id(h);
        if (!h || snplp_search_hit_kind(h) != want[i].kind || !id || strcmp(id, want[i].id) != 0 ||
            snplp_search_hit_field(h) != want[i].field)
            return false;
    }
    return snplp_search_results_at(r, n) == NULL;
}

static void assert_hits(const snplp_search_results *r, const char *query, const hit *want, size_t n)
{
    if (!same_hits(r, want, n)) {
        print_error("search \"%s\": want %zu hit(s):\n", query, n);
        for (size_t i = 0; i < n; i++)
            print_error("  %-14s %-32s %s\n", snplp_kind_name(want[i].kind), want[i].id,
                        snplp_field_name(want[i].field));
        print_error("got %zu:\n", snplp_search_results_count(r));
        for (size_t i = 0; i < snplp_search_results_count(r); i++) {
            const snplp_search_hit *h = snplp_search_results_at(r, i);
            print_error("  %-14s %-32s %s\n", snplp_kind_name(snplp_search_hit_kind(h)),
                        snplp_search_hit_id(h), snplp_field_name(snplp_search_hit_field(h)));
        }
        fail();
    }
}

/* Searches ref for query and asserts the hits. */
static void assert_search(const snplp_referential *ref, const char *query, const hit *want,
                          size_t n)
{
    snplp_search_results *r = NULL;
    assert_ok(snplp_referential_search(&r, ref, query));
    assert_non_null(r);
    assert_hits(r, query, want, n);
    snplp_search_results_free(r);
}

#define SEARCH(ref, query, ...)                                                                    \
    do {                                                                                           \
        static const hit want_[] = {__VA_ARGS__};                                                  \
        assert_search((ref), (query), want_, COUNT_OF(want_));                                     \
    } while (0)
#define SEARCH_NONE(ref, query) assert_search((ref), (query), NULL, 0)

/*
 * The referential searched. Items are added far from document order (plans first, the
 * modules before their themes, children after their parents' siblings...) so that the order
 * of the hits must come from the walk, not from insertion.
 */
static snplp_referential *search_referential(void)
{
    snplp_referential *ref = test_new_referential();

    snplp_plan *plan;
    assert_ok(
        snplp_referential_add_plan(&plan, ref, "plan-early", "plan « Ambition Enfance Égalité »"));
    assert_ok(snplp_plan_set_description(plan, "Pour la petite enfance"));
    assert_ok(snplp_plan_add_label(plan, "les 1000 premiers jours"));
    assert_ok(snplp_plan_add_figure(NULL, plan, "figure-professionals", 600000,
                                    "les 600 000 professionnels de la petite enfance"));
    assert_ok(snplp_plan_add_plan_theme(NULL, plan, "plan-theme-language", "langage"));

    snplp_funding *f;
    assert_ok(snplp_referential_add_funding(&f, ref, "funding-training",
                                            "Un financement dédié aux formations"));
    assert_ok(snplp_funding_set_period(f, "pendant trois ans"));
    assert_ok(snplp_funding_set_source_text(f, "Un financement de 1 million d’euros"));
    assert_ok(snplp_referential_add_diploma_rule(
        NULL, ref, "diploma-1", "Une démarche d'insertion socioprofessionnelle reconnue"));
    snplp_profession *p;
    assert_ok(snplp_referential_add_profession(&p, ref, "profession-ass", SNPLP_CATEGORY_WORKER,
                                               "assistants de service social"));
    assert_ok(snplp_profession_set_abbreviation(p, "ASS"));
    assert_ok(snplp_referential_add_profession(&p, ref, "profession-cesf", SNPLP_CATEGORY_WORKER,
                                               "conseillers en économie sociale familiale"));
    assert_ok(snplp_profession_set_abbreviation(p, "CESF"));

    /* modules, before their themes */
    snplp_module *fundamentals, *expert, *role, *audience;
    assert_ok(snplp_referential_add_module(
        &fundamentals, ref, "theme-insertion", "module-insertion-fundamentals",
        SNPLP_LEVEL_FUNDAMENTALS, "Les fondamentaux de L'INSERTION socio-professionnelle"));
    assert_ok(
        snplp_module_set_subtitle(fundamentals, "Comprendre l'insertion socio-professionnelle"));
    assert_ok(snplp_referential_add_module(&expert, ref, "theme-insertion",
                                           "module-insertion-expert", SNPLP_LEVEL_EXPERT,
                                           "Module « expert »"));
    assert_ok(snplp_module_set_subtitle(expert, "Approfondir l'insertion socio-professionnelle"));
    assert_ok(snplp_referential_add_module(&role, ref, "theme-participation", "module-role",
                                           SNPLP_LEVEL_FUNDAMENTALS, "Accompagner les personnes"));
    assert_ok(snplp_module_set_audience(role, "Les référents de parcours"));
    assert_ok(
        snplp_module_set_role(role, "Il favorise l'insertion socio-professionnelle des jeunes"));
    assert_ok(snplp_referential_add_module(&audience, ref, "theme-participation", "module-audience",
                                           SNPLP_LEVEL_FUNDAMENTALS, "Aller vers"));
    assert_ok(snplp_module_set_audience(
        audience, "Les travailleurs sociaux engagés dans l'insertion socio-professionnelle"));
    assert_ok(snplp_module_add_prerequisite(expert, "module-insertion-fundamentals"));
    assert_ok(snplp_module_add_profession(fundamentals, "profession-ass"));
    /* the recommendation first: in document order it comes after the competences */
    assert_ok(snplp_module_add_recommendation(NULL, fundamentals, "module-recommendation",
                                              "Une séance sur l'insertion socio-professionnelle"));
    snplp_competence *c;
    snplp_content *focus;
    assert_ok(
        snplp_module_add_competence(&c, fundamentals, "competence-actors",
                                    "Identifier les acteurs de l'insertion socio professionnelle"));
    assert_ok(snplp_competence_add_content(NULL, c, "content-digital", SNPLP_STYLE_BULLET,
                                           "Cartographie des outils numériques mobilisables"));
    assert_ok(snplp_competence_add_content(&focus, c, "content-focus", SNPLP_STYLE_HEADING,
                                           "Focus sur les dispositifs"));
    assert_ok(snplp_module_add_competence(NULL, expert, "competence-partners",
                                          "Coordonner son action avec les partenaires"));
    assert_ok(snplp_content_add_child(NULL, focus, "content-focus-1", SNPLP_STYLE_BULLET,
                                      "Les dispositifs de l'insertion socio-professionnelle"));

    snplp_theme *insertion, *participation;
    assert_ok(snplp_referential_add_theme(&insertion, ref, "theme-insertion",
                                          "L'insertion socio-professionnelle"));
    assert_ok(snplp_theme_set_description(insertion, "Accompagner vers l'emploi"));
    assert_ok(snplp_theme_add_label(insertion, "insertion socioprofessionnelle"));
    assert_ok(snplp_theme_add_label(insertion, "Parcours d'insertion"));
    assert_ok(snplp_referential_add_theme(&participation, ref, "theme-participation",
                                          "La participation des personnes accompagnées"));
    assert_ok(snplp_theme_add_label(participation, "pair-aidance"));
    /* the first theme's children after the second theme */
    assert_ok(snplp_theme_add_recommendation(NULL, insertion, "theme-insertion-recommendation",
                                             "Des interventions de praticiens"));
    assert_ok(snplp_theme_add_outcome(NULL, insertion, "theme-insertion-outcome",
                                      "Connaître les acteurs économiques"));
    assert_ok(snplp_theme_add_objective(
        NULL, insertion, "theme-insertion-objective",
        "Favoriser l\u2019insertion socioprofessionnelle des personnes")); /* ’ */

    snplp_training_plan *tp = snplp_referential_training_plan(ref);
    assert_ok(snplp_training_plan_set_title(tp, "Plan de formation des travailleurs sociaux"));
    assert_ok(snplp_training_plan_set_description(tp, "Un plan national"));
    assert_ok(snplp_training_plan_set_audience(
        tp, "Les travailleurs sociaux des conseils départementaux"));
    assert_ok(snplp_training_plan_add_outcome(NULL, tp, "plan-outcome", "Connaître la stratégie"));
    assert_ok(
        snplp_training_plan_add_objective(NULL, tp, "plan-objective", "Partager une culture"));

    snplp_lever *lever;
    assert_ok(snplp_referential_add_lever(&lever, ref, "lever-oeuvre",
                                          "Mettre en œuvre la rénovation du travail social"));
    assert_ok(snplp_lever_set_description(lever, "Une gouvernance renouvelée"));
    snplp_commitment *commitment;
    assert_ok(snplp_referential_add_commitment(&commitment, ref, "commitment-1",
                                               "L'égalité des chances dès les premiers pas"));
    assert_ok(snplp_commitment_set_description(commitment, "Garantir l'accueil du jeune enfant"));

    snplp_strategy *s = snplp_referential_strategy(ref);
    assert_ok(snplp_strategy_set_title(s, "Stratégie nationale de prévention et de lutte contre "
                                          "la pauvreté"));
    assert_ok(snplp_strategy_set_description(s, "Une stratégie lancée à l'automne"));
    assert_ok(snplp_strategy_set_launch_date(s, "2018-09"));
    assert_ok(snplp_strategy_set_budget_cents(s, INT64_C(850000000000)));
    assert_ok(snplp_strategy_set_budget_text(s, "8,5 milliards d'euros sur quatre ans"));
    assert_ok(snplp_strategy_add_label(s, "stratégie pauvreté"));
    return ref;
}

#define K(x) SNPLP_KIND_##x
#define F(x) SNPLP_FIELD_##x

/* "insertion socioprofessionnelle" in document order: the theme and its objective, the
 * modules with their competences, content and recommendation, the diploma rule. */
static const hit insertion_hits[] = {
    {K(THEME), "theme-insertion", F(TITLE)},
    {K(OBJECTIVE), "theme-insertion-objective", F(TEXT)},
    {K(MODULE), "module-insertion-fundamentals", F(TITLE)},
    {K(COMPETENCE), "competence-actors", F(TITLE)},
    {K(CONTENT), "content-focus-1", F(TEXT)},
    {K(RECOMMENDATION), "module-recommendation", F(TEXT)},
    {K(MODULE), "module-insertion-expert", F(SUBTITLE)},
    {K(MODULE), "module-role", F(ROLE)},
    {K(MODULE), "module-audience", F(AUDIENCE)},
    {K(DIPLOMA_RULE), "diploma-1", F(TEXT)},
};

/* A query and its hits, for the table-driven tests and the threads. */
typedef struct query_case {
    const char *query;
    const hit *hits;
    size_t n;
} query_case;

static const hit digital_hits[] = {{K(CONTENT), "content-digital", F(TEXT)}};
static const hit oeuvre_hits[] = {{K(LEVER), "lever-oeuvre", F(TITLE)}};
static const hit egalite_hits[] = {
    {K(COMMITMENT), "commitment-1", F(TITLE)},
    {K(PLAN), "plan-early", F(TITLE)},
};
static const hit referent_hits[] = {{K(MODULE), "module-role", F(AUDIENCE)}};
static const hit label_hits[] = {{K(THEME), "theme-participation", F(LABEL)}};

static const query_case cases[] = {
    {"insertion socioprofessionnelle", insertion_hits, COUNT_OF(insertion_hits)},
    {"INSERTION SOCIO PROFESSIONNELLE", insertion_hits, COUNT_OF(insertion_hits)},
    /* "l'" is part of the folded query: the diploma rule says "d'insertion" */
    {"l'insertion socio-professionnelle", insertion_hits, COUNT_OF(insertion_hits) - 1},
    {"numerique", digital_hits, 1},
    {"NUMÉRIQUES", digital_hits, 1},
    {"oeuvre", oeuvre_hits, 1},
    {"ŒUVRE", oeuvre_hits, 1},
    {"egalite", egalite_hits, 2},
    {"référent", referent_hits, 1},
    {"pair aidance", label_hits, 1},
    {"reference", NULL, 0},
};

/* ---- folding and matching ---- */

static void insertion_three_ways(void **state)
{
    (void)state;
    snplp_referential *ref = search_referential();
    for (size_t i = 0; i < 3; i++)
        assert_search(ref, cases[i].query, cases[i].hits, cases[i].n);
    /* written as in the source, with a typographic apostrophe, or in pieces */
    assert_search(ref, "L\u2019insertion socio\u2011professionnelle", insertion_hits,
                  COUNT_OF(insertion_hits) - 1);
    assert_search(ref, "  insertion -- socio / PROFESSIONNELLE !", insertion_hits,
                  COUNT_OF(insertion_hits));
    /* a substring of a folded word matches */
    SEARCH(ref, "sertion socio", {K(THEME), "theme-insertion", F(TITLE)},
           {K(OBJECTIVE), "theme-insertion-objective", F(TEXT)},
           {K(MODULE), "module-insertion-fundamentals", F(TITLE)},
           {K(COMPETENCE), "competence-actors", F(TITLE)}, {K(CONTENT), "content-focus-1", F(TEXT)},
           {K(RECOMMENDATION), "module-recommendation", F(TEXT)},
           {K(MODULE), "module-insertion-expert", F(SUBTITLE)}, {K(MODULE), "module-role", F(ROLE)},
           {K(MODULE), "module-audience", F(AUDIENCE)}, {K(DIPLOMA_RULE), "diploma-1", F(TEXT)});
    snplp_referential_unref(ref);
}

static void accents_case_and_ligatures(void **state)
{
    (void)state;
    snplp_referential *ref = search_referential();
    for (size_t i = 3; i < COUNT_OF(cases); i++)
        assert_search(ref, cases[i].query, cases[i].hits, cases[i].n);
    /* folding removes accents, it does not stem: "référent" is no "référence" */
    SEARCH_NONE(ref, "référence");
    SEARCH(ref, "referents de parcours", {K(MODULE), "module-role", F(AUDIENCE)});
    SEARCH(ref, "ÉCONOM", {K(OUTCOME), "theme-insertion-outcome", F(TEXT)},
           {K(PROFESSION), "profession-cesf", F(TITLE)});
    SEARCH(ref, "Ambition Enfance Egalite", {K(PLAN), "plan-early", F(TITLE)});
    snplp_referential_unref(ref);
}

static void each_field_is_searched(void **state)
{
    (void)state;
    snplp_referential *ref = search_referential();
    /* the strategy: title, description, budget wording, label */
    SEARCH(ref, "pauvrete", {K(STRATEGY), "strategy", F(TITLE)});
    SEARCH(ref, "lancée à l'automne", {K(STRATEGY), "strategy", F(DESCRIPTION)});
    SEARCH(ref, "milliards", {K(STRATEGY), "strategy", F(BUDGET_TEXT)});
    SEARCH(ref, "strategie pauvrete", {K(STRATEGY), "strategy", F(LABEL)});
    /* commitment and lever descriptions */
    SEARCH(ref, "jeune enfant", {K(COMMITMENT), "commitment-1", F(DESCRIPTION)});
    SEARCH(ref, "gouvernance", {K(LEVER), "lever-oeuvre", F(DESCRIPTION)});
    /* the training plan: title, description, audience; its objectives and outcomes */
    SEARCH(ref, "plan de formation", {K(TRAINING_PLAN), "training-plan", F(TITLE)});
    SEARCH(ref, "plan national", {K(TRAINING_PLAN), "training-plan", F(DESCRIPTION)});
    SEARCH(ref, "conseils departementaux", {K(TRAINING_PLAN), "training-plan", F(AUDIENCE)});
    SEARCH(ref, "culture", {K(OBJECTIVE), "plan-objective", F(TEXT)});
    SEARCH(ref, "connaitre la strategie", {K(OUTCOME), "plan-outcome", F(TEXT)});
    /* themes: description, labels, recommendation */
    SEARCH(ref, "vers l'emploi", {K(THEME), "theme-insertion", F(DESCRIPTION)});
    SEARCH(ref, "parcours d'insertion", {K(THEME), "theme-insertion", F(LABEL)});
    SEARCH(ref, "praticiens", {K(RECOMMENDATION), "theme-insertion-recommendation", F(TEXT)});
    /* modules: title, subtitle; competences; content headings */
    SEARCH(ref, "expert", {K(MODULE), "module-insertion-expert", F(TITLE)});
    SEARCH(ref, "comprendre", {K(MODULE), "module-insertion-fundamentals", F(SUBTITLE)});
    SEARCH(ref, "partenaires", {K(COMPETENCE), "competence-partners", F(TITLE)});
    SEARCH(ref, "focus", {K(CONTENT), "content-focus", F(TEXT)});
    /* professions: title, abbreviation */
    SEARCH(ref, "service social", {K(PROFESSION), "profession-ass", F(TITLE)});
    SEARCH(ref, "cesf", {K(PROFESSION), "profession-cesf", F(ABBREVIATION)});
    /* funding: title, period, source wording */
    SEARCH(ref, "dédié aux formations", {K(FUNDING), "funding-training", F(TITLE)});
    SEARCH(ref, "trois ans", {K(FUNDING), "funding-training", F(PERIOD)});
    SEARCH(ref, "1 million d'euros", {K(FUNDING), "funding-training", F(SOURCE)});
    /* plans: description, label, plan theme, figure */
    SEARCH(ref, "petite enfance", {K(PLAN), "plan-early", F(DESCRIPTION)},
           {K(FIGURE), "figure-professionals", F(TEXT)});
    SEARCH(ref, "1000 premiers jours", {K(PLAN), "plan-early", F(LABEL)});
    SEARCH(ref, "langage", {K(PLAN_THEME), "plan-theme-language", F(TITLE)});
    SEARCH(ref, "600 000", {K(FIGURE), "figure-professionals", F(TEXT)});
    snplp_referential_unref(ref);
}

static void one_hit_per_item_with_the_first_field(void **state)
{
    (void)state;
    snplp_referential *ref = search_referential();
    /* title and label of the strategy match: one hit, the title */
    SEARCH(ref, "strategie", {K(STRATEGY), "strategy", F(TITLE)},
           {K(OUTCOME), "plan-outcome", F(TEXT)});
    /* title and subtitle of a module, title and label of a theme */
    SEARCH(ref, "linsertion socioprofessionnelle", {K(THEME), "theme-insertion", F(TITLE)},
           {K(OBJECTIVE), "theme-insertion-objective", F(TEXT)},
           {K(MODULE), "module-insertion-fundamentals", F(TITLE)},
           {K(COMPETENCE), "competence-actors", F(TITLE)}, {K(CONTENT), "content-focus-1", F(TEXT)},
           {K(RECOMMENDATION), "module-recommendation", F(TEXT)},
           {K(MODULE), "module-insertion-expert", F(SUBTITLE)}, {K(MODULE), "module-role", F(ROLE)},
           {K(MODULE), "module-audience", F(AUDIENCE)});
    /* the audience comes before the role in a module */
    snplp_module *m = snplp_referential_module_find(ref, "module-role");
    assert_ok(snplp_module_set_audience(m, "Les jeunes en insertion socio-professionnelle"));
    /* "jeunes" is also the plural of the commitment's "jeune" (docs/text.md) */
    SEARCH(ref, "jeunes", {K(COMMITMENT), "commitment-1", F(DESCRIPTION)},
           {K(MODULE), "module-role", F(AUDIENCE)});
    SEARCH(ref, "insertion socio-professionnelle des jeunes", {K(MODULE), "module-role", F(ROLE)});
    /* a parent and its child are two items: one hit each */
    SEARCH(ref, "dispositifs", {K(CONTENT), "content-focus", F(TEXT)},
           {K(CONTENT), "content-focus-1", F(TEXT)});
    /* travailleurs sociaux: the training plan's title and audience, a module's audience */
    SEARCH(ref, "travailleurs sociaux", {K(TRAINING_PLAN), "training-plan", F(TITLE)},
           {K(MODULE), "module-audience", F(AUDIENCE)});
    snplp_referential_unref(ref);
}

static void dates_and_ids_are_not_searched(void **state)
{
    (void)state;
    snplp_referential *ref = search_referential();
    /* the launch date "2018-09" */
    SEARCH_NONE(ref, "2018");
    SEARCH_NONE(ref, "2018-09");
    /* the theme ids of modules, and ids in general */
    SEARCH_NONE(ref, "theme-insertion");
    SEARCH_NONE(ref, "theme-participation");
    SEARCH_NONE(ref, "module-insertion-expert");
    SEARCH_NONE(ref, "profession-ass");
    /* nor the amounts and figures as numbers, nor the level or category names */
    SEARCH_NONE(ref, "850000000000");
    SEARCH_NONE(ref, "8500000000");
    SEARCH_NONE(ref, "fundamentals");
    SEARCH_NONE(ref, "cadre");
    snplp_referential_unref(ref);
}

static void no_hit_is_not_an_error(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    /* an empty referential: the strategy and plan have no text */
    snplp_search_results *r = NULL;
    assert_ok(snplp_referential_search(&r, ref, "pauvreté"));
    assert_non_null(r);
    assert_int_equal(snplp_search_results_count(r), 0);
    assert_null(snplp_search_results_at(r, 0));
    snplp_search_results_free(r);
    snplp_referential_unref(ref);

    ref = search_referential();
    SEARCH_NONE(ref, "zzz");
    SEARCH_NONE(ref, "insertion socio-professionnelle et plus encore que cela");
    snplp_referential_unref(ref);
}

/* ---- the index follows changes ---- */

static void index_is_rebuilt_after_a_change(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme;
    assert_ok(snplp_referential_add_theme(&theme, ref, "theme-1", "Ancien intitulé"));
    SEARCH(ref, "ancien", {K(THEME), "theme-1", F(TITLE)});

    /* a new title: the new text is found, the old one no more */
    assert_ok(snplp_theme_set_title(theme, "Nouvel intitulé"));
    SEARCH_NONE(ref, "ancien");
    SEARCH(ref, "nouvel", {K(THEME), "theme-1", F(TITLE)});
    SEARCH(ref, "intitule", {K(THEME), "theme-1", F(TITLE)});

    /* a new item is found, in document order: commitments come before themes */
    assert_ok(snplp_referential_add_commitment(NULL, ref, "commitment-1", "Nouvel engagement"));
    SEARCH(ref, "nouvel", {K(COMMITMENT), "commitment-1", F(TITLE)},
           {K(THEME), "theme-1", F(TITLE)});

    /* a new label, a new description, a new nested item */
    assert_ok(snplp_theme_add_label(theme, "autre nom"));
    SEARCH(ref, "autre nom", {K(THEME), "theme-1", F(LABEL)});
    assert_ok(snplp_theme_set_description(theme, "Une description"));
    SEARCH(ref, "description", {K(THEME), "theme-1", F(DESCRIPTION)});
    snplp_module *m;
    assert_ok(snplp_theme_add_module(&m, theme, "module-1", SNPLP_LEVEL_EXPERT, "Un module"));
    snplp_competence *c;
    assert_ok(snplp_module_add_competence(&c, m, "competence-1", "Une compétence"));
    assert_ok(snplp_competence_add_content(NULL, c, "content-1", SNPLP_STYLE_BULLET, "Un contenu"));
    SEARCH(ref, "contenu", {K(CONTENT), "content-1", F(TEXT)});

    /* an unset text is no longer found */
    assert_ok(snplp_theme_set_description(theme, NULL));
    SEARCH_NONE(ref, "description");
    /* a changed content text */
    assert_ok(snplp_content_set_text(snplp_referential_content_find(ref, "content-1"), "Autre"));
    SEARCH_NONE(ref, "contenu");
    SEARCH(ref, "autre", {K(THEME), "theme-1", F(LABEL)}, {K(CONTENT), "content-1", F(TEXT)});
    /* a subtitle set after a search */
    assert_ok(snplp_module_set_subtitle(m, "Sous-titre"));
    SEARCH(ref, "sous titre", {K(MODULE), "module-1", F(SUBTITLE)});
    snplp_referential_unref(ref);
}

/* ---- ownership ---- */

static void results_outlive_the_referential(void **state)
{
    (void)state;
    snplp_referential *ref = search_referential();
    snplp_search_results *a = NULL, *b = NULL;
    assert_ok(snplp_referential_search(&a, ref, "insertion socioprofessionnelle"));
    assert_ok(snplp_referential_search(&b, ref, "egalite"));
    snplp_referential_unref(ref);
    /* the ids are the results' own copies */
    assert_hits(a, "insertion socioprofessionnelle", insertion_hits, COUNT_OF(insertion_hits));
    assert_hits(b, "egalite", egalite_hits, COUNT_OF(egalite_hits));
    snplp_search_results_free(a);
    assert_hits(b, "egalite", egalite_hits, COUNT_OF(egalite_hits));
    snplp_search_results_free(b);

    /* nor do they change when the referential changes */
    ref = search_referential();
    assert_ok(snplp_referential_search(&a, ref, "egalite"));
    assert_ok(snplp_commitment_set_title(snplp_referential_commitment_find(ref, "commitment-1"),
                                         "Autre chose"));
    assert_hits(a, "egalite", egalite_hits, COUNT_OF(egalite_hits));
    SEARCH(ref, "egalite", {K(PLAN), "plan-early", F(TITLE)});
    snplp_search_results_free(a);
    snplp_referential_unref(ref);
}

static void null_safe_getters(void **state)
{
    (void)state;
    assert_int_equal(snplp_search_results_count(NULL), 0);
    assert_null(snplp_search_results_at(NULL, 0));
    assert_int_equal(snplp_search_hit_kind(NULL), SNPLP_KIND_NONE);
    assert_null(snplp_search_hit_id(NULL));
    assert_int_equal(snplp_search_hit_field(NULL), SNPLP_FIELD_NONE);
    snplp_search_results_free(NULL);

    snplp_referential *ref = search_referential();
    snplp_search_results *r = NULL;
    assert_ok(snplp_referential_search(&r, ref, "egalite"));
    assert_int_equal(snplp_search_results_count(r), 2);
    assert_non_null(snplp_search_results_at(r, 1));
    assert_null(snplp_search_results_at(r, 2));
    assert_null(snplp_search_results_at(r, (size_t)-1));
    snplp_search_results_free(r);
    snplp_referential_unref(ref);
}

/* ---- errors ---- */

static void assert_search_fails(const snplp_referential *ref, const char *query, int want)
{
    snplp_search_results *r = NULL;
    assert_status(snplp_referential_search(&r, ref, query), want);
    assert_int_equal(snplp_error_last_code(), want);
    assert_true(strlen(snplp_error_last_message()) > 0);
    assert_null(r);
}

static void bad_arguments(void **state)
{
    (void)state;
    snplp_referential *ref = search_referential();
    size_t before = snplp_memory_used();
    snplp_search_results *r = NULL;
    assert_status(snplp_referential_search(NULL, ref, "egalite"), SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_status(snplp_referential_search(&r, NULL, "egalite"), SNPLP_EINVAL);
    assert_null(r);
    assert_status(snplp_referential_search(&r, ref, NULL), SNPLP_EINVAL);
    assert_null(r);
    /* no letter or digit */
    assert_search_fails(ref, "", SNPLP_EINVAL);
    assert_search_fails(ref, " -' ", SNPLP_EINVAL);
    assert_search_fails(ref, "« — » ’ … !?", SNPLP_EINVAL);
    assert_search_fails(ref, "\xcc\x81\xcc\xa7", SNPLP_EINVAL); /* combining marks alone */
    /* not valid UTF-8 */
    assert_search_fails(ref, "\xff", SNPLP_EENCODING);
    assert_search_fails(ref, "caf\xc3", SNPLP_EENCODING);        /* truncated */
    assert_search_fails(ref, "\xc0\xaf", SNPLP_EENCODING);       /* overlong */
    assert_search_fails(ref, "a\xed\xa0\x80z", SNPLP_EENCODING); /* surrogate */
    assert_search_fails(ref, "pauvret\xe9", SNPLP_EENCODING);    /* Latin-1 */
    assert_search_fails(ref, "a\x01z", SNPLP_EENCODING);         /* a character XML forbids */
    /* nothing is held after a failure */
    assert_int_equal(snplp_memory_used(), before);
    /* and the referential still searches */
    assert_search(ref, cases[0].query, cases[0].hits, cases[0].n);
    snplp_referential_unref(ref);
}

/* ---- out of memory ---- */

/* A small referential built without asserting (for the sweep, where building may fail). */
#define TRY(call)                                                                                  \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        if (rc_) {                                                                                 \
            snplp_referential_unref(ref);                                                          \
            return rc_;                                                                            \
        }                                                                                          \
    } while (0)

static int small_referential(snplp_referential **out)
{
    snplp_referential *ref = NULL;
    int rc = snplp_referential_new(&ref);
    if (rc)
        return rc;
    snplp_theme *t;
    snplp_module *m;
    snplp_competence *c;
    TRY(snplp_referential_add_theme(&t, ref, "theme-insertion",
                                    "L'insertion socio-professionnelle"));
    TRY(snplp_theme_add_label(t, "insertion socioprofessionnelle"));
    TRY(snplp_theme_add_module(&m, t, "module-1", SNPLP_LEVEL_EXPERT, "Un module"));
    TRY(snplp_module_set_subtitle(m, "Approfondir l'insertion socioprofessionnelle"));
    TRY(snplp_module_add_competence(&c, m, "competence-1",
                                    "Les acteurs de l'insertion socio-professionnelle"));
    TRY(snplp_competence_add_content(NULL, c, "content-1", SNPLP_STYLE_BULLET,
                                     "Les outils numériques"));
    TRY(snplp_referential_add_diploma_rule(NULL, ref, "diploma-1", "Un diplôme d'État"));
    *out = ref;
    return 0;
}

static const hit small_hits[] = {
    {K(THEME), "theme-insertion", F(TITLE)},
    {K(MODULE), "module-1", F(SUBTITLE)},
    {K(COMPETENCE), "competence-1", F(TITLE)},
};

/* Searches ctx's referential; success only with the right hits. */
typedef struct oom_ctx {
    snplp_referential *ref;
    const char *query;
    const hit *hits;
    size_t n;
} oom_ctx;

static int oom_search(void *p)
{
    oom_ctx *ctx = p;
    snplp_search_results *r = NULL;
    int rc = snplp_referential_search(&r, ctx->ref, ctx->query);
    if (rc == SNPLP_OK) {
        assert_hits(r, ctx->query, ctx->hits, ctx->n);
        snplp_search_results_free(r);
    } else {
        assert_null(r);
    }
    return rc;
}

/* The first search on a referential made in the same step: every allocation of the index
 * build and of the results fails in turn, and freeing the referential frees everything. */
static int oom_fresh_search(void *p)
{
    const oom_ctx *proto = p;
    oom_ctx ctx = *proto;
    int rc = small_referential(&ctx.ref);
    if (rc)
        return rc;
    rc = oom_search(&ctx);
    snplp_referential_unref(ctx.ref);
    return rc;
}

static int oom_build(void *p)
{
    snplp_referential *ref = NULL;
    int rc = small_referential(&ref);
    snplp_referential_unref(ref);
    (void)p;
    return rc;
}

static void out_of_memory_on_a_fresh_referential(void **state)
{
    (void)state;
    oom_ctx ctx = {NULL, "insertion socioprofessionnelle", small_hits, COUNT_OF(small_hits)};
    /* how many allocations building alone needs */
    int build = test_oom_sweep(oom_build, NULL, &ctx);
    int failures = test_oom_sweep(oom_fresh_search, NULL, &ctx);
    /* the search (query, results, index entries, ids) needs allocations of its own */
    assert_true(failures > build + (int)COUNT_OF(small_hits));
}

static void check_unchanged(void *p)
{
    const oom_ctx *ctx = p;
    assert_non_null(snplp_referential_theme_find(ctx->ref, "theme-insertion"));
    assert_int_equal(snplp_referential_item_count(ctx->ref), 7);
}

static void out_of_memory_on_one_referential(void **state)
{
    (void)state;
    oom_ctx ctx = {NULL, "numérique", NULL, 0};
    assert_ok(small_referential(&ctx.ref));
    /* the first search, without a hit: the failures are those of the query and of the index
     * build, which must leave nothing behind */
    static const hit digital[] = {{K(CONTENT), "content-1", F(TEXT)}};
    ctx.query = "zzz";
    assert_true(test_oom_sweep(oom_search, check_unchanged, &ctx) > 2);
    /* the index is built: searches with hits fail on the results alone */
    ctx.query = "insertion socioprofessionnelle";
    ctx.hits = small_hits;
    ctx.n = COUNT_OF(small_hits);
    assert_true(test_oom_sweep(oom_search, check_unchanged, &ctx) > (int)COUNT_OF(small_hits));
    /* after a change, the index build is swept again (with a hit only when it succeeds) */
    assert_ok(snplp_content_set_text(snplp_referential_content_find(ctx.ref, "content-1"),
                                     "Les outils numériques mobilisables"));
    ctx.query = "zzz";
    ctx.hits = NULL;
    ctx.n = 0;
    assert_true(test_oom_sweep(oom_search, check_unchanged, &ctx) > 2);
    /* and later searches work */
    assert_search(ctx.ref, "numerique", digital, 1);
    assert_search(ctx.ref, "insertion socioprofessionnelle", small_hits, COUNT_OF(small_hits));
    snplp_referential_unref(ctx.ref);
}

/* ---- threads ---- */

#define THREADS 8

typedef struct thread_job {
    const snplp_referential *ref;
    int failures;
} thread_job;

static void *search_in_thread(void *p)
{
    thread_job *job = p;
    for (int round = 0; round < 10; round++) {
        for (size_t i = 0; i < COUNT_OF(cases); i++) {
            snplp_search_results *r = NULL;
            if (snplp_referential_search(&r, job->ref, cases[i].query) != SNPLP_OK ||
                !same_hits(r, cases[i].hits, cases[i].n))
                job->failures++;
            snplp_search_results_free(r);
        }
    }
    return NULL;
}

static void searches_from_threads(void **state)
{
    (void)state;
    /* a fresh referential: the threads race to build the index */
    snplp_referential *ref = search_referential();
    thread_job jobs[THREADS];
    for (int i = 0; i < THREADS; i++)
        jobs[i] = (thread_job){ref, 0};
    run_threads(THREADS, search_in_thread, jobs, sizeof jobs[0], NULL);
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(jobs[i].failures, 0);
    for (size_t i = 0; i < COUNT_OF(cases); i++)
        assert_search(ref, cases[i].query, cases[i].hits, cases[i].n);
    snplp_referential_unref(ref);
}

/* ---- singular and plural (docs/text.md): the seeds' vocabulary in the built-in data ---- */

static void singular_and_plural_forms_match(void **state)
{
    (void)state;
    snplp_referential *ref;
    assert_ok(snplp_referential_builtin(&ref));
    /* the seeds write the professions in the plural: singular queries find them */
    SEARCH(ref, "assistant de service social", {K(PROFESSION), "profession-ass", F(TITLE)});
    SEARCH(ref, "assistants de service social", {K(PROFESSION), "profession-ass", F(TITLE)});
    SEARCH(ref, "Éducateur spécialisé", {K(PROFESSION), "profession-es", F(TITLE)});
    SEARCH(ref, "éducateur technique spécialisé", {K(PROFESSION), "profession-ets", F(TITLE)});
    SEARCH(ref, "éducateur de jeune enfant", {K(PROFESSION), "profession-eje", F(TITLE)});
    SEARCH(ref, "conseiller en économie sociale familiale",
           {K(PROFESSION), "profession-cesf", F(TITLE)});
    SEARCH(ref, "moniteur éducateur", {K(PROFESSION), "profession-me", F(TITLE)});
    SEARCH(ref, "chef de service", {K(PROFESSION), "profession-head-of-service", F(TITLE)});
    /* -aux and -al: "cadres sociaux éducatifs" */
    SEARCH(ref, "cadre social éducatif",
           {K(PROFESSION), "profession-socio-educational-cadre", F(TITLE)});
    SEARCH(ref, "directeur d'établissement",
           {K(PROFESSION), "profession-establishment-director", F(TITLE)});
    /* theme titles, singular in the seeds, found by plural queries too */
    SEARCH(ref, "les numériques et les travails sociaux", {K(THEME), "theme-digital", F(TITLE)});
    snplp_search_results *r = NULL;
    assert_ok(snplp_referential_search(&r, ref, "travailleur social"));
    assert_true(snplp_search_results_count(r) >= 1);
    snplp_search_results_free(r);
    snplp_referential_unref(ref);

    /* the rule itself: -eaux, -aux, -s, -x; short words kept */
    assert_ok(snplp_referential_new(&ref));
    assert_ok(snplp_referential_add_lever(NULL, ref, "lever-1", "Bureaux locaux et jeux"));
    assert_ok(snplp_referential_add_lever(NULL, ref, "lever-2", "un bureau local, un jeu"));
    SEARCH(ref, "bureau local", {K(LEVER), "lever-1", F(TITLE)}, {K(LEVER), "lever-2", F(TITLE)});
    SEARCH(ref, "BUREAUX LOCAUX", {K(LEVER), "lever-1", F(TITLE)}, {K(LEVER), "lever-2", F(TITLE)});
    SEARCH(ref, "jeux", {K(LEVER), "lever-1", F(TITLE)}, {K(LEVER), "lever-2", F(TITLE)});
    SEARCH(ref, "et jeu", {K(LEVER), "lever-1", F(TITLE)});
    SEARCH_NONE(ref, "les bureaux"); /* no "le bureau" in either */
    SEARCH_NONE(ref, "travaux");     /* irregular plurals are not folded */
    snplp_referential_unref(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(insertion_three_ways),
        cmocka_unit_test(accents_case_and_ligatures),
        cmocka_unit_test(each_field_is_searched),
        cmocka_unit_test(one_hit_per_item_with_the_first_field),
        cmocka_unit_test(dates_and_ids_are_not_searched),
        cmocka_unit_test(no_hit_is_not_an_error),
        cmocka_unit_test(index_is_rebuilt_after_a_change),
        cmocka_unit_test(results_outlive_the_referential),
        cmocka_unit_test(null_safe_getters),
        cmocka_unit_test(bad_arguments),
        cmocka_unit_test_teardown(out_of_memory_on_a_fresh_referential, test_allow_allocations),
        cmocka_unit_test_teardown(out_of_memory_on_one_referential, test_allow_allocations),
        cmocka_unit_test(searches_from_threads),
        cmocka_unit_test(singular_and_plural_forms_match),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
