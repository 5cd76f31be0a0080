/* Tests of theme.h: fields, labels, objectives, outcomes and recommendations of a theme, with
 * every error path and out of memory on every function that allocates: the tests every kind
 * shares (support/kind_tests.h), over the theme's description (support/kinds.c); then its view
 * of the modules that name it (in the referential's insertion order, whether the module or the
 * theme came first). */
#include "kind_tests.h"

#include <stdio.h>

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

    snplp_referential_unref(a);
    snplp_referential_unref(b);
}

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

int main(void)
{
    const struct CMUnitTest own[] = {
        cmocka_unit_test(theme_add_module_is_referential_add_module),
        cmocka_unit_test(theme_modules_in_insertion_order),
        cmocka_unit_test(theme_modules_follow_moves),
        cmocka_unit_test(theme_add_oom_adopts_modules),
        cmocka_unit_test(theme_add_module_oom),
    };
    return kind_tests_run(kinds[SNPLP_KIND_THEME], own, COUNT_OF(own));
}
