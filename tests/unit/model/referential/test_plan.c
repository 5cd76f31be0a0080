/* Tests of plan.h: other plans of the strategy, their title, description, labels, themes and
 * key figures. */
#include "test_util.h"

#include <stdio.h>

static const char *const bad_ids[] = {"",    "1abc", "-abc", ".abc",
                                      "a b", "a/b",  "a:b",  "caf\xc3\xa9"};

static snplp_plan *new_plan(snplp_referential *ref, const char *id)
{
    snplp_plan *plan = NULL;
    assert_ok(
        snplp_referential_add_plan(&plan, ref, id, "Ambition Enfance E\xcc\x81galit\xc3\xa9"));
    assert_non_null(plan);
    return plan;
}

static void plan_fields(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_plan *plan = new_plan(ref, "aee");
    assert_string_equal(snplp_plan_id(plan), "aee");
    assert_ptr_equal(snplp_plan_referential(plan), ref);
    assert_string_equal(snplp_plan_title(plan), "Ambition Enfance \xc3\x89galit\xc3\xa9");
    assert_null(snplp_plan_description(plan));
    assert_int_equal(snplp_plan_label_count(plan), 0);
    assert_null(snplp_plan_label_at(plan, 0));
    assert_int_equal(snplp_plan_plan_theme_count(plan), 0);
    assert_null(snplp_plan_plan_theme_at(plan, 0));
    assert_int_equal(snplp_plan_figure_count(plan), 0);
    assert_null(snplp_plan_figure_at(plan, 0));
    assert_ptr_equal(snplp_referential_plan_find(ref, "aee"), plan);
    assert_ptr_equal(snplp_referential_plan_at(ref, 0), plan);
    assert_int_equal(snplp_referential_kind_of(ref, "aee"), SNPLP_KIND_PLAN);

    assert_ok(snplp_plan_set_title(plan, "Enfance = \xc3\xa9galit\xc3\xa9"));
    assert_string_equal(snplp_plan_title(plan), "Enfance = \xc3\xa9galit\xc3\xa9");
    assert_status(snplp_plan_set_title(plan, NULL), SNPLP_EINVAL);
    assert_ok(snplp_plan_set_description(plan, "Formation de 600 000 professionnels"));
    assert_string_equal(snplp_plan_description(plan), "Formation de 600 000 professionnels");
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_status(snplp_plan_set_title(plan, test_bad_texts[i]), SNPLP_EENCODING);
        assert_status(snplp_plan_set_description(plan, test_bad_texts[i]), SNPLP_EENCODING);
        assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
    }
    assert_string_equal(snplp_plan_title(plan), "Enfance = \xc3\xa9galit\xc3\xa9");
    assert_string_equal(snplp_plan_description(plan), "Formation de 600 000 professionnels");
    assert_ok(snplp_plan_set_description(plan, NULL));
    assert_null(snplp_plan_description(plan));
    snplp_referential_unref(ref);
}

static void plan_labels(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_plan *plan = new_plan(ref, "p");
    assert_ok(snplp_plan_add_label(plan, "plan de formation petite enfance"));
    assert_ok(snplp_plan_add_label(plan, "Enfance = e\xcc\x81galite\xcc\x81"));
    assert_int_equal(snplp_plan_label_count(plan), 2);
    assert_string_equal(snplp_plan_label_at(plan, 0), "plan de formation petite enfance");
    assert_string_equal(snplp_plan_label_at(plan, 1), "Enfance = \xc3\xa9galit\xc3\xa9");
    assert_null(snplp_plan_label_at(plan, 2));
    assert_status(snplp_plan_add_label(plan, NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_status(snplp_plan_add_label(plan, test_bad_texts[i]), SNPLP_EENCODING);
    assert_int_equal(snplp_plan_label_count(plan), 2);
    snplp_referential_unref(ref);
}

static void plan_themes_and_figures(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_plan *p1 = new_plan(ref, "p1");
    snplp_plan *p2 = new_plan(ref, "p2");
    snplp_plan_theme *t1 = NULL, *t2 = NULL;
    assert_ok(snplp_plan_add_plan_theme(&t1, p1, "langage", "Langage"));
    assert_ok(snplp_plan_add_plan_theme(&t2, p1, "nature", "Rapport a\xcc\x80 la nature"));
    assert_ok(snplp_plan_add_plan_theme(NULL, p2, "arts", "Arts et culture"));
    assert_int_equal(snplp_plan_plan_theme_count(p1), 2);
    assert_ptr_equal(snplp_plan_plan_theme_at(p1, 0), t1);
    assert_ptr_equal(snplp_plan_plan_theme_at(p1, 1), t2);
    assert_null(snplp_plan_plan_theme_at(p1, 2));
    assert_ptr_equal(snplp_plan_theme_plan(t2), p1);
    assert_string_equal(snplp_plan_theme_title(t2), "Rapport \xc3\xa0 la nature");
    assert_int_equal(snplp_plan_plan_theme_count(p2), 1);
    assert_ptr_equal(snplp_plan_theme_plan(snplp_plan_plan_theme_at(p2, 0)), p2);
    assert_ptr_equal(snplp_referential_plan_theme_find(ref, "arts"),
                     snplp_plan_plan_theme_at(p2, 0));

    snplp_figure *f1 = NULL, *f2 = NULL;
    assert_ok(snplp_plan_add_figure(&f1, p1, "pros", 600000,
                                    "les 600 000 professionnelles et professionnels"));
    assert_ok(snplp_plan_add_figure(&f2, p1, "neg", -3, "moins trois"));
    assert_ok(snplp_plan_add_figure(NULL, p2, "zero", 0, "z\xc3\xa9ro"));
    assert_int_equal(snplp_plan_figure_count(p1), 2);
    assert_ptr_equal(snplp_plan_figure_at(p1, 0), f1);
    assert_ptr_equal(snplp_plan_figure_at(p1, 1), f2);
    assert_null(snplp_plan_figure_at(p1, 2));
    assert_true(snplp_figure_value(f1) == 600000);
    assert_true(snplp_figure_value(f2) == -3);
    assert_ptr_equal(snplp_figure_plan(f2), p1);
    assert_int_equal(snplp_plan_figure_count(p2), 1);
    assert_ptr_equal(snplp_figure_plan(snplp_plan_figure_at(p2, 0)), p2);
    assert_ptr_equal(snplp_referential_figure_find(ref, "zero"), snplp_plan_figure_at(p2, 0));

    /* Themes and figures are separate lists. */
    assert_int_equal(snplp_plan_plan_theme_count(p1), 2);
    assert_int_equal(snplp_referential_plan_count(ref), 2);
    assert_int_equal(snplp_referential_item_count(ref), 2 + 2 + 3 + 3);
    snplp_referential_unref(ref);
}

static void plan_add_errors(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_plan *plan = new_plan(ref, "p");
    assert_ok(snplp_plan_add_plan_theme(NULL, plan, "pt", "PT"));
    assert_ok(snplp_plan_add_figure(NULL, plan, "fig", 1, "F"));
    assert_ok(snplp_referential_add_theme(NULL, ref, "t", "T"));
    size_t items = snplp_referential_item_count(ref);
    char long_id[SNPLP_ID_MAX + 2];
    memset(long_id, 'a', SNPLP_ID_MAX + 1);
    long_id[SNPLP_ID_MAX + 1] = '\0';
    const char *const used[] = {"p", "pt", "fig", "t", "strategy", "training-plan"};

    /* kind 0: snplp_referential_add_plan, 1: snplp_plan_add_plan_theme, 2: snplp_plan_add_figure */
    for (int kind = 0; kind < 3; kind++) {
        void *out = (void *)&out;
#define ADD(id, text)                                                                              \
    (kind == 0   ? snplp_referential_add_plan((snplp_plan **)&out, ref, (id), (text))              \
     : kind == 1 ? snplp_plan_add_plan_theme((snplp_plan_theme **)&out, plan, (id), (text))        \
                 : snplp_plan_add_figure((snplp_figure **)&out, plan, (id), 42, (text)))
        assert_status(ADD(NULL, "X"), SNPLP_EINVAL);
        assert_status(ADD("x", NULL), SNPLP_EINVAL);
        for (size_t i = 0; i < COUNT_OF(bad_ids); i++) {
            assert_status(ADD(bad_ids[i], "X"), SNPLP_EBADID);
            assert_int_equal(snplp_error_last_code(), SNPLP_EBADID);
        }
        assert_status(ADD(long_id, "X"), SNPLP_EBADID);
        for (size_t i = 0; i < COUNT_OF(used); i++)
            assert_status(ADD(used[i], "X"), SNPLP_EEXISTS);
        for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
            assert_status(ADD("x", test_bad_texts[i]), SNPLP_EENCODING);
#undef ADD
        assert_ptr_equal(out, (void *)&out);
    }
    snplp_theme *theme = snplp_referential_theme_find(ref, "t");
    assert_status(snplp_referential_add_plan(NULL, NULL, "x", "X"), SNPLP_EINVAL);
    assert_status(snplp_plan_add_plan_theme(NULL, NULL, "x", "X"), SNPLP_EINVAL);
    assert_status(snplp_plan_add_plan_theme(NULL, (snplp_plan *)(void *)theme, "x", "X"),
                  SNPLP_EINVAL);
    assert_status(snplp_plan_add_figure(NULL, NULL, "x", 1, "X"), SNPLP_EINVAL);
    assert_status(snplp_plan_add_figure(NULL, (snplp_plan *)(void *)theme, "x", 1, "X"),
                  SNPLP_EINVAL);
    assert_int_equal(snplp_referential_plan_count(ref), 1);
    assert_int_equal(snplp_plan_plan_theme_count(plan), 1);
    assert_int_equal(snplp_plan_figure_count(plan), 1);
    assert_int_equal(snplp_referential_item_count(ref), items);
    assert_int_equal(snplp_referential_kind_of(ref, "x"), SNPLP_KIND_NONE);
    snplp_referential_unref(ref);
}

static void plan_null_and_wrong_kind(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "Th\xc3\xa8me"));
    assert_ok(snplp_theme_set_description(theme, "D"));
    assert_ok(snplp_theme_add_label(theme, "L"));
    snplp_plan *plan = new_plan(ref, "p");
    snplp_plan_theme *pt = NULL;
    assert_ok(snplp_plan_add_plan_theme(&pt, plan, "pt", "PT"));
    size_t items = snplp_referential_item_count(ref);

    /* A theme has a title, a description and labels too; a plan theme is in a plan. */
    snplp_plan *const objects[] = {NULL, (snplp_plan *)(void *)theme, (snplp_plan *)(void *)pt};
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_plan *x = objects[i];
        assert_null(snplp_plan_id(x));
        assert_null(snplp_plan_referential(x));
        assert_null(snplp_plan_title(x));
        assert_null(snplp_plan_description(x));
        assert_int_equal(snplp_plan_label_count(x), 0);
        assert_null(snplp_plan_label_at(x, 0));
        assert_int_equal(snplp_plan_plan_theme_count(x), 0);
        assert_null(snplp_plan_plan_theme_at(x, 0));
        assert_int_equal(snplp_plan_figure_count(x), 0);
        assert_null(snplp_plan_figure_at(x, 0));
        assert_status(snplp_plan_set_title(x, "T"), SNPLP_EINVAL);
        assert_status(snplp_plan_set_description(x, "D"), SNPLP_EINVAL);
        assert_status(snplp_plan_set_description(x, NULL), SNPLP_EINVAL);
        assert_status(snplp_plan_add_label(x, "L"), SNPLP_EINVAL);
        assert_status(snplp_plan_add_plan_theme(NULL, x, "x", "X"), SNPLP_EINVAL);
        assert_status(snplp_plan_add_figure(NULL, x, "x", 1, "X"), SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    }
    assert_string_equal(snplp_theme_title(theme), "Th\xc3\xa8me");
    assert_string_equal(snplp_theme_description(theme), "D");
    assert_int_equal(snplp_theme_label_count(theme), 1);
    assert_string_equal(snplp_plan_theme_title(pt), "PT");
    assert_int_equal(snplp_referential_item_count(ref), items);
    snplp_referential_unref(ref);
}

/* ---- out of memory ---- */

typedef struct add_ctx {
    snplp_referential *ref;
    snplp_plan *plan;
    int kind; /* 0: plan, 1: plan theme, 2: figure */
    const char *id;
    size_t before, items;
    void *out;
} add_ctx;

static size_t count_of(const add_ctx *c)
{
    return c->kind == 0   ? snplp_referential_plan_count(c->ref)
           : c->kind == 1 ? snplp_plan_plan_theme_count(c->plan)
                          : snplp_plan_figure_count(c->plan);
}

static int step_add(void *p)
{
    add_ctx *c = p;
    const char *text = "Petite enfance : e\xcc\x81veil";
    if (c->kind == 0)
        return snplp_referential_add_plan((snplp_plan **)&c->out, c->ref, c->id, text);
    if (c->kind == 1)
        return snplp_plan_add_plan_theme((snplp_plan_theme **)&c->out, c->plan, c->id, text);
    return snplp_plan_add_figure((snplp_figure **)&c->out, c->plan, c->id, 7, text);
}

static void check_add(void *p)
{
    add_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(count_of(c), c->before);
    assert_int_equal(snplp_referential_item_count(c->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->ref, c->id), SNPLP_KIND_NONE);
}

static void plan_adds_oom(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_plan *plan = NULL;
    char id[32];
    const snplp_kind kinds[] = {SNPLP_KIND_PLAN, SNPLP_KIND_PLAN_THEME, SNPLP_KIND_FIGURE};
    for (int kind = 0; kind < 3; kind++) {
        /* Into an empty list, with room, and when the list grows (4 -> 8). */
        for (int i = 0; i < 6; i++) {
            snprintf(id, sizeof id, "k%d-%d", kind, i);
            add_ctx c = {ref, plan, kind, id, 0, snplp_referential_item_count(ref), NULL};
            c.before = count_of(&c);
            assert_true(test_oom_sweep(step_add, check_add, &c) > 0);
            assert_non_null(c.out);
            assert_int_equal(count_of(&c), c.before + 1);
            assert_int_equal(snplp_referential_kind_of(ref, id), kinds[kind]);
            if (!plan)
                plan = c.out;
        }
    }
    assert_int_equal(snplp_referential_plan_count(ref), 6);
    assert_int_equal(snplp_plan_plan_theme_count(plan), 6);
    assert_int_equal(snplp_plan_figure_count(plan), 6);
    assert_string_equal(snplp_plan_title(plan), "Petite enfance : \xc3\xa9veil");
    assert_true(snplp_figure_value(snplp_plan_figure_at(plan, 5)) == 7);
    assert_ptr_equal(snplp_figure_plan(snplp_plan_figure_at(plan, 5)), plan);
    snplp_referential_unref(ref);
}

typedef struct text_ctx {
    snplp_plan *plan;
    int (*set)(snplp_plan *, const char *);
    const char *(*get)(const snplp_plan *);
    const char *text;
    const char *old;
} text_ctx;

static int step_set_text(void *p)
{
    text_ctx *c = p;
    return c->set(c->plan, c->text);
}

static void check_set_text(void *p)
{
    text_ctx *c = p;
    if (c->old)
        assert_string_equal(c->get(c->plan), c->old);
    else
        assert_null(c->get(c->plan));
}

static void plan_setters_oom(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_plan *plan = new_plan(ref, "p");
    text_ctx c = {plan, snplp_plan_set_title, snplp_plan_title, "Nouveau",
                  "Ambition Enfance \xc3\x89galit\xc3\xa9"};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
    assert_string_equal(snplp_plan_title(plan), "Nouveau");
    c = (text_ctx){plan, snplp_plan_set_description, snplp_plan_description,
                   "Re\xcc\x81sum\xc3\xa9", NULL};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
    assert_string_equal(snplp_plan_description(plan), "R\xc3\xa9sum\xc3\xa9");
    c.text = "Autre";
    c.old = "R\xc3\xa9sum\xc3\xa9";
    assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
    assert_string_equal(snplp_plan_description(plan), "Autre");
    snplp_referential_unref(ref);
}

typedef struct label_ctx {
    snplp_plan *plan;
    const char *label;
    size_t before;
    const char *labels[16]; /* the labels before the step (they never move) */
} label_ctx;

static int step_add_label(void *p)
{
    label_ctx *c = p;
    return snplp_plan_add_label(c->plan, c->label);
}

static void check_add_label(void *p)
{
    label_ctx *c = p;
    assert_int_equal(snplp_plan_label_count(c->plan), c->before);
    assert_null(snplp_plan_label_at(c->plan, c->before));
    for (size_t i = 0; i < c->before; i++)
        assert_ptr_equal(snplp_plan_label_at(c->plan, i), c->labels[i]);
}

static void plan_add_label_oom(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_plan *plan = new_plan(ref, "p");
    /* Into an empty list, with room, and when the list grows (4 -> 8). */
    for (size_t n = 0; n < 6; n++) {
        label_ctx c = {.plan = plan,
                       .label = n % 2 ? "label"
                                      : "la\xcc\x80"
                                        "bel",
                       .before = n};
        for (size_t i = 0; i < n; i++)
            c.labels[i] = snplp_plan_label_at(plan, i);
        assert_true(test_oom_sweep(step_add_label, check_add_label, &c) > 0);
        assert_int_equal(snplp_plan_label_count(plan), n + 1);
        assert_string_equal(snplp_plan_label_at(plan, n), n % 2 ? "label"
                                                                : "l\xc3\xa0"
                                                                  "bel");
    }
    snplp_referential_unref(ref);
}

/* ---- deep equality ---- */

static snplp_referential *build(void)
{
    snplp_referential *ref = test_new_referential();
    snplp_plan *plan = new_plan(ref, "p");
    assert_ok(snplp_plan_set_description(plan, "D"));
    assert_ok(snplp_plan_add_label(plan, "un"));
    assert_ok(snplp_plan_add_label(plan, "deux"));
    assert_ok(snplp_plan_add_plan_theme(NULL, plan, "pt", "Langage"));
    assert_ok(snplp_plan_add_figure(NULL, plan, "f", 600000, "professionnels"));
    return ref;
}

static void plan_equality_sees_each_field(void **state)
{
    (void)state;
    snplp_referential *a = build();
    for (int change = 0; change < 7; change++) {
        snplp_referential *b = build();
        assert_true(snplp_referential_equal(a, b));
        snplp_plan *plan = snplp_referential_plan_find(b, "p");
        switch (change) {
        case 0:
            assert_ok(snplp_plan_set_title(plan, "Autre"));
            break;
        case 1:
            assert_ok(snplp_plan_set_description(plan, NULL));
            break;
        case 2:
            assert_ok(snplp_plan_add_label(plan, "trois"));
            break;
        case 3: /* the same labels in another order */
            snplp_referential_unref(b);
            b = test_new_referential();
            plan = new_plan(b, "p");
            assert_ok(snplp_plan_set_description(plan, "D"));
            assert_ok(snplp_plan_add_label(plan, "deux"));
            assert_ok(snplp_plan_add_label(plan, "un"));
            assert_ok(snplp_plan_add_plan_theme(NULL, plan, "pt", "Langage"));
            assert_ok(snplp_plan_add_figure(NULL, plan, "f", 600000, "professionnels"));
            break;
        case 4:
            assert_ok(snplp_plan_add_plan_theme(NULL, plan, "pt2", "Nature"));
            break;
        case 5:
            assert_ok(snplp_figure_set_value(snplp_plan_figure_at(plan, 0), 600001));
            break;
        case 6:
            assert_ok(snplp_plan_add_figure(NULL, plan, "f2", 1, "un"));
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
        cmocka_unit_test(plan_fields),
        cmocka_unit_test(plan_labels),
        cmocka_unit_test(plan_themes_and_figures),
        cmocka_unit_test(plan_add_errors),
        cmocka_unit_test(plan_null_and_wrong_kind),
        cmocka_unit_test(plan_adds_oom),
        cmocka_unit_test(plan_setters_oom),
        cmocka_unit_test(plan_add_label_oom),
        cmocka_unit_test(plan_equality_sees_each_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
