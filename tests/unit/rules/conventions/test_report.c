/* Tests of report.h: the report on year N is due on 31 March of N+1; the dates reports were
 * sent are recorded, replaced, read, listed in increasing years and forgotten; the state of a
 * report at a date on each side of the due day (a report sent after the date of the question
 * is not sent yet at it), across a leap year; every refusal, with nothing changed, also when
 * memory runs out. */
#include "names.h"
#include "test_values.h"

/* The convention of Maine-et-Loire, 2019 to 2021, with no report. */
static int setup(void **state)
{
    snplp_convention *c = NULL;
    assert_ok(
        snplp_convention_new(&c, "calpae-49", SNPLP_TERRITORY_DEPARTEMENT, "49", "Maine-et-Loire"));
    assert_ok(snplp_convention_set_years(c, 2019, 2021));
    *state = c;
    return 0;
}

static int teardown(void **state)
{
    snplp_convention_unref(*state);
    return 0;
}

/* Asserts the years with a report, in order. */
/* The years of the convention's reports. */
#define assert_report_years(c, years, n)                                                           \
    assert_year_list(snplp_convention_report_year_count, snplp_convention_report_year_at, c,       \
                     years, n)

static void assert_sent(const snplp_convention *c, int32_t year, int32_t y, int32_t m, int32_t d)
{
    snplp_date got = date_sentinel;
    assert_ok(snplp_convention_report_sent(&got, c, year));
    assert_date(got, y, m, d);
}

static void assert_not_sent(const snplp_convention *c, int32_t year)
{
    snplp_date got = date_sentinel;
    assert_fails(snplp_convention_report_sent(&got, c, year), SNPLP_ENOTFOUND);
    assert_message_has("no report sent on");
    assert_date(got, date_sentinel.year, date_sentinel.month, date_sentinel.day);
}

//* The names of the states of a report (support/names.c). */
static const enum_names *const names[] = {&names_report_state, NULL};

static void due_dates(void **state)
{
    (void)state;
    snplp_date d = date_sentinel;
    assert_ok(snplp_report_due_date(&d, 2020));
    assert_date(d, 2021, 3, 31);
    assert_ok(snplp_report_due_date(&d, 2023));
    assert_date(d, 2024, 3, 31);
    assert_ok(snplp_report_due_date(&d, SNPLP_YEAR_MIN));
    assert_date(d, 1001, 3, 31);
    assert_ok(snplp_report_due_date(&d, SNPLP_YEAR_MAX));
    assert_date(d, 9999, 3, 31);
    assert_true(snplp_date_is_valid(d));

    d = date_sentinel;
    static const int32_t bad_years[] = {999, 9999, 0, -2020, INT32_MIN, INT32_MAX};
    for (size_t i = 0; i < COUNT_OF(bad_years); i++) {
        assert_fails(snplp_report_due_date(&d, bad_years[i]), SNPLP_EINVAL);
        assert_message_has("is outside 1000..9998");
    }
    assert_fails(snplp_report_due_date(NULL, 2020), SNPLP_EINVAL);
    assert_message_has("out is NULL");
    assert_date(d, date_sentinel.year, date_sentinel.month, date_sentinel.day);
}

/* ---- recording ---- */

static void set_get_clear(void **state)
{
    snplp_convention *c = *state;
    assert_report_years(c, NULL, 0);
    assert_not_sent(c, 2020);

    /* recorded out of order, listed in increasing years */
    assert_ok(snplp_convention_set_report_sent(c, 2021, date(2022, 3, 1)));
    assert_ok(snplp_convention_set_report_sent(c, 2019, date(2020, 3, 31)));
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 4, 2)));
    static const int32_t three[] = {2019, 2020, 2021};
    assert_report_years(c, three, 3);
    assert_sent(c, 2019, 2020, 3, 31);
    assert_sent(c, 2020, 2021, 4, 2);
    assert_sent(c, 2021, 2022, 3, 1);

    /* replacing keeps one record per year */
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 1, 1)));
    assert_report_years(c, three, 3);
    assert_sent(c, 2020, 2021, 1, 1);

    /* years outside the convention are recorded too (validation reports them) */
    assert_ok(snplp_convention_set_report_sent(c, 2015, date(2030, 12, 31)));
    assert_ok(snplp_convention_set_report_sent(c, SNPLP_YEAR_MAX, date(9999, 1, 1)));
    assert_ok(snplp_convention_set_report_sent(c, SNPLP_YEAR_MIN, date(1001, 1, 1)));
    static const int32_t six[] = {SNPLP_YEAR_MIN, 2015, 2019, 2020, 2021, SNPLP_YEAR_MAX};
    assert_report_years(c, six, 6);
    assert_sent(c, SNPLP_YEAR_MAX, 9999, 1, 1);

    /* forgetting */
    assert_ok(snplp_convention_clear_report(c, 2020));
    assert_not_sent(c, 2020);
    assert_fails(snplp_convention_clear_report(c, 2020), SNPLP_ENOTFOUND);
    assert_message_has("calpae-49");
    assert_fails(snplp_convention_clear_report(c, 2022), SNPLP_ENOTFOUND);
    static const int32_t five[] = {SNPLP_YEAR_MIN, 2015, 2019, 2021, SNPLP_YEAR_MAX};
    assert_report_years(c, five, 5);
    assert_sent(c, 2019, 2020, 3, 31);
    assert_sent(c, 2021, 2022, 3, 1);
    for (size_t i = 0; i < COUNT_OF(five); i++)
        assert_ok(snplp_convention_clear_report(c, five[i]));
    assert_report_years(c, NULL, 0);
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 3, 31)));
    assert_sent(c, 2020, 2021, 3, 31);
}

/* The reports the refusals below must leave as they are. */
static void assert_two_reports(const snplp_convention *c)
{
    static const int32_t years[] = {2019, 2020};
    assert_report_years(c, years, 2);
    assert_sent(c, 2019, 2020, 3, 31);
    assert_sent(c, 2020, 2021, 4, 1);
}

static void set_refusals(void **state)
{
    snplp_convention *c = *state;
    assert_ok(snplp_convention_set_report_sent(c, 2019, date(2020, 3, 31)));
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 4, 1)));

    assert_fails(snplp_convention_set_report_sent(NULL, 2020, date(2021, 3, 31)), SNPLP_EINVAL);
    assert_message_has("conv is NULL");
    static const int32_t bad_years[] = {999, 9999, 0, INT32_MIN, INT32_MAX};
    for (size_t i = 0; i < COUNT_OF(bad_years); i++) {
        assert_fails(snplp_convention_set_report_sent(c, bad_years[i], date(2021, 3, 31)),
                     SNPLP_EINVAL);
        assert_message_has("is outside 1000..9998");
    }
    static const snplp_date bad_dates[] = {{2021, 2, 29}, {2021, 13, 1}, {10000, 1, 1}, {0, 0, 0}};
    for (size_t i = 0; i < COUNT_OF(bad_dates); i++) {
        assert_fails(snplp_convention_set_report_sent(c, 2020, bad_dates[i]), SNPLP_EINVAL);
        assert_message_has("names no day");
    }
    /* a report on a year is sent after it */
    static const snplp_date early[] = {{2020, 12, 31}, {2020, 1, 1}, {2019, 6, 30}, {1000, 1, 1}};
    for (size_t i = 0; i < COUNT_OF(early); i++) {
        assert_fails(snplp_convention_set_report_sent(c, 2020, early[i]), SNPLP_EINVAL);
        assert_message_has("is sent after it, from 1 January 2021");
    }
    assert_fails(snplp_convention_set_report_sent(c, 2020, date(2020, 12, 31)), SNPLP_EINVAL);
    assert_message_has("the report on 2020 cannot have been sent on 2020-12-31");
    assert_fails(snplp_convention_set_report_sent(c, 2021, date(2021, 12, 31)), SNPLP_EINVAL);
    assert_two_reports(c);
    /* the first possible day is accepted */
    assert_ok(snplp_convention_set_report_sent(c, 2021, date(2022, 1, 1)));
    assert_sent(c, 2021, 2022, 1, 1);
}

static void get_and_clear_refusals(void **state)
{
    snplp_convention *c = *state;
    assert_ok(snplp_convention_set_report_sent(c, 2019, date(2020, 3, 31)));
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 4, 1)));
    snplp_date d = date_sentinel;
    assert_fails(snplp_convention_report_sent(NULL, c, 2020), SNPLP_EINVAL);
    assert_message_has("out is NULL");
    assert_fails(snplp_convention_report_sent(&d, NULL, 2020), SNPLP_EINVAL);
    assert_message_has("conv is NULL");
    assert_fails(snplp_convention_report_sent(&d, c, 999), SNPLP_EINVAL);
    assert_fails(snplp_convention_report_sent(&d, c, 9999), SNPLP_EINVAL);
    assert_date(d, date_sentinel.year, date_sentinel.month, date_sentinel.day);

    assert_fails(snplp_convention_clear_report(NULL, 2020), SNPLP_EINVAL);
    assert_fails(snplp_convention_clear_report(c, 999), SNPLP_EINVAL);
    assert_fails(snplp_convention_clear_report(c, 9999), SNPLP_EINVAL);
    assert_two_reports(c);

    assert_int_equal(snplp_convention_report_year_count(NULL), 0);
    assert_int_equal(snplp_convention_report_year_at(NULL, 0), 0);
}

/* ---- states ---- */

static snplp_report_state state_at(const snplp_convention *c, int32_t year, snplp_date at)
{
    snplp_error_clear();
    snplp_report_state s = snplp_convention_report_state(c, year, at);
    assert_int_equal(snplp_error_last_code(), SNPLP_OK);
    return s;
}

static void assert_state(const snplp_convention *c, int32_t year, snplp_date at,
                         snplp_report_state want)
{
    snplp_report_state got = state_at(c, year, at);
    if (got != want)
        print_error("report on %ld at %04ld-%02ld-%02ld: %s, want %s\n", (long)year, (long)at.year,
                    (long)at.month, (long)at.day, snplp_report_state_name(got),
                    snplp_report_state_name(want));
    assert_int_equal(got, want);
}

/* The report on 2020 at 30 March, 31 March and 1 April 2021, not sent then sent on each of
 * those days. */
static void states_around_the_due_day(void **state)
{
    snplp_convention *c = *state;
    const snplp_date days[3] = {date(2021, 3, 30), date(2021, 3, 31), date(2021, 4, 1)};
#define NYD SNPLP_REPORT_NOT_YET_DUE
#define OT  SNPLP_REPORT_ON_TIME
#define L   SNPLP_REPORT_LATE
    /* want[sent][at]: sent = none, 30 March, 31 March, 1 April */
    static const snplp_report_state want[4][3] = {
        {NYD, NYD, SNPLP_REPORT_MISSING},
        {OT, OT, OT},
        {NYD, OT, OT}, /* sent after 30 March: not sent yet then */
        {NYD, NYD, L},
    };
    for (size_t sent = 0; sent < 4; sent++) {
        if (sent > 0)
            assert_ok(snplp_convention_set_report_sent(c, 2020, days[sent - 1]));
        for (size_t at = 0; at < 3; at++)
            assert_state(c, 2020, days[at], want[sent][at]);
    }
#undef NYD
#undef OT
#undef L
}

static void states_long_before_and_after(void **state)
{
    snplp_convention *c = *state;
    /* not sent: not yet due during the year itself, missing for ever after the due day */
    assert_state(c, 2020, date(2020, 6, 1), SNPLP_REPORT_NOT_YET_DUE);
    assert_state(c, 2020, date(1000, 1, 1), SNPLP_REPORT_NOT_YET_DUE);
    assert_state(c, 2020, date(2021, 1, 1), SNPLP_REPORT_NOT_YET_DUE);
    assert_state(c, 2020, date(2030, 1, 1), SNPLP_REPORT_MISSING);
    assert_state(c, 2020, date(9999, 12, 31), SNPLP_REPORT_MISSING);
    /* sent on 1 January: on time from that day on, not yet due before */
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 1, 1)));
    assert_state(c, 2020, date(2020, 12, 31), SNPLP_REPORT_NOT_YET_DUE);
    assert_state(c, 2020, date(2021, 1, 1), SNPLP_REPORT_ON_TIME);
    assert_state(c, 2020, date(2030, 1, 1), SNPLP_REPORT_ON_TIME);
    /* sent years late: missing until then, late after */
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2023, 7, 14)));
    assert_state(c, 2020, date(2023, 7, 13), SNPLP_REPORT_MISSING);
    assert_state(c, 2020, date(2023, 7, 14), SNPLP_REPORT_LATE);
    assert_state(c, 2020, date(9999, 12, 31), SNPLP_REPORT_LATE);
    /* forgotten: missing again; other years are independent */
    assert_ok(snplp_convention_clear_report(c, 2020));
    assert_state(c, 2020, date(2023, 7, 14), SNPLP_REPORT_MISSING);
    assert_state(c, 2019, date(2020, 3, 31), SNPLP_REPORT_NOT_YET_DUE);
    assert_state(c, 2021, date(2022, 4, 1), SNPLP_REPORT_MISSING);
    /* the extreme years */
    assert_state(c, SNPLP_YEAR_MAX, date(9999, 3, 31), SNPLP_REPORT_NOT_YET_DUE);
    assert_state(c, SNPLP_YEAR_MAX, date(9999, 4, 1), SNPLP_REPORT_MISSING);
    assert_state(c, SNPLP_YEAR_MIN, date(1001, 4, 1), SNPLP_REPORT_MISSING);
}

/* N = 2023: the report is due on 31 March 2024, a leap year, so 29 February is a day of its
 * window like any other. */
static void states_in_a_leap_year(void **state)
{
    snplp_convention *c = *state;
    assert_ok(snplp_convention_set_years(c, 2022, 2024));
    snplp_date due;
    assert_ok(snplp_report_due_date(&due, 2023));
    assert_date(due, 2024, 3, 31);
    assert_ok(snplp_convention_set_report_sent(c, 2023, date(2024, 2, 29)));
    assert_sent(c, 2023, 2024, 2, 29);
    assert_state(c, 2023, date(2024, 2, 28), SNPLP_REPORT_NOT_YET_DUE);
    assert_state(c, 2023, date(2024, 2, 29), SNPLP_REPORT_ON_TIME);
    assert_state(c, 2023, date(2024, 3, 1), SNPLP_REPORT_ON_TIME);
    assert_state(c, 2023, date(2024, 4, 1), SNPLP_REPORT_ON_TIME);
    /* 29 February 2025 does not exist */
    assert_fails(snplp_convention_set_report_sent(c, 2024, date(2025, 2, 29)), SNPLP_EINVAL);
    snplp_error_clear();
    assert_int_equal(snplp_convention_report_state(c, 2024, date(2025, 2, 29)), SNPLP_REPORT_NONE);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_int_equal(snplp_convention_report_year_count(c), 1);
    /* nor does 29 February 2100 (a century not divisible by 400) */
    assert_fails(snplp_convention_set_report_sent(c, 2099, date(2100, 2, 29)), SNPLP_EINVAL);
    assert_ok(snplp_convention_set_report_sent(c, 2099, date(2100, 2, 28)));
    assert_state(c, 2099, date(2100, 3, 31), SNPLP_REPORT_ON_TIME);
}

/* SNPLP_REPORT_NONE is returned as the failure, with SNPLP_EINVAL recorded (assert_fails
 * compares the returned value with the code, so the two are checked apart). */
static void assert_state_refused(const snplp_convention *c, int32_t year, snplp_date at,
                                 const char *message)
{
    snplp_error_clear();
    assert_int_equal(snplp_convention_report_state(c, year, at), SNPLP_REPORT_NONE);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_message_has(message);
}

static void state_refusals(void **state)
{
    snplp_convention *c = *state;
    assert_ok(snplp_convention_set_report_sent(c, 2020, date(2021, 3, 31)));
    assert_state_refused(NULL, 2020, date(2021, 4, 1), "conv is NULL");
    assert_state_refused(c, 999, date(2021, 4, 1), "year 999 is outside");
    assert_state_refused(c, 9999, date(2021, 4, 1), "year 9999 is outside");
    assert_state_refused(c, 2020, date(2021, 4, 31), "{2021, 4, 31}");
    assert_state_refused(c, 2020, date(999, 12, 31), "names no day");
    assert_state(c, 2020, date(2021, 4, 1), SNPLP_REPORT_ON_TIME);
}

/* ---- out of memory ---- */

typedef struct oom_ctx {
    snplp_convention *c;
    int32_t year;
    snplp_date sent;
    size_t count_before;
} oom_ctx;

static int oom_set(void *p)
{
    oom_ctx *ctx = p;
    return snplp_convention_set_report_sent(ctx->c, ctx->year, ctx->sent);
}

static void oom_check(void *p)
{
    oom_ctx *ctx = p;
    assert_int_equal(snplp_convention_report_year_count(ctx->c), ctx->count_before);
    snplp_date d = date_sentinel;
    assert_int_equal(snplp_convention_report_sent(&d, ctx->c, ctx->year), SNPLP_ENOTFOUND);
}

static void out_of_memory(void **state)
{
    snplp_convention *c = *state;
    /* the first record needs the table */
    oom_ctx ctx = {c, 2020, date(2021, 3, 31), 0};
    assert_true(test_oom_sweep(oom_set, oom_check, &ctx) > 0);
    assert_sent(c, 2020, 2021, 3, 31);
    /* more records, before and after, until the table has to grow again */
    int grew = 0;
    for (int32_t k = 0; k < 32; k++) {
        oom_ctx after = {c, 2030 + 2 * k, date(2031 + 2 * k, 1, 1),
                         snplp_convention_report_year_count(c)};
        grew += test_oom_sweep(oom_set, oom_check, &after) > 0;
        oom_ctx before = {c, 2010 - k, date(2011 - k, 6, 1), snplp_convention_report_year_count(c)};
        grew += test_oom_sweep(oom_set, oom_check, &before) > 0;
    }
    assert_true(grew > 0);
    assert_int_equal(snplp_convention_report_year_count(c), 65);
    for (size_t i = 1; i < 65; i++)
        assert_true(snplp_convention_report_year_at(c, i - 1) <
                    snplp_convention_report_year_at(c, i));
    /* replacing a record allocates nothing */
    snplp__alloc_fail_after(0);
    int rc = snplp_convention_set_report_sent(c, 2020, date(2021, 4, 1));
    snplp__alloc_fail_after(-1);
    assert_ok(rc);
    assert_sent(c, 2020, 2021, 4, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NAMES_TEST(names),
        cmocka_unit_test(due_dates),
        FIXTURE_TEST(set_get_clear),
        FIXTURE_TEST(set_refusals),
        FIXTURE_TEST(get_and_clear_refusals),
        FIXTURE_TEST(states_around_the_due_day),
        FIXTURE_TEST(states_long_before_and_after),
        FIXTURE_TEST(states_in_a_leap_year),
        FIXTURE_TEST(state_refusals),
        FIXTURE_TEST(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
