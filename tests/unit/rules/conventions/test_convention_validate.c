/* Tests of the coherence rules of a convention (convention.h: snplp_convention_validate). */
#include "test_util.h"

#define D(u, s) ((snplp_decimal){(u), (s)})

/* A convention of Maine-et-Loire for 2019-2021 with one action per core objective done every
 * year, and no indicator: it breaks no rule. */
static snplp_convention *clean_convention(void)
{
    snplp_convention *c = NULL;
    assert_ok(
        snplp_convention_new(&c, "calpae-49", SNPLP_TERRITORY_DEPARTEMENT, "49", "Maine-et-Loire"));
    assert_ok(snplp_convention_set_years(c, 2019, 2021));
    static const struct {
        const char *id;
        snplp_action_objective objective;
        const char *title;
    } actions[] = {
        {"ase", SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS,
         "Prévenir les sorties sèches de l’aide sociale à l’enfance"},
        {"rsa", SNPLP_ACTION_OBJECTIVE_RSA_INSERTION,
         "Améliorer l’orientation des bénéficiaires du RSA"},
        {"ts", SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK,
         "Généraliser le premier accueil social inconditionnel de proximité"},
    };
    for (size_t i = 0; i < COUNT_OF(actions); i++) {
        snplp_action *a = NULL;
        assert_ok(snplp_convention_add_action(&a, c, actions[i].id, actions[i].objective,
                                              actions[i].title));
        for (int32_t y = 2019; y <= 2021; y++)
            assert_ok(snplp_action_set_status(a, y, SNPLP_ACTION_STATUS_DONE, NULL));
    }
    return c;
}

static snplp_indicator *add_indicator(snplp_convention *c, const char *id, snplp_unit unit)
{
    snplp_indicator *ind = NULL;
    assert_ok(snplp_convention_add_indicator(&ind, c, id, "Nombre de jeunes accompagnés", unit));
    return ind;
}

/* Validates c at date at (NULL: none) and returns the findings (the caller frees them); *rc
 * receives the status. */
static snplp_diagnostics *run(const snplp_convention *c, const snplp_date *at, int *rc)
{
    snplp_diagnostics *d = new_diags();
    *rc = snplp_convention_validate(c, at, d);
    if (getenv("SNPLP_TEST_VERBOSE"))
        for (size_t i = 0; i < snplp_diagnostics_count(d); i++)
            print_message("  %s\n", snplp_diagnostic_message(snplp_diagnostics_at(d, i)));
    return d;
}

/* Asserts that finding i has this code, item and year, and names the convention. */
static void assert_finding(const snplp_diagnostics *d, size_t i, snplp_diag_code code,
                           const char *item, int32_t year)
{
    const snplp_diagnostic *e = snplp_diagnostics_at(d, i);
    assert_non_null(e);
    if (snplp_diagnostic_code(e) != code)
        print_error("finding %zu: %s: %s\n", i, snplp_diag_code_name(snplp_diagnostic_code(e)),
                    snplp_diagnostic_message(e));
    assert_int_equal(snplp_diagnostic_code(e), code);
    assert_text(snplp_diagnostic_item_id(e), item);
    assert_int_equal(snplp_diagnostic_year(e), year);
    assert_text(snplp_diagnostic_convention_id(e), "calpae-49");
    assert_int_equal(snplp_diagnostic_line(e), 0);
    assert_int_equal(snplp_diagnostic_column(e), 0);
    assert_true(strlen(snplp_diagnostic_message(e)) > 20);
}

static void test_clean(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_indicator *ind = add_indicator(c, "jeunes", SNPLP_UNIT_COUNT);
    for (int32_t y = 2019; y <= 2021; y++) {
        assert_ok(snplp_indicator_set_target(ind, y, D(100, 0)));
        assert_ok(snplp_indicator_set_actual(ind, y, D(3000, 2))); /* 30.00 is a whole count */
    }
    int rc;
    snplp_date at = {2030, 1, 1};
    snplp_diagnostics *d = run(c, &at, &rc);
    assert_int_equal(rc, SNPLP_OK);
    assert_int_equal(snplp_diagnostics_count(d), 0);
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

static void test_years(void **state)
{
    (void)state;
    snplp_convention *c = NULL;
    assert_ok(
        snplp_convention_new(&c, "calpae-49", SNPLP_TERRITORY_DEPARTEMENT, "49", "Maine-et-Loire"));
    int rc;
    snplp_diagnostics *d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(d), 1);
    assert_finding(d, 0, SNPLP_DIAG_YEARS_MISSING, NULL, 0);
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);

    /* four years (an amendment extended it): a warning, not an error */
    c = clean_convention();
    assert_ok(snplp_convention_set_years(c, 2019, 2022));
    d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    assert_finding(d, 0, SNPLP_DIAG_YEARS_SPAN, NULL, 0);
    assert_int_equal(snplp_diagnostic_severity(snplp_diagnostics_at(d, 0)), SNPLP_SEVERITY_WARNING);
    /* 2022 has no action of any core objective */
    assert_int_equal(snplp_diagnostics_count(d), 4);
    for (size_t i = 1; i < 4; i++)
        assert_finding(d, i, SNPLP_DIAG_CORE_ACTION_MISSING, NULL, 2022);
    snplp_diagnostics_free(d);
    /* with actions in 2022 too, the warning alone leaves the convention valid */
    for (size_t i = 0; i < 3; i++)
        assert_ok(snplp_action_set_status(snplp_convention_action_at(c, i), 2022,
                                          SNPLP_ACTION_STATUS_IN_PROGRESS, NULL));
    d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_OK);
    assert_int_equal(snplp_diagnostics_count(d), 1);
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

static void test_percent_range(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_indicator *p = add_indicator(c, "taux", SNPLP_UNIT_PERCENT);
    assert_ok(snplp_indicator_set_baseline(p, 2018, D(-5, 1)));  /* -0.5: below */
    assert_ok(snplp_indicator_set_target(p, 2019, D(0, 0)));     /* 0: edge, fine */
    assert_ok(snplp_indicator_set_actual(p, 2019, D(10000, 2))); /* 100.00: edge, fine */
    assert_ok(snplp_indicator_set_target(p, 2020, D(10001, 2))); /* 100.01: above */
    assert_ok(snplp_indicator_set_actual(p, 2021, D(-1, 18)));   /* just below 0 */
    int rc;
    snplp_diagnostics *d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(d), 3);
    assert_finding(d, 0, SNPLP_DIAG_PERCENT_RANGE, "taux", 2018);
    assert_finding(d, 1, SNPLP_DIAG_PERCENT_RANGE, "taux", 2020);
    assert_finding(d, 2, SNPLP_DIAG_PERCENT_RANGE, "taux", 2021);
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 1)), "100.01"));
    snplp_diagnostics_free(d);
    /* other units take any value */
    assert_ok(snplp_indicator_set_unit(p, SNPLP_UNIT_RATIO));
    d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_OK);
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

static void test_bad_count(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_indicator *n = add_indicator(c, "places", SNPLP_UNIT_COUNT);
    assert_ok(snplp_indicator_set_target(n, 2019, D(25, 1)));  /* 2.5 */
    assert_ok(snplp_indicator_set_actual(n, 2019, D(-3, 0)));  /* negative */
    assert_ok(snplp_indicator_set_target(n, 2020, D(300, 2))); /* 3.00: whole */
    assert_ok(snplp_indicator_set_actual(n, 2020, D(0, 0)));
    assert_ok(snplp_indicator_set_baseline(n, 2018, D(1, 18)));
    int rc;
    snplp_diagnostics *d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(d), 3);
    assert_finding(d, 0, SNPLP_DIAG_BAD_COUNT, "places", 2018);
    assert_finding(d, 1, SNPLP_DIAG_BAD_COUNT, "places", 2019);
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 1)), "whole"));
    assert_finding(d, 2, SNPLP_DIAG_BAD_COUNT, "places", 2019);
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 2)), "negative"));
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

static void test_numerator_over_denominator(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_indicator *num = add_indicator(c, "en-emploi", SNPLP_UNIT_EUROS);
    snplp_indicator *den = add_indicator(c, "suivis", SNPLP_UNIT_EUROS);
    snplp_indicator *rate = add_indicator(c, "taux-emploi", SNPLP_UNIT_PERCENT);
    assert_ok(snplp_indicator_set_ratio_of(rate, "en-emploi", "suivis"));
    assert_ok(snplp_indicator_set_target(num, 2019, D(50, 0)));
    assert_ok(snplp_indicator_set_target(den, 2019, D(50, 0)));  /* equal: fine */
    assert_ok(snplp_indicator_set_actual(num, 2019, D(501, 1))); /* 50.1 > 50 */
    assert_ok(snplp_indicator_set_actual(den, 2019, D(5000, 2)));
    assert_ok(snplp_indicator_set_target(num, 2020, D(80, 0)));
    assert_ok(snplp_indicator_set_target(den, 2020, D(60, 0)));
    assert_ok(snplp_indicator_set_actual(num, 2021, D(80, 0))); /* no denominator: no check */
    int rc;
    snplp_diagnostics *d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(d), 2);
    assert_finding(d, 0, SNPLP_DIAG_NUMERATOR_OVER_DENOMINATOR, "taux-emploi", 2019);
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)), "actual"));
    assert_finding(d, 1, SNPLP_DIAG_NUMERATOR_OVER_DENOMINATOR, "taux-emploi", 2020);
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 1)), "target"));
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

/* A typed rate that differs from the one derived from its numerator and denominator by more
 * than one unit of its target's scale is a warning; within one unit it is fine; a zero
 * denominator derives nothing and compares nothing; a derived actual is not missing. */
static void test_quotient_mismatch(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_indicator *num = add_indicator(c, "orientes", SNPLP_UNIT_COUNT);
    snplp_indicator *den = add_indicator(c, "nouveaux", SNPLP_UNIT_COUNT);
    snplp_indicator *rate = add_indicator(c, "taux-orientation", SNPLP_UNIT_PERCENT);
    assert_ok(snplp_indicator_set_ratio_of(rate, "orientes", "nouveaux"));
    /* 2019: 2 / 3 = 66.67 at scale 1 → 66.7; typed 66.6 is within one unit (0.1) */
    assert_ok(snplp_indicator_set_target(rate, 2019, D(700, 1)));
    assert_ok(snplp_indicator_set_actual(rate, 2019, D(666, 1)));
    assert_ok(snplp_indicator_set_actual(num, 2019, D(2, 0)));
    assert_ok(snplp_indicator_set_actual(den, 2019, D(3, 0)));
    /* 2020: 3 / 4 = 75 at scale 0; typed 77 is two units away */
    assert_ok(snplp_indicator_set_target(rate, 2020, D(80, 0)));
    assert_ok(snplp_indicator_set_actual(rate, 2020, D(77, 0)));
    assert_ok(snplp_indicator_set_actual(num, 2020, D(3, 0)));
    assert_ok(snplp_indicator_set_actual(den, 2020, D(4, 0)));
    /* 2021: a zero denominator: no derived rate, no comparison (and 0 ≤ 0: no other finding) */
    assert_ok(snplp_indicator_set_target(rate, 2021, D(80, 0)));
    assert_ok(snplp_indicator_set_actual(rate, 2021, D(50, 0)));
    assert_ok(snplp_indicator_set_actual(num, 2021, D(0, 0)));
    assert_ok(snplp_indicator_set_actual(den, 2021, D(0, 0)));
    int rc;
    snplp_diagnostics *d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_OK); /* a warning */
    assert_int_equal(snplp_diagnostics_count(d), 1);
    assert_finding(d, 0, SNPLP_DIAG_QUOTIENT_MISMATCH, "taux-orientation", 2020);
    const snplp_diagnostic *e = snplp_diagnostics_at(d, 0);
    assert_int_equal(snplp_diagnostic_severity(e), SNPLP_SEVERITY_WARNING);
    const char *msg = snplp_diagnostic_message(e);
    assert_non_null(strstr(msg, "77"));
    assert_non_null(strstr(msg, "75"));
    assert_non_null(strstr(msg, "'orientes' (3)"));
    assert_non_null(strstr(msg, "'nouveaux' (4)"));
    snplp_diagnostics_free(d);

    /* exactly one unit away is fine; 75.1 against 75 at scale 0 is too */
    assert_ok(snplp_indicator_set_actual(rate, 2020, D(76, 0)));
    d = run(c, NULL, &rc);
    assert_int_equal(snplp_diagnostics_count(d), 0);
    snplp_diagnostics_free(d);
    assert_ok(snplp_indicator_set_actual(rate, 2020, D(7601, 2)));
    d = run(c, NULL, &rc);
    assert_int_equal(snplp_diagnostics_count(d), 1);
    assert_finding(d, 0, SNPLP_DIAG_QUOTIENT_MISMATCH, "taux-orientation", 2020);
    snplp_diagnostics_free(d);

    /* a derived actual is not missing: only 2021 (zero denominator) lacks one in 2023 */
    assert_ok(snplp_indicator_clear_actual(rate, 2019));
    assert_ok(snplp_indicator_clear_actual(rate, 2020));
    assert_ok(snplp_indicator_clear_actual(rate, 2021));
    snplp_date at = {2023, 1, 1};
    d = run(c, &at, &rc);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    size_t missing = 0;
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *f = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_code(f) == SNPLP_DIAG_ACTUAL_MISSING &&
            !strcmp(snplp_diagnostic_item_id(f), "taux-orientation")) {
            missing++;
            assert_int_equal(snplp_diagnostic_year(f), 2021);
        }
    }
    assert_int_equal(missing, 1);
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

/* Dates that cannot both be right: each a located warning. */
static void test_implausible_dates(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    int rc;
    /* plausible: signed in 2019, report on 2019 sent in 2020, checked in 2021 */
    assert_ok(snplp_convention_set_signature_date(c, (snplp_date){2019, 4, 1}));
    assert_ok(snplp_convention_set_report_sent(c, 2019, (snplp_date){2020, 3, 15}));
    snplp_date at = {2019, 4, 1};
    snplp_diagnostics *d = run(c, &at, &rc);
    assert_int_equal(snplp_diagnostics_count(d), 0);
    snplp_diagnostics_free(d);

    /* the date of the check before the signature */
    at = (snplp_date){2019, 3, 31};
    d = run(c, &at, &rc);
    assert_int_equal(rc, SNPLP_OK);
    assert_int_equal(snplp_diagnostics_count(d), 1);
    assert_finding(d, 0, SNPLP_DIAG_IMPLAUSIBLE_DATE, NULL, 0);
    assert_int_equal(snplp_diagnostic_severity(snplp_diagnostics_at(d, 0)), SNPLP_SEVERITY_WARNING);
    const char *msg = snplp_diagnostic_message(snplp_diagnostics_at(d, 0));
    assert_non_null(strstr(msg, "2019-03-31"));
    assert_non_null(strstr(msg, "2019-04-01"));
    assert_non_null(strstr(msg, "before"));
    snplp_diagnostics_free(d);

    /* signed after a report it sent, and after its last year */
    assert_ok(snplp_convention_set_signature_date(c, (snplp_date){2022, 1, 5}));
    d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_OK);
    assert_int_equal(snplp_diagnostics_count(d), 2);
    assert_finding(d, 0, SNPLP_DIAG_IMPLAUSIBLE_DATE, NULL, 0);
    msg = snplp_diagnostic_message(snplp_diagnostics_at(d, 0));
    assert_non_null(strstr(msg, "2022-01-05"));
    assert_non_null(strstr(msg, "last year"));
    assert_finding(d, 1, SNPLP_DIAG_IMPLAUSIBLE_DATE, NULL, 2019);
    msg = snplp_diagnostic_message(snplp_diagnostics_at(d, 1));
    assert_non_null(strstr(msg, "2020-03-15"));
    assert_non_null(strstr(msg, "report on 2019"));
    snplp_diagnostics_free(d);

    /* signed after the report only */
    assert_ok(snplp_convention_set_signature_date(c, (snplp_date){2020, 6, 1}));
    d = run(c, NULL, &rc);
    assert_int_equal(snplp_diagnostics_count(d), 1);
    assert_finding(d, 0, SNPLP_DIAG_IMPLAUSIBLE_DATE, NULL, 2019);
    snplp_diagnostics_free(d);
    /* no signature date: nothing to compare */
    assert_ok(snplp_convention_clear_signature_date(c));
    at = (snplp_date){1999, 1, 1};
    d = run(c, &at, &rc);
    assert_int_equal(snplp_diagnostics_count(d), 0);
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

static void test_references(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_indicator *a = add_indicator(c, "a", SNPLP_UNIT_PERCENT);
    snplp_indicator *b = add_indicator(c, "b", SNPLP_UNIT_PERCENT);
    snplp_indicator *w = add_indicator(c, "w", SNPLP_UNIT_PERCENT);
    assert_ok(snplp_indicator_set_ratio_of(a, "absent", "a")); /* dangling, self */
    assert_ok(snplp_indicator_set_aggregation(b, SNPLP_AGGREGATION_WEIGHTED_MEAN, "rsa"));
    assert_ok(snplp_indicator_set_aggregation(w, SNPLP_AGGREGATION_WEIGHTED_MEAN, "b"));
    int rc;
    snplp_diagnostics *d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(d), 3);
    assert_finding(d, 0, SNPLP_DIAG_DANGLING_REFERENCE, "a", 0);
    assert_finding(d, 1, SNPLP_DIAG_REFERENCE_KIND, "a", 0);
    assert_finding(d, 2, SNPLP_DIAG_REFERENCE_KIND, "b", 0); /* "rsa" is an action */
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

static void test_year_outside(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_indicator *n = add_indicator(c, "jeunes", SNPLP_UNIT_COUNT);
    assert_ok(snplp_indicator_set_target(n, 2018, D(1, 0)));
    assert_ok(snplp_indicator_set_source(n, 2022, "Conseil départemental"));
    assert_ok(snplp_indicator_set_baseline(n, 2017, D(4, 0))); /* a baseline is before: fine */
    assert_ok(snplp_convention_set_funding(c, 2023, 100, 100));
    assert_ok(snplp_convention_set_funding(c, 2019, 100, 100));
    assert_ok(snplp_convention_set_report_sent(c, 2022, (snplp_date){2023, 3, 1}));
    assert_ok(snplp_action_set_status(snplp_convention_action_find(c, "rsa"), 2018,
                                      SNPLP_ACTION_STATUS_PLANNED, NULL));
    int rc;
    snplp_diagnostics *d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(d), 5);
    assert_finding(d, 0, SNPLP_DIAG_YEAR_OUTSIDE, NULL, 2023); /* funding */
    assert_finding(d, 1, SNPLP_DIAG_YEAR_OUTSIDE, NULL, 2022); /* report */
    assert_finding(d, 2, SNPLP_DIAG_YEAR_OUTSIDE, "rsa", 2018);
    assert_finding(d, 3, SNPLP_DIAG_YEAR_OUTSIDE, "jeunes", 2018);
    assert_finding(d, 4, SNPLP_DIAG_YEAR_OUTSIDE, "jeunes", 2022);
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

/* The report on 2019 is due on 2020-03-31: the actual of 2019 is missing from 2020-04-01. */
static void test_actual_missing(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_indicator *n = add_indicator(c, "jeunes", SNPLP_UNIT_COUNT);
    assert_ok(snplp_indicator_set_target(n, 2019, D(10, 0)));
    assert_ok(snplp_indicator_set_actual(n, 2020, D(10, 0)));
    const struct {
        snplp_date at;
        size_t findings;
    } cases[] = {
        {{2020, 3, 30}, 0}, {{2020, 3, 31}, 0}, {{2020, 4, 1}, 1},
        {{2021, 3, 31}, 1}, {{2022, 4, 1}, 2}, /* 2019 and 2021; 2020 has its actual */
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        int rc;
        snplp_diagnostics *d = run(c, &cases[i].at, &rc);
        assert_int_equal(snplp_diagnostics_count(d), cases[i].findings);
        assert_int_equal(rc, cases[i].findings ? SNPLP_EVALIDATION : SNPLP_OK);
        if (cases[i].findings) {
            assert_finding(d, 0, SNPLP_DIAG_ACTUAL_MISSING, "jeunes", 2019);
            assert_non_null(
                strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)), "2020-03-31"));
        }
        if (cases[i].findings == 2)
            assert_finding(d, 1, SNPLP_DIAG_ACTUAL_MISSING, "jeunes", 2021);
        snplp_diagnostics_free(d);
    }
    /* without a date the rule is not applied */
    int rc;
    snplp_diagnostics *d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_OK);
    snplp_diagnostics_free(d);
    /* leap year: the report on 2023 is due on 2024-03-31 as every year */
    assert_ok(snplp_convention_set_years(c, 2021, 2023));
    snplp_date leap = {2024, 2, 29};
    d = run(c, &leap, &rc);
    size_t missing = 0;
    for (size_t i = 0; i < snplp_diagnostics_count(d); i++) {
        const snplp_diagnostic *e = snplp_diagnostics_at(d, i);
        if (snplp_diagnostic_code(e) == SNPLP_DIAG_ACTUAL_MISSING) {
            assert_true(snplp_diagnostic_year(e) == 2021 || snplp_diagnostic_year(e) == 2022);
            missing++;
        }
    }
    assert_int_equal(missing, 2); /* 2021 and 2022; 2023 is due on 2024-03-31 */
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

static void test_core_action_missing(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_action *rsa = snplp_convention_action_find(c, "rsa");
    snplp_action *ts = snplp_convention_action_find(c, "ts");
    assert_ok(snplp_action_set_status(rsa, 2020, SNPLP_ACTION_STATUS_DROPPED,
                                      "Dispositif repris par France Travail"));
    assert_ok(snplp_action_clear_status(ts, 2021));
    /* a free initiative does not stand for a core objective */
    snplp_action *libre = NULL;
    assert_ok(snplp_convention_add_action(
        &libre, c, "libre", SNPLP_ACTION_OBJECTIVE_FREE_INITIATIVE, "Épicerie solidaire"));
    assert_ok(snplp_action_set_status(libre, 2021, SNPLP_ACTION_STATUS_IN_PROGRESS, NULL));
    int rc;
    snplp_diagnostics *d = run(c, NULL, &rc);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(d), 2);
    assert_finding(d, 0, SNPLP_DIAG_CORE_ACTION_MISSING, NULL, 2020);
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)), "rsa-insertion"));
    assert_finding(d, 1, SNPLP_DIAG_CORE_ACTION_MISSING, NULL, 2021);
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(d, 1)), "social-work"));
    snplp_diagnostics_free(d);
    /* a second action of the objective, planned, fills the gap */
    snplp_action *rsa2 = NULL;
    assert_ok(snplp_convention_add_action(&rsa2, c, "rsa2", SNPLP_ACTION_OBJECTIVE_RSA_INSERTION,
                                          "Garantie d’activité"));
    assert_ok(snplp_action_set_status(rsa2, 2020, SNPLP_ACTION_STATUS_PLANNED, NULL));
    d = run(c, NULL, &rc);
    assert_int_equal(snplp_diagnostics_count(d), 1);
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

/* Every problem at once, in order: convention, actions, indicators. */
static void test_all_at_once(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    assert_ok(snplp_convention_set_funding(c, 2024, 1, 1));
    assert_ok(snplp_action_clear_status(snplp_convention_action_find(c, "ase"), 2019));
    snplp_indicator *p = add_indicator(c, "p", SNPLP_UNIT_PERCENT);
    snplp_indicator *n = add_indicator(c, "n", SNPLP_UNIT_COUNT);
    assert_ok(snplp_indicator_set_actual(p, 2019, D(101, 0)));
    assert_ok(snplp_indicator_set_actual(n, 2019, D(-1, 0)));
    int rc;
    snplp_date at = {2020, 4, 1};
    snplp_diagnostics *d = run(c, &at, &rc);
    assert_int_equal(rc, SNPLP_EVALIDATION);
    assert_int_equal(snplp_error_last_code(), SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(d), 4);
    assert_finding(d, 0, SNPLP_DIAG_YEAR_OUTSIDE, NULL, 2024);
    assert_finding(d, 1, SNPLP_DIAG_CORE_ACTION_MISSING, NULL, 2019);
    assert_finding(d, 2, SNPLP_DIAG_PERCENT_RANGE, "p", 2019);
    assert_finding(d, 3, SNPLP_DIAG_BAD_COUNT, "n", 2019);
    /* the list is appended to, not cleared */
    assert_status(snplp_convention_validate(c, &at, d), SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(d), 8);
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

static void test_arguments(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_diagnostics *d = new_diags();
    assert_fails(snplp_convention_validate(NULL, NULL, d), SNPLP_EINVAL);
    assert_fails(snplp_convention_validate(c, NULL, NULL), SNPLP_EINVAL);
    snplp_date bad = {2023, 2, 29};
    assert_fails(snplp_convention_validate(c, &bad, d), SNPLP_EINVAL);
    assert_fails(snplp_convention_validate((const snplp_convention *)(const void *)d, NULL, d),
                 SNPLP_EINVAL);
    assert_int_equal(snplp_diagnostics_count(d), 0);
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

/* Out of memory while recording findings: SNPLP_ENOMEM, the findings so far stay, no leak. */
static void test_out_of_memory(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_indicator *p = add_indicator(c, "p", SNPLP_UNIT_PERCENT);
    for (int32_t y = 2019; y <= 2021; y++)
        assert_ok(snplp_indicator_set_actual(p, y, D(101, 0)));
    for (long n = 0;; n++) {
        snplp_diagnostics *d = new_diags();
        snplp__alloc_fail_after(n);
        int rc = snplp_convention_validate(c, NULL, d);
        snplp__alloc_fail_after(-1);
        if (rc == SNPLP_EVALIDATION) {
            assert_int_equal(snplp_diagnostics_count(d), 3);
            snplp_diagnostics_free(d);
            break;
        }
        assert_int_equal(rc, SNPLP_ENOMEM);
        assert_true(snplp_diagnostics_count(d) < 3);
        snplp_diagnostics_free(d);
    }
    snplp_convention_unref(c);
}

#define NBSP  "\xc2\xa0"      /* U+00A0 */
#define NNBSP "\xe2\x80\xaf"  /* U+202F */
#define LAQ   "\xc2\xab" NBSP /* « and its space */
#define RAQ   NBSP "\xc2\xbb"

static void assert_param(const snplp_diagnostic *g, const char *name, snplp_param_type type,
                         const char *value)
{
    const char *got = snplp_diagnostic_param(g, name);
    if (!got)
        print_error("%s: no parameter %s\n", snplp_diagnostic_message_id(g), name);
    assert_non_null(got);
    assert_string_equal(got, value);
    for (size_t i = 0; i < snplp_diagnostic_param_count(g); i++)
        if (!strcmp(snplp_diagnostic_param_name(g, i), name))
            assert_int_equal(snplp_diagnostic_param_type(g, i), type);
}

/* In a list set to French, the findings read as French: dates in words, a decimal comma and a
 * no-break space before the percent sign; their parameters are typed, in the C locale. */
static void test_in_french(void **state)
{
    (void)state;
    snplp_convention *c = clean_convention();
    snplp_indicator *p = add_indicator(c, "taux", SNPLP_UNIT_PERCENT);
    assert_ok(snplp_indicator_set_target(p, 2020, D(1505, 1))); /* 150.5 */
    assert_ok(snplp_convention_set_signature_date(c, (snplp_date){2021, 6, 1}));
    snplp_date at = {2021, 1, 1}; /* the report on 2019 was due, not the one on 2020 */
    snplp_diagnostics *d = new_diags();
    assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_FR));
    assert_int_equal(snplp_convention_validate(c, &at, d), SNPLP_EVALIDATION);
    assert_int_equal(snplp_diagnostics_count(d), 3);
    assert_finding(d, 0, SNPLP_DIAG_IMPLAUSIBLE_DATE, NULL, 0);
    assert_finding(d, 1, SNPLP_DIAG_PERCENT_RANGE, "taux", 2020);
    assert_finding(d, 2, SNPLP_DIAG_ACTUAL_MISSING, "taux", 2019);

    const snplp_diagnostic *g = snplp_diagnostics_at(d, 0);
    assert_string_equal(snplp_diagnostic_message_id(g), "implausible-date/check-before-signature");
    assert_param(g, "at", SNPLP_PARAM_DATE, "2021-01-01");
    assert_param(g, "signed", SNPLP_PARAM_DATE, "2021-06-01");
    assert_param(g, "convention", SNPLP_PARAM_ID, "calpae-49");
    assert_string_equal(snplp_diagnostic_message(g),
                        "la date de la v\xc3\xa9rification, le 1 janvier 2021, pr\xc3\xa9"
                        "c\xc3\xa8"
                        "de la signature de la convention " LAQ "calpae-49" RAQ
                        " (le 1 juin 2021)" NBSP ": v\xc3\xa9rifiez la date demand\xc3\xa9"
                        "e");

    g = snplp_diagnostics_at(d, 1);
    assert_string_equal(snplp_diagnostic_message_id(g), "percent-range/value");
    assert_param(g, "which", SNPLP_PARAM_CHOICE, "target");
    assert_param(g, "year", SNPLP_PARAM_INTEGER, "2020");
    assert_param(g, "value", SNPLP_PARAM_DECIMAL, "150.5");
    assert_string_equal(snplp_diagnostic_message(g),
                        "l\xe2\x80\x99indicateur " LAQ "taux" RAQ NBSP
                        ": la valeur cible de 2020 est de 150,5" NNBSP
                        "%, hors de l\xe2\x80\x99intervalle de 0 \xc3\xa0 100");

    g = snplp_diagnostics_at(d, 2);
    assert_string_equal(snplp_diagnostic_message_id(g), "actual-missing/indicator");
    assert_param(g, "year", SNPLP_PARAM_INTEGER, "2019");
    assert_param(g, "due", SNPLP_PARAM_DATE, "2020-03-31");
    assert_param(g, "at", SNPLP_PARAM_DATE, "2021-01-01");
    assert_non_null(
        strstr(snplp_diagnostic_message(g),
               "pour 2019, dont le rapport d\xe2\x80\x99"
               "ex\xc3\xa9"
               "cution \xc3\xa9tait d\xc3\xbb le 31 mars 2020 (v\xc3\xa9rifi\xc3\xa9 le "
               "1 janvier 2021)"));
    /* the same finding in English, on demand */
    char *en = NULL;
    assert_ok(snplp_diagnostic_render(g, SNPLP_LANGUAGE_EN, &en));
    assert_string_equal(en, "indicator 'taux' has no actual value for 2019, whose report was due "
                            "on 2020-03-31 (checked on 2021-01-01)");
    snplp_free(en);
    snplp_diagnostics_free(d);
    snplp_convention_unref(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_percent_range),
        cmocka_unit_test(test_bad_count),
        cmocka_unit_test(test_numerator_over_denominator),
        cmocka_unit_test(test_references),
        cmocka_unit_test(test_quotient_mismatch),
        cmocka_unit_test(test_implausible_dates),
        cmocka_unit_test(test_year_outside),
        cmocka_unit_test(test_actual_missing),
        cmocka_unit_test(test_core_action_missing),
        cmocka_unit_test(test_all_at_once),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_in_french),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
