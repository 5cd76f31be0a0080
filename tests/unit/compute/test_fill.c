/* snplp_convention_fill_from_records() (records_fill.h): yearly figures checked by hand for each
 * measure and each kind of filter, unknown data never counted as zero, typed actuals kept and
 * reported when they differ, earlier fills replaced, a unit that is not the measure's, a
 * convention without such indicators unchanged, errors, out of memory, and the example
 * convention filled from the example records. */
#include "../rules/records/records_fixture.h"

#include <snplp/records_fill.h>
#include <snplp/xml.h>

/* The case, for a convention of 2019 to 2021, against the built-in referential:
 * - workers w1, w2 (profession-ass), w3, w5 (profession-es), w4 (profession-ape, declared by
 *   the records);
 * - s1 fundamentals, 3 days, ends 2019-03-04: w1 attended (3 days, the session's), w2 partial
 *   1.5 days (not trained), w3 attended, 3 days given;
 * - s2 expert, 5 days, 2019-12-30 to 2020-01-03 (counts in 2020, the year it ends): w1
 *   attended, w2 absent;
 * - s3 an « Enfance = égalité » day (plan-early-childhood-days), 1 day, 2020-06-15: w4
 *   attended, 1 day given;
 * - s4 fundamentals, 3 days, ends 2020-10-03: w2 and w1 attended, w5 cancelled;
 * - s5 a subject the referential does not have, 2020-09-01: w5 attended;
 * - s6 fundamentals ending 2022-02-03 (after the convention): w3 attended;
 * - no session ends in 2021: the records do not cover it.
 * By hand, 2019 / 2020 (2021 never filled):
 *   i-all       workers trained, no filter           2 (w1 w3) / 4 (w1 w4 w2 w5)
 *   i-insertion workers trained, theme insertion     2 / 2 (w1 w2)
 *   i-days      days, theme insertion                7.5 (3 + 1.5 + 3) / 11 (5 + 3 + 3)
 *   i-sessions  sessions, plan "training-plan"       1 (s1) / 2 (s2 s4)
 *   i-ec        workers trained, plan of the days    0 / 1 (w4)
 *   i-ass       workers trained, profession-ass      1 (w1) / 2 (w1 w2)
 *   i-expert    sessions, module expert              0 / 1 (s2)
 *   i-ec-theme  workers trained, theme (a plan theme) 0 / 1 (w4) */
typedef struct fx {
    snplp_referential *ref;
    snplp_records *r;
    snplp_convention *conv, *copy;
    snplp_diagnostics *diags;
} fx;

static void computed(snplp_convention *c, const char *id, snplp_unit unit, snplp_records_measure m,
                     snplp_records_filter kind, const char *filter)
{
    snplp_indicator *ind = NULL;
    assert_ok(snplp_convention_add_indicator(&ind, c, id, id, unit));
    assert_ok(snplp_indicator_set_records_measure(ind, m));
    if (filter)
        assert_ok(snplp_indicator_add_records_filter(ind, kind, filter));
}

static snplp_convention *new_conv(void)
{
    snplp_convention *c = NULL;
    assert_ok(snplp_convention_new(&c, "calpae-80", SNPLP_TERRITORY_DEPARTEMENT, "80", "Somme"));
    assert_ok(snplp_convention_set_years(c, 2019, 2021));
    /* a typed indicator, never touched */
    snplp_indicator *typed = NULL;
    assert_ok(snplp_convention_add_indicator(&typed, c, "i-typed", "Typed", SNPLP_UNIT_COUNT));
    values(typed, 2019, "10", "12");
    const snplp_records_filter none = SNPLP_FILTER_THEME;
    computed(c, "i-all", SNPLP_UNIT_COUNT, SNPLP_MEASURE_WORKERS_TRAINED, none, NULL);
    computed(c, "i-insertion", SNPLP_UNIT_COUNT, SNPLP_MEASURE_WORKERS_TRAINED, SNPLP_FILTER_THEME,
             "theme-insertion");
    computed(c, "i-days", SNPLP_UNIT_DAYS, SNPLP_MEASURE_TRAINING_DAYS, SNPLP_FILTER_THEME,
             "theme-insertion");
    computed(c, "i-sessions", SNPLP_UNIT_COUNT, SNPLP_MEASURE_SESSIONS, SNPLP_FILTER_PLAN,
             "training-plan");
    computed(c, "i-ec", SNPLP_UNIT_COUNT, SNPLP_MEASURE_WORKERS_TRAINED, SNPLP_FILTER_PLAN,
             "plan-early-childhood-days");
    computed(c, "i-ass", SNPLP_UNIT_COUNT, SNPLP_MEASURE_WORKERS_TRAINED, SNPLP_FILTER_PROFESSION,
             "profession-ass");
    computed(c, "i-expert", SNPLP_UNIT_COUNT, SNPLP_MEASURE_SESSIONS, SNPLP_FILTER_MODULE, EXPERT);
    computed(c, "i-ec-theme", SNPLP_UNIT_COUNT, SNPLP_MEASURE_WORKERS_TRAINED, SNPLP_FILTER_THEME,
             EC_DAY_1);
    return c;
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    f->ref = test_builtin();
    snplp_records *r = f->r = rec_new();
    assert_ok(snplp_records_add_profession(NULL, r, "profession-ape", SNPLP_CATEGORY_WORKER,
                                           "auxiliaires de puériculture"));
    rec_worker(r, "w1", "profession-ass", date(2015, 1, 1), 6);
    rec_worker(r, "w2", "profession-ass", date(2015, 1, 1), 6);
    rec_worker(r, "w3", "profession-es", date(2015, 1, 1), 6);
    rec_worker(r, "w4", "profession-ape", date(2015, 1, 1), 0);
    rec_worker(r, "w5", "profession-es", date(2015, 1, 1), 6);
    rec_session(r, "s1", FUNDAMENTALS, date(2019, 3, 2), date(2019, 3, 4), dec(3, 0));
    rec_session(r, "s2", EXPERT, date(2019, 12, 30), date(2020, 1, 3), dec(5, 0));
    rec_session(r, "s3", EC_DAY_1, date(2020, 6, 15), date(2020, 6, 15), dec(1, 0));
    rec_session(r, "s4", FUNDAMENTALS, date(2020, 10, 1), date(2020, 10, 3), dec(3, 0));
    rec_session(r, "s5", "module-elsewhere", date(2020, 9, 1), date(2020, 9, 1), dec(1, 0));
    rec_session(r, "s6", FUNDAMENTALS, date(2022, 2, 1), date(2022, 2, 3), dec(3, 0));
    rec_att(r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED);
    assert_ok(
        snplp_attendance_set_days(rec_att(r, "w2", "s1", SNPLP_ATTENDANCE_PARTIAL), D("1.5")));
    assert_ok(
        snplp_attendance_set_days(rec_att(r, "w3", "s1", SNPLP_ATTENDANCE_ATTENDED), dec(3, 0)));
    rec_att(r, "w1", "s2", SNPLP_ATTENDANCE_ATTENDED);
    rec_att(r, "w2", "s2", SNPLP_ATTENDANCE_ABSENT);
    assert_ok(
        snplp_attendance_set_days(rec_att(r, "w4", "s3", SNPLP_ATTENDANCE_ATTENDED), dec(1, 0)));
    rec_att(r, "w2", "s4", SNPLP_ATTENDANCE_ATTENDED);
    rec_att(r, "w1", "s4", SNPLP_ATTENDANCE_ATTENDED);
    rec_att(r, "w5", "s4", SNPLP_ATTENDANCE_CANCELLED);
    rec_att(r, "w5", "s5", SNPLP_ATTENDANCE_ATTENDED);
    rec_att(r, "w3", "s6", SNPLP_ATTENDANCE_ATTENDED);
    f->conv = new_conv();
    f->copy = new_conv();
    f->diags = new_diags();
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    snplp__alloc_fail_after(-1);
    snplp_diagnostics_free(f->diags);
    snplp_convention_unref(f->conv);
    snplp_convention_unref(f->copy);
    snplp_records_unref(f->r);
    snplp_referential_unref(f->ref);
    free(f);
    return 0;
}

static snplp_indicator *ind_of(snplp_convention *c, const char *id)
{
    snplp_indicator *ind = snplp_convention_indicator_find(c, id);
    assert_non_null(ind);
    return ind;
}

/* The actual of year is want (NULL: none), with the records' source when source. */
static void assert_actual(snplp_convention *c, const char *id, int32_t year, const char *want,
                          bool source)
{
    snplp_indicator *ind = ind_of(c, id);
    snplp_decimal d = dec(-99, 0);
    if (!want) {
        assert_int_equal(snplp_indicator_actual(&d, ind, year), SNPLP_ENOTFOUND);
        assert_null(snplp_indicator_source(ind, year));
        return;
    }
    assert_ok(snplp_indicator_actual(&d, ind, year));
    if (snplp_decimal_compare(d, D(want)) != 0) {
        char got[64];
        snplp_decimal_format(got, sizeof got, d);
        print_error("%s %d: got %s, want %s\n", id, (int)year, got, want);
    }
    assert_int_equal(snplp_decimal_compare(d, D(want)), 0);
    if (source)
        assert_string_equal(snplp_indicator_source(ind, year), SNPLP_RECORDS_SOURCE);
}

/* The findings of code for indicator id and year (0: any year). */
static size_t findings(const snplp_diagnostics *d, snplp_diag_code code, const char *id,
                       int32_t year)
{
    size_t n = 0;
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *x = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_code(x) == code && (!id || !strcmp(snplp_diagnostic_item_id(x), id)) &&
            (!year || snplp_diagnostic_year(x) == year))
            n++;
    }
    return n;
}

/* The figures of the case, 2019 and 2020. */
static const struct {
    const char *id, *y2019, *y2020;
} figures[] = {
    {"i-all", "2", "4"},      {"i-insertion", "2", "2"}, {"i-days", "7.5", "11"},
    {"i-sessions", "1", "2"}, {"i-ec", "0", "1"},        {"i-ass", "1", "2"},
    {"i-expert", "0", "1"},   {"i-ec-theme", "0", "1"},
};

static void figures_by_hand(void **state)
{
    fx *f = *state;
    assert_ok(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags));
    assert_int_equal(snplp_diagnostics_count(f->diags), 0);
    for (size_t i = 0; i < COUNT_OF(figures); i++) {
        assert_actual(f->conv, figures[i].id, 2019, figures[i].y2019, true);
        assert_actual(f->conv, figures[i].id, 2020, figures[i].y2020, true);
        assert_actual(f->conv, figures[i].id, 2021, NULL, false); /* not covered */
        assert_actual(f->conv, figures[i].id, 2022, NULL, false); /* outside the convention */
        assert_int_equal(snplp_indicator_year_count(ind_of(f->conv, figures[i].id)), 2);
    }
    /* the days keep their decimals */
    snplp_decimal d;
    assert_ok(snplp_indicator_actual(&d, ind_of(f->conv, "i-days"), 2019));
    char text[32];
    assert_ok(snplp_decimal_format(text, sizeof text, d));
    assert_string_equal(text, "7.5");
    /* the typed indicator is as it was */
    assert_actual(f->conv, "i-typed", 2019, "12", false);
    assert_null(snplp_indicator_source(ind_of(f->conv, "i-typed"), 2019));
    /* a second fill changes nothing */
    assert_ok(snplp_convention_fill_from_records(f->copy, f->r, f->ref, NULL));
    assert_true(snplp_convention_equal(f->conv, f->copy));
    size_t before = snplp_memory_used();
    assert_ok(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags));
    assert_int_equal(snplp_memory_used(), before);
    assert_true(snplp_convention_equal(f->conv, f->copy));
    assert_int_equal(snplp_diagnostics_count(f->diags), 0);
}

/* Combined filters: all kinds apply, the ids of one kind are alternatives. */
static void filters_combine(void **state)
{
    fx *f = *state;
    snplp_indicator *ind = NULL;
    assert_ok(snplp_convention_add_indicator(&ind, f->conv, "i-combined", "C", SNPLP_UNIT_COUNT));
    assert_ok(snplp_indicator_set_records_measure(ind, SNPLP_MEASURE_WORKERS_TRAINED));
    assert_ok(snplp_indicator_add_records_filter(ind, SNPLP_FILTER_MODULE, FUNDAMENTALS));
    assert_ok(snplp_indicator_add_records_filter(ind, SNPLP_FILTER_MODULE, EC_DAY_1));
    assert_ok(snplp_indicator_add_records_filter(ind, SNPLP_FILTER_PROFESSION, "profession-es"));
    assert_ok(snplp_indicator_add_records_filter(ind, SNPLP_FILTER_PROFESSION, "profession-ape"));
    /* a module filter naming a plan theme selects nothing of it: only modules; so w3 (es) at
     * s1 in 2019, and in 2020 nobody (w4 is at a plan theme, w5 cancelled at s4) */
    assert_ok(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags));
    assert_actual(f->conv, "i-combined", 2019, "1", true);
    assert_actual(f->conv, "i-combined", 2020, "0", true);
    /* a filter of ids nothing uses selects nothing: a real 0, the years are covered */
    assert_ok(snplp_convention_add_indicator(&ind, f->conv, "i-nothing", "N", SNPLP_UNIT_DAYS));
    assert_ok(snplp_indicator_set_records_measure(ind, SNPLP_MEASURE_TRAINING_DAYS));
    assert_ok(snplp_indicator_add_records_filter(ind, SNPLP_FILTER_THEME, "theme-nowhere"));
    assert_ok(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags));
    assert_actual(f->conv, "i-nothing", 2019, "0", true);
    assert_actual(f->conv, "i-nothing", 2020, "0", true);
    assert_int_equal(snplp_diagnostics_count(f->diags), 0);
}

/* A partial attendance without days: unknown where the value needs them, never 0. */
static void unknown_days_are_not_zero(void **state)
{
    fx *f = *state;
    rec_att(f->r, "w3", "s4", SNPLP_ATTENDANCE_PARTIAL);
    assert_ok(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags));
    /* 2020: whether w3 was trained is unknown (all, insertion); its days are (days) */
    assert_actual(f->conv, "i-all", 2019, "2", true);
    assert_actual(f->conv, "i-all", 2020, NULL, false);
    assert_actual(f->conv, "i-insertion", 2020, NULL, false);
    assert_actual(f->conv, "i-days", 2020, NULL, false);
    assert_actual(f->conv, "i-days", 2019, "7.5", true);
    /* sessions held: s4 was held whatever w3 did; profession-ass: w3 is not one */
    assert_actual(f->conv, "i-sessions", 2020, "2", true);
    assert_actual(f->conv, "i-ass", 2020, "2", true);
    assert_int_equal(findings(f->diags, SNPLP_DIAG_RECORDS_VALUE_UNKNOWN, NULL, 0), 3);
    assert_int_equal(findings(f->diags, SNPLP_DIAG_RECORDS_VALUE_UNKNOWN, "i-all", 2020), 1);
    assert_int_equal(findings(f->diags, SNPLP_DIAG_RECORDS_VALUE_UNKNOWN, "i-days", 2020), 1);
    const snplp_diagnostic *d = snplp_diagnostics_at(f->diags, 0);
    assert_int_equal(snplp_diagnostic_severity(d), SNPLP_SEVERITY_WARNING);
    assert_string_equal(snplp_diagnostic_convention_id(d), "calpae-80");
    assert_non_null(strstr(snplp_diagnostic_message(d), "whether the worker was trained"));
    assert_string_equal(snplp_diag_code_name(SNPLP_DIAG_RECORDS_VALUE_UNKNOWN),
                        "records-value-unknown");
    /* w3 trained at s4 by another attendance would make it known again */
    snplp_diagnostics_clear(f->diags);
    rec_att(f->r, "w3", "s2", SNPLP_ATTENDANCE_ATTENDED);
    assert_ok(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags));
    assert_actual(f->conv, "i-all", 2020, "5", true);
    assert_actual(f->conv, "i-insertion", 2020, "3", true);
    assert_actual(f->conv, "i-days", 2020, NULL, false); /* still unknown */
}

/* An attendance of a worker or a session the records do not hold. */
static void dangling_references_are_unknown(void **state)
{
    fx *f = *state;
    rec_att(f->r, "w-ghost", "s1", SNPLP_ATTENDANCE_ATTENDED);
    assert_ok(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags));
    /* 2019 unknown wherever s1 counts; i-ec, i-expert, i-ec-theme do not count s1 */
    const char *const unknown[] = {"i-all", "i-insertion", "i-days", "i-sessions", "i-ass"};
    for (size_t i = 0; i < COUNT_OF(unknown); i++) {
        assert_actual(f->conv, unknown[i], 2019, NULL, false);
        assert_int_equal(findings(f->diags, SNPLP_DIAG_RECORDS_VALUE_UNKNOWN, unknown[i], 2019), 1);
    }
    assert_actual(f->conv, "i-ec", 2019, "0", true);
    assert_actual(f->conv, "i-all", 2020, "4", true);
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(f->diags, 0)),
                           "a worker who is not in the records"));
    /* a session the records do not hold: its year is unknown, so every year is */
    snplp_convention_unref(f->conv);
    f->conv = new_conv();
    snplp_diagnostics_clear(f->diags);
    snplp_records_unref(f->r);
    f->r = rec_new();
    rec_worker(f->r, "w1", "profession-ass", date(2015, 1, 1), 6);
    rec_session(f->r, "s1", FUNDAMENTALS, date(2019, 3, 2), date(2019, 3, 4), dec(3, 0));
    rec_session(f->r, "s2", FUNDAMENTALS, date(2020, 3, 2), date(2020, 3, 4), dec(3, 0));
    rec_att(f->r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED);
    rec_att(f->r, "w1", "s-ghost", SNPLP_ATTENDANCE_ATTENDED);
    rec_att(f->r, "w1", "s-ghost-absent", SNPLP_ATTENDANCE_ABSENT); /* counts nowhere */
    assert_ok(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags));
    for (size_t i = 0; i < COUNT_OF(figures); i++) {
        assert_actual(f->conv, figures[i].id, 2019, NULL, false);
        assert_actual(f->conv, figures[i].id, 2020, NULL, false);
    }
    assert_int_equal(findings(f->diags, SNPLP_DIAG_RECORDS_VALUE_UNKNOWN, NULL, 0),
                     2 * COUNT_OF(figures));
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(f->diags, 0)),
                           "a session that is not in the records"));
}

/* A typed actual that differs is kept and reported; one that agrees is kept silently; an
 * earlier fill's is replaced. */
static void typed_actuals(void **state)
{
    fx *f = *state;
    snplp_indicator *all = ind_of(f->conv, "i-all");
    assert_ok(snplp_indicator_set_actual(all, 2019, dec(5, 0)));
    assert_ok(snplp_indicator_set_source(all, 2019, "Rapport d'exécution 2019"));
    assert_ok(snplp_indicator_set_actual(all, 2020, D("4.0"))); /* equal to 4, no source */
    snplp_indicator *ins = ind_of(f->conv, "i-insertion");
    assert_ok(snplp_indicator_set_actual(ins, 2019, dec(9, 0)));
    assert_ok(snplp_indicator_set_source(ins, 2019, SNPLP_RECORDS_SOURCE));
    assert_ok(snplp_indicator_set_target(ins, 2021, dec(30, 0)));
    assert_ok(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags));
    assert_actual(f->conv, "i-all", 2019, "5", false);
    assert_string_equal(snplp_indicator_source(all, 2019), "Rapport d'exécution 2019");
    assert_actual(f->conv, "i-all", 2020, "4", false);
    assert_null(snplp_indicator_source(all, 2020));
    assert_actual(f->conv, "i-insertion", 2019, "2", true); /* replaced */
    snplp_decimal d;
    assert_ok(snplp_indicator_target(&d, ins, 2021)); /* targets untouched */
    assert_identical(d, dec(30, 0));
    assert_int_equal(snplp_diagnostics_count(f->diags), 1);
    const snplp_diagnostic *x = snplp_diagnostics_at(f->diags, 0);
    assert_int_equal(snplp_diagnostic_code(x), SNPLP_DIAG_RECORDS_ACTUAL_DIFFERS);
    assert_int_equal(snplp_diagnostic_severity(x), SNPLP_SEVERITY_WARNING);
    assert_string_equal(snplp_diagnostic_item_id(x), "i-all");
    assert_int_equal(snplp_diagnostic_year(x), 2019);
    assert_string_equal(snplp_diagnostic_message(x),
                        "indicator 'i-all': the actual of 2019 is 5, the training records give 2; "
                        "the actual typed is kept");
    assert_string_equal(snplp_diag_code_name(SNPLP_DIAG_RECORDS_ACTUAL_DIFFERS),
                        "records-actual-differs");
}

/* An indicator whose unit is not its measure's is left as it is, with an error. */
static void unit_mismatch(void **state)
{
    fx *f = *state;
    const snplp_unit units[] = {SNPLP_UNIT_PERCENT, SNPLP_UNIT_DAYS, SNPLP_UNIT_RATIO};
    const snplp_records_measure measures[] = {SNPLP_MEASURE_WORKERS_TRAINED, SNPLP_MEASURE_SESSIONS,
                                              SNPLP_MEASURE_TRAINING_DAYS};
    for (size_t i = 0; i < COUNT_OF(units); i++) {
        char id[16];
        snprintf(id, sizeof id, "i-bad-%zu", i);
        computed(f->conv, id, units[i], measures[i], SNPLP_FILTER_THEME, NULL);
    }
    assert_ok(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags));
    assert_int_equal(findings(f->diags, SNPLP_DIAG_RECORDS_MEASURE_UNIT, NULL, 0), 3);
    assert_int_equal(snplp_diagnostics_count(f->diags), 3);
    assert_int_equal(snplp_diagnostics_count_severity(f->diags, SNPLP_SEVERITY_ERROR), 3);
    assert_string_equal(snplp_diagnostic_message(snplp_diagnostics_at(f->diags, 0)),
                        "indicator 'i-bad-0' counts workers-trained in training records, in "
                        "count, but its unit is percent; it is left as it is");
    for (size_t i = 0; i < COUNT_OF(units); i++) {
        char id[16];
        snprintf(id, sizeof id, "i-bad-%zu", i);
        assert_int_equal(snplp_indicator_year_count(ind_of(f->conv, id)), 0);
    }
    assert_actual(f->conv, "i-all", 2019, "2", true); /* the others are filled */
    assert_string_equal(snplp_diag_code_name(SNPLP_DIAG_RECORDS_MEASURE_UNIT),
                        "records-measure-unit");
}

/* A convention with no indicator computed from records is left as it is, without allocating,
 * even with no years. */
static void convention_without_such_indicators(void **state)
{
    fx *f = *state;
    snplp_convention *c = NULL, *copy = NULL;
    for (int k = 0; k < 2; k++) {
        snplp_convention **p = k ? &copy : &c;
        assert_ok(snplp_convention_new(p, "c", SNPLP_TERRITORY_DEPARTEMENT, "80", "Somme"));
        snplp_indicator *ind = NULL;
        assert_ok(snplp_convention_add_indicator(&ind, *p, "i", "I", SNPLP_UNIT_COUNT));
        values(ind, 2019, "1", "2");
    }
    size_t before = snplp_memory_used();
    snplp__alloc_fail_after(0);
    int rc = snplp_convention_fill_from_records(c, f->r, f->ref, f->diags);
    snplp__alloc_fail_after(-1);
    assert_ok(rc);
    assert_int_equal(snplp_memory_used(), before);
    assert_true(snplp_convention_equal(c, copy));
    assert_int_equal(snplp_diagnostics_count(f->diags), 0);
    /* with such an indicator, the years are needed */
    computed(c, "i-all", SNPLP_UNIT_COUNT, SNPLP_MEASURE_WORKERS_TRAINED, SNPLP_FILTER_THEME, NULL);
    assert_fails_in(snplp_convention_fill_from_records(c, f->r, f->ref, f->diags), SNPLP_EINVAL,
                    "snplp_convention_fill_from_records");
    assert_message_has("no years");
    snplp_convention_unref(c);
    snplp_convention_unref(copy);
}

/* Empty records cover no year: nothing is filled. */
static void empty_records(void **state)
{
    fx *f = *state;
    snplp_records *empty = rec_new();
    assert_ok(snplp_convention_fill_from_records(f->conv, empty, f->ref, f->diags));
    assert_true(snplp_convention_equal(f->conv, f->copy));
    assert_int_equal(snplp_diagnostics_count(f->diags), 0);
    snplp_records_unref(empty);
}

static void errors_change_nothing(void **state)
{
    fx *f = *state;
    const char *fn = "snplp_convention_fill_from_records";
    void *wrong = f->diags;
    assert_fails_in(snplp_convention_fill_from_records(NULL, f->r, f->ref, f->diags), SNPLP_EINVAL,
                    fn);
    assert_fails_in(snplp_convention_fill_from_records(wrong, f->r, f->ref, f->diags), SNPLP_EINVAL,
                    fn);
    assert_fails_in(snplp_convention_fill_from_records(f->conv, NULL, f->ref, f->diags),
                    SNPLP_EINVAL, fn);
    assert_fails_in(snplp_convention_fill_from_records(f->conv, wrong, f->ref, f->diags),
                    SNPLP_EINVAL, fn);
    assert_fails_in(snplp_convention_fill_from_records(f->conv, f->r, NULL, f->diags), SNPLP_EINVAL,
                    fn);
    assert_fails_in(snplp_convention_fill_from_records(f->conv, f->r, wrong, f->diags),
                    SNPLP_EINVAL, fn);
    assert_true(snplp_convention_equal(f->conv, f->copy));
    assert_ok(snplp_convention_freeze(f->conv));
    assert_fails_in(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags),
                    SNPLP_EFROZEN, fn);
    assert_true(snplp_convention_equal(f->conv, f->copy));
    assert_int_equal(snplp_diagnostics_count(f->diags), 0);
}

/* ---- out of memory: nothing changes, neither the convention nor the findings ---- */

static int step_fill(void *p)
{
    fx *f = p;
    snplp_diagnostics *d = NULL;
    int rc = snplp_diagnostics_new(&d);
    if (rc)
        return rc;
    rc = snplp_convention_fill_from_records(f->conv, f->r, f->ref, d);
    assert_int_equal(snplp_diagnostics_count(d), rc ? 0 : 4);
    snplp_diagnostics_free(d);
    return rc;
}

static void check_unchanged(void *p)
{
    fx *f = p;
    assert_true(snplp_convention_equal(f->conv, f->copy));
}

static void out_of_memory(void **state)
{
    fx *f = *state;
    /* a typed actual that differs, an unknown year, new years and years already there */
    rec_att(f->r, "w3", "s4", SNPLP_ATTENDANCE_PARTIAL);
    assert_ok(snplp_indicator_set_actual(ind_of(f->conv, "i-ass"), 2019, dec(7, 0)));
    assert_ok(snplp_indicator_set_actual(ind_of(f->copy, "i-ass"), 2019, dec(7, 0)));
    assert_ok(snplp_indicator_set_target(ind_of(f->conv, "i-ec"), 2021, dec(7, 0)));
    assert_ok(snplp_indicator_set_target(ind_of(f->copy, "i-ec"), 2021, dec(7, 0)));
    assert_ok(snplp_indicator_set_target(ind_of(f->conv, "i-ec"), 2019, dec(7, 0)));
    assert_ok(snplp_indicator_set_target(ind_of(f->copy, "i-ec"), 2019, dec(7, 0)));
    assert_true(test_oom_sweep(step_fill, check_unchanged, f) > 1);
    assert_actual(f->conv, "i-all", 2019, "2", true);
    assert_actual(f->conv, "i-ass", 2019, "7", false);
    assert_actual(f->conv, "i-ec", 2019, "0", true);
    assert_actual(f->conv, "i-ec", 2020, "1", true);
    assert_int_equal(snplp_indicator_year_count(ind_of(f->conv, "i-ec")), 3);
    /* a list that held findings before keeps exactly them when the call fails */
    assert_ok(snplp_diagnostics_add(f->diags, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, 0, 0, NULL,
                                    "before"));
    for (long n = 0;; n++) {
        snplp__alloc_fail_after(n);
        int rc = snplp_convention_fill_from_records(f->copy, f->r, f->ref, f->diags);
        snplp__alloc_fail_after(-1);
        if (rc == SNPLP_OK)
            break;
        assert_int_equal(rc, SNPLP_ENOMEM);
        assert_int_equal(snplp_diagnostics_count(f->diags), 1);
    }
    assert_int_equal(snplp_diagnostics_count(f->diags), 1 + 4);
    assert_true(snplp_convention_equal(f->conv, f->copy));
}

/* ---- the example: examples/data/convention-49.xml filled from examples/data/records.xml ---- */

/* Counted without the library, over the XML of records.xml (written by
 * tests/bench/gen_records.py -e; tests/bench/records_figures.py counts them): the distinct
 * workers trained ("attended"; its "partial" attendance all has fewer days than the session's)
 * at a session of an insertion module (fundamentals or expert), by the year the session ends:
 * 18 in 2019, 26 in 2020, 25 in 2021. */
#define EXAMPLE_FIGURES                                                                            \
    {                                                                                              \
        {2019, "20", "18"}, {2020, "25", "26"},                                                    \
        {                                                                                          \
            2021, "30", "25"                                                                       \
        }                                                                                          \
    }

static void example_convention(void **state)
{
    (void)state;
    snplp_referential *ref = test_builtin();
    snplp_diagnostics *diags = new_diags();
    snplp_records *records = NULL;
    snplp_convention_list *list = NULL;
    assert_ok(
        snplp_records_import_file(&records, diags, SNPLP_EXAMPLES_DATA_DIR "/records.xml", NULL));
    assert_ok(snplp_conventions_import_file(&list, diags,
                                            SNPLP_EXAMPLES_DATA_DIR "/convention-49.xml", NULL));
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    snplp_convention *conv = snplp_convention_list_at(list, 0);
    snplp_indicator *ind = snplp_convention_indicator_find(conv, "agents-formes-themes-plan");
    assert_non_null(ind);
    assert_int_equal(snplp_indicator_records_measure(ind), SNPLP_MEASURE_WORKERS_TRAINED);
    assert_int_equal(snplp_indicator_records_filter_count(ind, SNPLP_FILTER_PLAN), 1);
    assert_string_equal(snplp_indicator_records_filter_at(ind, SNPLP_FILTER_PLAN, 0),
                        "training-plan");
    /* the file holds the actuals of an earlier fill, 2019 and 2020; 2021 is not there yet */
    assert_actual(conv, "agents-formes-themes-plan", 2019, "18", true);
    assert_actual(conv, "agents-formes-themes-plan", 2020, "26", true);
    snplp_decimal none;
    assert_int_equal(snplp_indicator_actual(&none, ind, 2021), SNPLP_ENOTFOUND);
    assert_ok(snplp_convention_fill_from_records(conv, records, ref, diags));
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    /* the matrix of the indicator, year by year: target (typed), actual (computed) */
    static const struct {
        int32_t year;
        const char *target, *actual;
    } want[] = EXAMPLE_FIGURES;
    for (size_t i = 0; i < COUNT_OF(want); i++) {
        snplp_decimal d;
        assert_ok(snplp_indicator_target(&d, ind, want[i].year));
        assert_int_equal(snplp_decimal_compare(d, D(want[i].target)), 0);
        assert_actual(conv, "agents-formes-themes-plan", want[i].year, want[i].actual, true);
    }
    snplp_convention_list_free(list);
    snplp_records_unref(records);
    snplp_diagnostics_free(diags);
    snplp_referential_unref(ref);
}

/* ---- the findings in French ---- */

#define NBSP  "\xc2\xa0"      /* U+00A0 */
#define NNBSP "\xe2\x80\xaf"  /* U+202F */
#define LAQ   "\xc2\xab" NBSP /* « and its space */
#define RAQ   NBSP "\xc2\xbb"

/* The finding of code about indicator id. */
static const snplp_diagnostic *finding_of(const snplp_diagnostics *d, snplp_diag_code code,
                                          const char *id)
{
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *g = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_code(g) == code && !strcmp(snplp_diagnostic_item_id(g), id))
            return g;
    }
    fail();
    return NULL;
}

/* In a list set to French, the findings read as French (decimal comma, measures and units in
 * words), with typed parameters in the C locale. */
static void findings_in_french(void **state)
{
    fx *f = *state;
    assert_ok(snplp_diagnostics_set_language(f->diags, SNPLP_LANGUAGE_FR));
    assert_ok(snplp_indicator_set_actual(ind_of(f->conv, "i-days"), 2019, D("6.5")));
    computed(f->conv, "i-bad", SNPLP_UNIT_PERCENT, SNPLP_MEASURE_TRAINING_DAYS, SNPLP_FILTER_THEME,
             NULL);
    rec_att(f->r, "w3", "s4", SNPLP_ATTENDANCE_PARTIAL); /* 2020 unknown */
    assert_ok(snplp_convention_fill_from_records(f->conv, f->r, f->ref, f->diags));

    const snplp_diagnostic *g = finding_of(f->diags, SNPLP_DIAG_RECORDS_ACTUAL_DIFFERS, "i-days");
    assert_string_equal(snplp_diagnostic_message_id(g), "records-actual-differs/indicator");
    assert_string_equal(snplp_diagnostic_param(g, "year"), "2019");
    assert_string_equal(snplp_diagnostic_param(g, "actual"), "6.5");
    assert_string_equal(snplp_diagnostic_param(g, "computed"), "7.5");
    assert_int_equal(snplp_diagnostic_param_type(g, 3), SNPLP_PARAM_DECIMAL);
    assert_string_equal(snplp_diagnostic_message(g),
                        "l\xe2\x80\x99indicateur " LAQ "i-days" RAQ NBSP ": la valeur r\xc3\xa9"
                        "alis\xc3\xa9"
                        "e de 2019 est 6,5, les donn\xc3\xa9"
                        "es de formation donnent 7,5" NNBSP "; la valeur saisie est conserv\xc3\xa9"
                        "e");

    g = finding_of(f->diags, SNPLP_DIAG_RECORDS_VALUE_UNKNOWN, "i-all");
    assert_string_equal(snplp_diagnostic_param(g, "reason"), "trained");
    assert_int_equal(snplp_diagnostic_param_type(g, 2), SNPLP_PARAM_CHOICE);
    assert_non_null(strstr(snplp_diagnostic_message(g),
                           "on ne sait pas si le professionnel a \xc3\xa9t\xc3\xa9 form\xc3\xa9"));

    g = finding_of(f->diags, SNPLP_DIAG_RECORDS_MEASURE_UNIT, "i-bad");
    assert_string_equal(snplp_diagnostic_param(g, "measure"), "training_days");
    assert_string_equal(snplp_diagnostic_param(g, "expected"), "days");
    assert_string_equal(snplp_diagnostic_param(g, "unit"), "percent");
    assert_non_null(strstr(snplp_diagnostic_message(g),
                           "compte les jours de formation dans les donn\xc3\xa9"
                           "es de formation, en jours, mais son unit\xc3\xa9 est le pourcentage"));
    char *en = NULL;
    assert_ok(snplp_diagnostic_render(g, SNPLP_LANGUAGE_EN, &en));
    assert_string_equal(en, "indicator 'i-bad' counts training-days in training records, in days, "
                            "but its unit is percent; it is left as it is");
    snplp_free(en);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FIXTURE_TEST(figures_by_hand),
        FIXTURE_TEST(filters_combine),
        FIXTURE_TEST(unknown_days_are_not_zero),
        FIXTURE_TEST(dangling_references_are_unknown),
        FIXTURE_TEST(typed_actuals),
        FIXTURE_TEST(unit_mismatch),
        FIXTURE_TEST(convention_without_such_indicators),
        FIXTURE_TEST(empty_records),
        FIXTURE_TEST(errors_change_nothing),
        FIXTURE_TEST(out_of_memory),
        FIXTURE_TEST(findings_in_french),
        cmocka_unit_test(example_convention),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
