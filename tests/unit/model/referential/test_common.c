/* Tests of common.h: the names of kinds and fields. */
#include "names.h"

#include <limits.h>

/* Every kind and field has its name (support/names.c), a static string; any other value is
 * "none". */
static const enum_names *const names[] = {&names_kind, &names_field, NULL};

/* The name of a kind is the one of the items of that kind (here the two a referential always
 * has and one added theme). */
static void kind_names_match_items(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_theme(NULL, ref, "t1", "Th\xc3\xa8me"));
    assert_string_equal(snplp_kind_name(snplp_referential_kind_of(ref, "strategy")), "strategy");
    assert_string_equal(snplp_kind_name(snplp_referential_kind_of(ref, "training-plan")),
                        "training-plan");
    assert_string_equal(snplp_kind_name(snplp_referential_kind_of(ref, "t1")), "theme");
    assert_string_equal(snplp_kind_name(snplp_referential_kind_of(ref, "nothing")), "none");
    snplp_referential_unref(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NAMES_TEST(names),
        cmocka_unit_test(kind_names_match_items),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
