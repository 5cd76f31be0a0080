/* Tests of figure.h: key figures of another plan, their integer value, wording and plan. */
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
    assert_ok(snplp_referential_add_plan(&f.plan, f.ref, "aee",
                                         "Ambition Enfance \xc3\x89galit\xc3\xa9"));
    return f;
}

static void figure_fields(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_figure *fig = NULL;
    assert_ok(snplp_plan_add_figure(&fig, f.plan, "pros", 600000,
                                    "les 600 000 professionnelles et professionnels de la petite "
                                    "enfance"));
    assert_non_null(fig);
    assert_string_equal(snplp_figure_id(fig), "pros");
    assert_ptr_equal(snplp_figure_referential(fig), f.ref);
    assert_ptr_equal(snplp_figure_plan(fig), f.plan);
    assert_true(snplp_figure_value(fig) == 600000);
    assert_string_equal(snplp_figure_text(fig),
                        "les 600 000 professionnelles et professionnels de la petite enfance");
    assert_ptr_equal(snplp_referential_figure_find(f.ref, "pros"), fig);
    assert_int_equal(snplp_referential_kind_of(f.ref, "pros"), SNPLP_KIND_FIGURE);

    /* Any int64 value, stored exactly. */
    const int64_t values[] = {0, -1, 1, INT64_MAX, INT64_MIN, (int64_t)1 << 53 | 1, -600000};
    for (size_t i = 0; i < COUNT_OF(values); i++) {
        assert_ok(snplp_figure_set_value(fig, values[i]));
        assert_true(snplp_figure_value(fig) == values[i]);
    }
    snplp_figure *min = NULL, *max = NULL;
    assert_ok(snplp_plan_add_figure(&min, f.plan, "min", INT64_MIN, "min"));
    assert_ok(snplp_plan_add_figure(&max, f.plan, "max", INT64_MAX, "max"));
    assert_true(snplp_figure_value(min) == INT64_MIN);
    assert_true(snplp_figure_value(max) == INT64_MAX);
    assert_ok(snplp_plan_add_figure(NULL, f.plan, "zero", 0, "aucun"));
    assert_true(snplp_figure_value(snplp_plan_figure_at(f.plan, 3)) == 0);

    assert_ok(snplp_figure_set_text(fig, "600 000 professionnel\xc2\xb7les"));
    assert_string_equal(snplp_figure_text(fig), "600 000 professionnel\xc2\xb7les");
    assert_ok(snplp_figure_set_text(fig, "cre\xcc\x80"
                                         "ches"));
    assert_string_equal(snplp_figure_text(fig), "cr\xc3\xa8"
                                                "ches");
    assert_status(snplp_figure_set_text(fig, NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_status(snplp_figure_set_text(fig, test_bad_texts[i]), SNPLP_EENCODING);
        assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
    }
    assert_string_equal(snplp_figure_text(fig), "cr\xc3\xa8"
                                                "ches");
    assert_true(snplp_figure_value(fig) == -600000); /* the text does not touch the value */
    snplp_referential_unref(f.ref);
}

static void figure_add_errors(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_figure *first = NULL;
    assert_ok(snplp_plan_add_figure(&first, f.plan, "fig", 1, "F"));
    assert_ok(snplp_plan_add_plan_theme(NULL, f.plan, "pt", "PT"));
    assert_ok(snplp_referential_add_module(NULL, f.ref, "t", "m", SNPLP_LEVEL_EXPERT, "M"));
    size_t items = snplp_referential_item_count(f.ref);
    char long_id[SNPLP_ID_MAX + 2];
    memset(long_id, 'a', SNPLP_ID_MAX + 1);
    long_id[SNPLP_ID_MAX + 1] = '\0';

    snplp_figure *out = first;
    assert_status(snplp_plan_add_figure(&out, f.plan, NULL, 2, "X"), SNPLP_EINVAL);
    assert_status(snplp_plan_add_figure(&out, f.plan, "x", 2, NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_status(snplp_plan_add_figure(&out, f.plan, bad_ids[i], 2, "X"), SNPLP_EBADID);
    assert_status(snplp_plan_add_figure(&out, f.plan, long_id, 2, "X"), SNPLP_EBADID);
    const char *const used[] = {"fig", "pt", "aee", "m", "strategy", "training-plan"};
    for (size_t i = 0; i < COUNT_OF(used); i++) {
        assert_status(snplp_plan_add_figure(&out, f.plan, used[i], 2, "X"), SNPLP_EEXISTS);
        assert_int_equal(snplp_error_last_code(), SNPLP_EEXISTS);
    }
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_status(snplp_plan_add_figure(&out, f.plan, "x", 2, test_bad_texts[i]),
                      SNPLP_EENCODING);
    assert_ptr_equal(out, first);
    assert_int_equal(snplp_plan_figure_count(f.plan), 1);
    assert_true(snplp_figure_value(first) == 1);
    assert_int_equal(snplp_referential_item_count(f.ref), items);
    assert_int_equal(snplp_referential_kind_of(f.ref, "x"), SNPLP_KIND_NONE);
    snplp_referential_unref(f.ref);
}

static void figure_null_and_wrong_kind(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_plan_theme *pt = NULL;
    assert_ok(snplp_plan_add_plan_theme(&pt, f.plan, "pt", "Langage"));
    snplp_funding *funding = NULL;
    assert_ok(snplp_referential_add_funding(&funding, f.ref, "fund",
                                            "Cr\xc3\xa9"
                                            "dits"));
    assert_ok(snplp_funding_set_amount_cents(funding, 4200));
    snplp_figure *real = NULL;
    assert_ok(snplp_plan_add_figure(&real, f.plan, "fig", 42, "Quarante-deux"));
    /* A plan theme is in a plan too; a funding line has an integer amount too. */
    snplp_figure *const objects[] = {NULL, (snplp_figure *)(void *)pt,
                                     (snplp_figure *)(void *)funding,
                                     (snplp_figure *)(void *)f.plan};
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_figure *x = objects[i];
        assert_null(snplp_figure_id(x));
        assert_null(snplp_figure_referential(x));
        assert_null(snplp_figure_plan(x));
        assert_true(snplp_figure_value(x) == 0);
        assert_null(snplp_figure_text(x));
        assert_status(snplp_figure_set_value(x, 7), SNPLP_EINVAL);
        assert_status(snplp_figure_set_text(x, "T"), SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    }
    assert_string_equal(snplp_plan_theme_title(pt), "Langage");
    assert_string_equal(snplp_funding_title(funding), "Cr\xc3\xa9"
                                                      "dits");
    int64_t cents = -1;
    assert_ok(snplp_funding_amount_cents(&cents, funding)); /* not changed by set_value */
    assert_true(cents == 4200);
    assert_true(snplp_figure_value(real) == 42);
    snplp_referential_unref(f.ref);
}

/* ---- out of memory ---- */

typedef struct add_ctx {
    fixture *f;
    const char *id;
    int64_t value;
    size_t before, items;
    snplp_figure *out;
} add_ctx;

static int step_add(void *p)
{
    add_ctx *c = p;
    return snplp_plan_add_figure(&c->out, c->f->plan, c->id, c->value,
                                 "places en cre\xcc\x80"
                                 "che");
}

static void check_add(void *p)
{
    add_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(snplp_plan_figure_count(c->f->plan), c->before);
    assert_null(snplp_plan_figure_at(c->f->plan, c->before));
    assert_int_equal(snplp_referential_item_count(c->f->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->f->ref, c->id), SNPLP_KIND_NONE);
    assert_null(snplp_referential_figure_find(c->f->ref, c->id));
}

static void figure_add_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    char id[32];
    /* Into an empty list, with room, and when the list grows (4 -> 8). */
    for (int i = 0; i < 6; i++) {
        snprintf(id, sizeof id, "f%d", i);
        add_ctx c = {&f,
                     id,
                     30000 + i,
                     snplp_plan_figure_count(f.plan),
                     snplp_referential_item_count(f.ref),
                     NULL};
        assert_true(test_oom_sweep(step_add, check_add, &c) > 0);
        assert_ptr_equal(snplp_plan_figure_at(f.plan, c.before), c.out);
        assert_true(snplp_figure_value(c.out) == 30000 + i);
        assert_ptr_equal(snplp_figure_plan(c.out), f.plan);
        assert_string_equal(snplp_figure_text(c.out), "places en cr\xc3\xa8"
                                                      "che");
    }
    snplp_referential_unref(f.ref);
}

typedef struct text_ctx {
    snplp_figure *figure;
    const char *text;
    const char *old;
} text_ctx;

static int step_set_text(void *p)
{
    text_ctx *c = p;
    return snplp_figure_set_text(c->figure, c->text);
}

static void check_set_text(void *p)
{
    text_ctx *c = p;
    assert_string_equal(snplp_figure_text(c->figure), c->old);
    assert_true(snplp_figure_value(c->figure) == 12);
}

static int step_set_value(void *p)
{
    return snplp_figure_set_value(((text_ctx *)p)->figure, 13);
}

static void figure_setters_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_figure *fig = NULL;
    assert_ok(snplp_plan_add_figure(&fig, f.plan, "fig", 12, "Ancien"));
    text_ctx c = {fig, "Nouveau", "Ancien"};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
    c = (text_ctx){fig, "Dou\xcc\x88ze", "Nouveau"};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
    assert_string_equal(snplp_figure_text(fig), "Do\xc3\xbcze");
    /* Setting the value allocates nothing: it cannot fail for lack of memory. */
    assert_int_equal(test_oom_sweep(step_set_value, NULL, &c), 0);
    assert_true(snplp_figure_value(fig) == 13);
    snplp_referential_unref(f.ref);
}

/* ---- deep equality ---- */

static snplp_referential *build(void)
{
    fixture f = make_fixture();
    assert_ok(snplp_plan_add_figure(NULL, f.plan, "f1", 600000, "professionnels"));
    assert_ok(snplp_plan_add_figure(NULL, f.plan, "f2", 0, "z\xc3\xa9ro"));
    return f.ref;
}

static void figure_equality_sees_each_field(void **state)
{
    (void)state;
    snplp_referential *a = build();
    for (int change = 0; change < 5; change++) {
        snplp_referential *b = build();
        assert_true(snplp_referential_equal(a, b));
        switch (change) {
        case 0:
            assert_ok(snplp_figure_set_value(snplp_referential_figure_find(b, "f1"), 600001));
            break;
        case 1:
            assert_ok(snplp_figure_set_value(snplp_referential_figure_find(b, "f2"), -1));
            break;
        case 2:
            assert_ok(snplp_figure_set_value(snplp_referential_figure_find(b, "f1"), INT64_MIN));
            break;
        case 3:
            assert_ok(snplp_figure_set_text(snplp_referential_figure_find(b, "f2"), "zero"));
            break;
        case 4:
            assert_ok(snplp_plan_add_figure(NULL, snplp_referential_plan_find(b, "aee"), "f3", 0,
                                            "z\xc3\xa9ro"));
            break;
        }
        assert_false(snplp_referential_equal(a, b));
        assert_false(snplp_referential_equal(b, a));
        snplp_referential_unref(b);
    }
    /* A value changed and changed back is equal again. */
    snplp_referential *b = build();
    snplp_figure *fig = snplp_referential_figure_find(b, "f1");
    assert_ok(snplp_figure_set_value(fig, 1));
    assert_ok(snplp_figure_set_value(fig, 600000));
    assert_true(snplp_referential_equal(a, b));
    snplp_referential_unref(b);
    snplp_referential_unref(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(figure_fields),
        cmocka_unit_test(figure_add_errors),
        cmocka_unit_test(figure_null_and_wrong_kind),
        cmocka_unit_test(figure_add_oom),
        cmocka_unit_test(figure_setters_oom),
        cmocka_unit_test(figure_equality_sees_each_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
