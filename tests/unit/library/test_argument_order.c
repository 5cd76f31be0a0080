/* Tests of the entry points of 1.3 that put out-parameters first and the item's id right after
 * its parent, as docs/architecture.md says every function does (issue 16):
 * snplp_convention_funding_in(), snplp_referential_foreign_attribute(),
 * snplp_convention_foreign_attribute(), snplp_matrix_missing() and
 * snplp_referential_add_module_to_theme(), each giving what the function it supersedes gives;
 * and the guard against a module's and its theme's ids given in the wrong order. */
#include "test_util.h"

static void funding_in(void **state)
{
    (void)state;
    snplp_convention *conv;
    assert_ok(snplp_convention_new(&conv, "conv-1", SNPLP_TERRITORY_DEPARTEMENT, "49", "M-et-L"));
    assert_ok(snplp_convention_set_funding(conv, 2020, 1000, 250));
    int64_t state_cents = 0, own_cents = 0, s2 = 0, o2 = 0;
    assert_ok(snplp_convention_funding_in(&state_cents, &own_cents, conv, 2020));
    assert_ok(snplp_convention_funding(conv, 2020, &s2, &o2));
    assert_int_equal(state_cents, 1000);
    assert_int_equal(own_cents, 250);
    assert_int_equal(s2, state_cents);
    assert_int_equal(o2, own_cents);
    assert_ok(snplp_convention_funding_in(NULL, NULL, conv, 2020));
    assert_fails(snplp_convention_funding_in(&state_cents, &own_cents, conv, 2021),
                 SNPLP_ENOTFOUND);
    assert_string_equal(snplp_error_last_function(), "snplp_convention_funding_in");
    assert_fails(snplp_convention_funding_in(&state_cents, NULL, NULL, 2020), SNPLP_EINVAL);
    snplp_convention_unref(conv);
}

static void foreign_attributes(void **state)
{
    (void)state;
    snplp_referential *ref;
    assert_ok(snplp_referential_new(&ref));
    assert_ok(snplp_referential_set_foreign_attribute(ref, "strategy", "urn:x", "x", "a", "v"));
    const char *ns = NULL, *prefix = NULL, *name = NULL, *value = NULL;
    assert_ok(snplp_referential_foreign_attribute(&ns, &prefix, &name, &value, ref, "strategy", 0));
    assert_string_equal(ns, "urn:x");
    assert_string_equal(prefix, "x");
    assert_string_equal(name, "a");
    assert_string_equal(value, "v");
    const char *ns2 = NULL, *value2 = NULL;
    assert_ok(
        snplp_referential_foreign_attribute_at(ref, "strategy", 0, &ns2, NULL, NULL, &value2));
    assert_ptr_equal(ns, ns2);
    assert_ptr_equal(value, value2);
    assert_fails(snplp_referential_foreign_attribute(&ns, NULL, NULL, NULL, ref, "strategy", 1),
                 SNPLP_ENOTFOUND);
    assert_string_equal(snplp_error_last_function(), "snplp_referential_foreign_attribute");
    assert_fails(snplp_referential_foreign_attribute(NULL, NULL, NULL, NULL, ref, "nope", 0),
                 SNPLP_ENOTFOUND);
    snplp_referential_unref(ref);

    snplp_convention *conv;
    snplp_action *a;
    assert_ok(snplp_convention_new(&conv, "conv-1", SNPLP_TERRITORY_DEPARTEMENT, "49", "M-et-L"));
    assert_ok(snplp_convention_add_action(&a, conv, "a1", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK, "A"));
    assert_ok(snplp_convention_set_foreign_attribute(conv, "a1", "urn:y", "y", "b", "w"));
    assert_ok(snplp_convention_foreign_attribute(&ns, &prefix, &name, &value, conv, "a1", 0));
    assert_string_equal(ns, "urn:y");
    assert_string_equal(value, "w");
    assert_ok(snplp_convention_foreign_attribute_at(conv, "a1", 0, &ns2, NULL, NULL, NULL));
    assert_ptr_equal(ns, ns2);
    assert_fails(snplp_convention_foreign_attribute(&ns, NULL, NULL, NULL, conv, NULL, 0),
                 SNPLP_ENOTFOUND);
    assert_fails(snplp_convention_foreign_attribute(&ns, NULL, NULL, NULL, NULL, NULL, 0),
                 SNPLP_EINVAL);
    snplp_convention_unref(conv);
}

static void matrix_missing(void **state)
{
    (void)state;
    snplp_convention *conv;
    snplp_indicator *ind;
    assert_ok(snplp_convention_new(&conv, "conv-1", SNPLP_TERRITORY_DEPARTEMENT, "49", "M-et-L"));
    assert_ok(snplp_convention_set_years(conv, 2020, 2020));
    assert_ok(snplp_convention_add_indicator(&ind, conv, "i1", "Indicator", SNPLP_UNIT_COUNT));
    assert_ok(snplp_indicator_set_target(ind, 2020, (snplp_decimal){10, 0}));
    snplp_matrix *m;
    assert_ok(snplp_convention_matrix(&m, conv, NULL));
    assert_int_equal(snplp_matrix_missing_count(m, 0, 2020), 1);
    const char *id = NULL;
    unsigned what = 0, what2 = 0;
    assert_ok(snplp_matrix_missing(&id, &what, m, 0, 2020, 0));
    assert_string_equal(id, "conv-1");
    assert_int_equal(what, SNPLP_MISSING_ACTUAL);
    assert_ptr_equal(snplp_matrix_missing_at(m, 0, 2020, 0, &what2), id);
    assert_int_equal(what2, what);
    assert_ok(snplp_matrix_missing(NULL, NULL, m, 0, 2020, 0));
    assert_fails(snplp_matrix_missing(&id, &what, m, 0, 2020, 1), SNPLP_ENOTFOUND);
    assert_fails(snplp_matrix_missing(&id, &what, m, 0, 2019, 0), SNPLP_ENOTFOUND);
    assert_fails(snplp_matrix_missing(&id, &what, m, 5, 2020, 0), SNPLP_ENOTFOUND);
    assert_fails(snplp_matrix_missing(&id, &what, NULL, 0, 2020, 0), SNPLP_EINVAL);
    snplp_matrix_free(m);
    snplp_convention_unref(conv);
}

static void add_module_to_theme(void **state)
{
    (void)state;
    snplp_referential *ref;
    snplp_module *m = NULL, *m2 = NULL;
    snplp_theme *t;
    assert_ok(snplp_referential_new(&ref));
    /* the module first: its theme may come later */
    assert_ok(
        snplp_referential_add_module_to_theme(&m, ref, "m1", "t1", SNPLP_LEVEL_EXPERT, "Module"));
    assert_string_equal(snplp_module_id(m), "m1");
    assert_string_equal(snplp_module_theme_id(m), "t1");
    assert_ok(snplp_referential_add_theme(&t, ref, "t1", "Theme"));
    assert_ptr_equal(snplp_theme_module_at(t, 0), m);
    assert_ok(snplp_referential_add_module(&m2, ref, "t1", "m2", SNPLP_LEVEL_EXPERT, "Module 2"));
    assert_ptr_equal(snplp_theme_module_at(t, 1), m2);

    /* swapped ids: the "theme" is a module, or the "module" id is the theme's */
    assert_fails(
        snplp_referential_add_module_to_theme(NULL, ref, "m3", "m1", SNPLP_LEVEL_EXPERT, "M"),
        SNPLP_EINVAL);
    assert_non_null(strstr(snplp_error_last_reason(), "names a module, not a theme"));
    assert_fails(snplp_referential_add_module(NULL, ref, "m1", "m3", SNPLP_LEVEL_EXPERT, "M"),
                 SNPLP_EINVAL);
    assert_string_equal(snplp_error_last_function(), "snplp_referential_add_module");
    assert_fails(
        snplp_referential_add_module_to_theme(NULL, ref, "t1", "m9", SNPLP_LEVEL_EXPERT, "M"),
        SNPLP_EEXISTS);
    assert_int_equal(snplp_referential_module_count(ref), 2);
    /* the guard does not stop a theme that does not exist yet */
    assert_ok(
        snplp_referential_add_module_to_theme(NULL, ref, "m4", "t2", SNPLP_LEVEL_EXPERT, "M"));
    snplp_referential_unref(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(funding_in),
        cmocka_unit_test(foreign_attributes),
        cmocka_unit_test(matrix_missing),
        cmocka_unit_test(add_module_to_theme),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
