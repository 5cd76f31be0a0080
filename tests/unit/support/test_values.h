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

/* The state of a test on the items of a convention: the convention build() makes, the items
 * of it named item and other (NULL: none), a copy built the same way, and the memory in use
 * before. */
typedef struct conv_fixture {
    snplp_convention *conv, *copy;
    void *item, *other;
    size_t memory;
} conv_fixture;

/* Makes the fixture: the items are the actions or indicators of the given ids; -1 on failure. */
static inline int conv_fixture_setup(void **state, snplp_convention *(*build)(void),
                                     const char *item, const char *other)
{
    conv_fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->memory = snplp_memory_used();
    f->conv = build();
    f->copy = build();
    if (!f->conv || !f->copy)
        return -1;
    f->item = snplp_convention_action_find(f->conv, item);
    if (!f->item)
        f->item = snplp_convention_indicator_find(f->conv, item);
    f->other = other ? snplp_convention_indicator_find(f->conv, other) : NULL;
    *state = f;
    return 0;
}

/* Frees the fixture: -1 unless the memory in use is back to what it was. */
static inline int conv_fixture_teardown(void **state)
{
    conv_fixture *f = *state;
    snplp_convention_unref(f->conv);
    snplp_convention_unref(f->copy);
    int rc = snplp_memory_used() == f->memory ? 0 : -1;
    free(f);
    return rc;
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
