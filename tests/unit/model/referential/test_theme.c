/* Tests of theme.h: fields, labels, objectives, outcomes and recommendations of a theme, and
 * its view of the modules that name it (in the referential's insertion order, whether the
 * module or the theme came first). */
#include "test_util.h"

#include <stdio.h>

/* Malformed ids (a 257-byte one is built where needed). */
static const char *const bad_ids[] = {"",    "1abc", "-abc", ".abc",
                                      "a b", "a/b",  "a:b",  "caf\xc3\xa9"};
/* Text libsnplp refuses: invalid UTF-8, a cut sequence, a lone surrogate, C0 control, U+FFFE. */

/* ---- fields ---- */

static void theme_basic_fields(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "th-acces", "Accès aux droits"));
    assert_non_null(theme);
    assert_ptr_equal(snplp_referential_theme_find(ref, "th-acces"), theme);
    assert_int_equal(snplp_referential_kind_of(ref, "th-acces"), SNPLP_KIND_THEME);
    assert_string_equal(snplp_theme_id(theme), "th-acces");
    assert_ptr_equal(snplp_theme_referential(theme), ref);
    assert_string_equal(snplp_theme_title(theme), "Accès aux droits");
    assert_null(snplp_theme_description(theme));
    assert_int_equal(snplp_theme_label_count(theme), 0);
    assert_int_equal(snplp_theme_objective_count(theme), 0);
    assert_int_equal(snplp_theme_outcome_count(theme), 0);
    assert_int_equal(snplp_theme_recommendation_count(theme), 0);
    assert_int_equal(snplp_theme_module_count(theme), 0);
    assert_null(snplp_theme_module_at(theme, 0));

    /* Texts are NFC-normalized: e + combining acute becomes é. */
    assert_ok(snplp_theme_set_title(theme, "Acce\xcc\x80s"));
    assert_string_equal(snplp_theme_title(theme), "Acc\xc3\xa8s");
    assert_ok(snplp_theme_set_description(theme, "Le paragraphe."));
    assert_string_equal(snplp_theme_description(theme), "Le paragraphe.");
    assert_ok(snplp_theme_set_description(theme, NULL));
    assert_null(snplp_theme_description(theme));
    assert_ok(snplp_theme_set_description(theme, ""));
    assert_string_equal(snplp_theme_description(theme), "");

    /* The title is required: NULL is refused and the old title stays. */
    assert_status(snplp_theme_set_title(theme, NULL), SNPLP_EINVAL);
    assert_string_equal(snplp_theme_title(theme), "Acc\xc3\xa8s");
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_status(snplp_theme_set_title(theme, test_bad_texts[i]), SNPLP_EENCODING);
        assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
        assert_status(snplp_theme_set_description(theme, test_bad_texts[i]), SNPLP_EENCODING);
    }
    assert_string_equal(snplp_theme_title(theme), "Acc\xc3\xa8s");
    assert_string_equal(snplp_theme_description(theme), "");
    snplp_referential_unref(ref);
}

static void theme_labels(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "Thème"));
    assert_ok(snplp_theme_add_label(theme, "premier accueil"));
    assert_ok(snplp_theme_add_label(theme, "accueil social inconditionnel"));
    assert_ok(snplp_theme_add_label(theme, "premier accueil")); /* labels may repeat */
    assert_ok(snplp_theme_add_label(theme, "a\xcc\x80 nouveau"));
    assert_int_equal(snplp_theme_label_count(theme), 4);
    assert_string_equal(snplp_theme_label_at(theme, 0), "premier accueil");
    assert_string_equal(snplp_theme_label_at(theme, 1), "accueil social inconditionnel");
    assert_string_equal(snplp_theme_label_at(theme, 2), "premier accueil");
    assert_string_equal(snplp_theme_label_at(theme, 3), "\xc3\xa0 nouveau");
    assert_null(snplp_theme_label_at(theme, 4));
    assert_null(snplp_theme_label_at(theme, SIZE_MAX));

    assert_status(snplp_theme_add_label(theme, NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_status(snplp_theme_add_label(theme, test_bad_texts[i]), SNPLP_EENCODING);
    assert_int_equal(snplp_theme_label_count(theme), 4);
    snplp_referential_unref(ref);
}

/* The adders of a theme's owned items, to run the same checks on each. */
typedef int (*theme_adder)(void **out, snplp_theme *theme, const char *id, const char *text);
static int add_objective(void **out, snplp_theme *theme, const char *id, const char *text)
{
    return snplp_theme_add_objective((snplp_objective **)out, theme, id, text);
}
static int add_outcome(void **out, snplp_theme *theme, const char *id, const char *text)
{
    return snplp_theme_add_outcome((snplp_outcome **)out, theme, id, text);
}
static int add_recommendation(void **out, snplp_theme *theme, const char *id, const char *text)
{
    return snplp_theme_add_recommendation((snplp_recommendation **)out, theme, id, text);
}

static void theme_objectives_outcomes_recommendations(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "Thème"));
    snplp_objective *o1 = NULL, *o2 = NULL;
    assert_ok(snplp_theme_add_objective(&o1, theme, "obj1", "Connaître les droits"));
    assert_ok(snplp_theme_add_objective(&o2, theme, "obj2", "Orienter"));
    assert_ok(snplp_theme_add_objective(NULL, theme, "obj3", "Out may be NULL"));
    assert_int_equal(snplp_theme_objective_count(theme), 3);
    assert_ptr_equal(snplp_theme_objective_at(theme, 0), o1);
    assert_ptr_equal(snplp_theme_objective_at(theme, 1), o2);
    assert_ptr_equal(snplp_theme_objective_at(theme, 2),
                     snplp_referential_objective_find(ref, "obj3"));
    assert_null(snplp_theme_objective_at(theme, 3));
    assert_string_equal(snplp_objective_text(o2), "Orienter");

    snplp_outcome *u1 = NULL;
    assert_ok(snplp_theme_add_outcome(&u1, theme, "out1", "Savoir accueillir"));
    assert_int_equal(snplp_theme_outcome_count(theme), 1);
    assert_ptr_equal(snplp_theme_outcome_at(theme, 0), u1);
    assert_null(snplp_theme_outcome_at(theme, 1));
    assert_ptr_equal(snplp_referential_outcome_find(ref, "out1"), u1);

    snplp_recommendation *r1 = NULL, *r2 = NULL;
    assert_ok(snplp_theme_add_recommendation(&r1, theme, "rec1", "Pairs aidants"));
    assert_ok(snplp_theme_add_recommendation(&r2, theme, "rec2", "Analyse de pratiques"));
    assert_int_equal(snplp_theme_recommendation_count(theme), 2);
    assert_ptr_equal(snplp_theme_recommendation_at(theme, 0), r1);
    assert_ptr_equal(snplp_theme_recommendation_at(theme, 1), r2);
    assert_null(snplp_theme_recommendation_at(theme, 2));
    assert_ptr_equal(snplp_referential_recommendation_find(ref, "rec2"), r2);
    assert_int_equal(snplp_referential_kind_of(ref, "rec2"), SNPLP_KIND_RECOMMENDATION);
    snplp_referential_unref(ref);
}

static void theme_add_child_errors(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "Thème"));
    assert_ok(snplp_referential_add_module(NULL, ref, "t", "m", SNPLP_LEVEL_FUNDAMENTALS, "M"));
    assert_ok(snplp_referential_add_plan(NULL, ref, "p", "Plan"));
    assert_ok(snplp_theme_add_objective(NULL, theme, "o", "O"));
    char long_id[SNPLP_ID_MAX + 2];
    test_long_id(long_id, SNPLP_ID_MAX + 1);

    const theme_adder adders[] = {add_objective, add_outcome, add_recommendation};
    /* Ids already used by an item of any kind, nested or not. */
    const char *const used[] = {"t", "m", "p", "o", "strategy", "training-plan"};
    for (size_t a = 0; a < COUNT_OF(adders); a++) {
        size_t before = snplp_referential_item_count(ref);
        void *out = (void *)&out;
        assert_status(adders[a](&out, NULL, "x", "X"), SNPLP_EINVAL);
        assert_status(adders[a](&out,
                                (snplp_theme *)(void *)snplp_referential_module_find(ref, "m"), "x",
                                "X"),
                      SNPLP_EINVAL);
        assert_status(adders[a](&out, theme, NULL, "X"), SNPLP_EINVAL);
        assert_status(adders[a](&out, theme, "x", NULL), SNPLP_EINVAL);
        for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
            assert_status(adders[a](&out, theme, bad_ids[i], "X"), SNPLP_EBADID);
        assert_status(adders[a](&out, theme, long_id, "X"), SNPLP_EBADID);
        for (size_t i = 0; i < COUNT_OF(used); i++) {
            assert_status(adders[a](&out, theme, used[i], "X"), SNPLP_EEXISTS);
            assert_int_equal(snplp_error_last_code(), SNPLP_EEXISTS);
        }
        for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
            assert_status(adders[a](&out, theme, "x", test_bad_texts[i]), SNPLP_EENCODING);
        assert_ptr_equal(out, (void *)&out); /* out untouched on failure */
        assert_int_equal(snplp_referential_item_count(ref), before);
        assert_int_equal(snplp_referential_kind_of(ref, "x"), SNPLP_KIND_NONE);
    }
    assert_int_equal(snplp_theme_objective_count(theme), 1);
    assert_int_equal(snplp_theme_outcome_count(theme), 0);
    assert_int_equal(snplp_theme_recommendation_count(theme), 0);

    /* The longest id is accepted. */
    test_long_id(long_id, SNPLP_ID_MAX);
    assert_ok(snplp_theme_add_outcome(NULL, theme, long_id, "X"));
    assert_int_equal(snplp_referential_kind_of(ref, long_id), SNPLP_KIND_OUTCOME);
    snplp_referential_unref(ref);
}

static void theme_null_and_wrong_kind(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_plan *plan = NULL;
    assert_ok(snplp_referential_add_plan(&plan, ref, "p", "Plan"));
    assert_ok(snplp_plan_add_label(plan, "label"));
    snplp_module *module = NULL;
    assert_ok(snplp_referential_add_module(&module, ref, "t", "m", SNPLP_LEVEL_EXPERT, "M"));
    size_t items = snplp_referential_item_count(ref);

    /* A plan has a title, a description and labels: none of it is reached as a theme's. */
    snplp_theme *const objects[] = {NULL, (snplp_theme *)(void *)plan,
                                    (snplp_theme *)(void *)module};
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_theme *x = objects[i];
        assert_null(snplp_theme_id(x));
        assert_null(snplp_theme_referential(x));
        assert_null(snplp_theme_title(x));
        assert_null(snplp_theme_description(x));
        assert_int_equal(snplp_theme_label_count(x), 0);
        assert_null(snplp_theme_label_at(x, 0));
        assert_int_equal(snplp_theme_objective_count(x), 0);
        assert_null(snplp_theme_objective_at(x, 0));
        assert_int_equal(snplp_theme_outcome_count(x), 0);
        assert_null(snplp_theme_outcome_at(x, 0));
        assert_int_equal(snplp_theme_recommendation_count(x), 0);
        assert_null(snplp_theme_recommendation_at(x, 0));
        assert_int_equal(snplp_theme_module_count(x), 0);
        assert_null(snplp_theme_module_at(x, 0));
        assert_status(snplp_theme_set_title(x, "T"), SNPLP_EINVAL);
        assert_status(snplp_theme_set_description(x, "D"), SNPLP_EINVAL);
        assert_status(snplp_theme_set_description(x, NULL), SNPLP_EINVAL);
        assert_status(snplp_theme_add_label(x, "L"), SNPLP_EINVAL);
        assert_status(snplp_theme_add_objective(NULL, x, "x", "X"), SNPLP_EINVAL);
        assert_status(snplp_theme_add_outcome(NULL, x, "x", "X"), SNPLP_EINVAL);
        assert_status(snplp_theme_add_recommendation(NULL, x, "x", "X"), SNPLP_EINVAL);
        assert_status(snplp_theme_add_module(NULL, x, "x", SNPLP_LEVEL_EXPERT, "X"), SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    }
    assert_string_equal(snplp_plan_title(plan), "Plan");
    assert_null(snplp_plan_description(plan));
    assert_int_equal(snplp_plan_label_count(plan), 1);
    assert_string_equal(snplp_module_title(module), "M");
    assert_int_equal(snplp_referential_item_count(ref), items);
    snplp_referential_unref(ref);
}

/* ---- modules ---- */

static void theme_add_module_is_referential_add_module(void **state)
{
    (void)state;
    snplp_referential *a = test_new_referential();
    snplp_referential *b = test_new_referential();
    snplp_theme *ta = NULL, *tb = NULL;
    assert_ok(snplp_referential_add_theme(&ta, a, "t", "Thème"));
    assert_ok(snplp_referential_add_theme(&tb, b, "t", "Thème"));
    snplp_module *ma = NULL, *mb = NULL;
    assert_ok(snplp_theme_add_module(&ma, ta, "m1", SNPLP_LEVEL_FUNDAMENTALS, "Fondamentaux"));
    assert_ok(
        snplp_referential_add_module(&mb, b, "t", "m1", SNPLP_LEVEL_FUNDAMENTALS, "Fondamentaux"));
    assert_ok(snplp_theme_add_module(NULL, ta, "m2", SNPLP_LEVEL_EXPERT, "Expert"));
    assert_ok(snplp_referential_add_module(NULL, b, "t", "m2", SNPLP_LEVEL_EXPERT, "Expert"));
    assert_true(snplp_referential_equal(a, b));

    assert_string_equal(snplp_module_theme_id(ma), "t");
    assert_ptr_equal(snplp_module_theme(ma), ta);
    assert_int_equal(snplp_module_level(ma), SNPLP_LEVEL_FUNDAMENTALS);
    assert_string_equal(snplp_module_title(ma), "Fondamentaux");
    assert_int_equal(snplp_theme_module_count(ta), 2);
    assert_ptr_equal(snplp_theme_module_at(ta, 0), ma);
    assert_ptr_equal(snplp_theme_module_at(ta, 1), snplp_referential_module_find(a, "m2"));
    assert_int_equal(snplp_referential_module_count(a), 2);

    /* Same errors as snplp_referential_add_module(). */
    char long_id[SNPLP_ID_MAX + 2];
    test_long_id(long_id, SNPLP_ID_MAX + 1);
    snplp_module *out = ma;
    assert_status(snplp_theme_add_module(&out, ta, NULL, SNPLP_LEVEL_EXPERT, "X"), SNPLP_EINVAL);
    assert_status(snplp_theme_add_module(&out, ta, "x", SNPLP_LEVEL_EXPERT, NULL), SNPLP_EINVAL);
    assert_status(snplp_theme_add_module(&out, ta, "x", (snplp_level)0, "X"), SNPLP_EINVAL);
    assert_status(snplp_theme_add_module(&out, ta, "x", (snplp_level)3, "X"), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_status(snplp_theme_add_module(&out, ta, bad_ids[i], SNPLP_LEVEL_EXPERT, "X"),
                      SNPLP_EBADID);
    assert_status(snplp_theme_add_module(&out, ta, long_id, SNPLP_LEVEL_EXPERT, "X"), SNPLP_EBADID);
    assert_status(snplp_theme_add_module(&out, ta, "m1", SNPLP_LEVEL_EXPERT, "X"), SNPLP_EEXISTS);
    assert_status(snplp_theme_add_module(&out, ta, "t", SNPLP_LEVEL_EXPERT, "X"), SNPLP_EEXISTS);
    assert_status(snplp_theme_add_module(&out, ta, "strategy", SNPLP_LEVEL_EXPERT, "X"),
                  SNPLP_EEXISTS);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_status(snplp_theme_add_module(&out, ta, "x", SNPLP_LEVEL_EXPERT, test_bad_texts[i]),
                      SNPLP_EENCODING);
    assert_ptr_equal(out, ma);
    assert_int_equal(snplp_theme_module_count(ta), 2);
    assert_int_equal(snplp_referential_module_count(a), 2);
    assert_int_equal(snplp_referential_kind_of(a, "x"), SNPLP_KIND_NONE);
    assert_true(snplp_referential_equal(a, b));
    snplp_referential_unref(a);
    snplp_referential_unref(b);
}

/* Asserts that theme lists exactly the modules with the given ids, in that order. */
static void assert_theme_modules(const snplp_theme *theme, const char *const *ids, size_t n)
{
    assert_int_equal(snplp_theme_module_count(theme), n);
    for (size_t i = 0; i < n; i++) {
        const snplp_module *m = snplp_theme_module_at(theme, i);
        assert_non_null(m);
        assert_string_equal(snplp_module_id(m), ids[i]);
        assert_ptr_equal(snplp_module_theme(m), theme);
    }
    assert_null(snplp_theme_module_at(theme, n));
}

static void theme_modules_in_insertion_order(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    /* Modules of two themes, interleaved, some added before their theme exists. */
    assert_ok(snplp_referential_add_module(NULL, ref, "tb", "m1", SNPLP_LEVEL_EXPERT, "M1"));
    assert_ok(snplp_referential_add_module(NULL, ref, "ta", "m2", SNPLP_LEVEL_EXPERT, "M2"));
    assert_ok(snplp_referential_add_module(NULL, ref, "tb", "m3", SNPLP_LEVEL_EXPERT, "M3"));
    assert_null(snplp_module_theme(snplp_referential_module_find(ref, "m1")));

    snplp_theme *ta = NULL, *tb = NULL;
    assert_ok(snplp_referential_add_theme(&ta, ref, "ta", "A"));
    assert_theme_modules(ta, (const char *const[]){"m2"}, 1);
    assert_ok(snplp_referential_add_module(NULL, ref, "tb", "m4", SNPLP_LEVEL_EXPERT, "M4"));
    assert_ok(snplp_theme_add_module(NULL, ta, "m5", SNPLP_LEVEL_EXPERT, "M5"));
    assert_ok(snplp_referential_add_module(NULL, ref, "tc", "m6", SNPLP_LEVEL_EXPERT, "M6"));
    assert_theme_modules(ta, (const char *const[]){"m2", "m5"}, 2);

    /* The theme added last lists the modules that named it before, in their order. */
    assert_ok(snplp_referential_add_theme(&tb, ref, "tb", "B"));
    assert_theme_modules(tb, (const char *const[]){"m1", "m3", "m4"}, 3);
    assert_ok(snplp_theme_add_module(NULL, tb, "m7", SNPLP_LEVEL_EXPERT, "M7"));
    assert_theme_modules(tb, (const char *const[]){"m1", "m3", "m4", "m7"}, 4);
    assert_theme_modules(ta, (const char *const[]){"m2", "m5"}, 2);
    assert_int_equal(snplp_referential_module_count(ref), 7);
    assert_null(snplp_module_theme(snplp_referential_module_find(ref, "m6")));

    /* Many modules: the view grows past its first capacity and stays in order. */
    char id[32];
    for (int i = 0; i < 40; i++) {
        snprintf(id, sizeof id, "x%02d", i);
        assert_ok(snplp_referential_add_module(NULL, ref, i % 3 ? "ta" : "tc", id,
                                               SNPLP_LEVEL_EXPERT, "X"));
    }
    snplp_theme *tc = NULL;
    assert_ok(snplp_referential_add_theme(&tc, ref, "tc", "C"));
    assert_int_equal(snplp_theme_module_count(ta), 2 + 26);
    assert_int_equal(snplp_theme_module_count(tc), 1 + 14);
    assert_string_equal(snplp_module_id(snplp_theme_module_at(tc, 0)), "m6");
    for (size_t i = 1; i < snplp_theme_module_count(tc); i++) {
        snprintf(id, sizeof id, "x%02d", (int)(i - 1) * 3);
        assert_string_equal(snplp_module_id(snplp_theme_module_at(tc, i)), id);
    }
    for (size_t i = 2; i < snplp_theme_module_count(ta); i++) {
        int n = (int)(i - 2);
        snprintf(id, sizeof id, "x%02d", n / 2 * 3 + 1 + n % 2);
        assert_string_equal(snplp_module_id(snplp_theme_module_at(ta, i)), id);
    }
    snplp_referential_unref(ref);
}

static void theme_modules_follow_moves(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *ta = NULL, *tb = NULL;
    assert_ok(snplp_referential_add_theme(&ta, ref, "ta", "A"));
    assert_ok(snplp_referential_add_theme(&tb, ref, "tb", "B"));
    snplp_module *m[5];
    const char *const ids[] = {"m1", "m2", "m3", "m4", "m5"};
    for (int i = 0; i < 5; i++)
        assert_ok(snplp_referential_add_module(&m[i], ref, i % 2 ? "tb" : "ta", ids[i],
                                               SNPLP_LEVEL_EXPERT, "M"));
    assert_theme_modules(ta, (const char *const[]){"m1", "m3", "m5"}, 3);
    assert_theme_modules(tb, (const char *const[]){"m2", "m4"}, 2);

    assert_ok(snplp_module_set_theme_id(m[3], "ta")); /* m4 lands between m3 and m5 */
    assert_theme_modules(ta, (const char *const[]){"m1", "m3", "m4", "m5"}, 4);
    assert_theme_modules(tb, (const char *const[]){"m2"}, 1);
    assert_ok(snplp_module_set_theme_id(m[0], "tb")); /* m1 lands before m2 */
    assert_theme_modules(ta, (const char *const[]){"m3", "m4", "m5"}, 3);
    assert_theme_modules(tb, (const char *const[]){"m1", "m2"}, 2);
    assert_ok(snplp_module_set_theme_id(m[4], "tb")); /* m5 lands last */
    assert_theme_modules(tb, (const char *const[]){"m1", "m2", "m5"}, 3);
    assert_theme_modules(ta, (const char *const[]){"m3", "m4"}, 2);
    assert_ok(snplp_module_set_theme_id(m[2], "tz")); /* to a theme not there yet */
    assert_theme_modules(ta, (const char *const[]){"m4"}, 1);
    assert_ok(snplp_module_set_theme_id(m[3], "tz"));
    assert_theme_modules(ta, NULL, 0);

    snplp_theme *tz = NULL;
    assert_ok(snplp_referential_add_theme(&tz, ref, "tz", "Z"));
    assert_theme_modules(tz, (const char *const[]){"m3", "m4"}, 2);
    assert_ok(snplp_module_set_theme_id(m[1], "tz"));
    assert_theme_modules(tz, (const char *const[]){"m2", "m3", "m4"}, 2 + 1);
    assert_theme_modules(tb, (const char *const[]){"m1", "m5"}, 2);
    assert_ok(snplp_module_set_theme_id(m[1], "tz")); /* unchanged: no-op */
    assert_theme_modules(tz, (const char *const[]){"m2", "m3", "m4"}, 3);

    /* Back to the start. */
    for (int i = 0; i < 5; i++)
        assert_ok(snplp_module_set_theme_id(m[i], i % 2 ? "tb" : "ta"));
    assert_theme_modules(ta, (const char *const[]){"m1", "m3", "m5"}, 3);
    assert_theme_modules(tb, (const char *const[]){"m2", "m4"}, 2);
    assert_theme_modules(tz, NULL, 0);
    for (int i = 0; i < 5; i++)
        assert_ptr_equal(snplp_referential_module_at(ref, (size_t)i), m[i]);
    snplp_referential_unref(ref);
}

/* ---- out of memory ---- */

typedef struct oom_ctx {
    snplp_referential *ref;
    snplp_theme *theme;
    snplp_module *modules[12];
    size_t nmodules;
    size_t count; /* the count before the step */
    size_t items;
} oom_ctx;

static int step_add_theme(void *p)
{
    oom_ctx *c = p;
    return snplp_referential_add_theme(&c->theme, c->ref, "tnew", "Nouveau th\xc3\xa8me");
}

static void check_add_theme(void *p)
{
    oom_ctx *c = p;
    assert_null(c->theme);
    assert_int_equal(snplp_referential_theme_count(c->ref), c->count);
    assert_int_equal(snplp_referential_item_count(c->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->ref, "tnew"), SNPLP_KIND_NONE);
    assert_null(snplp_referential_theme_find(c->ref, "tnew"));
    for (size_t i = 0; i < c->nmodules; i++) {
        assert_null(snplp_module_theme(c->modules[i]));
        assert_string_equal(snplp_module_theme_id(c->modules[i]), "tnew");
    }
}

static void theme_add_oom_adopts_modules(void **state)
{
    (void)state;
    oom_ctx c = {.ref = test_new_referential()};
    c.nmodules = 9; /* the view needs three allocations (4, 8, 16) */
    char id[32];
    for (size_t i = 0; i < c.nmodules; i++) {
        snprintf(id, sizeof id, "m%zu", i);
        assert_ok(snplp_referential_add_module(&c.modules[i], c.ref, "tnew", id,
                                               SNPLP_LEVEL_FUNDAMENTALS, "M"));
        id[0] = 'n'; /* interleaved modules of another theme are not adopted */
        assert_ok(snplp_referential_add_module(NULL, c.ref, "t0", id, SNPLP_LEVEL_EXPERT, "N"));
    }
    /* The first theme: the list of themes grows too. */
    c.count = snplp_referential_theme_count(c.ref);
    c.items = snplp_referential_item_count(c.ref);
    assert_int_equal(c.count, 0);
    assert_true(test_oom_sweep(step_add_theme, check_add_theme, &c) > 0);
    assert_non_null(c.theme);
    assert_int_equal(snplp_referential_theme_count(c.ref), c.count + 1);
    assert_ptr_equal(snplp_referential_theme_at(c.ref, c.count), c.theme);
    assert_int_equal(snplp_referential_kind_of(c.ref, "tnew"), SNPLP_KIND_THEME);
    assert_int_equal(snplp_theme_module_count(c.theme), c.nmodules);
    for (size_t i = 0; i < c.nmodules; i++) {
        assert_ptr_equal(snplp_theme_module_at(c.theme, i), c.modules[i]);
        assert_ptr_equal(snplp_module_theme(c.modules[i]), c.theme);
    }

    /* A second theme, adopting the other modules; the first theme's view does not change. */
    snplp_theme *t0 = NULL;
    assert_ok(snplp_referential_add_theme(&t0, c.ref, "t0", "T0"));
    assert_int_equal(snplp_theme_module_count(t0), c.nmodules);
    assert_string_equal(snplp_module_id(snplp_theme_module_at(t0, 8)), "n8");
    assert_int_equal(snplp_theme_module_count(c.theme), c.nmodules);
    snplp_referential_unref(c.ref);
}

/* A text that allocates the most: not NFC and longer than ICU's stack buffers. */
static char long_text[1000];
static const char *long_nfd_text(void)
{
    size_t o = 0;
    for (int i = 0; i < 300; i++) {
        memcpy(long_text + o, "e\xcc\x81", 3);
        o += 3;
    }
    long_text[o] = '\0';
    return long_text;
}

typedef struct text_ctx {
    snplp_theme *theme;
    int (*set)(snplp_theme *, const char *);
    const char *(*get)(const snplp_theme *);
    const char *text;
    const char *old; /* a copy of the old value, or NULL */
} text_ctx;

static int step_set_text(void *p)
{
    text_ctx *c = p;
    return c->set(c->theme, c->text);
}

static void check_set_text(void *p)
{
    text_ctx *c = p;
    if (c->old)
        assert_string_equal(c->get(c->theme), c->old);
    else
        assert_null(c->get(c->theme));
}

static void theme_setters_oom(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "Ancien titre"));
    const char *texts[] = {"Nouveau titre", "Th\xc3\xa8me", long_nfd_text()};
    for (size_t i = 0; i < COUNT_OF(texts); i++) {
        char old[64];
        snprintf(old, sizeof old, "%s", snplp_theme_title(theme));
        text_ctx c = {theme, snplp_theme_set_title, snplp_theme_title, texts[i], old};
        assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
        assert_int_equal(strlen(snplp_theme_title(theme)), i < 2 ? strlen(texts[i]) : 600);
        assert_ok(snplp_theme_set_title(theme, "Ancien titre"));

        text_ctx d = {theme, snplp_theme_set_description, snplp_theme_description, texts[i], NULL};
        assert_true(test_oom_sweep(step_set_text, check_set_text, &d) > 0);
        assert_non_null(snplp_theme_description(theme));
        d.old = "Ancienne description";
        assert_ok(snplp_theme_set_description(theme, d.old));
        assert_true(test_oom_sweep(step_set_text, check_set_text, &d) > 0);
        assert_ok(snplp_theme_set_description(theme, NULL));
    }
    /* Unsetting allocates nothing. */
    text_ctx u = {theme, snplp_theme_set_description, snplp_theme_description, NULL, NULL};
    assert_int_equal(test_oom_sweep(step_set_text, check_set_text, &u), 0);
    snplp_referential_unref(ref);
}

typedef struct label_ctx {
    snplp_theme *theme;
    const char *label;
    size_t count;
    const char *labels[16]; /* the labels before the step (they never move) */
} label_ctx;

static int step_add_label(void *p)
{
    label_ctx *c = p;
    return snplp_theme_add_label(c->theme, c->label);
}

static void check_add_label(void *p)
{
    label_ctx *c = p;
    assert_int_equal(snplp_theme_label_count(c->theme), c->count);
    assert_null(snplp_theme_label_at(c->theme, c->count));
    for (size_t i = 0; i < c->count; i++)
        assert_ptr_equal(snplp_theme_label_at(c->theme, i), c->labels[i]);
}

static void theme_add_label_oom(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "T"));
    /* Into an empty list, into a list with room, into a full list (4 -> 8). */
    const char *const labels[] = {long_nfd_text(), "a", "b", "c", "e\xcc\x81"};
    for (size_t n = 0; n < COUNT_OF(labels); n++) {
        label_ctx c = {.theme = theme, .label = labels[n], .count = n};
        for (size_t i = 0; i < n; i++)
            c.labels[i] = snplp_theme_label_at(theme, i);
        assert_true(test_oom_sweep(step_add_label, check_add_label, &c) > 0);
        assert_int_equal(snplp_theme_label_count(theme), n + 1);
    }
    assert_int_equal(strlen(snplp_theme_label_at(theme, 0)), 600);
    assert_string_equal(snplp_theme_label_at(theme, 4), "\xc3\xa9");
    snplp_referential_unref(ref);
}

typedef struct child_ctx {
    snplp_referential *ref;
    snplp_theme *theme;
    theme_adder add;
    size_t (*count)(const snplp_theme *);
    const char *id;
    const char *text;
    size_t before;
    size_t items;
    void *out;
} child_ctx;

static int step_add_child(void *p)
{
    child_ctx *c = p;
    return c->add(&c->out, c->theme, c->id, c->text);
}

static void check_add_child(void *p)
{
    child_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(c->count(c->theme), c->before);
    assert_int_equal(snplp_referential_item_count(c->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->ref, c->id), SNPLP_KIND_NONE);
}

static void theme_add_children_oom(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "T"));
    const theme_adder adders[] = {add_objective, add_outcome, add_recommendation};
    size_t (*const counts[])(const snplp_theme *) = {
        snplp_theme_objective_count, snplp_theme_outcome_count, snplp_theme_recommendation_count};
    const snplp_kind kinds[] = {SNPLP_KIND_OBJECTIVE, SNPLP_KIND_OUTCOME,
                                SNPLP_KIND_RECOMMENDATION};
    char id[32];
    for (size_t a = 0; a < COUNT_OF(adders); a++) {
        /* Into an empty list, with room, and when the list grows (4 -> 8). */
        const char *const texts[] = {"Texte",         "Connaissance \xc3\xa0 acqu\xc3\xa9rir",
                                     long_nfd_text(), "Quatre",
                                     "Cinq",          "Six"};
        for (size_t t = 0; t < COUNT_OF(texts); t++) {
            snprintf(id, sizeof id, "c%zu-%zu", a, t);
            child_ctx c = {ref, theme,    adders[a],        counts[a],
                           id,  texts[t], counts[a](theme), snplp_referential_item_count(ref),
                           NULL};
            assert_true(test_oom_sweep(step_add_child, check_add_child, &c) > 0);
            assert_non_null(c.out);
            assert_int_equal(counts[a](theme), c.before + 1);
            assert_int_equal(snplp_referential_kind_of(ref, id), kinds[a]);
        }
    }
    assert_string_equal(snplp_objective_text(snplp_theme_objective_at(theme, 1)),
                        "Connaissance \xc3\xa0 acqu\xc3\xa9rir");
    assert_int_equal(strlen(snplp_outcome_text(snplp_theme_outcome_at(theme, 2))), 600);
    assert_int_equal(snplp_theme_recommendation_count(theme), 6);
    snplp_referential_unref(ref);
}

typedef struct module_ctx {
    snplp_referential *ref;
    snplp_theme *theme;
    snplp_module *out;
    const char *id;
    size_t view;  /* the theme's modules before */
    size_t count; /* the referential's modules before */
    const snplp_module *last;
} module_ctx;

static int step_add_module(void *p)
{
    module_ctx *c = p;
    return snplp_theme_add_module(&c->out, c->theme, c->id, SNPLP_LEVEL_EXPERT, "Module");
}

static void check_add_module(void *p)
{
    module_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(snplp_theme_module_count(c->theme), c->view);
    assert_int_equal(snplp_referential_module_count(c->ref), c->count);
    assert_ptr_equal(c->view ? snplp_theme_module_at(c->theme, c->view - 1) : NULL, c->last);
    assert_null(snplp_theme_module_at(c->theme, c->view));
    assert_null(snplp_referential_module_at(c->ref, c->count));
    assert_int_equal(snplp_referential_kind_of(c->ref, c->id), SNPLP_KIND_NONE);
}

static void theme_add_module_oom(void **state)
{
    (void)state;
    module_ctx c = {.ref = test_new_referential()};
    assert_ok(snplp_referential_add_theme(&c.theme, c.ref, "t", "T"));
    /* Modules of the theme, some with modules of another theme in between, so that the
     * referential's list and the theme's view each grow, apart and at the same time. */
    char id[32];
    for (int i = 0; i < 12; i++) {
        if (i % 3 == 1) {
            snprintf(id, sizeof id, "x%d", i);
            assert_ok(snplp_referential_add_module(NULL, c.ref, "u", id, SNPLP_LEVEL_EXPERT, "X"));
        }
        snprintf(id, sizeof id, "m%d", i);
        c.id = id;
        c.view = snplp_theme_module_count(c.theme);
        c.count = snplp_referential_module_count(c.ref);
        c.last = c.view ? snplp_theme_module_at(c.theme, c.view - 1) : NULL;
        c.out = NULL;
        assert_true(test_oom_sweep(step_add_module, check_add_module, &c) > 0);
        assert_int_equal(snplp_theme_module_count(c.theme), c.view + 1);
        assert_ptr_equal(snplp_theme_module_at(c.theme, c.view), c.out);
        assert_ptr_equal(snplp_referential_module_at(c.ref, c.count), c.out);
        assert_ptr_equal(snplp_module_theme(c.out), c.theme);
    }
    assert_int_equal(snplp_referential_module_count(c.ref), 16);
    snplp_referential_unref(c.ref);
}

/* ---- deep equality ---- */

static snplp_referential *build(void)
{
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "Th\xc3\xa8me"));
    assert_ok(snplp_theme_set_description(theme, "Description"));
    assert_ok(snplp_theme_add_label(theme, "un"));
    assert_ok(snplp_theme_add_label(theme, "deux"));
    assert_ok(snplp_theme_add_objective(NULL, theme, "o", "Objectif"));
    assert_ok(snplp_theme_add_outcome(NULL, theme, "u", "Acquis"));
    assert_ok(snplp_theme_add_recommendation(NULL, theme, "r", "Recommandation"));
    assert_ok(snplp_theme_add_module(NULL, theme, "m", SNPLP_LEVEL_EXPERT, "Module"));
    return ref;
}

static void theme_equality_sees_each_field(void **state)
{
    (void)state;
    snplp_referential *a = build();
    snplp_theme *ta = snplp_referential_theme_find(a, "t");
    for (int change = 0; change < 7; change++) {
        snplp_referential *b = build();
        assert_true(snplp_referential_equal(a, b));
        assert_true(snplp_referential_equal(b, a));
        snplp_theme *tb = snplp_referential_theme_find(b, "t");
        switch (change) {
        case 0:
            assert_ok(snplp_theme_set_title(tb, "Theme"));
            break;
        case 1:
            assert_ok(snplp_theme_set_description(tb, NULL));
            break;
        case 2:
            assert_ok(snplp_theme_add_label(tb, "trois"));
            break;
        case 3: /* same labels, another order */
            snplp_referential_unref(b);
            b = test_new_referential();
            assert_ok(snplp_referential_add_theme(&tb, b, "t", "Th\xc3\xa8me"));
            assert_ok(snplp_theme_set_description(tb, "Description"));
            assert_ok(snplp_theme_add_label(tb, "deux"));
            assert_ok(snplp_theme_add_label(tb, "un"));
            assert_ok(snplp_theme_add_objective(NULL, tb, "o", "Objectif"));
            assert_ok(snplp_theme_add_outcome(NULL, tb, "u", "Acquis"));
            assert_ok(snplp_theme_add_recommendation(NULL, tb, "r", "Recommandation"));
            assert_ok(snplp_theme_add_module(NULL, tb, "m", SNPLP_LEVEL_EXPERT, "Module"));
            break;
        case 4:
            assert_ok(snplp_objective_set_text(snplp_theme_objective_at(tb, 0), "Autre"));
            break;
        case 5:
            assert_ok(snplp_theme_add_recommendation(NULL, tb, "r2", "Recommandation"));
            break;
        case 6: /* the module moves to another theme */
            assert_ok(snplp_module_set_theme_id(snplp_theme_module_at(tb, 0), "t2"));
            break;
        }
        assert_false(snplp_referential_equal(a, b));
        assert_false(snplp_referential_equal(b, a));
        snplp_referential_unref(b);
    }
    assert_non_null(ta);
    snplp_referential_unref(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(theme_basic_fields),
        cmocka_unit_test(theme_labels),
        cmocka_unit_test(theme_objectives_outcomes_recommendations),
        cmocka_unit_test(theme_add_child_errors),
        cmocka_unit_test(theme_null_and_wrong_kind),
        cmocka_unit_test(theme_add_module_is_referential_add_module),
        cmocka_unit_test(theme_modules_in_insertion_order),
        cmocka_unit_test(theme_modules_follow_moves),
        cmocka_unit_test(theme_add_oom_adopts_modules),
        cmocka_unit_test(theme_setters_oom),
        cmocka_unit_test(theme_add_label_oom),
        cmocka_unit_test(theme_add_children_oom),
        cmocka_unit_test(theme_add_module_oom),
        cmocka_unit_test(theme_equality_sees_each_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
