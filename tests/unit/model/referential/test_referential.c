/* Tests of referential.h: creation, reference counting (also from several threads), the
 * singletons, every top-level add/count/at/find (the tests every list shares,
 * support/kind_tests.h, over the referential's lists, support/kinds.c), the nested finders,
 * kinds of ids, deep equality, a big referential, and out-of-memory on every function that
 * allocates. */
#include "kind_tests.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* "É" decomposed (E + combining acute) and composed (NFC). */
#define E_ACUTE_NFD "E\xcc\x81"
#define E_ACUTE_NFC "\xc3\x89"

/* ---- a referential holding every kind of item ---- */

typedef struct known_id {
    const char *id;
    snplp_kind kind;
} known_id;

/* Every id that build() creates, with its kind. */
static const known_id full_ids[] = {
    {"strategy", SNPLP_KIND_STRATEGY}, {"training-plan", SNPLP_KIND_TRAINING_PLAN},
    {"c1", SNPLP_KIND_COMMITMENT},     {"c2", SNPLP_KIND_COMMITMENT},
    {"l1", SNPLP_KIND_LEVER},          {"l2", SNPLP_KIND_LEVER},
    {"t1", SNPLP_KIND_THEME},          {"t2", SNPLP_KIND_THEME},
    {"m1", SNPLP_KIND_MODULE},         {"m2", SNPLP_KIND_MODULE},
    {"comp1", SNPLP_KIND_COMPETENCE},  {"ct1", SNPLP_KIND_CONTENT},
    {"ct2", SNPLP_KIND_CONTENT},       {"o1", SNPLP_KIND_OBJECTIVE},
    {"o2", SNPLP_KIND_OBJECTIVE},      {"oc1", SNPLP_KIND_OUTCOME},
    {"oc2", SNPLP_KIND_OUTCOME},       {"r1", SNPLP_KIND_RECOMMENDATION},
    {"r2", SNPLP_KIND_RECOMMENDATION}, {"p1", SNPLP_KIND_PROFESSION},
    {"p2", SNPLP_KIND_PROFESSION},     {"d1", SNPLP_KIND_DIPLOMA_RULE},
    {"f1", SNPLP_KIND_FUNDING},        {"pl1", SNPLP_KIND_PLAN},
    {"pt1", SNPLP_KIND_PLAN_THEME},    {"fig1", SNPLP_KIND_FIGURE},
};

/* The single differences build() can make from the reference construction (SAME). */
enum {
    SAME,
    DIFF_STRATEGY_TITLE,
    DIFF_STRATEGY_DESCRIPTION_UNSET,
    DIFF_LAUNCH_DATE,
    DIFF_BUDGET,
    DIFF_BUDGET_UNSET,
    DIFF_BUDGET_TEXT,
    DIFF_STRATEGY_LABEL,
    DIFF_STRATEGY_LABEL_ORDER,
    DIFF_STRATEGY_EXTRA_LABEL,
    DIFF_PLAN_AUDIENCE,
    DIFF_MAX_DAYS,
    DIFF_MAX_DAYS_UNSET,
    DIFF_COMMITMENT_TITLE,
    DIFF_COMMITMENT_DESCRIPTION,
    DIFF_COMMITMENT_DESCRIPTION_UNSET,
    DIFF_COMMITMENT_ORDER,
    DIFF_COMMITMENT_ID,
    DIFF_COMMITMENT_ID_CASE,
    DIFF_C2_AS_LEVER,
    DIFF_EXTRA_COMMITMENT,
    DIFF_LEVER_DESCRIPTION,
    DIFF_THEME_LABEL,
    DIFF_THEME_ORDER,
    DIFF_OBJECTIVE_TEXT,
    DIFF_EXTRA_OBJECTIVE,
    DIFF_OUTCOME_FOR_INVOLVED,
    DIFF_RECOMMENDATION_TEXT,
    DIFF_MODULE_LEVEL,
    DIFF_MODULE_THEME,
    DIFF_MODULE_DURATION,
    DIFF_MODULE_DURATION_UNSET,
    DIFF_MODULE_SUBTITLE,
    DIFF_MODULE_PREREQUISITE,
    DIFF_MODULE_PROFESSION,
    DIFF_COMPETENCE_TITLE,
    DIFF_CONTENT_STYLE,
    DIFF_CONTENT_NESTING,
    DIFF_PROFESSION_CATEGORY,
    DIFF_PROFESSION_ABBREVIATION,
    DIFF_DIPLOMA_TEXT,
    DIFF_DIPLOMA_LEVEL,
    DIFF_DIPLOMA_LEVEL_UNSET,
    DIFF_FUNDING_AMOUNT,
    DIFF_FUNDING_AMOUNT_UNSET,
    DIFF_FUNDING_PERIOD,
    DIFF_FUNDING_SOURCE,
    DIFF_PLAN_LABEL,
    DIFF_PLAN_THEME_TITLE,
    DIFF_FIGURE_VALUE,
    DIFF_FIGURE_TEXT,
    DIFF_COUNT
};

static void build(snplp_referential *ref, int diff)
{
    snplp_strategy *s = snplp_referential_strategy(ref);
    assert_ok(snplp_strategy_set_title(
        s, diff == DIFF_STRATEGY_TITLE ? "Strat\xc3\xa9gie" : "Strat\xc3\xa9gie nationale"));
    if (diff != DIFF_STRATEGY_DESCRIPTION_UNSET)
        assert_ok(snplp_strategy_set_description(s, "Pr\xc3\xa9vention et lutte"));
    assert_ok(
        snplp_strategy_set_launch_date(s, diff == DIFF_LAUNCH_DATE ? "2018-09-14" : "2018-09-13"));
    if (diff != DIFF_BUDGET_UNSET)
        assert_ok(snplp_strategy_set_budget_cents(s, diff == DIFF_BUDGET ? INT64_C(850000000001)
                                                                         : INT64_C(850000000000)));
    assert_ok(snplp_strategy_set_budget_text(
        s, diff == DIFF_BUDGET_TEXT ? "8,5 Md\xe2\x82\xac" : "8,5 milliards d'euros"));
    if (diff == DIFF_STRATEGY_LABEL_ORDER) {
        assert_ok(snplp_strategy_add_label(s, "SNPLP"));
        assert_ok(snplp_strategy_add_label(s, "strat\xc3\xa9gie pauvret\xc3\xa9"));
    } else {
        assert_ok(snplp_strategy_add_label(s, "strat\xc3\xa9gie pauvret\xc3\xa9"));
        assert_ok(snplp_strategy_add_label(s, diff == DIFF_STRATEGY_LABEL ? "snplp" : "SNPLP"));
    }
    if (diff == DIFF_STRATEGY_EXTRA_LABEL)
        assert_ok(snplp_strategy_add_label(s, "plan pauvret\xc3\xa9"));

    snplp_training_plan *tp = snplp_referential_training_plan(ref);
    assert_ok(snplp_training_plan_set_title(tp, "Plan de formation"));
    assert_ok(snplp_training_plan_set_audience(
        tp, diff == DIFF_PLAN_AUDIENCE ? "les cadres" : "les travailleurs sociaux"));
    if (diff != DIFF_MAX_DAYS_UNSET)
        assert_ok(snplp_training_plan_set_max_module_days(tp, diff == DIFF_MAX_DAYS ? 4.5 : 5.0));
    assert_ok(snplp_training_plan_add_objective(
        NULL, tp, "o1", diff == DIFF_OBJECTIVE_TEXT ? "Former" : "Former les travailleurs"));
    snplp_outcome *oc1 = NULL;
    assert_ok(snplp_training_plan_add_outcome(&oc1, tp, "oc1", "Conna\xc3\xaetre les droits"));
    if (diff == DIFF_OUTCOME_FOR_INVOLVED)
        assert_ok(snplp_outcome_set_for_involved(oc1, true));

    const char *c1 = diff == DIFF_COMMITMENT_ID        ? "c1bis"
                     : diff == DIFF_COMMITMENT_ID_CASE ? "C1"
                                                       : "c1";
    snplp_commitment *cm1 = NULL;
    if (diff == DIFF_COMMITMENT_ORDER)
        assert_ok(snplp_referential_add_commitment(NULL, ref, "c2", "Garantir"));
    assert_ok(snplp_referential_add_commitment(
        &cm1, ref, c1, diff == DIFF_COMMITMENT_TITLE ? "L'egalite" : "L'\xc3\xa9galit\xc3\xa9"));
    /* DIFF_C2_AS_LEVER: the same ids in the same document order, c2 of another kind. */
    if (diff != DIFF_COMMITMENT_ORDER && diff != DIFF_C2_AS_LEVER)
        assert_ok(snplp_referential_add_commitment(NULL, ref, "c2", "Garantir"));
    if (diff != DIFF_COMMITMENT_DESCRIPTION_UNSET)
        assert_ok(snplp_commitment_set_description(cm1, diff == DIFF_COMMITMENT_DESCRIPTION
                                                            ? "D\xc3\xa8s les premiers pas"
                                                            : "D\xc3\xa8s les premiers pas."));
    if (diff == DIFF_EXTRA_COMMITMENT)
        assert_ok(snplp_referential_add_commitment(NULL, ref, "c3", "Encore"));

    snplp_lever *l1 = NULL;
    if (diff == DIFF_C2_AS_LEVER)
        assert_ok(snplp_referential_add_lever(NULL, ref, "c2", "Garantir"));
    assert_ok(snplp_referential_add_lever(&l1, ref, "l1", "Un choc de participation"));
    assert_ok(
        snplp_referential_add_lever(NULL, ref, "l2", "Un travail social r\xc3\xa9nov\xc3\xa9"));
    if (diff == DIFF_LEVER_DESCRIPTION)
        assert_ok(snplp_lever_set_description(l1, "Participation"));

    snplp_theme *t1 = NULL, *t2 = NULL;
    if (diff == DIFF_THEME_ORDER) {
        assert_ok(snplp_referential_add_theme(&t2, ref, "t2", "Th\xc3\xa8me deux"));
        assert_ok(snplp_referential_add_theme(&t1, ref, "t1", "Th\xc3\xa8me un"));
    } else {
        assert_ok(snplp_referential_add_theme(&t1, ref, "t1", "Th\xc3\xa8me un"));
        assert_ok(snplp_referential_add_theme(&t2, ref, "t2", "Th\xc3\xa8me deux"));
    }
    assert_ok(snplp_theme_add_label(t1, diff == DIFF_THEME_LABEL ? "pr\xc3\xa9vention" : "droits"));
    assert_ok(snplp_theme_add_objective(NULL, t1, "o2", "Accompagner"));
    if (diff == DIFF_EXTRA_OBJECTIVE)
        assert_ok(snplp_theme_add_objective(NULL, t1, "o3", "Encore"));
    assert_ok(snplp_theme_add_outcome(NULL, t2, "oc2", "Savoir orienter"));
    assert_ok(snplp_theme_add_recommendation(
        NULL, t1, "r1", diff == DIFF_RECOMMENDATION_TEXT ? "Des cas" : "Des cas pratiques"));

    snplp_module *m1 = NULL;
    assert_ok(snplp_referential_add_module(
        &m1, ref, diff == DIFF_MODULE_THEME ? "t2" : "t1", "m1",
        diff == DIFF_MODULE_LEVEL ? SNPLP_LEVEL_EXPERT : SNPLP_LEVEL_FUNDAMENTALS, "Les droits"));
    if (diff != DIFF_MODULE_DURATION_UNSET)
        assert_ok(snplp_module_set_duration_days(m1, diff == DIFF_MODULE_DURATION ? 3.0 : 2.0));
    assert_ok(snplp_module_set_subtitle(
        m1, diff == DIFF_MODULE_SUBTITLE ? "Acc\xc3\xa8s" : "Acc\xc3\xa8s aux droits"));
    assert_ok(snplp_theme_add_module(NULL, t1, "m2", SNPLP_LEVEL_EXPERT, "Approfondir"));
    assert_ok(snplp_module_add_prerequisite(m1, diff == DIFF_MODULE_PREREQUISITE ? "m3" : "m2"));
    assert_ok(snplp_module_add_profession(m1, "p1"));
    if (diff == DIFF_MODULE_PROFESSION)
        assert_ok(snplp_module_add_profession(m1, "p2"));
    snplp_competence *comp = NULL;
    assert_ok(snplp_module_add_competence(&comp, m1, "comp1",
                                          diff == DIFF_COMPETENCE_TITLE ? "Orienter" : "Informer"));
    snplp_content *ct1 = NULL;
    assert_ok(snplp_competence_add_content(
        &ct1, comp, "ct1", diff == DIFF_CONTENT_STYLE ? SNPLP_STYLE_NUMBERED : SNPLP_STYLE_HEADING,
        "Les aides"));
    if (diff == DIFF_CONTENT_NESTING)
        assert_ok(snplp_competence_add_content(NULL, comp, "ct2", SNPLP_STYLE_BULLET, "Le RSA"));
    else
        assert_ok(snplp_content_add_child(NULL, ct1, "ct2", SNPLP_STYLE_BULLET, "Le RSA"));
    assert_ok(snplp_module_add_recommendation(NULL, m1, "r2", "En groupe"));

    snplp_profession *p1 = NULL;
    assert_ok(snplp_referential_add_profession(
        &p1, ref, "p1",
        diff == DIFF_PROFESSION_CATEGORY ? SNPLP_CATEGORY_CADRE : SNPLP_CATEGORY_WORKER,
        "Assistants de service social"));
    assert_ok(
        snplp_profession_set_abbreviation(p1, diff == DIFF_PROFESSION_ABBREVIATION ? "AS" : "ASS"));
    assert_ok(snplp_referential_add_profession(NULL, ref, "p2", SNPLP_CATEGORY_CADRE,
                                               "Chefs de service"));

    snplp_diploma_rule *d1 = NULL;
    assert_ok(snplp_referential_add_diploma_rule(
        &d1, ref, "d1", diff == DIFF_DIPLOMA_TEXT ? "Niveau II" : "Niveau II ou I"));
    if (diff != DIFF_DIPLOMA_LEVEL_UNSET)
        assert_ok(snplp_diploma_rule_set_min_level(d1, diff == DIFF_DIPLOMA_LEVEL ? 7 : 6));

    snplp_funding *f1 = NULL;
    assert_ok(snplp_referential_add_funding(&f1, ref, "f1", "Financement"));
    if (diff != DIFF_FUNDING_AMOUNT_UNSET)
        assert_ok(snplp_funding_set_amount_cents(
            f1, diff == DIFF_FUNDING_AMOUNT ? INT64_C(100000001) : INT64_C(100000000)));
    assert_ok(snplp_funding_set_period(f1, diff == DIFF_FUNDING_PERIOD ? "pendant deux ans"
                                                                       : "pendant trois ans"));
    assert_ok(snplp_funding_set_source_text(
        f1, diff == DIFF_FUNDING_SOURCE ? "1 M\xe2\x82\xac" : "Un financement de 1 million"));

    snplp_plan *pl = NULL;
    assert_ok(snplp_referential_add_plan(&pl, ref, "pl1", "Petite enfance"));
    if (diff == DIFF_PLAN_LABEL)
        assert_ok(snplp_plan_add_label(pl, "1000 jours"));
    assert_ok(snplp_plan_add_plan_theme(NULL, pl, "pt1",
                                        diff == DIFF_PLAN_THEME_TITLE ? "Langage" : "Le langage"));
    assert_ok(snplp_plan_add_figure(NULL, pl, "fig1", diff == DIFF_FIGURE_VALUE ? 30001 : 30000,
                                    diff == DIFF_FIGURE_TEXT ? "places"
                                                             : "places en cr\xc3\xa8"
                                                               "che"));
}

static snplp_referential *new_full(int diff)
{
    snplp_referential *ref = test_new_referential();
    build(ref, diff);
    return ref;
}

/* ---- creation and reference counting ---- */

static void new_rejects_null_out(void **state)
{
    (void)state;
    assert_fails(snplp_referential_new(NULL), SNPLP_EINVAL);
}

static void new_referential_holds_only_the_singletons(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    snplp_referential *ref = test_new_referential();
    assert_int_equal(snplp_referential_item_count(ref), 2);

    snplp_strategy *s = snplp_referential_strategy(ref);
    assert_non_null(s);
    assert_string_equal(snplp_strategy_id(s), "strategy");
    assert_null(snplp_strategy_title(s));
    assert_ptr_equal(snplp_strategy_referential(s), ref);
    assert_int_equal(snplp_referential_kind_of(ref, "strategy"), SNPLP_KIND_STRATEGY);

    snplp_training_plan *tp = snplp_referential_training_plan(ref);
    assert_non_null(tp);
    assert_string_equal(snplp_training_plan_id(tp), "training-plan");
    assert_null(snplp_training_plan_title(tp));
    assert_ptr_equal(snplp_training_plan_referential(tp), ref);
    assert_int_equal(snplp_referential_kind_of(ref, "training-plan"), SNPLP_KIND_TRAINING_PLAN);

    /* The same objects every time. */
    assert_ptr_equal(snplp_referential_strategy(ref), s);
    assert_ptr_equal(snplp_referential_training_plan(ref), tp);

    for (size_t l = 0; l < kinds[0]->nlists; l++) {
        assert_int_equal(kinds[0]->lists[l].count(ref), 0);
        assert_null(kinds[0]->lists[l].at(ref, 0));
    }
    snplp_referential_unref(ref);
    assert_int_equal(snplp_memory_used(), base);
}

static void null_referential_reads_as_empty(void **state)
{
    (void)state;
    assert_null(snplp_referential_strategy(NULL));
    assert_null(snplp_referential_training_plan(NULL));
    assert_int_equal(snplp_referential_item_count(NULL), 0);
    assert_int_equal(snplp_referential_kind_of(NULL, "strategy"), SNPLP_KIND_NONE);
    for (size_t l = 0; l < kinds[0]->nlists; l++) {
        assert_int_equal(kinds[0]->lists[l].count(NULL), 0);
        assert_null(kinds[0]->lists[l].at(NULL, 0));
    }
    for (size_t k = 1; k < KIND_COUNT; k++) /* the finders, nested kinds' too */
        assert_null(kinds[k]->find(NULL, "x"));
}

typedef struct new_ctx {
    snplp_referential *ref;
} new_ctx;

static int new_step(void *p)
{
    new_ctx *c = p;
    c->ref = NULL;
    return snplp_referential_new(&c->ref);
}

static void new_check(void *p)
{
    new_ctx *c = p;
    assert_null(c->ref);
}

static void new_out_of_memory(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    new_ctx c = {NULL};
    assert_true(test_oom_sweep(new_step, new_check, &c) > 0);
    assert_non_null(c.ref);
    assert_int_equal(snplp_referential_item_count(c.ref), 2);
    assert_string_equal(snplp_strategy_id(snplp_referential_strategy(c.ref)), "strategy");
    assert_string_equal(snplp_training_plan_id(snplp_referential_training_plan(c.ref)),
                        "training-plan");
    snplp_referential_unref(c.ref);
    assert_int_equal(snplp_memory_used(), base);
}

static void ref_and_unref(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    snplp_referential *ref = test_new_referential();
    assert_ptr_equal(snplp_referential_ref(ref), ref);
    assert_ptr_equal(snplp_referential_ref(ref), ref);
    snplp_referential_unref(ref);
    snplp_referential_unref(ref);
    /* Still alive: one reference left. */
    assert_ok(snplp_referential_add_commitment(NULL, ref, "c1", "Un"));
    assert_int_equal(snplp_referential_item_count(ref), 3);
    assert_true(snplp_memory_used() > base);
    snplp_referential_unref(ref);
    assert_int_equal(snplp_memory_used(), base);

    assert_null(snplp_referential_ref(NULL));
    snplp_referential_unref(NULL); /* no-op */
}

static void unref_frees_every_item(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    snplp_referential *ref = new_full(SAME);
    assert_true(snplp_memory_used() > base);
    snplp_referential_unref(ref);
    assert_int_equal(snplp_memory_used(), base);
}

#define THREADS 8
#define ROUNDS  10000
#define HELD    1000

static void *ref_unref_worker(void *arg)
{
    snplp_referential *ref = arg;
    bool ok = true;
    /* References taken and dropped one at a time... */
    for (int i = 0; i < ROUNDS; i++) {
        if (snplp_referential_ref(ref) != ref)
            ok = false;
        if (snplp_referential_kind_of(ref, "c1") != SNPLP_KIND_COMMITMENT)
            ok = false;
        snplp_referential_unref(ref);
    }
    /* ...and many held at once, all threads together. */
    for (int i = 0; i < HELD; i++)
        snplp_referential_ref(ref);
    for (int i = 0; i < HELD; i++) {
        if (snplp_referential_item_count(ref) != 3)
            ok = false;
        snplp_referential_unref(ref);
    }
    /* The reference the main thread gave this thread: the last one frees the referential. */
    snplp_referential_unref(ref);
    return ok ? arg : NULL;
}

/* A lost or doubled count would free the referential too early (a use after free that
 * valgrind and ASan report) or never (the memory check below). */
static void ref_unref_from_threads(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_commitment(NULL, ref, "c1", "Un"));
    pthread_t threads[THREADS];
    for (int i = 0; i < THREADS; i++) {
        snplp_referential_ref(ref);
        assert_int_equal(pthread_create(&threads[i], NULL, ref_unref_worker, ref), 0);
    }
    /* The main thread's reference keeps the object alive while the threads run. */
    for (int i = 0; i < 100; i++)
        assert_int_equal(snplp_referential_item_count(ref), 3);
    snplp_referential_unref(ref);
    for (int i = 0; i < THREADS; i++) {
        void *result = NULL;
        assert_int_equal(pthread_join(threads[i], &result), 0);
        assert_non_null(result);
    }
    /* Whichever thread dropped the last reference freed it. */
    assert_int_equal(snplp_memory_used(), base);
}

/* ---- kinds and counts ---- */

static void kind_of_every_kind(void **state)
{
    (void)state;
    snplp_referential *ref = new_full(SAME);
    for (size_t i = 0; i < COUNT_OF(full_ids); i++)
        assert_int_equal(snplp_referential_kind_of(ref, full_ids[i].id), full_ids[i].kind);
    assert_int_equal(snplp_referential_kind_of(ref, "nope"), SNPLP_KIND_NONE);
    assert_int_equal(snplp_referential_kind_of(ref, ""), SNPLP_KIND_NONE);
    assert_int_equal(snplp_referential_kind_of(ref, "C1"), SNPLP_KIND_NONE); /* case matters */
    assert_int_equal(snplp_referential_kind_of(ref, "c1 "), SNPLP_KIND_NONE);
    assert_int_equal(snplp_referential_kind_of(ref, "Strategy"), SNPLP_KIND_NONE);
    assert_int_equal(snplp_referential_kind_of(ref, "\xff"), SNPLP_KIND_NONE);
    assert_int_equal(snplp_referential_kind_of(ref, NULL), SNPLP_KIND_NONE);
    /* Strings referring to ids are not items. */
    assert_int_equal(snplp_referential_kind_of(ref, "m3"), SNPLP_KIND_NONE);
    snplp_referential_unref(ref);
}

static void item_count_counts_every_kind_and_level(void **state)
{
    (void)state;
    snplp_referential *ref = new_full(SAME);
    assert_int_equal(snplp_referential_item_count(ref), COUNT_OF(full_ids));
    assert_int_equal(snplp_referential_commitment_count(ref), 2);
    assert_int_equal(snplp_referential_lever_count(ref), 2);
    assert_int_equal(snplp_referential_theme_count(ref), 2);
    assert_int_equal(snplp_referential_module_count(ref), 2);
    assert_int_equal(snplp_referential_profession_count(ref), 2);
    assert_int_equal(snplp_referential_diploma_rule_count(ref), 1);
    assert_int_equal(snplp_referential_funding_count(ref), 1);
    assert_int_equal(snplp_referential_plan_count(ref), 1);
    /* A failed add changes no count. */
    assert_fails(snplp_referential_add_lever(NULL, ref, "c1", "x"), SNPLP_EEXISTS);
    assert_int_equal(snplp_referential_item_count(ref), COUNT_OF(full_ids));
    snplp_referential_unref(ref);
}

/* ---- add, count, at, find for each top-level kind ----
 *
 * The tests every list shares (support/kind_tests.h) run over each of the referential's lists
 * (support/kinds.c): add, count, at, find, the id's shape and use, the text's encoding, copy
 * and normalization, out of memory. Here: what is particular to some. */

/* Out of memory when the id map must grow (48 items fill 3/4 of its first 64 slots): the
 * failed add must not leave the referential holding more memory than before. */
static void add_out_of_memory_when_the_id_map_grows(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    for (int i = 0; snplp_referential_item_count(ref) < 48; i++) {
        char id[16];
        snprintf(id, sizeof id, "x%d", i);
        assert_ok(snplp_referential_add_commitment(NULL, ref, id, "Titre"));
    }
    /* 46 commitments: the list has room for 64, only the id map grows. */
    kind_sweep_add(kinds[0], 0, ref, ref, "grow", "Titre", "Titre");
    assert_int_equal(snplp_referential_item_count(ref), 49);
    snplp_referential_unref(ref);
}

/* ---- kind-specific checks of the adds ---- */

static void add_module_and_theme_in_any_order(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_module *m1 = NULL, *m2 = NULL, *m3 = NULL;
    assert_ok(snplp_referential_add_module(&m1, ref, "t1", "m1", SNPLP_LEVEL_FUNDAMENTALS, "Un"));
    assert_ok(snplp_referential_add_module(&m2, ref, "t2", "m2", SNPLP_LEVEL_FUNDAMENTALS, "Deux"));
    snplp_theme *t1 = NULL;
    assert_ok(snplp_referential_add_theme(&t1, ref, "t1", "Th\xc3\xa8me"));
    /* The theme adopted the module that named it before it existed. */
    assert_int_equal(snplp_theme_module_count(t1), 1);
    assert_ptr_equal(snplp_theme_module_at(t1, 0), m1);
    assert_ptr_equal(snplp_module_theme(m1), t1);
    assert_null(snplp_module_theme(m2));
    /* A module added after its theme joins it, after the older one. */
    assert_ok(snplp_referential_add_module(&m3, ref, "t1", "m3", SNPLP_LEVEL_EXPERT, "Trois"));
    assert_int_equal(snplp_theme_module_count(t1), 2);
    assert_ptr_equal(snplp_theme_module_at(t1, 1), m3);
    /* The referential lists all modules in insertion order. */
    assert_int_equal(snplp_referential_module_count(ref), 3);
    assert_ptr_equal(snplp_referential_module_at(ref, 0), m1);
    assert_ptr_equal(snplp_referential_module_at(ref, 1), m2);
    assert_ptr_equal(snplp_referential_module_at(ref, 2), m3);
    /* A theme id cannot be reused by a module and conversely. */
    assert_fails(snplp_referential_add_module(NULL, ref, "t1", "t1", SNPLP_LEVEL_EXPERT, "x"),
                 SNPLP_EEXISTS);
    assert_fails(snplp_referential_add_theme(NULL, ref, "m1", "x"), SNPLP_EEXISTS);
    snplp_referential_unref(ref);
}

typedef struct theme_ctx {
    snplp_referential *ref;
    const char *id;
    size_t themes;
    size_t items;
} theme_ctx;

static int theme_step(void *p)
{
    theme_ctx *c = p;
    return snplp_referential_add_theme(NULL, c->ref, c->id, "Th\xc3\xa8me");
}

static void theme_check(void *p)
{
    theme_ctx *c = p;
    assert_int_equal(snplp_referential_theme_count(c->ref), c->themes);
    assert_int_equal(snplp_referential_item_count(c->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->ref, c->id), SNPLP_KIND_NONE);
    for (size_t i = 0; i < snplp_referential_module_count(c->ref); i++)
        assert_null(snplp_module_theme(snplp_referential_module_at(c->ref, i)));
}

static void add_theme_adopting_modules_out_of_memory(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_theme(NULL, ref, "t0", "Autre"));
    for (int i = 0; i < 6; i++) {
        char id[16];
        snprintf(id, sizeof id, "m%d", i);
        assert_ok(snplp_referential_add_module(NULL, ref, "t1", id, SNPLP_LEVEL_EXPERT, "M"));
    }
    theme_ctx c = {ref, "t1", 1, snplp_referential_item_count(ref)};
    assert_true(test_oom_sweep(theme_step, theme_check, &c) > 0);
    snplp_theme *t1 = snplp_referential_theme_find(ref, "t1");
    assert_non_null(t1);
    assert_int_equal(snplp_theme_module_count(t1), 6);
    for (size_t i = 0; i < 6; i++)
        assert_ptr_equal(snplp_theme_module_at(t1, i), snplp_referential_module_at(ref, i));
    snplp_referential_unref(ref);
}

typedef struct module_ctx {
    snplp_referential *ref;
    snplp_theme *theme;
    size_t modules;
    size_t in_theme;
    size_t items;
} module_ctx;

static int module_step(void *p)
{
    module_ctx *c = p;
    return snplp_referential_add_module(NULL, c->ref, "t1", "new", SNPLP_LEVEL_EXPERT,
                                        "Nouveau module");
}

static void module_check(void *p)
{
    module_ctx *c = p;
    assert_int_equal(snplp_referential_module_count(c->ref), c->modules);
    assert_int_equal(snplp_theme_module_count(c->theme), c->in_theme);
    assert_int_equal(snplp_referential_item_count(c->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->ref, "new"), SNPLP_KIND_NONE);
}

static void add_module_into_theme_out_of_memory(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *t1 = NULL;
    assert_ok(snplp_referential_add_theme(&t1, ref, "t1", "Th\xc3\xa8me"));
    assert_ok(snplp_referential_add_module(NULL, ref, "t2", "m0", SNPLP_LEVEL_EXPERT, "Autre"));
    module_ctx c = {ref, t1, 1, 0, snplp_referential_item_count(ref)};
    assert_true(test_oom_sweep(module_step, module_check, &c) > 0);
    assert_int_equal(snplp_theme_module_count(t1), 1);
    assert_ptr_equal(snplp_theme_module_at(t1, 0), snplp_referential_module_find(ref, "new"));
    snplp_referential_unref(ref);
}

/* Out of memory adding a module when its list, its theme's list of modules and the id map must
 * all grow at once: all of them or none. */
static void add_module_growing_every_list_out_of_memory(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *t1 = NULL;
    assert_ok(snplp_referential_add_theme(&t1, ref, "t1", "Th\xc3\xa8me"));
    for (int i = 0; i < 4; i++) { /* 4 modules: both module lists are full */
        char id[16];
        snprintf(id, sizeof id, "m%d", i);
        assert_ok(snplp_referential_add_module(NULL, ref, "t1", id, SNPLP_LEVEL_EXPERT, "M"));
    }
    for (int i = 0; snplp_referential_item_count(ref) < 48; i++) { /* the id map is full */
        char id[16];
        snprintf(id, sizeof id, "c%d", i);
        assert_ok(snplp_referential_add_commitment(NULL, ref, id, "C"));
    }
    module_ctx c = {ref, t1, 4, 4, snplp_referential_item_count(ref)};
    assert_true(test_oom_sweep(module_step, module_check, &c) > 0);
    assert_int_equal(snplp_theme_module_count(t1), 5);
    assert_ptr_equal(snplp_theme_module_at(t1, 4), snplp_referential_module_find(ref, "new"));
    assert_ptr_equal(snplp_referential_module_at(ref, 4),
                     snplp_referential_module_find(ref, "new"));
    for (int i = 0; i < 4; i++)
        assert_ptr_equal(snplp_theme_module_at(t1, (size_t)i),
                         snplp_referential_module_at(ref, (size_t)i));
    /* The lookups still work after the id map grew. */
    assert_int_equal(snplp_referential_kind_of(ref, "c0"), SNPLP_KIND_COMMITMENT);
    assert_int_equal(snplp_referential_kind_of(ref, "m3"), SNPLP_KIND_MODULE);
    assert_int_equal(snplp_referential_kind_of(ref, "t1"), SNPLP_KIND_THEME);
    snplp_referential_unref(ref);
}

/* Out of memory adding a theme that adopts modules while the themes list and the id map grow. */
static void add_theme_growing_every_list_out_of_memory(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    for (int i = 0; i < 4; i++) { /* 4 themes: the list is full */
        char id[16];
        snprintf(id, sizeof id, "t%d", i + 2);
        assert_ok(snplp_referential_add_theme(NULL, ref, id, "Autre"));
    }
    for (int i = 0; i < 5; i++) {
        char id[16];
        snprintf(id, sizeof id, "m%d", i);
        assert_ok(snplp_referential_add_module(NULL, ref, "t1", id, SNPLP_LEVEL_EXPERT, "M"));
    }
    for (int i = 0; snplp_referential_item_count(ref) < 48; i++) {
        char id[16];
        snprintf(id, sizeof id, "c%d", i);
        assert_ok(snplp_referential_add_commitment(NULL, ref, id, "C"));
    }
    theme_ctx c = {ref, "t1", 4, snplp_referential_item_count(ref)};
    assert_true(test_oom_sweep(theme_step, theme_check, &c) > 0);
    snplp_theme *t1 = snplp_referential_theme_find(ref, "t1");
    assert_ptr_equal(snplp_referential_theme_at(ref, 4), t1);
    assert_int_equal(snplp_theme_module_count(t1), 5);
    assert_ptr_equal(snplp_module_theme(snplp_referential_module_find(ref, "m4")), t1);
    snplp_referential_unref(ref);
}

static void insertion_order_is_kept_across_kinds(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    /* Interleaved adds of several kinds: each list keeps its own order. */
    for (int i = 0; i < 10; i++) {
        char id[16];
        snprintf(id, sizeof id, "c%d", 9 - i);
        assert_ok(snplp_referential_add_commitment(NULL, ref, id, "C"));
        snprintf(id, sizeof id, "l%d", i);
        assert_ok(snplp_referential_add_lever(NULL, ref, id, "L"));
        snprintf(id, sizeof id, "f%d", (i * 7) % 10);
        assert_ok(snplp_referential_add_funding(NULL, ref, id, "F"));
    }
    for (size_t i = 0; i < 10; i++) {
        char id[16];
        snprintf(id, sizeof id, "c%zu", 9 - i);
        assert_string_equal(snplp_commitment_id(snplp_referential_commitment_at(ref, i)), id);
        snprintf(id, sizeof id, "l%zu", i);
        assert_string_equal(snplp_lever_id(snplp_referential_lever_at(ref, i)), id);
        snprintf(id, sizeof id, "f%zu", (i * 7) % 10);
        assert_string_equal(snplp_funding_id(snplp_referential_funding_at(ref, i)), id);
    }
    assert_int_equal(snplp_referential_item_count(ref), 32);
    snplp_referential_unref(ref);
}

/* ---- lookups of nested items ---- */

static void nested_finders(void **state)
{
    (void)state;
    snplp_referential *ref = new_full(SAME);

    snplp_competence *comp = snplp_referential_competence_find(ref, "comp1");
    assert_non_null(comp);
    assert_string_equal(snplp_competence_id(comp), "comp1");
    assert_ptr_equal(snplp_competence_module(comp), snplp_referential_module_find(ref, "m1"));

    snplp_content *ct1 = snplp_referential_content_find(ref, "ct1");
    snplp_content *ct2 = snplp_referential_content_find(ref, "ct2");
    assert_non_null(ct1);
    assert_non_null(ct2);
    assert_string_equal(snplp_content_id(ct2), "ct2");
    assert_ptr_equal(snplp_content_parent(ct2), ct1); /* found at depth 2 */

    snplp_objective *o1 = snplp_referential_objective_find(ref, "o1");
    snplp_objective *o2 = snplp_referential_objective_find(ref, "o2");
    assert_ptr_equal(o1, snplp_training_plan_objective_at(snplp_referential_training_plan(ref), 0));
    assert_ptr_equal(o2, snplp_theme_objective_at(snplp_referential_theme_find(ref, "t1"), 0));

    snplp_outcome *oc1 = snplp_referential_outcome_find(ref, "oc1");
    snplp_outcome *oc2 = snplp_referential_outcome_find(ref, "oc2");
    assert_ptr_equal(oc1, snplp_training_plan_outcome_at(snplp_referential_training_plan(ref), 0));
    assert_ptr_equal(oc2, snplp_theme_outcome_at(snplp_referential_theme_find(ref, "t2"), 0));

    snplp_recommendation *r1 = snplp_referential_recommendation_find(ref, "r1");
    snplp_recommendation *r2 = snplp_referential_recommendation_find(ref, "r2");
    assert_ptr_equal(r1, snplp_theme_recommendation_at(snplp_referential_theme_find(ref, "t1"), 0));
    assert_ptr_equal(r2,
                     snplp_module_recommendation_at(snplp_referential_module_find(ref, "m1"), 0));

    snplp_plan_theme *pt = snplp_referential_plan_theme_find(ref, "pt1");
    assert_non_null(pt);
    assert_string_equal(snplp_plan_theme_id(pt), "pt1");
    assert_ptr_equal(snplp_plan_theme_plan(pt), snplp_referential_plan_find(ref, "pl1"));

    snplp_figure *fig = snplp_referential_figure_find(ref, "fig1");
    assert_non_null(fig);
    assert_string_equal(snplp_figure_id(fig), "fig1");
    assert_int_equal(snplp_figure_value(fig), 30000);

    /* Each finder returns only its own kind, and NULL for unknown ids or NULL. */
    for (size_t i = 0; i < COUNT_OF(full_ids); i++) {
        const char *id = full_ids[i].id;
        snplp_kind kind = full_ids[i].kind;
        assert_true((snplp_referential_competence_find(ref, id) != NULL) ==
                    (kind == SNPLP_KIND_COMPETENCE));
        assert_true((snplp_referential_content_find(ref, id) != NULL) ==
                    (kind == SNPLP_KIND_CONTENT));
        assert_true((snplp_referential_objective_find(ref, id) != NULL) ==
                    (kind == SNPLP_KIND_OBJECTIVE));
        assert_true((snplp_referential_outcome_find(ref, id) != NULL) ==
                    (kind == SNPLP_KIND_OUTCOME));
        assert_true((snplp_referential_recommendation_find(ref, id) != NULL) ==
                    (kind == SNPLP_KIND_RECOMMENDATION));
        assert_true((snplp_referential_plan_theme_find(ref, id) != NULL) ==
                    (kind == SNPLP_KIND_PLAN_THEME));
        assert_true((snplp_referential_figure_find(ref, id) != NULL) ==
                    (kind == SNPLP_KIND_FIGURE));
    }
    assert_null(snplp_referential_competence_find(ref, NULL));
    assert_null(snplp_referential_content_find(ref, NULL));
    assert_null(snplp_referential_objective_find(ref, NULL));
    assert_null(snplp_referential_outcome_find(ref, NULL));
    assert_null(snplp_referential_recommendation_find(ref, NULL));
    assert_null(snplp_referential_plan_theme_find(ref, NULL));
    assert_null(snplp_referential_figure_find(ref, NULL));
    assert_null(snplp_referential_competence_find(ref, "nope"));
    assert_null(snplp_referential_content_find(ref, "nope"));
    assert_null(snplp_referential_objective_find(ref, "nope"));
    assert_null(snplp_referential_outcome_find(ref, "nope"));
    assert_null(snplp_referential_recommendation_find(ref, "nope"));
    assert_null(snplp_referential_plan_theme_find(ref, "nope"));
    assert_null(snplp_referential_figure_find(ref, "nope"));
    snplp_referential_unref(ref);
}

/* ---- deep equality ---- */

static void equal_null_cases(void **state)
{
    (void)state;
    snplp_referential *a = test_new_referential();
    assert_true(snplp_referential_equal(NULL, NULL));
    assert_false(snplp_referential_equal(a, NULL));
    assert_false(snplp_referential_equal(NULL, a));
    assert_true(snplp_referential_equal(a, a));
    snplp_referential_unref(a);
}

static void equal_when_built_the_same_way(void **state)
{
    (void)state;
    snplp_referential *a = test_new_referential(), *b = test_new_referential();
    assert_true(snplp_referential_equal(a, b)); /* two empty ones */
    snplp_referential_unref(a);
    snplp_referential_unref(b);

    a = new_full(SAME);
    b = new_full(SAME);
    assert_true(snplp_referential_equal(a, b));
    assert_true(snplp_referential_equal(b, a));
    assert_true(snplp_referential_equal(a, a));
    snplp_referential_unref(a);
    snplp_referential_unref(b);
}

static void equal_detects_any_single_difference(void **state)
{
    (void)state;
    snplp_referential *a = new_full(SAME);
    for (int diff = SAME + 1; diff < DIFF_COUNT; diff++) {
        snplp_referential *b = new_full(diff);
        if (snplp_referential_equal(a, b) || snplp_referential_equal(b, a))
            fail_msg("difference %d is not detected", diff);
        snplp_referential_unref(b);
    }
    snplp_referential_unref(a);
}

static void equal_compares_content_not_history(void **state)
{
    (void)state;
    snplp_referential *a = new_full(SAME), *b = new_full(SAME);
    snplp_commitment *c = snplp_referential_commitment_find(b, "c2");
    snplp_funding *f = snplp_referential_funding_find(b, "f1");
    snplp_strategy *s = snplp_referential_strategy(b);

    /* Set then unset: equal to never set. */
    assert_ok(snplp_commitment_set_description(c, "Provisoire"));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_commitment_set_description(c, NULL));
    assert_true(snplp_referential_equal(a, b));

    /* Changed then restored. */
    assert_ok(snplp_funding_set_amount_cents(f, 1));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_funding_set_amount_cents(f, 100000000));
    assert_true(snplp_referential_equal(a, b));

    /* Cleared then set again to the same value. */
    assert_ok(snplp_strategy_clear_budget(s));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_strategy_set_budget_cents(s, 850000000000));
    assert_true(snplp_referential_equal(a, b));

    /* A text given decomposed is stored composed: the same text. */
    assert_ok(snplp_strategy_set_title(s, "Strate\xcc\x81gie nationale"));
    assert_true(snplp_referential_equal(a, b));

    /* A new item breaks equality even with the same counts elsewhere. */
    assert_ok(snplp_referential_add_lever(NULL, b, "l3", "Encore"));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_referential_add_lever(NULL, a, "l3", "Encore"));
    assert_true(snplp_referential_equal(a, b));
    snplp_referential_unref(a);
    snplp_referential_unref(b);
}

/* ---- scale ---- */

#define BIG 20000

static void big_referential(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    snplp_referential *ref = test_new_referential();
    char id[32];
    for (int i = 0; i < BIG; i++) {
        snprintf(id, sizeof id, "c%d", i);
        assert_ok(snplp_referential_add_commitment(NULL, ref, id, "Engagement"));
    }
    assert_int_equal(snplp_referential_commitment_count(ref), BIG);
    assert_int_equal(snplp_referential_item_count(ref), BIG + 2);
    for (int i = 0; i < BIG; i++) {
        snprintf(id, sizeof id, "c%d", i);
        snplp_commitment *c = snplp_referential_commitment_find(ref, id);
        assert_non_null(c);
        assert_ptr_equal(c, snplp_referential_commitment_at(ref, (size_t)i));
        assert_string_equal(snplp_commitment_id(c), id);
        assert_int_equal(snplp_referential_kind_of(ref, id), SNPLP_KIND_COMMITMENT);
    }
    assert_null(snplp_referential_commitment_at(ref, BIG));
    snprintf(id, sizeof id, "c%d", BIG);
    assert_null(snplp_referential_commitment_find(ref, id));
    assert_fails(snplp_referential_add_lever(NULL, ref, "c12345", "x"), SNPLP_EEXISTS);
    assert_int_equal(snplp_referential_kind_of(ref, "strategy"), SNPLP_KIND_STRATEGY);
    snplp_referential_unref(ref);
    assert_int_equal(snplp_memory_used(), base);
}

/* ---- the list of tests ---- */

/* A pointer of the wrong type (a C caller's cast gone wrong) is refused, not used. */
static void objects_of_another_type_are_refused(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_module *module;
    assert_ok(snplp_referential_add_module(&module, ref, "theme-x", "module-x", SNPLP_LEVEL_EXPERT,
                                           "Module « expert »"));
    snplp_referential *not_ref = (snplp_referential *)(void *)module;
    snplp_module *not_module = (snplp_module *)(void *)ref;

    assert_null(snplp_module_title(not_module));
    assert_null(snplp_module_referential(not_module));
    assert_fails(snplp_module_set_title(not_module, "x"), SNPLP_EINVAL);
    assert_int_equal(snplp_referential_item_count(not_ref), 0);
    assert_int_equal(snplp_referential_module_count(not_ref), 0);
    assert_null(snplp_referential_module_find(not_ref, "module-x"));
    assert_null(snplp_referential_strategy(not_ref));
    assert_null(snplp_referential_ref(not_ref));
    snplp_referential_unref(not_ref); /* a no-op */
    assert_false(snplp_referential_equal(not_ref, ref));
    assert_fails(snplp_referential_add_commitment(NULL, not_ref, "c", "t"), SNPLP_EINVAL);

    /* the real objects are untouched */
    assert_string_equal(snplp_module_title(module), "Module « expert »");
    assert_int_equal(snplp_referential_item_count(ref), 3);
    snplp_referential_unref(ref);
}

int main(void)
{
    const struct CMUnitTest own[] = {
        cmocka_unit_test(new_rejects_null_out),
        cmocka_unit_test(new_referential_holds_only_the_singletons),
        cmocka_unit_test(null_referential_reads_as_empty),
        cmocka_unit_test(new_out_of_memory),
        cmocka_unit_test(ref_and_unref),
        cmocka_unit_test(unref_frees_every_item),
        cmocka_unit_test(ref_unref_from_threads),
        cmocka_unit_test(kind_of_every_kind),
        cmocka_unit_test(item_count_counts_every_kind_and_level),
        cmocka_unit_test(add_out_of_memory_when_the_id_map_grows),
        cmocka_unit_test(add_module_and_theme_in_any_order),
        cmocka_unit_test(add_theme_adopting_modules_out_of_memory),
        cmocka_unit_test(add_module_into_theme_out_of_memory),
        cmocka_unit_test(add_module_growing_every_list_out_of_memory),
        cmocka_unit_test(add_theme_growing_every_list_out_of_memory),
        cmocka_unit_test(insertion_order_is_kept_across_kinds),
        cmocka_unit_test(nested_finders),
        cmocka_unit_test(equal_null_cases),
        cmocka_unit_test(equal_when_built_the_same_way),
        cmocka_unit_test(equal_detects_any_single_difference),
        cmocka_unit_test(equal_compares_content_not_history),
        cmocka_unit_test(big_referential),
        cmocka_unit_test(objects_of_another_type_are_refused),
    };
    /* The shared tests of the referential's lists, then these. */
    return kind_tests_run(kinds[0], own, COUNT_OF(own));
}
