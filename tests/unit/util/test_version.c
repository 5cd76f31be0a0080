/* Tests of version.h: the run-time version matches the compile-time macros. */
#include "test_util.h"

#include <stdio.h>

static void version_matches_macros(void **state)
{
    (void)state;
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", SNPLP_VERSION_MAJOR, SNPLP_VERSION_MINOR,
             SNPLP_VERSION_PATCH);
    assert_string_equal(snplp_version(), expected);
    assert_string_equal(snplp_version(), SNPLP_VERSION_STRING);
    assert_int_equal(snplp_version_number(), SNPLP_VERSION_NUMBER);
    assert_int_equal(snplp_version_number(),
                     SNPLP_VERSION_MAJOR * 10000 + SNPLP_VERSION_MINOR * 100 + SNPLP_VERSION_PATCH);
}

static void major_version_is_the_soname(void **state)
{
    (void)state;
    /* libsnplp.so.1: the major version is 1 until the ABI breaks. */
    assert_int_equal(SNPLP_VERSION_MAJOR, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version_matches_macros),
        cmocka_unit_test(major_version_is_the_soname),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
