/* Tests of objective.h: objectives of the training plan and of a theme, their text. */
#include "test_util.h"

#include <stdio.h>

static const char *const bad_ids[] = {"",    "1abc", "-abc", ".abc",
                                      "a b", "a/b",  "a:b",  "caf\xc3\xa9"};

typedef struct fixture {
    snplp_referential *ref;
    snplp_training_plan *plan;
    snplp_theme *theme;
} fixture;

static fixture make_fixture(void)
{
    fixture f = {.ref = test_new_referential()};
    f.plan = snplp_referential_training_plan(f.ref);
    assert_non_null(f.plan);
    assert_ok(snplp_referential_add_theme(&f.theme, f.ref, "t", "Th\xc3\xa8me"));
    return f;
}

/* Adds an objective to the plan (parent 0) or to the theme (parent 1). */
static int add(snplp_objective **out, const fixture *f, int parent, const char *id,
               const char *text)
{
    return parent ? snplp_theme_add_objective(out, f->theme, id, text)
                  : snplp_training_plan_add_objective(out, f->plan, id, text);
}

static size_t count(const fixture *f, int parent)
{
    return parent ? snplp_theme_objective_count(f->theme)
                  : snplp_training_plan_objective_count(f->plan);
}

static void objective_fields(void **state)
{
    (void)state;
    fixture f = make_fixture();
    for (int parent = 0; parent < 2; parent++) {
        snplp_objective *o = NULL;
        const char *id = parent ? "obj-theme" : "obj-plan";
        assert_ok(add(&o, &f, parent, id, "Ame\xcc\x81liorer l'acc\xc3\xa8s aux droits"));
        assert_non_null(o);
        assert_string_equal(snplp_objective_id(o), id);
        assert_ptr_equal(snplp_objective_referential(o), f.ref);
        assert_string_equal(snplp_objective_text(o), "Am\xc3\xa9liorer l'acc\xc3\xa8s aux droits");
        assert_ptr_equal(snplp_referential_objective_find(f.ref, id), o);
        assert_int_equal(snplp_referential_kind_of(f.ref, id), SNPLP_KIND_OBJECTIVE);

        assert_ok(snplp_objective_set_text(o, "Autre"));
        assert_string_equal(snplp_objective_text(o), "Autre");
        assert_status(snplp_objective_set_text(o, NULL), SNPLP_EINVAL);
        for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
            assert_status(snplp_objective_set_text(o, test_bad_texts[i]), SNPLP_EENCODING);
            assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
        }
        assert_string_equal(snplp_objective_text(o), "Autre");
    }
    /* Each parent keeps its own list, in order. */
    assert_ok(add(NULL, &f, 0, "obj-plan2", "Deux"));
    assert_int_equal(snplp_training_plan_objective_count(f.plan), 2);
    assert_string_equal(snplp_objective_id(snplp_training_plan_objective_at(f.plan, 0)),
                        "obj-plan");
    assert_string_equal(snplp_objective_id(snplp_training_plan_objective_at(f.plan, 1)),
                        "obj-plan2");
    assert_null(snplp_training_plan_objective_at(f.plan, 2));
    assert_int_equal(snplp_theme_objective_count(f.theme), 1);
    assert_string_equal(snplp_objective_id(snplp_theme_objective_at(f.theme, 0)), "obj-theme");
    snplp_referential_unref(f.ref);
}

static void objective_add_errors(void **state)
{
    (void)state;
    fixture f = make_fixture();
    assert_ok(add(NULL, &f, 0, "o1", "Un"));
    assert_ok(add(NULL, &f, 1, "o2", "Deux"));
    assert_ok(snplp_referential_add_module(NULL, f.ref, "t", "m", SNPLP_LEVEL_EXPERT, "M"));
    size_t items = snplp_referential_item_count(f.ref);
    char long_id[SNPLP_ID_MAX + 2];
    memset(long_id, 'a', SNPLP_ID_MAX + 1);
    long_id[SNPLP_ID_MAX + 1] = '\0';
    const char *const used[] = {"o1", "o2", "t", "m", "strategy", "training-plan"};

    for (int parent = 0; parent < 2; parent++) {
        snplp_objective *sentinel = parent ? snplp_theme_objective_at(f.theme, 0)
                                           : snplp_training_plan_objective_at(f.plan, 0);
        snplp_objective *out = sentinel;
        assert_status(add(&out, &f, parent, NULL, "X"), SNPLP_EINVAL);
        assert_status(add(&out, &f, parent, "x", NULL), SNPLP_EINVAL);
        for (size_t i = 0; i < COUNT_OF(bad_ids); i++) {
            assert_status(add(&out, &f, parent, bad_ids[i], "X"), SNPLP_EBADID);
            assert_int_equal(snplp_error_last_code(), SNPLP_EBADID);
        }
        assert_status(add(&out, &f, parent, long_id, "X"), SNPLP_EBADID);
        for (size_t i = 0; i < COUNT_OF(used); i++)
            assert_status(add(&out, &f, parent, used[i], "X"), SNPLP_EEXISTS);
        for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
            assert_status(add(&out, &f, parent, "x", test_bad_texts[i]), SNPLP_EENCODING);
        assert_ptr_equal(out, sentinel);
        assert_int_equal(count(&f, parent), 1);
    }
    /* NULL and wrong-kind parents (a theme for the plan and the other way round). */
    assert_status(snplp_training_plan_add_objective(NULL, NULL, "x", "X"), SNPLP_EINVAL);
    assert_status(snplp_theme_add_objective(NULL, NULL, "x", "X"), SNPLP_EINVAL);
    assert_status(
        snplp_training_plan_add_objective(NULL, (snplp_training_plan *)(void *)f.theme, "x", "X"),
        SNPLP_EINVAL);
    assert_status(snplp_theme_add_objective(NULL, (snplp_theme *)(void *)f.plan, "x", "X"),
                  SNPLP_EINVAL);
    assert_int_equal(snplp_referential_item_count(f.ref), items);
    assert_int_equal(snplp_referential_kind_of(f.ref, "x"), SNPLP_KIND_NONE);
    snplp_referential_unref(f.ref);
}

static void objective_null_and_wrong_kind(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_outcome *outcome = NULL;
    assert_ok(snplp_theme_add_outcome(&outcome, f.theme, "u", "Acquis"));
    snplp_recommendation *rec = NULL;
    assert_ok(snplp_theme_add_recommendation(&rec, f.theme, "r", "Recommandation"));
    /* An outcome and a recommendation have a text too: neither is an objective. */
    snplp_objective *const objects[] = {NULL, (snplp_objective *)(void *)outcome,
                                        (snplp_objective *)(void *)rec,
                                        (snplp_objective *)(void *)f.theme};
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_objective *x = objects[i];
        assert_null(snplp_objective_id(x));
        assert_null(snplp_objective_referential(x));
        assert_null(snplp_objective_text(x));
        assert_status(snplp_objective_set_text(x, "T"), SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    }
    assert_string_equal(snplp_outcome_text(outcome), "Acquis");
    assert_string_equal(snplp_recommendation_text(rec), "Recommandation");
    assert_string_equal(snplp_theme_title(f.theme), "Th\xc3\xa8me");
    snplp_referential_unref(f.ref);
}

/* ---- out of memory ---- */

typedef struct add_ctx {
    fixture *f;
    int parent;
    const char *id;
    size_t before, items;
    snplp_objective *out;
} add_ctx;

static int step_add(void *p)
{
    add_ctx *c = p;
    return add(&c->out, c->f, c->parent, c->id, "Conna\xc3\xaetre les publics");
}

static void check_add(void *p)
{
    add_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(count(c->f, c->parent), c->before);
    assert_int_equal(snplp_referential_item_count(c->f->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->f->ref, c->id), SNPLP_KIND_NONE);
    assert_null(snplp_referential_objective_find(c->f->ref, c->id));
}

static void objective_add_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    char id[32];
    for (int parent = 0; parent < 2; parent++) {
        /* Into an empty list, with room, and when the list grows (4 -> 8). */
        for (int i = 0; i < 6; i++) {
            snprintf(id, sizeof id, "o%d-%d", parent, i);
            add_ctx c = {&f,  parent, id, count(&f, parent), snplp_referential_item_count(f.ref),
                         NULL};
            assert_true(test_oom_sweep(step_add, check_add, &c) > 0);
            assert_non_null(c.out);
            assert_int_equal(count(&f, parent), c.before + 1);
            assert_string_equal(snplp_objective_text(c.out), "Conna\xc3\xaetre les publics");
        }
    }
    assert_int_equal(snplp_training_plan_objective_count(f.plan), 6);
    assert_int_equal(snplp_theme_objective_count(f.theme), 6);

    /* Until the referential's id map grows (it holds 48 ids at most before its first growth):
     * a failure then must leave the old map in place. */
    for (int i = 0; snplp_referential_item_count(f.ref) < 70; i++) {
        snprintf(id, sizeof id, "many%d", i);
        add_ctx c = {&f, 1, id, count(&f, 1), snplp_referential_item_count(f.ref), NULL};
        assert_true(test_oom_sweep(step_add, check_add, &c) > 0);
        assert_ptr_equal(snplp_referential_objective_find(f.ref, id), c.out);
    }
    /* Every id is still found after the growth. */
    for (size_t i = 0; i < snplp_theme_objective_count(f.theme); i++) {
        const snplp_objective *o = snplp_theme_objective_at(f.theme, i);
        assert_ptr_equal(snplp_referential_objective_find(f.ref, snplp_objective_id(o)), o);
    }
    snplp_referential_unref(f.ref);
}

typedef struct text_ctx {
    snplp_objective *objective;
    const char *text;
    const char *old;
} text_ctx;

static int step_set_text(void *p)
{
    text_ctx *c = p;
    return snplp_objective_set_text(c->objective, c->text);
}

static void check_set_text(void *p)
{
    text_ctx *c = p;
    assert_string_equal(snplp_objective_text(c->objective), c->old);
}

static void objective_set_text_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_objective *o = NULL;
    assert_ok(add(&o, &f, 1, "o", "Ancien"));
    text_ctx c = {o, "Nouveau", "Ancien"};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
    c = (text_ctx){o,
                   "Cre\xcc\x81"
                   "er",
                   "Nouveau"};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
    assert_string_equal(snplp_objective_text(o), "Cr\xc3\xa9"
                                                 "er");
    snplp_referential_unref(f.ref);
}

/* ---- deep equality ---- */

static snplp_referential *build(int where)
{
    fixture f = make_fixture();
    assert_ok(add(NULL, &f, where, "o1", "Un"));
    assert_ok(add(NULL, &f, 1, "o2", "Deux"));
    return f.ref;
}

static void objective_equality_sees_each_field(void **state)
{
    (void)state;
    snplp_referential *a = build(0);
    for (int change = 0; change < 3; change++) {
        snplp_referential *b = build(change == 2 ? 1 : 0);
        if (change < 2)
            assert_true(snplp_referential_equal(a, b));
        switch (change) {
        case 0:
            assert_ok(snplp_objective_set_text(snplp_referential_objective_find(b, "o1"), "un"));
            break;
        case 1:
            assert_ok(snplp_training_plan_add_objective(NULL, snplp_referential_training_plan(b),
                                                        "o3", "Trois"));
            break;
        case 2: /* o1 belongs to the theme instead of the plan */
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
        cmocka_unit_test(objective_fields),
        cmocka_unit_test(objective_add_errors),
        cmocka_unit_test(objective_null_and_wrong_kind),
        cmocka_unit_test(objective_add_oom),
        cmocka_unit_test(objective_set_text_oom),
        cmocka_unit_test(objective_equality_sees_each_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
