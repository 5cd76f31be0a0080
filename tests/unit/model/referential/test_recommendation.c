/* Tests of recommendation.h: pedagogical recommendations of a theme (for all its modules) and
 * of a module, their text. */
#include "test_util.h"

#include <stdio.h>

static const char *const bad_ids[] = {"",    "1abc", "-abc", ".abc",
                                      "a b", "a/b",  "a:b",  "caf\xc3\xa9"};

typedef struct fixture {
    snplp_referential *ref;
    snplp_theme *theme;
    snplp_module *module;
} fixture;

static fixture make_fixture(void)
{
    fixture f = {.ref = test_new_referential()};
    assert_ok(snplp_referential_add_theme(&f.theme, f.ref, "t", "Th\xc3\xa8me"));
    assert_ok(snplp_theme_add_module(&f.module, f.theme, "m", SNPLP_LEVEL_EXPERT, "Module"));
    return f;
}

/* Adds a recommendation to the theme (parent 0) or to the module (parent 1). */
static int add(snplp_recommendation **out, const fixture *f, int parent, const char *id,
               const char *text)
{
    return parent ? snplp_module_add_recommendation(out, f->module, id, text)
                  : snplp_theme_add_recommendation(out, f->theme, id, text);
}

static size_t count(const fixture *f, int parent)
{
    return parent ? snplp_module_recommendation_count(f->module)
                  : snplp_theme_recommendation_count(f->theme);
}

static snplp_recommendation *at(const fixture *f, int parent, size_t i)
{
    return parent ? snplp_module_recommendation_at(f->module, i)
                  : snplp_theme_recommendation_at(f->theme, i);
}

static void recommendation_fields(void **state)
{
    (void)state;
    fixture f = make_fixture();
    for (int parent = 0; parent < 2; parent++) {
        snplp_recommendation *r = NULL;
        const char *id = parent ? "rec-module" : "rec-theme";
        assert_ok(add(&r, &f, parent, id, "Interventions de pairs aidants et d'e\xcc\x81lus"));
        assert_non_null(r);
        assert_string_equal(snplp_recommendation_id(r), id);
        assert_ptr_equal(snplp_recommendation_referential(r), f.ref);
        assert_string_equal(snplp_recommendation_text(r),
                            "Interventions de pairs aidants et d'\xc3\xa9lus");
        assert_ptr_equal(snplp_referential_recommendation_find(f.ref, id), r);
        assert_int_equal(snplp_referential_kind_of(f.ref, id), SNPLP_KIND_RECOMMENDATION);
        assert_ptr_equal(at(&f, parent, 0), r);
        assert_null(at(&f, parent, 1));

        assert_ok(snplp_recommendation_set_text(r, "Analyse des pratiques"));
        assert_string_equal(snplp_recommendation_text(r), "Analyse des pratiques");
        assert_status(snplp_recommendation_set_text(r, NULL), SNPLP_EINVAL);
        for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
            assert_status(snplp_recommendation_set_text(r, test_bad_texts[i]), SNPLP_EENCODING);
            assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
        }
        assert_string_equal(snplp_recommendation_text(r), "Analyse des pratiques");
    }
    /* Each parent has its own list. */
    assert_int_equal(snplp_theme_recommendation_count(f.theme), 1);
    assert_int_equal(snplp_module_recommendation_count(f.module), 1);
    assert_ok(add(NULL, &f, 1, "rec-module2",
                  "Sessions fractionn\xc3\xa9"
                  "es"));
    assert_int_equal(snplp_theme_recommendation_count(f.theme), 1);
    assert_int_equal(snplp_module_recommendation_count(f.module), 2);
    assert_string_equal(snplp_recommendation_id(at(&f, 1, 1)), "rec-module2");
    snplp_referential_unref(f.ref);
}

static void recommendation_add_errors(void **state)
{
    (void)state;
    fixture f = make_fixture();
    assert_ok(add(NULL, &f, 0, "r1", "Un"));
    assert_ok(add(NULL, &f, 1, "r2", "Deux"));
    assert_ok(snplp_module_add_competence(NULL, f.module, "c", "C"));
    size_t items = snplp_referential_item_count(f.ref);
    char long_id[SNPLP_ID_MAX + 2];
    memset(long_id, 'a', SNPLP_ID_MAX + 1);
    long_id[SNPLP_ID_MAX + 1] = '\0';
    const char *const used[] = {"r1", "r2", "c", "m", "t", "strategy"};

    for (int parent = 0; parent < 2; parent++) {
        snplp_recommendation *sentinel = at(&f, parent, 0);
        snplp_recommendation *out = sentinel;
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
    assert_status(snplp_theme_add_recommendation(NULL, NULL, "x", "X"), SNPLP_EINVAL);
    assert_status(snplp_module_add_recommendation(NULL, NULL, "x", "X"), SNPLP_EINVAL);
    assert_status(snplp_theme_add_recommendation(NULL, (snplp_theme *)(void *)f.module, "x", "X"),
                  SNPLP_EINVAL);
    assert_status(snplp_module_add_recommendation(NULL, (snplp_module *)(void *)f.theme, "x", "X"),
                  SNPLP_EINVAL);
    assert_int_equal(snplp_referential_item_count(f.ref), items);
    assert_int_equal(snplp_referential_kind_of(f.ref, "x"), SNPLP_KIND_NONE);
    snplp_referential_unref(f.ref);
}

static void recommendation_null_and_wrong_kind(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_objective *objective = NULL;
    assert_ok(snplp_theme_add_objective(&objective, f.theme, "o", "Objectif"));
    snplp_outcome *outcome = NULL;
    assert_ok(snplp_theme_add_outcome(&outcome, f.theme, "u", "Acquis"));
    /* An objective and an outcome have a text too: neither is a recommendation. */
    snplp_recommendation *const objects[] = {NULL, (snplp_recommendation *)(void *)objective,
                                             (snplp_recommendation *)(void *)outcome,
                                             (snplp_recommendation *)(void *)f.module};
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_recommendation *x = objects[i];
        assert_null(snplp_recommendation_id(x));
        assert_null(snplp_recommendation_referential(x));
        assert_null(snplp_recommendation_text(x));
        assert_status(snplp_recommendation_set_text(x, "T"), SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    }
    assert_string_equal(snplp_objective_text(objective), "Objectif");
    assert_string_equal(snplp_outcome_text(outcome), "Acquis");
    assert_string_equal(snplp_module_title(f.module), "Module");
    snplp_referential_unref(f.ref);
}

/* ---- out of memory ---- */

typedef struct add_ctx {
    fixture *f;
    int parent;
    const char *id;
    size_t before, items;
    snplp_recommendation *out;
} add_ctx;

static int step_add(void *p)
{
    add_ctx *c = p;
    return add(&c->out, c->f, c->parent, c->id,
               "Mises en situation re\xcc\x81"
               "elles");
}

static void check_add(void *p)
{
    add_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(count(c->f, c->parent), c->before);
    assert_null(at(c->f, c->parent, c->before));
    assert_int_equal(snplp_referential_item_count(c->f->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->f->ref, c->id), SNPLP_KIND_NONE);
}

static void recommendation_add_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    char id[32];
    for (int parent = 0; parent < 2; parent++) {
        /* Into an empty list, with room, and when the list grows (4 -> 8). */
        for (int i = 0; i < 6; i++) {
            snprintf(id, sizeof id, "r%d-%d", parent, i);
            add_ctx c = {&f,  parent, id, count(&f, parent), snplp_referential_item_count(f.ref),
                         NULL};
            assert_true(test_oom_sweep(step_add, check_add, &c) > 0);
            assert_ptr_equal(at(&f, parent, c.before), c.out);
            assert_string_equal(snplp_recommendation_text(c.out), "Mises en situation r\xc3\xa9"
                                                                  "elles");
        }
    }
    snplp_referential_unref(f.ref);
}

typedef struct text_ctx {
    snplp_recommendation *rec;
    const char *text;
    const char *old;
} text_ctx;

static int step_set_text(void *p)
{
    text_ctx *c = p;
    return snplp_recommendation_set_text(c->rec, c->text);
}

static void check_set_text(void *p)
{
    text_ctx *c = p;
    assert_string_equal(snplp_recommendation_text(c->rec), c->old);
}

static void recommendation_set_text_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_recommendation *r = NULL;
    assert_ok(add(&r, &f, 1, "r", "Ancien"));
    text_ctx c = {r, "Nouveau", "Ancien"};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
    c = (text_ctx){r, "Tu\xcc\x88r", "Nouveau"};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &c) > 0);
    assert_string_equal(snplp_recommendation_text(r), "T\xc3\xbcr");
    snplp_referential_unref(f.ref);
}

/* ---- deep equality ---- */

static snplp_referential *build(int where)
{
    fixture f = make_fixture();
    assert_ok(add(NULL, &f, where, "r1", "Un"));
    assert_ok(add(NULL, &f, 1, "r2", "Deux"));
    return f.ref;
}

static void recommendation_equality_sees_each_field(void **state)
{
    (void)state;
    snplp_referential *a = build(0);
    for (int change = 0; change < 3; change++) {
        snplp_referential *b = build(change == 2);
        if (change < 2)
            assert_true(snplp_referential_equal(a, b));
        switch (change) {
        case 0:
            assert_ok(snplp_recommendation_set_text(snplp_referential_recommendation_find(b, "r2"),
                                                    "Deux "));
            break;
        case 1:
            assert_ok(snplp_theme_add_recommendation(NULL, snplp_referential_theme_find(b, "t"),
                                                     "r3", "Trois"));
            break;
        case 2: /* r1 belongs to the module instead of the theme */
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
        cmocka_unit_test(recommendation_fields),
        cmocka_unit_test(recommendation_add_errors),
        cmocka_unit_test(recommendation_null_and_wrong_kind),
        cmocka_unit_test(recommendation_add_oom),
        cmocka_unit_test(recommendation_set_text_oom),
        cmocka_unit_test(recommendation_equality_sees_each_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
