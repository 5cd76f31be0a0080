/* snplp_records_coverage(): figures checked by hand on a small case (unknown days, a worker who
 * left before the period, partial attendance), every grouping, an empty workforce, rates and
 * their rounding, errors, out of memory; the three rules in 8 threads sharing frozen records. */
#include "records_fixture.h"

typedef struct fx {
    snplp_referential *ref;
    snplp_records *r;
} fx;

/* The case, for the period 2020:
 * - w1 ass 80, w2 ass 80, w3 es 02 (since 2019); w4 ass 80 left on 2019-12-31; w5 ape (a
 *   profession the records declare) 80 since 2020-06-01: the workforce in scope is w1, w2, w3,
 *   w5 (4 workers);
 * - s1 fundamentals, 3 days, ends 2020-03-04: w1 attended (3 days, the session's), w2 partial
 *   1.5 days (not trained), w3 partial without days (unknown, not trained), w4 attended (out of
 *   scope: not counted);
 * - s2 an « Enfance = égalité » day (1 day, 2020-06-15): w5 attended, 1 day given;
 * - s3 fundamentals ending 2021-02-03 (after the period): w2 attended;
 * - s4 expert, 5 days, ends 2020-11-06: w1 attended, 5 days given;
 * - s5 a session of a subject the referential does not have, in the period: w3 attended.
 * Whole period: 2 trained (w1, w5) of 4, 50.00 %; days 3 + 1.5 + 1 + 5 = 10.5 known, 1
 * unknown; untrained: w2 alone (w3's session s5 counts in no row, but w3 was trained in it). */
static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    f->ref = test_builtin();
    snplp_records *r = f->r = rec_new();
    assert_ok(snplp_records_add_employer(NULL, r, "emp-02", SNPLP_EMPLOYER_DEPARTEMENT,
                                         "Conseil départemental de l'Aisne", "02"));
    assert_ok(snplp_records_add_profession(NULL, r, "profession-ape", SNPLP_CATEGORY_WORKER,
                                           "auxiliaires de puériculture"));
    rec_worker(r, "w1", "profession-ass", date(2019, 1, 1), 6);
    rec_worker(r, "w2", "profession-ass", date(2019, 1, 1), 6);
    snplp_worker *w3 = rec_worker(r, "w3", "profession-es", date(2019, 1, 1), 6);
    assert_ok(snplp_worker_set_employer_id(w3, "emp-02"));
    assert_ok(snplp_worker_set_territory_code(w3, "02"));
    snplp_worker *w4 = rec_worker(r, "w4", "profession-ass", date(2018, 1, 1), 6);
    assert_ok(snplp_worker_set_until(w4, date(2019, 12, 31)));
    rec_worker(r, "w5", "profession-ape", date(2020, 6, 1), 0);
    rec_session(r, "s1", FUNDAMENTALS, date(2020, 3, 2), date(2020, 3, 4), dec(3, 0));
    rec_session(r, "s2", EC_DAY_1, date(2020, 6, 15), date(2020, 6, 15), dec(1, 0));
    rec_session(r, "s3", FUNDAMENTALS, date(2021, 2, 1), date(2021, 2, 3), dec(3, 0));
    rec_session(r, "s4", EXPERT, date(2020, 11, 2), date(2020, 11, 6), dec(5, 0));
    rec_session(r, "s5", "module-elsewhere", date(2020, 9, 1), date(2020, 9, 1), dec(1, 0));
    rec_att(r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED);
    assert_ok(
        snplp_attendance_set_days(rec_att(r, "w2", "s1", SNPLP_ATTENDANCE_PARTIAL), D("1.5")));
    rec_att(r, "w3", "s1", SNPLP_ATTENDANCE_PARTIAL);
    rec_att(r, "w4", "s1", SNPLP_ATTENDANCE_ATTENDED);
    assert_ok(
        snplp_attendance_set_days(rec_att(r, "w5", "s2", SNPLP_ATTENDANCE_ATTENDED), dec(1, 0)));
    rec_att(r, "w2", "s3", SNPLP_ATTENDANCE_ATTENDED);
    assert_ok(
        snplp_attendance_set_days(rec_att(r, "w1", "s4", SNPLP_ATTENDANCE_ATTENDED), dec(5, 0)));
    rec_att(r, "w3", "s5", SNPLP_ATTENDANCE_ATTENDED);
    /* absent and cancelled count nowhere */
    rec_att(r, "w2", "s4", SNPLP_ATTENDANCE_ABSENT);
    rec_att(r, "w3", "s4", SNPLP_ATTENDANCE_CANCELLED);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    snplp__alloc_fail_after(-1);
    snplp_records_unref(f->r);
    snplp_referential_unref(f->ref);
    free(f);
    return 0;
}

static const snplp_date y2020_from = {2020, 1, 1}, y2020_to = {2020, 12, 31};

static snplp_coverage *cover(fx *f, unsigned axes)
{
    snplp_coverage *c = NULL;
    assert_ok(snplp_records_coverage(&c, f->r, f->ref, y2020_from, y2020_to, axes));
    assert_int_equal(snplp_coverage_axes(c), axes);
    return c;
}

/* A row: its keys, workforce, trained, rate ("" for none), known days and unknown count. */
typedef struct row {
    const char *theme, *plan, *profession, *territory;
    size_t workforce, trained;
    const char *rate, *days;
    size_t unknown;
} row;

static void assert_row(const snplp_coverage *c, size_t i, const row *w)
{
    assert_text(snplp_coverage_theme_id(c, i), w->theme);
    assert_text(snplp_coverage_plan_id(c, i), w->plan);
    assert_text(snplp_coverage_profession_id(c, i), w->profession);
    assert_text(snplp_coverage_territory_code(c, i), w->territory);
    assert_int_equal(snplp_coverage_workforce(c, i), w->workforce);
    assert_int_equal(snplp_coverage_trained(c, i), w->trained);
    snplp_decimal d = dec(-1, 0);
    if (w->rate[0]) {
        assert_ok(snplp_coverage_rate(&d, c, i));
        assert_identical(d, D(w->rate));
    } else {
        assert_fails_in(snplp_coverage_rate(&d, c, i), SNPLP_ENOTFOUND, "no workforce");
        assert_identical(d, dec(-1, 0));
    }
    assert_ok(snplp_coverage_days(&d, c, i));
    assert_int_equal(snplp_decimal_compare(d, D(w->days)), 0);
    assert_int_equal(snplp_coverage_days_unknown(c, i), w->unknown);
}

static void assert_rows(const snplp_coverage *c, const row *w, size_t n)
{
    assert_int_equal(snplp_coverage_row_count(c), n);
    for (size_t i = 0; i < n; i++)
        assert_row(c, i, &w[i]);
    /* out of range */
    snplp_decimal d = dec(-1, 0);
    assert_null(snplp_coverage_profession_id(c, n));
    assert_null(snplp_coverage_territory_code(c, n));
    assert_null(snplp_coverage_theme_id(c, n));
    assert_null(snplp_coverage_plan_id(c, n));
    assert_int_equal(snplp_coverage_workforce(c, n), 0);
    assert_int_equal(snplp_coverage_trained(c, n), 0);
    assert_int_equal(snplp_coverage_days_unknown(c, n), 0);
    assert_fails(snplp_coverage_rate(&d, c, n), SNPLP_EINVAL);
    assert_fails(snplp_coverage_days(&d, c, n), SNPLP_EINVAL);
    assert_identical(d, dec(-1, 0));
}

static void assert_untrained(const snplp_coverage *c, const char *const *ids, size_t n)
{
    assert_int_equal(snplp_coverage_untrained_count(c), n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(snplp_coverage_untrained_at(c, i), ids[i]);
    assert_null(snplp_coverage_untrained_at(c, n));
}

static void whole_period(void **state)
{
    fx *f = *state;
    snplp_error_clear();
    snplp_coverage *c = cover(f, 0);
    /* a success records no error (workers still in the workforce, days not given) */
    assert_int_equal(snplp_error_last_code(), SNPLP_OK);
    static const row w[] = {{NULL, NULL, NULL, NULL, 4, 2, "50.00", "10.5", 1}};
    assert_rows(c, w, 1);
    static const char *const untrained[] = {"w2"};
    assert_untrained(c, untrained, 1);
    snplp_coverage_free(c);
}

static void by_profession_and_territory(void **state)
{
    fx *f = *state;
    snplp_coverage *c = cover(f, SNPLP_COVERAGE_BY_PROFESSION | SNPLP_COVERAGE_BY_TERRITORY);
    static const row w[] = {
        {NULL, NULL, "profession-ape", "80", 1, 1, "100.00", "1", 0},
        {NULL, NULL, "profession-ass", "80", 2, 1, "50.00", "9.5", 0},
        {NULL, NULL, "profession-es", "02", 1, 0, "0.00", "0", 1},
    };
    assert_rows(c, w, 3);
    snplp_coverage_free(c);
    c = cover(f, SNPLP_COVERAGE_BY_TERRITORY);
    static const row t[] = {
        {NULL, NULL, NULL, "02", 1, 0, "0.00", "0", 1},
        {NULL, NULL, NULL, "80", 3, 2, "66.67", "10.5", 0},
    };
    assert_rows(c, t, 2);
    snplp_coverage_free(c);
}

static void by_theme(void **state)
{
    fx *f = *state;
    snplp_coverage *c = cover(f, SNPLP_COVERAGE_BY_THEME);
    /* the six themes of the training plan and the six of the « Enfance = égalité » days, in C
     * order of their ids */
    static const row w[] = {
        {"plan-theme-early-childhood-days-1", NULL, NULL, NULL, 4, 1, "25.00", "1", 0},
        {"plan-theme-early-childhood-days-2", NULL, NULL, NULL, 4, 0, "0.00", "0", 0},
        {"plan-theme-early-childhood-days-3", NULL, NULL, NULL, 4, 0, "0.00", "0", 0},
        {"plan-theme-early-childhood-days-4", NULL, NULL, NULL, 4, 0, "0.00", "0", 0},
        {"plan-theme-early-childhood-days-5", NULL, NULL, NULL, 4, 0, "0.00", "0", 0},
        {"plan-theme-early-childhood-days-6", NULL, NULL, NULL, 4, 0, "0.00", "0", 0},
        {"theme-digital", NULL, NULL, NULL, 4, 0, "0.00", "0", 0},
        {"theme-insertion", NULL, NULL, NULL, 4, 1, "25.00", "9.5", 1},
        {"theme-outreach", NULL, NULL, NULL, 4, 0, "0.00", "0", 0},
        {"theme-participation", NULL, NULL, NULL, 4, 0, "0.00", "0", 0},
        {"theme-social-development", NULL, NULL, NULL, 4, 0, "0.00", "0", 0},
        {"theme-territories", NULL, NULL, NULL, 4, 0, "0.00", "0", 0},
    };
    assert_rows(c, w, COUNT_OF(w));
    snplp_coverage_free(c);
    /* theme and plan */
    c = cover(f, SNPLP_COVERAGE_BY_THEME | SNPLP_COVERAGE_BY_PLAN);
    assert_int_equal(snplp_coverage_row_count(c), 12);
    assert_string_equal(snplp_coverage_plan_id(c, 0), "plan-early-childhood-days");
    assert_string_equal(snplp_coverage_theme_id(c, 7), "theme-insertion");
    assert_string_equal(snplp_coverage_plan_id(c, 7), "training-plan");
    snplp_coverage_free(c);
}

static void by_plan(void **state)
{
    fx *f = *state;
    snplp_coverage *c = cover(f, SNPLP_COVERAGE_BY_PLAN | SNPLP_COVERAGE_BY_PROFESSION);
    static const row w[] = {
        {NULL, "plan-early-childhood", "profession-ape", NULL, 1, 0, "0.00", "0", 0},
        {NULL, "plan-early-childhood", "profession-ass", NULL, 2, 0, "0.00", "0", 0},
        {NULL, "plan-early-childhood", "profession-es", NULL, 1, 0, "0.00", "0", 0},
        {NULL, "plan-early-childhood-days", "profession-ape", NULL, 1, 1, "100.00", "1", 0},
        {NULL, "plan-early-childhood-days", "profession-ass", NULL, 2, 0, "0.00", "0", 0},
        {NULL, "plan-early-childhood-days", "profession-es", NULL, 1, 0, "0.00", "0", 0},
        {NULL, "training-plan", "profession-ape", NULL, 1, 0, "0.00", "0", 0},
        {NULL, "training-plan", "profession-ass", NULL, 2, 1, "50.00", "9.5", 0},
        {NULL, "training-plan", "profession-es", NULL, 1, 0, "0.00", "0", 1},
    };
    assert_rows(c, w, COUNT_OF(w));
    snplp_coverage_free(c);
}

static void the_period(void **state)
{
    fx *f = *state;
    /* one day: 2020-06-15 (s2 ends that day); w5 joined on 2020-06-01 */
    snplp_coverage *c = NULL;
    assert_ok(snplp_records_coverage(&c, f->r, f->ref, date(2020, 6, 15), date(2020, 6, 15), 0));
    static const row w[] = {{NULL, NULL, NULL, NULL, 4, 1, "25.00", "1", 0}};
    assert_rows(c, w, 1);
    /* w1 was trained in s1, before: only w2 and w3 are untrained by then */
    static const char *const untrained[] = {"w2", "w3"};
    assert_untrained(c, untrained, 2);
    snplp_coverage_free(c);
    /* 2019: w4 is in the workforce, w5 not yet; nothing trained */
    assert_ok(snplp_records_coverage(&c, f->r, f->ref, date(2019, 1, 1), date(2019, 12, 31), 0));
    static const row w19[] = {{NULL, NULL, NULL, NULL, 4, 0, "0.00", "0", 0}};
    assert_rows(c, w19, 1);
    static const char *const u19[] = {"w1", "w2", "w3", "w4"};
    assert_untrained(c, u19, 4);
    snplp_coverage_free(c);
}

static void rates_are_exact(void **state)
{
    fx *f = *state;
    /* 1 of 3, 2 of 3 */
    snplp_records *r = rec_new();
    rec_worker(r, "a", "profession-ass", date(2019, 1, 1), 6);
    rec_worker(r, "b", "profession-ass", date(2019, 1, 1), 6);
    rec_worker(r, "c", "profession-ass", date(2019, 1, 1), 6);
    rec_session(r, "s", FUNDAMENTALS, date(2020, 3, 2), date(2020, 3, 4), dec(3, 0));
    rec_att(r, "b", "s", SNPLP_ATTENDANCE_ATTENDED);
    snplp_coverage *c;
    assert_ok(snplp_records_coverage(&c, r, f->ref, y2020_from, y2020_to, 0));
    static const row one[] = {{NULL, NULL, NULL, NULL, 3, 1, "33.33", "3", 0}};
    assert_rows(c, one, 1);
    snplp_coverage_free(c);
    rec_att(r, "a", "s", SNPLP_ATTENDANCE_ATTENDED);
    assert_ok(snplp_records_coverage(&c, r, f->ref, y2020_from, y2020_to, 0));
    static const row two[] = {{NULL, NULL, NULL, NULL, 3, 2, "66.67", "6", 0}};
    assert_rows(c, two, 1);
    snplp_coverage_free(c);
    /* a worker trained twice on the same theme counts once; partial covering the session is
     * trained */
    snplp_attendance *a = rec_att(r, "c", "s", SNPLP_ATTENDANCE_PARTIAL);
    assert_ok(snplp_attendance_set_days(a, D("3.00")));
    rec_session(r, "t", FUNDAMENTALS, date(2020, 5, 4), date(2020, 5, 4), dec(1, 0));
    rec_att(r, "c", "t", SNPLP_ATTENDANCE_ATTENDED);
    assert_ok(snplp_records_coverage(&c, r, f->ref, y2020_from, y2020_to, 0));
    static const row three[] = {{NULL, NULL, NULL, NULL, 3, 3, "100.00", "10.00", 0}};
    assert_rows(c, three, 1);
    snplp_coverage_free(c);
    snplp_records_unref(r);
}

static void empty_workforce(void **state)
{
    fx *f = *state;
    snplp_records *r = rec_new();
    snplp_coverage *c;
    assert_ok(snplp_records_coverage(&c, r, f->ref, y2020_from, y2020_to, 0));
    static const row none[] = {{NULL, NULL, NULL, NULL, 0, 0, "", "0", 0}};
    assert_rows(c, none, 1);
    assert_untrained(c, NULL, 0);
    snplp_coverage_free(c);
    /* by theme: every theme, none with a rate */
    assert_ok(snplp_records_coverage(&c, r, f->ref, y2020_from, y2020_to, SNPLP_COVERAGE_BY_THEME));
    assert_int_equal(snplp_coverage_row_count(c), 12);
    snplp_decimal d = dec(-1, 0);
    for (size_t i = 0; i < 12; i++)
        assert_fails(snplp_coverage_rate(&d, c, i), SNPLP_ENOTFOUND);
    assert_identical(d, dec(-1, 0));
    snplp_coverage_free(c);
    /* by profession: no profession in scope, no row */
    assert_ok(
        snplp_records_coverage(&c, r, f->ref, y2020_from, y2020_to, SNPLP_COVERAGE_BY_PROFESSION));
    assert_rows(c, NULL, 0);
    snplp_coverage_free(c);
    /* everyone left before the period */
    snplp_worker *w = rec_worker(r, "gone", "profession-ass", date(2015, 1, 1), 6);
    assert_ok(snplp_worker_set_until(w, date(2019, 12, 31)));
    assert_ok(snplp_records_coverage(&c, r, f->ref, y2020_from, y2020_to, 0));
    assert_rows(c, none, 1);
    assert_untrained(c, NULL, 0);
    snplp_coverage_free(c);
    snplp_records_unref(r);
}

static void bad_arguments(void **state)
{
    fx *f = *state;
    snplp_coverage *c = NULL;
    const char *fn = "snplp_records_coverage";
    assert_fails_in(snplp_records_coverage(NULL, f->r, f->ref, y2020_from, y2020_to, 0),
                    SNPLP_EINVAL, fn);
    assert_fails(snplp_records_coverage(&c, NULL, f->ref, y2020_from, y2020_to, 0), SNPLP_EINVAL);
    assert_fails(snplp_records_coverage(&c, f->r, NULL, y2020_from, y2020_to, 0), SNPLP_EINVAL);
    assert_fails(snplp_records_coverage(&c, f->r, f->ref, date(2020, 2, 30), y2020_to, 0),
                 SNPLP_EINVAL);
    assert_fails_in(snplp_records_coverage(&c, f->r, f->ref, y2020_to, y2020_from, 0), SNPLP_EINVAL,
                    "starts after it ends");
    assert_fails_in(snplp_records_coverage(&c, f->r, f->ref, y2020_from, y2020_to, 16),
                    SNPLP_EINVAL, "unknown axes");
    assert_null(c);
    snplp_coverage_free(NULL);
    assert_int_equal(snplp_coverage_axes(NULL), 0);
    assert_int_equal(snplp_coverage_row_count(NULL), 0);
    assert_null(snplp_coverage_theme_id(NULL, 0));
    assert_null(snplp_coverage_plan_id(NULL, 0));
    assert_null(snplp_coverage_profession_id(NULL, 0));
    assert_null(snplp_coverage_territory_code(NULL, 0));
    assert_int_equal(snplp_coverage_workforce(NULL, 0), 0);
    assert_int_equal(snplp_coverage_trained(NULL, 0), 0);
    assert_int_equal(snplp_coverage_days_unknown(NULL, 0), 0);
    assert_int_equal(snplp_coverage_untrained_count(NULL), 0);
    assert_null(snplp_coverage_untrained_at(NULL, 0));
    snplp_decimal d;
    assert_fails(snplp_coverage_rate(&d, NULL, 0), SNPLP_EINVAL);
    assert_fails(snplp_coverage_days(&d, NULL, 0), SNPLP_EINVAL);
    c = cover(f, 0);
    assert_fails(snplp_coverage_rate(NULL, c, 0), SNPLP_EINVAL);
    assert_fails(snplp_coverage_days(NULL, c, 0), SNPLP_EINVAL);
    snplp_coverage_free(c);
}

/* Days beyond the range of a decimal: an error, not a wrong sum. */
static void days_beyond_range(void **state)
{
    fx *f = *state;
    snplp_records *r = rec_new();
    rec_worker(r, "a", "profession-ass", date(2019, 1, 1), 6);
    rec_worker(r, "b", "profession-ass", date(2019, 1, 1), 6);
    rec_session(r, "s", FUNDAMENTALS, date(2020, 3, 2), date(2020, 3, 4), dec(3, 0));
    assert_ok(snplp_attendance_set_days(rec_att(r, "a", "s", SNPLP_ATTENDANCE_PARTIAL),
                                        D("5.000000000000000000")));
    snplp_attendance *b = rec_att(r, "b", "s", SNPLP_ATTENDANCE_PARTIAL);
    assert_ok(snplp_attendance_set_days(b, D("4.000000000000000000")));
    snplp_coverage *c = NULL;
    assert_ok(snplp_records_coverage(&c, r, f->ref, y2020_from, y2020_to, 0));
    snplp_decimal d;
    assert_ok(snplp_coverage_days(&d, c, 0));
    assert_identical(d, D("9.000000000000000000"));
    snplp_coverage_free(c);
    c = NULL;
    assert_ok(snplp_attendance_set_days(b, D("5.000000000000000000")));
    assert_fails_in(snplp_records_coverage(&c, r, f->ref, y2020_from, y2020_to, 0), SNPLP_EINVAL,
                    "beyond the range of a decimal");
    assert_null(c);
    snplp_records_unref(r);
}

/* The table outlives the records and the referential it was computed from. */
static void the_table_is_its_own(void **state)
{
    fx *f = *state;
    snplp_coverage *c = cover(f, SNPLP_COVERAGE_BY_THEME | SNPLP_COVERAGE_BY_PLAN |
                                     SNPLP_COVERAGE_BY_PROFESSION | SNPLP_COVERAGE_BY_TERRITORY);
    snplp_records_unref(f->r);
    snplp_referential_unref(f->ref);
    f->r = NULL;
    f->ref = NULL;
    assert_int_equal(snplp_coverage_row_count(c), 12 * 3);
    /* row 0: the first plan theme, profession-ape in 80 */
    static const row w0 = {"plan-theme-early-childhood-days-1",
                           "plan-early-childhood-days",
                           "profession-ape",
                           "80",
                           1,
                           1,
                           "100.00",
                           "1",
                           0};
    assert_row(c, 0, &w0);
    static const char *const untrained[] = {"w2"};
    assert_untrained(c, untrained, 1);
    snplp_coverage_free(c);
}

/* ---- threads: one frozen referential and frozen records shared by 8 threads ---- */

typedef struct shared {
    const snplp_referential *ref;
    const snplp_records *r;
    size_t rows, findings, reasons;
} shared;

/* What one thread computes: the rows of the full table, the findings of validation, the
 * reasons of one answer. */
static bool compute(const shared *x, size_t *rows, size_t *findings, size_t *reasons)
{
    snplp_coverage *c = NULL;
    snplp_diagnostics *d = NULL;
    snplp_eligibility *e = NULL;
    bool ok =
        snplp_records_coverage(&c, x->r, x->ref, y2020_from, y2020_to, 15) == SNPLP_OK &&
        snplp_diagnostics_new(&d) == SNPLP_OK &&
        snplp_records_validate(x->r, x->ref, d) == SNPLP_EVALIDATION &&
        snplp_records_eligibility(&e, x->r, x->ref, "w1", EXPERT, date(2021, 1, 1)) == SNPLP_OK;
    if (ok) {
        *rows = snplp_coverage_row_count(c);
        for (size_t i = 0; i < *rows; i++)
            *rows += snplp_coverage_trained(c, i) * 1000 + snplp_coverage_workforce(c, i) * 100;
        *findings = snplp_diagnostics_count(d);
        *reasons = snplp_eligibility_reason_count(e) * 10 + snplp_eligibility_answer_of(e);
    }
    snplp_coverage_free(c);
    snplp_diagnostics_free(d);
    snplp_eligibility_free(e);
    return ok;
}

static void *share(void *p)
{
    const shared *x = p;
    for (int round = 0; round < 10; round++) {
        size_t rows, findings, reasons;
        if (!compute(x, &rows, &findings, &reasons) || rows != x->rows || findings != x->findings ||
            reasons != x->reasons)
            return NULL;
    }
    return (void *)1;
}

static void threads_share_frozen_records(void **state)
{
    fx *f = *state;
    assert_ok(snplp_referential_freeze(f->ref));
    assert_ok(snplp_records_freeze(f->r));
    shared x = {f->ref, f->r, 0, 0, 0};
    assert_true(compute(&x, &x.rows, &x.findings, &x.reasons));
    assert_int_equal(x.findings, 2); /* s5's subject, w4 at s1 after leaving */
    void *results[8];
    run_threads(8, share, &x, 0, results);
    for (int i = 0; i < 8; i++)
        assert_non_null(results[i]);
}

typedef struct oom_ctx {
    fx *f;
    unsigned axes;
    size_t rows;
} oom_ctx;

static int oom_cover(void *p)
{
    oom_ctx *x = p;
    snplp_coverage *c = NULL;
    int rc = snplp_records_coverage(&c, x->f->r, x->f->ref, y2020_from, y2020_to, x->axes);
    if (rc) {
        assert_null(c);
        return rc;
    }
    assert_int_equal(snplp_coverage_row_count(c), x->rows);
    snplp_coverage_free(c);
    return 0;
}

static void out_of_memory(void **state)
{
    fx *f = *state;
    oom_ctx x = {f, 0, 1};
    assert_true(test_oom_sweep(oom_cover, NULL, &x) > 5);
    x = (oom_ctx){f,
                  SNPLP_COVERAGE_BY_THEME | SNPLP_COVERAGE_BY_PLAN | SNPLP_COVERAGE_BY_PROFESSION |
                      SNPLP_COVERAGE_BY_TERRITORY,
                  36};
    assert_true(test_oom_sweep(oom_cover, NULL, &x) > 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(whole_period),
        FIXTURE_TEST(by_profession_and_territory),
        FIXTURE_TEST(by_theme),
        FIXTURE_TEST(by_plan),
        FIXTURE_TEST(the_period),
        FIXTURE_TEST(rates_are_exact),
        FIXTURE_TEST(empty_workforce),
        FIXTURE_TEST(bad_arguments),
        FIXTURE_TEST(days_beyond_range),
        FIXTURE_TEST(the_table_is_its_own),
        FIXTURE_TEST(threads_share_frozen_records),
        FIXTURE_TEST(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
