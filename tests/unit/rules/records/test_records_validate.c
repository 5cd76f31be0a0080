/* snplp_records_validate(): each rule (codes 400-414) with a case that breaks it and its edge
 * that does not, on records built through the API against the built-in referential and a
 * hand-made one; the order of findings; out of memory. */
#include "records_fixture.h"

#include <stdio.h>

/* The fixture: the built-in referential and records that break no rule. */
typedef struct fx {
    snplp_referential *ref;
    snplp_records *r;
    snplp_worker *w1, *w2;
    snplp_session *s1, *s2, *s3;
    snplp_attendance *a1, *a2, *a3;
    snplp_diagnostics *diags;
} fx;

/* w1: an assistant de service social (level 6) since 2019; w2: an auxiliaire de puériculture
 * (a profession the records declare) from 2019 to 2022. s1: the fundamentals, 3 days in March
 * 2020, 10 places; s2: the expert module, 5 days in May 2021; s3: an « Enfance = égalité » day.
 * w1 attended s1 and partly s2 (2 days), w2 attended s3. */
static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    f->ref = test_builtin();
    f->r = rec_new();
    assert_ok(snplp_records_add_profession(NULL, f->r, "profession-ape", SNPLP_CATEGORY_WORKER,
                                           "auxiliaires de puériculture"));
    f->w1 = rec_worker(f->r, "w1", "profession-ass", date(2019, 1, 1), 6);
    f->w2 = rec_worker(f->r, "w2", "profession-ape", date(2019, 1, 1), 0);
    assert_ok(snplp_worker_set_until(f->w2, date(2022, 12, 31)));
    f->s1 = rec_session(f->r, "s1", FUNDAMENTALS, date(2020, 3, 2), date(2020, 3, 4), dec(3, 0));
    assert_ok(snplp_session_set_capacity(f->s1, 10));
    f->s2 = rec_session(f->r, "s2", EXPERT, date(2021, 5, 3), date(2021, 5, 7), dec(5, 0));
    f->s3 = rec_session(f->r, "s3", EC_DAY_1, date(2020, 6, 15), date(2020, 6, 15), dec(1, 0));
    f->a1 = rec_att(f->r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED);
    f->a2 = rec_att(f->r, "w1", "s2", SNPLP_ATTENDANCE_PARTIAL);
    assert_ok(snplp_attendance_set_days(f->a2, dec(2, 0)));
    f->a3 = rec_att(f->r, "w2", "s3", SNPLP_ATTENDANCE_ATTENDED);
    f->diags = new_diags();
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    snplp__alloc_fail_after(-1);
    snplp_diagnostics_free(f->diags);
    snplp_records_unref(f->r);
    snplp_referential_unref(f->ref);
    free(f);
    return 0;
}

typedef struct want {
    snplp_diag_code code;
    snplp_severity severity;
    const char *item;
    const char *part; /* a part of the message */
} want;
#define E(code, item, part)                                                                        \
    {                                                                                              \
        SNPLP_DIAG_##code, SNPLP_SEVERITY_ERROR, item, part                                        \
    }
#define W(code, item, part)                                                                        \
    {                                                                                              \
        SNPLP_DIAG_##code, SNPLP_SEVERITY_WARNING, item, part                                      \
    }

/* Validates f's records and asserts the findings are w[0..n), in order, with no line. */
static void expect(fx *f, const want *w, size_t n)
{
    snplp_diagnostics_clear(f->diags);
    int rc = snplp_records_validate(f->r, f->ref, f->diags);
    size_t errors = 0;
    for (size_t i = 0; i < snplp_diagnostics_count(f->diags); i++) {
        const snplp_diagnostic *d = snplp_diagnostics_at(f->diags, i);
        print_message("  [%s] %s: %s\n", snplp_diag_code_name(snplp_diagnostic_code(d)),
                      snplp_diagnostic_item_id(d), snplp_diagnostic_message(d));
    }
    assert_int_equal(snplp_diagnostics_count(f->diags), n);
    for (size_t i = 0; i < n; i++) {
        const snplp_diagnostic *d = snplp_diagnostics_at(f->diags, i);
        assert_int_equal(snplp_diagnostic_code(d), w[i].code);
        assert_int_equal(snplp_diagnostic_severity(d), w[i].severity);
        assert_text(snplp_diagnostic_item_id(d), w[i].item);
        assert_has(snplp_diagnostic_message(d), w[i].part);
        assert_int_equal(snplp_diagnostic_line(d), 0);
        assert_int_equal(snplp_diagnostic_column(d), 0);
        errors += w[i].severity == SNPLP_SEVERITY_ERROR;
    }
    if (errors) {
        assert_int_equal(rc, SNPLP_EVALIDATION);
        assert_int_equal(snplp_error_last_code(), SNPLP_EVALIDATION);
    } else {
        assert_int_equal(rc, SNPLP_OK);
    }
}
#define EXPECT(f, ...)                                                                             \
    do {                                                                                           \
        static const want w_[] = {__VA_ARGS__};                                                    \
        expect(f, w_, COUNT_OF(w_));                                                               \
    } while (0)
#define EXPECT_NONE(f) expect(f, NULL, 0)

static void valid_records_have_no_finding(void **state)
{
    fx *f = *state;
    snplp_error_clear();
    EXPECT_NONE(f);
    assert_int_equal(snplp_error_last_code(), SNPLP_OK); /* a success records no error */
    /* the findings are appended to what the list holds */
    assert_ok(snplp_diagnostics_add(f->diags, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, 0, 0, NULL,
                                    "before"));
    assert_ok(snplp_records_validate(f->r, f->ref, f->diags));
    assert_int_equal(snplp_diagnostics_count(f->diags), 1);
    /* empty records against an empty referential */
    snplp_records *empty;
    assert_ok(snplp_records_new(&empty));
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_records_validate(empty, ref, f->diags));
    snplp_referential_unref(ref);
    snplp_records_unref(empty);
}

static void bad_arguments(void **state)
{
    fx *f = *state;
    assert_fails_in(snplp_records_validate(NULL, f->ref, f->diags), SNPLP_EINVAL,
                    "snplp_records_validate");
    assert_fails(snplp_records_validate(f->r, NULL, f->diags), SNPLP_EINVAL);
    assert_fails(snplp_records_validate(f->r, f->ref, NULL), SNPLP_EINVAL);
    /* a pointer of another type */
    assert_fails(snplp_records_validate(f->r, (const snplp_referential *)f->diags, f->diags),
                 SNPLP_EINVAL);
    assert_int_equal(snplp_diagnostics_count(f->diags), 0);
}

/* ---- 400, 401: references ---- */

static void worker_profession(void **state)
{
    fx *f = *state;
    /* a profession of the referential, a declared one: no finding (the fixture); a cadre */
    assert_ok(snplp_worker_set_profession_id(f->w1, "profession-head-of-service"));
    EXPECT_NONE(f);
    assert_ok(snplp_worker_set_profession_id(f->w1, "profession-nowhere"));
    EXPECT(f, E(RECORD_DANGLING_REFERENCE, "w1", "profession 'profession-nowhere'"));
    /* an item of the referential of another kind, a record of another kind */
    assert_ok(snplp_worker_set_profession_id(f->w1, "theme-insertion"));
    EXPECT(f, E(RECORD_REFERENCE_KIND, "w1", "is a theme of the referential"));
    assert_ok(snplp_worker_set_profession_id(f->w1, "emp-80"));
    EXPECT(f, E(RECORD_REFERENCE_KIND, "w1", "is an employer of the records"));
}

static void worker_employer(void **state)
{
    fx *f = *state;
    assert_ok(snplp_worker_set_employer_id(f->w1, "emp-02"));
    EXPECT(f, E(RECORD_DANGLING_REFERENCE, "w1", "employer 'emp-02'"));
    assert_ok(snplp_worker_set_employer_id(f->w1, "of-1"));
    EXPECT(f, E(RECORD_REFERENCE_KIND, "w1", "training-body of the records"));
    assert_ok(snplp_worker_set_employer_id(f->w1, "profession-ass"));
    EXPECT(f, E(RECORD_REFERENCE_KIND, "w1", "profession of the referential"));
    assert_ok(snplp_worker_set_employer_id(f->w1, "emp-80"));
    EXPECT_NONE(f);
}

static void session_subject_and_body(void **state)
{
    fx *f = *state;
    assert_ok(snplp_session_set_subject_id(f->s1, "module-gone"));
    EXPECT(f, E(RECORD_DANGLING_REFERENCE, "s1", "subject 'module-gone'"));
    assert_ok(snplp_session_set_subject_id(f->s1, "theme-insertion"));
    EXPECT(f, E(RECORD_REFERENCE_KIND, "s1", "a module or a plan theme"));
    assert_ok(snplp_session_set_subject_id(f->s1, "plan-early-childhood-days"));
    EXPECT(f, E(RECORD_REFERENCE_KIND, "s1", "is a plan of the referential"));
    assert_ok(snplp_session_set_subject_id(f->s1, FUNDAMENTALS));
    assert_ok(snplp_session_set_body_id(f->s1, "of-2"));
    EXPECT(f, E(RECORD_DANGLING_REFERENCE, "s1", "training body 'of-2'"));
    assert_ok(snplp_session_set_body_id(f->s1, "w1"));
    EXPECT(f, E(RECORD_REFERENCE_KIND, "s1", "is a worker of the records"));
    assert_ok(snplp_session_set_body_id(f->s1, "of-1"));
    EXPECT_NONE(f);
}

static void attendance_references(void **state)
{
    fx *f = *state;
    rec_att(f->r, "w9", "s1", SNPLP_ATTENDANCE_REGISTERED);
    rec_att(f->r, "w1", "s9", SNPLP_ATTENDANCE_REGISTERED);
    rec_att(f->r, "s1", "w1", SNPLP_ATTENDANCE_REGISTERED);
    rec_att(f->r, "w2", FUNDAMENTALS, SNPLP_ATTENDANCE_REGISTERED);
    EXPECT(f, E(RECORD_DANGLING_REFERENCE, "w9", "worker 'w9'"),
           E(RECORD_DANGLING_REFERENCE, "w1", "session 's9'"),
           E(RECORD_REFERENCE_KIND, "s1", "worker 's1' is a session of the records"),
           E(RECORD_REFERENCE_KIND, "s1", "session 'w1' is a worker of the records"),
           E(RECORD_REFERENCE_KIND, "w2", "is a module of the referential"));
}

/* ---- 402: a declared profession with an id of the referential ---- */

static void declared_profession_in_referential(void **state)
{
    fx *f = *state;
    assert_ok(snplp_records_add_profession(NULL, f->r, "profession-es", SNPLP_CATEGORY_WORKER,
                                           "éducateurs spécialisés"));
    assert_ok(snplp_records_add_profession(NULL, f->r, "theme-digital", SNPLP_CATEGORY_WORKER,
                                           "numérique"));
    EXPECT(f, E(PROFESSION_IN_REFERENTIAL, "profession-es", "a profession of the referential"),
           E(PROFESSION_IN_REFERENTIAL, "theme-digital", "a theme of the referential"));
    /* the same records against another referential: no finding */
    snplp_referential_unref(f->ref);
    f->ref = hand_ref();
    assert_ok(snplp_worker_set_profession_id(f->w1, "p-ass"));
    assert_ok(snplp_session_set_subject_id(f->s1, "m-basic"));
    assert_ok(snplp_session_set_days(f->s1, dec(2, 0)));
    assert_ok(snplp_session_set_subject_id(f->s2, "m-basic"));
    assert_ok(snplp_session_set_days(f->s2, dec(2, 0)));
    assert_ok(snplp_session_set_subject_id(f->s3, "pt-1"));
    EXPECT_NONE(f);
}

/* ---- 403, 404, 405: dates ---- */

static void worker_dates(void **state)
{
    fx *f = *state;
    assert_ok(snplp_worker_set_until(f->w2, date(2019, 1, 1))); /* one day: fine */
    assert_ok(snplp_worker_set_from(f->w2, date(2019, 1, 1)));
    rec_worker(f->r, "w3", "profession-es", date(2020, 1, 1), 6);
    assert_ok(snplp_worker_set_until(snplp_records_worker_find(f->r, "w3"), date(2019, 12, 31)));
    /* w2 attended s3 (2020) after leaving: 406 (below); here only the dates of w3 */
    assert_ok(snplp_attendance_set_status(f->a3, SNPLP_ATTENDANCE_CANCELLED));
    EXPECT(f, E(WORKER_DATES, "w3",
                "leaves the workforce on 2019-12-31, before joining it on "
                "2020-01-01"));
}

static void session_dates(void **state)
{
    fx *f = *state;
    assert_ok(snplp_session_set_dates(f->s3, date(2020, 6, 15), date(2020, 6, 14)));
    EXPECT(f, E(SESSION_DATES, "s3", "ends on 2020-06-14, before it starts on 2020-06-15"));
    /* one day, one calendar day: fine */
    assert_ok(snplp_session_set_dates(f->s3, date(2020, 6, 15), date(2020, 6, 15)));
    EXPECT_NONE(f);
}

static void session_days_over_calendar(void **state)
{
    fx *f = *state;
    assert_ok(snplp_session_set_days(f->s3, D("1.5")));
    EXPECT(f, E(SESSION_DAYS_OVER_CALENDAR, "s3", "lasts 1.5 days, more than the 1 calendar days"));
    /* 3 days over 3 calendar days (s1), 29 February counted */
    assert_ok(snplp_session_set_days(f->s3, dec(1, 0)));
    assert_ok(snplp_session_set_dates(f->s1, date(2020, 2, 28), date(2020, 3, 1)));
    EXPECT_NONE(f);
    assert_ok(snplp_session_set_dates(f->s1, date(2021, 2, 28), date(2021, 3, 1)));
    EXPECT(f, E(SESSION_DAYS_OVER_CALENDAR, "s1", "more than the 2 calendar days"));
}

static void attendance_outside_workforce(void **state)
{
    fx *f = *state;
    /* w2 leaves the day before s3 */
    assert_ok(snplp_worker_set_until(f->w2, date(2020, 6, 14)));
    EXPECT(f, E(ATTENDANCE_OUTSIDE_WORKFORCE, "w2", "attended session 's3'"));
    /* leaving on the session's last day is fine */
    assert_ok(snplp_worker_set_until(f->w2, date(2020, 6, 15)));
    EXPECT_NONE(f);
    /* joining after the session started; partial too */
    assert_ok(snplp_worker_set_from(f->w1, date(2020, 3, 3)));
    assert_ok(snplp_attendance_set_status(f->a1, SNPLP_ATTENDANCE_PARTIAL));
    EXPECT(f, E(ATTENDANCE_OUTSIDE_WORKFORCE, "w1", "partly attended session 's1'"));
    /* registered, absent or cancelled: no finding */
    assert_ok(snplp_attendance_set_status(f->a1, SNPLP_ATTENDANCE_ABSENT));
    EXPECT_NONE(f);
    assert_ok(snplp_worker_set_from(f->w1, date(2020, 3, 2)));
    assert_ok(snplp_attendance_set_status(f->a1, SNPLP_ATTENDANCE_ATTENDED));
    EXPECT_NONE(f);
}

/* ---- 407, 413, 414: days attended ---- */

static void days_over_session(void **state)
{
    fx *f = *state;
    assert_ok(snplp_attendance_set_days(f->a2, D("5.5")));
    EXPECT(f, E(DAYS_OVER_SESSION, "w1", "attended 5.5 days of session 's2', which lasts 5 days"));
    assert_ok(snplp_attendance_set_days(f->a2, D("5.0")));
    EXPECT_NONE(f);
}

static void days_without_attendance(void **state)
{
    fx *f = *state;
    static const snplp_attendance_status st[] = {
        SNPLP_ATTENDANCE_REGISTERED, SNPLP_ATTENDANCE_ABSENT, SNPLP_ATTENDANCE_CANCELLED};
    for (size_t i = 0; i < COUNT_OF(st); i++) {
        assert_ok(snplp_attendance_set_status(f->a2, st[i]));
        EXPECT(f, E(DAYS_WITHOUT_ATTENDANCE, "w1", "2 days attended for an attendance"));
        assert_has(snplp_diagnostic_message(snplp_diagnostics_at(f->diags, 0)),
                   snplp_attendance_status_name(st[i]));
    }
    assert_ok(snplp_attendance_set_days(f->a2, dec(0, 0)));
    EXPECT_NONE(f);
    assert_ok(snplp_attendance_clear_days(f->a2));
    EXPECT_NONE(f);
}

static void attended_below_session(void **state)
{
    fx *f = *state;
    assert_ok(snplp_attendance_set_status(f->a2, SNPLP_ATTENDANCE_ATTENDED));
    EXPECT(f, W(ATTENDED_BELOW_SESSION, "w1", "for 2 days of its 5"));
    /* a warning only: validation succeeds */
    assert_ok(snplp_records_validate(f->r, f->ref, f->diags));
    assert_ok(snplp_attendance_set_days(f->a2, dec(5, 0)));
    EXPECT_NONE(f);
}

/* ---- 408, 409: the length of a session ---- */

static void session_over_max_days(void **state)
{
    fx *f = *state;
    assert_ok(snplp_session_set_dates(f->s2, date(2021, 5, 3), date(2021, 5, 10)));
    assert_ok(snplp_session_set_days(f->s2, D("5.5")));
    EXPECT(f, E(SESSION_OVER_MAX_DAYS, "s2", "more than the training plan's maximum of 5 days"));
    assert_has(snplp_diagnostic_message(snplp_diagnostics_at(f->diags, 0)), "seed 003");
    assert_has(snplp_diagnostic_message(snplp_diagnostics_at(f->diags, 0)), "max-module-days");
    /* a day of another plan has no such limit */
    assert_ok(snplp_session_set_subject_id(f->s2, EC_DAY_1));
    EXPECT_NONE(f);
    /* without a maximum */
    assert_ok(snplp_session_set_subject_id(f->s2, EXPERT));
    snplp_referential_unref(f->ref);
    f->ref = test_builtin();
    assert_ok(snplp_training_plan_clear_max_module_days(snplp_referential_training_plan(f->ref)));
    EXPECT_NONE(f);
}

static void session_over_module_duration(void **state)
{
    fx *f = *state;
    snplp_referential_unref(f->ref);
    f->ref = hand_ref(); /* m-basic: 2 days, m-adv: 3 days, at most 4 */
    assert_ok(snplp_worker_set_profession_id(f->w1, "p-ass"));
    assert_ok(snplp_session_set_subject_id(f->s1, "m-basic"));
    assert_ok(snplp_session_set_days(f->s1, D("2.000001")));
    assert_ok(snplp_session_set_subject_id(f->s2, "m-adv"));
    assert_ok(snplp_session_set_days(f->s2, D("4.5")));
    assert_ok(snplp_attendance_clear_days(f->a2));
    assert_ok(snplp_session_set_subject_id(f->s3, "pt-1"));
    EXPECT(f, E(SESSION_OVER_MODULE_DURATION, "s1", "more than the 2 days of its module 'm-basic'"),
           E(SESSION_OVER_MODULE_DURATION, "s2", "more than the 3 days of its module 'm-adv'"),
           E(SESSION_OVER_MAX_DAYS, "s2", "maximum of 4 days"));
    assert_ok(snplp_session_set_days(f->s1, dec(2, 0)));
    assert_ok(snplp_session_set_days(f->s2, dec(3, 0)));
    EXPECT_NONE(f);
}

/* ---- 410, 411, 412: attendance together ---- */

static void duplicate_attendance(void **state)
{
    fx *f = *state;
    rec_att(f->r, "w2", "s1", SNPLP_ATTENDANCE_ATTENDED);
    EXPECT_NONE(f); /* another worker at s1 */
    rec_att(f->r, "w1", "s1", SNPLP_ATTENDANCE_CANCELLED);
    EXPECT(f, E(DUPLICATE_ATTENDANCE, "w1",
                "two attendance records at session 's1' (numbers 1 "
                "and 5"));
}

static void overlapping_sessions(void **state)
{
    fx *f = *state;
    /* s4 starts on the last day of s1 */
    snplp_session *s4 =
        rec_session(f->r, "s4", EC_DAY_1, date(2020, 3, 4), date(2020, 3, 4), dec(1, 0));
    snplp_attendance *a = rec_att(f->r, "w1", "s4", SNPLP_ATTENDANCE_REGISTERED);
    EXPECT(f, E(OVERLAPPING_SESSIONS, "w1",
                "'s1' (2020-03-02 to 2020-03-04, attended) and 's4' "
                "(2020-03-04 to 2020-03-04, registered)"));
    /* absent or cancelled at one of them: fine */
    assert_ok(snplp_attendance_set_status(a, SNPLP_ATTENDANCE_ABSENT));
    EXPECT_NONE(f);
    assert_ok(snplp_attendance_set_status(a, SNPLP_ATTENDANCE_PARTIAL));
    assert_ok(snplp_attendance_set_status(f->a1, SNPLP_ATTENDANCE_CANCELLED));
    EXPECT_NONE(f);
    /* the next day: fine */
    assert_ok(snplp_attendance_set_status(f->a1, SNPLP_ATTENDANCE_ATTENDED));
    assert_ok(snplp_session_set_dates(s4, date(2020, 3, 5), date(2020, 3, 5)));
    EXPECT_NONE(f);
}

static void capacity_exceeded(void **state)
{
    fx *f = *state;
    assert_ok(snplp_session_set_capacity(f->s1, 2));
    rec_att(f->r, "w2", "s1", SNPLP_ATTENDANCE_REGISTERED);
    rec_worker(f->r, "w3", "profession-es", date(2019, 1, 1), 6);
    snplp_attendance *a = rec_att(f->r, "w3", "s1", SNPLP_ATTENDANCE_CANCELLED);
    EXPECT_NONE(f); /* 2 taking part: at capacity */
    assert_ok(snplp_attendance_set_status(a, SNPLP_ATTENDANCE_PARTIAL));
    EXPECT(f, E(CAPACITY_EXCEEDED, "s1",
                "has 3 people registered, attended or partly attended, "
                "above its capacity of 2"));
    assert_ok(snplp_session_clear_capacity(f->s1));
    EXPECT_NONE(f);
}

/* ---- every rule at once, in order ---- */

static void findings_in_order(void **state)
{
    fx *f = *state;
    assert_ok(snplp_records_add_profession(NULL, f->r, "profession-me", SNPLP_CATEGORY_WORKER,
                                           "moniteurs éducateurs"));
    assert_ok(snplp_worker_set_employer_id(f->w2, "emp-x"));
    assert_ok(snplp_session_set_capacity(f->s3, 1));
    rec_att(f->r, "w1", "s3", SNPLP_ATTENDANCE_REGISTERED);
    rec_att(f->r, "w1", "s3", SNPLP_ATTENDANCE_REGISTERED);
    EXPECT(f, E(PROFESSION_IN_REFERENTIAL, "profession-me", "profession-me"),
           E(RECORD_DANGLING_REFERENCE, "w2", "emp-x"), E(CAPACITY_EXCEEDED, "s3", "capacity of 1"),
           E(DUPLICATE_ATTENDANCE, "w1", "'s3'"));
}

/* ---- out of memory ---- */

typedef struct oom_ctx {
    fx *f;
    size_t findings;
} oom_ctx;

static int oom_validate(void *p)
{
    oom_ctx *c = p;
    snplp_diagnostics *d = NULL;
    int rc = snplp_diagnostics_new(&d);
    if (rc)
        return rc;
    rc = snplp_records_validate(c->f->r, c->f->ref, d);
    if (rc == SNPLP_ENOMEM) {
        assert_int_equal(snplp_diagnostics_count(d), 0); /* nothing left behind */
        snplp_diagnostics_free(d);
        return rc;
    }
    assert_int_equal(snplp_diagnostics_count(d), c->findings);
    snplp_diagnostics_free(d);
    return SNPLP_OK;
}

static void out_of_memory(void **state)
{
    fx *f = *state;
    oom_ctx c = {f, 0};
    assert_true(test_oom_sweep(oom_validate, NULL, &c) > 1);
    /* with findings: each one's allocations too */
    assert_ok(snplp_worker_set_employer_id(f->w2, "emp-x"));
    assert_ok(snplp_session_set_capacity(f->s3, 1));
    rec_att(f->r, "w1", "s3", SNPLP_ATTENDANCE_REGISTERED);
    rec_att(f->r, "w1", "s3", SNPLP_ATTENDANCE_REGISTERED);
    c.findings = 3;
    assert_true(test_oom_sweep(oom_validate, NULL, &c) > 1);
    /* a list that held findings before keeps exactly them */
    assert_ok(snplp_diagnostics_add(f->diags, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, 0, 0, NULL,
                                    "before"));
    for (long n = 0;; n++) {
        snplp__alloc_fail_after(n);
        int rc = snplp_records_validate(f->r, f->ref, f->diags);
        snplp__alloc_fail_after(-1);
        if (rc != SNPLP_ENOMEM) {
            assert_int_equal(rc, SNPLP_EVALIDATION);
            assert_int_equal(snplp_diagnostics_count(f->diags), 4);
            break;
        }
        assert_int_equal(snplp_diagnostics_count(f->diags), 1);
    }
}

/* ---- the findings in French ---- */

#define NBSP "\xc2\xa0"      /* U+00A0 */
#define LAQ  "\xc2\xab" NBSP /* « and its space */
#define RAQ  NBSP "\xc2\xbb"

/* In a list set to French, the findings read as French: dates in words, days with a decimal
 * comma and their plural; their parameters stay typed, in the C locale. */
static void findings_in_french(void **state)
{
    fx *f = *state;
    assert_ok(snplp_diagnostics_set_language(f->diags, SNPLP_LANGUAGE_FR));
    rec_worker(f->r, "w3", "profession-es", date(2020, 1, 1), 6);
    assert_ok(snplp_worker_set_until(snplp_records_worker_find(f->r, "w3"), date(2019, 12, 31)));
    assert_ok(snplp_session_set_days(f->s3, D("1.5")));
    assert_ok(snplp_attendance_set_days(f->a2, D("5.5")));
    EXPECT(f,
           E(WORKER_DATES, "w3",
             "le professionnel " LAQ "w3" RAQ " quitte les effectifs le 31 d\xc3\xa9"
             "cembre 2019, avant d\xe2\x80\x99y entrer le 1 janvier 2020" NBSP
             ": v\xc3\xa9rifiez les dates"),
           E(SESSION_DAYS_OVER_CALENDAR, "s3",
             "la session " LAQ "s3" RAQ " dure 1,5 jour alors qu\xe2\x80\x99"
             "elle ne compte que 1 jour calendaire, du 15 juin 2020 au 15 juin 2020"),
           E(DAYS_OVER_SESSION, "w1",
             "le professionnel " LAQ "w1" RAQ " a suivi 5,5 jours de la session " LAQ "s2" RAQ
             ", qui dure 5 jours"));
    const snplp_diagnostic *g = snplp_diagnostics_at(f->diags, 0);
    assert_string_equal(snplp_diagnostic_message_id(g), "worker-dates/worker");
    assert_string_equal(snplp_diagnostic_param(g, "until"), "2019-12-31");
    assert_int_equal(snplp_diagnostic_param_type(g, 1), SNPLP_PARAM_DATE);
    g = snplp_diagnostics_at(f->diags, 1);
    assert_string_equal(snplp_diagnostic_message_id(g), "session-days-over-calendar/session");
    assert_string_equal(snplp_diagnostic_param(g, "days"), "1.5");
    assert_int_equal(snplp_diagnostic_param_type(g, 1), SNPLP_PARAM_DECIMAL);
    assert_string_equal(snplp_diagnostic_param(g, "calendar_days"), "1");
    assert_int_equal(snplp_diagnostic_param_type(g, 2), SNPLP_PARAM_INTEGER);
    assert_string_equal(snplp_diagnostic_param(g, "start"), "2020-06-15");
    g = snplp_diagnostics_at(f->diags, 2);
    assert_string_equal(snplp_diagnostic_message_id(g), "days-over-session/attendance");
    assert_string_equal(snplp_diagnostic_param(g, "days"), "5.5");
    assert_string_equal(snplp_diagnostic_param(g, "session_days"), "5");
    /* the same finding in English, on demand */
    char *en = NULL;
    assert_ok(snplp_diagnostic_render(g, SNPLP_LANGUAGE_EN, &en));
    assert_string_equal(en, "worker 'w1' attended 5.5 days of session 's2', which lasts 5 days");
    snplp_free(en);
    /* a reference of the wrong kind: the kind in French words */
    assert_ok(snplp_worker_set_until(snplp_records_worker_find(f->r, "w3"), date(2020, 12, 31)));
    assert_ok(snplp_session_set_days(f->s3, dec(1, 0)));
    assert_ok(snplp_attendance_set_days(f->a2, dec(2, 0)));
    assert_ok(snplp_session_set_subject_id(f->s1, "plan-early-childhood-days"));
    EXPECT(f, E(RECORD_REFERENCE_KIND, "s1",
                "la session " LAQ "s1" RAQ NBSP ": son objet " LAQ "plan-early-childhood-days" RAQ
                " est un plan du r\xc3\xa9"
                "f\xc3\xa9rentiel"));
    g = snplp_diagnostics_at(f->diags, 0);
    assert_string_equal(snplp_diagnostic_message_id(g), "record-reference-kind/session-subject");
    assert_string_equal(snplp_diagnostic_param(g, "kind"), "plan");
    assert_string_equal(snplp_diagnostic_param(g, "source"), "referential");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(valid_records_have_no_finding),
        FIXTURE_TEST(bad_arguments),
        FIXTURE_TEST(worker_profession),
        FIXTURE_TEST(worker_employer),
        FIXTURE_TEST(session_subject_and_body),
        FIXTURE_TEST(attendance_references),
        FIXTURE_TEST(declared_profession_in_referential),
        FIXTURE_TEST(worker_dates),
        FIXTURE_TEST(session_dates),
        FIXTURE_TEST(session_days_over_calendar),
        FIXTURE_TEST(attendance_outside_workforce),
        FIXTURE_TEST(days_over_session),
        FIXTURE_TEST(days_without_attendance),
        FIXTURE_TEST(attended_below_session),
        FIXTURE_TEST(session_over_max_days),
        FIXTURE_TEST(session_over_module_duration),
        FIXTURE_TEST(duplicate_attendance),
        FIXTURE_TEST(overlapping_sessions),
        FIXTURE_TEST(capacity_exceeded),
        FIXTURE_TEST(findings_in_order),
        FIXTURE_TEST(out_of_memory),
        FIXTURE_TEST(findings_in_french),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
