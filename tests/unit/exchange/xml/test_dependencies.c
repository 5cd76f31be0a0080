/* snplp_dependency_version() (version.h, exchange/xml/dependencies.c): the versions of ICU and
 * libxml2 that libsnplp runs with. */
#include "test_util.h"

#include <stdio.h>
#include <string.h>

#include <libxml/xmlversion.h>
#include <unicode/uversion.h>

#include <snplp/version.h>

static void icu(void **state)
{
    (void)state;
    const char *v = snplp_dependency_version("icu");
    assert_non_null(v);
    char major[16];
    snprintf(major, sizeof major, "%d.", U_ICU_VERSION_MAJOR_NUM);
    /* the run-time library has the major version it was built against (its soname) */
    assert_int_equal(strncmp(v, major, strlen(major)), 0);
    assert_ptr_equal(snplp_dependency_version("icu"), v);
}

static void libxml2(void **state)
{
    (void)state;
    const char *v = snplp_dependency_version("libxml2");
    assert_non_null(v);
    int a, b, c;
    char end;
    assert_int_equal(sscanf(v, "%d.%d.%d%c", &a, &b, &c, &end), 3);
    assert_int_equal(a, LIBXML_VERSION / 10000);
}

static void unknown(void **state)
{
    (void)state;
    assert_null(snplp_dependency_version(NULL));
    assert_null(snplp_dependency_version("zlib"));
    assert_null(snplp_dependency_version("ICU")); /* names are exact */
    assert_null(snplp_dependency_version(""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(icu),
        cmocka_unit_test(libxml2),
        cmocka_unit_test(unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
