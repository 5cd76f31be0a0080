/* Helpers shared by the cmocka tests of decimals, dates and conventions: values written in
 * short, and assertions that print what differs. Every function is static inline: a program
 * that does not use one still compiles with -Wall -Wextra -Werror. */
#ifndef SNPLP_TEST_VALUES_H
#define SNPLP_TEST_VALUES_H

#include "test_util.h"

#include <stdio.h>

/* ---- decimals ---- */

static inline snplp_decimal dec(int64_t units, int32_t scale)
{
    snplp_decimal d = {units, scale};
    return d;
}

/* The decimal written text (fails the test if it does not parse). */
static inline snplp_decimal D(const char *text)
{
    snplp_decimal d = {0, 0};
    assert_ok(snplp_decimal_parse(&d, text, SIZE_MAX));
    return d;
}

/* got is want digit for digit: the same units at the same scale. */
static inline void assert_identical(snplp_decimal got, snplp_decimal want)
{
    if (!snplp_decimal_identical(got, want))
        print_error("got {%lld, %ld}, want {%lld, %ld}\n", (long long)got.units, (long)got.scale,
                    (long long)want.units, (long)want.scale);
    assert_true(snplp_decimal_identical(got, want));
}

/* ---- dates ---- */

/* A value failing calls must leave as it was. */
static const snplp_date date_sentinel = {1234, 5, 6};

static inline snplp_date date(int32_t year, int32_t month, int32_t day)
{
    snplp_date d = {year, month, day};
    return d;
}

static inline void assert_date(snplp_date got, int32_t year, int32_t month, int32_t day)
{
    if (got.year != year || got.month != month || got.day != day)
        print_error("got {%ld, %ld, %ld}, want {%ld, %ld, %ld}\n", (long)got.year, (long)got.month,
                    (long)got.day, (long)year, (long)month, (long)day);
    assert_int_equal(got.year, year);
    assert_int_equal(got.month, month);
    assert_int_equal(got.day, day);
}

/* ---- errors ---- */

/* Asserts that the thread's last error message holds part. */
static inline void assert_message_has(const char *part)
{
    const char *msg = snplp_error_last_message();
    if (!strstr(msg, part))
        print_error("message \"%s\" lacks \"%s\"\n", msg, part);
    assert_non_null(strstr(msg, part));
}

/* ---- conventions ---- */

/* A convention of the département code, for the years first..last (none if first is 0). */
static inline snplp_convention *conv_new(const char *id, const char *code, const char *name,
                                         int32_t first, int32_t last)
{
    snplp_convention *c = NULL;
    assert_ok(snplp_convention_new(&c, id, SNPLP_TERRITORY_DEPARTEMENT, code, name));
    if (first)
        assert_ok(snplp_convention_set_years(c, first, last));
    return c;
}

/* Records the target and the actual of an indicator for year (each written as text; NULL:
 * none). */
static inline void values(snplp_indicator *ind, int32_t year, const char *target,
                          const char *actual)
{
    if (target)
        assert_ok(snplp_indicator_set_target(ind, year, D(target)));
    if (actual)
        assert_ok(snplp_indicator_set_actual(ind, year, D(actual)));
}

#endif
