/* Tests of module.h: level, texts, duration, the theme named by id (and the theme's view that
 * follows it), prerequisites and profession links by id, competences and recommendations. */
#include "test_util.h"

#include <float.h>

#include <math.h>
#include <stdio.h>

static const char *const bad_ids[] = {"",    "1abc", "-abc", ".abc",
                                      "a b", "a/b",  "a:b",  "caf\xc3\xa9"};

static snplp_module *new_module(snplp_referential *ref, const char *theme_id, const char *id)
{
    snplp_module *m = NULL;
    assert_ok(snplp_referential_add_module(&m, ref, theme_id, id, SNPLP_LEVEL_FUNDAMENTALS, "M"));
    assert_non_null(m);
    return m;
}

static void level_names(void **state)
{
    (void)state;
    assert_string_equal(snplp_level_name(SNPLP_LEVEL_FUNDAMENTALS), "fundamentals");
    assert_string_equal(snplp_level_name(SNPLP_LEVEL_EXPERT), "expert");
    assert_int_equal(SNPLP_LEVEL_FUNDAMENTALS, 1);
    assert_int_equal(SNPLP_LEVEL_EXPERT, 2);
    assert_string_equal(snplp_level_name((snplp_level)0), "unknown");
    assert_string_equal(snplp_level_name((snplp_level)3), "unknown");
    assert_string_equal(snplp_level_name((snplp_level)-1), "unknown");
}

static void module_basic_fields(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "Th\xc3\xa8me"));
    snplp_module *m = NULL;
    assert_ok(snplp_referential_add_module(&m, ref, "t", "m-1.a", SNPLP_LEVEL_EXPERT,
                                           "Module e\xcc\x81tendu"));
    assert_ptr_equal(snplp_referential_module_find(ref, "m-1.a"), m);
    assert_int_equal(snplp_referential_kind_of(ref, "m-1.a"), SNPLP_KIND_MODULE);
    assert_string_equal(snplp_module_id(m), "m-1.a");
    assert_ptr_equal(snplp_module_referential(m), ref);
    assert_string_equal(snplp_module_theme_id(m), "t");
    assert_ptr_equal(snplp_module_theme(m), theme);
    assert_int_equal(snplp_module_level(m), SNPLP_LEVEL_EXPERT);
    assert_string_equal(snplp_module_title(m), "Module \xc3\xa9tendu");
    assert_null(snplp_module_subtitle(m));
    assert_null(snplp_module_audience(m));
    assert_null(snplp_module_role(m));
    double days = -1;
    assert_status(snplp_module_duration_days(&days, m), SNPLP_ENOTFOUND);
    assert_int_equal(snplp_error_last_code(), SNPLP_ENOTFOUND);
    assert_true(days == -1);
    assert_int_equal(snplp_module_prerequisite_count(m), 0);
    assert_null(snplp_module_prerequisite_at(m, 0));
    assert_int_equal(snplp_module_profession_count(m), 0);
    assert_null(snplp_module_profession_at(m, 0));
    assert_int_equal(snplp_module_competence_count(m), 0);
    assert_null(snplp_module_competence_at(m, 0));
    assert_int_equal(snplp_module_recommendation_count(m), 0);
    assert_null(snplp_module_recommendation_at(m, 0));

    assert_ok(snplp_module_set_level(m, SNPLP_LEVEL_FUNDAMENTALS));
    assert_int_equal(snplp_module_level(m), SNPLP_LEVEL_FUNDAMENTALS);
    assert_status(snplp_module_set_level(m, (snplp_level)0), SNPLP_EINVAL);
    assert_status(snplp_module_set_level(m, (snplp_level)3), SNPLP_EINVAL);
    assert_status(snplp_module_set_level(m, (snplp_level)-1), SNPLP_EINVAL);
    assert_int_equal(snplp_module_level(m), SNPLP_LEVEL_FUNDAMENTALS);

    assert_ok(snplp_module_set_title(m, "Titre"));
    assert_string_equal(snplp_module_title(m), "Titre");
    assert_status(snplp_module_set_title(m, NULL), SNPLP_EINVAL);
    assert_string_equal(snplp_module_title(m), "Titre");

    /* The optional texts: set, normalized, unset with NULL. */
    int (*const setters[])(snplp_module *, const char *) = {
        snplp_module_set_subtitle, snplp_module_set_audience, snplp_module_set_role};
    const char *(*const getters[])(const snplp_module *) = {
        snplp_module_subtitle, snplp_module_audience, snplp_module_role};
    for (size_t i = 0; i < COUNT_OF(setters); i++) {
        assert_ok(setters[i](m, "Travailleurs sociaux a\xcc\x80 l'accueil"));
        assert_string_equal(getters[i](m), "Travailleurs sociaux \xc3\xa0 l'accueil");
        for (size_t b = 0; b < COUNT_OF(test_bad_texts); b++)
            assert_status(setters[i](m, test_bad_texts[b]), SNPLP_EENCODING);
        assert_string_equal(getters[i](m), "Travailleurs sociaux \xc3\xa0 l'accueil");
        assert_ok(setters[i](m, NULL));
        assert_null(getters[i](m));
        assert_ok(setters[i](m, "Texte"));
    }
    for (size_t b = 0; b < COUNT_OF(test_bad_texts); b++)
        assert_status(snplp_module_set_title(m, test_bad_texts[b]), SNPLP_EENCODING);
    assert_string_equal(snplp_module_title(m), "Titre");
    assert_string_equal(snplp_module_subtitle(m), "Texte");
    assert_string_equal(snplp_module_audience(m), "Texte");
    assert_string_equal(snplp_module_role(m), "Texte");
    snplp_referential_unref(ref);
}

static void module_duration(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_module *m = new_module(ref, "t", "m");
    double days = 0;
    assert_ok(snplp_module_set_duration_days(m, 2.5));
    assert_ok(snplp_module_duration_days(&days, m));
    assert_true(days == 2.5);
    /* kept to the millionth of a day, below 10000 days */
    assert_ok(snplp_module_set_duration_days(m, 0.000001));
    assert_ok(snplp_module_duration_days(&days, m));
    assert_true(days == 0.000001);
    assert_ok(snplp_module_set_duration_days(m, 2.1234567));
    assert_ok(snplp_module_duration_days(&days, m));
    assert_true(days == 2.123457);
    assert_ok(snplp_module_set_duration_days(m, 9999.999999));
    assert_ok(snplp_module_duration_days(&days, m));
    assert_true(days == 9999.999999);
    assert_ok(snplp_module_set_duration_days(m, 3));

    const double bad[] = {0.0,     -0.0,    -1.0, -1e-300, 1e-300,   0.0000004, 1e4,
                          10000.5, DBL_MAX, NAN,  -NAN,    INFINITY, -INFINITY};
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        assert_status(snplp_module_set_duration_days(m, bad[i]), SNPLP_EINVAL);
        assert_ok(snplp_module_duration_days(&days, m));
        assert_true(days == 3);
    }
    assert_status(snplp_module_duration_days(NULL, m), SNPLP_EINVAL);

    assert_ok(snplp_module_clear_duration(m));
    days = 7;
    assert_status(snplp_module_duration_days(&days, m), SNPLP_ENOTFOUND);
    assert_true(days == 7);
    assert_ok(snplp_module_clear_duration(m)); /* clearing twice is fine */
    assert_status(snplp_module_set_duration_days(m, NAN), SNPLP_EINVAL);
    assert_status(snplp_module_duration_days(&days, m), SNPLP_ENOTFOUND);
    snplp_referential_unref(ref);
}

static void module_add_errors(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_theme(NULL, ref, "t", "T"));
    assert_ok(snplp_referential_add_plan(NULL, ref, "p", "P"));
    snplp_module *m = new_module(ref, "t", "m");
    assert_ok(snplp_module_add_competence(NULL, m, "c", "C"));
    char long_id[SNPLP_ID_MAX + 2];
    test_long_id(long_id, SNPLP_ID_MAX + 1);
    size_t items = snplp_referential_item_count(ref);

    snplp_module *out = m;
    assert_status(snplp_referential_add_module(&out, NULL, "t", "x", SNPLP_LEVEL_EXPERT, "X"),
                  SNPLP_EINVAL);
    assert_status(snplp_referential_add_module(&out, ref, NULL, "x", SNPLP_LEVEL_EXPERT, "X"),
                  SNPLP_EINVAL);
    assert_status(snplp_referential_add_module(&out, ref, "t", NULL, SNPLP_LEVEL_EXPERT, "X"),
                  SNPLP_EINVAL);
    assert_status(snplp_referential_add_module(&out, ref, "t", "x", SNPLP_LEVEL_EXPERT, NULL),
                  SNPLP_EINVAL);
    assert_status(snplp_referential_add_module(&out, ref, "t", "x", (snplp_level)0, "X"),
                  SNPLP_EINVAL);
    assert_status(snplp_referential_add_module(&out, ref, "t", "x", (snplp_level)3, "X"),
                  SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++) {
        assert_status(
            snplp_referential_add_module(&out, ref, "t", bad_ids[i], SNPLP_LEVEL_EXPERT, "X"),
            SNPLP_EBADID);
        assert_int_equal(snplp_error_last_code(), SNPLP_EBADID);
        assert_status(
            snplp_referential_add_module(&out, ref, bad_ids[i], "x", SNPLP_LEVEL_EXPERT, "X"),
            SNPLP_EBADID);
    }
    assert_status(snplp_referential_add_module(&out, ref, "t", long_id, SNPLP_LEVEL_EXPERT, "X"),
                  SNPLP_EBADID);
    assert_status(snplp_referential_add_module(&out, ref, long_id, "x", SNPLP_LEVEL_EXPERT, "X"),
                  SNPLP_EBADID);
    const char *const used[] = {"m", "t", "p", "c", "strategy", "training-plan"};
    for (size_t i = 0; i < COUNT_OF(used); i++)
        assert_status(
            snplp_referential_add_module(&out, ref, "t", used[i], SNPLP_LEVEL_EXPERT, "X"),
            SNPLP_EEXISTS);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_status(snplp_referential_add_module(&out, ref, "t", "x", SNPLP_LEVEL_EXPERT,
                                                   test_bad_texts[i]),
                      SNPLP_EENCODING);
    assert_ptr_equal(out, m);
    assert_int_equal(snplp_referential_module_count(ref), 1);
    assert_int_equal(snplp_theme_module_count(snplp_referential_theme_find(ref, "t")), 1);
    assert_int_equal(snplp_referential_item_count(ref), items);
    assert_int_equal(snplp_referential_kind_of(ref, "x"), SNPLP_KIND_NONE);

    /* The longest ids are accepted, and out may be NULL. */
    test_long_id(long_id, SNPLP_ID_MAX);
    assert_ok(
        snplp_referential_add_module(NULL, ref, long_id, long_id + 1, SNPLP_LEVEL_EXPERT, "X"));
    assert_string_equal(snplp_module_theme_id(snplp_referential_module_find(ref, long_id + 1)),
                        long_id);
    snplp_referential_unref(ref);
}

/* ---- the theme, by id ---- */

static void module_theme_by_id(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_module *m = new_module(ref, "t", "m");
    assert_string_equal(snplp_module_theme_id(m), "t");
    assert_null(snplp_module_theme(m)); /* no such theme yet */
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "T"));
    assert_ptr_equal(snplp_module_theme(m), theme);

    /* An id that names an item of another kind is no theme. */
    assert_ok(snplp_referential_add_plan(NULL, ref, "p", "P"));
    assert_ok(snplp_module_set_theme_id(m, "p"));
    assert_string_equal(snplp_module_theme_id(m), "p");
    assert_null(snplp_module_theme(m));
    assert_int_equal(snplp_theme_module_count(theme), 0);
    assert_ok(snplp_module_set_theme_id(m, "m")); /* even the module itself */
    assert_null(snplp_module_theme(m));
    assert_ok(snplp_module_set_theme_id(m, "strategy"));
    assert_null(snplp_module_theme(m));
    snplp_module *m2 = NULL;
    assert_ok(snplp_referential_add_module(&m2, ref, "m", "m2", SNPLP_LEVEL_EXPERT, "M2"));
    assert_null(snplp_module_theme(m2));

    /* Errors leave the theme id as it was. */
    char long_id[SNPLP_ID_MAX + 2];
    test_long_id(long_id, SNPLP_ID_MAX + 1);
    assert_status(snplp_module_set_theme_id(m, NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_status(snplp_module_set_theme_id(m, bad_ids[i]), SNPLP_EBADID);
    assert_status(snplp_module_set_theme_id(m, long_id), SNPLP_EBADID);
    assert_string_equal(snplp_module_theme_id(m), "strategy");

    assert_ok(snplp_module_set_theme_id(m, "t"));
    assert_ptr_equal(snplp_module_theme(m), theme);
    assert_int_equal(snplp_theme_module_count(theme), 1);
    assert_ok(snplp_module_set_theme_id(m, "t")); /* same theme: nothing moves */
    assert_int_equal(snplp_theme_module_count(theme), 1);
    assert_ptr_equal(snplp_theme_module_at(theme, 0), m);
    assert_status(snplp_module_set_theme_id(m, "1t"), SNPLP_EBADID);
    assert_int_equal(snplp_theme_module_count(theme), 1);
    snplp_referential_unref(ref);
}

static void assert_ids(const snplp_theme *theme, const char *expected)
{
    char got[128] = "";
    for (size_t i = 0; i < snplp_theme_module_count(theme); i++) {
        if (i)
            strcat(got, " ");
        strcat(got, snplp_module_id(snplp_theme_module_at(theme, i)));
    }
    assert_string_equal(got, expected);
}

static void module_set_theme_id_keeps_order(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *a = NULL, *b = NULL;
    assert_ok(snplp_referential_add_theme(&a, ref, "a", "A"));
    assert_ok(snplp_referential_add_theme(&b, ref, "b", "B"));
    snplp_module *m[9];
    char id[8];
    for (int i = 0; i < 9; i++) {
        snprintf(id, sizeof id, "m%d", i + 1);
        m[i] = new_module(ref, i % 2 ? "b" : "a", id);
    }
    assert_ids(a, "m1 m3 m5 m7 m9");
    assert_ids(b, "m2 m4 m6 m8");

    assert_ok(snplp_module_set_theme_id(m[5], "a")); /* m6: middle */
    assert_ids(a, "m1 m3 m5 m6 m7 m9");
    assert_ids(b, "m2 m4 m8");
    assert_ok(snplp_module_set_theme_id(m[0], "b")); /* m1: first */
    assert_ids(a, "m3 m5 m6 m7 m9");
    assert_ids(b, "m1 m2 m4 m8");
    assert_ok(snplp_module_set_theme_id(m[8], "b")); /* m9: last */
    assert_ids(a, "m3 m5 m6 m7");
    assert_ids(b, "m1 m2 m4 m8 m9");
    assert_ok(snplp_module_set_theme_id(m[6], "b")); /* m7: between m4 and m8 */
    assert_ids(b, "m1 m2 m4 m7 m8 m9");
    assert_ids(a, "m3 m5 m6");
    assert_ok(snplp_module_set_theme_id(m[3], "a")); /* m4: between m3 and m5 */
    assert_ids(a, "m3 m4 m5 m6");
    assert_ids(b, "m1 m2 m7 m8 m9");
    /* Every module to a, one at a time from the end: a view built from scratch. */
    for (int i = 8; i >= 0; i--)
        assert_ok(snplp_module_set_theme_id(m[i], "a"));
    assert_ids(a, "m1 m2 m3 m4 m5 m6 m7 m8 m9");
    assert_ids(b, "");
    for (int i = 0; i < 9; i += 2)
        assert_ok(snplp_module_set_theme_id(m[i], "b"));
    assert_ids(a, "m2 m4 m6 m8");
    assert_ids(b, "m1 m3 m5 m7 m9");
    for (int i = 0; i < 9; i++)
        assert_ptr_equal(snplp_module_theme(m[i]), i % 2 ? a : b);
    snplp_referential_unref(ref);
}

/* ---- prerequisites and professions ---- */

typedef struct id_list_api {
    int (*add)(snplp_module *, const char *);
    int (*remove)(snplp_module *, const char *);
    size_t (*count)(const snplp_module *);
    const char *(*at)(const snplp_module *, size_t);
} id_list_api;

static const id_list_api id_lists[] = {
    {snplp_module_add_prerequisite, snplp_module_remove_prerequisite,
     snplp_module_prerequisite_count, snplp_module_prerequisite_at},
    {snplp_module_add_profession, snplp_module_remove_profession, snplp_module_profession_count,
     snplp_module_profession_at},
};

static void module_id_lists(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_module *m = new_module(ref, "t", "m");
    assert_ok(snplp_referential_add_profession(NULL, ref, "ass", SNPLP_CATEGORY_WORKER, "ASS"));
    char long_id[SNPLP_ID_MAX + 2];
    for (size_t l = 0; l < COUNT_OF(id_lists); l++) {
        const id_list_api *api = &id_lists[l];
        /* Ids need not name an existing item (validation reports missing ones). */
        assert_ok(api->add(m, "m-fond"));
        assert_ok(api->add(m, "ass"));
        assert_ok(api->add(m, "m"));
        assert_ok(api->add(m, "_x.1"));
        assert_ok(api->add(m, "M-FOND")); /* ids are case-sensitive */
        assert_int_equal(api->count(m), 5);
        assert_string_equal(api->at(m, 0), "m-fond");
        assert_string_equal(api->at(m, 3), "_x.1");
        assert_null(api->at(m, 5));

        assert_status(api->add(m, "ass"), SNPLP_EEXISTS);
        assert_int_equal(snplp_error_last_code(), SNPLP_EEXISTS);
        assert_status(api->add(m, NULL), SNPLP_EINVAL);
        for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
            assert_status(api->add(m, bad_ids[i]), SNPLP_EBADID);
        test_long_id(long_id, SNPLP_ID_MAX + 1);
        assert_status(api->add(m, long_id), SNPLP_EBADID);
        assert_int_equal(api->count(m), 5);

        /* Removing one keeps the order of the others. */
        assert_ok(api->remove(m, "m"));
        assert_int_equal(api->count(m), 4);
        assert_string_equal(api->at(m, 0), "m-fond");
        assert_string_equal(api->at(m, 1), "ass");
        assert_string_equal(api->at(m, 2), "_x.1");
        assert_string_equal(api->at(m, 3), "M-FOND");
        assert_status(api->remove(m, "m"), SNPLP_ENOTFOUND);
        assert_int_equal(snplp_error_last_code(), SNPLP_ENOTFOUND);
        assert_status(api->remove(m, "absent"), SNPLP_ENOTFOUND);
        assert_status(api->remove(m, "m-FOND"), SNPLP_ENOTFOUND);
        assert_status(api->remove(m, "1bad"), SNPLP_ENOTFOUND);
        assert_status(api->remove(m, NULL), SNPLP_EINVAL);
        assert_int_equal(api->count(m), 4);
        assert_ok(api->remove(m, "m-fond"));
        assert_ok(api->remove(m, "M-FOND"));
        assert_string_equal(api->at(m, 0), "ass");
        assert_string_equal(api->at(m, 1), "_x.1");
        /* A removed id can be added again, at the end. */
        assert_ok(api->add(m, "m-fond"));
        assert_string_equal(api->at(m, 2), "m-fond");
        test_long_id(long_id, SNPLP_ID_MAX);
        assert_ok(api->add(m, long_id));
        assert_int_equal(api->count(m), 4);
    }
    /* The two lists are separate. */
    assert_ok(snplp_module_remove_prerequisite(m, "ass"));
    assert_int_equal(snplp_module_prerequisite_count(m), 3);
    assert_int_equal(snplp_module_profession_count(m), 4);
    assert_string_equal(snplp_module_profession_at(m, 0), "ass");
    snplp_referential_unref(ref);
}

/* ---- competences and recommendations ---- */

static void module_competences_and_recommendations(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_module *m = new_module(ref, "t", "m");
    snplp_module *other = new_module(ref, "t", "other");
    snplp_competence *c1 = NULL, *c2 = NULL;
    assert_ok(snplp_module_add_competence(&c1, m, "c1", "Conna\xc3\xaetre"));
    assert_ok(snplp_module_add_competence(&c2, m, "c2", "Agir"));
    assert_ok(snplp_module_add_competence(NULL, other, "c3", "Autre"));
    assert_int_equal(snplp_module_competence_count(m), 2);
    assert_ptr_equal(snplp_module_competence_at(m, 0), c1);
    assert_ptr_equal(snplp_module_competence_at(m, 1), c2);
    assert_null(snplp_module_competence_at(m, 2));
    assert_ptr_equal(snplp_competence_module(c2), m);
    assert_ptr_equal(snplp_referential_competence_find(ref, "c1"), c1);
    assert_int_equal(snplp_module_competence_count(other), 1);

    snplp_recommendation *r = NULL;
    assert_ok(snplp_module_add_recommendation(&r, m, "r1", "Interventions de praticiens"));
    assert_ok(snplp_module_add_recommendation(NULL, m, "r2",
                                              "Sessions fractionn\xc3\xa9"
                                              "es"));
    assert_int_equal(snplp_module_recommendation_count(m), 2);
    assert_ptr_equal(snplp_module_recommendation_at(m, 0), r);
    assert_ptr_equal(snplp_module_recommendation_at(m, 1),
                     snplp_referential_recommendation_find(ref, "r2"));
    assert_null(snplp_module_recommendation_at(m, 2));
    assert_int_equal(snplp_module_recommendation_count(other), 0);

    /* Errors of both adders. */
    char long_id[SNPLP_ID_MAX + 2];
    test_long_id(long_id, SNPLP_ID_MAX + 1);
    size_t items = snplp_referential_item_count(ref);
    const char *const used[] = {"m", "c1", "c3", "r1", "strategy"};
    for (int kind = 0; kind < 2; kind++) {
        for (size_t i = 0; i < COUNT_OF(used); i++) {
            assert_status(kind ? snplp_module_add_recommendation(NULL, m, used[i], "X")
                               : snplp_module_add_competence(NULL, m, used[i], "X"),
                          SNPLP_EEXISTS);
        }
        for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
            assert_status(kind ? snplp_module_add_recommendation(NULL, m, bad_ids[i], "X")
                               : snplp_module_add_competence(NULL, m, bad_ids[i], "X"),
                          SNPLP_EBADID);
        assert_status(kind ? snplp_module_add_recommendation(NULL, m, long_id, "X")
                           : snplp_module_add_competence(NULL, m, long_id, "X"),
                      SNPLP_EBADID);
        for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
            assert_status(kind ? snplp_module_add_recommendation(NULL, m, "x", test_bad_texts[i])
                               : snplp_module_add_competence(NULL, m, "x", test_bad_texts[i]),
                          SNPLP_EENCODING);
        assert_status(kind ? snplp_module_add_recommendation(NULL, m, NULL, "X")
                           : snplp_module_add_competence(NULL, m, NULL, "X"),
                      SNPLP_EINVAL);
        assert_status(kind ? snplp_module_add_recommendation(NULL, m, "x", NULL)
                           : snplp_module_add_competence(NULL, m, "x", NULL),
                      SNPLP_EINVAL);
    }
    snplp_competence *cout = c1;
    snplp_recommendation *rout = r;
    assert_status(snplp_module_add_competence(&cout, m, "c1", "X"), SNPLP_EEXISTS);
    assert_status(snplp_module_add_recommendation(&rout, m, "r1", "X"), SNPLP_EEXISTS);
    assert_ptr_equal(cout, c1);
    assert_ptr_equal(rout, r);
    assert_int_equal(snplp_module_competence_count(m), 2);
    assert_int_equal(snplp_module_recommendation_count(m), 2);
    assert_int_equal(snplp_referential_item_count(ref), items);
    assert_int_equal(snplp_referential_kind_of(ref, "x"), SNPLP_KIND_NONE);
    snplp_referential_unref(ref);
}

static void module_null_and_wrong_kind(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "T"));
    assert_ok(snplp_theme_set_description(theme, "D"));
    snplp_module *m = new_module(ref, "t", "m");
    snplp_competence *comp = NULL;
    assert_ok(snplp_module_add_competence(&comp, m, "c", "C"));
    snplp_plan *plan = NULL;
    assert_ok(snplp_referential_add_plan(&plan, ref, "p", "P"));
    size_t items = snplp_referential_item_count(ref);

    snplp_module *const objects[] = {NULL, (snplp_module *)(void *)theme,
                                     (snplp_module *)(void *)comp, (snplp_module *)(void *)plan};
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_module *x = objects[i];
        assert_null(snplp_module_id(x));
        assert_null(snplp_module_referential(x));
        assert_null(snplp_module_theme_id(x));
        assert_null(snplp_module_theme(x));
        assert_int_equal(snplp_module_level(x), 0);
        assert_null(snplp_module_title(x));
        assert_null(snplp_module_subtitle(x));
        assert_null(snplp_module_audience(x));
        assert_null(snplp_module_role(x));
        double days = 4;
        assert_status(snplp_module_duration_days(&days, x), SNPLP_EINVAL);
        assert_true(days == 4);
        assert_int_equal(snplp_module_prerequisite_count(x), 0);
        assert_null(snplp_module_prerequisite_at(x, 0));
        assert_int_equal(snplp_module_profession_count(x), 0);
        assert_null(snplp_module_profession_at(x, 0));
        assert_int_equal(snplp_module_competence_count(x), 0);
        assert_null(snplp_module_competence_at(x, 0));
        assert_int_equal(snplp_module_recommendation_count(x), 0);
        assert_null(snplp_module_recommendation_at(x, 0));

        assert_status(snplp_module_set_theme_id(x, "t2"), SNPLP_EINVAL);
        assert_status(snplp_module_set_level(x, SNPLP_LEVEL_EXPERT), SNPLP_EINVAL);
        assert_status(snplp_module_set_title(x, "T"), SNPLP_EINVAL);
        assert_status(snplp_module_set_subtitle(x, "S"), SNPLP_EINVAL);
        assert_status(snplp_module_set_subtitle(x, NULL), SNPLP_EINVAL);
        assert_status(snplp_module_set_audience(x, "A"), SNPLP_EINVAL);
        assert_status(snplp_module_set_role(x, "R"), SNPLP_EINVAL);
        assert_status(snplp_module_set_duration_days(x, 1), SNPLP_EINVAL);
        assert_status(snplp_module_clear_duration(x), SNPLP_EINVAL);
        assert_status(snplp_module_add_prerequisite(x, "m"), SNPLP_EINVAL);
        assert_status(snplp_module_remove_prerequisite(x, "m"), SNPLP_EINVAL);
        assert_status(snplp_module_add_profession(x, "ass"), SNPLP_EINVAL);
        assert_status(snplp_module_remove_profession(x, "ass"), SNPLP_EINVAL);
        assert_status(snplp_module_add_competence(NULL, x, "x", "X"), SNPLP_EINVAL);
        assert_status(snplp_module_add_recommendation(NULL, x, "x", "X"), SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    }
    assert_string_equal(snplp_theme_title(theme), "T");
    assert_string_equal(snplp_theme_description(theme), "D");
    assert_string_equal(snplp_competence_title(comp), "C");
    assert_string_equal(snplp_plan_title(plan), "P");
    assert_int_equal(snplp_referential_item_count(ref), items);
    snplp_referential_unref(ref);
}

/* ---- out of memory ---- */

typedef struct text_ctx {
    snplp_module *module;
    int (*set)(snplp_module *, const char *);
    const char *(*get)(const snplp_module *);
    const char *text;
    const char *old;
} text_ctx;

static int step_set_text(void *p)
{
    text_ctx *c = p;
    return c->set(c->module, c->text);
}

static void check_set_text(void *p)
{
    text_ctx *c = p;
    if (c->old)
        assert_string_equal(c->get(c->module), c->old);
    else
        assert_null(c->get(c->module));
}

static void module_setters_oom(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_module *m = new_module(ref, "t", "m");
    int (*const setters[])(snplp_module *,
                           const char *) = {snplp_module_set_title, snplp_module_set_subtitle,
                                            snplp_module_set_audience, snplp_module_set_role};
    const char *(*const getters[])(const snplp_module *) = {
        snplp_module_title, snplp_module_subtitle, snplp_module_audience, snplp_module_role};
    for (size_t i = 0; i < COUNT_OF(setters); i++) {
        text_ctx c = {m, setters[i], getters[i], "R\xc3\xb4le attendu", getters[i](m)};
        assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
        assert_string_equal(getters[i](m), "R\xc3\xb4le attendu");
        c.old = "R\xc3\xb4le attendu";
        c.text = "Re\xcc\x82le"; /* normalized on the way in */
        assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
        assert_string_equal(getters[i](m), "R\xc3\xaale");
    }
    snplp_referential_unref(ref);
}

typedef struct module_ctx {
    snplp_referential *ref;
    snplp_theme *theme;
    snplp_module *out;
    const char *theme_id;
    const char *id;
    size_t view;  /* the theme's modules before */
    size_t count; /* the referential's modules before */
} module_ctx;

static int step_add_module(void *p)
{
    module_ctx *c = p;
    return snplp_referential_add_module(&c->out, c->ref, c->theme_id, c->id, SNPLP_LEVEL_EXPERT,
                                        "Nouveau module");
}

static void check_add_module(void *p)
{
    module_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(snplp_referential_module_count(c->ref), c->count);
    assert_int_equal(snplp_theme_module_count(c->theme), c->view);
    assert_null(snplp_theme_module_at(c->theme, c->view));
    for (size_t i = 0; i < c->view; i++)
        assert_ptr_not_equal(snplp_theme_module_at(c->theme, i), NULL);
    assert_null(snplp_referential_module_find(c->ref, c->id));
    assert_int_equal(snplp_referential_kind_of(c->ref, c->id), SNPLP_KIND_NONE);
}

static void module_add_oom(void **state)
{
    (void)state;
    module_ctx c = {.ref = test_new_referential()};
    assert_ok(snplp_referential_add_theme(&c.theme, c.ref, "t", "T"));
    /* From the first module on: into t, whose view grows (4, 8), and into a theme not there,
     * in turns, so that the referential's list and t's view grow apart and together. */
    char id[32];
    for (int i = 0; i < 14; i++) {
        snprintf(id, sizeof id, "m%d", i);
        c.theme_id = i % 3 == 2 ? "nowhere" : "t";
        c.id = id;
        c.view = snplp_theme_module_count(c.theme);
        c.count = snplp_referential_module_count(c.ref);
        c.out = NULL;
        assert_true(test_oom_sweep(step_add_module, check_add_module, &c) > 0);
        assert_non_null(c.out);
        assert_string_equal(snplp_module_id(c.out), id);
        assert_string_equal(snplp_module_theme_id(c.out), c.theme_id);
        assert_int_equal(snplp_module_level(c.out), SNPLP_LEVEL_EXPERT);
        assert_string_equal(snplp_module_title(c.out), "Nouveau module");
        assert_ptr_equal(snplp_module_theme(c.out), i % 3 == 2 ? NULL : c.theme);
        assert_ptr_equal(snplp_referential_module_at(c.ref, c.count), c.out);
        assert_int_equal(snplp_referential_module_count(c.ref), c.count + 1);
        assert_int_equal(snplp_theme_module_count(c.theme), c.view + (i % 3 == 2 ? 0 : 1));
    }
    assert_int_equal(snplp_theme_module_count(c.theme), 10);
    assert_string_equal(snplp_module_id(snplp_theme_module_at(c.theme, 9)), "m13");
    snplp_referential_unref(c.ref);
}

typedef struct move_ctx {
    snplp_module *module;
    snplp_theme *from, *to;
    const char *target;
    const char *old_id;
    size_t from_count, to_count;
} move_ctx;

static int step_move(void *p)
{
    move_ctx *c = p;
    return snplp_module_set_theme_id(c->module, c->target);
}

static void check_move(void *p)
{
    move_ctx *c = p;
    assert_string_equal(snplp_module_theme_id(c->module), c->old_id);
    assert_ptr_equal(snplp_module_theme(c->module), c->from);
    assert_int_equal(snplp_theme_module_count(c->from), c->from_count);
    assert_int_equal(snplp_theme_module_count(c->to), c->to_count);
    bool listed = false;
    for (size_t i = 0; i < c->from_count; i++)
        listed |= snplp_theme_module_at(c->from, i) == c->module;
    assert_true(listed);
    for (size_t i = 0; i < c->to_count; i++)
        assert_ptr_not_equal(snplp_theme_module_at(c->to, i), c->module);
}

static void module_set_theme_id_oom(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *a = NULL, *b = NULL;
    assert_ok(snplp_referential_add_theme(&a, ref, "a", "A"));
    assert_ok(snplp_referential_add_theme(&b, ref, "b", "B"));
    snplp_module *m[6];
    char id[8];
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "m%d", i);
        m[i] = new_module(ref, i == 2 || i == 3 ? "a" : "b", id);
    }
    /* b is full (4 of 4): moving m2 in makes its view grow; then m3 goes in with room. */
    for (int i = 2; i <= 3; i++) {
        move_ctx c = {
            m[i], a, b, "b", "a", snplp_theme_module_count(a), snplp_theme_module_count(b)};
        assert_true(test_oom_sweep(step_move, check_move, &c) > 0);
        assert_ptr_equal(snplp_module_theme(m[i]), b);
        assert_int_equal(snplp_theme_module_count(a), c.from_count - 1);
        assert_int_equal(snplp_theme_module_count(b), c.to_count + 1);
    }
    for (int i = 0; i < 6; i++)
        assert_ptr_equal(snplp_theme_module_at(b, (size_t)i), m[i]);
    assert_int_equal(snplp_theme_module_count(a), 0);
    /* To a theme that does not exist: only the id is copied. */
    move_ctx c = {m[0], b, a, "zz", "b", 6, 0};
    assert_int_equal(test_oom_sweep(step_move, check_move, &c), 1);
    assert_string_equal(snplp_module_theme_id(m[0]), "zz");
    assert_null(snplp_module_theme(m[0]));
    assert_int_equal(snplp_theme_module_count(b), 5);
    snplp_referential_unref(ref);
}

typedef struct link_ctx {
    snplp_module *module;
    int (*add)(snplp_module *, const char *);
    size_t (*count)(const snplp_module *);
    const char *(*at)(const snplp_module *, size_t);
    const char *id;
    size_t before;
} link_ctx;

static int step_add_link(void *p)
{
    link_ctx *c = p;
    return c->add(c->module, c->id);
}

static void check_add_link(void *p)
{
    link_ctx *c = p;
    assert_int_equal(c->count(c->module), c->before);
    assert_null(c->at(c->module, c->before));
    for (size_t i = 0; i < c->before; i++)
        assert_string_not_equal(c->at(c->module, i), c->id);
}

static void module_links_oom(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_module *m = new_module(ref, "t", "m");
    char id[8];
    for (size_t l = 0; l < COUNT_OF(id_lists); l++) {
        /* Into an empty list, with room, and when the list grows (4 -> 8). */
        for (int i = 0; i < 6; i++) {
            snprintf(id, sizeof id, "id%d", i);
            link_ctx c = {m,  id_lists[l].add,     id_lists[l].count, id_lists[l].at,
                          id, id_lists[l].count(m)};
            assert_true(test_oom_sweep(step_add_link, check_add_link, &c) > 0);
            assert_int_equal(id_lists[l].count(m), c.before + 1);
            assert_string_equal(id_lists[l].at(m, c.before), id);
        }
    }
    snplp_referential_unref(ref);
}

typedef struct child_ctx {
    snplp_referential *ref;
    snplp_module *module;
    bool recommendation;
    const char *id;
    size_t before, items;
    void *out;
} child_ctx;

static int step_add_child(void *p)
{
    child_ctx *c = p;
    if (c->recommendation)
        return snplp_module_add_recommendation((snplp_recommendation **)&c->out, c->module, c->id,
                                               "Mise en situation a\xcc\x80 partir de cas");
    return snplp_module_add_competence((snplp_competence **)&c->out, c->module, c->id,
                                       "Comp\xc3\xa9tence");
}

static void check_add_child(void *p)
{
    child_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(c->recommendation ? snplp_module_recommendation_count(c->module)
                                       : snplp_module_competence_count(c->module),
                     c->before);
    assert_int_equal(snplp_referential_item_count(c->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->ref, c->id), SNPLP_KIND_NONE);
}

static void module_add_children_oom(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_module *m = new_module(ref, "t", "m");
    /* Into empty lists, with room, and when they grow (4 -> 8). */
    char id[32];
    for (int i = 0; i < 12; i++) {
        int r = i % 2;
        snprintf(id, sizeof id, "%c%d", r ? 'r' : 'c', i / 2);
        child_ctx c = {ref,
                       m,
                       r == 1,
                       id,
                       r ? snplp_module_recommendation_count(m) : snplp_module_competence_count(m),
                       snplp_referential_item_count(ref),
                       NULL};
        assert_true(test_oom_sweep(step_add_child, check_add_child, &c) > 0);
        assert_non_null(c.out);
        assert_int_equal(snplp_referential_kind_of(ref, c.id),
                         r ? SNPLP_KIND_RECOMMENDATION : SNPLP_KIND_COMPETENCE);
    }
    assert_int_equal(snplp_module_competence_count(m), 6);
    assert_int_equal(snplp_module_recommendation_count(m), 6);
    assert_string_equal(snplp_recommendation_text(snplp_module_recommendation_at(m, 5)),
                        "Mise en situation \xc3\xa0 partir de cas");
    assert_ptr_equal(snplp_competence_module(snplp_module_competence_at(m, 5)), m);
    snplp_referential_unref(ref);
}

/* ---- deep equality ---- */

static snplp_referential *build(void)
{
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_theme(NULL, ref, "t", "T"));
    snplp_module *m = new_module(ref, "t", "m");
    assert_ok(snplp_module_set_subtitle(m, "Sous-titre"));
    assert_ok(snplp_module_set_audience(m, "Public"));
    assert_ok(snplp_module_set_role(m, "R\xc3\xb4le"));
    assert_ok(snplp_module_set_duration_days(m, 2));
    assert_ok(snplp_module_add_prerequisite(m, "p1"));
    assert_ok(snplp_module_add_prerequisite(m, "p2"));
    assert_ok(snplp_module_add_profession(m, "ass"));
    assert_ok(snplp_module_add_competence(NULL, m, "c", "C"));
    assert_ok(snplp_module_add_recommendation(NULL, m, "r", "R"));
    return ref;
}

static void module_equality_sees_each_field(void **state)
{
    (void)state;
    snplp_referential *a = build();
    for (int change = 0; change < 14; change++) {
        snplp_referential *b = build();
        assert_true(snplp_referential_equal(a, b));
        snplp_module *m = snplp_referential_module_find(b, "m");
        switch (change) {
        case 0:
            assert_ok(snplp_module_set_level(m, SNPLP_LEVEL_EXPERT));
            break;
        case 1:
            assert_ok(snplp_module_set_title(m, "Autre"));
            break;
        case 2:
            assert_ok(snplp_module_set_subtitle(m, NULL));
            break;
        case 3:
            assert_ok(snplp_module_set_audience(m, "Autre public"));
            break;
        case 4:
            assert_ok(snplp_module_set_role(m, "Role"));
            break;
        case 5:
            assert_ok(snplp_module_set_duration_days(m, 2.5));
            break;
        case 6:
            assert_ok(snplp_module_clear_duration(m));
            break;
        case 7: /* same prerequisites, another order */
            assert_ok(snplp_module_remove_prerequisite(m, "p1"));
            assert_ok(snplp_module_add_prerequisite(m, "p1"));
            break;
        case 8:
            assert_ok(snplp_module_remove_prerequisite(m, "p2"));
            break;
        case 9:
            assert_ok(snplp_module_add_profession(m, "es"));
            break;
        case 10:
            assert_ok(snplp_module_set_theme_id(m, "t2"));
            break;
        case 11:
            assert_ok(snplp_competence_set_title(snplp_module_competence_at(m, 0), "D"));
            break;
        case 12:
            assert_ok(snplp_module_add_recommendation(NULL, m, "r2", "R"));
            break;
        case 13: /* a profession link is not a prerequisite */
            assert_ok(snplp_module_remove_profession(m, "ass"));
            assert_ok(snplp_module_add_prerequisite(m, "ass"));
            break;
        }
        assert_false(snplp_referential_equal(a, b));
        assert_false(snplp_referential_equal(b, a));
        snplp_referential_unref(b);
    }
    /* Undoing a change makes them equal again. */
    snplp_referential *b = build();
    snplp_module *m = snplp_referential_module_find(b, "m");
    assert_ok(snplp_module_set_theme_id(m, "t2"));
    assert_ok(snplp_module_set_theme_id(m, "t"));
    assert_ok(snplp_module_set_level(m, SNPLP_LEVEL_EXPERT));
    assert_ok(snplp_module_set_level(m, SNPLP_LEVEL_FUNDAMENTALS));
    assert_ok(snplp_module_clear_duration(m));
    assert_ok(snplp_module_set_duration_days(m, 2));
    assert_true(snplp_referential_equal(a, b));
    snplp_referential_unref(b);
    snplp_referential_unref(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(level_names),
        cmocka_unit_test(module_basic_fields),
        cmocka_unit_test(module_duration),
        cmocka_unit_test(module_add_errors),
        cmocka_unit_test(module_theme_by_id),
        cmocka_unit_test(module_set_theme_id_keeps_order),
        cmocka_unit_test(module_id_lists),
        cmocka_unit_test(module_competences_and_recommendations),
        cmocka_unit_test(module_null_and_wrong_kind),
        cmocka_unit_test(module_setters_oom),
        cmocka_unit_test(module_add_oom),
        cmocka_unit_test(module_set_theme_id_oom),
        cmocka_unit_test(module_links_oom),
        cmocka_unit_test(module_add_children_oom),
        cmocka_unit_test(module_equality_sees_each_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
