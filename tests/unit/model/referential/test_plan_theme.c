/* Tests of plan_theme.h: themes of another plan (e.g. « langage » for the « Enfance = égalité »
 * days), their title and their plan. */
#include "test_util.h"

#include <stdio.h>

static const char *const bad_ids[] = {"",    "1abc", "-abc", ".abc",
                                      "a b", "a/b",  "a:b",  "caf\xc3\xa9"};

typedef struct fixture {
    snplp_referential *ref;
    snplp_plan *plan;
} fixture;

static fixture make_fixture(void)
{
    fixture f = {.ref = test_new_referential()};
    assert_ok(
        snplp_referential_add_plan(&f.plan, f.ref, "journees", "Enfance = \xc3\xa9galit\xc3\xa9"));
    return f;
}

static void plan_theme_fields(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_plan_theme *t = NULL;
    assert_ok(snplp_plan_add_plan_theme(&t, f.plan, "langage", "Langage et e\xcc\x81veil"));
    assert_non_null(t);
    assert_string_equal(snplp_plan_theme_id(t), "langage");
    assert_ptr_equal(snplp_plan_theme_referential(t), f.ref);
    assert_ptr_equal(snplp_plan_theme_plan(t), f.plan);
    assert_string_equal(snplp_plan_theme_title(t), "Langage et \xc3\xa9veil");
    assert_ptr_equal(snplp_referential_plan_theme_find(f.ref, "langage"), t);
    assert_int_equal(snplp_referential_kind_of(f.ref, "langage"), SNPLP_KIND_PLAN_THEME);
    /* A plan theme is not a theme of the training plan. */
    assert_null(snplp_referential_theme_find(f.ref, "langage"));
    assert_int_equal(snplp_referential_theme_count(f.ref), 0);

    assert_ok(snplp_plan_theme_set_title(t, "Langage"));
    assert_string_equal(snplp_plan_theme_title(t), "Langage");
    assert_ok(snplp_plan_theme_set_title(t, "")); /* blank: for validation to report */
    assert_string_equal(snplp_plan_theme_title(t), "");
    assert_ok(snplp_plan_theme_set_title(t, "Langage"));
    assert_status(snplp_plan_theme_set_title(t, NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_status(snplp_plan_theme_set_title(t, test_bad_texts[i]), SNPLP_EENCODING);
        assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
    }
    assert_string_equal(snplp_plan_theme_title(t), "Langage");

    /* Themes of two plans each know their own plan. */
    snplp_plan *other = NULL;
    assert_ok(snplp_referential_add_plan(&other, f.ref, "aee", "Ambition"));
    snplp_plan_theme *u = NULL;
    assert_ok(snplp_plan_add_plan_theme(&u, other, "nature", "Nature"));
    assert_ptr_equal(snplp_plan_theme_plan(u), other);
    assert_ptr_equal(snplp_plan_theme_plan(t), f.plan);
    assert_int_equal(snplp_plan_plan_theme_count(f.plan), 1);
    assert_int_equal(snplp_plan_plan_theme_count(other), 1);
    snplp_referential_unref(f.ref);
}

static void plan_theme_add_errors(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_plan_theme *first = NULL;
    assert_ok(snplp_plan_add_plan_theme(&first, f.plan, "pt", "PT"));
    assert_ok(snplp_referential_add_theme(NULL, f.ref, "t", "Th\xc3\xa8me"));
    assert_ok(snplp_plan_add_figure(NULL, f.plan, "fig", 1, "F"));
    size_t items = snplp_referential_item_count(f.ref);
    char long_id[SNPLP_ID_MAX + 2];
    memset(long_id, 'a', SNPLP_ID_MAX + 1);
    long_id[SNPLP_ID_MAX + 1] = '\0';

    snplp_plan_theme *out = first;
    assert_status(snplp_plan_add_plan_theme(&out, f.plan, NULL, "X"), SNPLP_EINVAL);
    assert_status(snplp_plan_add_plan_theme(&out, f.plan, "x", NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_status(snplp_plan_add_plan_theme(&out, f.plan, bad_ids[i], "X"), SNPLP_EBADID);
    assert_status(snplp_plan_add_plan_theme(&out, f.plan, long_id, "X"), SNPLP_EBADID);
    /* The id of a theme of the training plan is taken too. */
    const char *const used[] = {"pt", "t", "fig", "journees", "strategy", "training-plan"};
    for (size_t i = 0; i < COUNT_OF(used); i++) {
        assert_status(snplp_plan_add_plan_theme(&out, f.plan, used[i], "X"), SNPLP_EEXISTS);
        assert_int_equal(snplp_error_last_code(), SNPLP_EEXISTS);
    }
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_status(snplp_plan_add_plan_theme(&out, f.plan, "x", test_bad_texts[i]),
                      SNPLP_EENCODING);
    assert_ptr_equal(out, first);
    assert_int_equal(snplp_plan_plan_theme_count(f.plan), 1);
    assert_int_equal(snplp_referential_item_count(f.ref), items);
    assert_int_equal(snplp_referential_kind_of(f.ref, "x"), SNPLP_KIND_NONE);
    /* And the other way round: a training-plan theme cannot take a plan theme's id. */
    assert_status(snplp_referential_add_theme(NULL, f.ref, "pt", "X"), SNPLP_EEXISTS);
    snplp_referential_unref(f.ref);
}

static void plan_theme_null_and_wrong_kind(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, f.ref, "t", "Th\xc3\xa8me"));
    snplp_figure *figure = NULL;
    assert_ok(snplp_plan_add_figure(&figure, f.plan, "fig", 5, "Cinq"));
    /* A training-plan theme, a figure of the same plan, the plan itself: no plan theme. */
    snplp_plan_theme *const objects[] = {NULL, (snplp_plan_theme *)(void *)theme,
                                         (snplp_plan_theme *)(void *)figure,
                                         (snplp_plan_theme *)(void *)f.plan};
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_plan_theme *x = objects[i];
        assert_null(snplp_plan_theme_id(x));
        assert_null(snplp_plan_theme_referential(x));
        assert_null(snplp_plan_theme_plan(x));
        assert_null(snplp_plan_theme_title(x));
        assert_status(snplp_plan_theme_set_title(x, "T"), SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    }
    assert_string_equal(snplp_theme_title(theme), "Th\xc3\xa8me");
    assert_string_equal(snplp_figure_text(figure), "Cinq");
    assert_string_equal(snplp_plan_title(f.plan), "Enfance = \xc3\xa9galit\xc3\xa9");
    snplp_referential_unref(f.ref);
}

/* ---- out of memory ---- */

typedef struct add_ctx {
    fixture *f;
    const char *id;
    size_t before, items;
    snplp_plan_theme *out;
} add_ctx;

static int step_add(void *p)
{
    add_ctx *c = p;
    return snplp_plan_add_plan_theme(&c->out, c->f->plan, c->id,
                                     "Arts et culture a\xcc\x80 l'e\xcc\x81"
                                     "cole");
}

static void check_add(void *p)
{
    add_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(snplp_plan_plan_theme_count(c->f->plan), c->before);
    assert_null(snplp_plan_plan_theme_at(c->f->plan, c->before));
    assert_int_equal(snplp_referential_item_count(c->f->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->f->ref, c->id), SNPLP_KIND_NONE);
    assert_null(snplp_referential_plan_theme_find(c->f->ref, c->id));
}

static void plan_theme_add_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    char id[32];
    /* Into an empty list, with room, and when the list grows (4 -> 8). */
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "pt%d", i);
        add_ctx c = {&f, id, snplp_plan_plan_theme_count(f.plan),
                     snplp_referential_item_count(f.ref), NULL};
        assert_true(test_oom_sweep(step_add, check_add, &c) > 0);
        assert_ptr_equal(snplp_plan_plan_theme_at(f.plan, c.before), c.out);
        assert_ptr_equal(snplp_plan_theme_plan(c.out), f.plan);
        assert_string_equal(snplp_plan_theme_title(c.out), "Arts et culture \xc3\xa0 l'\xc3\xa9"
                                                           "cole");
    }
    snplp_referential_unref(f.ref);
}

typedef struct title_ctx {
    snplp_plan_theme *theme;
    const char *title;
    const char *old;
} title_ctx;

static int step_set_title(void *p)
{
    title_ctx *c = p;
    return snplp_plan_theme_set_title(c->theme, c->title);
}

static void check_set_title(void *p)
{
    title_ctx *c = p;
    assert_string_equal(snplp_plan_theme_title(c->theme), c->old);
}

static void plan_theme_set_title_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_plan_theme *t = NULL;
    assert_ok(snplp_plan_add_plan_theme(&t, f.plan, "pt", "Ancien"));
    title_ctx c = {t, "Nouveau", "Ancien"};
    assert_true(test_oom_sweep(step_set_title, check_set_title, &c) > 0);
    c = (title_ctx){t, "Sante\xcc\x81", "Nouveau"};
    assert_true(test_oom_sweep(step_set_title, check_set_title, &c) > 0);
    assert_string_equal(snplp_plan_theme_title(t), "Sant\xc3\xa9");
    snplp_referential_unref(f.ref);
}

/* ---- deep equality ---- */

static snplp_referential *build(int shape)
{
    fixture f = make_fixture();
    snplp_plan *other = NULL;
    assert_ok(snplp_referential_add_plan(&other, f.ref, "p2", "Autre plan"));
    assert_ok(snplp_plan_add_plan_theme(NULL, shape ? other : f.plan, "pt1", "Langage"));
    assert_ok(snplp_plan_add_plan_theme(NULL, other, "pt2", "Nature"));
    return f.ref;
}

static void plan_theme_equality_sees_each_field(void **state)
{
    (void)state;
    snplp_referential *a = build(0);
    for (int change = 0; change < 3; change++) {
        snplp_referential *b = build(change == 2);
        if (change < 2)
            assert_true(snplp_referential_equal(a, b));
        switch (change) {
        case 0:
            assert_ok(
                snplp_plan_theme_set_title(snplp_referential_plan_theme_find(b, "pt2"), "nature"));
            break;
        case 1:
            assert_ok(snplp_plan_add_plan_theme(NULL, snplp_referential_plan_find(b, "p2"), "pt3",
                                                "Arts"));
            break;
        case 2: /* pt1 belongs to the other plan */
            break;
        }
        assert_false(snplp_referential_equal(a, b));
        assert_false(snplp_referential_equal(b, a));
        snplp_referential_unref(b);
    }
    snplp_referential_unref(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plan_theme_fields),
        cmocka_unit_test(plan_theme_add_errors),
        cmocka_unit_test(plan_theme_null_and_wrong_kind),
        cmocka_unit_test(plan_theme_add_oom),
        cmocka_unit_test(plan_theme_set_title_oom),
        cmocka_unit_test(plan_theme_equality_sees_each_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
