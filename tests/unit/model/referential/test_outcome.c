/* Tests of outcome.h: learning outcomes of the training plan and of a theme, their text and
 * whether they are meant for the workers more involved in the theme. */
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

/* Adds an outcome to the plan (parent 0) or to the theme (parent 1). */
static int add(snplp_outcome **out, const fixture *f, int parent, const char *id, const char *text)
{
    return parent ? snplp_theme_add_outcome(out, f->theme, id, text)
                  : snplp_training_plan_add_outcome(out, f->plan, id, text);
}

static size_t count(const fixture *f, int parent)
{
    return parent ? snplp_theme_outcome_count(f->theme)
                  : snplp_training_plan_outcome_count(f->plan);
}

static void outcome_fields(void **state)
{
    (void)state;
    fixture f = make_fixture();
    for (int parent = 0; parent < 2; parent++) {
        snplp_outcome *o = NULL;
        const char *id = parent ? "out-theme" : "out-plan";
        assert_ok(add(&o, &f, parent, id, "Conna\xc3\xaetre le re\xcc\x81seau"));
        assert_non_null(o);
        assert_string_equal(snplp_outcome_id(o), id);
        assert_ptr_equal(snplp_outcome_referential(o), f.ref);
        assert_string_equal(snplp_outcome_text(o), "Conna\xc3\xaetre le r\xc3\xa9seau");
        assert_false(snplp_outcome_for_involved(o)); /* not by default */
        assert_ptr_equal(snplp_referential_outcome_find(f.ref, id), o);
        assert_int_equal(snplp_referential_kind_of(f.ref, id), SNPLP_KIND_OUTCOME);

        assert_ok(snplp_outcome_set_text(o, "Autre"));
        assert_string_equal(snplp_outcome_text(o), "Autre");
        assert_status(snplp_outcome_set_text(o, NULL), SNPLP_EINVAL);
        for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
            assert_status(snplp_outcome_set_text(o, test_bad_texts[i]), SNPLP_EENCODING);
            assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
        }
        assert_string_equal(snplp_outcome_text(o), "Autre");
    }
    assert_ok(add(NULL, &f, 0, "out-plan2", "Deux"));
    assert_int_equal(snplp_training_plan_outcome_count(f.plan), 2);
    assert_string_equal(snplp_outcome_id(snplp_training_plan_outcome_at(f.plan, 1)), "out-plan2");
    assert_null(snplp_training_plan_outcome_at(f.plan, 2));
    assert_int_equal(snplp_theme_outcome_count(f.theme), 1);
    snplp_referential_unref(f.ref);
}

static void outcome_for_involved(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_outcome *a = NULL, *b = NULL;
    assert_ok(add(&a, &f, 1, "a", "Pour tous"));
    assert_ok(add(&b, &f, 1, "b", "Pour les plus impliqu\xc3\xa9s"));
    assert_ok(snplp_outcome_set_for_involved(b, true));
    assert_true(snplp_outcome_for_involved(b));
    assert_false(snplp_outcome_for_involved(a));        /* the flag is per outcome */
    assert_ok(snplp_outcome_set_for_involved(b, true)); /* idempotent */
    assert_true(snplp_outcome_for_involved(b));
    /* The flag and the text are independent. */
    assert_ok(snplp_outcome_set_text(b, "Nouveau texte"));
    assert_true(snplp_outcome_for_involved(b));
    assert_status(snplp_outcome_set_text(b, "\xff"), SNPLP_EENCODING);
    assert_true(snplp_outcome_for_involved(b));
    assert_ok(snplp_outcome_set_for_involved(b, false));
    assert_false(snplp_outcome_for_involved(b));
    assert_string_equal(snplp_outcome_text(b), "Nouveau texte");
    /* On a plan-wide outcome too. */
    snplp_outcome *p = NULL;
    assert_ok(add(&p, &f, 0, "p", "Plan"));
    assert_ok(snplp_outcome_set_for_involved(p, true));
    assert_true(snplp_outcome_for_involved(p));
    snplp_referential_unref(f.ref);
}

static void outcome_add_errors(void **state)
{
    (void)state;
    fixture f = make_fixture();
    assert_ok(add(NULL, &f, 0, "o1", "Un"));
    assert_ok(add(NULL, &f, 1, "o2", "Deux"));
    assert_ok(snplp_theme_add_objective(NULL, f.theme, "obj", "Objectif"));
    size_t items = snplp_referential_item_count(f.ref);
    char long_id[SNPLP_ID_MAX + 2];
    memset(long_id, 'a', SNPLP_ID_MAX + 1);
    long_id[SNPLP_ID_MAX + 1] = '\0';
    const char *const used[] = {"o1", "o2", "obj", "t", "strategy", "training-plan"};

    for (int parent = 0; parent < 2; parent++) {
        snplp_outcome *sentinel =
            parent ? snplp_theme_outcome_at(f.theme, 0) : snplp_training_plan_outcome_at(f.plan, 0);
        snplp_outcome *out = sentinel;
        assert_status(add(&out, &f, parent, NULL, "X"), SNPLP_EINVAL);
        assert_status(add(&out, &f, parent, "x", NULL), SNPLP_EINVAL);
        for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
            assert_status(add(&out, &f, parent, bad_ids[i], "X"), SNPLP_EBADID);
        assert_status(add(&out, &f, parent, long_id, "X"), SNPLP_EBADID);
        for (size_t i = 0; i < COUNT_OF(used); i++) {
            assert_status(add(&out, &f, parent, used[i], "X"), SNPLP_EEXISTS);
            assert_int_equal(snplp_error_last_code(), SNPLP_EEXISTS);
        }
        for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
            assert_status(add(&out, &f, parent, "x", test_bad_texts[i]), SNPLP_EENCODING);
        assert_ptr_equal(out, sentinel);
        assert_int_equal(count(&f, parent), 1);
    }
    assert_status(snplp_training_plan_add_outcome(NULL, NULL, "x", "X"), SNPLP_EINVAL);
    assert_status(snplp_theme_add_outcome(NULL, NULL, "x", "X"), SNPLP_EINVAL);
    assert_status(
        snplp_training_plan_add_outcome(NULL, (snplp_training_plan *)(void *)f.theme, "x", "X"),
        SNPLP_EINVAL);
    assert_status(snplp_theme_add_outcome(NULL, (snplp_theme *)(void *)f.plan, "x", "X"),
                  SNPLP_EINVAL);
    assert_int_equal(snplp_referential_item_count(f.ref), items);
    assert_int_equal(snplp_referential_kind_of(f.ref, "x"), SNPLP_KIND_NONE);
    snplp_referential_unref(f.ref);
}

static void outcome_null_and_wrong_kind(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_objective *objective = NULL;
    assert_ok(snplp_theme_add_objective(&objective, f.theme, "o", "Objectif"));
    snplp_recommendation *rec = NULL;
    assert_ok(snplp_theme_add_recommendation(&rec, f.theme, "r", "Recommandation"));
    snplp_outcome *real = NULL;
    assert_ok(add(&real, &f, 1, "u", "Acquis"));
    /* An objective and a recommendation have a text too: neither is an outcome. */
    snplp_outcome *const objects[] = {NULL, (snplp_outcome *)(void *)objective,
                                      (snplp_outcome *)(void *)rec,
                                      (snplp_outcome *)(void *)f.plan};
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_outcome *x = objects[i];
        assert_null(snplp_outcome_id(x));
        assert_null(snplp_outcome_referential(x));
        assert_null(snplp_outcome_text(x));
        assert_false(snplp_outcome_for_involved(x));
        assert_status(snplp_outcome_set_text(x, "T"), SNPLP_EINVAL);
        assert_status(snplp_outcome_set_for_involved(x, true), SNPLP_EINVAL);
        assert_status(snplp_outcome_set_for_involved(x, false), SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    }
    assert_string_equal(snplp_objective_text(objective), "Objectif");
    assert_string_equal(snplp_recommendation_text(rec), "Recommandation");
    assert_null(snplp_training_plan_title(f.plan));
    /* A wrong-kind object did not change the flag of the one outcome either. */
    assert_false(snplp_outcome_for_involved(real));
    snplp_referential_unref(f.ref);
}

/* ---- out of memory ---- */

typedef struct add_ctx {
    fixture *f;
    int parent;
    const char *id;
    size_t before, items;
    snplp_outcome *out;
} add_ctx;

static int step_add(void *p)
{
    add_ctx *c = p;
    return add(&c->out, c->f, c->parent, c->id, "Savoir e\xcc\x81valuer");
}

static void check_add(void *p)
{
    add_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(count(c->f, c->parent), c->before);
    assert_int_equal(snplp_referential_item_count(c->f->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->f->ref, c->id), SNPLP_KIND_NONE);
    assert_null(snplp_referential_outcome_find(c->f->ref, c->id));
}

static void outcome_add_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    char id[32];
    for (int parent = 0; parent < 2; parent++) {
        /* Into an empty list, with room, and when the list grows (4 -> 8). */
        for (int i = 0; i < 6; i++) {
            snprintf(id, sizeof id, "u%d-%d", parent, i);
            add_ctx c = {&f,  parent, id, count(&f, parent), snplp_referential_item_count(f.ref),
                         NULL};
            assert_true(test_oom_sweep(step_add, check_add, &c) > 0);
            assert_non_null(c.out);
            assert_int_equal(count(&f, parent), c.before + 1);
            assert_string_equal(snplp_outcome_text(c.out), "Savoir \xc3\xa9valuer");
            assert_false(snplp_outcome_for_involved(c.out));
        }
    }
    snplp_referential_unref(f.ref);
}

typedef struct text_ctx {
    snplp_outcome *outcome;
    const char *text;
    const char *old;
} text_ctx;

static int step_set_text(void *p)
{
    text_ctx *c = p;
    return snplp_outcome_set_text(c->outcome, c->text);
}

static void check_set_text(void *p)
{
    text_ctx *c = p;
    assert_string_equal(snplp_outcome_text(c->outcome), c->old);
    assert_true(snplp_outcome_for_involved(c->outcome));
}

static void outcome_set_text_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_outcome *o = NULL;
    assert_ok(add(&o, &f, 0, "o", "Ancien"));
    assert_ok(snplp_outcome_set_for_involved(o, true));
    text_ctx c = {o, "Nouveau", "Ancien"};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
    c = (text_ctx){o, "a\xcc\x80 jour", "Nouveau"};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
    assert_string_equal(snplp_outcome_text(o), "\xc3\xa0 jour");
    assert_true(snplp_outcome_for_involved(o));
    snplp_referential_unref(f.ref);
}

/* ---- deep equality ---- */

static snplp_referential *build(void)
{
    fixture f = make_fixture();
    snplp_outcome *o = NULL;
    assert_ok(add(&o, &f, 1, "u1", "Un"));
    assert_ok(snplp_outcome_set_for_involved(o, true));
    assert_ok(add(NULL, &f, 1, "u2", "Deux"));
    return f.ref;
}

static void outcome_equality_sees_each_field(void **state)
{
    (void)state;
    snplp_referential *a = build();
    for (int change = 0; change < 4; change++) {
        snplp_referential *b = build();
        assert_true(snplp_referential_equal(a, b));
        switch (change) {
        case 0:
            assert_ok(
                snplp_outcome_set_for_involved(snplp_referential_outcome_find(b, "u1"), false));
            break;
        case 1:
            assert_ok(
                snplp_outcome_set_for_involved(snplp_referential_outcome_find(b, "u2"), true));
            break;
        case 2:
            assert_ok(snplp_outcome_set_text(snplp_referential_outcome_find(b, "u2"), "deux"));
            break;
        case 3:
            assert_ok(snplp_training_plan_add_outcome(NULL, snplp_referential_training_plan(b),
                                                      "u3", "Trois"));
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
        cmocka_unit_test(outcome_fields),
        cmocka_unit_test(outcome_for_involved),
        cmocka_unit_test(outcome_add_errors),
        cmocka_unit_test(outcome_null_and_wrong_kind),
        cmocka_unit_test(outcome_add_oom),
        cmocka_unit_test(outcome_set_text_oom),
        cmocka_unit_test(outcome_equality_sees_each_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
