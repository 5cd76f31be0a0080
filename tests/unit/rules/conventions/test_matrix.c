/* Tests of matrix.h: a convention's follow-up matrix. Every status and threshold edge for each
 * polarity, decided exactly (rates whose double rounds to the threshold on either side), the
 * rates, targets at or below zero, custom and refused thresholds, a whole convention's matrix
 * (values, statuses, counts, coverage and missing lists), the matrix outliving its
 * convention, NULL and out-of-range accessors, refused arguments and out-of-memory. */
#include "names.h"
#include "test_values.h"

#include <math.h>
#include <stdio.h>

#define M INT64_MAX

static snplp_indicator *ind_new(snplp_convention *c, const char *id, const char *label,
                                snplp_unit unit, snplp_polarity polarity)
{
    snplp_indicator *ind = NULL;
    assert_ok(snplp_convention_add_indicator(&ind, c, id, label, unit));
    assert_ok(snplp_indicator_set_polarity(ind, polarity));
    return ind;
}

/* ---- statuses and rates, one cell at a time ---- */

typedef struct achievement_case {
    snplp_polarity polarity;
    const char *target, *actual;
    const char *threshold; /* NULL: the default (80) */
    snplp_cell_status status;
    double rate;
} achievement_case;

#define HI      SNPLP_POLARITY_HIGHER
#define LO      SNPLP_POLARITY_LOWER
#define EX      SNPLP_POLARITY_EXACT
#define REACHED SNPLP_CELL_REACHED
#define PARTLY  SNPLP_CELL_PARTLY_REACHED
#define NOT     SNPLP_CELL_NOT_REACHED

static const achievement_case achievement_cases[] = {
    /* higher is better */
    {HI, "100", "100", NULL, REACHED, 1.0},
    {HI, "100", "100.00", NULL, REACHED, 1.0},
    {HI, "100", "120", NULL, REACHED, 1.2},
    {HI, "0.875", "0.7", NULL, PARTLY, 0.8}, /* exactly 80% */
    {HI, "3", "2.4", NULL, PARTLY, 0.8},
    {HI, "100", "99.99", NULL, PARTLY, 0.9999},
    {HI, "100", "80", NULL, PARTLY, 0.8},
    {HI, "100", "79.99", NULL, NOT, 0.7999},
    {HI, "1000", "799.999999999999999", NULL, NOT, 0.8}, /* the double rounds to 0.8 */
    {HI, "100", "0", NULL, NOT, 0.0},
    {HI, "100", "-10", NULL, NOT, -0.1},
    {HI, "0", "0", NULL, REACHED, 1.0},
    {HI, "0", "5", NULL, REACHED, 1.0},
    {HI, "0", "-1", NULL, NOT, 0.0},
    {HI, "-5", "-5", NULL, REACHED, 1.0},
    {HI, "-5", "3", NULL, REACHED, 1.0},
    {HI, "-5", "-6", NULL, NOT, 0.0},
    {HI, "100", "50", "50", PARTLY, 0.5},
    {HI, "100", "49.9", "50", NOT, 0.499},
    {HI, "100", "99.999", "100", NOT, 0.99999},
    {HI, "100", "100", "100", REACHED, 1.0},
    {HI, "200", "165", "82.5", PARTLY, 0.825},
    {HI, "200", "164.99", "82.5", NOT, 0.82495},
    {HI, "200", "165", "82.50", PARTLY, 0.825},
    {HI, "100", "0.000000000000000001", "0.000000000000000001", PARTLY, 1e-20},
    {HI, "101", "0.000000000000000001", "0.000000000000000001", NOT, 1e-20 / 1.01},
    {HI, "9223372036854775807", "9223372036854775806", "99.999999999999999", PARTLY, 1.0},
    {HI, "9223372036854775807", "9.223372036854775807", NULL, NOT, 1e-18},
    /* lower is better */
    {LO, "30", "30", NULL, REACHED, 1.0},
    {LO, "30", "20", NULL, REACHED, 1.0},
    {LO, "30", "-4", NULL, REACHED, 1.0},
    {LO, "30", "40", NULL, NOT, 0.75},
    {LO, "30", "40", "75", PARTLY, 0.75},
    {LO, "40", "50", NULL, PARTLY, 0.8}, /* exactly 80% */
    {LO, "40", "50.000000000000001", NULL, NOT, 0.8},
    {LO, "40", "49.99", NULL, PARTLY, 40 / 49.99},
    {LO, "0", "0", NULL, REACHED, 1.0},
    {LO, "0", "5", NULL, NOT, 0.0},
    {LO, "-2", "1", NULL, NOT, 0.0},
    {LO, "-2", "-1", NULL, NOT, 0.0},
    {LO, "-2", "-3", NULL, REACHED, 1.0},
    {LO, "12.5", "25", "50", PARTLY, 0.5},
    {LO, "12.5", "25.0000001", "50", NOT, 12.5 / 25.0000001},
    {LO, "12.5", "12.5000001", "100", NOT, 12.5 / 12.5000001},
    /* exact target */
    {EX, "50", "50", NULL, REACHED, 1.0},
    {EX, "50.0", "50", NULL, REACHED, 1.0},
    {EX, "50", "40", NULL, PARTLY, 0.8},
    {EX, "50", "60", NULL, PARTLY, 0.8},
    {EX, "50", "39.5", NULL, NOT, 0.79},
    {EX, "50", "60.5", NULL, NOT, 0.79},
    {EX, "50", "100", NULL, NOT, 0.0},
    {EX, "50", "150", NULL, NOT, 0.0}, /* floored at 0 */
    {EX, "50", "0", NULL, NOT, 0.0},
    {EX, "50", "-10", NULL, NOT, 0.0},
    {EX, "0", "0", NULL, REACHED, 1.0},
    {EX, "0", "0.1", NULL, NOT, 0.0},
    {EX, "0", "-0.1", NULL, NOT, 0.0},
    {EX, "-50", "-40", NULL, PARTLY, 0.8},
    {EX, "-50", "-60", NULL, PARTLY, 0.8},
    {EX, "-50", "-60.5", NULL, NOT, 0.79},
    {EX, "-50", "40", NULL, NOT, 0.0},
    {EX, "-50", "-100", NULL, NOT, 0.0},
    {EX, "50", "59.9", "80.2", PARTLY, 0.802},
    {EX, "50", "59.91", "80.2", NOT, 0.8018},
    {EX, "50", "99.999", "0.002", PARTLY, 0.00002},
    {EX, "50", "99.9991", "0.002", NOT, 0.000018},
    {EX, "50", "50.001", "100", NOT, 0.99998},
};

/* The cell of a one-indicator convention of 2020 with (target, actual), or NULL. */
static snplp_matrix *one_cell(snplp_polarity polarity, const char *target, const char *actual,
                              const char *threshold)
{
    snplp_convention *c = conv_new("calpae-49", "49", "Maine-et-Loire", 2020, 2020);
    snplp_indicator *ind =
        ind_new(c, "ind-orientation", "Allocataires du RSA orientés en moins d'un mois",
                SNPLP_UNIT_COUNT, polarity);
    values(ind, 2020, target, actual);
    snplp_matrix *m = NULL;
    snplp_decimal th;
    if (threshold)
        th = D(threshold);
    assert_ok(snplp_convention_matrix(&m, c, threshold ? &th : NULL));
    snplp_convention_unref(c);
    return m;
}

static void statuses_and_rates(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT_OF(achievement_cases); i++) {
        const achievement_case *k = &achievement_cases[i];
        snplp_matrix *m = one_cell(k->polarity, k->target, k->actual, k->threshold);
        snplp_cell_status got = snplp_matrix_status(m, 0, 2020);
        double rate = -42.0;
        assert_ok(snplp_matrix_rate(&rate, m, 0, 2020));
        if (got != k->status || !(fabs(rate - k->rate) <= 1e-15 * fabs(k->rate)))
            print_error("case %zu (%s, target %s, actual %s, threshold %s): got %s and %.17g, "
                        "want %s and %.17g\n",
                        i, snplp_polarity_name(k->polarity), k->target, k->actual,
                        k->threshold ? k->threshold : "default", snplp_cell_status_name(got), rate,
                        snplp_cell_status_name(k->status), k->rate);
        assert_int_equal(got, k->status);
        assert_true(fabs(rate - k->rate) <= 1e-15 * fabs(k->rate));
        assert_int_equal(snplp_matrix_covered(m, 0, 2020), 1);
        assert_int_equal(snplp_matrix_missing_count(m, 0, 2020), 0);
        assert_int_equal(snplp_matrix_status_count(m, k->status), 1);
        snplp_matrix_free(m);
    }
}

/* The rates that are exact quotients are the correctly rounded doubles, bit for bit. */
static void rates_exact(void **state)
{
    (void)state;
    static const struct {
        snplp_polarity polarity;
        const char *target, *actual;
        double rate;
    } cases[] = {
        {HI, "0.875", "0.7", 0.8}, {HI, "1000", "799.999999999999999", 0.8},
        {LO, "30", "40", 0.75},    {LO, "40", "50", 0.8},
        {EX, "50", "60", 0.8},     {EX, "-50", "-40", 0.8},
        {HI, "3", "1", 1.0 / 3.0}, {HI, "100", "120", 1.2},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        snplp_matrix *m = one_cell(cases[i].polarity, cases[i].target, cases[i].actual, NULL);
        double rate = 0;
        assert_ok(snplp_matrix_rate(&rate, m, 0, 2020));
        assert_true(rate == cases[i].rate);
        snplp_matrix_free(m);
    }
}

/* Exact target with values whose gap needs more than 64 bits once aligned: the rate is
 * (2t − a) / t, the correctly rounded quotient of exact decimals. */
static void exact_target_wide_values(void **state)
{
    (void)state;
    static const struct {
        const char *target, *actual;
        snplp_decimal num, den; /* the exact rate num / den */
        snplp_cell_status status;
    } cases[] = {
        /* t at scale 18, a at scale 0 */
        {"9.223372036854775807", "10", {8446744073709551614, 18}, {M, 18}, PARTLY},
        /* a at scale 18 above t at scale 0: t aligned is 5 × 10^18 */
        {"5", "9.223372036854775807", {776627963145224193, 18}, {5000000000000000000, 18}, NOT},
        /* a aligned to t's scale is 10^19, beyond an int64 */
        {"9223.372036854775807", "10000", {8446744073709551614, 15}, {M, 15}, PARTLY},
        /* a just below 2t: a tiny rate */
        {"4611.686018427387903", "9223.372036854775805", {1, 15}, {4611686018427387903, 15}, NOT},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        snplp_matrix *m = one_cell(EX, cases[i].target, cases[i].actual, NULL);
        double rate = -1, want = -2;
        assert_ok(snplp_matrix_rate(&rate, m, 0, 2020));
        assert_ok(snplp_decimal_ratio(&want, cases[i].num, cases[i].den));
        assert_true(rate == want);
        assert_int_equal(snplp_matrix_status(m, 0, 2020), cases[i].status);
        snplp_matrix_free(m);
    }
    /* a at 2t exactly: 0 */
    snplp_matrix *m = one_cell(EX, "4611.686018427387903", "9223.372036854775806", NULL);
    double rate = -1;
    assert_ok(snplp_matrix_rate(&rate, m, 0, 2020));
    assert_true(rate == 0.0);
    assert_int_equal(snplp_matrix_status(m, 0, 2020), NOT);
    snplp_matrix_free(m);
}

/* ---- thresholds ---- */

static void thresholds(void **state)
{
    (void)state;
    snplp_convention *c = conv_new("calpae-49", "49", "Maine-et-Loire", 2019, 2021);
    snplp_indicator *ind =
        ind_new(c, "ind-orientation", "Allocataires du RSA orientés", SNPLP_UNIT_COUNT, HI);
    values(ind, 2019, "100", "80");
    snplp_matrix *m = NULL;

    assert_ok(snplp_matrix_check_threshold(NULL)); /* the default */
    assert_ok(snplp_convention_matrix(&m, c, NULL));
    assert_identical(snplp_matrix_threshold(m), dec(SNPLP_MATRIX_DEFAULT_THRESHOLD, 0));
    assert_int_equal(snplp_matrix_status(m, 0, 2019), PARTLY);
    snplp_matrix_free(m);

    static const snplp_decimal accepted[] = {
        {100, 0}, {100000, 3}, {825, 1}, {1, 18}, {50, 0}, {99999999999999999, 15}, {8000, 2}};
    for (size_t i = 0; i < COUNT_OF(accepted); i++) {
        m = NULL;
        assert_ok(snplp_matrix_check_threshold(&accepted[i]));
        assert_ok(snplp_convention_matrix(&m, c, &accepted[i]));
        assert_identical(snplp_matrix_threshold(m), accepted[i]); /* kept as given */
        bool partly = snplp_decimal_compare(accepted[i], dec(80, 0)) <= 0;
        assert_int_equal(snplp_matrix_status(m, 0, 2019), partly ? PARTLY : NOT);
        snplp_matrix_free(m);
    }

    static const snplp_decimal refused[] = {{0, 0},   {0, 5},  {10001, 2}, {-5, 0}, {-1, 18},
                                            {101, 0}, {1, 19}, {1, -1},    {M, 0},  {INT64_MIN, 0}};
    snplp_matrix *const sentinel = (snplp_matrix *)&m;
    for (size_t i = 0; i < COUNT_OF(refused); i++) {
        m = sentinel;
        assert_fails(snplp_matrix_check_threshold(&refused[i]), SNPLP_EINVAL);
        assert_string_equal(snplp_error_last_function(), "snplp_matrix_check_threshold");
        assert_non_null(strstr(snplp_error_last_reason(), "threshold"));
        assert_fails(snplp_convention_matrix(&m, c, &refused[i]), SNPLP_EINVAL);
        assert_ptr_equal(m, sentinel);
    }
    snplp_convention_unref(c);
}

/* ---- a whole convention ---- */

typedef struct fixture {
    snplp_convention *conv;
    snplp_matrix *matrix;
} fixture;

/* Maine-et-Loire, 2019 to 2021, three indicators. */
static snplp_convention *maine_et_loire(void)
{
    snplp_convention *c = conv_new("calpae-49", "49", "Maine-et-Loire", 2019, 2021);
    snplp_indicator *orient =
        ind_new(c, "ind-orientation", "Nouveaux allocataires du RSA orientés en moins d'un mois",
                SNPLP_UNIT_COUNT, HI);
    values(orient, 2019, "1200", "1250"); /* reached */
    values(orient, 2020, "1500", "1275"); /* 85%: partly */
    values(orient, 2021, "1800", NULL);   /* actual missing */
    values(orient, 2018, "900", "950");   /* outside the years: not shown */
    assert_ok(snplp_indicator_set_aggregation(orient, SNPLP_AGGREGATION_SUM, NULL));

    snplp_indicator *delay =
        ind_new(c, "ind-delai-orientation", "Délai moyen entre la demande de RSA et l'orientation",
                SNPLP_UNIT_DAYS, LO);
    values(delay, 2019, "30", "40"); /* 75%: not reached */
    values(delay, 2020, NULL, "35"); /* no target, an actual */
    assert_ok(snplp_indicator_set_source(delay, 2021, "CAF de Maine-et-Loire, décembre 2021"));

    snplp_indicator *rate =
        ind_new(c, "ind-taux-contrat", "Part des allocataires orientés ayant signé un contrat",
                SNPLP_UNIT_PERCENT, EX);
    values(rate, 2019, "50", "50.0"); /* reached */
    values(rate, 2020, "50", "35");   /* 70%: not reached */
    values(rate, 2021, "50", "42.5"); /* 85%: partly */
    return c;
}

static void whole_convention(void **state)
{
    (void)state;
    snplp_convention *c = maine_et_loire();
    snplp_matrix *m = NULL;
    assert_ok(snplp_convention_matrix(&m, c, NULL));
    snplp_convention_unref(c); /* the matrix owns its copies */

    assert_int_equal(snplp_matrix_convention_count(m), 1);
    assert_int_equal(snplp_matrix_row_count(m), 3);
    assert_int_equal(snplp_matrix_first_year(m), 2019);
    assert_int_equal(snplp_matrix_year_count(m), 3);
    assert_text(snplp_matrix_indicator_id(m, 0), "ind-orientation");
    assert_text(snplp_matrix_indicator_label(m, 1),
                "Délai moyen entre la demande de RSA et l'orientation");
    assert_text(snplp_matrix_indicator_id(m, 2), "ind-taux-contrat");
    assert_int_equal(snplp_matrix_unit(m, 0), SNPLP_UNIT_COUNT);
    assert_int_equal(snplp_matrix_unit(m, 1), SNPLP_UNIT_DAYS);
    assert_int_equal(snplp_matrix_unit(m, 2), SNPLP_UNIT_PERCENT);
    assert_int_equal(snplp_matrix_polarity(m, 0), HI);
    assert_int_equal(snplp_matrix_polarity(m, 1), LO);
    assert_int_equal(snplp_matrix_polarity(m, 2), EX);

    /* row 0 */
    snplp_decimal d = {0, 0};
    double rate = 0;
    assert_int_equal(snplp_matrix_status(m, 0, 2019), REACHED);
    assert_ok(snplp_matrix_target(&d, m, 0, 2019));
    assert_identical(d, dec(1200, 0));
    assert_ok(snplp_matrix_actual(&d, m, 0, 2019));
    assert_identical(d, dec(1250, 0));
    assert_ok(snplp_matrix_rate(&rate, m, 0, 2019));
    assert_true(rate == 1250.0 / 1200.0);
    assert_int_equal(snplp_matrix_status(m, 0, 2020), PARTLY);
    assert_ok(snplp_matrix_rate(&rate, m, 0, 2020));
    assert_true(rate == 0.85);
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_ACTUAL_MISSING);
    assert_ok(snplp_matrix_target(&d, m, 0, 2021));
    assert_identical(d, dec(1800, 0));
    d = dec(7, 7);
    assert_fails(snplp_matrix_actual(&d, m, 0, 2021), SNPLP_ENOTFOUND);
    assert_fails(snplp_matrix_rate(&rate, m, 0, 2021), SNPLP_ENOTFOUND);
    assert_identical(d, dec(7, 7));                                     /* unchanged */
    assert_int_equal(snplp_matrix_status(m, 0, 2018), SNPLP_CELL_NONE); /* outside */

    /* row 1 */
    assert_int_equal(snplp_matrix_status(m, 1, 2019), NOT);
    assert_ok(snplp_matrix_rate(&rate, m, 1, 2019));
    assert_true(rate == 0.75);
    assert_int_equal(snplp_matrix_status(m, 1, 2020), SNPLP_CELL_NO_TARGET);
    assert_fails(snplp_matrix_target(&d, m, 1, 2020), SNPLP_ENOTFOUND);
    assert_ok(snplp_matrix_actual(&d, m, 1, 2020));
    assert_identical(d, dec(35, 0));
    assert_fails(snplp_matrix_rate(&rate, m, 1, 2020), SNPLP_ENOTFOUND);
    assert_int_equal(snplp_matrix_status(m, 1, 2021), SNPLP_CELL_NO_TARGET);
    assert_fails(snplp_matrix_target(&d, m, 1, 2021), SNPLP_ENOTFOUND);
    assert_fails(snplp_matrix_actual(&d, m, 1, 2021), SNPLP_ENOTFOUND);

    /* row 2: an exact target (its aggregation, none, matters only to a synthesis) */
    assert_int_equal(snplp_matrix_status(m, 2, 2019), REACHED);
    assert_ok(snplp_matrix_actual(&d, m, 2, 2019));
    assert_identical(d, dec(500, 1)); /* digit for digit */
    assert_int_equal(snplp_matrix_status(m, 2, 2020), NOT);
    assert_ok(snplp_matrix_rate(&rate, m, 2, 2020));
    assert_true(rate == 0.7);
    assert_int_equal(snplp_matrix_status(m, 2, 2021), PARTLY);

    /* coverage: 1 expected everywhere, 1 covered where both values are there */
    static const struct {
        size_t row;
        int32_t year;
        size_t covered;
        unsigned what;
    } coverage[] = {
        {0, 2019, 1, 0},
        {0, 2020, 1, 0},
        {0, 2021, 0, SNPLP_MISSING_ACTUAL},
        {1, 2019, 1, 0},
        {1, 2020, 0, SNPLP_MISSING_TARGET},
        {1, 2021, 0, SNPLP_MISSING_TARGET | SNPLP_MISSING_ACTUAL},
        {2, 2019, 1, 0},
        {2, 2020, 1, 0},
        {2, 2021, 1, 0},
    };
    for (size_t i = 0; i < COUNT_OF(coverage); i++) {
        size_t row = coverage[i].row;
        int32_t year = coverage[i].year;
        assert_int_equal(snplp_matrix_expected(m, row, year), 1);
        assert_int_equal(snplp_matrix_covered(m, row, year), coverage[i].covered);
        assert_int_equal(snplp_matrix_missing_count(m, row, year), 1 - coverage[i].covered);
        unsigned what = 99;
        const char *id = snplp_matrix_missing_at(m, row, year, 0, &what);
        if (coverage[i].covered) {
            assert_null(id);
            assert_int_equal(what, 0);
        } else {
            assert_text(id, "calpae-49");
            assert_int_equal(what, coverage[i].what);
            assert_text(snplp_matrix_missing_at(m, row, year, 0, NULL), "calpae-49");
        }
        assert_null(snplp_matrix_missing_at(m, row, year, 1, &what));
    }

    /* counts */
    assert_int_equal(snplp_matrix_row_status_count(m, 0, REACHED), 1);
    assert_int_equal(snplp_matrix_row_status_count(m, 0, PARTLY), 1);
    assert_int_equal(snplp_matrix_row_status_count(m, 0, SNPLP_CELL_ACTUAL_MISSING), 1);
    assert_int_equal(snplp_matrix_row_status_count(m, 0, NOT), 0);
    assert_int_equal(snplp_matrix_row_status_count(m, 1, NOT), 1);
    assert_int_equal(snplp_matrix_row_status_count(m, 1, SNPLP_CELL_NO_TARGET), 2);
    assert_int_equal(snplp_matrix_row_status_count(m, 2, REACHED), 1);
    assert_int_equal(snplp_matrix_row_status_count(m, 2, NOT), 1);
    assert_int_equal(snplp_matrix_row_status_count(m, 2, PARTLY), 1);
    assert_int_equal(snplp_matrix_row_status_count(m, 2, SNPLP_CELL_NOT_AGGREGATED), 0);
    assert_int_equal(snplp_matrix_status_count(m, REACHED), 2);
    assert_int_equal(snplp_matrix_status_count(m, PARTLY), 2);
    assert_int_equal(snplp_matrix_status_count(m, NOT), 2);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_NO_TARGET), 2);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_ACTUAL_MISSING), 1);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_NOT_AGGREGATED), 0);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_NONE), 0);
    size_t total = 0;
    for (int s = 0; s < SNPLP_CELL_STATUS_COUNT; s++)
        total += snplp_matrix_status_count(m, (snplp_cell_status)s);
    assert_int_equal(total, 9);
    snplp_matrix_free(m);
}

/* The matrix is a snapshot: later changes to the convention do not reach it. */
static void snapshot(void **state)
{
    (void)state;
    snplp_convention *c = maine_et_loire();
    snplp_matrix *m = NULL;
    assert_ok(snplp_convention_matrix(&m, c, NULL));
    snplp_indicator *ind = snplp_convention_indicator_at(c, 0);
    assert_ok(snplp_indicator_set_actual(ind, 2021, D("2000")));
    assert_ok(snplp_indicator_set_label(ind, "Libellé modifié"));
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_ACTUAL_MISSING);
    assert_text(snplp_matrix_indicator_label(m, 0),
                "Nouveaux allocataires du RSA orientés en moins d'un mois");
    snplp_matrix *again = NULL;
    assert_ok(snplp_convention_matrix(&again, c, NULL));
    assert_int_equal(snplp_matrix_status(again, 0, 2021), REACHED);
    assert_text(snplp_matrix_indicator_label(again, 0), "Libellé modifié");
    snplp_matrix_free(again);
    snplp_matrix_free(m);
    snplp_convention_unref(c);
}

static void empty_convention(void **state)
{
    (void)state;
    snplp_convention *c = conv_new("calpae-53", "53", "Mayenne", 2020, 2022);
    snplp_matrix *m = NULL;
    assert_ok(snplp_convention_matrix(&m, c, NULL));
    assert_int_equal(snplp_matrix_row_count(m), 0);
    assert_int_equal(snplp_matrix_year_count(m), 3);
    assert_int_equal(snplp_matrix_first_year(m), 2020);
    assert_int_equal(snplp_matrix_convention_count(m), 1);
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_NONE);
    for (int s = 0; s < SNPLP_CELL_STATUS_COUNT; s++)
        assert_int_equal(snplp_matrix_status_count(m, (snplp_cell_status)s), 0);
    snplp_matrix_free(m);

    /* one year only */
    assert_ok(snplp_convention_set_years(c, 2021, 2021));
    ind_new(c, "ind-jeunes", "Jeunes accompagnés vers l'emploi", SNPLP_UNIT_COUNT, HI);
    assert_ok(snplp_convention_matrix(&m, c, NULL));
    assert_int_equal(snplp_matrix_year_count(m), 1);
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_NO_TARGET);
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_NONE);
    assert_int_equal(snplp_matrix_status(m, 0, 2022), SNPLP_CELL_NONE);
    snplp_matrix_free(m);
    snplp_convention_unref(c);
}

static void refused_arguments(void **state)
{
    (void)state;
    snplp_convention *c = conv_new("calpae-85", "85", "Vendée", 0, 0);
    snplp_indicator *ind = ind_new(c, "ind-jeunes", "Jeunes accompagnés", SNPLP_UNIT_COUNT, HI);
    snplp_matrix *m = NULL;
    snplp_matrix *const sentinel = (snplp_matrix *)&m;
    m = sentinel;
    assert_fails(snplp_convention_matrix(&m, c, NULL), SNPLP_EINVAL); /* years not set */
    assert_ptr_equal(m, sentinel);
    assert_fails(snplp_convention_matrix(&m, NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_convention_matrix(&m, (const snplp_convention *)ind, NULL),
                 SNPLP_EINVAL); /* not a convention */
    assert_ptr_equal(m, sentinel);
    assert_ok(snplp_convention_set_years(c, 2019, 2021));
    assert_fails(snplp_convention_matrix(NULL, c, NULL), SNPLP_EINVAL);
    snplp_convention_unref(c);
}

/* ---- dated matrices (1.3) ---- */

/* On 30 June 2021, the 2021 cells of a 2019-2021 convention are not yet due (the report on
 * 2021 is due on 31 March 2022); 2020's, due on 31 March 2021, are missing. */
static void dated_not_yet_due(void **state)
{
    (void)state;
    snplp_convention *c = conv_new("calpae-49", "49", "Maine-et-Loire", 2019, 2021);
    snplp_indicator *ind = ind_new(c, "ind-jeunes", "Jeunes accompagnés", SNPLP_UNIT_COUNT, HI);
    values(ind, 2019, "100", "90");
    values(ind, 2020, "110", NULL);
    values(ind, 2021, "120", NULL);
    snplp_matrix *m = NULL;
    /* undated: 1.2 statuses only */
    assert_ok(snplp_convention_matrix(&m, c, NULL));
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_ACTUAL_MISSING);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_NOT_YET_DUE), 0);
    snplp_matrix_free(m);
    assert_ok(snplp_convention_matrix_at(&m, c, date(2021, 6, 30), NULL));
    assert_int_equal(snplp_matrix_status(m, 0, 2019), SNPLP_CELL_PARTLY_REACHED);
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_ACTUAL_MISSING);
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_NOT_YET_DUE);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_ACTUAL_MISSING), 1);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_NOT_YET_DUE), 1);
    assert_int_equal(snplp_matrix_row_status_count(m, 0, SNPLP_CELL_NOT_YET_DUE), 1);
    assert_text(snplp_cell_status_name(snplp_matrix_status(m, 0, 2021)), "not-yet-due");
    snplp_matrix_free(m);
    /* on 31 March 2021 the 2020 report is still in time; on 1 April it is not */
    assert_ok(snplp_convention_matrix_at(&m, c, date(2021, 3, 31), NULL));
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_NOT_YET_DUE);
    snplp_matrix_free(m);
    assert_ok(snplp_convention_matrix_at(&m, c, date(2021, 4, 1), NULL));
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_ACTUAL_MISSING);
    snplp_matrix_free(m);
    /* a report sent (early) without the actual: the actual is missing from then on */
    assert_ok(snplp_convention_set_report_sent(c, 2021, date(2022, 1, 10)));
    assert_ok(snplp_convention_matrix_at(&m, c, date(2022, 1, 10), NULL));
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_ACTUAL_MISSING);
    snplp_matrix_free(m);
    assert_ok(snplp_convention_matrix_at(&m, c, date(2022, 1, 9), NULL));
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_NOT_YET_DUE);
    snplp_matrix_free(m);
    /* refused: an invalid date, NULL */
    m = NULL;
    assert_fails(snplp_convention_matrix_at(&m, c, date(2021, 2, 29), NULL), SNPLP_EINVAL);
    assert_message_has("snplp_convention_matrix_at");
    assert_fails(snplp_convention_matrix_at(NULL, c, date(2021, 6, 30), NULL), SNPLP_EINVAL);
    assert_fails(snplp_convention_matrix_at(&m, NULL, date(2021, 6, 30), NULL), SNPLP_EINVAL);
    assert_null(m);
    snplp_convention_unref(c);
}

/* ---- rates declared as a quotient (1.3) ---- */

/* A percent indicator declared the quotient of two counts: exact derivation, rounding half away
 * from zero to the scale of its target, a typed actual winning, a zero denominator. */
static void derived_quotient(void **state)
{
    (void)state;
    snplp_convention *c = conv_new("calpae-49", "49", "Maine-et-Loire", 2019, 2021);
    snplp_indicator *rate = ind_new(c, "ind-taux", "Taux d'orientation", SNPLP_UNIT_PERCENT, HI);
    snplp_indicator *n = ind_new(c, "ind-orientes", "Orientés", SNPLP_UNIT_COUNT, HI);
    snplp_indicator *d = ind_new(c, "ind-nouveaux", "Nouveaux", SNPLP_UNIT_COUNT, HI);
    snplp_decimal got = {0, 0};
    /* not a quotient yet */
    values(rate, 2019, "80", NULL);
    values(n, 2019, NULL, "3");
    values(d, 2019, NULL, "4");
    assert_fails(snplp_indicator_derived_actual(&got, rate, 2019), SNPLP_ENOTFOUND);
    assert_message_has("not declared as a quotient");
    assert_ok(snplp_indicator_set_ratio_of(rate, "ind-orientes", "ind-nouveaux"));
    /* exact: 3 / 4 = 75% at the target's scale 0 */
    assert_ok(snplp_indicator_derived_actual(&got, rate, 2019));
    assert_identical(got, dec(75, 0));
    /* rounding: 2 / 3 = 66.666…% → 66.7 at scale 1 (target "62.5"); 1 / 8 = 12.5% → 13 at
     * scale 0 (half away from zero) */
    values(rate, 2020, "62.5", NULL);
    values(n, 2020, NULL, "2");
    values(d, 2020, NULL, "3");
    assert_ok(snplp_indicator_derived_actual(&got, rate, 2020));
    assert_identical(got, dec(667, 1));
    values(rate, 2021, "10", NULL);
    values(n, 2021, NULL, "1");
    values(d, 2021, NULL, "8");
    assert_ok(snplp_indicator_derived_actual(&got, rate, 2021));
    assert_identical(got, dec(13, 0));

    snplp_matrix *m = NULL;
    assert_ok(snplp_convention_matrix(&m, c, NULL));
    assert_ok(snplp_matrix_actual(&got, m, 0, 2019));
    assert_identical(got, dec(75, 0));
    assert_true(snplp_matrix_actual_is_derived(m, 0, 2019));
    assert_int_equal(snplp_matrix_status(m, 0, 2019), SNPLP_CELL_PARTLY_REACHED); /* 75/80 */
    assert_ok(snplp_matrix_actual(&got, m, 0, 2020));
    assert_identical(got, dec(667, 1));
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_REACHED);
    assert_false(snplp_matrix_actual_is_derived(m, 1, 2019)); /* a count typed */
    assert_false(snplp_matrix_actual_is_derived(m, 0, 2030));
    assert_false(snplp_matrix_actual_is_derived(NULL, 0, 2019));
    snplp_matrix_free(m);

    /* a typed actual wins */
    values(rate, 2019, NULL, "74");
    assert_ok(snplp_convention_matrix(&m, c, NULL));
    assert_ok(snplp_matrix_actual(&got, m, 0, 2019));
    assert_identical(got, dec(74, 0));
    assert_false(snplp_matrix_actual_is_derived(m, 0, 2019));
    snplp_matrix_free(m);

    /* a zero denominator: nothing derived, the actual stays missing */
    assert_ok(snplp_indicator_set_actual(d, 2021, D("0")));
    assert_fails(snplp_indicator_derived_actual(&got, rate, 2021), SNPLP_ENOTFOUND);
    assert_message_has("is zero");
    assert_ok(snplp_convention_matrix(&m, c, NULL));
    assert_fails(snplp_matrix_actual(&got, m, 0, 2021), SNPLP_ENOTFOUND);
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_ACTUAL_MISSING);
    snplp_matrix_free(m);

    /* a ratio (not a percent) is the plain quotient; without a target, nothing is derived */
    assert_ok(snplp_indicator_set_unit(rate, SNPLP_UNIT_RATIO));
    assert_ok(snplp_indicator_clear_target(rate, 2020));
    assert_ok(snplp_indicator_set_target(rate, 2020, D("0.50")));
    assert_ok(snplp_indicator_derived_actual(&got, rate, 2020));
    assert_identical(got, dec(67, 2));
    assert_ok(snplp_indicator_clear_target(rate, 2020));
    assert_fails(snplp_indicator_derived_actual(&got, rate, 2020), SNPLP_ENOTFOUND);
    assert_message_has("needs a target");
    /* refused arguments */
    assert_fails(snplp_indicator_derived_actual(NULL, rate, 2020), SNPLP_EINVAL);
    assert_fails(snplp_indicator_derived_actual(&got, NULL, 2020), SNPLP_EINVAL);
    assert_fails(snplp_indicator_derived_actual(&got, rate, 99999), SNPLP_EINVAL);
    snplp_convention_unref(c);
}

/* Wide values: the exact quotient beyond 64 bits before rounding, and a result beyond a
 * decimal. */
static void derived_quotient_wide(void **state)
{
    (void)state;
    snplp_convention *c = conv_new("calpae-49", "49", "Maine-et-Loire", 2020, 2020);
    snplp_indicator *rate = ind_new(c, "ind-taux", "Taux", SNPLP_UNIT_RATIO, HI);
    snplp_indicator *n = ind_new(c, "ind-n", "N", SNPLP_UNIT_COUNT, HI);
    snplp_indicator *d = ind_new(c, "ind-d", "D", SNPLP_UNIT_COUNT, HI);
    assert_ok(snplp_indicator_set_ratio_of(rate, "ind-n", "ind-d"));
    snplp_decimal got = {0, 0};
    /* (2^63 − 1) / (2^63 − 2) = 1.000000000000000000108… → 1.000000000000000000 at scale 18 */
    values(rate, 2020, "0.000000000000000001", NULL);
    values(n, 2020, NULL, "9223372036854775807");
    values(d, 2020, NULL, "9223372036854775806");
    assert_ok(snplp_indicator_derived_actual(&got, rate, 2020));
    assert_identical(got, dec(1000000000000000000, 18));
    /* M / 1 at scale 18 is beyond a decimal */
    assert_ok(snplp_indicator_set_actual(d, 2020, D("1")));
    assert_fails(snplp_indicator_derived_actual(&got, rate, 2020), SNPLP_ENOTFOUND);
    assert_message_has("beyond the range");
    snplp_convention_unref(c);
}

static void null_and_out_of_range(void **state)
{
    (void)state;
    snplp_convention *c = maine_et_loire();
    snplp_matrix *m = NULL;
    assert_ok(snplp_convention_matrix(&m, c, NULL));
    snplp_convention_unref(c);

    /* NULL matrix */
    assert_identical(snplp_matrix_threshold(NULL), dec(0, 0));
    assert_int_equal(snplp_matrix_convention_count(NULL), 0);
    assert_int_equal(snplp_matrix_row_count(NULL), 0);
    assert_int_equal(snplp_matrix_first_year(NULL), 0);
    assert_int_equal(snplp_matrix_year_count(NULL), 0);
    assert_null(snplp_matrix_indicator_id(NULL, 0));
    assert_null(snplp_matrix_indicator_label(NULL, 0));
    assert_int_equal(snplp_matrix_unit(NULL, 0), SNPLP_UNIT_NONE);
    assert_int_equal(snplp_matrix_polarity(NULL, 0), SNPLP_POLARITY_NONE);
    assert_int_equal(snplp_matrix_status(NULL, 0, 2019), SNPLP_CELL_NONE);
    assert_int_equal(snplp_matrix_covered(NULL, 0, 2019), 0);
    assert_int_equal(snplp_matrix_expected(NULL, 0, 2019), 0);
    assert_int_equal(snplp_matrix_missing_count(NULL, 0, 2019), 0);
    unsigned what = 5;
    assert_null(snplp_matrix_missing_at(NULL, 0, 2019, 0, &what));
    assert_int_equal(what, 0);
    assert_int_equal(snplp_matrix_row_status_count(NULL, 0, REACHED), 0);
    assert_int_equal(snplp_matrix_status_count(NULL, REACHED), 0);
    snplp_decimal d = dec(3, 1);
    double rate = 4.5;
    assert_fails(snplp_matrix_target(&d, NULL, 0, 2019), SNPLP_EINVAL);
    assert_fails(snplp_matrix_actual(&d, NULL, 0, 2019), SNPLP_EINVAL);
    assert_fails(snplp_matrix_rate(&rate, NULL, 0, 2019), SNPLP_EINVAL);
    snplp_matrix_free(NULL);

    /* NULL out */
    assert_fails(snplp_matrix_target(NULL, m, 0, 2019), SNPLP_EINVAL);
    assert_fails(snplp_matrix_actual(NULL, m, 0, 2019), SNPLP_EINVAL);
    assert_fails(snplp_matrix_rate(NULL, m, 0, 2019), SNPLP_EINVAL);

    /* rows and years out of range */
    assert_null(snplp_matrix_indicator_id(m, 3));
    assert_null(snplp_matrix_indicator_label(m, SIZE_MAX));
    assert_int_equal(snplp_matrix_unit(m, 3), SNPLP_UNIT_NONE);
    assert_int_equal(snplp_matrix_polarity(m, 3), SNPLP_POLARITY_NONE);
    static const int32_t years[] = {2018, 2022, 0, -1, INT32_MIN, INT32_MAX};
    for (size_t i = 0; i < COUNT_OF(years); i++) {
        assert_int_equal(snplp_matrix_status(m, 0, years[i]), SNPLP_CELL_NONE);
        assert_int_equal(snplp_matrix_expected(m, 0, years[i]), 0);
        assert_int_equal(snplp_matrix_covered(m, 0, years[i]), 0);
        assert_int_equal(snplp_matrix_missing_count(m, 1, years[i]), 0);
        assert_null(snplp_matrix_missing_at(m, 1, years[i], 0, NULL));
        assert_fails(snplp_matrix_target(&d, m, 0, years[i]), SNPLP_EINVAL);
        assert_fails(snplp_matrix_actual(&d, m, 0, years[i]), SNPLP_EINVAL);
        assert_fails(snplp_matrix_rate(&rate, m, 0, years[i]), SNPLP_EINVAL);
    }
    assert_int_equal(snplp_matrix_status(m, 3, 2019), SNPLP_CELL_NONE);
    assert_int_equal(snplp_matrix_missing_count(m, 3, 2021), 0);
    assert_null(snplp_matrix_missing_at(m, 3, 2021, 0, &what));
    assert_fails(snplp_matrix_target(&d, m, 3, 2019), SNPLP_EINVAL);
    assert_fails(snplp_matrix_actual(&d, m, SIZE_MAX, 2019), SNPLP_EINVAL);
    assert_fails(snplp_matrix_rate(&rate, m, 3, 2019), SNPLP_EINVAL);
    assert_identical(d, dec(3, 1));
    assert_true(rate == 4.5);
    assert_int_equal(snplp_matrix_row_status_count(m, 3, REACHED), 0);
    assert_int_equal(
        snplp_matrix_row_status_count(m, 0, (snplp_cell_status)SNPLP_CELL_STATUS_COUNT), 0);
    assert_int_equal(snplp_matrix_status_count(m, (snplp_cell_status)-1), 0);
    assert_int_equal(snplp_matrix_status_count(m, (snplp_cell_status)99), 0);
    snplp_matrix_free(m);
}

/* The names of the cells' statuses (support/names.c). */
static const enum_names *const names[] = {&names_cell_status, NULL};

/* ---- out of memory ---- */

typedef struct oom_ctx {
    const snplp_convention *conv;
    snplp_matrix *matrix;
} oom_ctx;

static int oom_step(void *p)
{
    oom_ctx *ctx = p;
    return snplp_convention_matrix(&ctx->matrix, ctx->conv, NULL);
}

static void oom_check(void *p)
{
    oom_ctx *ctx = p;
    assert_null(ctx->matrix); /* untouched */
}

static void out_of_memory(void **state)
{
    (void)state;
    snplp_convention *c = maine_et_loire();
    /* more cells without values than the first growth of the missing list holds */
    char id[32];
    for (int i = 0; i < 8; i++) {
        snprintf(id, sizeof id, "ind-vide-%d", i);
        ind_new(c, id, "Indicateur sans valeurs", SNPLP_UNIT_COUNT, HI);
    }
    oom_ctx ctx = {c, NULL};
    int failures = test_oom_sweep(oom_step, oom_check, &ctx);
    assert_true(failures > 3);
    assert_non_null(ctx.matrix);
    assert_int_equal(snplp_matrix_row_count(ctx.matrix), 11);
    assert_int_equal(snplp_matrix_status_count(ctx.matrix, SNPLP_CELL_NO_TARGET), 26);
    assert_text(snplp_matrix_missing_at(ctx.matrix, 10, 2021, 0, NULL), "calpae-49");
    snplp_matrix_free(ctx.matrix);
    snplp_convention_unref(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(statuses_and_rates),
        cmocka_unit_test(rates_exact),
        cmocka_unit_test(exact_target_wide_values),
        cmocka_unit_test(thresholds),
        cmocka_unit_test(whole_convention),
        cmocka_unit_test(snapshot),
        cmocka_unit_test(empty_convention),
        cmocka_unit_test(refused_arguments),
        cmocka_unit_test(null_and_out_of_range),
        cmocka_unit_test(dated_not_yet_due),
        cmocka_unit_test(derived_quotient),
        cmocka_unit_test(derived_quotient_wide),
        NAMES_TEST(names),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
