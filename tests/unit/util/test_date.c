/* Tests of date.h: calendar days of years 1000 to 9999 (leap years included: every fourth year
 * except centuries not divisible by 400), the strict "YYYY-MM-DD" parser and its messages,
 * formatting and buffer sizes, the total order of compare, day counts across months, leap years
 * and centuries (checked against a day-by-day walk), and today's date. */
#include "test_util.h"
#include "test_values.h"

#include <stdio.h>
#include <time.h>

/* ---- validity and leap years ---- */

static void leap_years(void **state)
{
    (void)state;
    static const int32_t leap[] = {2024, 2020, 2000, 1600, 2400, 1004, 9996, 2016};
    static const int32_t common[] = {2023, 2021, 2019, 1900, 2100, 2200, 2300, 1000, 9999, 1001};
    for (size_t i = 0; i < COUNT_OF(leap); i++)
        assert_true(snplp_date_is_leap_year(leap[i]));
    for (size_t i = 0; i < COUNT_OF(common); i++)
        assert_false(snplp_date_is_leap_year(common[i]));
}

static void valid_days(void **state)
{
    (void)state;
    static const snplp_date valid[] = {
        {2021, 3, 31}, {2024, 2, 29},  {2000, 2, 29},  {2023, 2, 28}, {1900, 2, 28},
        {1000, 1, 1},  {9999, 12, 31}, {2021, 1, 31},  {2021, 4, 30}, {2021, 6, 30},
        {2021, 9, 30}, {2021, 11, 30}, {2021, 12, 31}, {2021, 7, 31}, {2021, 8, 31},
    };
    for (size_t i = 0; i < COUNT_OF(valid); i++)
        assert_true(snplp_date_is_valid(valid[i]));
    static const snplp_date invalid[] = {
        {2023, 2, 29},        {1900, 2, 29},     {2100, 2, 29},
        {2024, 2, 30},        {2021, 4, 31},     {2021, 6, 31},
        {2021, 9, 31},        {2021, 11, 31},    {2021, 1, 32},
        {2021, 13, 1},        {2021, 0, 1},      {2021, 1, 0},
        {2021, -1, 1},        {2021, 1, -1},     {999, 12, 31},
        {10000, 1, 1},        {0, 1, 1},         {-2021, 1, 1},
        {INT32_MAX, 1, 1},    {INT32_MIN, 1, 1}, {2021, INT32_MAX, 1},
        {2021, 1, INT32_MIN}, {0, 0, 0},
    };
    for (size_t i = 0; i < COUNT_OF(invalid); i++)
        assert_false(snplp_date_is_valid(invalid[i]));
}

/* Every day of every month of years 1999 to 2001 and some centuries: the month lengths. */
static void month_lengths(void **state)
{
    (void)state;
    static const int32_t years[] = {1000, 1900, 1999, 2000, 2001, 2023, 2024, 9999};
    for (size_t y = 0; y < COUNT_OF(years); y++) {
        int32_t year = years[y];
        int32_t total = 0;
        for (int32_t m = 1; m <= 12; m++) {
            int32_t length = 0;
            while (snplp_date_is_valid(date(year, m, length + 1)))
                length++;
            assert_true(length >= 28 && length <= 31);
            total += length;
        }
        assert_int_equal(total, snplp_date_is_leap_year(year) ? 366 : 365);
    }
}

/* ---- parsing ---- */

static void parse_valid(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int32_t year, month, day;
    } cases[] = {
        {"2021-03-31", 2021, 3, 31}, {"2024-02-29", 2024, 2, 29},  {"2000-02-29", 2000, 2, 29},
        {"1000-01-01", 1000, 1, 1},  {"9999-12-31", 9999, 12, 31}, {"2019-10-09", 2019, 10, 9},
        {"1900-02-28", 1900, 2, 28},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        snplp_date d = date_sentinel;
        assert_ok(snplp_date_parse(&d, cases[i].text));
        assert_date(d, cases[i].year, cases[i].month, cases[i].day);
        assert_true(snplp_date_is_valid(d));
    }
}

static void parse_refusals(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *message; /* a part of the message */
    } cases[] = {
        {"", "empty"},
        {"2021-3-31", "offset 6, in the month"},
        {"2021-03-1", "ends after 9 characters, in the day"},
        {"2021", "ends after 4 characters"},
        {"2021-03-31 ", "goes on after the day"},
        {"2021-03-310", "11 characters"},
        {"21-03-31", "offset 2, in the year"},
        {"20a1-03-31", "'a' at offset 2, in the year"},
        {"2021/03/31", "'/' at offset 4, in the '-' after the year"},
        {"2021-03/31", "'/' at offset 7, in the '-' after the month"},
        {"2021-0x-31", "'x' at offset 6, in the month"},
        {"2021-03-3x", "'x' at offset 9, in the day"},
        {" 2021-03-31", "' ' at offset 0, in the year"},
        {"+2021-03-3", "'+' at offset 0"},
        {"-021-03-31", "'-' at offset 0"},
        {"2021-03-\xc3\xa9", "byte 0xC3 at offset 8, in the day"},
        {"2021-\x01\x02-31", "byte 0x01 at offset 5"},
        {"31/03/2021", "offset 2"},
        {"2021-02-30", "the day 30 of \"2021-02-30\" is not 01 to 28"},
        {"2023-02-29", "(not a leap year)"},
        {"1900-02-29", "(not a leap year)"},
        {"2024-02-30", "is not 01 to 29: month 02 of 2024 has 29 days (a leap year)"},
        {"2021-04-31", "month 04 of 2021 has 30 days"},
        {"2021-03-00", "the day 00"},
        {"2021-00-10", "the month 00 of \"2021-00-10\" is not 01 to 12"},
        {"2021-13-01", "the month 13"},
        {"0999-12-31", "the year 0999 is before 1000"},
        {"0000-01-01", "the year 0000"},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        snplp_date d = date_sentinel;
        assert_fails(snplp_date_parse(&d, cases[i].text), SNPLP_EPARSE);
        assert_message_has("snplp_date_parse");
        assert_message_has(cases[i].message);
        assert_date(d, date_sentinel.year, date_sentinel.month, date_sentinel.day);
    }
}

static void parse_null(void **state)
{
    (void)state;
    snplp_date d = date_sentinel;
    assert_fails(snplp_date_parse(&d, NULL), SNPLP_EINVAL);
    assert_message_has("text is NULL");
    assert_fails(snplp_date_parse(NULL, "2021-03-31"), SNPLP_EINVAL);
    assert_message_has("out is NULL");
    assert_date(d, date_sentinel.year, date_sentinel.month, date_sentinel.day);
}

/* ---- formatting ---- */

static void format_round_trip(void **state)
{
    (void)state;
    static const char *const texts[] = {"2021-03-31", "2024-02-29", "1000-01-01",
                                        "9999-12-31", "2019-01-09", "2000-10-01"};
    for (size_t i = 0; i < COUNT_OF(texts); i++) {
        snplp_date d;
        assert_ok(snplp_date_parse(&d, texts[i]));
        char buf[SNPLP_DATE_TEXT_SIZE];
        assert_ok(snplp_date_format(buf, sizeof buf, d));
        assert_string_equal(buf, texts[i]);
    }
    /* every day of a leap year and of a century that is not one goes both ways */
    static const int32_t years[] = {1900, 2000, 2024};
    for (size_t y = 0; y < COUNT_OF(years); y++) {
        for (int32_t m = 1; m <= 12; m++) {
            for (int32_t day = 1; snplp_date_is_valid(date(years[y], m, day)); day++) {
                char buf[SNPLP_DATE_TEXT_SIZE];
                assert_ok(snplp_date_format(buf, sizeof buf, date(years[y], m, day)));
                char want[32];
                snprintf(want, sizeof want, "%04ld-%02ld-%02ld", (long)years[y], (long)m,
                         (long)day);
                assert_string_equal(buf, want);
                snplp_date back = date_sentinel;
                assert_ok(snplp_date_parse(&back, buf));
                assert_date(back, years[y], m, day);
            }
        }
    }
}

static void format_buffer_sizes(void **state)
{
    (void)state;
    char buf[32];
    memset(buf, '#', sizeof buf);
    for (size_t size = 0; size < SNPLP_DATE_TEXT_SIZE; size++) {
        assert_fails(snplp_date_format(buf, size, date(2021, 3, 31)), SNPLP_EINVAL);
        assert_message_has("the buffer holds");
        assert_int_equal(buf[0], '#'); /* untouched */
    }
    assert_ok(snplp_date_format(buf, SNPLP_DATE_TEXT_SIZE, date(2021, 3, 31)));
    assert_string_equal(buf, "2021-03-31");
    assert_int_equal(buf[SNPLP_DATE_TEXT_SIZE], '#'); /* nothing written past it */
    assert_ok(snplp_date_format(buf, sizeof buf, date(2021, 3, 31)));
    assert_string_equal(buf, "2021-03-31");
}

static void format_refusals(void **state)
{
    (void)state;
    char buf[SNPLP_DATE_TEXT_SIZE] = "untouched";
    assert_fails(snplp_date_format(NULL, 11, date(2021, 3, 31)), SNPLP_EINVAL);
    assert_message_has("buf is NULL");
    assert_fails(snplp_date_format(buf, sizeof buf, date(2023, 2, 29)), SNPLP_EINVAL);
    assert_message_has("{2023, 2, 29}");
    assert_fails(snplp_date_format(buf, sizeof buf, date(999, 1, 1)), SNPLP_EINVAL);
    assert_fails(snplp_date_format(buf, sizeof buf, date(10000, 1, 1)), SNPLP_EINVAL);
    assert_fails(snplp_date_format(buf, sizeof buf, date(2021, 0, 1)), SNPLP_EINVAL);
    assert_string_equal(buf, "untouched");
}

/* ---- comparing ---- */

static void compare_total_order(void **state)
{
    (void)state;
    /* in increasing order: the invalid values first (among themselves by year, month, day) */
    static const snplp_date sorted[] = {
        {INT32_MIN, 1, 1}, {0, 0, 0},      {999, 12, 31}, {2021, 2, 29},  {2021, 13, 1},
        {1000, 1, 1},      {1999, 12, 31}, {2000, 1, 1},  {2000, 2, 29},  {2000, 3, 1},
        {2021, 3, 30},     {2021, 3, 31},  {2021, 4, 1},  {2021, 12, 31}, {9999, 12, 31},
    };
    size_t n = COUNT_OF(sorted);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            int want = (i > j) - (i < j);
            int got = snplp_date_compare(sorted[i], sorted[j]);
            if (got != want)
                print_error("compare(#%zu, #%zu) = %d, want %d\n", i, j, got, want);
            assert_int_equal(got, want);
        }
    }
    assert_int_equal(snplp_date_compare(date(2021, 3, 31), date(2021, 3, 31)), 0);
    assert_int_equal(snplp_date_compare(date(2021, 2, 30), date(2021, 2, 30)), 0);
}

static int compare_for_qsort(const void *a, const void *b)
{
    return snplp_date_compare(*(const snplp_date *)a, *(const snplp_date *)b);
}

static void compare_sorts(void **state)
{
    (void)state;
    snplp_date v[] = {{2021, 4, 1}, {2020, 12, 31}, {2021, 2, 30}, {2021, 3, 31}, {2020, 1, 1}};
    qsort(v, COUNT_OF(v), sizeof v[0], compare_for_qsort);
    assert_date(v[0], 2021, 2, 30);
    assert_date(v[1], 2020, 1, 1);
    assert_date(v[2], 2020, 12, 31);
    assert_date(v[3], 2021, 3, 31);
    assert_date(v[4], 2021, 4, 1);
}

/* ---- counting days ---- */

static int32_t between(snplp_date from, snplp_date to)
{
    int32_t n = -42;
    assert_ok(snplp_date_days_between(&n, from, to));
    return n;
}

static void days_between_examples(void **state)
{
    (void)state;
    assert_int_equal(between(date(2024, 2, 28), date(2024, 3, 1)), 2);
    assert_int_equal(between(date(2023, 2, 28), date(2023, 3, 1)), 1);
    assert_int_equal(between(date(2000, 2, 28), date(2000, 3, 1)), 2);
    assert_int_equal(between(date(1900, 2, 28), date(1900, 3, 1)), 1);
    assert_int_equal(between(date(1999, 12, 31), date(2000, 1, 1)), 1);
    assert_int_equal(between(date(2000, 1, 1), date(1999, 12, 31)), -1);
    assert_int_equal(between(date(2024, 3, 1), date(2024, 2, 28)), -2);
    assert_int_equal(between(date(2021, 3, 31), date(2021, 3, 31)), 0);
    assert_int_equal(between(date(2021, 3, 31), date(2021, 4, 2)), 2);
    assert_int_equal(between(date(2023, 1, 1), date(2024, 1, 1)), 365);
    assert_int_equal(between(date(2024, 1, 1), date(2025, 1, 1)), 366);
    assert_int_equal(between(date(2000, 1, 1), date(2100, 1, 1)), 36525);
    assert_int_equal(between(date(2100, 1, 1), date(2200, 1, 1)), 36524);
    assert_int_equal(between(date(1600, 1, 1), date(2000, 1, 1)), 146097);
    assert_int_equal(between(date(1970, 1, 1), date(2021, 3, 31)), 18717);
    /* the whole range: 9000 years, of which 2182 leap (2250 multiples of 4, minus 90
     * centuries, plus 22 multiples of 400) */
    assert_int_equal(between(date(1000, 1, 1), date(9999, 12, 31)), 9000 * 365 + 2182 - 1);
    assert_int_equal(between(date(9999, 12, 31), date(1000, 1, 1)), -(9000 * 365 + 2182 - 1));
}

/* The day after d (valid, not 9999-12-31). */
static snplp_date next_day(snplp_date d)
{
    snplp_date n = date(d.year, d.month, d.day + 1);
    if (snplp_date_is_valid(n))
        return n;
    n = date(d.year, d.month + 1, 1);
    if (snplp_date_is_valid(n))
        return n;
    return date(d.year + 1, 1, 1);
}

/* Day by day from 1896 to 2104 (the centuries 1900 and 2100, the leap 2000): every step is one
 * day, and counts from a fixed day grow by one. */
static void days_between_walk(void **state)
{
    (void)state;
    snplp_date origin = date(1896, 1, 1), d = origin;
    int32_t expected = 0;
    while (d.year < 2105) {
        snplp_date n = next_day(d);
        assert_int_equal(between(d, n), 1);
        assert_int_equal(between(n, d), -1);
        assert_int_equal(between(origin, d), expected);
        assert_int_equal(between(d, origin), -expected);
        d = n;
        expected++;
    }
}

static void days_between_refusals(void **state)
{
    (void)state;
    int32_t n = -42;
    assert_fails(snplp_date_days_between(NULL, date(2021, 1, 1), date(2021, 1, 2)), SNPLP_EINVAL);
    assert_message_has("out is NULL");
    assert_fails(snplp_date_days_between(&n, date(2023, 2, 29), date(2021, 1, 2)), SNPLP_EINVAL);
    assert_message_has("from {2023, 2, 29}");
    assert_fails(snplp_date_days_between(&n, date(2021, 1, 2), date(2021, 13, 1)), SNPLP_EINVAL);
    assert_message_has("to {2021, 13, 1}");
    assert_fails(snplp_date_days_between(&n, date(999, 12, 31), date(1000, 1, 1)), SNPLP_EINVAL);
    assert_int_equal(n, -42);
}

/* ---- today ---- */

/* The local date of the process, computed here as the library does (fails the test if the
 * clock cannot be read). */
static snplp_date local_date(void)
{
    time_t now = time(NULL);
    struct tm tm;
    assert_true(now != (time_t)-1);
    assert_non_null(localtime_r(&now, &tm));
    return date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void today(void **state)
{
    (void)state;
    snplp_date before = local_date();
    snplp_date d = {0, 0, 0};
    assert_ok(snplp_date_today(&d));
    snplp_date after = local_date();
    assert_true(snplp_date_is_valid(d));
    /* the same day as the clock read around it (midnight may pass in between) */
    assert_true(snplp_date_compare(before, d) <= 0 && snplp_date_compare(d, after) <= 0);
    assert_true(snplp_date_compare(d, date(2024, 1, 1)) > 0); /* written in 2026 */
    assert_fails(snplp_date_today(NULL), SNPLP_EINVAL);
    assert_message_has("out is NULL");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(leap_years),
        cmocka_unit_test(valid_days),
        cmocka_unit_test(month_lengths),
        cmocka_unit_test(parse_valid),
        cmocka_unit_test(parse_refusals),
        cmocka_unit_test(parse_null),
        cmocka_unit_test(format_round_trip),
        cmocka_unit_test(format_buffer_sizes),
        cmocka_unit_test(format_refusals),
        cmocka_unit_test(compare_total_order),
        cmocka_unit_test(compare_sorts),
        cmocka_unit_test(days_between_examples),
        cmocka_unit_test(days_between_walk),
        cmocka_unit_test(days_between_refusals),
        cmocka_unit_test(today),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
