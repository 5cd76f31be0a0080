/* Tests of module.h: level, texts, duration, prerequisites and profession links by id,
 * competences and recommendations, with every error path and out of memory on every function
 * that allocates: the tests every kind shares (support/kind_tests.h), over the module's
 * description (support/kinds.c); then the theme named by id (and the theme's view that follows
 * it) and the lists of ids. */
#include "kind_tests.h"

#include <stdio.h>

#define bad_ids kind_bad_ids

static snplp_module *new_module(snplp_referential *ref, const char *theme_id, const char *id)
{
    snplp_module *m = NULL;
    assert_ok(snplp_referential_add_module(&m, ref, theme_id, id, SNPLP_LEVEL_FUNDAMENTALS, "M"));
    assert_non_null(m);
    return m;
}

/* The theme id snplp_referential_add_module() is given is checked like an id (its other
 * arguments: the list tests of test_referential.c). */
static void add_checks_the_theme_id(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    char long_id[SNPLP_ID_MAX + 2];
    test_long_id(long_id, SNPLP_ID_MAX + 1);
    snplp_module *out = (snplp_module *)(void *)ref;
    assert_fails(snplp_referential_add_module(&out, ref, NULL, "x", SNPLP_LEVEL_EXPERT, "X"),
                 SNPLP_EINVAL);
    for (size_t i = 0; i < kind_nbad_ids; i++)
        assert_fails(
            snplp_referential_add_module(&out, ref, bad_ids[i], "x", SNPLP_LEVEL_EXPERT, "X"),
            SNPLP_EBADID);
    assert_fails(snplp_referential_add_module(&out, ref, long_id, "x", SNPLP_LEVEL_EXPERT, "X"),
                 SNPLP_EBADID);
    assert_ptr_equal(out, ref);
    assert_int_equal(snplp_referential_module_count(ref), 0);
    assert_int_equal(snplp_referential_kind_of(ref, "x"), SNPLP_KIND_NONE);
    /* The longest ids are accepted. */
    test_long_id(long_id, SNPLP_ID_MAX);
    assert_ok(
        snplp_referential_add_module(NULL, ref, long_id, long_id + 1, SNPLP_LEVEL_EXPERT, "X"));
    assert_string_equal(snplp_module_theme_id(snplp_referential_module_find(ref, long_id + 1)),
                        long_id);
    snplp_referential_unref(ref);
}

/* A profession link is not a prerequisite, though both are lists of ids. */
static void equality_tells_the_lists_of_ids_apart(void **state)
{
    kind_fixture *f = *state;
    zoo b = zoo_new();
    assert_ok(snplp_module_add_profession(f->z.items[SNPLP_KIND_MODULE][0], "ass"));
    assert_ok(snplp_module_add_prerequisite(b.items[SNPLP_KIND_MODULE][0], "ass"));
    assert_false(snplp_referential_equal(f->z.ref, b.ref));
    assert_false(snplp_referential_equal(b.ref, f->z.ref));
    zoo_free(&b);
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
    /* the adds refuse a theme id naming another kind (the sign of swapped ids, 1.3); the
     * setter keeps it, for validation to report */
    snplp_module *m2 = NULL;
    assert_status(snplp_referential_add_module(&m2, ref, "m", "m2", SNPLP_LEVEL_EXPERT, "M2"),
                  SNPLP_EINVAL);
    assert_null(m2);
    assert_ok(snplp_referential_add_module(&m2, ref, "t-later", "m2", SNPLP_LEVEL_EXPERT, "M2"));
    assert_ok(snplp_module_set_theme_id(m2, "m"));
    assert_null(snplp_module_theme(m2));

    /* Errors leave the theme id as it was. */
    char long_id[SNPLP_ID_MAX + 2];
    test_long_id(long_id, SNPLP_ID_MAX + 1);
    assert_status(snplp_module_set_theme_id(m, NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < kind_nbad_ids; i++)
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
        for (size_t i = 0; i < kind_nbad_ids; i++)
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

/* ---- out of memory ---- */

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

int main(void)
{
    const struct CMUnitTest own[] = {
        cmocka_unit_test(add_checks_the_theme_id),
        cmocka_unit_test(module_theme_by_id),
        cmocka_unit_test(module_set_theme_id_keeps_order),
        cmocka_unit_test(module_id_lists),
        cmocka_unit_test(module_add_oom),
        cmocka_unit_test(module_set_theme_id_oom),
        KIND_TEST(equality_tells_the_lists_of_ids_apart),
    };
    return kind_tests_run(kinds[SNPLP_KIND_MODULE], own, COUNT_OF(own));
}
